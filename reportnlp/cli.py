"""The ``reportnlp`` command line: thin over the library (arguments in, summary out, exit code)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Optional

import click

from reportnlp.pipeline.options import ReadOptions, reading_options, terminate_cleanly


class _Group(click.Group):
    """Ctrl-C ends a run with exit code 130 (as a shell reports it; SIGTERM gives 143), not click's
    ``Aborted!`` and 1, the code of a failed input, and says what is left; a system error (no space left
    on the disk) is one line and exit code 1, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(
                "interrupted: no file was left half-written; run the same command again to finish (a "
                "run's finished parts are kept and reused)",
                err=True,
            )
            sys.exit(130)
        except OSError as err:  # a full disk, a folder made read-only, a lost mount: a message, no traceback
            if err.errno == errno.EPIPE:  # a closed pipe (| head): click ends the run quietly
                raise
            where = f": {err.filename}" if err.filename else ""
            click.echo(f"error: {err.strerror or err}{where}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportnlp")
def main() -> None:
    """Clean and analyse Chinese government work reports scraped from the web."""


@main.command("clean")
@click.option(
    "-o",
    "--output",
    required=True,
    help="OUT.jsonl, OUT.parquet, - (JSON lines on standard output), or a directory for .txt files.",
)
@click.option(
    "--explain",
    "explain_path",
    type=click.Path(dir_okay=False),
    help="Write one JSONL row per non-blank raw line: id, line, action, reason, text (- for standard "
    "output, then -o names a file).",
)
@click.option(
    "--parts",
    is_flag=True,
    help="OUT is a directory of parts: part-00000.jsonl (or .parquet with --format parquet) … and a "
    "_SUCCESS marker written last (for outputs too large for one file).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "parquet"]),
    default=None,
    help="With --parts: the parts' format (default jsonl).",
)
@reading_options(no_clean=False)
def clean_cmd(
    output: str, explain_path: Optional[str], parts: bool, fmt: Optional[str], opts: ReadOptions
) -> None:
    """Clean raw report pages: INPUT files, directories (recursive; every input format) or - for stdin.

    Each document is decoded, normalised (pinyin, mojibake, script, width), stripped of site boilerplate
    and its paragraphs rebuilt. The exit code is 1 when any input failed; the others are still written.

    \b
    Example:
      reportnlp clean corpora/samples -o out/samples.jsonl --explain out/explain.jsonl
    """
    _run("clean", output, opts, explain_path=explain_path, parts=parts, fmt=fmt)


@main.command("analyse")
@click.option(
    "-o", "--output", required=True, help="OUT.jsonl, OUT.parquet or - (standard output)."
)
@click.option(
    "--frames",
    "frames_dir",
    type=click.Path(file_okay=False),
    help="Also write documents.parquet and spans.parquet (see reportnlp.to_frames) to this directory.",
)
@click.option(
    "--parts",
    is_flag=True,
    help="OUT is a directory of parts: part-00000.jsonl … and a _SUCCESS marker written last.",
)
@click.option(
    "--things",
    type=click.Choice(["rules", "learned"]),
    default="rules",
    show_default=True,
    help="How each metric's measured thing is chosen: the rules, or the learned chooser for every "
    "metric (right more often on new text, about twice find_metrics' time).",
)
@reading_options
def analyse_cmd(
    output: str, frames_dir: Optional[str], parts: bool, things: str, opts: ReadOptions
) -> None:
    """Find placeholders, metrics, slogans and headings: one JSONL record per document.

    INPUT is read as by ``reportnlp clean`` and cleaned first unless --no-clean. Every span has ``start``
    and ``end`` offsets into the record's ``text``. The exit code is 1 when any input failed.

    \b
    Example:
      reportnlp analyse corpora/samples -o out/analysis.jsonl
    """
    if not parts and output != "-" and not output.lower().endswith((".jsonl", ".ndjson", ".parquet")):
        raise click.BadParameter(
            "analyse writes OUT.jsonl, OUT.parquet, - (JSON lines on standard output) or a directory "
            "with --parts",
            param_hint="-o",
        )
    if frames_dir and parts:
        raise click.UsageError("--frames needs OUT.jsonl or OUT.parquet, not --parts")
    opts.things = things
    _run("analyse", output, opts, frames_dir=frames_dir, parts=parts)


