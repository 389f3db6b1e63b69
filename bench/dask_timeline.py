"""Where the time of one ``--engine dask`` run goes: phases of the parent, and each task on the workers.

    python bench/dask_timeline.py CORPUS.jsonl [--scheduler ADDRESS] [--workers 2]

Runs ``clean`` over CORPUS in this process through :func:`reportnlp.pipeline.dask_engine.run_dask` (a local
cluster of ``--workers`` processes, or the running cluster at ``--scheduler``) and prints, in seconds since
this process started, with the parent's CPU seconds so far: the imports, the cluster up, each pass's first
and last result, the close; then every task (start, end, wall, CPU of its thread) on each worker, and each
worker's CPU. The tasks are timed by wrapping :mod:`reportnlp.pipeline.tasks`' two functions in this process
before the cluster starts (a local cluster's workers are forked from it, so they run the wrapped ones; on a
running cluster the tasks are not timed). Output written to a temporary file; it is thrown away.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time

import psutil

T0 = psutil.Process().create_time()


def log(msg: str) -> None:
    print(f"{time.time() - T0:7.3f} s  cpu {sum(os.times()[:2]):5.2f}  {msg}", file=sys.stderr)


import reportnlp.cli  # noqa: E402, F401  (what the command has imported when it starts the cluster)

log("reportnlp.cli imported")
from reportnlp.pipeline import dask_engine, driver, executors, tasks  # noqa: E402

log("reportnlp.pipeline.dask_engine imported")
import distributed  # noqa: E402, F401

log("distributed imported")

tasks.TIMES = []  # the workers' records: a module attribute, so client.run can read it there


def _timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t, c = time.time(), time.thread_time()
        out = fn(*args, **kwargs)
        tasks.TIMES.append((fn.__name__, t - T0, time.time() - T0, time.thread_time() - c))
        return out

    return wrapper


tasks.scan_task = driver.scan_task = _timed(tasks.scan_task)
tasks.process_task = driver.process_task = _timed(tasks.process_task)


def _worker_report():
    import os

    import reportnlp.pipeline.tasks as t

    return getattr(t, "TIMES", []), os.times()[:2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--scheduler")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    connect, dmap, close = dask_engine.connect, executors.DaskExecutor.map, executors.DaskExecutor.close

    def connect_(*a, **k):
        log("cluster: start" if not args.scheduler else "cluster: connect")
        ex = connect(*a, **k)
        log("cluster: up")
        return ex

    def map_(self, fn, items):
        name = getattr(fn, "func", fn).__name__
        log(f"{name}: {len(items)} tasks submitted")
        first = True
        for i, v in dmap(self, fn, items):
            if first:
                log(f"{name}: first result")
                first = False
            yield i, v
        log(f"{name}: last result")

    def close_(self):
        log("close: start")
        report = self.client.run(_worker_report)
        close(self)
        log("close: done")
        for w, (times, cpu) in sorted(report.items()):
            print(f"worker {w}: CPU {cpu[0]:.2f} user + {cpu[1]:.2f} system", file=sys.stderr)
            for name, a, b, c in times:
                print(f"  {name:12s} {a:7.3f}-{b:7.3f}  wall {b - a:.3f}  cpu {c:.3f}", file=sys.stderr)

    dask_engine.connect = connect_
    executors.DaskExecutor.map = map_
    executors.DaskExecutor.close = close_
    with tempfile.TemporaryDirectory() as tmp:
        s = dask_engine.run_dask(
            "clean",
            [args.corpus],
            os.path.join(tmp, "out.jsonl"),
            workers=args.workers,
            scheduler=args.scheduler,
        )
        log(f"run returned: {s.documents} documents")


if __name__ == "__main__":
    main()
