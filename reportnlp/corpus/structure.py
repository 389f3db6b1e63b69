"""Structure features and clustering: which outline template a report follows, as numbers and as groups.

A report's outline says more about the template it follows than its words do. :func:`structure_features`
reads one analysed document (a plain function) and returns named numbers; :class:`StructureFeatures` is the
scikit-learn transformer over it (``fit``/``transform``, usable in a ``Pipeline``) that adds character n-grams
of the outline signature; :func:`cluster_documents` scales the features, runs k-means (``k`` given, or chosen
by silhouette) and describes each cluster by its prototype: the member closest to the centroid, with its
signature and heading titles.

The documents may be :class:`~reportnlp.analysis.Analysis` objects, the JSONL records of ``reportnlp
analyse`` (dicts with ``text`` and the ``headings``, ``placeholders``, ``metrics`` and ``slogans`` spans), a
:class:`~reportnlp.types.CleanDoc`, or clean text (a string, or a dict with ``text`` and no spans), which is
analysed first. Raw pages must be cleaned first (:func:`reportnlp.clean`).

The named features (:data:`FEATURES`), per document:

* outline: ``n_headings``; ``n_level_1`` … ``n_level_4``, ``n_enum``, ``n_section``, ``n_unnumbered`` (one
  count per symbol of the signature: ``1`` ``2`` ``3`` ``4`` ``e`` ``s`` ``u``); ``max_depth`` (0 without
  headings); ``n_top`` (headings without a parent);
* the section-length profile: the top-level sections (from one top-level heading to the next, the last to the
  end) as shares of the text: ``preamble_share`` (text before the first heading; 1 without headings),
  ``section_mean_share``, ``section_max_share`` and ``section_cv`` (coefficient of variation, 0 for fewer
  than two sections);
* enumeration style in the whole text, heading or running text, per 1,000 characters: ``enum_shi_per_1k``
  (``一是``/``二是`` after a sentence or clause break), ``enum_di_per_1k`` (``第一，``), ``enum_paren_per_1k``
  (``（一）``), ``enum_arabic_per_1k`` (``（1）`` and ``1.``/``1、`` at a paragraph start);
* densities per 1,000 characters: ``placeholders_per_1k``, ``metrics_per_1k``, ``percent_per_1k`` (metrics
  in ``%`` or ``个百分点``), ``slogans_per_1k``, ``numbered_slogans_per_1k`` (``两个维护``, ``三大攻坚战``);
* ``log_length``: log10 of the number of characters (+1).

:class:`StructureFeatures` appends ``sig:<n-gram>`` columns: TF-IDF weights of character n-grams of the
signature with runs collapsed (``1(eeee)11(222)`` → ``^1(e+)1+(2+)$``: the shape, the counts being in the
named features), vocabulary learned in ``fit``; the ten outline counts enter as ``log(1 + n)``.

The model (:func:`make_pipeline`): ``StructureFeatures → StandardScaler → BlockWeights → KMeans``. The
weights give each block of features (outline, sections, enumeration, density, signature) the same total
variance, so no block wins by its number of columns; k-means runs 50 starts from a fixed seed.
:func:`agreement` compares clusters with reference classes (the eras of :mod:`reportnlp.corpus.eras`).

>>> from reportnlp.analysis import analyse
>>> a = analyse("各位代表：\\n\\n一、工作回顾\\n\\n一是稳增长，经济增长5%。\\n\\n二是抓改革，持续深化改革。\\n\\n"
...             "二、今年的任务\\n\\n（一）扩大内需。\\n\\n（二）稳定就业。")
>>> a.signature, compact_signature(a.signature)
('1(ee)1(22)', '^1(e+)1(2+)$')
>>> f = structure_features(a)
>>> f["n_level_1"], f["n_enum"], f["n_level_2"], f["max_depth"], f["n_top"]
(2.0, 2.0, 2.0, 2.0, 2.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Optional, Union

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from reportnlp.analysers.headings import Heading, structure_signature
from reportnlp.analysers.metrics import Metric
from reportnlp.analysers.placeholders import Placeholder
from reportnlp.analysers.slogans import Slogan
from reportnlp.analysis import Analysis, analyse
from reportnlp.types import CleanDoc

__all__ = [
    "COUNT_FEATURES",
    "FEATURES",
    "FEATURE_BLOCKS",
    "BlockWeights",
    "Clustering",
    "StructureFeatures",
    "agreement",
    "as_analysis",
    "cluster_documents",
    "compact_signature",
    "make_pipeline",
    "outline",
    "structure_features",
]

#: The named features of :func:`structure_features`, in column order.
FEATURES = (
    "n_headings",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_enum",
    "n_section",
    "n_unnumbered",
    "max_depth",
    "n_top",
    "preamble_share",
    "section_mean_share",
    "section_max_share",
    "section_cv",
    "enum_shi_per_1k",
    "enum_di_per_1k",
    "enum_paren_per_1k",
    "enum_arabic_per_1k",
    "placeholders_per_1k",
    "metrics_per_1k",
    "percent_per_1k",
    "slogans_per_1k",
    "numbered_slogans_per_1k",
    "log_length",
)

#: The block of each named feature; :class:`BlockWeights` gives each block the same total weight.
FEATURE_BLOCKS = (
    ("outline",) * 10 + ("sections",) * 4 + ("enumeration",) * 4 + ("density",) * 5 + ("sections",)
)
#: The count features, which :class:`StructureFeatures` takes as ``log(1 + n)`` unless ``log_counts=False``.
COUNT_FEATURES = FEATURES[:10]

_SYMBOL_FEATURE = {
    "1": "n_level_1",
    "2": "n_level_2",
    "3": "n_level_3",
    "4": "n_level_4",
    "e": "n_enum",
    "s": "n_section",
    "u": "n_unnumbered",
}
_CN = "[一二三四五六七八九十]{1,3}"
_ENUM_SHI = re.compile(rf"(?:^|(?<=[。；;：:，,！？\n]))[ \t\u3000]*{_CN}是", re.M)
_ENUM_DI = re.compile(rf"第{_CN}[，,、：:]")
_ENUM_PAREN = re.compile(rf"[（(]{_CN}[）)]")
_ENUM_ARABIC = re.compile(r"[（(][0-9]{1,2}[）)]|^[ \t\u3000]*[0-9]{1,2}[.．、](?![0-9])", re.M)
_RUN = re.compile(r"([1-4esu])\1+")
_PERCENT_UNITS = ("%", "个百分点")


def compact_signature(signature: str) -> str:
    """The signature's shape: runs of one symbol collapsed to ``x+``, start and end marked ``^`` ``$``.

    >>> compact_signature("1(eeeeeeee)11(2222222222)")
    '^1(e+)1+(2+)$'
    >>> compact_signature("")
    '^$'
    """
    return "^" + _RUN.sub(r"\1+", signature) + "$"


# --- one document ----------------------------------------------------------------------------------


def _build(cls, items: Any) -> list:
    names = [f.name for f in fields(cls)]
    out = []
    for d in items or []:
        kw = {n: d.get(n) for n in names if n in d}
        for k, v in kw.items():
            if isinstance(v, list):
                kw[k] = tuple(v)
        out.append(cls(**kw))
    return out


def as_analysis(doc: Any) -> Analysis:
    """``doc`` as an :class:`Analysis`: as it is, rebuilt from a ``reportnlp analyse`` record, or analysed.

    A dict with ``headings`` is read as an analyse record (its spans are taken as they are); a dict with only
    ``text`` (or ``content``), a :class:`CleanDoc` or a string is analysed (it must be clean text already).

    >>> a = as_analysis({"id": "x", "text": "一、总结\\n\\n正文。", "headings": [
    ...     {"start": 0, "end": 4, "text": "一、总结", "level": 1, "marker": "一、", "parent": None}]})
    >>> a.id, a.signature
    ('x', '1')
    """
    if isinstance(doc, Analysis):
        return doc
    if isinstance(doc, (CleanDoc, str)):
        return analyse(doc)
    if isinstance(doc, dict):
        text = doc.get("text", doc.get("content"))
        if not isinstance(text, str):
            raise TypeError("a document dict needs a 'text' (or 'content') string")
        if "headings" not in doc:
            a = analyse(text, title=doc.get("title"), id=doc.get("id"))
            a.meta = dict(doc.get("meta") or {})
            return a
        return Analysis(
            text=text,
            id=doc.get("id"),
            title=doc.get("title"),
            meta=dict(doc.get("meta") or {}),
            placeholders=_build(Placeholder, doc.get("placeholders")),
            metrics=_build(Metric, doc.get("metrics")),
            slogans=_build(Slogan, doc.get("slogans")),
            headings=_build(Heading, doc.get("headings")),
        )
    raise TypeError(
        f"cannot read a {type(doc).__name__} as a document; pass Analysis, an analyse record, "
        "CleanDoc or clean text"
    )


def _depths(headings: Sequence[Heading]) -> list[int]:
    depths: list[int] = []
    for h in headings:  # a parent always comes before its children
        depths.append(1 if h.parent is None else depths[h.parent] + 1)
    return depths


def structure_features(doc: Any) -> dict[str, float]:
    """The named structure features of one document (see the module docstring), in :data:`FEATURES` order.

    >>> f = structure_features("前言。\\n\\n一、回顾\\n\\n过去一年，一是稳增长，二是促改革。\\n\\n二、任务\\n\\n第一，扩内需。")
    >>> f["n_level_1"], f["enum_shi_per_1k"] > 0, f["enum_di_per_1k"] > 0, round(f["preamble_share"], 2)
    (2.0, True, True, 0.12)
    """
    a = as_analysis(doc)
    text = a.text
    n = len(text)
    per_1k = 1000.0 / n if n else 0.0
    f = dict.fromkeys(FEATURES, 0.0)
    heads = a.headings
    signature = structure_signature(heads)
    for symbol in signature:
        if symbol in _SYMBOL_FEATURE:
            f[_SYMBOL_FEATURE[symbol]] += 1.0
    f["n_headings"] = float(len(heads))
    f["max_depth"] = float(max(_depths(heads), default=0))
    tops = [h.start for h in heads if h.parent is None]
    f["n_top"] = float(len(tops))
    if n:
        f["preamble_share"] = (tops[0] if tops else n) / n
        if tops:
            lengths = np.diff(np.array(tops + [n], dtype=float)) / n
            f["section_mean_share"] = float(lengths.mean())
            f["section_max_share"] = float(lengths.max())
            mean = lengths.mean()
            f["section_cv"] = float(lengths.std() / mean) if len(lengths) > 1 and mean else 0.0
    f["enum_shi_per_1k"] = len(_ENUM_SHI.findall(text)) * per_1k
    f["enum_di_per_1k"] = len(_ENUM_DI.findall(text)) * per_1k
    f["enum_paren_per_1k"] = len(_ENUM_PAREN.findall(text)) * per_1k
    f["enum_arabic_per_1k"] = len(_ENUM_ARABIC.findall(text)) * per_1k
    f["placeholders_per_1k"] = len(a.placeholders) * per_1k
    f["metrics_per_1k"] = len(a.metrics) * per_1k
    f["percent_per_1k"] = sum(m.unit in _PERCENT_UNITS for m in a.metrics) * per_1k
    f["slogans_per_1k"] = len(a.slogans) * per_1k
    f["numbered_slogans_per_1k"] = sum(s.kind == "numbered" for s in a.slogans) * per_1k
    f["log_length"] = math.log10(n + 1)
    return f


def outline(doc: Any, *, width: int = 40) -> list[dict[str, Any]]:
    """The headings as an outline: ``depth`` (1 at the top), ``level``, ``marker`` and ``text`` (cut at
    ``width`` characters with ``…``).

    >>> [(o["depth"], o["text"]) for o in outline("一、总结\\n\\n一是抓学习，效果很好。\\n\\n二是抓落实，成效明显。\\n\\n二、打算")]
    [(1, '一、总结'), (2, '一是抓学习，效果很好。'), (2, '二是抓落实，成效明显。'), (1, '二、打算')]
    """
    a = as_analysis(doc)
    out = []
    for h, depth in zip(a.headings, _depths(a.headings)):
        t = h.text if len(h.text) <= width else h.text[: width - 1] + "…"
        out.append({"depth": depth, "level": h.level, "marker": h.marker, "text": t})
    return out


# --- the transformers ------------------------------------------------------------------------------


class StructureFeatures(TransformerMixin, BaseEstimator):
    """Documents → structure features: the named :data:`FEATURES` then signature n-gram TF-IDF columns.

    ``X`` is a list of documents (Analysis objects, ``reportnlp analyse`` records, CleanDocs or clean
    texts); ``transform`` returns a float array of shape ``(len(X), len(get_feature_names_out()))``.

    Parameters (stored as given; used in ``fit``):

    * ``log_counts``: the ten outline counts (:data:`COUNT_FEATURES`) enter as ``log(1 + n)`` (True): 49
      enumerations against 8 is more, not six times as different;
    * ``ngram_range``: the n-gram sizes over :func:`compact_signature` (``(2, 4)``; ``None``: no n-grams);
    * ``min_df``: documents an n-gram must occur in to be kept (2);
    * ``max_ngrams``: keep the most frequent n-grams only (24).

    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import StandardScaler
    >>> docs = ["一、回顾\\n\\n一是稳增长，成效明显。\\n\\n二是促改革，成效明显。\\n\\n二、任务\\n\\n（一）扩大内需。",
    ...         "一、回顾\\n\\n过去一年。\\n\\n二、任务\\n\\n（一）扩大内需。\\n\\n（二）稳定就业。", "没有标题的决议。"]
    >>> pipe = make_pipeline(StructureFeatures(), StandardScaler()).fit(docs)
    >>> pipe.transform(docs).shape == (3, len(pipe[0].get_feature_names_out()))
    True
    >>> [compact_signature(as_analysis(d).signature) for d in docs]
    ['^1(e+)1(2)$', '^1+(2+)$', '^$']
    >>> [n for n in pipe[0].get_feature_names_out() if n.startswith("sig:")]  # in two documents at least
    ['sig:(2', 'sig:)$', 'sig:+)', 'sig:^1']
    """

    def __init__(self, log_counts=True, ngram_range=(2, 4), min_df=2, max_ngrams=24):
        self.log_counts = log_counts
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_ngrams = max_ngrams

    def _named(self, analyses: list[Analysis]) -> np.ndarray:
        X = np.array([list(structure_features(a).values()) for a in analyses], dtype=float)
        X = X.reshape(len(analyses), len(FEATURES))
        if self.log_counts:
            X[:, : len(COUNT_FEATURES)] = np.log1p(X[:, : len(COUNT_FEATURES)])
        return X

    def fit(self, X, y=None):
        """Learn the signature n-gram vocabulary and IDF weights; returns ``self``."""
        analyses = [as_analysis(d) for d in X]
        if not analyses:
            raise ValueError("StructureFeatures.fit needs at least one document")
        signatures = [compact_signature(a.signature) for a in analyses]
        self.vectorizer_ = None
        if self.ngram_range is not None:
            from sklearn.feature_extraction.text import TfidfVectorizer

            min_df = self.min_df
            if isinstance(min_df, (int, np.integer)):
                min_df = min(int(min_df), len(analyses))
            vec = TfidfVectorizer(
                analyzer="char",
                ngram_range=tuple(self.ngram_range),
                lowercase=False,
                min_df=min_df,
                max_features=self.max_ngrams,
                sublinear_tf=True,
            )
            try:
                self.vectorizer_ = vec.fit(signatures)
            except ValueError:  # no n-gram frequent enough: the named features only
                self.vectorizer_ = None
        ngrams = [] if self.vectorizer_ is None else list(self.vectorizer_.get_feature_names_out())
        names = list(FEATURES) + [f"sig:{g}" for g in ngrams]
        self.feature_names_out_ = np.array(names, dtype=object)
        self.feature_blocks_ = np.array(list(FEATURE_BLOCKS) + ["signature"] * len(ngrams))
        return self

    def transform(self, X):
        """The feature matrix of ``X`` (float, one row per document)."""
        check_is_fitted(self, "feature_names_out_")
        analyses = [as_analysis(d) for d in X]
        named = self._named(analyses)
        if self.vectorizer_ is None:
            return named
        signatures = [compact_signature(a.signature) for a in analyses]
        return np.hstack([named, self.vectorizer_.transform(signatures).toarray()])

    def get_feature_names_out(self, input_features=None):
        """``FEATURES`` then ``sig:<n-gram>`` for each learned n-gram."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()