@main.command("placeholders")
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    help="Write the HTML report: one self-contained page that opens offline (- for standard output).",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False),
    help="Write the JSON report: the same facts as the HTML, for scripts (- for standard output).",
)
@reading_options
def placeholders_cmd(html_path: Optional[str], json_path: Optional[str], opts: ReadOptions) -> None:
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
    # a name that ends like the other report, or like a table, is a slip: the file would not open as named
    for flag, path, wrong in (
        ("--json", json_path, (".html", ".htm", ".csv", ".tsv", ".xlsx")),
        ("--html", html_path, (".json", ".jsonl", ".csv", ".tsv", ".xlsx")),
    ):
        if path and path.lower().endswith(wrong):
            raise click.BadParameter(
                f"{path!r}: {flag} writes {'JSON' if flag == '--json' else 'an HTML page'}, "
                f"not a {Path(path).suffix.lower()} file"
                + ("" if flag == "--html" else " (the HTML page has Download CSV)"),
                param_hint=flag,
            )
    files_out = [p for p in (json_path, html_path) if p and p != "-"]
    opts.check_outputs(  # - is standard output, for one of them at most
        [
            ("--json", json_path, "file"),
            ("--html", html_path, "file"),
            ("--stats", opts.stats_path, "file"),
        ]
    )
    from reportnlp.pipeline.writers import AtomicFile
    from reportnlp.report import build_report, to_html, to_json

    entries = []
    with contextlib.ExitStack() as stack:
        # the run's parts are staged beside a file output, else in a folder of our own
        near = files_out[0] if files_out else None
        if near is None:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="reportnlp-"))
            near = str(Path(tmp) / "report")
        with opts.records("placeholders", near=near) as (summary, records):
            entries.extend(records)
    for failure in summary.failures:
        click.echo(f"error: {failure}", err=True)
    if not entries:  # as clean: an earlier report is not replaced by an empty one
        _write_stats(summary, opts.stats_path)
        from reportnlp.pipeline.driver import nothing_written

        summary.warnings.append(nothing_written(bool(summary.failures), files_out))
        if not opts.quiet:
            _print_summary(summary, verb="analysed")
        sys.exit(1)
    report = build_report(entries, failures=summary.failures)
    json_text = to_json(report)
    files = []
    to_stdout = None
    try:
        for path, make in (
            (json_path, lambda: json_text),
            (html_path, lambda: to_html(report, json_text=json_text)),
        ):
            if path == "-":
                to_stdout = make()
            elif path:
                files.append(AtomicFile(path))
                files[-1].write(make())
    except BaseException:
        for f in files:
            f.abort()
        raise
    for f in files:
        f.commit()
    if to_stdout is not None:  # written once the run is done, as clean -o - is
        sys.stdout.buffer.write(to_stdout.encode("utf-8"))
        sys.stdout.buffer.flush()
    _write_stats(summary, opts.stats_path)
    if not opts.quiet:
        _print_summary(summary, verb="analysed")
        s = report["summary"]

        def n(count: int, noun: str) -> str:  # "1 mask", "2 masks"
            return f"{count} {noun}{'' if count == 1 else 's'}"

        click.echo(
            f"report: {n(s['masks']['total'], 'mask')} in texts and {s['title_masks']['total']} in "
            f"titles ({s['masks']['per_1000']:.2f} per 1,000 characters) in "
            f"{n(s['documents_with_masks'], 'document')}; {n(s['leaks']['masks'], 'mask')} with a "
            f"leak in {n(s['leaks']['documents'], 'document')}",
            err=True,
        )
        for path in (json_path, html_path):
            if path:
                click.echo(f"wrote {'standard output' if path == '-' else path}", err=True)
    if summary.failures:
        sys.exit(1)


