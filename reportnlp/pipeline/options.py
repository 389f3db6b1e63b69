"""One option group for every command that reads documents, and the run it configures.

``clean``, ``analyse``, ``placeholders``, ``cluster``, ``templates`` (and every later reading command)
take the same input, engine, encoding and cleaning options through :func:`reading_options`, which hands the
command one :class:`ReadOptions`. From it the command gets its executor (:meth:`ReadOptions.executor`:
this process, ``--jobs N`` processes or Dask), the clean options, and a progress display with a total,
a percentage and an ETA (the inputs' size is known before the run: bytes of the files).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import signal
import sys
from dataclasses import dataclass, field
from typing import Any, Optional

import click

READING_KEYS = (
    "inputs",
    "encoding",
    "corpus_signal",
    "keep_script",
    "no_clean",
    "jobs",
    "engine",
    "workers",
    "scheduler",
    "stats_path",
    "quiet",
    "text_field",
    "id_field",
)


@dataclass
class ReadOptions:
    """The shared options of a reading command, as given on the command line."""

    inputs: tuple[str, ...]
    encoding: Optional[str] = None
    corpus_signal: str = "auto"
    keep_script: bool = False
    no_clean: bool = False
    jobs: int = 1
    engine: str = "local"
    workers: Optional[int] = None
    scheduler: Optional[str] = None
    stats_path: Optional[str] = None
    quiet: bool = False
    text_field: Optional[str] = None
    id_field: str = "id"
    warnings: list[str] = field(default_factory=list)  # found before the run (e.g. skipped files)
    things: str = "rules"  # analyse: how a metric's thing is chosen (``analyse --things``)

    def check(self) -> None:
        """Usage errors, raised before any work starts; the inputs' preflight (missing extras of their
        formats, files skipped) when the per-format readers provide one."""
        if self.engine != "dask" and (self.workers or self.scheduler):
            raise click.UsageError("--workers and --scheduler need --engine dask")
        if self.engine == "dask" and self.jobs > 1:
            raise click.UsageError(
                "--jobs is for the local engine; with --engine dask use --workers"
            )
        if self.encoding:
            try:
                text_codec = codecs.lookup(self.encoding)._is_text_encoding
            except LookupError:
                text_codec = False
            if not text_codec:  # rot13, hex …: codecs, not text encodings
                raise click.BadParameter(
                    f"unknown text encoding {self.encoding!r}", param_hint="--encoding"
                )
        if self.engine == "dask":
            from reportnlp.pipeline.dask_engine import check_dask

            try:
                check_dask()
            except ImportError as err:
                raise click.UsageError(str(err)) from None
        try:
            from reportnlp.readers import preflight
        except (
            ImportError
        ):  # readers without a preflight: each file's reader reports its own errors
            if self.text_field or self.id_field != "id":
                raise click.UsageError(
                    "--text-field and --id-field need the per-format readers (reportnlp.readers)"
                ) from None
        else:
            found = preflight(self.inputs)
            if (message := found.error()) is not None:
                raise click.UsageError(message)
            self.warnings.extend(found.warnings())

    def check_outputs(self, outputs: list[tuple[str, Optional[str], str]]) -> None:
        """Usage errors for output paths that cannot work (``(option, path, "file"|"dir")``), before
        any work: checked by :func:`reportnlp.pipeline.writers.check_outputs` where the writers have it
        (an output that is an input or inside an input folder, a folder where a file goes …)."""
        try:
            from reportnlp.pipeline.writers import check_outputs
        except ImportError:  # writers without path checks
            return
        from reportnlp.errors import ReportNLPError

        try:
            check_outputs(self.inputs, [(o, p, k) for o, p, k in outputs if p])
        except ReportNLPError as err:
            raise click.UsageError(str(err)) from None

    def reader_options(self) -> dict[str, Any]:
        """The readers' keyword arguments (the text and id fields of record inputs), when not defaults."""
        opts: dict[str, Any] = {}
        if self.text_field:
            opts["text_key"] = self.text_field
        if self.id_field != "id":
            opts["id_key"] = self.id_field
        return opts

    @property
    def corpus(self) -> str:
        """The corpus signal setting: off when the inputs are clean already."""
        return "off" if self.no_clean else self.corpus_signal

    def run_options(self, progress: Any) -> dict[str, Any]:
        """The keyword arguments every driver run of these options takes (``run_to_output``, ``run_records``)."""
        return {
            "options": self.clean_options(),
            "corpus_signal": self.corpus,
            "progress": progress,
            "reader_options": self.reader_options(),
            "per_document": bool(self.stats_path),
        }

    def clean_options(self) -> dict[str, Any]:
        """The options of :func:`reportnlp.cleaning.clean` (``no_clean`` and ``things`` for the analyse step)."""
        options: dict[str, Any] = {"to_simplified": not self.keep_script}
        if self.encoding:
            options["encoding"] = self.encoding
        if self.no_clean:
            options["no_clean"] = True
        if self.things != "rules":
            options["things"] = self.things
        return options

    def executor(self):
        """The executor these options ask for (close it when done)."""
        from reportnlp.pipeline.executors import ProcessExecutor, SerialExecutor

        if self.engine == "dask":
            from reportnlp.pipeline.dask_engine import connect

            return connect(self.workers, self.scheduler)
        if self.jobs > 1:
            return ProcessExecutor(self.jobs)
        return SerialExecutor()

    def records(self, step: str, *, near: str):
        """The one reader path of the commands that need every record (reports, clustering, families):
        run ``step`` (``clean``, ``analyse``, ``placeholders``; ``clean`` with ``no_clean`` only decodes)
        on the executor these options ask for. A context manager giving ``(summary, records)``, the
        records in input order, read back from the run's parts one at a time; ``near``: the command's
        output (the parts are staged beside it and removed at the end)."""
        return _records(self, "text" if step == "clean" and self.no_clean else step, near)

    def progress(self) -> Optional[ProgressBar]:
        """A progress display on standard error (a terminal, not ``--quiet``), else ``None``."""
        if self.quiet or not sys.stderr.isatty():
            return None
        return ProgressBar()


