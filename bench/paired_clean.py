"""Time ``clean`` of an older commit against this tree's in one process, alternately, in CPU time (paired).

    PYTHONPATH=. python bench/paired_clean.py --old REV [--rounds 21]

``REV``'s ``reportnlp`` package is extracted with ``git archive`` to a temporary directory and imported first,
then this tree's package in its place (each side's modules put back in ``sys.modules`` before it runs). Each
round times ``clean`` of both on the 72 State Council reports with their titles (as ``bench/bench_clean.py``
runs it), old first in even rounds and new first in odd ones, the line rules' memos emptied before each timing
(every timing a first run). Prints the fastest round of each side, new / old of those, and the median of the
per-round ratios: load on a shared machine slows both sides of a round alike.

    PYTHONPATH=. python bench/paired_clean.py --old REV --process [--megabytes 30] [--rounds 9] [-- --jobs 2]

``--process``: whole ``reportnlp clean CORPUS -o OUT.jsonl -q`` processes instead, as a user runs them, on the
corpus ``bench/bench_scale.py`` builds (the State Council reports repeated to ``--megabytes``), old and new
alternately, each side's bytecode compiled first (as ``pip install`` does); wall and CPU time (the process
and its workers) of each, and the sha256 of each side's output, which must agree (arguments after ``--`` are
passed to both, e.g. ``--jobs 2``, ``--explain FILE``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path) -> tuple[dict, object, object]:
    for name in [m for m in sys.modules if m == "reportnlp" or m.startswith("reportnlp.")]:
        del sys.modules[name]
    sys.path.insert(0, str(path))
    try:
        pkg = importlib.import_module("reportnlp")
        importlib.import_module("reportnlp.cleaning")
        rules = importlib.import_module("reportnlp.boilerplate.rules")
    finally:
        sys.path.remove(str(path))
    modules = {
        m: mod for m, mod in sys.modules.items() if m == "reportnlp" or m.startswith("reportnlp.")
    }

    def clear() -> None:
        rules.line_rule.cache_clear()
        rules.is_meta_line.cache_clear()

    return modules, pkg.clean, clear


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="a git revision of this repository")
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--process", action="store_true", help="time whole reportnlp clean processes")
    ap.add_argument("--megabytes", type=float, default=30, help="with --process: corpus size")
    ap.add_argument("extra", nargs="*", help="with --process: arguments for both runs (after --)")
    args = ap.parse_args()
    if args.process:
        processes(args)
        return
    path = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    with tempfile.TemporaryDirectory() as tmp:
        tar = subprocess.run(
            ["git", "archive", args.old, "reportnlp"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        tarfile.open(fileobj=io.BytesIO(tar)).extractall(tmp)
        sides = {"old": _load(Path(tmp)), "new": _load(ROOT)}
        for modules, clean, _ in sides.values():  # lazily built tables, before timing
            sys.modules.update(modules)
            for r in records:
                clean(r["content"], title=r.get("title"))
        gc.collect()
        gc.freeze()
        times: dict[str, list[float]] = {"old": [], "new": []}
        for k in range(args.rounds):
            for side in ("old", "new") if k % 2 == 0 else ("new", "old"):
                modules, clean, clear = sides[side]
                sys.modules.update(modules)
                clear()
                t0 = time.process_time()
                for r in records:
                    clean(r["content"], title=r.get("title"))
                times[side].append(time.process_time() - t0)
    old, new = min(times["old"]), min(times["new"])
    ratios = [n / o for o, n in zip(times["old"], times["new"])]
    print(
        f"clean, CPU s (fastest of {args.rounds} rounds): old {old:.4f}, new {new:.4f}; "
        f"new/old {new / old:.3f} (median of the per-round ratios {statistics.median(ratios):.3f})"
    )


def processes(args: argparse.Namespace) -> None:
    """Whole processes of the old and the new tree, alternately (see the module docstring)."""
    import compileall
    import hashlib
    import os
    import resource

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_scale import build_corpus

    with tempfile.TemporaryDirectory(prefix="paired-clean-") as tmp:
        tar = subprocess.run(
            ["git", "archive", args.old, "reportnlp"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        old_root = Path(tmp) / "old"
        tarfile.open(fileobj=io.BytesIO(tar)).extractall(old_root)
        roots = {"old": old_root, "new": ROOT}
        for root in roots.values():
            compileall.compile_dir(str(root / "reportnlp"), quiet=1)
        corpus = Path(tmp) / "corpus.jsonl"
        nbytes, docs, _ = build_corpus(corpus, args.megabytes)
        times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
        digests: dict[str, set[str]] = {"old": set(), "new": set()}
        for k in range(args.rounds):
            for side in ("old", "new") if k % 2 == 0 else ("new", "old"):
                out = Path(tmp) / f"{side}.jsonl"
                env = {**os.environ, "PYTHONPATH": str(roots[side])}
                cmd = [sys.executable, "-m", "reportnlp.cli", "clean", str(corpus), "-o", str(out)]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([*cmd, "-q", *args.extra], env=env, cwd=tmp, check=True)
                wall = time.perf_counter() - t0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                times[side].append((wall, cpu))
                digests[side].add(hashlib.sha256(out.read_bytes()).hexdigest())
                out.unlink()
    print(
        f"{nbytes / 1e6:.1f} MB, {docs} documents, {args.rounds} rounds, extra arguments {args.extra}"
    )
    for i, what in enumerate(("wall", "CPU")):
        old = [t[i] for t in times["old"]]
        new = [t[i] for t in times["new"]]
        ratios = [n / o for o, n in zip(old, new)]
        print(
            f"{what} s: old fastest {min(old):.3f} (median {statistics.median(old):.3f}), new fastest "
            f"{min(new):.3f} (median {statistics.median(new):.3f}); new/old of the fastest "
            f"{min(new) / min(old):.3f}, median of the per-round ratios {statistics.median(ratios):.3f}"
        )
    same = len(digests["old"]) == 1 and digests["old"] == digests["new"]
    print(
        f"output sha256: old {sorted(digests['old'])}, new {sorted(digests['new'])}: "
        f"{'identical' if same else 'DIFFERENT'}"
    )
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
