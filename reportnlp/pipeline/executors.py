"""Three executors of one plan: this process, a pool of worker processes, a Dask cluster.

Each maps a task function over a list of arguments (partitions) and yields ``(index, result)`` as tasks
finish, in any order: the driver merges by index. A task that raises stops the run (the exception is
raised in the parent, the other tasks cancelled); a worker that dies (killed, out of memory) is noticed:
its partition is retried once on a fresh worker, and if that worker dies too, the partition's result is a
:class:`WorkerDied` that the driver reports as a failure of those documents, and the run goes on.
"""

from __future__ import annotations

import gc
import os
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class WorkerDied:
    """The task's worker process died (twice, when retried) before it returned."""

    index: int
    message: str


class SerialExecutor:
    """Every task in this process, in order."""

    workers = 1
    partitions_per_worker = 16  # no round trip a part: finer progress, smaller parts in memory

    def map(self, fn: Callable[[Any], Any], args: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        for i, arg in enumerate(args):
            yield i, fn(arg)

    def close(self) -> None:
        pass


class TaskError(RuntimeError):
    """A task raised in a worker process; the message holds the worker's traceback."""


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


def _worker_main(conn) -> None:  # pragma: no cover - runs in the child process
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends its workers
    signal.signal(signal.SIGTERM, _terminate)  # a task stopped this way removes its temporary files
    # what the worker inherited (reportnlp's tables, numpy) is kept out of the garbage collector's full
    # collections, which the records trigger every few megabytes (measured: 5-8 % of a task's CPU)
    gc.freeze()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if msg is None:
            return
        i, fn, arg = msg
        try:
            out = (i, True, fn(arg))
        except SystemExit:
            return
        except BaseException as err:  # report it to the parent, which raises it
            try:
                out = (i, False, err)
                conn.send(out)
                continue
            except Exception:
                out = (i, False, TaskError(traceback.format_exc()))
        try:
            conn.send(out)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, ctx) -> None:
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.task: Optional[int] = None

    def stop(self, timeout: float = 5.0) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(timeout)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _death(code: Optional[int]) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class ProcessExecutor:
    """``jobs`` worker processes that each run one task at a time; a dead worker is replaced and its task
    retried ``retries`` times, then reported as :class:`WorkerDied` (the run never hangs on it). The
    workers live from the first :meth:`map` to :meth:`close`, so a run's scan and process passes share them
    (and what they loaded); a map stopped early ends them."""

    partitions_per_worker = 8  # a part costs one small message each way

    def __init__(self, jobs: int, *, retries: int = 1):
        self.workers = max(1, jobs)
        self.retries = retries
        import multiprocessing as mp  # a serial run does without (its import is 1 % of one)

        methods = mp.get_all_start_methods()
        self.ctx = mp.get_context("fork" if "fork" in methods else methods[0])
        self._pool: list[_Worker] = []  # kept between maps (a run's two passes) until close()

    def map(self, fn: Callable[[Any], Any], args: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        from multiprocessing.connection import wait

        pending = deque(range(len(args)))
        attempts = [0] * len(args)
        pool = self._pool
        while len(pool) < min(self.workers, len(args)):
            pool.append(_Worker(self.ctx))
        finished = False
        try:
            while pending or any(w.task is not None for w in pool):
                for w in pool:
                    if w.task is None and pending:
                        i = pending.popleft()
                        w.task = i
                        try:
                            w.conn.send((i, fn, args[i]))
                        except OSError:  # it died before it took the task (BrokenPipeError, which the CLI
                            pass  # reads as a closed stdout, `| head`: exit 1 and no word); its pipe says so below
                waitables = [w.conn for w in pool if w.task is not None]
                waitables += [w.proc.sentinel for w in pool]
                ready = set(wait(waitables))
                for k, w in enumerate(pool):
                    died = False
                    if w.conn in ready:
                        try:
                            i, ok, value = w.conn.recv()
                        except (EOFError, OSError):
                            died = True
                        else:
                            w.task = None
                            if not ok:
                                raise value
                            yield i, value
                            continue
                    if died or w.proc.sentinel in ready:
                        w.proc.join()
                        why = _death(w.proc.exitcode)
                        i = w.task
                        w.conn.close()
                        pool[k] = _Worker(self.ctx)
                        if i is None:
                            continue
                        attempts[i] += 1
                        if attempts[i] <= self.retries:
                            pending.appendleft(i)
                        else:
                            yield (
                                i,
                                WorkerDied(
                                    i,
                                    f"worker process died ({why}) {attempts[i]} times on this part",
                                ),
                            )
            finished = True
        finally:
            # stopped early: end the running tasks (SIGTERM: they remove their temporary files)
            if not finished:
                for w in pool:
                    if w.task is not None:
                        w.proc.terminate()
                self.close()

    def close(self) -> None:
        """Stop the worker processes (the next :meth:`map` starts new ones)."""
        pool, self._pool = self._pool, []
        for w in pool:
            w.stop()


class DaskExecutor:
    """Tasks submitted to a :class:`distributed.Client` as futures (Dask reschedules the task of a lost
    worker itself; a task whose workers keep dying is reported as :class:`WorkerDied`)."""

    partitions_per_worker = 4  # measured best on Dask (see reportnlp.pipeline.plan)

    def __init__(self, client, *, own_cluster=None, own_client: bool = False):
        self.client = client
        self.own_cluster = own_cluster
        self.own_client = own_client
        self.workers = max(1, len(client.nthreads()))

    def map(self, fn: Callable[[Any], Any], args: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed

        try:
            from distributed.scheduler import KilledWorker
        except ImportError:  # pragma: no cover - older distributed
            KilledWorker = ()  # noqa: N806
        futures = [self.client.submit(fn, a, pure=False) for a in args]
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for fut in as_completed(futures):
                i = index[fut.key]
                try:
                    value = fut.result()
                except KilledWorker as err:
                    yield i, WorkerDied(i, f"Dask workers died on this part ({err})")
                    continue
                yield i, value
        finally:
            self.client.cancel([f for f in futures if not f.done()])

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.own_cluster is not None:
            self.own_cluster.close()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


__all__ = ["DaskExecutor", "ProcessExecutor", "SerialExecutor", "TaskError", "WorkerDied"]
