"""Time ``clean`` of an older commit against this tree's in one process, alternately, in CPU time (paired).

    PYTHONPATH=. python bench/paired_clean.py --old REV [--rounds 21]

``REV``'s ``reportnlp`` package is extracted with ``git archive`` to a temporary directory and imported first,
then this tree's package in its place (each side's modules put back in ``sys.modules`` before it runs). Each
round times ``clean`` of both on the 72 State Council reports with their titles (as ``bench/bench_clean.py``
runs it), old first in even rounds and new first in odd ones, the line rules' memos emptied before each timing
(every timing a first run). Prints the fastest round of each side, new / old of those, and the median of the
per-round ratios: load on a shared machine slows both sides of a round alike.
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
    modules = {m: mod for m, mod in sys.modules.items() if m == "reportnlp" or m.startswith("reportnlp.")}

    def clear() -> None:
        rules.line_rule.cache_clear()
        rules.is_meta_line.cache_clear()

    return modules, pkg.clean, clear


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="a git revision of this repository")
    ap.add_argument("--rounds", type=int, default=21)
    args = ap.parse_args()
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


if __name__ == "__main__":
    main()