def _run(
    step: str,
    output: str,
    opts: ReadOptions,
    *,
    explain_path: Optional[str] = None,
    frames_dir: Optional[str] = None,
    parts: bool = False,
    fmt: Optional[str] = None,
    stdout: bool = False,
    explain_stdout: bool = False,
) -> None:
    from reportnlp.pipeline.driver import RunLocked, run_to_output

    if fmt and not parts:
        raise click.UsageError("--format goes with --parts (OUT.jsonl or OUT.parquet name theirs)")
    from reportnlp.pipeline.driver import output_kind

    # two outputs given as - are refused here, before either is redirected to a file of our own
    dashes = (("-o", output), ("--explain", explain_path), ("--stats", opts.stats_path))
    opts.check_outputs([(option, path, "file") for option, path in dashes if path == "-"])
    if output == "-":  # JSON lines on standard output: written to a file of our own, then copied
        if parts:
            raise click.UsageError("--parts needs a directory, not -")
        with tempfile.TemporaryDirectory(prefix="reportnlp-stdout-") as tmp:
            _run(
                step,
                os.path.join(tmp, "out.jsonl"),
                opts,
                explain_path=explain_path,
                frames_dir=frames_dir,
                stdout=True,
            )
        return
    if explain_path == "-":  # the explanation on standard output, the same way
        with tempfile.TemporaryDirectory(prefix="reportnlp-explain-") as tmp:
            _run(
                step,
                output,
                opts,
                explain_path=os.path.join(tmp, "explain.jsonl"),
                frames_dir=frames_dir,
                parts=parts,
                fmt=fmt,
                explain_stdout=True,
            )
        return
    _check_output_name(output, parts)
    _check_explain_name(explain_path)
    opts.check_outputs(
        [
            (
                "-o",
                output,
                "file" if output_kind(output, parts=parts) in ("jsonl", "parquet") else "dir",
            ),
            ("--explain", explain_path, "file"),
            ("--stats", opts.stats_path, "file"),
            ("--frames", frames_dir, "dir"),
        ]
    )
    terminate_cleanly()
    with _batch_gc():
        executor = opts.executor()
        bar = opts.progress()
        hook = None
        if frames_dir is not None:

            def hook(records) -> None:
                from reportnlp.frames import to_frames

                to_frames(list(records)).to_parquet(frames_dir)

        try:
            summary = run_to_output(
                step,
                opts.inputs,
                output,
                executor,
                explain=explain_path,
                parts=parts,
                fmt=fmt,
                records_hook=hook,
                **opts.run_options(bar),
            )
        except ImportError as err:  # an optional extra, found missing before any work
            raise click.UsageError(str(err)) from None
        except RunLocked as err:
            raise click.ClickException(str(err)) from None
        finally:
            if bar is not None:
                bar.close()
            executor.close()
    summary.warnings[:0] = opts.warnings
    for failure in summary.failures:
        click.echo(f"error: {failure}", err=True)
    for to_stdout, path in ((stdout, output), (explain_stdout, explain_path)):
        if to_stdout and path and os.path.exists(path):  # absent when every input failed
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer, 1 << 20)
            sys.stdout.buffer.flush()
    _write_stats(summary, opts.stats_path)
    if not opts.quiet:
        _print_summary(summary, verb="cleaned" if step == "clean" else "analysed")
        wrote_output = parts or bool(summary.documents)
        written = [
            ("standard output" if stdout else output) if wrote_output else None,
            ("standard output" if explain_stdout else explain_path) if wrote_output else None,
            frames_dir if wrote_output else None,
            "standard output" if opts.stats_path == "-" else opts.stats_path,
        ]
        if any(written):
            click.echo("wrote " + ", ".join(w for w in written if w), err=True)
    if summary.failures or not (parts or summary.documents):  # no document read: nothing written
        sys.exit(1)


#: Suffixes of files ``clean`` does not write: a name ending so is a mistake, not a directory's name.
_NOT_OUTPUT = (".csv", ".tsv", ".json", ".txt", ".gz", ".bz2", ".xz", ".zst", ".xlsx", ".html", ".htm")


def _check_output_name(output: str, parts: bool) -> None:
    """Refuse ``-o y.csv`` or ``-o z.jsonl.gz`` before any work: anything that is not OUT.jsonl,
    OUT.ndjson or OUT.parquet would silently become a directory of .txt files."""
    _not_an_option(output, "-o")
    if parts or output.endswith(("/", os.sep)) or os.path.isdir(output):
        return
    low = output.lower()
    if low.endswith((".jsonl", ".ndjson", ".parquet")):
        return
    if low.endswith(_NOT_OUTPUT):
        raise click.BadParameter(
            f"{output}: write OUT.jsonl (or .ndjson), OUT.parquet, - (JSON lines on standard output) "
            "or a directory of .txt files (a name ending in /)",
            param_hint="-o",
        )


