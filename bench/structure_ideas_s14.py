"""Session 14 (issue 13, str14): three ideas the structure history has not tried, fixed before any was run.

The provincial panel could not be grown (no other year of a provincial or municipal report is stored in full
in any source this session could read: ``corpora/structure/PROVENANCE.md``), so the sets are those of
sessions 12 and 13: the State Council reports by premier (dev, the only set settings may be chosen on), the
22-report provincial panel (scored many times before: a dev figure, not a held-out one) and the CPC congress
reports by speaker (held out). Each idea is scored as ``bench/structure_ideas_s12.py`` scores the library
(k-means, 35 % of the variance, k auto by mean silhouette from 2 to max(8, classes + 2), a given k in k - 1
components at least, a panel of years centred, nearest neighbour in the full block-weighted space):

* ``binary``: the signature n-grams and the four written-outline blocks count a term once per document
  (``TfidfVectorizer(binary=True)``, IDF and the row's unit length kept) instead of ``1 + log(tf)``: an
  office's hand is which formulas, templates and lead words it uses, and how often a report repeats one is
  mostly how long the report is.
* ``auto-k1``: k auto is chosen as before (silhouette in the 35 % space), but its clusters are fitted in
  ``k - 1`` components at least, the rule a given k has followed since session 6 (so k auto and the same k
  given yield one partition). A given k is unchanged.
* ``auto-full``: k auto chosen as before, its clusters fitted in the full weighted space, where the nearest
  neighbours are read (and are right for 37/42 premiers against 31/42 in the reduced space). A given k is
  unchanged.

``python bench/structure_ideas_s14.py [--idea NAME ...] [--set NAME ...] [--json FILE]``; the analyses of
each set are cached in ``--cache`` (a folder; ``/tmp/structure_s14`` by default) between runs. No idea is in
the library unless the session's history says so.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_structure as E  # noqa: E402

import reportnlp.corpus.structure as S  # noqa: E402

IDEAS = ("none", "binary", "auto-k1", "auto-full")
SETS = {"premier": E.load_state_council, "provincial": E.load_provincial, "cpc": E.load_cpc}


def load(name: str, cache: Path):
    """A set's (analyses, labels), analysed once and cached as a pickle in ``cache``."""
    path = cache / f"{name}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    out = SETS[name]()
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def features(docs, idea: str) -> np.ndarray:
    """The raw StructureFeatures matrix (and its blocks) of one idea."""
    original = S._text_vectorizer
    if idea == "binary":

        def patched(block, min_df, max_features):
            return original(block, min_df, max_features).set_params(binary=True, sublinear_tf=False)

        S._text_vectorizer = patched
    try:
        feats = S.StructureFeatures()
        if idea == "binary":  # the signature n-grams too: same vocabulary, refit
            feats.fit(docs)
            if feats.vectorizer_ is not None:
                sig = [S.compact_signature(S.as_analysis(d).signature) for d in docs]
                feats.vectorizer_.set_params(binary=True, sublinear_tf=False).fit(sig)
        else:
            feats.fit(docs)
        return feats.transform(docs), list(feats.feature_blocks_)
    finally:
        S._text_vectorizer = original


def score(docs, labels: list[str], idea: str) -> dict:
    from sklearn.metrics import adjusted_rand_score

    n_classes = len(set(labels))
    k_max = max(8, n_classes + 2)
    raw, blocks = features(docs, idea)
    full = np.asarray(S.BlockScaler(blocks=blocks).fit_transform(raw), dtype=float)
    years = S.panel_years(docs)
    if years is not None:
        full = np.asarray(S.centre_years(full, years), dtype=float)
    Z = np.asarray(S.Reduce(S.DEFAULT_VARIANCE).fit_transform(full), dtype=float)

    def space(k: int) -> np.ndarray:
        if Z.shape[1] >= k - 1:
            return Z
        return np.asarray(
            S.Reduce(S.DEFAULT_VARIANCE, min_components=k - 1).fit_transform(full), dtype=float
        )

    k, _ = S.choose_k(Z, "kmeans", k_max)
    if idea == "auto-k1":
        Zauto = space(k)
    elif idea == "auto-full":
        Zauto = full
    else:
        Zauto = Z
    auto = S._clusterer("kmeans", k, 0).fit(Zauto).labels_
    at_classes = S._clusterer("kmeans", n_classes, 0).fit(space(n_classes)).labels_
    nn, n = E.nn_agreement(full, labels)
    out = {
        "ari_k_classes": round(float(adjusted_rand_score(labels, at_classes)), 3),
        "ari_k_auto": round(float(adjusted_rand_score(labels, auto)), 3),
        "k_auto": int(k),
        "nn": f"{round(nn * n)}/{n}",
        "clusters_k_auto": [int(x) for x in auto],
    }
    counts = {y: labels.count(y) for y in labels}
    # singleton classes: the ARI at k = classes on the paired documents too
    if min(counts.values()) < 2:
        keep = [i for i, y in enumerate(labels) if counts[y] >= 2]
        out["ari_k_classes_paired"] = round(
            float(adjusted_rand_score([labels[i] for i in keep], [at_classes[i] for i in keep])), 3
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--idea", action="append", choices=IDEAS)
    ap.add_argument("--set", action="append", choices=tuple(SETS))
    ap.add_argument("--json")
    ap.add_argument("--cache", default="/tmp/structure_s14")
    args = ap.parse_args(argv)
    loaded = {name: load(name, Path(args.cache)) for name in args.set or SETS}
    E.score_ideas(args.idea or IDEAS, loaded, score, args.json, classes="ARI, k = classes (paired)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
