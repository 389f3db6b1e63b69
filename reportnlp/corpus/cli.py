"""``reportnlp cluster``: documents clustered by structure, one CSV row per document (thin over
:func:`reportnlp.corpus.structure.cluster_documents`).

The command is a :class:`click.Command` (``cluster_cmd``) registered on the ``reportnlp`` group by
``main.add_command(cluster_cmd, "cluster")``.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from reportnlp.pipeline.readers import read_inputs
from reportnlp.pipeline.run import run_clean
from reportnlp.pipeline.writers import AtomicFile

__all__ = ["cluster_cmd"]

#: The CSV columns before the named features.
CSV_COLUMNS = ("id", "cluster", "silhouette", "distance", "prototype", "title", "signature")


def _k(value: str) -> str | int:
    if value == "auto":
        return value
    try:
        k = int(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is neither an integer nor 'auto'") from None
    if k < 1:
        raise click.BadParameter("k must be at least 1")
    return k


@click.command("cluster", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="clusters.csv to write."
)
@click.option(
    "--k",
    "k",
    default="auto",
    show_default=True,
    help="Number of clusters, or auto: the k from 2 to --k-max with the best silhouette.",
)
@click.option("--k-max", default=8, show_default=True, type=click.IntRange(2, 100))
@click.option(
    "--no-clean",
    is_flag=True,
    help="Inputs are clean already (e.g. the output of reportnlp clean): analyse their text as is.",
)
@click.option(
    "--describe",
    "describe_path",
    type=click.Path(dir_okay=False),
    help="Also write the clusters as JSON: k, silhouettes, each prototype's outline, the members.",
)
@click.option("--random-state", default=0, show_default=True, type=int, help="k-means seed.")
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Worker processes.",
)
@click.option("--encoding", default=None, help="Force the input encoding of text files.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on standard error.")
def cluster_cmd(
    inputs: tuple[str, ...],
    output: str,
    k: str,
    k_max: int,
    no_clean: bool,
    describe_path: Optional[str],
    random_state: int,
    jobs: int,
    encoding: Optional[str],
    quiet: bool,
) -> None:
    """Cluster documents by structure: outline, enumeration style, section lengths, densities.

    INPUT is read as by ``reportnlp clean`` (files, directories, .jsonl, - for stdin) and cleaned first
    unless --no-clean. The CSV has one row per document, in input order: id, cluster, silhouette,
    distance (to the cluster centre), prototype (the member nearest the centre), title, signature, then
    the structure features. The exit code is 1 when any input failed; the others are clustered.

    \b
    Example:
      reportnlp cluster corpora/gwr/government_work_reports.jsonl -o out/clusters.csv --describe out/clusters.json
    """
    from reportnlp.corpus.structure import FEATURES, cluster_documents

    k_value = _k(k)
    options: dict = {"no_clean": True} if no_clean else {"to_simplified": True}
    if encoding:
        options["encoding"] = encoding
    records, failures = [], []
    for res in run_clean(read_inputs(inputs), jobs=jobs, options=options, step="analyse"):
        if res.error is not None:
            failures.append(res.error)
            click.echo(f"error: {res.error}", err=True)
        else:
            records.append(res.record)
    if not records:
        click.echo("error: no document to cluster", err=True)
        sys.exit(1)
    if isinstance(k_value, int) and k_value > len(records):
        click.echo(f"error: --k {k_value} but only {len(records)} documents", err=True)
        sys.exit(1)

    result = cluster_documents(records, k=k_value, k_max=k_max, random_state=random_state)
    table = result.assignments[list(CSV_COLUMNS) + list(FEATURES)]
    from reportnlp.readers.fields import add_field_columns

    table = add_field_columns(table, records)  # the input's source and own fields, to join back
    f = AtomicFile(output)
    try:
        f.write(table.to_csv(index=False, float_format="%.6g", lineterminator="\n"))
    except BaseException:
        f.abort()
        raise
    f.commit()
    if describe_path:
        d = AtomicFile(describe_path)
        d.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        d.commit()
    if not quiet:
        lines = [
            f"documents: {len(records)} clustered, {len(failures)} failed",
            f"k: {result.k}"
            + (
                f" (by silhouette over {min(result.k_scores)}-{max(result.k_scores)})"
                if result.k_scores
                else ""
            )
            + (f", silhouette {result.silhouette:.3f}" if result.k > 1 else ""),
        ]
        for row in result.clusters.itertuples():
            lines.append(
                f"cluster {row.cluster}: {row.size} documents, prototype {row.prototype} "
                f"{row.signature or '(no headings)'}" + (f"; {row.traits}" if row.traits else "")
            )
        click.echo("\n".join(lines), err=True)
    if failures:
        sys.exit(1)
