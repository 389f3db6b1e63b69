"""Benchmark: whole ``reportnlp`` processes on every executor against ``jieba.lcut``, at 30 and 100 MB.

    pip install -e '.[dask,bench]' && python bench/bench_scale.py [--sizes 30 100] [--repeat 3]

For each size, a corpus is built in a temporary directory by repeating the State Council reports
(``corpora/gwr/government_work_reports.jsonl``, 72 records, 3.3 MB) with distinct ids. Then, in one run and
interleaved (serial, ``--jobs 2``, Dask, serial, …, so that a drift in the machine's speed touches every
engine), each of these is timed as a whole process, from start to exit, as a user runs it:

- ``reportnlp clean|analyse CORPUS -o OUT.jsonl -q`` (serial: one process),
- the same with ``--jobs 2`` (process pool),
- the same with ``--engine dask --workers 2`` (a local Dask cluster, started and stopped inside the run),
- the same with ``--engine dask --scheduler ADDRESS``: a running local cluster of 2 workers, started before
  the timings (its start-up, CPU and memory are not in these figures: the steady state of a long job),
- two serial processes started together, each on one half of the corpus's lines (``halves2``): the
  machine's own ceiling for two workers with this work, no coordination at all, read as the anchor of
  ``--jobs 2`` and Dask (on a VM whose two vCPUs do not give twice the work, no executor can reach 2×),
- ``jieba.lcut`` over the same texts in a process of its own (the baseline; at ``--jieba-sizes`` only,
  as it takes 40 s a 33 MB).

Figures: the median wall time of ``--repeat`` runs, the medians of the per-repeat ratios (speed-ups against
serial in the same repeat), CPU seconds, and the peak RSS of the whole process tree (parent plus workers,
sampled every 50 ms with psutil) and of its largest process. The load average (``uptime``) is recorded
before and after: parallel speed-ups mean something only on a quiet machine. Output: a JSON file and a
markdown table (``--out``, default ``bench/results/scale.{json,md}``), with the per-core rates and what they
make of 1 M reports (5 G characters) on a 16-core node and on a 10-node Dask cluster.

reportnlp's modules are compiled to bytecode before the timings, as ``pip install`` does (``--no-compile``:
leave them as found; under ``PYTHONDONTWRITEBYTECODE`` every process would compile the source again).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}

ENGINES = {
    "serial": [],
    "jobs2": ["--jobs", "2"],
    "dask2": ["--engine", "dask", "--workers", "2"],
    # a running local cluster of 2 workers, joined with --scheduler (started before the timings: its
    # start-up and its workers' memory and CPU are not in the figures; the workers stay warm)
    "dask2-joined": ["--engine", "dask", "--scheduler", "{address}"],
    # the machine's own ceiling for two workers: two serial processes, each on one half of the corpus
    # (its first and second half of the lines), started together and timed until both end; no executor
    # of two workers can beat it, so it is the anchor --jobs 2 and Dask are read against
    "halves2": None,
}

CLUSTER = """
import sys
from reportnlp.pipeline.dask_engine import local_cluster
client, cluster = local_cluster(2)
print(cluster.scheduler_address, flush=True)
sys.stdin.read()
client.close()
cluster.close()
"""


def start_cluster() -> tuple[subprocess.Popen, str]:
    """A local Dask cluster of 2 workers in a process of its own; returns it and its address."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CLUSTER],
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return proc, proc.stdout.readline().strip()


JIEBA = """
import json, sys, jieba
jieba.initialize()
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        rec = json.loads(line)
        n += len(jieba.lcut(rec["text"]))
print(n)
"""


