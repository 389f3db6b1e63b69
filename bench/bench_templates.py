"""Benchmark: template families (shingles, MinHash, LSH, verification, alignment) at corpus scale.

    pip install -e '.[bench]' && python bench/bench_templates.py [--target-mb 50] [--repeat 3]

The State Council corpus is cleaned first (not timed). Two measurements:

1. **MinHash implementations on the gwr corpus** (72 documents, clean text), documents/s for shingling +
   signature, median of ``--repeat``: ours (one-permutation MinHash on numpy: one sort per document); the
   classic ``num_perm`` hash functions on numpy (multiply-add-shift, the same shingles); ``datasketch``
   ``MinHash.update_batch`` on the 5-gram strings (SHA-1 per shingle), when datasketch is installed.
2. **Scale**: the clean corpus copied until it holds ``--target-mb`` MB of UTF-8 text, each copy losing a
   different ~10 % of its paragraphs (near-duplicates, as a crawl of many sites gives), then each stage of
   :func:`reportnlp.corpus.templates.find_families` timed alone: shingle key, shingle hashes, signatures,
   LSH candidates, verification and components, alignment of the families; and the peak RSS. Expected
   families: one per record; "families mixing records" counts copies of NPC resolutions that lost their
   yearly paragraph and kept only the formula shared with other sessions (one template, rightly joined).

Measured on the project machine (2 cores, shared; medians of 5, ranges over 3 runs): ours 290–500
documents/s (13–22 MB/s) for shingles + signature, datasketch 38–67 documents/s (7–9x slower), classic
numpy MinHash 36–90 documents/s; on 47 MB (1,152 documents) shingles + MinHash + LSH + verification
2.8–4.5 s, with alignment 4.4–9.2 s, peak RSS 376 MB (150 MB of it the texts and the interpreter).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def classic_minhash(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``num_perm`` hash functions ``(a·x + b) >> 32`` over 32-bit shingle keys, minimum of each."""
    x = (hashes >> np.uint64(32))[:, None]
    out = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    for c in range(0, len(x), 4096):
        out = np.minimum(out, ((x[c : c + 4096] * a + b) >> np.uint64(32)).min(axis=0))
    return out


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    )
    ap.add_argument("--target-mb", type=float, default=50.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import reportnlp
    from reportnlp.corpus import templates as T

    with open(args.corpus, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    texts = [
        reportnlp.clean(r.get("text") or r["content"], title=r.get("title")).text for r in records
    ]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"gwr corpus: {len(texts)} documents, {mb:.2f} MB clean text, {sum(map(len, texts)):,} chars"
    )
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}\n")

    # --- 1. MinHash implementations on the gwr corpus --------------------------------------------------
    hasher = T.MinHasher(T.DEFAULT_NUM_PERM)
    rng = np.random.default_rng(1)
    a = rng.integers(1, 2**63, T.DEFAULT_NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, T.DEFAULT_NUM_PERM, dtype=np.uint64)
    T.shingles("预热")  # build the character table once (about 30 ms)

    runs = {
        "shingles only": lambda: [T.shingles(t) for t in texts],
        "shingles + one-permutation MinHash (ours)": lambda: [
            hasher.signature(T.shingles(t)) for t in texts
        ],
        "shingles + classic 128-function MinHash (numpy)": lambda: [
            classic_minhash(T.shingles(t), a, b) for t in texts
        ],
    }
    try:
        from datasketch import MinHash

        def datasketch_run():
            for t in texts:
                key = T.shingle_key(t)
                m = MinHash(num_perm=T.DEFAULT_NUM_PERM)
                m.update_batch({key[i : i + 5].encode("utf-8") for i in range(len(key) - 4)})

        runs["datasketch MinHash.update_batch (SHA-1)"] = datasketch_run
    except ImportError:
        print("(datasketch not installed: pip install datasketch to compare)")
    print(f"{'run':50} {'s':>7} {'docs/s':>8} {'MB/s':>7}")
    for name, fn in runs.items():
        s = median_time(fn, args.repeat)
        print(f"{name:50} {s:7.3f} {len(texts) / s:8.0f} {mb / s:7.2f}")

    # --- 2. scale ---------------------------------------------------------------------------------------
    copies = max(1, math.ceil(args.target_mb / mb))
    big: dict[str, str] = {}
    for c in range(copies):
        r = random.Random(c)
        for n, t in enumerate(texts):
            paragraphs = t.split("\n\n")
            kept = [p for p in paragraphs if c == 0 or r.random() >= 0.1] or paragraphs
            big[f"{n:03d}-{c:02d}"] = "\n\n".join(kept)
    big_mb = sum(len(t.encode("utf-8")) for t in big.values()) / 1e6
    print(f"\nscaled corpus: {len(big)} documents ({copies} near-copies of each), {big_mb:.1f} MB")
    base_rss = rss_mb()

    ids = list(big)
    t0 = time.perf_counter()
    keys = [T.shingle_key(big[i]) for i in ids]
    t_key = time.perf_counter() - t0
    t0 = time.perf_counter()
    arrays = [T.shingles(k, normalised=True) for k in keys]
    t_hash = time.perf_counter() - t0
    del keys
    t0 = time.perf_counter()
    sigs = hasher.signatures(arrays)
    t_sig = time.perf_counter() - t0
    bands, rows = T.lsh_params(T.DEFAULT_THRESHOLD)
    t0 = time.perf_counter()
    pairs = T.candidate_pairs(sigs, bands, rows)
    t_lsh = time.perf_counter() - t0
    t0 = time.perf_counter()
    uf = T._UnionFind(len(ids))
    computed = T._link(pairs, arrays, sigs, T.DEFAULT_THRESHOLD, uf)
    t_verify = time.perf_counter() - t0
    shingle_mb = sum(x.nbytes for x in arrays) / 1e6
    t0 = time.perf_counter()
    families = T.find_families(big)
    t_all = time.perf_counter() - t0
    sizes = sorted((len(f.members) for f in families), reverse=True)
    mixed = sum(len({m[:3] for m in f.members}) > 1 for f in families)
    split = len(texts) - len({f.members[0][:3] for f in families})
    steps = [
        ("shingle key (masks, digits, punctuation)", t_key),
        ("shingle hashes (5-grams, sort, unique)", t_hash),
        (f"signatures (one-permutation, {T.DEFAULT_NUM_PERM} bins)", t_sig),
        (f"LSH candidates ({bands} bands x {rows} rows): {len(pairs):,} pairs", t_lsh),
        (f"verification + components: {computed:,} exact Jaccards", t_verify),
    ]
    print(f"{'stage':62} {'s':>7} {'MB/s':>7}")
    for name, s in steps:
        print(f"{name:62} {s:7.2f} {big_mb / s:7.1f}")
    sub = sum(s for _, s in steps)
    print(f"{'shingles + MinHash + LSH + verification':62} {sub:7.2f} {big_mb / sub:7.1f}")
    print(f"{'find_families (all of the above + alignment)':62} {t_all:7.2f} {big_mb / t_all:7.1f}")
    print(
        f"\nfamilies: {len(families)} (sizes {sizes[:3]} … {sizes[-3:]}), "
        f"{sum(len(f.slots) for f in families):,} slots; families mixing records: {mixed}; "
        f"records without a family: {split}"
    )
    print(
        f"memory: shingle hashes {shingle_mb:.0f} MB, signatures {sigs.nbytes / 1e6:.1f} MB; "
        f"peak RSS {rss_mb():.0f} MB (with the texts loaded, before shingling: {base_rss:.0f} MB)"
    )


if __name__ == "__main__":
    main()