class BlockWeights(TransformerMixin, BaseEstimator):
    """Weigh standardised columns so that each block of features counts the same: a column of a block of
    ``m`` columns is multiplied by ``1/sqrt(m)`` (the block's total variance is then 1, as in multiple
    factor analysis). Without it the two dozen signature n-grams would outweigh the four enumeration styles.

    ``blocks`` is one label per column; None reads the layout of :class:`StructureFeatures`
    (:data:`FEATURE_BLOCKS`, then one ``signature`` block for the remaining columns).

    >>> BlockWeights(blocks=["a", "a", "a", "a", "b"]).fit_transform(np.ones((1, 5))).round(2).tolist()
    [[0.5, 0.5, 0.5, 0.5, 1.0]]
    """

    def __init__(self, blocks=None):
        self.blocks = blocks

    def fit(self, X, y=None):
        """Compute the weight of each column from the blocks; returns ``self``."""
        n = np.asarray(X).shape[1]
        blocks = self.blocks
        if blocks is None:
            named = list(FEATURE_BLOCKS[:n])
            blocks = named + ["signature"] * (n - len(named))
        blocks = np.asarray(blocks)
        if len(blocks) != n:
            raise ValueError(f"{len(blocks)} block labels for {n} columns")
        sizes = {b: int((blocks == b).sum()) for b in set(blocks.tolist())}
        self.weights_ = np.array([1.0 / math.sqrt(sizes[b]) for b in blocks.tolist()])
        return self

    def transform(self, X):
        """``X`` times the column weights."""
        check_is_fitted(self, "weights_")
        return np.asarray(X, dtype=float) * self.weights_

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "weights_")
        if input_features is None:
            return np.array([f"x{i}" for i in range(len(self.weights_))], dtype=object)
        return np.asarray(input_features, dtype=object)