def build_corpus(path: Path, megabytes: float) -> tuple[int, int, int]:
    """Repeat the State Council reports (distinct ids) until the file holds ``megabytes`` MB; returns
    bytes, documents and characters of text."""
    with open(GWR, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    n = docs = chars = 0
    with open(path, "w", encoding="utf-8") as out:
        k = 0
        while n < megabytes * 1e6:
            for i, r in enumerate(recs):
                rec = {"id": f"gwr-{k:04d}-{i:02d}", "title": r["title"], "text": r["content"]}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(line)
                n += len(line.encode("utf-8"))
                docs += 1
                chars += len(r["content"])
            k += 1
    return n, docs, chars


class TreeSampler:
    """Peak RSS of a process and all its descendants (sum, and the largest one), sampled."""

    def __init__(self, pid: int, interval: float = 0.05):
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.total = self.largest = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            sizes = []
            for p in procs:
                try:
                    sizes.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            if sizes:
                self.total = max(self.total, sum(sizes))
                self.largest = max(self.largest, max(sizes))
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(cmd: list[str]) -> dict:
    """Run ``cmd`` to its end: wall seconds, CPU seconds (its waited descendants included), peak RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    sampler.stop()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err}")
    return {
        "seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "rss_tree_mib": sampler.total / 2**20,
        "rss_largest_mib": max(sampler.largest, usage.ru_maxrss * 1024) / 2**20,
    }


def split_halves(corpus: Path) -> list[Path]:
    """The corpus's first and second half of lines as two files beside it (made once)."""
    halves = [corpus.with_suffix(f".half{k}.jsonl") for k in range(2)]
    if not all(h.exists() for h in halves):
        # streamed, one line at a time: a copy of the corpus in this process would be counted in the
        # peak RSS of every child it starts afterwards (a child's ru_maxrss includes its pre-exec fork)
        with open(corpus, "rb") as fh:
            n = sum(1 for _ in fh)
        with open(corpus, "rb") as fh, open(halves[0], "wb") as a, open(halves[1], "wb") as b:
            for i, line in enumerate(fh):
                (a if i < n // 2 else b).write(line)
    return halves


def timed_together(cmds: list[list[str]]) -> dict:
    """Start every command at once; wall seconds until the last ends, CPU and peak RSS summed."""
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(c, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for c in cmds
    ]
    samplers = [TreeSampler(p.pid) for p in procs]
    cpu, failed = 0.0, []
    for p, c in zip(procs, cmds):
        _, status, usage = os.wait4(p.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        err = p.stderr.read().decode("utf-8", "replace")
        p.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(f"{' '.join(c)} failed:\n{err}")
    wall = time.perf_counter() - t0
    for sm in samplers:
        sm.stop()
    if failed:
        raise RuntimeError("\n".join(failed))
    return {
        "seconds": wall,
        "cpu_seconds": cpu,
        "rss_tree_mib": sum(sm.total for sm in samplers) / 2**20,
        "rss_largest_mib": max(sm.largest for sm in samplers) / 2**20,
    }


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover
        return []


def compile_bytecode() -> bool:
    """Compile reportnlp's modules to ``__pycache__`` first, as ``pip install`` does: under
    ``PYTHONDONTWRITEBYTECODE`` (this project's sandbox sets it) no run writes them, and every timed process
    compiled the package's source again (0.1 s of CPU a ``clean`` run, 5 %), which no installed package pays
    and the jieba baseline, compiled in site-packages, did not pay either."""
    import compileall

    return bool(compileall.compile_dir(str(ROOT / "reportnlp"), quiet=1))


def measure(args: argparse.Namespace) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_before": loadavg(),
        },
        "repeat": args.repeat,
        "sizes": [],
    }
    try:
        for mb in args.sizes:
            corpus = tmp / f"corpus-{mb}.jsonl"
            nbytes, docs, chars = build_corpus(corpus, mb)
            size = {"megabytes": nbytes / 1e6, "documents": docs, "characters": chars, "runs": {}}
            print(f"== {nbytes / 1e6:.1f} MB, {docs} documents", file=sys.stderr)
            runs: dict[str, list[dict]] = {}
            names = [(step, e) for step in args.steps for e in args.engines]
            jieba_here = mb in args.jieba_sizes
            cluster, address = start_cluster() if "dask2-joined" in args.engines else (None, "")
            try:
                for r in range(args.repeat):
                    run_repeat(r, args, corpus, tmp, names, runs, address, jieba_here)
            finally:
                if cluster is not None:
                    cluster.stdin.close()
                    cluster.wait(timeout=60)
            for name, rs in runs.items():
                size["runs"][name] = summarise(rs, nbytes)
            for step in args.steps:
                base = runs.get(f"{step}/serial")
                for engine in args.engines:
                    mine = runs.get(f"{step}/{engine}")
                    if base and mine and engine != "serial":
                        ratios = [b["seconds"] / m["seconds"] for b, m in zip(base, mine)]
                        size["runs"][f"{step}/{engine}"]["speedup_vs_serial"] = statistics.median(
                            ratios
                        )
                if base and "jieba" in runs:
                    j = statistics.median(x["seconds"] for x in runs["jieba"])
                    size["runs"][f"{step}/serial"]["speed_vs_jieba"] = j / statistics.median(
                        x["seconds"] for x in base
                    )
            results["sizes"].append(size)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["machine"]["load_after"] = loadavg()
    results["projection"] = project(results)
    return results


def run_repeat(r, args, corpus, tmp, names, runs, address, jieba_here) -> None:
    """One repeat: every step on every engine, then jieba (interleaved across repeats)."""
    for step, engine in names:
        out = tmp / "out.jsonl"
        cmd = [sys.executable, "-m", "reportnlp.cli", step, str(corpus), "-o", str(out)]
        extra = [a.format(address=address) for a in ENGINES[engine] or []]
        if ENGINES[engine] is None:  # halves2
            halves = split_halves(corpus)
            res = timed_together(
                [
                    [
                        sys.executable,
                        "-m",
                        "reportnlp.cli",
                        step,
                        str(h),
                        "-o",
                        str(tmp / f"out{k}.jsonl"),
                        "-q",
                    ]
                    for k, h in enumerate(halves)
                ]
            )
            for k in range(2):
                (tmp / f"out{k}.jsonl").unlink(missing_ok=True)
        else:
            res = timed([*cmd, "-q", *extra])
        runs.setdefault(f"{step}/{engine}", []).append(res)
        print(f"  {step}/{engine} #{r + 1}: {res['seconds']:.2f} s", file=sys.stderr)
        out.unlink(missing_ok=True)
    if jieba_here and r < args.jieba_repeat:
        res = timed([sys.executable, "-c", JIEBA, str(corpus)])
        runs.setdefault("jieba", []).append(res)
        print(f"  jieba #{r + 1}: {res['seconds']:.2f} s", file=sys.stderr)


def summarise(rs: list[dict], nbytes: int) -> dict:
    med = statistics.median(x["seconds"] for x in rs)
    return {
        "seconds_median": med,
        "seconds_all": [round(x["seconds"], 3) for x in rs],
        "cpu_seconds_median": statistics.median(x["cpu_seconds"] for x in rs),
        "mb_per_s": nbytes / 1e6 / med,
        "rss_tree_mib_max": max(x["rss_tree_mib"] for x in rs),
        "rss_largest_mib_max": max(x["rss_largest_mib"] for x in rs),
    }


def project(
    results: dict, *, characters: float = 5e9, node_cores: int = 16, nodes: int = 10
) -> dict:
    """What 1 M reports (5 G characters) take from the largest size's per-core rate (serial characters
    a second) and the measured parallel efficiencies (speed-up / 2 workers)."""
    out = {}
    if not results["sizes"]:
        return out
    size = results["sizes"][-1]
    for step in ("clean", "analyse"):
        serial = size["runs"].get(f"{step}/serial")
        if not serial:
            continue
        rate = size["characters"] / serial["seconds_median"]  # characters a second, one core
        cpu_rate = size["characters"] / serial["cpu_seconds_median"]  # the same, load-independent
        pool = size["runs"].get(f"{step}/jobs2", {}).get("speedup_vs_serial")
        dask = (
            size["runs"]
            .get(f"{step}/dask2-joined", size["runs"].get(f"{step}/dask2", {}))
            .get("speedup_vs_serial")
        )  # a running cluster: what a long job on many nodes sees
        eff_pool = pool / 2 if pool else 1.0  # not measured: perfect scaling assumed (and said)
        eff_dask = dask / 2 if dask else 1.0
        node = characters / (rate * node_cores * eff_pool)
        cluster = characters / (rate * node_cores * nodes * eff_dask)
        out[step] = {
            "characters_per_second_per_core": rate,
            "characters_per_cpu_second": cpu_rate,
            "efficiency_jobs2": eff_pool,
            "efficiency_dask2": eff_dask,
            "efficiencies_measured": [pool is not None, dask is not None],
            "one_node_16_cores_hours": node / 3600,
            "dask_10_nodes_160_cores_hours": cluster / 3600,
        }
    return out


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"Machine: {m['cpus']} CPUs, Python {m['python']}; load average before "
        f"{m['load_before']}, after {m['load_after']}; medians of {results['repeat']} interleaved runs; "
        f"reportnlp's bytecode {results.get('bytecode', 'as found')}.",
        "",
        "| size | run | seconds | MB/s | CPU s | speed-up vs serial | vs jieba | peak RSS tree / largest (MiB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size in results["sizes"]:
        for name, r in size["runs"].items():
            lines.append(
                f"| {size['megabytes']:.0f} MB | {name} | {r['seconds_median']:.2f} | "
                f"{r['mb_per_s']:.1f} | {r['cpu_seconds_median']:.1f} | "
                f"{_x(r.get('speedup_vs_serial'), 2)} | {_x(r.get('speed_vs_jieba'), 1)} | "
                f"{r['rss_tree_mib_max']:.0f} / {r['rss_largest_mib_max']:.0f} |"
            )
    for step, p in results.get("projection", {}).items():
        lines.append(
            f"\n{step}: {p['characters_per_second_per_core'] / 1e6:.2f} M characters/s a core "
            f"({p['characters_per_cpu_second'] / 1e6:.2f} M a CPU second); "
            f"1 M reports (5 G characters): {p['one_node_16_cores_hours'] * 60:.1f} min on a 16-core "
            f"node (efficiency {p['efficiency_jobs2']:.2f}"
            f"{'' if p['efficiencies_measured'][0] else ', assumed'}), "
            f"{p['dask_10_nodes_160_cores_hours'] * 60:.1f} min on 10 such nodes with Dask (efficiency "
            f"{p['efficiency_dask2']:.2f}{'' if p['efficiencies_measured'][1] else ', assumed'})."
        )
    return "\n".join(lines) + "\n"


def _x(ratio, digits: int) -> str:
    return "–" if ratio is None else f"{ratio:.{digits}f}×"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[30, 100], help="corpus sizes, MB")
    ap.add_argument(
        "--steps", nargs="+", default=["clean", "analyse"], choices=["clean", "analyse"]
    )
    ap.add_argument("--engines", nargs="+", default=list(ENGINES), choices=list(ENGINES))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--jieba-sizes", type=float, nargs="*", default=[30], help="sizes with the jieba baseline"
    )
    ap.add_argument(
        "--jieba-repeat", type=int, default=3, help="jieba runs a size (at most --repeat)"
    )
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "scale"))
    ap.add_argument(
        "--no-compile",
        action="store_true",
        help="leave reportnlp's bytecode as it is (default: compile it first, as pip install does)",
    )
    args = ap.parse_args()
    compiled = None if args.no_compile else compile_bytecode()
    results = measure(args)
    results["bytecode"] = "compiled before the timings" if compiled else "as found"
    results["dont_write_bytecode"] = os.environ.get("PYTHONDONTWRITEBYTECODE", "")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    md = markdown(results)
    out.with_suffix(".md").write_text(md, encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
