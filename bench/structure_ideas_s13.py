"""Session 13 (issue 13): the drafting hand with the clusters' space and k left to an ensemble.

Diagnosis (``python bench/eval_structure.py --set all`` and ``--diagnose`` of session 12's script): with k auto
the library picks k = 7, the number of premiers, so the criterion is not what loses the ARI; the features put
Li Qiang with Li Keqiang, 2003 with Wen Jiabao and split Wen in two, and the four principal components the
clusters are fitted in (35 % of the variance) keep the nearest neighbour right for 31/42 reports against 36/42
in the full weighted space. The space (how many components) was chosen on the dev labels; the ideas here
take that choice away instead of tuning it again. Each is scored as sessions 11 and 12 scored theirs (the
library's features and weights, a panel of years centred, nearest neighbour in the full weighted space), on the
State Council reports by premier (dev) and on the held-out CPC and provincial sets:

* ``full``: k-means in the full weighted space, no ``Reduce``; k by the best mean silhouette there.
* ``eac-k``: evidence accumulation (Fred and Jain 2005): k-means for every k from 2 to k max in the library's
  reduced space (35 %), the share of partitions that put two reports together as their similarity, average
  linkage on one minus it, k auto where the dendrogram's level is longest-lived (the largest gap between
  successive merge heights, k from 2 to k max).
* ``eac-dims``: the same ensemble over the number of components too: k-means for every k from 2 to k max in
  the first 1, 2, …, 8 principal components of the full weighted space (no variance share to choose).
* ``eac-blocks``: the same ensemble over the blocks: k-means for every k in each block alone (its own
  35 % of variance), each partition counted with its block's weight.

``python bench/structure_ideas_s13.py [--idea NAME ...] [--set NAME ...] [--json FILE]``; no idea is in the
library. Session 12's ``features`` and ``SETS`` are reused by import.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_structure as E  # noqa: E402
import structure_ideas_s12 as S12  # noqa: E402

import reportnlp.corpus.structure as S  # noqa: E402

IDEAS = ("none", "full", "eac-k", "eac-dims", "eac-blocks")
SETS = S12.SETS
DIMS = 8


def _kmeans(X: np.ndarray, k: int) -> np.ndarray:
    from sklearn.cluster import KMeans

    return KMeans(k, n_init=10, random_state=0).fit(X).labels_


def coassociation(parts: list[np.ndarray], weights: list[float] | None = None) -> np.ndarray:
    """The weighted share of partitions that put each pair of documents in one cluster."""
    w = np.ones(len(parts)) if weights is None else np.asarray(weights, dtype=float)
    n = len(parts[0])
    M = np.zeros((n, n))
    for p, wi in zip(parts, w):
        M += wi * (p[:, None] == p[None, :])
    return M / w.sum()


def lifetime_cut(M: np.ndarray, k_max: int, k: int | None = None) -> tuple[int, np.ndarray]:
    """Average linkage on ``1 - M``; k given, or the k in 2..k_max whose level lives longest."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    D = 1.0 - M
    np.fill_diagonal(D, 0.0)
    L = linkage(squareform(D, checks=False), method="average")
    n = len(M)
    if k is None:
        h = L[:, 2]
        lives = {kk: h[n - kk] - h[n - kk - 1] for kk in range(2, min(k_max, n - 1) + 1)}
        k = max(lives, key=lambda kk: (round(lives[kk], 12), -kk))
    return k, fcluster(L, k, "maxclust") - 1


def ensemble(idea: str, full: np.ndarray, blocks: np.ndarray, k_max: int) -> np.ndarray:
    """The co-association matrix of one ``eac-*`` idea."""
    ks = range(2, min(k_max, len(full) - 1) + 1)
    if idea == "eac-k":
        Z = np.asarray(S.Reduce(S.DEFAULT_VARIANCE).fit_transform(full), dtype=float)
        return coassociation([_kmeans(Z, k) for k in ks])
    if idea == "eac-dims":
        from sklearn.decomposition import PCA

        P = PCA(svd_solver="full").fit_transform(full)
        dims = range(1, min(DIMS, P.shape[1]) + 1)
        return coassociation([_kmeans(P[:, :c], k) for c in dims for k in ks])
    parts, ws = [], []
    for b in dict.fromkeys(blocks.tolist()):
        w = S.DEFAULT_WEIGHTS.get(b, 1.0)
        X = full[:, blocks == b]
        if w == 0 or float(X.var(axis=0).sum()) == 0:
            continue
        Z = np.asarray(S.Reduce(S.DEFAULT_VARIANCE).fit_transform(X), dtype=float)
        for k in ks:
            parts.append(_kmeans(Z, k))
            ws.append(w)
    return coassociation(parts, ws)


def score(docs, labels: list[str], idea: str) -> dict:
    from sklearn.metrics import adjusted_rand_score

    n_classes = len(set(labels))
    k_max = max(8, n_classes + 2)
    raw = S12.features(docs, "none")
    scaler = S.BlockScaler().fit(raw)
    full = np.asarray(scaler.transform(raw), dtype=float)
    years = S.panel_years(docs)
    if years is not None:
        full = np.asarray(S.centre_years(full, years), dtype=float)
    if idea.startswith("eac"):
        M = ensemble(idea, full, scaler.blocks_, k_max)
        k, auto = lifetime_cut(M, k_max)
        _, at_classes = lifetime_cut(M, k_max, n_classes)
    else:
        Z = full if idea == "full" else np.asarray(S.Reduce(S.DEFAULT_VARIANCE).fit_transform(full))
        k, _ = S.choose_k(Z, "kmeans", k_max)
        auto = S._clusterer("kmeans", k, 0).fit(Z).labels_
        Zk = Z
        if idea == "none" and Z.shape[1] < n_classes - 1:
            Zk = S.Reduce(S.DEFAULT_VARIANCE, min_components=n_classes - 1).fit_transform(full)
        at_classes = S._clusterer("kmeans", n_classes, 0).fit(np.asarray(Zk, dtype=float)).labels_
    nn, n = E.nn_agreement(full, labels)
    return {
        "ari_k_classes": round(float(adjusted_rand_score(labels, at_classes)), 3),
        "ari_k_auto": round(float(adjusted_rand_score(labels, auto)), 3),
        "k_auto": int(k),
        "nn": f"{round(nn * n)}/{n}",
        "clusters_k_auto": [int(x) for x in auto],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--idea", action="append", choices=IDEAS)
    ap.add_argument("--set", action="append", choices=tuple(SETS))
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="X does not have valid feature names")
    loaded = {name: SETS[name]() for name in args.set or SETS}
    E.score_ideas(args.idea or IDEAS, loaded, score, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
