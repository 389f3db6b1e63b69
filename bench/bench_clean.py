"""Benchmark: clean() against jieba segmentation on the same text, in one run.

    pip install -e '.[bench]' && python bench/bench_clean.py [--repeat 5] [--corpus corpora/gwr/government_work_reports.jsonl]

Prints MB/s of UTF-8 input for each and the ratio (how many times faster clean is than ``jieba.lcut``).
Both run in this process on the same texts; jieba's dictionary load is done before timing, and the objects
loaded before timing are frozen out of the garbage collector's scans (``gc.freeze``).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    )
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import jieba

    from reportnlp import clean

    records = load(args.corpus)
    texts = [r.get("text") or r["content"] for r in records]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    jieba.setLogLevel(60)
    jieba.lcut("预热词典")
    clean(texts[0])  # load lazily-built tables before timing
    # Both tools' tables (jieba's dictionary: ~350,000 entries) are long-lived: keep them out of the
    # cyclic garbage collector's scans, which otherwise tax whichever runs after them (~10 % of clean).
    gc.collect()
    gc.freeze()

    from reportnlp.boilerplate.rules import is_meta_line, line_rule

    def run_clean() -> None:
        # Per-line caches start empty in every repeat: only repetition inside the corpus may hit them.
        line_rule.cache_clear()
        is_meta_line.cache_clear()
        for t, r in zip(texts, records):
            clean(t, title=r.get("title"))

    # Interleaved (clean, jieba, clean, jieba …): a drift in the machine's speed touches both, and the
    # ratio is the median of the per-repeat ratios.
    cleans, jiebas = [], []
    for _ in range(args.repeat):
        cleans.append(timed(run_clean, 1))
        jiebas.append(timed(lambda: [jieba.lcut(t) for t in texts], 1))
    t_clean, t_jieba = statistics.median(cleans), statistics.median(jiebas)
    ratios = sorted(j / c for c, j in zip(cleans, jiebas))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"corpus: {args.corpus.name}, {len(texts)} documents, {mb:.2f} MB UTF-8 (median of {args.repeat})"
    )
    print(f"{'step':<22}{'seconds':>9}{'MB/s':>9}")
    print(f"{'reportnlp.clean':<22}{t_clean:>9.3f}{mb / t_clean:>9.2f}")
    print(f"{'jieba.lcut':<22}{t_jieba:>9.3f}{mb / t_jieba:>9.2f}")
    print(
        f"ratio: clean is {statistics.median(ratios):.1f}x faster than jieba.lcut (repeats "
        f"{ratios[0]:.1f}–{ratios[-1]:.1f}); peak RSS {rss:.0f} MB"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
