"""The corpus commands: ``reportnlp cluster`` (documents clustered by structure, one CSV row per document,
thin over :func:`reportnlp.corpus.structure.cluster_documents`) and ``reportnlp templates`` (template
families, thin over :func:`reportnlp.corpus.templates.find_families`).

Each is a :class:`click.Command` registered on the ``reportnlp`` group (``main.add_command``). They read
their inputs as every reading command does: the shared option group
(:func:`reportnlp.pipeline.options.reading_options`: inputs, encoding, cleaning, ``--jobs``/``--engine``)
and one reader path (:meth:`~reportnlp.pipeline.options.ReadOptions.records`: the partition plan run on the chosen executor, records read
back in input order). numpy, pandas and scikit-learn load when a command runs, not at import.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from reportnlp.pipeline.options import ReadOptions, reading_options

__all__ = ["analysed_records", "cluster_cmd", "templates_cmd"]

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


def analysed_records(
    inputs: tuple[str, ...],
    *,
    no_clean: bool = False,
    encoding: Optional[str] = None,
    jobs: int = 1,
    quiet: bool = False,
    opts: Optional[ReadOptions] = None,
    near: Optional[str] = None,
) -> tuple[list[dict], list[str]]:
    """The inputs cleaned (unless ``no_clean``) and analysed: ``(records, failures)`` in input order, read
    through the one reader path (:meth:`ReadOptions.records`: the partition plan on this process, ``jobs``
    processes or Dask); failures echoed on standard error. ``opts``: the command's shared options (else
    built from the other arguments); ``near``: the command's output (the parts are staged beside it;
    default a temporary folder)."""
    import tempfile

    if opts is None:
        opts = ReadOptions(inputs, encoding=encoding, no_clean=no_clean, jobs=jobs, quiet=quiet)
    tmp = None
    if near is None:
        tmp = tempfile.mkdtemp(prefix="reportnlp-")
        near = str(Path(tmp) / "records")
    try:
        with opts.records("analyse", near=near) as (summary, recs):
            records = list(recs)
    finally:
        if tmp is not None:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    for f in summary.failures:
        click.echo(f"error: {f}", err=True)
    return records, summary.failures


@click.command("cluster", context_settings={"help_option_names": ["-h", "--help"]})
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
    "--describe",
    "describe_path",
    type=click.Path(dir_okay=False),
    help="Also write the clusters as JSON: k, silhouettes, each prototype's outline, the members.",
)
@click.option("--random-state", default=0, show_default=True, type=int, help="k-means seed.")
@reading_options
def cluster_cmd(
    output: str,
    k: str,
    k_max: int,
    describe_path: Optional[str],
    random_state: int,
    opts: ReadOptions,
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
    from reportnlp.pipeline.writers import AtomicFile

    k_value = _k(k)
    opts.check_outputs([("-o", output, "file"), ("--describe", describe_path, "file")])
    records, failures = analysed_records(opts.inputs, opts=opts, near=output)
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
    if not opts.quiet:
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


@click.command("templates", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="families.jsonl"
)
@click.option(
    "--threshold",
    default=0.5,
    show_default=True,
    type=click.FloatRange(0.0, 1.0, min_open=True),
    help="Shingle Jaccard similarity at which two documents are linked.",
)
@click.option("--singletons", is_flag=True, help="Also write families of one document.")
@reading_options
def templates_cmd(output: str, threshold: float, singletons: bool, opts: ReadOptions) -> None:
    """Find template families: near-duplicates and documents filled in from one template.

    INPUT is read as by ``reportnlp clean`` (files, directories, .jsonl, - for stdin) and cleaned first
    unless --no-clean. One JSONL record per family: ``family``, ``members`` (ids), ``medoid``,
    ``skeleton`` (the medoid's text with ``{slot_N}`` where members differ), ``slots`` (each member's text
    and offsets there), ``jaccard`` and ``inputs`` (each member's source and the input's own fields). The exit code is 1 when any input failed; the rest is written.

    \b
    Example:
      reportnlp templates corpora/samples -o out/families.jsonl
    """
    from reportnlp.corpus.templates import find_families
    from reportnlp.pipeline.writers import AtomicFile, dumps

    opts.check_outputs([("-o", output, "file")])

    docs: dict[str, str] = {}
    carried: dict[str, dict] = {}  # each id's source file and the input's own fields
    with opts.records("clean", near=output) as (summary, records):
        for r in records:
            docs[r["id"]] = r["text"]
            carried[r["id"]] = {"source": r.get("source"), "fields": r.get("fields") or {}}
    failures = summary.failures
    for f in failures:
        click.echo(f"error: {f}", err=True)
    families = find_families(docs, threshold=threshold, singletons=singletons)
    out = AtomicFile(output)
    try:
        for fam in families:
            row = fam.to_dict()
            row["inputs"] = {m: carried.get(m, {}) for m in fam.members}  # source and fields
            out.write(dumps(row) + "\n")
    except BaseException:
        out.abort()
        raise
    out.commit()
    if not opts.quiet:
        in_families = sum(len(f.members) for f in families if len(f.members) > 1)
        click.echo(
            f"documents: {len(docs)} read, {len(failures)} failed\n"
            f"families: {sum(len(f.members) > 1 for f in families)} "
            f"({in_families} documents in families, {len(docs) - in_families} alone)\n"
            f"wrote {output}",
            err=True,
        )
    if failures:
        sys.exit(1)
