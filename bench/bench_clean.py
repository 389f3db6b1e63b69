"""Benchmark: clean() against jieba segmentation on the same text, in one run.

    pip install -e '.[bench]' && python bench/bench_clean.py [--repeat 3] [--corpus corpora/gwr/government_work_reports.jsonl]

Prints MB/s of UTF-8 input for each and the ratio (how many times faster clean is than ``jieba.lcut``).
Both run in this process on the same texts; jieba's dictionary load is done before timing.
"""

from __future__ import annotations

import argparse
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
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import jieba

    from reportnlp import clean

    records = load(args.corpus)
    texts = [r.get("text") or r["content"] for r in records]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    jieba.setLogLevel(60)
    jieba.lcut("预热词典")
    clean(texts[0])  # load lazily-built tables before timing

    from reportnlp.boilerplate.rules import is_meta_line, line_rule

    def run_clean() -> None:
        # Per-line caches start empty in every repeat: only repetition inside the corpus may hit them.
        line_rule.cache_clear()
        is_meta_line.cache_clear()
        for t, r in zip(texts, records):
            clean(t, title=r.get("title"))

    t_clean = timed(run_clean, args.repeat)
    t_jieba = timed(lambda: [jieba.lcut(t) for t in texts], args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"corpus: {args.corpus.name}, {len(texts)} documents, {mb:.2f} MB UTF-8 (median of {args.repeat})"
    )
    print(f"{'step':<22}{'seconds':>9}{'MB/s':>9}")
    print(f"{'reportnlp.clean':<22}{t_clean:>9.3f}{mb / t_clean:>9.2f}")
    print(f"{'jieba.lcut':<22}{t_jieba:>9.3f}{mb / t_jieba:>9.2f}")
    print(f"ratio: clean is {t_jieba / t_clean:.1f}x faster than jieba.lcut; peak RSS {rss:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
