"""Session 12 (issue 13): three more ideas for the drafting hand, measured against the library.

Each idea is scored as ``bench/eval_structure.py`` scores ours (k-means, 35 % of the variance kept, k auto by
mean silhouette from 2 to max(8, classes + 2) in the reduced space, a given k in k - 1 components at least, a
panel of years centred, nearest neighbour in the full block-weighted space) on the State Council reports by
premier (dev, the only set anything is chosen on) and, once per idea, on the held-out CPC and provincial sets.
The ideas come from the session's diagnosis (the library's seven clusters put Li Qiang with Li Keqiang, 2003
with Wen Jiabao, split Wen into 2004–07/09–10 and 2008/11–13; the blocks that tell those pairs apart are the
counts, the formulas and the signature, not the headings' wording; the nearest neighbour is right for 36/42
in the full space but 31/42 in the four reduced components the clusters are fitted in):

* ``tendency``: a block is kept only if it has a cluster tendency of its own, unsupervised: its best mean
  silhouette (k-means, k = 2 .. k_max, the block alone) exceeds the mean best silhouette of 20 copies of the
  block with each column permuted independently (same marginals, no joint structure; fixed seed). A habit of
  a drafting office groups reports; a block that groups them no better than noise carries no hand.
* ``level2``: the headings block reads the wording of the second-level headings only (a report with none
  keeps all its headings): the chapter titles are largely the agenda of the session (the review, the year's
  tasks), the sub-headings are where an office words its own points.
* ``knn``: the clusters are found on the graph of each report's nearest neighbours in the full weighted space
  (spectral clustering of the symmetric k-nearest-neighbour graph, round(sqrt(n)) neighbours, fixed seed),
  where the neighbours are right, rather than in the reduced space; k auto is still the best mean silhouette
  of those partitions in the reduced space (the library's criterion and space).

``python bench/structure_ideas_s12.py [--idea NAME ...] [--set NAME ...] [--json FILE]``; ``--diagnose``
prints the diagnosis instead (premiers only, plain tables): the library's clusters with k auto against the premiers, the
nearest neighbour in the full and the reduced space, and each block's silhouette (the block alone, in the
library's weighted space) on all premiers and on each pair of premiers. No idea is in the library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_structure as E  # noqa: E402

import reportnlp.corpus.structure as S  # noqa: E402

IDEAS = ("none", "tendency", "level2", "knn")
SETS = {"premier": E.load_state_council, "cpc": E.load_cpc, "provincial": E.load_provincial}


def level2_headings(doc) -> str:
    """The masked wording of a document's second-level headings (all its headings when it has none)."""
    a = S.as_analysis(doc)
    heads = list(a.headings)
    depth = S._depths(heads)
    chosen = [h for h, d in zip(heads, depth) if d == 2] or heads
    return "|".join(S.mask(S._title(h)) for h in chosen)


def features(docs, idea: str):
    """The raw StructureFeatures DataFrame (for ``level2``, with the headings block read from level 2)."""
    original = S.outline_texts
    if idea == "level2":

        def patched(doc):
            out = original(doc)
            out["headings"] = level2_headings(doc)
            return out

        S.outline_texts = patched
    try:
        return S.StructureFeatures().set_output(transform="pandas").fit(docs).transform(docs)
    finally:
        S.outline_texts = original


def tendency(X: np.ndarray, k_max: int, draws: int = 20, seed: int = 0) -> tuple[float, float]:
    """(best mean silhouette of X, mean best silhouette of ``draws`` column-permuted copies of X)."""
    k, curve = S.choose_k(X, "kmeans", k_max)
    if not curve:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    nulls = []
    for _ in range(draws):
        P = np.column_stack([rng.permutation(c) for c in X.T])
        kn, cn = S.choose_k(P, "kmeans", k_max)
        nulls.append(cn.get(kn, 0.0))
    return curve[k], float(np.mean(nulls))


def weighted(raw, idea: str, k_max: int) -> tuple[np.ndarray, dict]:
    """The block-weighted full space (before ``Reduce``) of one idea, and what the idea decided."""
    weights = dict(S.DEFAULT_WEIGHTS)
    info: dict = {}
    if idea == "tendency":
        unit = S.BlockScaler(weights={b: 1.0 for b in weights}).fit(raw)
        U = np.asarray(unit.transform(raw), dtype=float)
        for b in dict.fromkeys(unit.blocks_.tolist()):
            if weights.get(b, 1.0) == 0:
                continue
            X = U[:, unit.blocks_ == b]
            if float(X.var(axis=0).sum()) == 0:
                continue
            s, null = tendency(X, k_max)
            info[b] = [round(s, 3), round(null, 3)]
            if s <= null:
                weights[b] = 0.0
        info["dropped"] = sorted(
            b for b in weights if weights[b] == 0 and S.DEFAULT_WEIGHTS.get(b, 1) > 0
        )
    scaler = S.BlockScaler(weights=weights).fit(raw)
    return np.asarray(scaler.transform(raw), dtype=float), info


