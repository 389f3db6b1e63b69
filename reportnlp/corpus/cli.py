"""The corpus commands: ``reportnlp cluster`` (documents clustered by structure, thin over
:func:`~reportnlp.corpus.structure.cluster_documents`), ``similar`` (nearest documents by structure,
:func:`~reportnlp.corpus.structure.nearest_documents`), ``periods`` (contiguous periods in year order,
:func:`~reportnlp.corpus.periods.find_periods`) and ``templates`` (template families, thin over
:func:`reportnlp.corpus.templates.find_families`), each writing a table and optionally a plot (PNG with
the ``plot`` extra, or a self-contained HTML/SVG page; :mod:`reportnlp.corpus.plots`).

Each is a :class:`click.Command` registered on the ``reportnlp`` group (``main.add_command``). They read
their inputs as every reading command does: the shared option group
(:func:`reportnlp.pipeline.options.reading_options`: inputs, encoding, cleaning, ``--jobs``/``--engine``)
and one reader path (:meth:`~reportnlp.pipeline.options.ReadOptions.records`: the partition plan run on the
chosen executor, records read back in input order). numpy, pandas and scikit-learn load when a command
runs, not at import.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Optional

import click

from reportnlp.pipeline.options import ReadOptions, reading_options

__all__ = [
    "ComputeProgress",
    "analysed_records",
    "compute_progress",
    "cluster_cmd",
    "periods_cmd",
    "similar_cmd",
    "templates_cmd",
]

#: The CSV columns before the named features.
CSV_COLUMNS = ("id", "cluster", "silhouette", "distance", "prototype", "title", "signature")


def _k(value: str) -> str | int:
    if value == "auto":
        return value
    try:
        k = int(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither an integer nor 'auto'", param_hint="--k"
        ) from None
    if k < 1:
        raise click.BadParameter(f"{k}: k must be at least 1", param_hint="--k")
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
    processes or Dask); failures and warnings echoed on standard error, ``--stats`` written. ``opts``:
    the command's shared options (else built from the other arguments); ``near``: the command's output
    (the parts are staged beside it; default a temporary folder)."""

    if opts is None:
        opts = ReadOptions(inputs, encoding=encoding, no_clean=no_clean, jobs=jobs, quiet=quiet)
    tmp = None
    if near is None or near == "-":  # standard output: the parts are staged in a folder of our own
        tmp = tempfile.mkdtemp(prefix="reportnlp-")
        near = str(Path(tmp) / "records")
    try:
        with opts.records("analyse", near=near) as (summary, recs):
            records = list(recs)
    finally:
        if tmp is not None:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    _report_reading(summary, opts)
    return records, summary.failures


def _report_reading(summary, opts: ReadOptions) -> None:
    """What the reading found, as ``clean`` reports it: each failure (``error: …``), each warning (files
    skipped, ids renamed, tables without text; unless ``--quiet``) on standard error, and ``--stats``
    (the reading run's summary as JSON, written atomically)."""
    for f in summary.failures:
        click.echo(f"error: {f}", err=True)
    if not opts.quiet:
        for w in summary.warnings:
            click.echo(f"warning: {w}", err=True)
    if opts.stats_path:
        _write_text(
            opts.stats_path, json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
        )