def _not_an_option(path: str, flag: str) -> None:
    """Refuse an output name that reads as an option (``-o -q``, where ``-o - -q`` was meant): click
    takes it as the name and the run would write a file called ``-q``."""
    if path.startswith("-") and path != "-":
        raise click.BadParameter(
            f"{path!r} looks like an option, not a file name (- is standard output); "
            f"write ./{path} to name such a file",
            param_hint=flag,
        )


def _check_explain_name(explain_path: Optional[str]) -> None:
    """Refuse ``--explain e.csv`` (or ``.json``, ``.txt`` …) before any work: the file holds JSON lines,
    which a spreadsheet or a JSON reader would not open as its name says."""
    if not explain_path or explain_path == "-":
        return
    _not_an_option(explain_path, "--explain")
    if explain_path.lower().endswith(_NOT_OUTPUT + (".parquet",)):
        raise click.BadParameter(
            f"{explain_path}: --explain writes JSON lines: name it FILE.jsonl (or .ndjson), or - for "
            "standard output",
            param_hint="--explain",
        )


def _write_stats(summary, stats_path: Optional[str]) -> None:
    """``--stats``: the run summary as JSON, written atomically (``-``: on standard output)."""
    if stats_path == "-":
        sys.stdout.buffer.write(
            (json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        )
        sys.stdout.buffer.flush()
    elif stats_path:
        from reportnlp.pipeline.writers import AtomicFile

        f = AtomicFile(stats_path)
        f.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
        f.commit()


def _print_summary(s, verb: str = "cleaned") -> None:
    lines = [f"documents: {s.documents} {verb}, {len(s.failures)} failed"]
    if s.actions:
        lines.append("lines: " + ", ".join(f"{k} {v}" for k, v in sorted(s.actions.items())))
    if s.dropped:
        lines.append(
            "dropped by reason: "
            + ", ".join(
                f"{k} {v}" for k, v in sorted(s.dropped.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        )
    if s.encodings:
        lines.append("encodings: " + ", ".join(f"{k} {v}" for k, v in sorted(s.encodings.items())))
    if s.scripts:
        lines.append("scripts: " + ", ".join(f"{k} {v}" for k, v in sorted(s.scripts.items())))
    if s.found:
        lines.append(
            "found: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in s.found.items())
        )
    for w in s.warnings:
        lines.append(f"warning: {w}")
    click.echo("\n".join(lines), err=True)  # each failure was said once already, as "error: …"


def _register_corpus_commands() -> None:
    from reportnlp.corpus.cli import cluster_cmd, periods_cmd, similar_cmd, templates_cmd

    main.add_command(cluster_cmd, "cluster")
    main.add_command(similar_cmd, "similar")
    main.add_command(periods_cmd, "periods")
    main.add_command(templates_cmd, "templates")


_register_corpus_commands()


@contextlib.contextmanager
def _batch_gc():
    """A run allocates millions of short-lived objects and few cycles: while it lasts, what is loaded
    (modules, tables, patterns) is frozen out of the cyclic collector's scans and its young generation is
    collected every 20,000 allocations, not 700 (the collector took 5 % of a serial ``clean``, 0.12 s of
    2.2 s; now under 1 %). Workers forked in the run inherit both; the settings are restored after it (the
    command may run inside a caller's process)."""
    import gc

    thresholds = gc.get_threshold()
    freeze = gc.isenabled() and gc.get_freeze_count() == 0  # a caller's own freeze is left as it is
    if freeze:
        gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


def _plain_help(group: click.Group) -> None:
    """Make ``--help`` plain text: the reST double backquotes of docstrings and option help go."""
    for cmd in group.commands.values():
        for obj in [cmd, *cmd.params]:
            for attr in ("help", "short_help"):
                text = getattr(obj, attr, None)
                if isinstance(text, str) and "``" in text:
                    setattr(obj, attr, text.replace("``", ""))


_plain_help(main)

if __name__ == "__main__":  # pragma: no cover
    main()
