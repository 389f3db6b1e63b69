"""Dask as one executor of the partition plan: a local cluster or a running one, same bytes out.

The plan (:mod:`reportnlp.pipeline.plan`), the tasks (:mod:`reportnlp.pipeline.tasks`) and the merge
(:mod:`reportnlp.pipeline.driver`) are the ones the serial engine and the process pool use; this module only
connects to Dask: :func:`local_cluster` starts a :class:`distributed.LocalCluster` (only when asked),
:func:`connect` joins a scheduler by address, and :func:`run_dask` runs a step with a
:class:`~reportnlp.pipeline.executors.DaskExecutor` (tasks submitted as futures; a lost worker's task is
rescheduled by Dask). Workers read their partitions and write their parts themselves, so they must see the
input and output paths (a local cluster does; a real one needs a shared file system); only each part's
stats record comes back.

Output: ``OUT.jsonl`` / ``OUT.parquet`` assembled from the parts in order (byte for byte the file the other
executors write), or a directory of ``part-00000.jsonl`` … (``fmt="parquet"``: ``.parquet``) with a
``_SUCCESS`` marker written last.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Optional

from reportnlp.pipeline.driver import SUCCESS, run_to_output
from reportnlp.pipeline.executors import DaskExecutor
from reportnlp.pipeline.plan import (
    JsonlRange,
    PartSpec,
    WholeFile,
    iter_items,
    plan_partitions,
    unique_items,
)
from reportnlp.pipeline.readers import JSONL_SUFFIXES
from reportnlp.pipeline.run import Summary, merge_summaries

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

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


def check_dask() -> None:
    """Raise :class:`ImportError` with the install command when Dask's extra is missing."""
    from reportnlp.pipeline.driver import installed

    if not (installed("dask") and installed("distributed")):
        raise ImportError("--engine dask needs dask: pip install 'reportnlp[dask]'")


def local_cluster(workers: Optional[int] = None):
    """A :class:`distributed.LocalCluster` of ``workers`` processes (default: one per core), one thread
    each, no dashboard, quiet background (:data:`QUIET_CONFIG`); returns ``(client, cluster)``."""
    import gc
    import logging
    import sys

    import dask
    from distributed import Client, LocalCluster

    config = dict(QUIET_CONFIG)
    if sys.platform.startswith("linux"):  # macOS has fork, but system libraries that break after it
        # the workers start as copies of this process, Dask and reportnlp already imported (spawned,
        # each imported both again: 1.1-1.5 s of a 100 MB run on 2 cores); only the start is forked (a
        # worker the nanny restarts later is spawned, as the config is back to its default by then)
        config["distributed.worker.multiprocessing-method"] = "fork"
    with dask.config.set(config):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port (None still binds 8787)
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    # what the workers hold now (Dask, reportnlp, their tables: a few hundred thousand objects) is moved
    # out of the garbage collector's sight: its full collections, which a worker's records trigger every
    # few megabytes, no longer walk Dask's objects each time (measured: 8-12 % of a worker's CPU)
    client.run(gc.freeze)
    return client, cluster


def connect(
    workers: Optional[int] = None, scheduler: Optional[str] = None, client: Optional[Client] = None
) -> DaskExecutor:
    """The executor for ``client``, else the cluster at ``scheduler``, else a local cluster of ``workers``
    (closed with the executor)."""
    if client is not None:
        return DaskExecutor(client)
    check_dask()
    if scheduler:
        from distributed import Client

        return DaskExecutor(Client(scheduler), own_client=True)
    c, cluster = local_cluster(workers)
    return DaskExecutor(c, own_cluster=cluster, own_client=True)


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

    ``output``: a directory (a path ending in ``/``, or a name without a ``.jsonl``/``.parquet`` suffix)
    gets ``part-NNNNN.jsonl`` (``fmt="parquet"``: ``.parquet``) and ``_SUCCESS`` last; ``OUT.jsonl`` /
    ``OUT.parquet`` is assembled from the parts in order. Other arguments as
    :func:`reportnlp.pipeline.driver.run_to_output`.

    >>> run_dask("clean", ["corpora/samples"], "out/samples/", workers=2)  # doctest: +SKIP
    Summary(documents=5, ...)
    """
    parts = output.endswith(("/", os.sep)) or not output.endswith(JSONL_SUFFIXES + (".parquet",))
    executor = connect(workers, scheduler, client)
    try:
        return run_to_output(
            step,
            inputs,
            output.rstrip("/" + os.sep) if parts else output,
            executor,
            options=options,
            corpus_signal=corpus_signal,
            explain=explain,
            parts=parts,
            fmt=fmt,
            partition_size=partition_size,
        )
    finally:
        executor.close()


def corpus_line_counts_dask(
    inputs: Sequence[str], *, client: Client, partition_size: int = 1 << 20
) -> tuple[Counter, int]:
    """The corpus line counts of :func:`reportnlp.pipeline.run.corpus_line_counts` (every line, unpruned)
    computed by the scan tasks on Dask, and the number of documents."""
    from reportnlp.pipeline.tasks import reduce_scans, scan_task

    parts = plan_partitions(inputs, partition_size)
    scans = [None] * len(parts)
    for i, s in DaskExecutor(client).map(scan_task, parts):
        scans[i] = s
    counts, n = reduce_scans(scans, prune=False)
    return Counter(counts), n


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


__all__ = [
    "SUCCESS",
    "JsonlRange",
    "PartSpec",
    "WholeFile",
    "check_dask",
    "connect",
    "corpus_line_counts_dask",
    "iter_items",
    "local_cluster",
    "merge_summaries",
    "plan_partitions",
    "run_dask",
    "unique_items",
    "warm",
]
