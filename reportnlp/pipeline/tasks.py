"""The two tasks every executor runs over a :class:`~reportnlp.pipeline.plan.Partition`.

- :func:`scan_task`: the first pass: each document's distinct raw lines (the corpus-level boilerplate signal
  of :mod:`reportnlp.boilerplate.corpus`) and its id, as compact arrays of 64-bit hashes; the parent sums
  them (:func:`reduce_scans`) into the pruned line counts the line classifier reads.
- :func:`process_task`: reads its partition, runs the step (clean, analyse or a report record) on each
  document, serialises the results itself and writes its own part (``part-NNNNN.jsonl`` or ``.parquet``,
  ``part-NNNNN.explain.jsonl``) under a temporary name renamed into place, then its stats record
  (``part-NNNNN.stats.json``, written last: a part with stats is finished). Only that
  :class:`~reportnlp.pipeline.run.Summary` travels back to the parent.

Both are plain functions of picklable arguments, so the serial executor calls them, the process pool sends
them to its workers and Dask submits them as they are.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from reportnlp.boilerplate.corpus import line_keys, min_documents
from reportnlp.pipeline.plan import Partition, id_hash, iter_items, read_partition
from reportnlp.pipeline.readers import Failure, Item, scan_text
from reportnlp.pipeline.run import Result, Summary
from reportnlp.pipeline.writers import dumps, dumps_line


@dataclass(frozen=True)
class Scan:
    """What the scan of one partition returns: distinct line hashes and how many of its documents hold
    each (two arrays, as bytes), its id hashes in order, its number of documents."""

    index: int
    lines: bytes  # uint64, sorted
    counts: bytes  # uint32, aligned with lines
    ids: bytes  # array('Q') of id hashes, in record order
    documents: int
    suffixed: tuple[int, ...] = ()  # hashes of the ids that hold a '#' (a rename must not land on one)

    def id_list(self) -> list[int]:
        a = array("Q")
        a.frombytes(self.ids)
        return a.tolist()


class _Collect(logging.Handler):
    def __init__(self, into: Optional[list[str]]):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        if self.into is not None:
            self.into.append(record.getMessage())


@contextlib.contextmanager
def reader_warnings(into: Optional[list[str]]):
    """The readers' warnings (``logging`` under ``reportnlp``: a duplicate id renamed, a ``.json`` with no
    text) go into ``into`` (a task's summary, printed once by the parent and kept in ``--stats``), or
    nowhere (``None``: the scan pass, which reads what the process pass reads again)."""
    log = logging.getLogger("reportnlp")
    handler, propagate = _Collect(into), log.propagate
    log.addHandler(handler)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.propagate = propagate


def scan_task(
    part: Partition,
    corpus: bool = True,
    reader_options: Optional[Mapping[str, Any]] = None,
    encoding: Optional[str] = None,
) -> Scan:
    """Hash the ids of a partition's records and (``corpus``) count each document's distinct raw lines
    (read as clean() reads them; ``encoding``: the run's forced input encoding)."""
    ids = array("Q")
    keys = array("Q")
    suffixed: list[int] = []
    n = 0
    with reader_warnings(None):  # the process pass reads the same and says what is to be said
        for item in iter_items(part, reader_options):
            if isinstance(item, Failure):
                continue
            n += 1
            ids.append(id_hash(item.id))
            if "#" in item.id:
                suffixed.append(ids[-1])
            if corpus:
                try:  # the lines clean() will see: a page rendered, bytes decoded as clean decodes them
                    data = scan_text(item, encoding)
                    if data is not None:
                        keys.extend(line_keys(data))
                except Exception:  # e.g. a lone surrogate: the process pass reports this record
                    pass
    if len(keys) > SMALL_SCAN:
        import numpy as np

        values, counts = np.unique(np.frombuffer(keys, dtype=np.uint64), return_counts=True)
        lines, cnts = values.tobytes(), counts.astype(np.uint32).tobytes()
    elif len(keys):  # the same two arrays without numpy (whose import is 3 % of a 33 MB serial run)
        tally = Counter(keys)
        values = sorted(tally)
        lines = array("Q", values).tobytes()
        cnts = array(_U32, map(tally.__getitem__, values)).tobytes()
    else:
        lines = cnts = b""
    return Scan(part.index, lines, cnts, ids.tobytes(), n, tuple(suffixed))


#: Up to this many line keys (a partition's, or all partitions' distinct ones in the reduction), they are
#: counted with a Python counter rather than numpy: the same arrays and counts, without numpy's import
#: (50-70 ms) on a run of a few partitions; beyond it numpy's 24 bytes a key keep the parent's memory flat.
SMALL_SCAN = 1 << 17
_U32 = "I" if array("I").itemsize == 4 else "L"  # the counts' uint32, as numpy writes them


def _array(typecode: str, data: bytes) -> array:
    a = array(typecode)
    a.frombytes(data)
    return a


def reduce_scans(scans: Sequence[Scan], *, prune: bool = True) -> tuple[dict[int, int], int]:
    """The run's corpus line counts, pruned (``prune``) to the lines at or above the threshold (the only
    ones the line classifier acts on), and its number of documents. Peak memory: about 24 bytes a distinct
    line of each partition."""
    n = sum(s.documents for s in scans)
    threshold = min_documents(n) if prune else 1
    if not any(s.lines for s in scans):
        return {}, n
    if sum(len(s.lines) for s in scans) // 8 <= SMALL_SCAN:
        total: Counter[int] = Counter()
        for s in scans:
            if s.lines:
                total.update(dict(zip(_array("Q", s.lines), _array(_U32, s.counts))))
        return {k: total[k] for k in sorted(total) if total[k] >= threshold}, n
    import numpy as np

    lines = [np.frombuffer(s.lines, dtype=np.uint64) for s in scans if s.lines]
    counts = [np.frombuffer(s.counts, dtype=np.uint32) for s in scans if s.lines]
    values, inverse = np.unique(np.concatenate(lines), return_inverse=True)
    totals = np.bincount(inverse.ravel(), weights=np.concatenate(counts), minlength=len(values))
    keep = totals >= threshold
    return dict(zip(values[keep].tolist(), totals[keep].astype(np.int64).tolist())), n


@dataclass(frozen=True)
class TaskContext:
    """What every process task of a run shares: the step and its options, the pruned corpus line counts,
    where parts go and in which format."""

    step: str
    options: Mapping[str, Any]
    counts: Optional[Mapping[int, int]]
    parts_dir: str  # the records' parts
    meta_dir: str  # explain parts and stats records
    fmt: str = "jsonl"  # or "parquet"
    explain: bool = False
    durable: bool = False  # fsync each part (parts that are the final output)
    reader_options: Optional[Mapping[str, Any]] = None  # the readers' keyword arguments
    per_document: bool = True  # keep each document's encoding and script in the stats


def part_name(index: int) -> str:
    return f"part-{index:05d}"


def part_paths(parts_dir: str, meta_dir: str, index: int, fmt: str = "jsonl") -> dict[str, Path]:
    """Where part ``index`` writes its records, explain rows and stats record."""
    name = part_name(index)
    return {
        "records": Path(parts_dir) / f"{name}.{fmt}",
        "explain": Path(meta_dir) / f"{name}.explain.jsonl",
        "stats": Path(meta_dir) / f"{name}.stats.json",
    }


def process_task(part: Partition, ctx: TaskContext) -> Summary:
    """Run ``ctx.step`` on one partition, write its part files, return the part's :class:`Summary`."""
    from reportnlp.pipeline import run as _run

    fn = _run.step_function(ctx.step)
    paths = part_paths(ctx.parts_dir, ctx.meta_dir, part.index, ctx.fmt)
    summary = Summary()
    rows: Optional[list[dict[str, Any]]] = [] if ctx.fmt == "parquet" else None
    records = None if rows is not None else _PartFile(paths["records"], ctx.durable)
    explain = _PartFile(paths["explain"], ctx.durable) if ctx.explain else None
    items = read_partition(part, ctx.reader_options)
    try:
        with reader_warnings(summary.warnings):  # said once, by the parent, in input order
            for res in _results(items, fn, ctx.options, ctx.counts):
                if res.error is None:
                    try:  # serialise and write here: a record that cannot be written fails alone
                        if rows is not None:
                            dumps(res.record).encode("utf-8")
                            rows.append(res.record)
                        else:
                            records.write(res.json_line())
                    except (TypeError, ValueError) as err:  # UnicodeEncodeError: a lone surrogate
                        res = Result(
                            res.id,
                            res.source,
                            error=f"{res.source}: cannot write the record ({type(err).__name__}: {err})",
                        )
                summary.add(res)
                if res.error is None and explain is not None:
                    explain.write(b"".join(map(dumps_line, res.explain_rows())))
        if rows is not None:
            write_parquet(rows, str(paths["records"]))
        else:
            records.commit()
        if explain is not None:
            explain.commit()
    except BaseException:
        for f in (records, explain):
            if f is not None:
                f.abort()
        raise
    if not ctx.per_document:
        summary.per_document.clear()
    _atomic_text(paths["stats"], json.dumps(summary.to_state(), ensure_ascii=False), ctx.durable)
    return summary


def load_stats(meta_dir: str, index: int) -> Optional[Summary]:
    """The stats of a finished part (``None``: not finished)."""
    path = Path(meta_dir) / f"{part_name(index)}.stats.json"
    try:
        return Summary.from_state(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def _results(items: Iterator[Item], fn, options: Mapping[str, Any], counts) -> Iterator[Result]:
    for item in items:
        if isinstance(item, Failure):
            yield Result("", item.where, error=str(item))
        else:
            yield fn(item, options, counts)


class _PartFile:
    """A part written under ``.part-NNNNN….tmp`` and renamed into place by :meth:`commit`."""

    def __init__(self, target: Path, durable: bool):
        self.target = target
        self.durable = durable
        fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        self.fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        self.fh.flush()
        if self.durable:
            os.fsync(self.fh.fileno())
        self.fh.close()
        os.chmod(self.tmp, 0o666 & ~_umask())
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        self.fh.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic_text(target: Path, text: str, durable: bool) -> None:
    f = _PartFile(target, durable)
    try:
        f.write(text.encode("utf-8"))
    except BaseException:
        f.abort()
        raise
    f.commit()


def write_parquet(records: list[dict[str, Any]], target: str) -> None:
    """One parquet file (temporary name, then rename); nested fields as JSON strings, all-null columns
    typed as strings so that the parts of one run share a schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {k: (dumps(v) if isinstance(v, (dict, list)) else v) for k, v in r.items()} for r in records
    ]
    table = pa.Table.from_pylist(rows)
    for i, f in enumerate(table.schema):
        if pa.types.is_null(f.type):
            table = table.set_column(
                i, pa.field(f.name, pa.string()), table.column(i).cast(pa.string())
            )
    atomic_path(target, lambda tmp: pq.write_table(table, tmp))


def atomic_path(target: str, write) -> None:
    """Call ``write(tmp)`` on a temporary path beside ``target``, then rename it into place."""
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


__all__ = [
    "Scan",
    "TaskContext",
    "load_stats",
    "part_paths",
    "process_task",
    "reduce_scans",
    "scan_task",
    "write_parquet",
]
