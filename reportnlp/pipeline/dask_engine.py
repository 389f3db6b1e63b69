"""Run the clean and analyse steps on Dask: a local cluster or a real one, partitioned input and output.

The driver never holds the corpus. It plans partitions (whole ``.txt`` files, and line ranges of JSONL
files cut at line ends, found by streaming the file once and counting newlines), and hands each worker a
small :class:`PartSpec`. Two passes over a :mod:`dask.bag` of those specs:

1. **scan**: each partition counts, once per document, the raw lines its documents contain (the
   corpus-level boilerplate signal of :mod:`reportnlp.boilerplate.corpus`) and hashes its document ids. The
   line counts are a Dask reduction (``Bag.reduction``: a ``Counter`` per partition, summed in a tree); its
   last step runs on a worker and keeps only the lines at or above the threshold, the only ones the line
   classifier looks at, so the driver receives a small dict that it broadcasts (``Client.scatter``) to the
   workers. Ids repeated across partitions get the same ``#n`` suffixes as :func:`read_inputs` gives.
2. **process**: each partition cleans (or analyses) its documents with :func:`clean_record` /
   :func:`analyse_record` and writes its part file itself (temporary name, then rename); it returns only a
   :class:`Summary` of the part.

Output is a directory of ``part-00000.jsonl`` … (or ``.parquet``) with a ``_SUCCESS`` marker written last,
or one ``.jsonl`` / ``.parquet`` file assembled from the parts in order: a ``.jsonl`` file is byte for byte
the file the one-machine engine writes for the same input. Bad input is reported as by that engine
(``file:line``) and the rest is processed. Workers must see the input and output paths (a local cluster
does; a real one needs a shared file system).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from reportnlp.boilerplate.corpus import count_lines, min_documents
from reportnlp.pipeline import run as _run
from reportnlp.pipeline.readers import (
    JSONL_SUFFIXES,
    Failure,
    Item,
    Record,
    _read_one,
    expand_inputs,
    read_jsonl,
)
from reportnlp.pipeline.run import STEPS, Result, Summary
from reportnlp.pipeline.writers import AtomicFile, dumps

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

SUCCESS = "_SUCCESS"
MIN_PARTITION = 1 << 20  # 1 MiB: below this, task overhead shows
MAX_PARTITION = 8 << 20  # a worker holds about two copies of its partition: memory stays bounded
# Each partition costs a round trip through the scheduler, and the workers should finish together: at least
# this many partitions per worker, as many for every worker. Measured on 2 cores, 53 MB: 4 a worker 1.80x
# the speed of one worker, 8 a worker 1.71x, 3 a worker (7 parts, one worker a part behind) 1.55x.
PARTITIONS_PER_WORKER = 4


# -- planning: which bytes each partition reads ------------------------------------------------------


@dataclass(frozen=True)
class WholeFile:
    """A whole input file: one ``.txt`` document, or a small JSONL file (read as :func:`read_inputs`)."""

    path: str  # as given: names the input in ids, errors and ``source``
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


Unit = Union[WholeFile, JsonlRange, Failure]


@dataclass(frozen=True)
class PartSpec:
    """What one partition reads, in input order; ``prior`` maps the hash of an id seen in earlier
    partitions to how often it was seen there (only for ids that occur more than once in the run)."""

    index: int
    units: tuple[Unit, ...]
    nbytes: int
    prior: Mapping[int, int] = field(default_factory=dict)


def plan_partitions(inputs: Sequence[str], partition_size: int) -> list[PartSpec]:
    """Cut the inputs into partitions of about ``partition_size`` bytes, in input order.

    Files are listed as :func:`reportnlp.pipeline.readers.expand_inputs` lists them; a JSONL file larger
    than what the current partition still takes is split at line ends (streamed once, newlines counted so
    each range knows its first line number). Missing inputs become :class:`Failure` units in place.
    """
    parts: list[PartSpec] = []
    units: list[Unit] = []
    size = 0

    def flush() -> None:
        nonlocal units, size
        if units:
            parts.append(PartSpec(len(parts), tuple(units), size))
        units, size = [], 0

    for path in expand_inputs(inputs):
        if isinstance(path, Failure):
            units.append(path)
            continue
        if path == "-":
            raise ValueError("the Dask engine reads files: standard input ('-') is not supported")
        abspath = os.path.abspath(path)
        try:
            nbytes = os.path.getsize(abspath)
        except OSError:
            nbytes = 0  # the worker's read reports the error, as the local engine does
        if path.endswith(JSONL_SUFFIXES) and nbytes > partition_size - size:
            for rng in _jsonl_ranges(path, abspath, partition_size - size, partition_size):
                units.append(rng)
                size += rng.end - rng.start
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

    The file is streamed in blocks of at most 1 MiB, newlines counted, so the driver's memory does not
    grow with the partition size or the file."""
    block_size = 1 << 20
    with open(abspath, "rb") as fh:
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