def _knn_labels(full: np.ndarray, k: int) -> np.ndarray:
    from sklearn.cluster import SpectralClustering
    from sklearn.neighbors import kneighbors_graph

    n_nb = max(2, int(round(np.sqrt(len(full)))))
    G = kneighbors_graph(full, n_nb, mode="connectivity", include_self=False)
    A = 0.5 * (G + G.T).toarray()
    return (
        SpectralClustering(k, affinity="precomputed", random_state=0, assign_labels="discretize")
        .fit(A)
        .labels_
    )


def score(docs, labels: list[str], idea: str) -> dict:
    from sklearn.metrics import adjusted_rand_score, silhouette_score

    n_classes = len(set(labels))
    k_max = max(8, n_classes + 2)
    full, info = weighted(features(docs, idea), idea, k_max)
    years = S.panel_years(docs)
    if years is not None:
        full = np.asarray(S.centre_years(full, years), dtype=float)
    Z = np.asarray(S.Reduce(S.DEFAULT_VARIANCE).fit_transform(full), dtype=float)
    if idea == "knn":
        curve = {}
        for kk in range(2, min(k_max, len(full) - 1) + 1):
            lab = _knn_labels(full, kk)
            if len(set(lab.tolist())) > 1:
                curve[kk] = float(silhouette_score(Z, lab))
        k = max(curve, key=lambda kk: (curve[kk], -kk))
        auto = _knn_labels(full, k)
        at_classes = _knn_labels(full, n_classes)
    else:
        k, _ = S.choose_k(Z, "kmeans", k_max)
        auto = S._clusterer("kmeans", k, 0).fit(Z).labels_
        Zk = Z
        if Z.shape[1] < n_classes - 1:
            Zk = S.Reduce(S.DEFAULT_VARIANCE, min_components=n_classes - 1).fit_transform(full)
        at_classes = S._clusterer("kmeans", n_classes, 0).fit(np.asarray(Zk, dtype=float)).labels_
    nn, n = E.nn_agreement(full, labels)
    return {
        "ari_k_classes": round(float(adjusted_rand_score(labels, at_classes)), 3),
        "ari_k_auto": round(float(adjusted_rand_score(labels, auto)), 3),
        "k_auto": int(k),
        "nn": f"{round(nn * n)}/{n}",
        "clusters_k_auto": [int(x) for x in auto],
        **({"blocks": info} if info else {}),
    }


def diagnose() -> None:
    """The session's diagnosis on the premier set (plain tables)."""
    import pandas as pd
    from sklearn.metrics import adjusted_rand_score, silhouette_score

    docs, labels = E.load_state_council()
    Z, full = E.represent("structure", docs)
    k, _ = S.choose_k(Z, "kmeans", 9)
    lab = S._clusterer("kmeans", k, 0).fit(Z).labels_
    print(f"k auto {k}, ARI {adjusted_rand_score(labels, lab):.3f}, {Z.shape[1]} components")
    print(
        "\n"
        + pd.crosstab(pd.Series(labels, name="premier"), pd.Series(lab, name="cluster")).to_string()
    )
    print("\n" + "; ".join(f"{d.id} {y} {c}" for d, y, c in zip(docs, labels, lab)))
    for name, X in (("full", full), ("reduced", Z)):
        nn, n = E.nn_agreement(X, labels)
        print(f"\nnearest neighbour same premier, {name} space: {round(nn * n)}/{n}")
    raw = features(docs, "none")
    scaler = S.BlockScaler().fit(raw)
    W, blocks, ys = np.asarray(scaler.transform(raw), dtype=float), scaler.blocks_, np.array(labels)
    names = list(dict.fromkeys(labels))
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    rows = {}
    for b in dict.fromkeys(blocks.tolist()):
        X = W[:, blocks == b]
        if float(X.std()) == 0:
            continue
        rows[b] = {"all": silhouette_score(X, ys)}
        for a, c in pairs:
            m = (ys == a) | (ys == c)
            rows[b][f"{a}/{c}"] = silhouette_score(X[m], ys[m])
    print("\nsilhouette of the premiers, each block alone:\n")
    print(pd.DataFrame(rows).T.round(2).to_string())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--idea", action="append", choices=IDEAS)
    ap.add_argument("--set", action="append", choices=tuple(SETS))
    ap.add_argument("--json")
    ap.add_argument("--diagnose", action="store_true")
    args = ap.parse_args(argv)
    if args.diagnose:
        diagnose()
        return 0
    loaded = {name: SETS[name]() for name in args.set or SETS}
    E.score_ideas(args.idea or IDEAS, loaded, score, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
