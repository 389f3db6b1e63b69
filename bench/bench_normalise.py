"""Benchmark: the script and width steps on a corpus, each function on its own.

    python bench/bench_normalise.py [--repeat 7] [--corpus corpora/gwr/government_work_reports.jsonl]

Prints the median time of ``to_simplified``, ``detect_script`` and ``normalise_width`` over all records
(tables loaded before timing). The three together should stay under 40 ms on the State Council corpus.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    )
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    from reportnlp.normalise.script import detect_script, to_simplified
    from reportnlp.normalise.width import normalise_width

    with open(args.corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["content"] for line in fh]
    chars = sum(map(len, texts))
    steps = {
        "to_simplified": to_simplified,
        "detect_script": detect_script,
        "normalise_width": normalise_width,
    }
    for fn in steps.values():  # build the lazily loaded tables
        for text in texts:
            fn(text)
    print(f"corpus: {args.corpus.name}, {len(texts)} documents, {chars:,} characters")
    total = 0.0
    for name, fn in steps.items():
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for text in texts:
                fn(text)
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        total += median
        print(f"{name:<18}{median * 1000:8.1f} ms")
    print(f"{'together':<18}{total * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
