"""Benchmark: the clean stage on Dask, 1 worker against 2, on the State Council corpus repeated to N MB.

    pip install -e '.[dask,bench]' && python bench/bench_dask.py [--sizes 50 100] [--repeat 3]

For each size a corpus is built in a temporary directory by repeating the State Council reports
(``corpora/gwr/government_work_reports.jsonl``, 72 records) with distinct ids. Each measurement starts a
fresh :func:`reportnlp.pipeline.dask_engine.local_cluster` (processes, one thread per worker), warms every
worker with ``client.run(warm)`` (OpenCC, mojibake and pinyin tables load once per process) and then
times one ``run_dask("clean", ...)`` into a partitioned output directory: cluster start and warm-up are
not in the timed figure (they are printed apart). Runs of 1 and 2 workers alternate, so drifts of the
machine's speed touch both; the speed-up is the median of the per-repeat ratios.

Each measurement runs in a fresh Python process (the driver), so its memory is that run's alone. Memory:
the workers' peak RSS is their own ``ru_maxrss`` (read with ``client.run`` at the end: exact); the
driver's (which also hosts the scheduler and the nannies) and the total (driver plus every child process)
are sampled with psutil every 0.1 s.

``--ceiling`` first measures what two cores give this machine at all: the same clean work in one process,
then in two independent processes at once (no Dask); Dask cannot beat that ratio.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"


def build_corpus(path: Path, megabytes: float) -> tuple[int, int]:
    """Repeat the State Council reports (distinct ids) until the file holds ``megabytes`` MB."""
    with open(GWR, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    n = docs = 0
    with open(path, "w", encoding="utf-8") as out:
        k = 0
        while n < megabytes * 1e6:
            for i, r in enumerate(recs):
                rec = {"id": f"gwr-{k:04d}-{i:02d}", "title": r["title"], "text": r["content"]}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(line)
                n += len(line.encode("utf-8"))
                docs += 1
            k += 1
    return n, docs


class RssSampler:
    """Peak RSS of this process and of the sum over it and all its descendants, sampled."""

    def __init__(self, interval: float = 0.1):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.driver = self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        own = self.proc.memory_info().rss
        total = own
        for child in self.proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        self.driver = max(self.driver, own)
        self.total = max(self.total, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> RssSampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def _worker_peak() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure(corpus: Path, out: Path, workers: int, partition_size) -> dict:
    from reportnlp.pipeline.dask_engine import local_cluster, run_dask, warm

    t0 = time.perf_counter()
    client, cluster = local_cluster(workers)
    t_start = time.perf_counter() - t0
    try:
        t0 = time.perf_counter()
        client.run(warm)
        t_warm = time.perf_counter() - t0
        shutil.rmtree(out, ignore_errors=True)
        with RssSampler() as rss:
            t0 = time.perf_counter()
            summary = run_dask(
                "clean", [str(corpus)], f"{out}/", client=client, partition_size=partition_size
            )
            seconds = time.perf_counter() - t0
        peaks = client.run(_worker_peak)
    finally:
        client.close()
        cluster.close()
    assert not summary.failures, summary.failures[:3]
    return {
        "workers": workers,
        "seconds": seconds,
        "start": t_start,
        "warm": t_warm,
        "documents": summary.documents,
        "parts": len(list(out.glob("part-*.jsonl"))),
        "workers_peak": sum(peaks.values()),
        "driver_peak": rss.driver,
        "total_peak": rss.total,
    }


def measure_in_child(corpus: Path, out: Path, workers: int, partition_size) -> dict:
    """:func:`measure` in a new driver process (its peak RSS must not carry earlier runs)."""
    import subprocess

    cmd = [sys.executable, __file__, "--measure", str(corpus), str(out), str(workers)]
    if partition_size:
        cmd += ["--partition-size", str(partition_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure_local(corpus: Path, out: Path, jobs: int) -> dict:
    """The one-machine engine (``reportnlp clean --jobs N``) on the same corpus, for reference."""
    import subprocess

    import psutil

    cmd = [sys.executable, "-m", "reportnlp.cli", "clean", str(corpus), "-o", str(out), "-q"]
    t0 = time.perf_counter()
    proc = psutil.Popen([*cmd, "--jobs", str(jobs)], stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        rss = 0
        for p in [proc, *proc.children(recursive=True)]:
            try:
                rss += p.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, rss)
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    if proc.returncode:
        raise RuntimeError(proc.stderr.read().decode()[-3000:])
    return {"jobs": jobs, "seconds": seconds, "total_peak": peak}


def _clean_all(path: str, repeat: int = 1) -> float:
    from reportnlp.boilerplate.rules import is_meta_line, line_rule
    from reportnlp.cleaning import clean

    with open(path, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    clean(recs[0]["content"])
    t0 = time.perf_counter()
    for _ in range(repeat):
        line_rule.cache_clear()
        is_meta_line.cache_clear()
        for r in recs:
            clean(r["content"], title=r["title"])
    return time.perf_counter() - t0


def ceiling(repeat: int = 3) -> list[float]:
    """How much faster two independent processes do twice the work than one process does it once."""
    ctx = mp.get_context("spawn")
    ratios = []
    with ctx.Pool(2) as pool:
        pool.map(_clean_all, [str(GWR)] * 2, chunksize=1)  # imports and tables, both processes
        for _ in range(repeat):
            one = pool.apply(_clean_all, (str(GWR), 3))
            t0 = time.perf_counter()
            pool.starmap(_clean_all, [(str(GWR), 3)] * 2, chunksize=1)
            both = time.perf_counter() - t0
            ratios.append(2 * one / both)
    return ratios


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[50.0, 100.0], help="MB")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--partition-size", type=int, default=None, help="bytes (default: auto)")
    ap.add_argument("--ceiling", action="store_true", help="measure the two-process ceiling first")
    ap.add_argument("--local", action="store_true", help="also time reportnlp clean --jobs 1 and 2")
    ap.add_argument("--tmp", type=Path, default=None, help="where corpora and outputs go")
    ap.add_argument(
        "--measure", nargs=3, metavar=("CORPUS", "OUT", "WORKERS"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.measure:
        corpus, out, workers = args.measure
        print(json.dumps(measure(Path(corpus), Path(out), int(workers), args.partition_size)))
        return

    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}", flush=True)
    if args.ceiling:
        r = ceiling()
        print(
            f"ceiling (2 independent processes, no Dask): {statistics.median(r):.2f}x "
            f"(runs {', '.join(f'{x:.2f}' for x in r)})",
            flush=True,
        )
    tmp = Path(tempfile.mkdtemp(prefix="bench_dask.", dir=args.tmp))
    rows = []
    try:
        for size in args.sizes:
            corpus = tmp / f"gwr_{size:g}mb.jsonl"
            nbytes, docs = build_corpus(corpus, size)
            mb = nbytes / 1e6
            runs = {1: [], 2: []}
            for rep in range(args.repeat):
                for w in (1, 2) if rep % 2 == 0 else (2, 1):
                    m = measure_in_child(corpus, tmp / "out", w, args.partition_size)
                    runs[w].append(m)
                    print(
                        f"  {mb:.1f} MB, {w} worker(s), repeat {rep + 1}: {m['seconds']:.2f} s, "
                        f"{m['parts']} parts, workers peak {m['workers_peak'] / 2**20:.0f} MiB, "
                        f"total peak {m['total_peak'] / 2**20:.0f} MiB",
                        flush=True,
                    )
            ratios = [a["seconds"] / b["seconds"] for a, b in zip(runs[1], runs[2])]
            local = {}
            if args.local:  # one run each, with its start-up (imports, tables) included
                for jobs in (1, 2):
                    local[jobs] = measure_local(corpus, tmp / "local.jsonl", jobs)
            rows.append((mb, docs, runs, ratios, local))
            corpus.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"\nclean on Dask, State Council corpus repeated (median of {args.repeat}; start and warm-up"
    )
    print(
        "not timed). Peak RSS in MiB: workers = sum of their ru_maxrss; total = driver + children."
    )
    hdr = f"{'MB':>6}{'docs':>7}{'workers':>8}{'parts':>6}{'seconds':>9}{'MB/s':>7}"
    print(hdr + f"{'speed-up':>10}{'workers':>9}{'driver':>8}{'total':>7}{'start':>7}")
    for mb, docs, runs, ratios, local in rows:
        for w in (1, 2):
            ms = runs[w]
            sec = statistics.median(m["seconds"] for m in ms)
            up = f"{statistics.median(ratios):.2f}x" if w == 2 else ""
            print(
                f"{mb:>6.1f}{docs:>7}{w:>8}{ms[0]['parts']:>6}{sec:>9.2f}{mb / sec:>7.1f}{up:>10}"
                f"{max(m['workers_peak'] for m in ms) / 2**20:>9.0f}"
                f"{max(m['driver_peak'] for m in ms) / 2**20:>8.0f}"
                f"{max(m['total_peak'] for m in ms) / 2**20:>7.0f}"
                f"{statistics.median(m['start'] for m in ms):>7.1f}"
            )
        print(f"{'':>6}speed-up per repeat: {', '.join(f'{r:.2f}' for r in ratios)}")
        for jobs, m in local.items():
            print(
                f"{'':>6}local engine --jobs {jobs} (start-up included): {m['seconds']:.2f} s, "
                f"{mb / m['seconds']:.1f} MB/s, total peak {m['total_peak'] / 2**20:.0f} MiB"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