def make_pipeline(k: int = 4, *, random_state: int = 0, **feature_params: Any):
    """``StructureFeatures → StandardScaler → BlockWeights → KMeans(k)``, the model of
    :func:`cluster_documents` (which also picks ``k`` and describes the clusters).

    >>> make_pipeline(2).fit(["一、回顾\\n\\n正文。\\n\\n二、任务\\n\\n正文。"] * 2 + ["决议。"] * 2).predict(["决议。"]).shape
    (1,)
    """
    from sklearn.cluster import KMeans
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline(
        [
            ("features", StructureFeatures(**feature_params)),
            ("scale", StandardScaler()),
            ("blocks", BlockWeights()),
            ("kmeans", KMeans(n_clusters=k, n_init=50, random_state=random_state)),
        ]
    )


# --- clustering ------------------------------------------------------------------------------------


@dataclass
class Clustering:
    """What :func:`cluster_documents` found.

    * ``assignments``: one row per document, in input order: ``id, cluster, silhouette`` (the document's
      own), ``distance`` (to its cluster's centre, in the weighted feature space), ``prototype`` (True for
      the member closest to the centre), ``title``, ``signature``, then the named :data:`FEATURES` (raw:
      counts as counts);
    * ``clusters``: one row per cluster: ``cluster, size, silhouette`` (its members' mean), ``prototype``
      (its id), ``title``, ``signature``, ``outline`` (the prototype's headings, one a line, indented by
      depth) and ``traits`` (the named features whose cluster mean lies furthest from the corpus mean, in
      standard deviations, at least 0.5 away);
    * ``k``; ``silhouette`` (the mean over all documents; NaN for one cluster); ``k_scores`` (mean
      silhouette of each ``k`` tried, when ``k`` was ``"auto"``); ``features`` (the matrix clustered);
      ``feature_names``; ``model`` (the fitted :func:`make_pipeline`); ``outlines`` (each cluster's
      prototype outline as dicts, see :func:`outline`).
    """

    assignments: Any
    clusters: Any
    k: int
    silhouette: float
    k_scores: dict[int, float] = field(default_factory=dict)
    features: Any = None
    feature_names: list[str] = field(default_factory=list)
    model: Any = None
    outlines: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON: ``k``, ``silhouette``, ``k_scores`` and per cluster its prototype and members."""
        clusters = []
        for row in self.clusters.to_dict("records"):
            c = int(row["cluster"])
            members = self.assignments.loc[self.assignments["cluster"] == c, "id"].tolist()
            clusters.append(
                {
                    "cluster": c,
                    "size": int(row["size"]),
                    "silhouette": _num(row["silhouette"]),
                    "prototype": {
                        "id": row["prototype"],
                        "title": row["title"],
                        "signature": row["signature"],
                        "outline": self.outlines.get(c, []),
                    },
                    "traits": row["traits"],
                    "members": [str(m) for m in members],
                }
            )
        return {
            "k": self.k,
            "silhouette": _num(self.silhouette),
            "k_scores": {str(k): _num(v) for k, v in self.k_scores.items()},
            "clusters": clusters,
        }


def _num(x: Any) -> Optional[float]:
    x = float(x)
    return None if math.isnan(x) else round(x, 6)


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Clusters numbered 0, 1, … in the order of their first member in the input."""
    order: dict[int, int] = {}
    for lab in labels.tolist():
        order.setdefault(int(lab), len(order))
    return np.array([order[int(lab)] for lab in labels.tolist()], dtype=int)


