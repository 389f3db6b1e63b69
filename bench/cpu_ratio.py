"""CPU-time ratio of ``clean``, ``analyse`` or the spaCy pipeline to ``jieba.lcut`` on the State Council corpus.

    PYTHONPATH=. python bench/cpu_ratio.py clean|analyse|spacy [--repeat 5] [--things rules|learned]

``spacy`` times ``reportnlp.load()`` (the jieba backend) on the clean text, as ``bench_analyse.py`` does.

A quick check while changing code on a shared machine: process CPU time, not wall time, so the machine's
load counts less than in ``bench_clean.py`` / ``bench_analyse.py`` (which report the wall-time figures the
README quotes); the two alternate and the ratio is the median of the per-repeat ratios. Tables loaded before
timing are frozen out of the garbage collector's scans. The memos of ``clean``'s line rules and of the analysers
(``reportnlp.analysers.thing.clear_caches``: the thing chooser's, the metrics' and the slogans') are emptied
before each timed run, so every run is a first run (the corpus is the same each time: kept, they would all be
hits).
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["clean", "analyse", "spacy"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--things", choices=["rules", "learned"], default=None, help="analyse's things="
    )
    args = ap.parse_args()

    import jieba

    import reportnlp
    from reportnlp.boilerplate.rules import is_meta_line, line_rule

    path = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    raw = [r["content"] for r in records]
    if args.step == "clean":
        texts = raw

        def run() -> None:
            line_rule.cache_clear()
            is_meta_line.cache_clear()
            for t, r in zip(texts, records):
                reportnlp.clean(t, title=r.get("title"))

    elif args.step == "spacy":
        texts = [reportnlp.clean(t).text for t in raw]
        nlp = reportnlp.load()
        from reportnlp.analysers.thing import clear_caches

        def run() -> None:
            clear_caches()
            for t in texts:
                nlp(t)

    else:
        texts = [reportnlp.clean(t).text for t in raw]
        kw = {"things": args.things} if args.things else {}
        try:
            from reportnlp.analysers.thing import clear_caches
        except ImportError:  # an older tree
            clear_caches = None  # type: ignore[assignment]

        def run() -> None:
            if clear_caches is not None:
                clear_caches()
            for t in texts:
                reportnlp.analyse(t, **kw)

    jieba.setLogLevel(60)
    jieba.lcut("预热")
    run()
    gc.collect()
    gc.freeze()
    ours, theirs = [], []
    for _ in range(args.repeat):
        t0 = time.process_time()
        run()
        ours.append(time.process_time() - t0)
        t0 = time.process_time()
        for t in texts:
            jieba.lcut(t)
        theirs.append(time.process_time() - t0)
    ratio = statistics.median(j / o for o, j in zip(ours, theirs))
    print(
        f"{args.step}{' things=' + args.things if args.things else ''}: {min(ours):.4f} s CPU (best of {args.repeat}), jieba.lcut {min(theirs):.3f} s; "
        f"ratio {ratio:.2f}x (median of the per-repeat ratios)"
    )


if __name__ == "__main__":
    main()