@contextlib.contextmanager
def _records(opts: ReadOptions, step: str, near: str):
    from reportnlp.pipeline.driver import RunLocked, run_records

    terminate_cleanly()
    executor = opts.executor()
    bar = opts.progress()
    try:
        with (
            _locked_is_an_error(RunLocked),
            run_records(step, opts.inputs, near, executor, **opts.run_options(bar)) as out,
        ):
            if bar is not None:
                bar.close()
            out[0].warnings[:0] = opts.warnings
            yield out
    finally:
        if bar is not None:
            bar.close()
        executor.close()


@contextlib.contextmanager
def _locked_is_an_error(locked: type):
    try:
        yield
    except locked as err:
        raise click.ClickException(str(err)) from None


class ProgressBar:
    """One bar a phase (``scan``, then the step), in bytes of input: total, percentage, rate and ETA, and
    the documents done. Call it as the driver's ``progress(phase, done, total, documents)``."""

    def __init__(self) -> None:
        self.bar = None
        self.phase = ""

    def __call__(self, phase: str, done: int, total: int, documents: int) -> None:
        if phase != self.phase:
            self.close()
            from tqdm import tqdm

            self.phase = phase
            self.bar = tqdm(
                total=total,
                desc=phase,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=sys.stderr,
                dynamic_ncols=True,
            )
        self.bar.n = done
        if documents:
            self.bar.set_postfix_str(f"{documents} docs", refresh=False)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def reading_options(fn=None, *, no_clean: bool = True):
    """The shared option group: ``INPUTS...``, ``--encoding``, ``--corpus-signal``, ``--keep-script``,
    (``--no-clean``), ``-j/--jobs``, ``--engine``, ``--workers``, ``--scheduler``, ``--stats``, ``-q``.
    The command receives them as one ``opts: ReadOptions`` argument, checked (usage errors first)."""
    if fn is None:
        return functools.partial(reading_options, no_clean=no_clean)

    @functools.wraps(fn)
    def command(**kwargs):
        values = {k: kwargs.pop(k) for k in READING_KEYS if k in kwargs}
        opts = ReadOptions(**values)
        opts.check()
        return fn(opts=opts, **kwargs)

    options = [
        click.argument("inputs", nargs=-1, required=True),
        click.option(
            "--encoding",
            default=None,
            help=(
                "Force the input encoding of text files and HTML pages (default: detect per file). "
                "A text file it cannot decode is an error; an HTML page is read, its undecodable "
                "bytes counted in a warning."
            ),
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
    ]
    if no_clean:
        options.append(
            click.option(
                "--no-clean",
                is_flag=True,
                help="Inputs are clean already (e.g. the output of reportnlp clean): use their text as is.",
            )
        )
    options += [
        click.option(
            "-j",
            "--jobs",
            default=1,
            show_default=True,
            type=click.IntRange(1, 256),
            help="Worker processes (local engine).",
        ),
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
        click.option(
            "--stats",
            "stats_path",
            type=click.Path(dir_okay=False),
            help="Write the run summary (with each document's encoding and script) as JSON (- for "
            "standard output).",
        ),
        click.option(
            "--text-field",
            default=None,
            help="Field holding the text in JSONL, CSV, XLSX or parquet records "
            "(default: text, else content; an html field is read as a page).",
        ),
        click.option(
            "--id-field", default="id", show_default=True, help="Field holding the record id."
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def terminate_cleanly() -> None:
    """Make SIGTERM end the run as Ctrl-C does (``finally`` blocks run: temporary files go)."""

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # pragma: no cover - not the main thread
        pass


__all__ = ["ProgressBar", "ReadOptions", "reading_options", "terminate_cleanly"]