def _auto_partition_size(total: int, workers: int) -> int:
    """A partition size that gives every worker the same number of partitions: at least
    :data:`PARTITIONS_PER_WORKER`, more when partitions would exceed 8 MiB; never under 1 MiB (an input
    smaller than that many MiB gets fewer partitions, of 1 MiB).

    >>> _auto_partition_size(50 << 20, 2) == (50 << 20) // 8
    True
    >>> n = 100 << 20; -(-n // _auto_partition_size(n, 2))  # 7 a worker, not 13 parts of 8 MiB
    14
    >>> _auto_partition_size(3 << 20, 2) == 1 << 20
    True
    """
    workers = max(1, workers)
    per_worker = max(PARTITIONS_PER_WORKER, -(-total // (workers * MAX_PARTITION)))
    return max(MIN_PARTITION, -(-total // (workers * per_worker)))


# -- reading a partition (runs on a worker) -----------------------------------------------------------


def iter_items(spec: PartSpec) -> Iterator[Item]:
    """The records and failures of one partition, in order, ids not yet made unique."""
    for unit in spec.units:
        if isinstance(unit, Failure):
            yield unit
        elif isinstance(unit, WholeFile):
            for item in _read_one(unit.abspath):
                yield _renamed_source(item, unit)
        else:
            yield from _read_range(unit)


def _renamed_source(item: Item, unit: WholeFile) -> Item:
    """Items read from the absolute path, named by the path as given (as the local engine names them)."""
    if unit.abspath == unit.path:
        return item
    if isinstance(item, Failure):
        return Failure(unit.path + item.where[len(unit.abspath) :], item.message)
    return replace(item, source=unit.path + item.source[len(unit.abspath) :])


def _read_range(unit: JsonlRange) -> Iterator[Item]:
    """JSONL lines of one range: the records and failures :func:`read_jsonl` gives for them in the file."""
    try:
        with open(unit.abspath, "rb") as fh:
            fh.seek(unit.start)
            data = fh.read(unit.end - unit.start)
    except OSError as err:
        yield Failure(unit.path, f"cannot read: {err.strerror or err}")
        return
    yield from read_jsonl(data, unit.path, Path(unit.path).stem, first_line=unit.first_line)


def id_hash(rid: str) -> int:
    """A stable 64-bit hash of a document id (ids are compared across partitions by hash)."""
    return int.from_bytes(hashlib.blake2b(rid.encode("utf-8"), digest_size=8).digest(), "big")


def unique_items(spec: PartSpec) -> Iterator[Item]:
    """:func:`iter_items` with ids made unique across the run exactly as :func:`read_inputs` does."""
    seen: dict[str, int] = {}
    for item in iter_items(spec):
        if isinstance(item, Record):
            n = seen.get(item.id, 0)
            seen[item.id] = n + 1
            n += spec.prior.get(id_hash(item.id), 0) if spec.prior else 0
            if n:  # the same construction as read_inputs (every other field carried over)
                item = replace(item, id=f"{item.id}#{n + 1}")
        yield item


# -- pass 1: scan (corpus line counts as a reduction, id hashes) --------------------------------------


@dataclass
class Scan:
    """What the scan of one partition returns: line counts (or None), documents, id hashes in order."""

    index: int
    counts: Optional[Counter]
    documents: int
    ids: bytes  # array('Q') of id hashes


def scan_partition(specs: list[PartSpec], corpus: bool) -> list[Scan]:
    """Count each document's distinct raw lines (as :func:`run.corpus_line_counts`) and hash its id."""
    out = []
    for spec in specs:
        total: Optional[Counter] = Counter() if corpus else None
        ids = array("Q")
        n = 0
        for item in iter_items(spec):
            if isinstance(item, Failure):
                continue
            n += 1
            ids.append(id_hash(item.id))
            if total is not None:
                data = item.data
                if isinstance(data, bytes):
                    data = data.decode("utf-8", "replace")
                total.update(count_lines(data))
        out.append(Scan(spec.index, total, n, ids.tobytes()))
    return out


def _sum_counts(scans: Sequence[Any]) -> tuple[Counter, int]:
    """Sum of ``(counts, documents)`` over scans or partial sums (a step of the tree reduction)."""
    total: Counter = Counter()
    n = 0
    for s in scans:
        counts, docs = (s.counts, s.documents) if isinstance(s, Scan) else s
        if counts:
            total.update(counts)
        n += docs
    return total, n


def _aggregate_pruned(partials: Sequence[tuple[Counter, int]]) -> tuple[dict[int, int], int]:
    """Last reduction step, on a worker: keep the lines the classifier can act on (count ≥ threshold)."""
    total, n = _sum_counts(partials)
    threshold = min_documents(n)
    return {k: v for k, v in total.items() if v >= threshold}, n


def _scan_graph(parts: list[PartSpec], corpus: bool, *, prune: bool, split_every: int = 8):
    """Dask objects for pass 1: the reduced line counts and the per-partition id hashes."""
    import dask.bag as db

    scans = db.from_sequence(parts, npartitions=len(parts)).map_partitions(
        scan_partition, corpus=corpus
    )
    reduced = scans.reduction(
        _sum_counts, _aggregate_pruned if prune else _sum_counts, split_every=split_every
    )
    ids = scans.map(lambda s: (s.index, s.ids))
    return reduced, ids


def corpus_line_counts_dask(
    inputs: Sequence[str], *, client: Client, partition_size: int = MIN_PARTITION
) -> tuple[Counter, int]:
    """The corpus line counts of :func:`reportnlp.pipeline.run.corpus_line_counts`, as a Dask reduction.

    Returns the full counts (every line) and the number of documents, as the one-machine function does.
    """
    parts = plan_partitions(inputs, partition_size)
    if not parts:
        return Counter(), 0
    reduced, _ = _scan_graph(parts, True, prune=False)
    return client.compute(reduced).result()


def _priors(parts: list[PartSpec], id_arrays: list[tuple[int, bytes]]) -> list[PartSpec]:
    """Give each partition the earlier counts of its ids that recur in the run (usually none)."""
    import numpy as np

    arrays = {i: np.frombuffer(b, dtype=np.uint64) for i, b in id_arrays}
    every = np.concatenate([arrays[p.index] for p in parts]) if parts else np.empty(0, np.uint64)
    values, counts = np.unique(every, return_counts=True)
    dups = values[counts > 1]
    if not len(dups):
        return parts
    running: Counter = Counter()
    out = []
    for p in parts:
        mine = arrays[p.index]
        mine = mine[np.isin(mine, dups)]
        prior = {int(h): running[int(h)] for h in np.unique(mine) if running[int(h)]}
        running.update(int(h) for h in mine)
        out.append(replace(p, prior=prior))
    return out


# -- pass 2: process and write parts (runs on a worker) -----------------------------------------------


def process_partition(
    specs: list[PartSpec],
    *,
    step: str,
    options: Mapping[str, Any],
    counts: Optional[Mapping[int, int]],
    records_dir: str,
    fmt: str,
    explain_dir: Optional[str],
    durable: bool = True,
) -> list[Summary]:
    """Clean or analyse one partition, write its part file(s), return the part's :class:`Summary`.

    ``durable``: the part is a final output (fsync, then rename); otherwise a staging file that the
    driver assembles into one output file (itself written atomically)."""
    out = []
    for spec in specs:
        summary = Summary()
        name = f"part-{spec.index:05d}"
        rows: Optional[list[dict[str, Any]]] = [] if fmt == "parquet" else None
        records = None
        if rows is None:
            path = str(Path(records_dir) / f"{name}.jsonl")
            records = AtomicFile(path) if durable else _StagingFile(path)
        explain = _StagingFile(str(Path(explain_dir) / f"{name}.jsonl")) if explain_dir else None
        try:
            for res in _results(unique_items(spec), step, options, counts):
                summary.add(res)
                if res.error is not None:
                    continue
                if rows is not None:
                    rows.append(res.record)
                else:
                    records.write(dumps(res.record) + "\n")
                if explain:
                    explain.write("".join(dumps(row) + "\n" for row in res.explain))
        except BaseException:
            for f in (records, explain):
                if f:
                    f.abort()
            raise
        if rows is not None:
            if rows:
                write_parquet(rows, str(Path(records_dir) / f"{name}.parquet"))
        else:
            records.commit()
        if explain:
            explain.commit()
        out.append(summary)
    return out


class _StagingFile:
    """A part in the run's private staging directory: written in place, no fsync (the assembled
    output is synced); :meth:`abort` removes it."""

    def __init__(self, target: str):
        self.target = target
        self.fh = open(target, "w", encoding="utf-8", newline="\n")

    def write(self, s: str) -> None:
        self.fh.write(s)

    def commit(self) -> None:
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()
        if os.path.exists(self.target):
            os.unlink(self.target)


def _results(
    items: Iterator[Item], step: str, options: Mapping[str, Any], counts
) -> Iterator[Result]:
    fn = _run.clean_record if step == "clean" else _run.analyse_record
    for item in items:
        if isinstance(item, Failure):
            yield Result("", item.where, error=str(item))
        else:
            yield fn(item, options, counts)


def write_parquet(records: list[dict[str, Any]], target: str) -> None:
    """One parquet file (temporary name, then rename); nested fields as JSON strings as in
    :class:`reportnlp.pipeline.writers.ParquetWriter`, all-null columns typed as strings so that the
    parts of one run share a schema."""
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
    _atomic(target, lambda tmp: pq.write_table(table, tmp))


def _atomic(target: str, write) -> None:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def merge_summaries(parts: Sequence[Summary]) -> Summary:
    """One :class:`Summary` from the parts' summaries, in part order (the same as one sequential run)."""
    s = Summary()
    for p in parts:
        s.documents += p.documents
        s.failures.extend(p.failures)
        s.dropped.update(p.dropped)
        s.actions.update(p.actions)
        s.encodings.update(p.encodings)
        s.scripts.update(p.scripts)
        s.warnings.extend(p.warnings)
        s.per_document.extend(p.per_document)
    return s


def warm(step: str = "clean") -> int:
    """Load the lazily built tables (OpenCC, mojibake, pinyin, place names) in this process: run it on
    every worker (``client.run(warm)``) so the first partitions do not pay for it. Returns the pid."""
    from reportnlp.cleaning import clean

    sample = "關於全市理論宣講工作匯報\n來(lái)源:網友投稿\n。ㄒ唬┮庾R形態工作\n  多年來,××市大胆探索、勇于创新,宣讲30余场次。"
    doc = clean(sample, corpus_counts={}, corpus_min_docs=3)
    if step == "analyse":
        from reportnlp.analysis import analyse

        analyse(doc)
    return os.getpid()


# -- the driver ---------------------------------------------------------------------------------------


def _is_dir_output(output: str) -> bool:
    return output.endswith(("/", os.sep)) or not output.endswith(JSONL_SUFFIXES + (".parquet",))


def run_dask(
    step: str,
    inputs: Sequence[str],
    output: str,
    *,
    workers: Optional[int] = None,
    scheduler: Optional[str] = None,
    options: Optional[Mapping[str, Any]] = None,
    corpus_signal: str = "auto",
    partition_size: Optional[int] = None,
    fmt: Optional[str] = None,
    explain: Optional[str] = None,
    quiet: bool = True,
    client: Optional[Client] = None,
) -> Summary:
    """Run ``step`` (``"clean"`` or ``"analyse"``) over ``inputs`` on Dask; write ``output``; return the
    run's :class:`Summary` (failures included: the caller reports them and sets the exit code).

    - ``client``: an existing :class:`distributed.Client`; else ``scheduler`` (an address) is joined,
      else a :class:`distributed.LocalCluster` of ``workers`` processes (one thread each) is started and
      closed at the end.
    - ``options``: the clean options of :func:`reportnlp.cleaning.clean` (``to_simplified``,
      ``encoding``; ``no_clean`` for analyse). ``corpus_min_docs`` is set here from the run's size.
    - ``corpus_signal``: ``auto`` (on from 20 documents), ``on`` or ``off``, as in the CLI.
    - ``output``: a directory (a path ending in ``/``, an existing directory, or a name without a
      ``.jsonl``/``.parquet`` suffix) gets ``part-NNNNN.jsonl`` (``fmt="parquet"``: ``.parquet``) and
      ``_SUCCESS`` last; ``OUT.jsonl`` / ``OUT.parquet`` is assembled from the parts in order.
    - ``partition_size``: bytes of input per partition (default: the same number of partitions for
      every worker, at least :data:`PARTITIONS_PER_WORKER`, 1–8 MiB). ``explain``: a JSONL file of
      line decisions, as ``reportnlp clean --explain``.

    >>> run_dask("clean", ["corpora/samples"], "out/samples/", workers=2)  # doctest: +SKIP
    Summary(documents=5, ...)
    """
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}; choose one of {STEPS}")
    if corpus_signal not in ("auto", "on", "off"):
        raise ValueError(f"corpus_signal must be auto, on or off, not {corpus_signal!r}")
    dir_mode = _is_dir_output(output)
    fmt = fmt or ("parquet" if output.endswith(".parquet") else "jsonl")
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"fmt must be jsonl or parquet, not {fmt!r}")
    if not dir_mode and fmt != ("parquet" if output.endswith(".parquet") else "jsonl"):
        raise ValueError(f"--format {fmt} does not match the output file {output}")

    own_client, own_cluster = None, None
    if client is None:
        client, own_cluster = _connect(workers, scheduler)
        own_client = client
    try:
        return _drive(
            client,
            step,
            list(inputs),
            output,
            dir_mode,
            fmt,
            dict(options or {}),
            corpus_signal,
            partition_size,
            explain,
            quiet,
        )
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


# Background work of a local cluster, made rarer: on a machine whose every core runs a worker, the
# scheduler's and nannies' periodic callbacks and the workers' sampling profiler take time from the work.
QUIET_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.profile.enabled": False,
    # every task goes to a worker at once (no root-task queuing on the scheduler): a worker starts its
    # next partition without a round trip to the scheduler, which on a small machine waits for a core
    "distributed.scheduler.worker-saturation": float("inf"),
}


def local_cluster(workers: Optional[int] = None):
    """A :class:`distributed.LocalCluster` of ``workers`` processes (default: one per core), one thread
    each, its HTTP endpoint on a free port, quiet background (:data:`QUIET_CONFIG`); returns ``(client, cluster)``."""
    import logging

    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(QUIET_CONFIG):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port (None still binds 8787); no bokeh, no dashboard
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster


def _connect(workers: Optional[int], scheduler: Optional[str]):
    if scheduler:
        from distributed import Client

        return Client(scheduler), None
    return local_cluster(workers)


def _drive(
    client: Client,
    step: str,
    inputs: list[str],
    output: str,
    dir_mode: bool,
    fmt: str,
    options: dict[str, Any],
    corpus_signal: str,
    partition_size: Optional[int],
    explain: Optional[str],
    quiet: bool,
) -> Summary:
    import dask.bag as db
    from distributed import as_completed

    n_workers = max(1, len(client.nthreads()))
    if partition_size is None:
        total = sum(
            os.path.getsize(p)
            for p in expand_inputs(inputs)
            if isinstance(p, str) and p != "-" and os.path.isfile(p)
        )
        partition_size = _auto_partition_size(total, n_workers)
    parts = plan_partitions(inputs, partition_size)

    # Pass 1: the corpus signal as a reduction (pruned on a worker), and the ids for uniqueness.
    counts = None
    if parts:
        reduced, ids = _scan_graph(parts, corpus_signal != "off", prune=True)
        (pruned, n_docs), id_arrays = client.gather(client.compute([reduced, ids]))
        parts = _priors(parts, id_arrays)
        if corpus_signal == "on" or (corpus_signal == "auto" and n_docs >= 20):
            counts = pruned
            options["corpus_min_docs"] = min_documents(n_docs)

    # Pass 2: workers write the parts; the driver only gathers summaries.
    out = Path(output)
    if dir_mode:
        records_dir = out
        records_dir.mkdir(parents=True, exist_ok=True)
        (records_dir / SUCCESS).unlink(missing_ok=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        records_dir = Path(tempfile.mkdtemp(prefix=f".{out.name}.parts-", dir=out.parent))
    explain_dir = None
    if explain:
        Path(explain).parent.mkdir(parents=True, exist_ok=True)
        explain_dir = Path(
            tempfile.mkdtemp(prefix=f".{Path(explain).name}.parts-", dir=Path(explain).parent)
        )
    try:
        summaries: dict[int, Summary] = {}
        if parts:
            # a list of one: scatter() would send a dict's values as separate pieces
            counts_arg = client.scatter([counts], broadcast=True)[0] if counts is not None else None
            bag = db.from_sequence(parts, npartitions=len(parts)).map_partitions(
                process_partition,
                step=step,
                options=options,
                counts=counts_arg,
                records_dir=str(records_dir.resolve()),
                fmt=fmt,
                explain_dir=str(explain_dir.resolve()) if explain_dir else None,
                durable=dir_mode,
            )
            futures = client.compute(bag.to_delayed())
            index = {f.key: p.index for f, p in zip(futures, parts)}
            done = as_completed(futures)
            if not quiet and sys.stderr.isatty():
                from tqdm import tqdm

                done = tqdm(done, total=len(futures), unit="part", file=sys.stderr)
            try:
                for fut in done:
                    (summaries[index[fut.key]],) = fut.result()
            except BaseException:
                client.cancel(
                    futures
                )  # the other parts would write into a removed staging directory
                raise
        written = [records_dir / f"part-{p.index:05d}.{fmt}" for p in parts]
        written = [w for w in written if w.exists()]
        if dir_mode:
            for stale in records_dir.glob("part-*.*"):
                if stale.suffix in (".jsonl", ".parquet") and stale not in written:
                    stale.unlink()
            success = AtomicFile(str(records_dir / SUCCESS))
            success.commit()
        elif fmt == "jsonl":
            _concat_text(written, output)
        else:
            _concat_parquet(written, output)
        if explain_dir is not None:
            _concat_text(sorted(explain_dir.glob("part-*.jsonl")), explain)
    finally:
        if not dir_mode:
            shutil.rmtree(records_dir, ignore_errors=True)
        if explain_dir is not None:
            shutil.rmtree(explain_dir, ignore_errors=True)
    return merge_summaries([summaries[p.index] for p in parts])


def _concat_text(parts: Sequence[Path], target: str) -> None:
    """The parts' bytes, in order, as one file written atomically (copied as bytes, not decoded)."""
    f = AtomicFile(target)
    try:
        for p in parts:
            with open(p, "rb") as fh:
                shutil.copyfileobj(fh, f.fh.buffer, 1 << 20)
    except BaseException:
        f.abort()
        raise
    f.commit()


def _concat_parquet(parts: Sequence[Path], target: str) -> None:
    """One parquet file from the parts, one part in memory at a time (schemas unified first)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not parts:
        _atomic(target, lambda tmp: pq.write_table(pa.table({}), tmp))
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

    _atomic(target, write)


__all__ = [
    "SUCCESS",
    "JsonlRange",
    "PartSpec",
    "WholeFile",
    "corpus_line_counts_dask",
    "iter_items",
    "local_cluster",
    "merge_summaries",
    "plan_partitions",
    "process_partition",
    "run_dask",
    "scan_partition",
    "unique_items",
    "warm",
]