def document_ids(analyses: Sequence[Analysis], ids: Optional[Sequence[str]]) -> list[str]:
    """``ids`` checked against the documents, or by default each document's ``id`` (else its position)."""
    if ids is None:
        return [str(a.id) if a.id is not None else str(i) for i, a in enumerate(analyses)]
    if len(ids) != len(analyses):
        raise ValueError(f"{len(ids)} ids for {len(analyses)} documents")
    return list(ids)


def check_k(k: Any, n: int) -> None:
    """``k`` is ``"auto"`` or a number of groups from 1 to ``n`` (the documents)."""
    if k != "auto" and (
        isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n
    ):
        raise ValueError(f"k must be 'auto' or an integer from 1 to {n} (the documents), not {k!r}")


def cluster_documents(
    docs: Iterable[Any],
    k: Union[int, str] = "auto",
    *,
    random_state: int = 0,
    k_max: int = 8,
    ids: Optional[Sequence[str]] = None,
    **feature_params: Any,
) -> Clustering:
    """Cluster documents by structure (:func:`make_pipeline`); ``k="auto"`` picks k by silhouette.

    ``docs`` as for :class:`StructureFeatures`; ``feature_params`` go to it. ``k="auto"`` tries 2 …
    ``k_max`` (at most the number of distinct feature rows, and ``n - 1``) and keeps the k with the best
    mean silhouette (the smaller on a tie); fewer than three documents, or documents all alike, make one
    cluster. ``ids`` default to each document's ``id`` (else its position). The result is the same on
    every run: k-means has a fixed ``random_state`` and clusters are numbered by their first member.

    >>> docs = ["一、回顾\\n\\n一是稳增长，成效明显。\\n\\n二是促改革，成效明显。\\n\\n二、任务\\n\\n（一）扩大内需。"] * 3 + [
    ...         "大会批准这个报告。", "大会同意这个报告。", "大会决定批准报告。"]
    >>> c = cluster_documents(docs, k="auto")
    >>> c.k, c.assignments["cluster"].tolist(), c.clusters["signature"].tolist()
    (2, [0, 0, 0, 1, 1, 1], ['1(ee)1(2)', ''])
    >>> print(c.clusters["outline"][0])
    一、回顾
      一是稳增长，成效明显。
      二是促改革，成效明显。
    二、任务
      （一）扩大内需。
    """
    import pandas as pd
    from sklearn.metrics import silhouette_samples, silhouette_score

    analyses = [as_analysis(d) for d in docs]
    n = len(analyses)
    if n == 0:
        raise ValueError("cluster_documents needs at least one document")
    ids = document_ids(analyses, ids)
    check_k(k, n)

    pipe = make_pipeline(2, random_state=random_state, **feature_params)
    head = pipe[:-1].fit(analyses)
    Z = head.transform(analyses)
    n_distinct = len(np.unique(Z.round(9), axis=0))

    k_scores: dict[int, float] = {}
    if k == "auto":
        k = 1
        best = -np.inf
        for kk in range(2, min(k_max, n - 1, n_distinct) + 1):
            labels = pipe[-1].set_params(n_clusters=kk).fit(Z).labels_
            score = float(silhouette_score(Z, labels))
            k_scores[kk] = score
            if score > best + 1e-9:
                best, k = score, kk
    kmeans = pipe[-1].set_params(n_clusters=int(k)).fit(Z)
    raw = kmeans.labels_
    labels = _relabel(raw)
    k = int(labels.max()) + 1
    centres = np.array([kmeans.cluster_centers_[raw[labels == c][0]] for c in range(k)])
    distance = np.linalg.norm(Z - centres[labels], axis=1)
    if k >= 2:
        sil = silhouette_samples(Z, labels)
        overall = float(sil.mean())
    else:
        sil = np.full(n, np.nan)
        overall = float("nan")

    raw_features = pd.DataFrame([structure_features(a) for a in analyses], columns=list(FEATURES))
    standard = head.named_steps["scale"].transform(head.named_steps["features"].transform(analyses))
    signatures = [a.signature for a in analyses]
    prototype = np.zeros(n, dtype=bool)
    rows = []
    outlines: dict[int, list[dict[str, Any]]] = {}
    for c in range(k):
        members = np.flatnonzero(labels == c)
        p = int(members[np.argmin(distance[members])])  # the first in input order on a tie
        prototype[p] = True
        outlines[c] = outline(analyses[p])
        mean = standard[members, : len(FEATURES)].mean(axis=0)
        top = np.argsort(-np.abs(mean), kind="stable")[:4]
        rows.append(
            {
                "cluster": c,
                "size": len(members),
                "silhouette": float(np.mean(sil[members])),
                "prototype": ids[p],
                "title": analyses[p].title,
                "signature": signatures[p],
                "outline": "\n".join("  " * (o["depth"] - 1) + o["text"] for o in outlines[c]),
                "traits": ", ".join(
                    f"{FEATURES[j]} {mean[j]:+.1f}" for j in top if abs(mean[j]) >= 0.5
                ),
            }
        )
    assignments = pd.DataFrame(
        {
            "id": list(ids),
            "cluster": labels,
            "silhouette": sil,
            "distance": distance,
            "prototype": prototype,
            "title": [a.title for a in analyses],
            "signature": signatures,
        }
    )
    return Clustering(
        assignments=pd.concat([assignments, raw_features], axis=1),
        clusters=pd.DataFrame(rows),
        k=k,
        silhouette=overall,
        k_scores=k_scores,
        features=Z,
        feature_names=list(head.named_steps["features"].get_feature_names_out()),
        model=pipe,
        outlines=outlines,
    )


def agreement(reference: Sequence[Any], clusters: Sequence[Any]) -> dict[str, float]:
    """How well clusters match reference classes: adjusted Rand index (0 for chance, 1 for a perfect
    match), normalised mutual information and purity (the share of documents in their cluster's most
    common class: 1.0 for one cluster per document, so read it with the number of clusters).

    >>> agreement(["a", "a", "b", "b"], [0, 0, 1, 1]) == {"ari": 1.0, "nmi": 1.0, "purity": 1.0}
    True
    >>> round(agreement(["a", "a", "b", "b"], [0, 1, 0, 1])["ari"], 2), agreement(["a", "b"], [0, 0])["purity"]
    (-0.5, 0.5)
    """
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    reference, clusters = list(reference), list(clusters)
    if len(reference) != len(clusters):
        raise ValueError("reference and clusters differ in length")
    majority = 0
    for c in set(clusters):
        members = [r for r, k in zip(reference, clusters) if k == c]
        majority += max(members.count(r) for r in set(members))
    return {
        "ari": float(adjusted_rand_score(reference, clusters)),
        "nmi": float(normalized_mutual_info_score(reference, clusters)),
        "purity": majority / len(reference) if reference else 0.0,
    }
