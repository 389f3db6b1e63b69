"""Session 11 (issue 13): three ideas for the drafting hand, measured and not shipped.

Each idea is scored as ``bench/eval_structure.py`` scores ours (k-means, 35 % of the variance kept, k auto by
mean silhouette from 2 to max(8, classes + 2), a given k in k - 1 components at least, a panel of years centred,
nearest neighbour in the full block-weighted space), on the State Council reports by premier (dev, the only set
anything was chosen on) and, once per idea, on the held-out CPC and provincial sets:

* ``eig``: multiple factor analysis' own balance, each block divided by its first singular value (its first
  principal axis then has the block's weight as variance) instead of by its total variance: a block whose
  hand is one strong direction (the headings' wording) no longer counts less for having many weak ones.
* ``cosine``: the block-weighted rows centred and scaled to unit length before ``Reduce`` (k-means and the
  silhouette then read angles: a report's profile, not how far it is from the mean; the nearest neighbour
  too).
* ``rhythm`` / ``depth`` / ``rhythm+depth``: more tokens in the heading-template block: each heading's
  clause rhythm (the masked lengths of its first three clauses, ``r:4-4``, ``r:6-M``) and its numbering
  style at its depth (``d:2（N）``, ``d:3s``), the sub-heading numbering habits of an office.

``python bench/structure_ideas_s11.py [--idea NAME ...] [--json FILE]``; no idea is in the library.
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

IDEAS = ("none", "eig", "cosine", "rhythm", "depth", "rhythm+depth")
SETS = {"premier": E.load_state_council, "cpc": E.load_cpc, "provincial": E.load_provincial}


def _bucket(n: int) -> str:
    return str(n) if n <= 8 else ("M" if n <= 12 else "L")


def extra_pattern_tokens(doc, rhythm: bool, depth: bool) -> list[str]:
    """The ``r:`` (clause rhythm) and ``d:`` (numbering style at depth) tokens of a document's headings."""
    a = S.as_analysis(doc)
    heads = list(a.headings)
    toks = []
    for h, d in zip(heads, S._depths(heads)):
        if rhythm:
            clauses = [c for c in S._CLAUSE_END.split(S.mask(S._title(h))) if c.strip()][:3]
            if clauses:
                toks.append("r:" + "-".join(_bucket(len(c)) for c in clauses))
        if depth:
            toks.append(f"d:{min(d, 4)}{S._marker_style(h)}")
    return toks


def features(docs, idea: str):
    """The raw StructureFeatures DataFrame, with the idea's extra pattern tokens when it has any."""
    original = S.outline_texts
    rhythm, depth = "rhythm" in idea, "depth" in idea
    if rhythm or depth:

        def patched(doc):
            out = original(doc)
            more = " ".join(extra_pattern_tokens(doc, rhythm, depth))
            out["patterns"] = (out["patterns"] + " " + more).strip()
            return out

        S.outline_texts = patched
    try:
        return S.StructureFeatures().set_output(transform="pandas").fit(docs).transform(docs)
    finally:
        S.outline_texts = original


def _unit_rows(A: np.ndarray) -> np.ndarray:
    A = A - A.mean(axis=0)
    n = np.linalg.norm(A, axis=1, keepdims=True)
    return A / np.where(n == 0, 1.0, n)


def weighted(raw, idea: str) -> np.ndarray:
    """The block-weighted full space (before ``Reduce``) of one idea."""
    scaler = S.BlockScaler().fit(raw)
    full = np.asarray(scaler.transform(raw), dtype=float)
    if idea == "eig":
        out = np.zeros_like(full)
        for b in dict.fromkeys(scaler.blocks_.tolist()):
            sel = scaler.blocks_ == b
            block = full[:, sel] - full[:, sel].mean(axis=0)
            s = np.linalg.svd(block, compute_uv=False)
            if s.size and s[0] > 0:
                w = S.DEFAULT_WEIGHTS.get(b, 1.0)
                out[:, sel] = block / s[0] * np.sqrt(len(full) * w)
        full = out
    return full


def score(docs, labels: list[str], idea: str) -> dict:
    from sklearn.metrics import adjusted_rand_score

    full = weighted(features(docs, idea), idea)
    years = S.panel_years(docs)
    if years is not None:
        full = np.asarray(S.centre_years(full, years), dtype=float)
    if idea == "cosine":
        full = _unit_rows(full)
    Z = np.asarray(S.Reduce(S.DEFAULT_VARIANCE).fit_transform(full), dtype=float)
    n_classes = len(set(labels))
    k, _ = S.choose_k(Z, "kmeans", max(8, n_classes + 2))
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
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--idea", action="append", choices=IDEAS)
    ap.add_argument("--set", action="append", choices=tuple(SETS))
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    loaded = {name: SETS[name]() for name in args.set or SETS}
    E.score_ideas(args.idea or IDEAS, loaded, score, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
