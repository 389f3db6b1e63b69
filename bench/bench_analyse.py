"""Benchmark: analysis against jieba segmentation on the same clean text, in one run.

    pip install -e '.[bench]' && python bench/bench_analyse.py [--repeat 3] [--corpus corpora/gwr/government_work_reports.jsonl]

The corpus is cleaned first (not timed). Then, on the same clean texts, interleaved and repeated:

* ``jieba.lcut`` — the baseline;
* ``analyse`` — the four plain detectors (no segmentation; what ``reportnlp analyse`` runs), and the same with
  ``things="learned"`` (the stacked thing chooser); the chooser's and the metrics' memos emptied before each run;
* ``load()`` — the spaCy pipeline with the jieba backend (segmentation + protected spans + ``doc.spans``); its
  segmentation is jieba's, by reportnlp's own loop over jieba's dictionary (``segment._jieba_lcut``: the same
  tokens, tested); ``load(), jieba's own lcut`` is the same pipeline segmenting with ``jieba.Tokenizer.lcut``
  itself, to show what the loop saves;
* ``load(backend="rjieba")`` — the same with the jieba-rs binding.

Prints seconds (median), MB/s of UTF-8 text and speed relative to jieba (> 1 means faster than jieba
alone), the extraction overhead over segmentation, and the agreement of rjieba with jieba (token-for-token
with HMM off; boundary F1 with HMM on), user dictionary and protected spans included.
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


def boundaries(tokens: list[str]) -> set[int]:
    out, pos = set(), 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    )
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import jieba

    import reportnlp
    from reportnlp.analysers.nlp import _protected_spans
    from reportnlp.analysers.segment import Segmenter

    with open(args.corpus, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    texts = [
        reportnlp.clean(r.get("text") or r["content"], title=r.get("title")).text for r in records
    ]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(map(len, texts))

    jieba.setLogLevel(60)
    jieba.lcut("预热词典")
    nlp_j = reportnlp.load()
    nlp_r = reportnlp.load(backend="rjieba")
    nlp_l = reportnlp.load()  # the same pipeline, segmenting with jieba's own Tokenizer.lcut
    own = Segmenter("jieba")
    own._cut_piece = lambda s: own._impl.lcut(s, HMM=True)
    nlp_l.tokenizer.segmenter = own
    for t in texts:  # warm the vocabularies: the runs then see the same lexeme tables
        nlp_j(t)
        nlp_r(t)
        nlp_l(t)

    from reportnlp.analysers.thing import clear_caches

    def analyse(things: str) -> None:
        clear_caches()  # the memos of the thing chooser and the metrics' clauses: a first run each time
        for t in texts:
            reportnlp.analyse(t, things=things)

    runs = {
        "jieba.lcut": lambda: [jieba.lcut(t) for t in texts],
        "analyse (plain detectors)": lambda: analyse("rules"),
        "analyse(things='learned')": lambda: analyse("learned"),
        "load() spaCy + jieba": lambda: [nlp_j(t) for t in texts],
        "load(), jieba's own lcut": lambda: [nlp_l(t) for t in texts],
        "load(backend='rjieba')": lambda: [nlp_r(t) for t in texts],
    }
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(args.repeat):
        for name, fn in runs.items():  # interleaved: machine load hits every run alike
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    base = med["jieba.lcut"]

    print(f"corpus: {args.corpus.name}, {len(texts)} documents, {chars:,} characters, {mb:.2f} MB")
    print(f"{'run':30} {'seconds':>8} {'MB/s':>7} {'speed vs jieba':>15}")
    for name, s in med.items():
        print(f"{name:30} {s:8.3f} {mb / s:7.2f} {base / s:14.2f}x")
    extraction = med["analyse (plain detectors)"]
    print(f"extraction over segmentation: {100 * extraction / base:.1f} % of jieba's time")

    # rjieba agreement, on the tokenizer reportnlp actually runs (user dictionary + protected spans).
    for hmm in (False, True):
        sj, sr = Segmenter("jieba", hmm=hmm), Segmenter("rjieba", hmm=hmm)
        same_docs = tok_total = tok_same = 0
        tp = fp = fn = 0
        for t in texts:
            keep = _protected_spans(t)
            a, b = sj.cut(t, keep), sr.cut(t, keep)
            same_docs += a == b
            tok_total += len(a)
            ba, bb = boundaries(a), boundaries(b)
            tp += len(ba & bb)
            fp += len(bb - ba)
            fn += len(ba - bb)
            tok_same += len(a) if a == b else 0
        f1 = 2 * tp / (2 * tp + fp + fn)
        print(
            f"rjieba vs jieba, HMM {'on' if hmm else 'off'}: {same_docs}/{len(texts)} documents "
            f"token-identical, {tok_total:,} jieba tokens, boundary F1 {f1:.4f}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