class ComputeProgress:
    """The compute steps' progress on standard error: one tqdm bar a stage (``features``, ``clustering
    k=2..8``, ``neighbours``, ``shingles`` …) with its total, rate and ETA. Call it as the core functions'
    ``progress(stage, done, total)``; :meth:`close` ends the last bar."""

    def __init__(self) -> None:
        self.bar = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not total:  # nothing to do in this stage (no family to align): no empty bar
            self.close()
            self.stage = stage
            return
        if stage != self.stage or self.bar is None:
            self.close()
            from tqdm import tqdm

            self.stage = stage
            self.bar = tqdm(total=total, desc=stage, file=sys.stderr, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def compute_progress(opts: ReadOptions) -> Optional[ComputeProgress]:
    """A :class:`ComputeProgress` when standard error is a terminal and not ``--quiet`` (as the reading
    bar), else ``None``."""
    if opts.quiet or not sys.stderr.isatty():
        return None
    return ComputeProgress()


def _done(progress: Optional[ComputeProgress]) -> None:
    if progress is not None and hasattr(progress, "close"):
        progress.close()


def _write_text(path: str, text: str) -> None:
    """Write ``text`` atomically to ``path``, or to standard output for ``-``."""
    if path == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    from reportnlp.pipeline.writers import AtomicFile

    f = AtomicFile(path)
    try:
        f.write(text)
    except BaseException:
        f.abort()
        raise
    f.commit()


def _write_csv(path: str, text: str) -> None:
    """Write a CSV table: a file starts with a UTF-8 byte-order mark, so Excel reads its Chinese as UTF-8
    (without one it reads the system code page, GBK on a Chinese Windows: mojibake); pandas, R and
    LibreOffice skip the mark. Standard output, for pipes, has none."""
    _write_text(path, text if path == "-" else "\ufeff" + text)


def _shown(path: str) -> str:
    return "standard output" if path == "-" else path


def _check_plot(plot: Optional[str]) -> None:
    if plot:
        from reportnlp.corpus.plots import plot_kind

        try:
            plot_kind(plot)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--plot") from None


def _plot_or_warn(fn, *args, **kwargs) -> Optional[str]:
    """Run a plot writer; a missing matplotlib is a warning (the table is written already), not a crash."""
    try:
        fn(*args, **kwargs)
    except RuntimeError as err:
        click.echo(f"warning: no plot: {err}", err=True)
        return None
    return args[0]


#: ``--year-centring``: a panel of years (several offices' reports for each of two years or more) is
#: centred on each year's mean (:func:`reportnlp.corpus.structure.panel_years`), or never (``off``).
_year_centring = click.option(
    "--year-centring",
    type=click.Choice(["auto", "off"]),
    default="auto",
    show_default=True,
    help="auto: when two years or more have three documents each or more (every province's reports of "
    "two years), centre each year's documents on the year's mean first, so that a year's common chapters "
    "do not outweigh each office's hand; off: never.",
)


def _title_pattern(
    ctx: click.Context, param: click.Parameter, value: Optional[str]
) -> Optional[re.Pattern[str]]:
    if not value:
        return None
    try:
        return re.compile(value)
    except re.error as err:
        raise click.BadParameter(f"{value!r} is no regular expression: {err}") from None


_skip_title = click.option(
    "--skip-title",
    "skip_title",
    metavar="PATTERN",
    callback=_title_pattern,
    help="Leave out the documents whose title matches PATTERN (a regular expression; counted in the "
    "summary), e.g. --skip-title 决议 for the NPC resolutions among the State Council reports.",
)


def _without_skipped(
    records: list[dict], pattern: Optional[re.Pattern[str]], quiet: bool
) -> list[dict]:
    """``records`` less those with no text (no structure: each would sit at every feature's floor and be
    the nearest neighbour of most documents) and those whose title ``pattern`` (``--skip-title``) finds;
    the counts are echoed."""
    has_text = [bool((r.get("text") or "").strip()) for r in records]
    empty = [r for r, ok in zip(records, has_text) if not ok]
    if empty:
        records = [r for r, ok in zip(records, has_text) if ok]
        if not quiet:
            shown = ", ".join(str(r.get("id")) for r in empty[:5])
            shown += ", …" if len(empty) > 5 else ""
            click.echo(
                f"skipped: {len(empty)} document{'' if len(empty) == 1 else 's'} with no text "
                f"({shown})",
                err=True,
            )
    if pattern is None:
        return records
    kept = [r for r in records if not pattern.search(r.get("title") or "")]
    if not quiet:
        click.echo(
            f"skipped: {len(records) - len(kept)} documents whose title matches {pattern.pattern!r} "
            "(--skip-title)",
            err=True,
        )
    return kept


def _years(year_centring: str) -> Optional[str]:
    return "auto" if year_centring == "auto" else None


@click.command("cluster", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="clusters.csv to write (clusters.json: the same rows as JSON; -: CSV on standard output).",
)
@click.option(
    "--k",
    "k",
    default="auto",
    show_default=True,
    help="Number of clusters, or auto: the k from 2 to --k-max with the best mean silhouette.",
)
@click.option("--k-max", default=8, show_default=True, type=click.IntRange(2, 100))
@click.option(
    "--method",
    type=click.Choice(["kmeans", "ward", "average"]),
    default="kmeans",
    show_default=True,
    help="k-means (50 starts), or agglomerative clustering with Ward or average linkage.",
)
@click.option(
    "--describe",
    "describe_path",
    type=click.Path(dir_okay=False),
    help="Also write the clusters as JSON: k, the silhouette curve, each prototype's outline and the "
    "features that set it apart, the members.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False),
    help="Also plot the clusters: a 2-D map (.png or .html), or a dendrogram (.png, --method "
    "ward|average) when --plot-kind says so or the file name starts with 'dendrogram'.",
)
@click.option(
    "--plot-kind",
    type=click.Choice(["map", "dendrogram"]),
    default=None,
    help="What --plot draws (default: a dendrogram for a name starting with 'dendrogram', else a map).",
)
@click.option("--random-state", default=0, show_default=True, type=int, help="k-means seed.")
@_year_centring
@_skip_title
@reading_options
def cluster_cmd(
    output: str,
    k: str,
    k_max: int,
    method: str,
    describe_path: Optional[str],
    plot: Optional[str],
    plot_kind: Optional[str],
    random_state: int,
    year_centring: str,
    skip_title: Optional[re.Pattern[str]],
    opts: ReadOptions,
) -> None:
    """Cluster documents by structure: how the outline is built and worded (headings, their templates,
    lead sentences, opening and closing formulas), enumeration style, section proportions.

    INPUT is read as by ``reportnlp clean`` (files, directories, .jsonl, - for stdin) and cleaned first
    unless --no-clean. The CSV (JSON for an -o name ending in .json) has one row per document, in input
    order: id, cluster, silhouette,
    distance (to the cluster centre), prototype (the member nearest the centre), title, signature, then
    the structure features. A document with no text left is left out and named. The exit code is 1 when
    any input failed; the others are clustered.

    \b
    Example:
      reportnlp cluster corpora/gwr/government_work_reports.jsonl -o out/clusters.csv --describe out/clusters.json
    """
    from reportnlp.corpus.structure import FEATURES, cluster_documents

    _table_format(output)  # -o clusters.jsonl wrote CSV under that name
    k_value = _k(k)
    opts.check_outputs(
        [
            ("-o", output, "file"),
            ("--describe", describe_path, "file"),
            ("--plot", plot, "file"),
            ("--stats", opts.stats_path, "file"),
        ]
    )
    _check_plot(plot)
    dendrogram = bool(plot) and (
        plot_kind == "dendrogram"
        or (plot_kind is None and Path(plot).name.lower().startswith("dendrogram"))
    )
    if dendrogram and method == "kmeans":
        raise click.BadParameter("a dendrogram needs --method ward or average", param_hint="--plot")
    if dendrogram and not plot.lower().endswith(".png"):
        raise click.BadParameter("a dendrogram is drawn as .png", param_hint="--plot")
    records, failures = analysed_records(opts.inputs, opts=opts, near=output)
    records = _without_skipped(records, skip_title, opts.quiet)
    if not records:
        click.echo("error: no document to cluster", err=True)
        sys.exit(1)
    if isinstance(k_value, int) and k_value > len(records):
        click.echo(f"error: --k {k_value} but only {len(records)} documents", err=True)
        sys.exit(1)

    progress = compute_progress(opts)
    try:
        result = cluster_documents(
            records, k=k_value, k_max=k_max, random_state=random_state, method=method,
            progress=progress, years=_years(year_centring),
        )  # fmt: skip
    finally:
        _done(progress)
    table = result.assignments[list(CSV_COLUMNS) + list(FEATURES)]
    from reportnlp.readers.fields import add_field_columns

    table = add_field_columns(table, records)  # the input's source and own fields, to join back
    if output.lower().endswith(".json"):  # the same rows as JSON, as similar and periods write
        rows = json.loads(table.to_json(orient="records", force_ascii=False, double_precision=6))
        _write_text(output, json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        _write_csv(output, table.to_csv(index=False, float_format="%.6g", lineterminator="\n"))
    written = [output]
    if describe_path:
        _write_text(
            describe_path, json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
        )
        written.append(describe_path)
    if plot:
        from reportnlp.corpus import plots

        ids = result.assignments["id"].tolist()
        title = f"{len(ids)} documents, {result.k} clusters ({method})"
        if dendrogram:
            done = _plot_or_warn(
                plots.dendrogram_png, plot, result.features, ids, method=method, title=title
            )
        else:
            rows = result.assignments[["id", "title", "cluster", "prototype", "signature"]].to_dict(
                "records"
            )
            done = _plot_or_warn(
                plots.write_map, plot, plots.map_coordinates(result.features), ids,
                groups=result.assignments["cluster"].tolist(), title=title, rows=rows,
            )  # fmt: skip
        if done:
            written.append(done)
    if not opts.quiet:
        lines = [
            f"documents: {len(records)} clustered, {len(failures)} failed",
            f"k: {result.k} ({method})"
            + (
                f", by mean silhouette over {min(result.k_scores)}-{max(result.k_scores)}: "
                + " ".join(f"{kk}:{v:.3f}" for kk, v in result.k_scores.items())
                if result.k_scores
                else ""
            )
            + (f"; silhouette {result.silhouette:.3f}" if result.k > 1 else ""),
        ]
        if result.years is not None:  # a panel of years: what each year's reports share is set aside
            dated = sorted({y for y in result.years if y is not None})
            lines.append(
                f"years: {len(dated)} with several documents each ({', '.join(map(str, dated))}): "
                "each centred on its year's mean"
            )
        for row in result.clusters.itertuples():
            lines.append(
                f"cluster {row.cluster}: {row.size} document{'' if row.size == 1 else 's'}, "
                f"prototype {row.prototype} "
                f"{row.signature or '(no headings)'}" + (f"; {row.traits}" if row.traits else "")
            )
        lines.append("wrote " + ", ".join(_shown(w) for w in written))
        click.echo("\n".join(lines), err=True)
    if failures:
        sys.exit(1)


def _table_format(path: str) -> str:
    if path == "-":  # standard output: CSV
        return "csv"
    suffix = path.lower().rsplit(".", 1)[-1] if "." in path else ""
    if suffix not in ("csv", "json"):
        raise click.BadParameter(f"write .csv or .json, not {path!r}", param_hint="-o")
    return suffix


@click.command("similar", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="neighbours.csv or neighbours.json to write (-: CSV on standard output).",
)
@click.option(
    "--top",
    default=5,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Neighbours a document.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False),
    help="Also draw a 2-D map of the documents with a line to each one's nearest: map.png or map.html.",
)
@_year_centring
@_skip_title
@reading_options
def similar_cmd(
    output: str,
    top: int,
    plot: Optional[str],
    year_centring: str,
    skip_title: Optional[re.Pattern[str]],
    opts: ReadOptions,
) -> None:
    """The nearest documents by structure, with what their outlines share.

    Distances are Euclidean in the block-weighted structure space of ``reportnlp cluster`` (headings and
    their templates, lead sentences, formulas, outline counts; no body vocabulary). One row per pair: id,
    rank, neighbour, distance, similarity (cosine), same_signature (the two outlines have the same shape),
    shared (the features both documents have well above the corpus mean), title and neighbour_title. JSON
    groups the rows by document. A document with no text left is left out and named.

    \b
    Example:
      reportnlp similar corpora/gwr/government_work_reports.jsonl --top 3 -o out/similar.csv --plot out/map.html
    """
    from reportnlp.corpus.structure import make_pipeline, nearest_documents

    fmt = _table_format(output)
    _check_plot(plot)
    opts.check_outputs(
        [("-o", output, "file"), ("--plot", plot, "file"), ("--stats", opts.stats_path, "file")]
    )
    records, failures = analysed_records(opts.inputs, opts=opts, near=output)
    records = _without_skipped(records, skip_title, opts.quiet)
    if len(records) < 2:
        click.echo("error: similar needs at least two documents", err=True)
        sys.exit(1)
    progress = compute_progress(opts)
    try:
        table = nearest_documents(records, top=top, progress=progress, years=_years(year_centring))
    finally:
        _done(progress)
    titles = {str(r["id"]): r.get("title") or "" for r in records}  # rows readable without a lookup
    table["title"] = table["id"].map(titles)
    table["neighbour_title"] = table["neighbour"].map(titles)
    if fmt == "csv":
        _write_csv(output, table.to_csv(index=False, float_format="%.6g", lineterminator="\n"))
    else:
        grouped: dict[str, list] = {}
        for row in table.to_dict("records"):
            row.pop("title")
            grouped.setdefault(str(row.pop("id")), []).append(
                {k: (round(v, 6) if isinstance(v, float) else v) for k, v in row.items()}
            )
        data = {
            "top": top,
            "documents": [
                {"id": i, "title": titles.get(i, ""), "neighbours": n} for i, n in grouped.items()
            ],
        }
        _write_text(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    written = [output]
    if plot:
        from reportnlp.corpus import plots

        head = make_pipeline(2)[:-2].fit(records)
        Z = head.transform(records).to_numpy(dtype=float)
        ids = [str(r.get("id")) for r in records]
        index = {d: i for i, d in enumerate(table["id"].astype(str).unique().tolist())}
        first = table[table["rank"] == 1]
        edges = [(index[str(a)], index[str(b)]) for a, b in zip(first["id"], first["neighbour"])]
        done = _plot_or_warn(
            plots.write_map, plot, plots.map_coordinates(Z), list(index) or ids, edges=edges,
            title=f"{len(records)} documents by structure (lines: nearest neighbour)",
            rows=first[["id", "title", "neighbour", "neighbour_title", "distance", "shared"]].to_dict(
                "records"
            ),
        )  # fmt: skip
        if done:
            written.append(done)
    if not opts.quiet:
        same = float(table.loc[table["rank"] == 1, "same_signature"].mean())
        click.echo(
            f"documents: {len(records)} read, {len(failures)} failed; {len(table)} neighbour rows "
            f"(top {top}{f'; {len(records) - 1} others a document' if top >= len(records) else ''}); "
            f"nearest neighbour has the same outline shape for {same:.0%}\n"
            "wrote " + ", ".join(_shown(w) for w in written),
            err=True,
        )
    if failures:
        sys.exit(1)


def _year_of(record: dict, field: Optional[str], from_title: bool) -> Optional[float]:
    """``--years-field FIELD`` (the record's, its meta's or its fields': a year or a date that starts with
    one; not a boolean, NaN or infinity, which would be ordered as years) or ``--years-from-title``.

    >>> _year_of({"year": "2015"}, "year", False), _year_of({"meta": {"date": "2015-05-21"}}, "date", False)
    (2015.0, 2015.0)
    >>> _year_of({"year": float("nan")}, "year", False), _year_of({"year": True}, "year", False)
    (None, None)
    """
    import math

    from reportnlp.corpus.years import title_year, value_year

    if field:
        for source in (record, record.get("meta") or {}, record.get("fields") or {}):
            value = source.get(field) if isinstance(source, dict) else None
            if value not in (None, ""):
                if isinstance(value, bool):
                    return None
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    year = value_year(value)
                    return float(year) if year is not None else None
                return number if math.isfinite(number) else None
        return None
    if from_title:
        year = title_year(record.get("title") or "")
        return float(year) if year is not None else None
    return None


@click.command("periods", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="periods.csv or .json to write (-: CSV on standard output).",
)
@click.option(
    "--years-field",
    default=None,
    help="The record field (or meta key) holding each document's year: a number, or a date that "
    "starts with it (2025-01-14, 2025年1月14日), e.g. --years-field date for the pages' dates.",
)
@click.option(
    "--years-from-title",
    is_flag=True,
    help="Read each year from the title (a leading 2025年, or the NPC session of a resolution).",
)
@click.option(
    "--k", "k", default="auto", show_default=True, help="Number of periods, or auto (silhouette)."
)
@click.option("--k-max", default=8, show_default=True, type=click.IntRange(2, 100))
@click.option(
    "--min-size",
    default=2,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Least documents a period.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False),
    help="Also draw the periods on a time line: periods.png or .html.",
)
@_skip_title
@reading_options
def periods_cmd(
    output: str,
    years_field: Optional[str],
    years_from_title: bool,
    k: str,
    k_max: int,
    min_size: int,
    plot: Optional[str],
    skip_title: Optional[re.Pattern[str]],
    opts: ReadOptions,
) -> None:
    """Cut documents, in year order, into contiguous periods of similar structure (exact optimal
    segmentation; see ``reportnlp.corpus.find_periods``).

    Each document needs a year: --years-field FIELD (a field of the input record or its meta) or
    --years-from-title. Documents without one, or with no text left, are left out (counted in the summary). The CSV has one row per
    document in year order: id, year, period, signature, title; JSON also lists the periods (first, last,
    size, prototype) and the breaks.

    \b
    Example:
      reportnlp periods corpora/gwr/government_work_reports.jsonl --years-from-title --skip-title 决议 -o out/periods.csv --plot out/periods.png
    """
    from reportnlp.corpus.periods import find_periods

    if bool(years_field) == bool(years_from_title):
        raise click.UsageError("give exactly one of --years-field FIELD and --years-from-title")
    fmt = _table_format(output)
    _check_plot(plot)
    k_value = _k(k)
    opts.check_outputs(
        [("-o", output, "file"), ("--plot", plot, "file"), ("--stats", opts.stats_path, "file")]
    )
    records, failures = analysed_records(opts.inputs, opts=opts, near=output)
    records = _without_skipped(records, skip_title, opts.quiet)
    dated = [(r, _year_of(r, years_field, years_from_title)) for r in records]
    undated = [r for r, y in dated if y is None]
    dated = [(r, y) for r, y in dated if y is not None]
    if len(dated) < 2 * min_size:
        click.echo(
            f"error: {len(dated)} document{'' if len(dated) == 1 else 's'} with a year ({len(undated)} "
            f"without); periods need at least {2 * min_size}"
            + (
                " (a year from another field or meta key: --years-field FIELD; from the title: "
                "--years-from-title)"
                if undated
                else ""
            ),
            err=True,
        )
        sys.exit(1)
    if isinstance(k_value, int) and k_value > len(dated) // min_size:
        click.echo(
            f"error: --k {k_value} periods of {min_size}+ from {len(dated)} documents", err=True
        )
        sys.exit(1)
    years = [int(y) if float(y).is_integer() else y for _, y in dated]
    progress = compute_progress(opts)
    try:
        result = find_periods(
            [r for r, _ in dated], years=years, k=k_value, k_max=k_max, min_size=min_size,
            progress=progress,
        )  # fmt: skip
    except ValueError as e:  # --k N periods the years cannot give (a period starts at a new year)
        click.echo(f"error: --k {k_value}: {e}; give a smaller --k, or --k auto", err=True)
        sys.exit(1)
    finally:
        _done(progress)
    # each row's title last, as similar gives it: an id such as cpc_congress_reports-3 says nothing
    titles = {str(r["id"]): r.get("title") or "" for r, _ in dated}
    table = result.assignments.assign(title=result.assignments["id"].astype(str).map(titles))
    if fmt == "csv":
        _write_csv(output, table.to_csv(index=False, lineterminator="\n"))
    else:
        data = {
            "k": result.k,
            "breaks": result.breaks,
            "silhouette": None
            if result.silhouette != result.silhouette
            else round(result.silhouette, 6),
            "k_scores": {str(kk): round(v, 6) for kk, v in result.k_scores.items()},
            "periods": result.periods.to_dict("records"),
            "documents": table.to_dict("records"),
        }
        _write_text(output, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    written = [output]
    if plot:
        from reportnlp.corpus import plots

        done = _plot_or_warn(
            plots.write_periods, plot, result.assignments["year"].tolist(),
            result.assignments["period"].tolist(), result.assignments["id"].tolist(),
            title=f"{len(dated)} documents in {result.k} periods", rows=result.periods.to_dict("records"),
        )  # fmt: skip
        if done:
            written.append(done)
    if not opts.quiet:
        spans = ", ".join(f"{r.first}–{r.last} ({r.size})" for r in result.periods.itertuples())
        # which documents are not in the table: a user looks for them (the State Council corpus's 20
        # resolutions have no year field)
        left = (
            " (" + ", ".join(str(r.get("id")) for r in undated[:3]) + (", …" if len(undated) > 3 else "")
            + ": not in the table)"
            if undated
            else ""
        )
        click.echo(
            f"documents: {len(dated)} in periods, {len(undated)} without a year{left}, "
            f"{len(failures)} failed\n"
            f"periods: {result.k}: {spans}; breaks {result.breaks}\n"
            "wrote " + ", ".join(_shown(w) for w in written),
            err=True,
        )
    if failures:
        sys.exit(1)


@click.command("templates", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="families.jsonl (-: standard output)",
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

    if output != "-" and not output.lower().endswith((".jsonl", ".ndjson")):  # -o t.csv wrote JSON lines
        raise click.BadParameter(
            f"write families.jsonl (or .ndjson) or - (standard output), not {output!r}", param_hint="-o"
        )
    opts.check_outputs([("-o", output, "file"), ("--stats", opts.stats_path, "file")])

    docs: dict[str, str] = {}
    carried: dict[str, dict] = {}  # each id's source file and the input's own fields
    with contextlib.ExitStack() as stack:
        near = output
        if output == "-":  # standard output: the parts are staged in a folder of our own
            near = str(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "families")
        with opts.records("clean", near=near) as (summary, records):
            for r in records:
                docs[r["id"]] = r["text"]
                carried[r["id"]] = {"source": r.get("source"), "fields": r.get("fields") or {}}
    failures = summary.failures
    _report_reading(summary, opts)
    if not docs:  # as clean: an earlier run's families are not replaced by nothing
        from reportnlp.pipeline.driver import nothing_written

        click.echo(f"warning: {nothing_written(bool(failures), [output])}", err=True)
        sys.exit(1)
    progress = compute_progress(opts)
    try:
        families = find_families(
            docs, threshold=threshold, singletons=singletons, progress=progress
        )
    finally:
        _done(progress)

    def rows():
        for fam in families:
            row = fam.to_dict()
            row["inputs"] = {m: carried.get(m, {}) for m in fam.members}  # source and fields
            yield dumps(row) + "\n"

    if output == "-":
        _write_text(output, "".join(rows()))
    else:
        out = AtomicFile(output)
        try:
            for row in rows():
                out.write(row)
        except BaseException:
            out.abort()
            raise
        out.commit()
    if not opts.quiet:
        in_families = sum(len(f.members) for f in families if len(f.members) > 1)
        alone = len(docs) - in_families
        # with --singletons the file holds the lone documents too: say so, or "families: 0" reads as empty
        written = ", each written as a family of one (--singletons)" if singletons and alone else ""
        click.echo(
            f"documents: {len(docs)} read, {len(failures)} failed\n"
            f"families: {sum(len(f.members) > 1 for f in families)} "
            f"({in_families} documents in families, {alone} alone{written})\n"
            f"wrote {_shown(output)}",
            err=True,
        )
    if failures:
        sys.exit(1)
