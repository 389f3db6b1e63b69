"""Periods: a corpus in time order cut into the contiguous stretches whose documents share a structure.

:func:`~reportnlp.corpus.structure.cluster_documents` groups documents wherever they fall in time. Asking
whether reports follow eras is also asking *when* their structure changed, and that is a segmentation:
:func:`find_periods` cuts the documents, in year order, into ``k`` contiguous periods that minimise the sum
of squared distances of each document to its period's mean, in the weighted feature space of
:func:`~reportnlp.corpus.structure.make_pipeline` (the same features, scaled and block-weighted, as the
clustering). The cut is exact (Fisher's optimal partition by dynamic programming, O(k·n²): 52 reports take a
few milliseconds) and has no parameter beyond ``k``; ``k="auto"`` picks it by mean silhouette, as the
clustering does. Time order is the only thing it adds to the clustering: the eras never enter it.

>>> docs = ["一、回顾\\n\\n正文。\\n\\n二、任务\\n\\n正文。"] * 3 + ["各位代表：\\n\\n一是稳增长。\\n\\n二是促改革。"] * 3
>>> p = find_periods(docs, years=[1990, 1991, 1992, 2013, 2014, 2015], k=2)  # at least 2 a period
>>> p.breaks, p.periods[["first", "last", "size"]].values.tolist()
([2013], [[1990, 1992, 3], [2013, 2015, 3]])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional, Union

import numpy as np

from reportnlp.corpus.structure import (
    Progress,
    _tick,
    as_analysis,
    check_k,
    document_ids,
    make_pipeline,
)

__all__ = ["Periods", "find_periods", "optimal_segments"]


@dataclass
class Periods:
    """What :func:`find_periods` found.

    * ``assignments``: one row per document, in year order: ``id, year, period, signature``;
    * ``periods``: one row per period: ``period, first, last`` (years), ``size``, ``prototype`` (the id
      of the member nearest the period's mean) and its ``signature``;
    * ``breaks``: the first year of every period but the first; ``k``; ``cost`` (the within-period sum
      of squares); ``silhouette`` (mean over documents, NaN for one period); ``k_scores`` (mean
      silhouette of each ``k`` tried, for ``k="auto"``); ``features`` (the matrix, rows in year order).
    """

    assignments: Any
    periods: Any
    breaks: list[Any]
    k: int
    cost: float
    silhouette: float
    k_scores: dict[int, float] = field(default_factory=dict)
    features: Any = None


def optimal_segments(
    X: np.ndarray, k: int, min_size: int = 1, cuts: Optional[Sequence[bool]] = None
) -> tuple[list[int], float]:
    """Cut the rows of ``X`` (in order) into ``k`` contiguous segments of at least ``min_size`` rows and
    least total within-segment sum of squares; return the first row of each segment and that sum. Exact;
    the earliest cut wins a tie. ``cuts``, if given, says for each row whether a segment may start there
    (``find_periods``: only at a year's first document); a ``k`` no allowed cut reaches raises ValueError.

    >>> X = np.array([[0.0], [0.1], [5.0], [5.2], [9.0]])
    >>> optimal_segments(X, 3)[0], optimal_segments(X, 2, min_size=2)[0]
    ([0, 2, 4], [0, 2])
    >>> optimal_segments(X, 2, cuts=[True, True, False, True, True])[0]  # not between rows 1 and 2
    [0, 3]
    """
    X = np.asarray(X, dtype=float)
    n = len(X)
    if not 1 <= k <= n // max(1, min_size):
        raise ValueError(f"k must be from 1 to {n // max(1, min_size)}, not {k}")
    s1 = np.vstack([np.zeros(X.shape[1]), np.cumsum(X, axis=0)])
    s2 = np.concatenate([[0.0], np.cumsum((X * X).sum(axis=1))])

    def sse(i: np.ndarray, j: int) -> np.ndarray:  # rows i … j-1, for an array of starts i
        m = j - i
        d = s1[j] - s1[i]
        return s2[j] - s2[i] - (d * d).sum(axis=1) / m

    allowed = np.ones(n + 1, dtype=bool)
    if cuts is not None:
        if len(cuts) != n:
            raise ValueError(f"{len(cuts)} cuts for {n} rows")
        allowed[1:n] = np.asarray(cuts, dtype=bool)[1:]
    cost = np.full((k + 1, n + 1), np.inf)
    cut = np.zeros((k + 1, n + 1), dtype=int)
    cost[0, 0] = 0.0
    m = max(1, min_size)
    for seg in range(1, k + 1):
        for j in range(seg * m, n + 1):
            if j < n and not allowed[j]:
                continue
            starts = np.arange((seg - 1) * m, j - m + 1)
            starts = starts[allowed[starts]]
            if not len(starts):
                continue
            total = cost[seg - 1, starts] + sse(starts, j)
            best = int(np.argmin(total))  # the first minimum: the earliest cut
            cost[seg, j], cut[seg, j] = total[best], starts[best]
    if not np.isfinite(cost[k, n]):
        raise ValueError(f"no cut into {k} segments of at least {m} rows at the allowed places")
    bounds, j = [], n
    for seg in range(k, 0, -1):
        j = int(cut[seg, j])
        bounds.append(j)
    return bounds[::-1], float(max(cost[k, n], 0.0))


def find_periods(
    docs: Iterable[Any],
    years: Sequence[Any],
    k: Union[int, str] = "auto",
    *,
    min_size: int = 2,
    k_max: int = 8,
    ids: Optional[Sequence[str]] = None,
    progress: Optional[Progress] = None,
    **feature_params: Any,
) -> Periods:
    """Cut documents, in the order of ``years`` (a stable sort), into ``k`` contiguous periods of
    similar structure, each of at least ``min_size`` documents (a lone outlier, such as a report without
    headings, is not a period) and never splitting a year (a break is a year: the documents of one year,
    the provinces' reports of 2026, are in one period whatever their order); ``k="auto"`` tries 2 … ``k_max`` and keeps the best mean silhouette (the
    smaller ``k`` on a tie). ``docs`` as for :func:`~reportnlp.corpus.structure.cluster_documents`.
    ``progress(stage, done, total)``, if given, is told of each stage (``features``, each ``k`` tried).
    """
    import pandas as pd
    from sklearn.metrics import silhouette_samples

    analyses = [as_analysis(d) for d in docs]
    n = len(analyses)
    if n == 0:
        raise ValueError("find_periods needs at least one document")
    if len(years) != n:
        raise ValueError(f"{len(years)} years for {n} documents")
    ids = document_ids(analyses, ids)
    missing = [ids[i] for i, y in enumerate(years) if y is None or y != y]  # None or NaN: no year
    if missing:  # sorting them raised "'<' not supported between 'NoneType' and 'NoneType'"
        shown = ", ".join(map(str, missing[:3])) + (", …" if len(missing) > 3 else "")
        raise ValueError(
            f"{len(missing)} of {n} documents have no year ({shown}): leave them out, or give their "
            "years (record_year reads a title's, a date's or a speech's)"
        )
    check_k(k, n)
    order = sorted(range(n), key=lambda i: years[i])
    analyses = [analyses[i] for i in order]
    ids = [ids[i] for i in order]
    years = [years[i] for i in order]
    _tick(progress, "features", 0, 1)
    Z = make_pipeline(2, **feature_params)[:-1].fit_transform(analyses)
    _tick(progress, "features", 1, 1)

    def labels_of(bounds: list[int]) -> np.ndarray:
        labels = np.zeros(n, dtype=int)
        for p, b in enumerate(bounds):
            labels[b:] = p
        return labels

    def silhouette(labels: np.ndarray) -> float:
        return float(silhouette_samples(Z, labels).mean()) if 1 < labels.max() + 1 < n else np.nan

    # a period starts at a year's first document: documents of one year are never split between two
    # periods, so the periods do not depend on the input order of the documents of a year
    cuts = [i == 0 or years[i] != years[i - 1] for i in range(n)]
    k_scores: dict[int, float] = {}
    if k == "auto":
        best = None
        ks = range(2, min(k_max, n - 1, n // max(1, min_size), sum(cuts)) + 1)
        stage = f"segmenting k=2..{ks[-1]}" if ks else "segmenting"
        _tick(progress, stage, 0, len(ks))
        for done, kk in enumerate(ks, 1):
            try:
                score = silhouette(labels_of(optimal_segments(Z, kk, min_size, cuts)[0]))
            except ValueError:  # no kk periods of min_size documents cut between years
                score = float("nan")
            _tick(progress, stage, done, len(ks))
            if score != score:
                continue
            k_scores[kk] = score
            if best is None or score > k_scores[best] + 1e-9:  # the smaller k on a tie
                best = kk
        k = best or 1
    try:
        bounds, cost = optimal_segments(Z, int(k), min_size, cuts)
    except ValueError:
        raise ValueError(
            f"no {k} periods of at least {min_size} documents: a period starts at a new year, and the "
            f"{n} documents have {sum(cuts)} different years"
        ) from None
    labels = labels_of(bounds)

    signatures = [a.signature for a in analyses]
    rows = []
    for p, start in enumerate(bounds):
        end = bounds[p + 1] if p + 1 < len(bounds) else n
        members = Z[start:end]
        nearest = start + int(np.argmin(((members - members.mean(axis=0)) ** 2).sum(axis=1)))
        rows.append(
            {
                "period": p,
                "first": years[start],
                "last": years[end - 1],
                "size": end - start,
                "prototype": ids[nearest],
                "signature": signatures[nearest],
            }
        )
    assignments = pd.DataFrame(
        {"id": ids, "year": years, "period": labels, "signature": signatures}
    )
    return Periods(
        assignments=assignments,
        periods=pd.DataFrame(rows),
        breaks=[years[b] for b in bounds[1:]],
        k=int(k),
        cost=cost,
        silhouette=silhouette(labels),
        k_scores=k_scores,
        features=Z,
    )
