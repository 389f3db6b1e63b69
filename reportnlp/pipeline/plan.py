"""The partition plan: which bytes of the input each task reads, for every executor.

A run's inputs (files, directories, ``-`` for standard input spooled to a file) are cut, in input order, into
:class:`Partition` s of about ``partition_size`` bytes: whole files for single-document files (``.txt``, and the
per-format readers' HTML, Word, PDF), byte ranges of JSONL files cut at line ends (the file is streamed
once and its newlines counted, so each range knows the line number it starts at), and runs of whole row groups
of parquet files, or slices of one large group's rows (sized from the file's footer, uncompressed; each knows
the row number it starts at). A partition is small and
picklable: it travels to a worker, which reads its own bytes (:func:`read_partition`). Ids are made unique
across the run exactly as :func:`reportnlp.pipeline.readers.read_inputs` makes them: a first pass hashes every
id (:func:`id_hash`) and each partition learns, in ``prior``, how often its recurring ids were seen before it.

>>> import tempfile, os
>>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.jsonl")
>>> _ = open(p, "w", encoding="utf-8").write('{"id": "x", "text": "正文一。"}\\n' * 3)
>>> parts = plan_partitions([p], 30)
>>> [(u.start, u.end, u.first_line) for part in parts for u in part.units]
[(0, 36, 1), (36, 72, 2), (72, 108, 3)]
>>> [r.id for part in with_priors(parts, [[id_hash("x")]] * 3) for r in read_partition(part)]
['x', 'x#2', 'x#3']
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional, Union

from reportnlp.pipeline.readers import (
    JSONL_SUFFIXES,
    Failure,
    Item,
    Record,
    _read_one,
    display_name,
    expand_inputs,
    read_jsonl,
)
from reportnlp.readers.tabular import ParquetReader, parquet_row_groups

MIN_PARTITION = 1 << 20  # 1 MiB: below this, task overhead shows
MAX_PARTITION = 8 << 20  # a worker holds about two copies of its partition: memory stays bounded
# Each partition costs a round trip, and the workers should finish together: at least this many partitions
# per worker, as many for every worker. Measured on 2 cores, 53 MB, Dask: 4 a worker 1.80x the speed of one
# worker, 8 a worker 1.71x, 3 a worker (7 parts, one worker a part behind) 1.55x.
PARTITIONS_PER_WORKER = 4
STDIN = "-"
PARQUET_SUFFIX = ".parquet"


@dataclass(frozen=True)
class WholeFile:
    """A whole input file: one single-document file, or a small JSONL file. ``path`` names the input in
    ids, errors and ``source`` (as given); ``abspath`` is where the bytes are (standard input: its spool)."""

    path: str
    abspath: str
    nbytes: int


@dataclass(frozen=True)
class JsonlRange:
    """Lines ``first_line`` … of a JSONL file: bytes ``[start, end)``, cut at line ends."""

    path: str
    abspath: str
    start: int
    end: int
    first_line: int


@dataclass(frozen=True)
class ParquetGroups:
    """Row groups ``first`` … ``end - 1`` of a parquet file, ``first_row`` the 1-based number in the file of
    the first row read; ``nbytes`` their uncompressed size. A slice of one group larger than a partition
    leaves out its first ``skip`` rows and reads ``take`` (``None``: every row)."""

    path: str
    abspath: str
    first: int
    end: int
    first_row: int
    nbytes: int
    skip: int = 0
    take: Optional[int] = None


_log = logging.getLogger("reportnlp")

Unit = Union[WholeFile, JsonlRange, ParquetGroups, Failure]


@dataclass(frozen=True)
class Partition:
    """What one task reads, in input order; ``prior`` maps the hash of an id seen in earlier partitions
    to how often it was seen there (only for ids that occur more than once in the run)."""

    index: int
    units: tuple[Unit, ...]
    nbytes: int
    prior: Mapping[int, int] = field(default_factory=dict)
    taken: frozenset = frozenset()  # hashes of the run's ids that hold a '#': renames skip them

    def where(self) -> str:
        """The inputs this partition covers, for messages (``file:first-last`` for line ranges)."""
        names = []
        for u in self.units:
            if isinstance(u, JsonlRange):
                names.append(f"{u.path} from line {u.first_line}")
            elif isinstance(u, ParquetGroups):
                names.append(f"{u.path} from row {u.first_row}")
            elif isinstance(u, WholeFile):
                names.append(u.path)
        if len(names) > 3:
            names = [*names[:2], f"… {len(names) - 3} more …", names[-1]]
        return ", ".join(names) or "(no input)"


PartSpec = Partition  # the name the Dask engine used


def _is_jsonl(path: str, abspath: str) -> bool:
    if path != STDIN:
        return path.endswith(JSONL_SUFFIXES)
    try:
        with open(abspath, "rb") as fh:
            return fh.read(4096).lstrip()[:1] == b"{"
    except OSError:
        return False


def plan_partitions(
    inputs: Sequence[str], partition_size: int, *, stdin_path: Optional[str] = None
) -> list[Partition]:
    """Cut the inputs into partitions of about ``partition_size`` bytes, in input order.

    Files are listed as :func:`reportnlp.pipeline.readers.expand_inputs` lists them; a JSONL file larger than
    what the current partition still takes is split at line ends. Missing inputs become :class:`Failure`
    units in place. ``stdin_path``: where standard input (``-``) was spooled.
    """
    parts: list[Partition] = []
    units: list[Unit] = []
    size = 0

    def flush() -> None:
        nonlocal units, size
        if units:
            parts.append(Partition(len(parts), tuple(units), size))
        units, size = [], 0

    for path in expand_inputs(inputs):
        if isinstance(path, Failure):
            units.append(path)
            continue
        if path == STDIN:
            if stdin_path is None:
                raise ValueError("standard input ('-') must be spooled first (stdin_path)")
            abspath = stdin_path
        else:
            abspath = os.path.abspath(path)
        try:
            nbytes = os.path.getsize(abspath)
        except OSError:
            nbytes = 0  # the task's read reports the error, naming the file
        if nbytes > partition_size - size and _is_jsonl(path, abspath):
            for rng in _jsonl_ranges(path, abspath, partition_size - size, partition_size):
                units.append(rng)
                size += rng.end - rng.start
                if size >= partition_size:
                    flush()
            continue
        if nbytes > partition_size - size and path.lower().endswith(PARQUET_SUFFIX):
            groups = parquet_row_groups(abspath)
            if groups and (len(groups) > 1 or groups[0][0] > 1):  # row groups (or slices) split it
                for unit in _parquet_ranges(
                    path, abspath, groups, partition_size - size, partition_size
                ):
                    units.append(unit)
                    size += unit.nbytes
                    if size >= partition_size:
                        flush()
                continue
        units.append(WholeFile(path, abspath, nbytes))
        size += nbytes
        if size >= partition_size:
            flush()
    flush()
    return parts


def _jsonl_ranges(path: str, abspath: str, first: int, size: int) -> Iterator[JsonlRange]:
    """Ranges of about ``first``, then ``size`` bytes, each ending at a line end (or the file's end).

    The file is streamed in blocks of at most 1 MiB, newlines counted: the planner's memory does not grow
    with the partition size or the file."""
    block_size = 1 << 20
    try:
        fh = open(abspath, "rb")
    except OSError:
        yield JsonlRange(path, abspath, 0, 0, 1)  # the task's read names the error
        return
    with fh:
        start = pos = lines = 0
        line, want = 1, max(first, 1)
        while True:
            block = fh.read(min(block_size, start + want - pos))
            if not block:
                if pos > start:
                    yield JsonlRange(path, abspath, start, pos, line)
                return
            pos += len(block)
            lines += block.count(b"\n")
            if pos - start >= want:
                if not block.endswith(b"\n"):
                    rest = fh.readline()
                    pos += len(rest)
                    lines += rest.count(b"\n")
                yield JsonlRange(path, abspath, start, pos, line)
                start, line, lines, want = pos, line + lines, 0, size


def _parquet_ranges(
    path: str, abspath: str, groups: Sequence[tuple[int, int]], first: int, size: int
) -> Iterator[ParquetGroups]:
    """Runs of whole row groups of about ``first``, then ``size`` uncompressed bytes (``groups``: each
    group's rows and bytes, in order); a group larger than ``size`` (a file pandas wrote: one group of up to
    a million rows) is cut into slices of its rows of about ``size`` bytes each."""
    start, row, acc, rows, want = 0, 1, 0, 0, max(first, 1)
    for g, (n, nbytes) in enumerate(groups):
        if nbytes > size and n > 1:
            if acc:  # the run before it ends here
                yield ParquetGroups(path, abspath, start, g, row, acc)
                row += rows
            k = min(n, -(-nbytes // size))
            per = -(-n // k)
            for skip in range(0, n, per):
                take = min(per, n - skip)
                share = max(1, nbytes * take // n)
                yield ParquetGroups(path, abspath, g, g + 1, row + skip, share, skip, take)
            start, row, acc, rows, want = g + 1, row + n, 0, 0, size
            continue
        acc += nbytes
        rows += n
        if acc >= want or g == len(groups) - 1:
            yield ParquetGroups(path, abspath, start, g + 1, row, acc)
            start, row, acc, rows, want = g + 1, row + rows, 0, 0, size


def input_bytes(inputs: Iterable[str], stdin_path: Optional[str] = None) -> int:
    """Total size of the files a run reads (what progress and partition sizes are measured in)."""
    total = 0
    for p in expand_inputs(inputs):
        if isinstance(p, Failure):
            continue
        try:
            total += os.path.getsize(stdin_path if p == STDIN and stdin_path else p)
        except OSError:
            pass
    return total


def auto_partition_size(total: int, workers: int, per_worker: int = PARTITIONS_PER_WORKER) -> int:
    """A partition size that gives every worker the same number of partitions: at least ``per_worker``
    (default :data:`PARTITIONS_PER_WORKER`), more when partitions would exceed 8 MiB; never under 1 MiB (an input
    smaller than that many MiB gets fewer partitions, of 1 MiB).

    >>> auto_partition_size(50 << 20, 2) == (50 << 20) // 8
    True
    >>> n = 100 << 20; -(-n // auto_partition_size(n, 2))  # 7 a worker, not 13 parts of 8 MiB
    14
    >>> auto_partition_size(3 << 20, 2) == 1 << 20
    True
    """
    workers = max(1, workers)
    per_worker = max(per_worker, -(-total // (workers * MAX_PARTITION)))
    return max(MIN_PARTITION, -(-total // (workers * per_worker)))


# -- reading a partition (runs in the task) -----------------------------------------------------------


def iter_items(part: Partition, reader_options: Optional[Mapping] = None) -> Iterator[Item]:
    """The records and failures of one partition, in order, ids not yet made unique.

    ``reader_options``: keyword arguments of the readers (e.g. the text and id fields of record inputs),
    passed to :func:`reportnlp.pipeline.readers.read_jsonl` and the whole-file reader."""
    opts = dict(reader_options or {})
    for unit in part.units:
        if isinstance(unit, Failure):
            yield unit
        elif isinstance(unit, WholeFile):
            yield from _read_whole(unit, opts)
        elif isinstance(unit, ParquetGroups):
            yield from _read_groups(unit, opts)
        else:
            yield from _read_range(unit, opts)


def _read_whole(unit: WholeFile, opts: Mapping) -> Iterator[Item]:
    """A whole file through the reader its name selects, named by the path as given. This and
    :func:`_read_range` are the only places a partition's bytes are read."""
    if unit.path == STDIN:
        try:
            data = Path(unit.abspath).read_bytes()
        except OSError as err:
            yield Failure(STDIN, f"cannot read: {err.strerror or err}")
            return
        yield from _read_one(STDIN, data, **opts)
        return
    # named by the path as given, printable (a name that is not UTF-8 as display_name gives it, as
    # _read_one names it; the record's suffix after that name, ":line" of a record, is kept)
    path, abspath = display_name(unit.path), display_name(unit.abspath)
    renamed = _Renamed(abspath, path)  # the readers' warnings name the file as given too
    _log.addFilter(renamed)
    try:
        yield from _named(_read_one(unit.abspath, **opts), path, abspath)
    finally:
        _log.removeFilter(renamed)


class _Renamed(logging.Filter):
    """Rewrites a file's absolute path to the path as given in the arguments of a log record."""

    def __init__(self, abspath: str, path: str):
        super().__init__()
        self.abspath, self.path = abspath, path

    def filter(self, record: logging.LogRecord) -> bool:
        if self.abspath != self.path and isinstance(record.args, tuple):
            n = len(self.abspath)
            record.args = tuple(
                self.path + a[n:] if isinstance(a, str) and a.startswith(self.abspath) else a
                for a in record.args
            )
        return True


def _named(items: Iterator[Item], path: str, abspath: str) -> Iterator[Item]:
    for item in items:
        if abspath == path:
            yield item
        elif isinstance(item, Failure):
            if item.where.startswith(abspath):
                item = Failure(path + item.where[len(abspath) :], item.message)
            yield item
        elif item.source.startswith(abspath):  # not a source carried through from reportnlp's output
            yield replace(item, source=path + item.source[len(abspath) :])
        else:
            yield item


def _read_groups(unit: ParquetGroups, opts: Mapping) -> Iterator[Item]:
    """Row groups of a parquet file: the records the whole file's read gives for them, named alike."""
    reader = ParquetReader(**opts)
    yield from reader.read_row_groups(
        unit.abspath,
        display_name(unit.path),
        unit.first,
        unit.end,
        unit.first_row,
        unit.skip,
        unit.take,
    )


def _read_range(unit: JsonlRange, opts: Mapping) -> Iterator[Item]:
    """JSONL lines of one range: the records and failures :func:`read_jsonl` gives for them in the file."""
    try:
        with open(unit.abspath, "rb") as fh:
            fh.seek(unit.start)
            data = fh.read(unit.end - unit.start)
    except OSError as err:
        yield Failure(unit.path, f"cannot read: {err.strerror or err}")
        return
    stem = "stdin" if unit.path == STDIN else Path(unit.path).stem
    yield from read_jsonl(data, unit.path, stem, first_line=unit.first_line, **opts)


def id_hash(rid: str) -> int:
    """A stable 64-bit hash of a document id (ids are compared across partitions by hash)."""
    return int.from_bytes(
        hashlib.blake2b(rid.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big"
    )


def read_partition(part: Partition, reader_options: Optional[Mapping] = None) -> Iterator[Item]:
    """:func:`iter_items` with ids made unique across the run exactly as ``read_inputs`` does (``#n``)."""
    seen: dict[str, int] = {}
    for item in iter_items(part, reader_options):
        if isinstance(item, Record):
            n = seen.get(item.id, 0)
            seen[item.id] = n + 1
            if part.prior:
                n += part.prior.get(id_hash(item.id), 0)
            if n:
                new = _renamed(item.id, n, part.taken)
                _log.warning("%s: duplicate id %r renamed %r", item.source, item.id, new)
                item = replace(item, id=new)
        yield item


def _renamed(rid: str, n: int, taken: frozenset) -> str:
    """The name of the ``n``-th repeat (1-based) of ``rid``: ``rid#2``, ``rid#3`` … skipping every name that
    is an id of the run already (``taken``), so a repeat never lands on another document; the same in
    every partition, so two repeats never share a name."""
    k, free = 1, 0
    while free < n:
        k += 1
        if id_hash(f"{rid}#{k}") not in taken:
            free += 1
    return f"{rid}#{k}"


unique_items = read_partition  # the name the Dask engine used


def with_priors(
    parts: Sequence[Partition], ids: Sequence[Iterable[int]], taken: Iterable[int] = ()
) -> list[Partition]:
    """Give each partition the earlier counts of its ids that recur in the run (usually none).

    ``ids[i]``: the id hashes of partition ``i``'s records, in order."""
    every: Counter = Counter()
    for hashes in ids:
        every.update(hashes)
    dups = {h for h, c in every.items() if c > 1}
    if not dups:
        return list(parts)
    taken = frozenset(taken)
    running: Counter = Counter()
    out = []
    for p, hashes in zip(parts, ids):
        mine = [h for h in hashes if h in dups]
        prior = {h: running[h] for h in sorted(set(mine)) if running[h]}
        running.update(mine)
        out.append(replace(p, prior=prior, taken=taken))
    return out


__all__ = [
    "JsonlRange",
    "ParquetGroups",
    "Partition",
    "PartSpec",
    "Unit",
    "WholeFile",
    "auto_partition_size",
    "id_hash",
    "input_bytes",
    "iter_items",
    "plan_partitions",
    "read_partition",
    "unique_items",
    "with_priors",
]
