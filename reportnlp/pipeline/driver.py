"""The parent's side of a run: plan, scan, run the tasks on an executor, merge parts and stats.

One function serves every command that reads documents: :func:`run_to_output` writes ``OUT.jsonl``,
``OUT.parquet``, a directory of ``.txt`` files or a directory of parts (``part-NNNNN.jsonl`` and a
``_SUCCESS`` marker); :func:`run_records` hands the records to a command that needs them all (a report, a
clustering) by reading the parts back one at a time. The work happens in tasks (:mod:`.tasks`) over the
partition plan (:mod:`.plan`) on any executor (:mod:`.executors`); the parent only merges, in input order,
so the output is the same, byte for byte, whatever the executor and its number of workers.

Parts live in a staging directory beside the output (``.OUT.jsonl.parts/``), with the plan's fingerprint:
a run that was killed leaves it, and the next run of the same command on the same inputs keeps its
finished parts (each has its stats record) and runs only the others. Every run first removes what an
interrupted run left (temporary files ``.OUT.jsonl.*.tmp``, a staging directory of another plan, the Dask
engine's former ``.OUT.jsonl.parts-*`` folders); the staging directory is removed once the output is in
place. Two runs writing the same output at once are refused (a lock on the staging directory).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import hashlib
import json
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Optional

from reportnlp.boilerplate.corpus import min_documents
from reportnlp.pipeline.executors import WorkerDied
from reportnlp.pipeline.plan import (
    STDIN,
    Partition,
    WholeFile,
    auto_partition_size,
    input_bytes,
    plan_partitions,
    with_priors,
)
from reportnlp.pipeline.readers import JSONL_SUFFIXES, Failure, expand_inputs
from reportnlp.pipeline.run import STEPS, Summary, merge_summaries
from reportnlp.pipeline.tasks import (
    TaskContext,
    load_stats,
    part_name,
    part_paths,
    process_task,
    reduce_scans,
    scan_task,
)

SUCCESS = "_SUCCESS"
AUTO_MIN_DOCUMENTS = 20  # --corpus-signal auto: on from this many documents
#: Files that hold one document each (the plan knows how many documents they make without reading them).
SINGLE_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".docx", ".doc", ".pdf", ".md")
PLAN_FILE = "plan.json"
META = ".reportnlp-run"  # the stats and explain parts inside a directory of parts
FORMAT_VERSION = 1
#: From this many input bytes, numpy is loaded before the scans (below, their line keys are few enough to be
#: counted without it: :data:`reportnlp.pipeline.tasks.SMALL_SCAN`).
NUMPY_SCANS = 64 << 20
MANY_IDS = 50_000  # from this many documents, recurring ids are found with numpy


class RunLocked(RuntimeError):
    """Another run is writing the same output."""


Progress = Callable[[str, int, int, int], None]  # (phase, bytes done, bytes in all, documents done)


# -- output kinds -------------------------------------------------------------------------------------


def output_kind(output: str, *, parts: bool = False) -> str:
    """``jsonl``, ``parquet``, ``txt`` (a directory of ``<id>.txt``) or ``parts`` (a directory of parts);
    the suffix is matched in any case (``OUT.JSONL``)."""
    low = output.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(".parquet"):
        return "parquet" if not parts else "parts"
    return "parts" if parts else "txt"


def check_extras(kind: str, fmt: str = "jsonl") -> None:
    """Raise :class:`ImportError` with the install command before any work, when an extra is missing."""
    if (kind == "parquet" or fmt == "parquet") and not installed("pyarrow"):
        raise ImportError("parquet output needs pyarrow: pip install 'reportnlp[parquet]'")


def installed(module: str) -> bool:
    """Whether ``module`` can be imported (found, not imported: nothing loads before the run)."""
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError, AttributeError):
        return False


# -- staging: a directory beside the output, resumable, locked ----------------------------------------


class Staging:
    """The staging directory of one output: ``dir`` holds the parts (or ``parts_dir``, for an output that
    is a directory of parts), ``meta`` their stats, explain parts and the plan's fingerprint."""

    def __init__(self, target: str, *, parts_output: bool = False):
        self.target = Path(target)
        self.parts_output = parts_output
        if parts_output:
            self.parts_dir = self.target
            self.meta = self.target / META
        else:
            self.parts_dir = self.meta = self.target.parent / f".{self.target.name}.parts"
        self._lock_fd: Optional[int] = None

    def open(self) -> Staging:
        self.meta.mkdir(parents=True, exist_ok=True)
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        self._lock()
        remove_leftovers(self.target)
        for d in {self.meta, self.parts_dir}:
            for tmp in d.glob(".*.tmp"):
                _unlink(tmp)
        return self

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return
        fd = os.open(self.meta, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            os.close(fd)
            if err.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                raise RunLocked(f"{self.target}: another run is writing this output") from None
            return  # a file system without locks (some network ones): run unlocked
        self._lock_fd = fd

    def resume(self, fingerprint: str) -> bool:
        """Keep the finished parts of an earlier run with the same fingerprint; else start empty."""
        plan = self.meta / PLAN_FILE
        try:
            same = plan.read_text(encoding="utf-8") == fingerprint
        except OSError:
            same = False
        if not same:
            for p in self.meta.iterdir():
                if p.name.startswith("part-") or p.name in (PLAN_FILE, SUCCESS):
                    _unlink(p)
            if self.parts_output:
                (self.parts_dir / SUCCESS).unlink(missing_ok=True)
            plan.write_text(fingerprint, encoding="utf-8")
        elif self.parts_output:
            (self.parts_dir / SUCCESS).unlink(missing_ok=True)
        return same

    def close(self, *, remove: bool) -> None:
        """Release the lock; ``remove``: the run is done, its staging (stats, explain parts) goes."""
        if remove:
            shutil.rmtree(self.meta, ignore_errors=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def remove_leftovers(target: Path) -> None:
    """Temporary files of an interrupted write of ``target`` (``.NAME.*.tmp``) and the Dask engine's former
    staging folders (``.NAME.parts-*``)."""
    parent = target.parent
    if not parent.is_dir():
        return
    for p in parent.glob(f".{glob.escape(target.name)}.*"):
        if p.name.endswith(".tmp") and p.is_file():
            _unlink(p)
        elif p.name.startswith(f".{target.name}.parts-") and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


def _unlink(p: Path) -> None:
    try:
        p.unlink()
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(p, ignore_errors=True)


def spool_stdin(staging: Staging, stream: Optional[BinaryIO] = None) -> tuple[str, str]:
    """Standard input copied to the staging directory (so that it can be planned like a file); returns
    its path and digest."""
    stream = stream if stream is not None else sys.stdin.buffer
    path = staging.meta / "stdin.spool"
    h = hashlib.blake2b(digest_size=16)
    with open(path, "wb") as out:
        while True:
            block = stream.read(1 << 20)
            if not block:
                break
            h.update(block)
            out.write(block)
    return str(path), h.hexdigest()


def fingerprint(inputs: Sequence[str], settings: Mapping[str, Any], stdin_digest: str = "") -> str:
    """What a part's content depends on: the input files (path, size, modification time) and settings."""
    files = []
    for p in expand_inputs(inputs):
        if isinstance(p, Failure):
            files.append([p.where, None, None])
        elif p == STDIN:
            files.append([p, stdin_digest, None])
        else:
            try:
                st = os.stat(p)
                files.append([p, st.st_size, st.st_mtime_ns])
            except OSError:
                files.append([p, None, None])
    return json.dumps(
        {"version": FORMAT_VERSION, "settings": settings, "inputs": files},
        ensure_ascii=True,  # file names that are not UTF-8 hold lone surrogates: escaped, not written raw
        sort_keys=True,
        default=str,
    )


# -- the run ------------------------------------------------------------------------------------------


@dataclass
class RunResult:
    """A finished run: its partitions (in order), merged summary, and where its parts are."""

    parts: list[Partition]
    summary: Summary
    staging: Staging
    fmt: str


def execute(
    step: str,
    inputs: Sequence[str],
    staging: Staging,
    executor,
    *,
    options: Optional[Mapping[str, Any]] = None,
    corpus_signal: str = "auto",
    fmt: str = "jsonl",
    explain: bool = False,
    partition_size: Optional[int] = None,
    progress: Optional[Progress] = None,
    stdin: Optional[BinaryIO] = None,
    reader_options: Optional[Mapping[str, Any]] = None,
    per_document: bool = True,
    on_part: Optional[Callable[[Partition], None]] = None,
) -> RunResult:
    """Plan, scan and process ``inputs`` into ``staging`` (opened) on ``executor``; parts are left there.

    ``reader_options``: keyword arguments of the readers (e.g. ``text_key``, ``id_key``);
    ``per_document``: keep each document's encoding and script in the summary (``--stats``; for a
    million documents, that list is the parent's largest object); ``on_part``: called with each
    partition, in input order, as soon as it and every partition before it are finished (the output is
    assembled while the workers run)."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}; choose one of {STEPS}")
    if corpus_signal not in ("auto", "on", "off"):
        raise ValueError(f"corpus_signal must be auto, on or off, not {corpus_signal!r}")
    options = dict(options or {})
    stdin_path, digest = (None, "")
    if STDIN in inputs:
        stdin_path, digest = spool_stdin(staging, stdin)
    total = input_bytes(inputs, stdin_path)
    if partition_size is None:
        partition_size = auto_partition_size(
            total, executor.workers, getattr(executor, "partitions_per_worker", 4)
        )
    settings = {
        "step": step,
        "options": options,
        "corpus_signal": corpus_signal,
        "fmt": fmt,
        "explain": explain,
        "partition_size": partition_size,
        "reader_options": dict(reader_options or {}),
        "per_document": per_document,
    }
    staging.resume(fingerprint(inputs, settings, digest))
    parts = plan_partitions(inputs, partition_size, stdin_path=stdin_path)

    # pass 1: id hashes (ids unique across partitions) and the corpus line counts, a reduction
    counts = None
    if parts:
        scans = [None] * len(parts)
        known = documents_known(parts)
        corpus = corpus_signal == "on" or (
            corpus_signal == "auto" and (known is None or known >= AUTO_MIN_DOCUMENTS)
        )
        scan = functools.partial(
            scan_task,
            corpus=corpus,
            reader_options=reader_options,
            encoding=(options or {}).get("encoding"),
        )
        done, total = 0, sum(p.nbytes for p in parts)
        if corpus and total >= NUMPY_SCANS:
            # the scans and their reduction of a large run use numpy: loaded once, before a pool forks
            import numpy  # noqa: F401
        if progress:
            progress("scan", 0, total, 0)
        for i, res in executor.map(scan, parts):
            if isinstance(res, WorkerDied):  # the process pass reports its documents
                res = _empty_scan(parts[i])
            scans[i] = res
            done += parts[i].nbytes
            if progress:
                progress("scan", done, total, 0)
        parts = with_priors(
            parts, _recurring_ids(scans), taken=[h for s in scans for h in s.suffixed]
        )
        pruned, n_docs = reduce_scans(scans)
        del scans
        if corpus and (corpus_signal == "on" or n_docs >= AUTO_MIN_DOCUMENTS):
            counts = pruned
            options["corpus_min_docs"] = min_documents(n_docs)

    # pass 2: each task writes its part and stats; finished parts of an interrupted run are kept
    ctx = TaskContext(
        step,
        options,
        counts,
        str(staging.parts_dir.resolve()),
        str(staging.meta.resolve()),
        fmt,
        explain,
        staging.parts_output,
        dict(reader_options or {}),
        per_document,
    )
    summaries: dict[int, Summary] = {}
    todo = []
    for p in parts:
        s = load_stats(ctx.meta_dir, p.index)
        if (
            s is not None
            and part_paths(ctx.parts_dir, ctx.meta_dir, p.index, fmt)["records"].exists()
        ):
            summaries[p.index] = s
        else:
            todo.append(p)
    done = sum(parts[i].nbytes for i in summaries)
    docs = sum(s.documents for s in summaries.values())
    total = sum(p.nbytes for p in parts)
    if progress:
        progress(step, done, total, docs)
    ready = 0  # parts[:ready] are finished and handed to on_part

    def hand_over() -> int:
        k = ready
        while k < len(parts) and parts[k].index in summaries:
            if on_part is not None:
                on_part(parts[k])
            k += 1
        return k

    ready = hand_over()
    for k, res in executor.map(functools.partial(process_task, ctx=ctx), todo):
        p = todo[k]
        if isinstance(res, WorkerDied):
            res = Summary(
                failures=[f"{p.where()}: {res.message}; its documents were not processed"]
            )
        summaries[p.index] = res
        done += p.nbytes
        docs += res.documents
        ready = hand_over()  # nothing until the next part in input order is done
        if progress:
            progress(step, done, total, docs)
    summary = merge_summaries(summaries[p.index] for p in parts)
    return RunResult(parts, summary, staging, fmt)


def documents_known(parts: Sequence[Partition]) -> Optional[int]:
    """The number of documents when the plan tells it without reading (only single-document files), or
    ``None``; a run of fewer than 20 known documents needs no line counts under ``--corpus-signal auto``."""
    n = 0
    for p in parts:
        for u in p.units:
            if isinstance(u, WholeFile):
                if u.path == STDIN or not u.path.lower().endswith(SINGLE_DOCUMENT_SUFFIXES):
                    return None
                n += 1
            elif not isinstance(u, Failure):
                return None
    return n


def _recurring_ids(scans: Sequence) -> list[list[int]]:
    """Each partition's id hashes that occur more than once in the run (the only ones that get a
    ``#n``); with many ids, found with numpy (16 bytes an id) rather than a Python counter."""
    total = sum(len(s.ids) for s in scans) // 8
    if total < MANY_IDS:
        return [s.id_list() for s in scans]
    import numpy as np

    arrays = [np.frombuffer(s.ids, dtype=np.uint64) for s in scans]
    values, counts = np.unique(np.concatenate(arrays), return_counts=True)
    dups = values[counts > 1]
    return [a[np.isin(a, dups)].tolist() if len(dups) else [] for a in arrays]


def _empty_scan(part: Partition):
    from reportnlp.pipeline.tasks import Scan

    return Scan(part.index, b"", b"", b"", 0)


def record_parts(result: RunResult) -> list[Path]:
    """The record parts that exist, in order (a part whose worker died has none)."""
    paths = [
        part_paths(str(result.staging.parts_dir), str(result.staging.meta), p.index, result.fmt)[
            "records"
        ]
        for p in result.parts
    ]
    return [p for p in paths if p.exists()]


def iter_records(result: RunResult) -> Iterator[dict[str, Any]]:
    """Every record of the run, in input order, read back from the parts one line at a time."""
    for path in record_parts(result):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


class Concatenation:
    """One output file assembled from parts appended in order (copied by the kernel where it can:
    ``os.copy_file_range``), written under a temporary name and moved into place by :meth:`commit`."""

    def __init__(self, target: str):
        from reportnlp.pipeline.writers import AtomicFile

        self.file = AtomicFile(target)
        self.fd = self.file.fh.buffer.fileno()  # written only here, never through the file object
        self._kernel = hasattr(os, "copy_file_range")
        self._sync: Optional[threading.Thread] = None

    def append(self, path: Path) -> None:
        """Append the bytes of ``path`` (a missing part, of a worker that died, adds nothing)."""
        try:
            src = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            size = os.fstat(src).st_size
            copied = 0
            if self._kernel:
                try:
                    while copied < size:
                        n = os.copy_file_range(src, self.fd, size - copied)
                        if n == 0:
                            break
                        copied += n
                except OSError:  # a file system or kernel without it: copy through memory
                    self._kernel = False
            if copied < size:
                os.lseek(src, copied, os.SEEK_SET)
                while block := os.read(src, 1 << 20):
                    view = memoryview(block)
                    while view:
                        view = view[os.write(self.fd, view) :]
        finally:
            os.close(src)
        self._sync_behind()

    def _sync_behind(self) -> None:
        """Start writing what is appended to the disk while the workers run (``fsync`` in a thread, one at
        a time), so that the ``fsync`` of :meth:`commit`, which makes the output durable before it is
        renamed into place, has only the last parts left to wait for (it waited 40-70 ms for a 33 MB
        corpus's 81 MB, the tail of every run)."""
        if self._sync is None or not self._sync.is_alive():
            self._sync = threading.Thread(target=_fsync_quietly, args=(self.fd,), daemon=True)
            self._sync.start()

    def _wait(self) -> None:
        if self._sync is not None:
            self._sync.join()
            self._sync = None

    def commit(self) -> None:
        self._wait()
        self.file.commit()

    def abort(self) -> None:
        self._wait()
        self.file.abort()


def _fsync_quietly(fd: int) -> None:
    """An early ``fsync``: its error, if any, is the final ``fsync``'s to report (:meth:`AtomicFile.commit`)."""
    with contextlib.suppress(OSError):
        os.fsync(fd)


def concat_parquet(parts: Sequence[Path], target: str) -> None:
    """One parquet file from the parts, one part in memory at a time (schemas unified first)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from reportnlp.pipeline.tasks import atomic_path

    if not parts:
        atomic_path(target, lambda tmp: pq.write_table(pa.table({}), tmp))
        return
    schema = pa.unify_schemas([pq.read_schema(p) for p in parts])

    def write(tmp: str) -> None:
        with pq.ParquetWriter(tmp, schema) as w:
            for p in parts:
                t = pq.read_table(p)
                cols = [
                    t.column(f.name).cast(f.type)
                    if f.name in t.column_names
                    else pa.nulls(len(t), f.type)
                    for f in schema
                ]
                w.write_table(pa.Table.from_arrays(cols, schema=schema))

    atomic_path(target, write)


def run_to_output(
    step: str,
    inputs: Sequence[str],
    output: str,
    executor,
    *,
    options: Optional[Mapping[str, Any]] = None,
    corpus_signal: str = "auto",
    explain: Optional[str] = None,
    parts: bool = False,
    fmt: Optional[str] = None,
    partition_size: Optional[int] = None,
    progress: Optional[Progress] = None,
    stdin: Optional[BinaryIO] = None,
    records_hook: Optional[Callable[[Iterator[dict[str, Any]]], None]] = None,
    reader_options: Optional[Mapping[str, Any]] = None,
    per_document: bool = True,
) -> Summary:
    """Run ``step`` over ``inputs`` and write ``output`` (see :func:`output_kind`); ``explain``: a JSONL
    file of line decisions. Returns the run's :class:`Summary` (failures included: the caller reports
    them and sets the exit code). Nothing appears under a final name until its content is complete, and
    a run in which every input failed, or that read no document, writes nothing (an earlier run's output
    stays as it was; a directory of ``parts`` excepted).

    ``records_hook``: called with the records (in input order, read back from the parts) once the run
    is done, before the parts are removed (e.g. to build data frames of them)."""
    kind = output_kind(output, parts=parts)
    fmt = fmt or ("parquet" if kind == "parquet" or output.lower().endswith(".parquet") else "jsonl")
    if kind == "jsonl" and fmt != "jsonl":
        raise ValueError(f"--format {fmt} does not match the output file {output}")
    check_extras(kind, fmt)
    if kind == "parquet":
        # the parts are parquet too, unless the records are wanted back (the hook reads JSONL parts)
        fmt = "jsonl" if records_hook else "parquet"
    staging = Staging(output, parts_output=kind == "parts").open()
    ok = False
    records_out = explain_out = None
    try:
        if explain:
            remove_leftovers(Path(explain))
            explain_out = Concatenation(explain)
        if kind == "jsonl":
            records_out = Concatenation(output)

        def on_part(p: Partition) -> None:  # the outputs grow while the workers run
            if records_out is not None:
                paths = part_paths(str(staging.parts_dir), str(staging.meta), p.index, "jsonl")
                records_out.append(paths["records"])
            if explain_out is not None:
                explain_out.append(staging.meta / f"{part_name(p.index)}.explain.jsonl")

        result = execute(
            step,
            inputs,
            staging,
            executor,
            options=options,
            corpus_signal=corpus_signal,
            fmt=fmt if kind in ("parquet", "parts") else "jsonl",
            explain=bool(explain),
            partition_size=partition_size,
            progress=progress,
            stdin=stdin,
            reader_options=reader_options,
            per_document=per_document,
            on_part=on_part,
        )
        if not result.summary.documents and kind != "parts":
            # every input failed, or none held a document (an empty folder, a JSON of settings, a
            # --text-field no record has): an earlier run's good output is not replaced by an empty one
            # (a directory of parts is a resumable plan and is finished as planned, empty)
            result.summary.warnings.append(nothing_written(bool(result.summary.failures), [output]))
            for out in (records_out, explain_out):
                if out is not None:
                    out.abort()
            records_out = explain_out = None
            ok = True  # the staging goes: there is nothing to resume
            return result.summary
        written = record_parts(result)
        if records_out is not None:
            records_out.commit()
        elif kind == "parquet" and fmt == "parquet":
            concat_parquet(written, output)
        elif kind in ("txt", "parquet"):
            from reportnlp.pipeline.writers import open_writer

            writer = open_writer(output)
            try:
                for rec in iter_records(result):
                    writer.write(rec)
            except BaseException:
                writer.abort()
                raise
            writer.close()
        else:  # a directory of parts: remove the parts of an earlier, larger plan, then the marker
            keep = {p.name for p in written}
            for stale in staging.parts_dir.glob("part-*"):
                if stale.name not in keep and stale.is_file():
                    _unlink(stale)
            for tmp in staging.parts_dir.glob(".part-*.tmp"):  # of a worker that died
                _unlink(tmp)
            marker = staging.parts_dir / SUCCESS
            marker.write_text("", encoding="utf-8")
        if records_hook is not None:
            records_hook(iter_records(result))
        if explain_out is not None:
            explain_out.commit()
        ok = True
        return result.summary
    finally:
        if not ok:  # aborting a committed output only closes it again: its temporary name is gone
            for out in (records_out, explain_out):
                if out is not None:
                    out.abort()
        staging.close(remove=ok)


def nothing_written(failed: bool, outputs: Sequence[Optional[str]]) -> str:
    """The warning of a run that writes nothing because every input failed (``failed``) or none held a
    document; the outputs that exist already are named as left as they were.

    >>> nothing_written(False, ["-", None])
    'no document read: nothing written'
    """
    kept = [p for p in outputs if p and p != "-" and os.path.exists(p)]
    what = "every input failed" if failed else "no document read"
    return f"{what}: nothing written" + (f", {' and '.join(kept)} left as it was" if kept else "")


@contextlib.contextmanager
def run_records(
    step: str,
    inputs: Sequence[str],
    near: str,
    executor,
    *,
    options: Optional[Mapping[str, Any]] = None,
    corpus_signal: str = "auto",
    partition_size: Optional[int] = None,
    progress: Optional[Progress] = None,
    stdin: Optional[BinaryIO] = None,
    reader_options: Optional[Mapping[str, Any]] = None,
    per_document: bool = True,
) -> Iterator[tuple[Summary, Iterator[dict[str, Any]]]]:
    """Run ``step`` and yield ``(summary, records)``: the records read back from the parts, in input order.
    The staging directory sits beside ``near`` (the command's output) and goes when the block ends."""
    staging = Staging(near).open()
    ok = False
    try:
        result = execute(
            step,
            inputs,
            staging,
            executor,
            options=options,
            corpus_signal=corpus_signal,
            partition_size=partition_size,
            progress=progress,
            stdin=stdin,
            reader_options=reader_options,
            per_document=per_document,
        )
        yield result.summary, iter_records(result)
        ok = True
    finally:
        staging.close(remove=ok)


__all__ = [
    "SUCCESS",
    "RunLocked",
    "RunResult",
    "Staging",
    "check_extras",
    "execute",
    "iter_records",
    "output_kind",
    "remove_leftovers",
    "run_records",
    "run_to_output",
]
