"""The ``reportnlp`` command line: thin over the library (arguments in, summary out, exit code)."""

from __future__ import annotations

import codecs
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Optional

import click

from reportnlp.errors import OutputError, UsageError
from reportnlp.pipeline.readers import read_inputs
from reportnlp.pipeline.run import Summary, corpus_line_counts, min_documents, run_clean
from reportnlp.pipeline.writers import (
    AtomicFile,
    check_outputs,
    dumps,
    missing_modules,
    open_writer,
    output_kind,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportnlp")
def main() -> None:
    """Clean and analyse Chinese government work reports scraped from the web."""


def _common_options(fn):
    """Options shared by ``clean`` and ``analyse`` (the clean stage's settings and the run's)."""
    options = [
        click.argument("inputs", nargs=-1, required=True),
        click.option(
            "--stats",
            "stats_path",
            type=click.Path(dir_okay=False),
            help="Write the run summary (with each document's encoding and script) as JSON.",
        ),
        click.option(
            "-j",
            "--jobs",
            default=1,
            show_default=True,
            type=click.IntRange(1, 256),
            help="Worker processes.",
        ),
        click.option(
            "--corpus-signal",
            type=click.Choice(["auto", "on", "off"]),
            default="auto",
            show_default=True,
            help="Drop lines repeated across many documents of the run (auto: on from 20 documents).",
        ),
        click.option(
            "--keep-script", is_flag=True, help="Do not convert traditional script to simplified."
        ),
        click.option(
            "--encoding",
            default=None,
            help="Force the input encoding of text files (default: detect per file).",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary."),
        click.option(
            "--text-field",
            default=None,
            help="Field holding the text in JSONL, CSV, XLSX or parquet records "
            "(default: text, else content; an html field is read as a page).",
        ),
        click.option(
            "--id-field", default="id", show_default=True, help="Field holding the record id."
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _preflight(inputs: tuple[str, ...], output: str = "", engine: str = "local") -> list[str]:
    """Before any work: missing extras (of a reader, parquet output, the Dask engine) end the run with
    the pip command; files that are not inputs are counted by extension and returned as warnings for
    the run's summary."""
    import importlib.util

    from reportnlp.readers import preflight

    found = preflight(inputs)
    if output.endswith(".parquet") and importlib.util.find_spec("pyarrow") is None:
        found.missing.setdefault("parquet", []).append(output)
    if engine == "dask" and importlib.util.find_spec("distributed") is None:
        found.missing.setdefault("dask", []).append("--engine dask")
    if (message := found.error()) is not None:
        raise click.UsageError(message)
    return found.warnings()


def _engine_options(fn):
    """``--engine``, ``--workers``, ``--scheduler``: run clean or analyse on Dask (one machine or many)."""
    options = [
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="local: this process or --jobs worker processes; dask: a Dask cluster "
            "(pip install 'reportnlp[dask]').",
        ),
        click.option(
            "--workers",
            type=click.IntRange(1, 1024),
            default=None,
            help="With --engine dask: start a local cluster of N worker processes (default: one per core).",
        ),
        click.option(
            "--scheduler",
            default=None,
            help="With --engine dask: join the cluster at this address (e.g. tcp://10.0.0.5:8786); "
            "workers must see the input and output paths.",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@main.command("clean")
@click.option(
    "-o", "--output", required=True, help="OUT.jsonl, OUT.parquet, or a directory for .txt files."
)
@click.option(
    "--explain",
    "explain_path",
    type=click.Path(dir_okay=False),
    help="Write one JSONL row per non-blank raw line: id, line, action, reason.",
)
@_common_options
@_engine_options
def clean_cmd(output: str, explain_path: Optional[str], **kwargs) -> None:
    """Clean raw report pages: INPUT files, directories (recursive; .txt and .jsonl) or - for stdin.

    Each document is decoded, normalised (pinyin, mojibake, script, width), stripped of site boilerplate
    and its paragraphs rebuilt. The exit code is 1 when any input failed; the others are still written.

    \b
    Example:
      reportnlp clean corpora/samples -o out/samples.jsonl --explain out/explain.jsonl
    """
    _run("clean", output, explain_path=explain_path, **kwargs)


@main.command("analyse")
@click.option("-o", "--output", required=True, help="OUT.jsonl or OUT.parquet.")
@click.option(
    "--no-clean",
    is_flag=True,
    help="Inputs are clean already (e.g. the output of reportnlp clean): analyse their text as is.",
)
@click.option(
    "--frames",
    "frames_dir",
    type=click.Path(file_okay=False),
    help="Also write documents.parquet and spans.parquet (see reportnlp.to_frames) to this directory.",
)
@_common_options
@_engine_options
def analyse_cmd(output: str, no_clean: bool, frames_dir: Optional[str], **kwargs) -> None:
    """Find placeholders, metrics, slogans and headings: one JSONL record per document.

    INPUT is read as by ``reportnlp clean`` and cleaned first unless --no-clean. Every span has ``start``
    and ``end`` offsets into the record's ``text``. The exit code is 1 when any input failed.

    \b
    Example:
      reportnlp analyse corpora/samples -o out/analysis.jsonl
    """
    if kwargs["engine"] != "dask" and not output.endswith((".jsonl", ".parquet")):
        raise click.BadParameter("analyse writes OUT.jsonl or OUT.parquet", param_hint="-o")
    if no_clean:
        kwargs["corpus_signal"] = "off"
    _run("analyse", output, no_clean=no_clean, frames_dir=frames_dir, **kwargs)


@main.command("placeholders")
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    help="Write the HTML report: one self-contained page that opens offline.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False),
    help="Write the JSON report: the same facts as the HTML, for scripts.",
)
@click.option(
    "--no-clean",
    is_flag=True,
    help="Inputs are clean already (e.g. the output of reportnlp clean): analyse their text as is.",
)
@_common_options
def placeholders_cmd(
    html_path: Optional[str], json_path: Optional[str], no_clean: bool, **kwargs
) -> None:
    """Report a corpus's template masks: summary, documents, highlighted texts and leaks.

    INPUT is read and cleaned as by ``reportnlp clean`` (unless --no-clean), then analysed; leaks (the
    real places behind masked place names) are ranked per document. The JSON report holds the summary
    and every document with its masks, metrics, slogans, leaks and dropped lines (offsets into the
    document's clean text; title masks into its title); the HTML report embeds the same JSON. Both are
    written whole or not at all; the exit code is 1 when any input failed (the others are reported).

    \b
    Example:
      reportnlp placeholders corpora/samples --html report.html --json report.json
    """
    if not html_path and not json_path:
        raise click.UsageError("give --html FILE, --json FILE or both")
    if no_clean:
        kwargs["corpus_signal"] = "off"
    _run_report(html_path, json_path, no_clean=no_clean, **kwargs)


def _prepare(
    inputs: tuple[str, ...],
    corpus_signal: str,
    keep_script: bool,
    encoding: Optional[str],
    no_clean: bool,
    text_field: Optional[str] = None,
    id_field: str = "id",
) -> tuple[Callable[[], Iterator], Optional[Counter], dict[str, Any]]:
    """The input reader (callable twice: stdin is read once), corpus line counts and clean options."""
    fields = {"text_key": text_field, "id_key": id_field}
    if "-" in inputs and corpus_signal != "off":
        stdin_data = sys.stdin.buffer.read()
        inputs_reader = lambda: read_inputs(inputs, stdin=stdin_data, **fields)  # noqa: E731
    else:
        inputs_reader = lambda: read_inputs(inputs, **fields)  # noqa: E731
    counts = None
    min_docs = 5
    if corpus_signal != "off":
        counts, n_docs = corpus_line_counts(inputs_reader())
        min_docs = min_documents(n_docs)
        if corpus_signal == "auto" and n_docs < 20:
            counts = None
    options: dict[str, Any] = {"to_simplified": not keep_script, "corpus_min_docs": min_docs}
    if encoding:
        options["encoding"] = encoding
    if no_clean:
        options["no_clean"] = True
    return inputs_reader, counts, options


def _run_report(
    html_path: Optional[str],
    json_path: Optional[str],
    *,
    inputs: tuple[str, ...],
    stats_path: Optional[str],
    jobs: int,
    corpus_signal: str,
    keep_script: bool,
    encoding: Optional[str],
    quiet: bool,
    no_clean: bool,
    text_field: Optional[str] = None,
    id_field: str = "id",
) -> None:
    from reportnlp.report import build_report, to_html, to_json

    _check_usage(
        inputs,
        [
            ("--json", json_path, "file"),
            ("--html", html_path, "file"),
            ("--stats", stats_path, "file"),
        ],
        encoding=encoding,
    )
    skipped = _preflight(inputs)
    inputs_reader, counts, options = _prepare(
        inputs, corpus_signal, keep_script, encoding, no_clean, text_field, id_field
    )

    summary = Summary()
    summary.warnings.extend(skipped)
    entries = []
    results = run_clean(
        inputs_reader(), jobs=jobs, options=options, counts=counts, step="placeholders"
    )
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        results = tqdm(results, unit="doc", file=sys.stderr)
    for res in results:
        summary.add(res)
        if res.error is not None:
            click.echo(f"error: {res.error}", err=True)
            continue
        entries.append(res.record)
    report = build_report(entries, failures=summary.failures)
    json_text = to_json(report)
    files = []
    try:
        if json_path:
            files.append(AtomicFile(json_path))
            files[-1].write(json_text)
        if html_path:
            files.append(AtomicFile(html_path))
            files[-1].write(to_html(report, json_text=json_text))
    except BaseException:
        for f in files:
            f.abort()
        raise
    for f in files:
        f.commit()
    _write_stats(summary, stats_path)
    if not quiet:
        _print_summary(summary, verb="analysed")
        s = report["summary"]
        click.echo(
            f"report: {s['masks']['total']} masks in texts and {s['title_masks']['total']} in titles "
            f"({s['masks']['per_1000']:.2f} per 1,000 characters) in {s['documents_with_masks']} "
            f"documents; {s['leaks']['masks']} masks with a leak in {s['leaks']['documents']} documents",
            err=True,
        )
        for path in (json_path, html_path):
            if path:
                click.echo(f"wrote {path}", err=True)
    if summary.failures:
        sys.exit(1)


def _run(
    step: str,
    output: str,
    *,
    inputs: tuple[str, ...],
    stats_path: Optional[str],
    jobs: int,
    corpus_signal: str,
    keep_script: bool,
    encoding: Optional[str],
    quiet: bool,
    explain_path: Optional[str] = None,
    no_clean: bool = False,
    frames_dir: Optional[str] = None,
    engine: str = "local",
    workers: Optional[int] = None,
    scheduler: Optional[str] = None,
    text_field: Optional[str] = None,
    id_field: str = "id",
) -> None:
    _check_usage(
        inputs,
        [
            ("-o", output, "dir" if output_kind(output) == "dir" else "file"),
            ("--explain", explain_path, "file"),
            ("--stats", stats_path, "file"),
            ("--frames", frames_dir, "dir"),
        ],
        encoding=encoding,
        extras=[
            *([("--engine dask", ("dask", "distributed"), "dask")] if engine == "dask" else []),
            *([("--frames", ("pandas", "pyarrow"), "parquet")] if frames_dir else []),
        ],
    )
    skipped = _preflight(inputs, output, engine)
    if engine == "dask":
        if text_field or id_field != "id":
            raise click.UsageError("--text-field and --id-field are not read by --engine dask yet")
        if frames_dir or "-" in inputs:
            raise click.UsageError("--engine dask reads files only and writes no --frames")
        from reportnlp.pipeline.dask_engine import run_dask

        # The clean options only: run_dask computes the corpus signal as a Dask reduction.
        dask_options = _prepare(inputs, "off", keep_script, encoding, no_clean)[2]
        summary = run_dask(
            step,
            inputs,
            output,
            workers=workers,
            scheduler=scheduler,
            options=dask_options,
            corpus_signal=corpus_signal,
            explain=explain_path,
            quiet=quiet,
        )
        summary.warnings.extend(skipped)
        for failure in summary.failures:
            click.echo(f"error: {failure}", err=True)
        _write_stats(summary, stats_path)
        if not quiet:
            _print_summary(summary, verb="cleaned" if step == "clean" else "analysed")
        if summary.failures:
            sys.exit(1)
        return
    if workers or scheduler:
        raise click.UsageError("--workers and --scheduler need --engine dask")
    inputs_reader, counts, options = _prepare(
        inputs, corpus_signal, keep_script, encoding, no_clean, text_field, id_field
    )

    writer = open_writer(output)
    explain = AtomicFile(explain_path) if explain_path else None
    summary = Summary()
    summary.warnings.extend(skipped)
    records = [] if frames_dir else None
    show_bar = not quiet and sys.stderr.isatty()
    results = run_clean(inputs_reader(), jobs=jobs, options=options, counts=counts, step=step)
    try:
        if show_bar:
            from tqdm import tqdm

            results = tqdm(results, unit="doc", file=sys.stderr)
        for res in results:
            if res.error is None:
                try:  # a record that cannot be written fails alone
                    writer.write(res.record)
                except OutputError as err:
                    res.error = f"{res.source}: {err}"
            summary.add(res)
            if res.error is not None:
                click.echo(f"error: {res.error}", err=True)
                continue
            if records is not None:
                records.append(res.record)
            if explain:
                for row in res.explain:
                    explain.write(dumps(row) + "\n")
    except BaseException:
        writer.abort()
        if explain:
            explain.abort()
        raise
    writer.close()
    if explain:
        explain.commit()
    if frames_dir is not None:
        from reportnlp.frames import to_frames

        to_frames(records).to_parquet(frames_dir)
    _write_stats(summary, stats_path)
    if not quiet:
        _print_summary(summary, verb="cleaned" if step == "clean" else "analysed")
    if summary.failures:
        sys.exit(1)


def _check_usage(
    inputs: tuple[str, ...],
    outputs: list[tuple[str, Optional[str], str]],
    *,
    encoding: Optional[str] = None,
    extras: Sequence[tuple[str, tuple[str, ...], str]] = (),
) -> None:
    """One usage error (exit 2) for options, extras and output paths that cannot work, before any
    document is read: an unknown ``--encoding``, a missing extra, an output that is an input or inside
    an input folder, or one that cannot be created (see :func:`reportnlp.pipeline.writers.check_outputs`)."""
    if encoding:
        try:
            text_codec = codecs.lookup(encoding)._is_text_encoding
        except LookupError:
            text_codec = False
        if not text_codec:
            raise click.BadParameter(f"unknown text encoding {encoding!r}", param_hint="--encoding")
    for option, modules, extra in extras:
        missing = missing_modules(modules)
        if missing:
            raise click.UsageError(
                f"{option} needs {' and '.join(missing)}: pip install 'reportnlp[{extra}]'"
            )
    try:
        check_outputs(inputs, [(o, p, k) for o, p, k in outputs if p])
    except UsageError as err:
        raise click.UsageError(str(err)) from None


def _write_stats(summary: Summary, stats_path: Optional[str]) -> None:
    """``--stats``: the run summary as JSON, written atomically."""
    if stats_path:
        f = AtomicFile(stats_path)
        f.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
        f.commit()


def _print_summary(s: Summary, verb: str = "cleaned") -> None:
    lines = [f"documents: {s.documents} {verb}, {len(s.failures)} failed"]
    if s.actions:
        lines.append("lines: " + ", ".join(f"{k} {v}" for k, v in sorted(s.actions.items())))
    if s.dropped:
        lines.append(
            "dropped by reason: " + ", ".join(f"{k} {v}" for k, v in s.dropped.most_common())
        )
    if s.encodings:
        lines.append("encodings: " + ", ".join(f"{k} {v}" for k, v in sorted(s.encodings.items())))
    if s.scripts:
        lines.append("scripts: " + ", ".join(f"{k} {v}" for k, v in sorted(s.scripts.items())))
    for w in s.warnings:
        lines.append(f"warning: {w}")
    for f in s.failures:
        lines.append(f"failed: {f}")
    click.echo("\n".join(lines), err=True)


def _register_corpus_commands() -> None:
    from reportnlp.corpus.cli import cluster_cmd
    from reportnlp.corpus.templates import templates_cmd

    main.add_command(cluster_cmd, "cluster")
    main.add_command(templates_cmd, "templates")


_register_corpus_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
