"""Time the analysers of an older commit against this tree's in one process, alternately (paired).

    PYTHONPATH=. python bench/paired_analyse.py --old REV [--rounds 9] [--clean] [--interleave]

``REV``'s ``reportnlp`` package is extracted with ``git archive`` to a temporary directory and imported first,
its functions kept, then this tree's package is imported in its place. On the State Council corpus, cleaned
once by this tree's ``clean``, each round times ``analyse`` (and each detector) of the old code and of the new
code one after the other on every document; the figure is the fastest round of each, so load on a shared
machine, which slows both alike, counts little. ``analyse_learned`` is ``analyse(text, things="learned")``; the
memos of the analysers (``thing.clear_caches``: the chooser's, the metrics', the slogans') are emptied before each
timing (every timing a first run). Prints the seconds and
new / old. With ``--clean``, ``clean`` itself is timed the same way on the raw reports (with their titles, as ``bench/bench_clean.py`` runs it).
"""

from __future__ import annotations

import argparse
import functools
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
NAMES = (
    "analyse",
    "analyse_learned",
    "find_metrics",
    "find_slogans",
    "find_headings",
    "find_placeholders",
)


def _load(path: Path) -> dict:
    for name in [m for m in sys.modules if m == "reportnlp" or m.startswith("reportnlp.")]:
        del sys.modules[name]
    sys.path.insert(0, str(path))
    try:
        pkg = importlib.import_module("reportnlp")
        analysers = importlib.import_module("reportnlp.analysers")
    finally:
        sys.path.remove(str(path))
    thing = importlib.import_module("reportnlp.analysers.thing")
    # the package's own modules, put back in sys.modules before its functions run: their imports at call
    # time (analyse's of thing.learned_things, metrics' of thing.choose) must find this package, not the other
    modules = {
        m: mod for m, mod in sys.modules.items() if m == "reportnlp" or m.startswith("reportnlp.")
    }
    funcs = {
        "modules": modules,
        "analyse": pkg.analyse,
        "analyse_learned": functools.partial(pkg.analyse, things="learned"),
        "clean": pkg.clean,
        # memos kept across calls would all be hits on a corpus timed again: emptied before each timing
        "clear": getattr(thing, "clear_caches", lambda: None),
    }
    funcs.update({n: getattr(analysers, n) for n in NAMES[2:]})
    return funcs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="a git revision of this repository")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--clean", action="store_true", help="time clean() on the raw reports instead")
    ap.add_argument(
        "--interleave",
        action="store_true",
        help="process CPU time, old and new alternating per document (first side alternating per round); "
        "prints the median of the per-round ratios too (steadier on a loaded machine)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tar = subprocess.run(
            ["git", "archive", args.old, "reportnlp"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        tarfile.open(fileobj=io.BytesIO(tar)).extractall(tmp)
        old = _load(Path(tmp))
        new = _load(ROOT)
        path = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
        with open(path, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh]
        if args.clean:
            names: tuple[str, ...] = ("clean",)
            texts = [r["content"] for r in records]
            titles = [r.get("title") for r in records]
        else:
            names = NAMES
            texts = [new["clean"](r["content"], title=r.get("title")).text for r in records]
            titles = [None] * len(texts)
        for funcs in (old, new):  # lazily built tables, before timing
            sys.modules.update(funcs["modules"])
            for n in names:
                funcs[n](texts[0])
        gc.collect()
        gc.freeze()  # both packages' long-lived tables out of the collector's scans (as bench_clean.py)
        best = {(side, n): float("inf") for side in ("old", "new") for n in names}
        if args.interleave:
            _interleaved(old, new, names, texts, titles, args.rounds)
            return
        for _ in range(args.rounds):
            for side, funcs in (("old", old), ("new", new)):
                sys.modules.update(funcs["modules"])
                for n in names:
                    f = funcs[n]
                    funcs["clear"]()
                    t0 = time.perf_counter()
                    if n == "clean":
                        for t, title in zip(texts, titles):
                            f(t, title=title)
                    else:
                        for t in texts:
                            f(t)
                    best[(side, n)] = min(best[(side, n)], time.perf_counter() - t0)
    print(f"{'':18} {'old s':>8} {'new s':>8} {'new/old':>8}   (fastest of {args.rounds} rounds)")
    for n in names:
        o, w = best[("old", n)], best[("new", n)]
        print(f"{n:18} {o:8.4f} {w:8.4f} {w / o:8.3f}")


def _interleaved(old: dict, new: dict, names, texts: list, titles: list, rounds: int) -> None:
    """Each round: both sides' memos emptied, then per document the old and the new function one after the
    other (which goes first alternates per round), in process CPU time; the fastest round of each side and
    the median of the per-round ratios."""
    clock = time.process_time
    print(
        f"{'':18} {'old s':>8} {'new s':>8} {'new/old':>8} {'median':>8}   ({rounds} rounds, CPU)"
    )
    for n in names:
        ratios, olds, news = [], [], []
        for r in range(rounds):
            spent = {"old": 0.0, "new": 0.0}
            for funcs in (old, new):
                sys.modules.update(funcs["modules"])
                funcs["clear"]()
            order = (("old", old), ("new", new)) if r % 2 == 0 else (("new", new), ("old", old))
            for t, title in zip(texts, titles):
                for side, funcs in order:
                    sys.modules.update(funcs["modules"])
                    f = funcs[n]
                    t0 = clock()
                    f(t, title=title) if n == "clean" else f(t)
                    spent[side] += clock() - t0
            olds.append(spent["old"])
            news.append(spent["new"])
            ratios.append(spent["new"] / spent["old"])
        o, w = min(olds), min(news)
        print(f"{n:18} {o:8.4f} {w:8.4f} {w / o:8.3f} {statistics.median(ratios):8.3f}")


if __name__ == "__main__":
    main()
