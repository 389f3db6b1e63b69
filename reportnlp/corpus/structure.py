"""Structure features and clustering: which outline a report follows and how its drafters write it.

A report's outline, and the way its office words that outline, say more about who drafted it than its body's
vocabulary does. :func:`structure_features` reads one analysed document (a plain function) and returns named
numbers; :class:`StructureFeatures` is the scikit-learn transformer over it (``fit``/``transform``, usable in
a ``Pipeline``) that adds the signature's n-grams and four blocks learned from how the outline is written;
:func:`cluster_documents` scales and weighs the blocks, clusters (k-means, Ward or average linkage; ``k``
given, or chosen by silhouette) and describes each cluster by its prototype (the member closest to the
centroid, with its outline) and by the features that set it apart; :func:`nearest_documents` gives each
document its nearest by structure and what they share.

The documents may be :class:`~reportnlp.analysis.Analysis` objects, the JSONL records of ``reportnlp
analyse`` (dicts with ``text`` and the ``headings``, ``placeholders``, ``metrics`` and ``slogans`` spans), a
:class:`~reportnlp.types.CleanDoc`, or clean text (a string, or a dict with ``text`` and no spans), which is
analysed first. Raw pages must be cleaned first (:func:`reportnlp.clean`).

The named features (:data:`FEATURES`), per document, by block (:data:`FEATURE_BLOCKS`):

* ``outline``: ``n_headings``; ``n_level_1`` … ``n_level_4``, ``n_enum``, ``n_section``, ``n_unnumbered`` (one
  count per symbol of the signature: ``1`` ``2`` ``3`` ``4`` ``e`` ``s`` ``u``); ``max_depth`` (0 without
  headings); ``n_top`` (headings without a parent);
* ``sections`` (proportions): the top-level sections (from one top-level heading to the next, the last to the
  end) as shares of the text: ``preamble_share`` (text before the first heading; 1 without headings),
  ``section_mean_share``, ``section_max_share`` and ``section_cv`` (coefficient of variation, 0 for fewer
  than two sections); ``log_length``: log10 of the number of characters (+1);
* ``enumeration`` habits in the whole text, heading or running text, per 1,000 characters: ``enum_shi_per_1k``
  (``一是``/``二是`` after a sentence or clause break), ``enum_di_per_1k`` (``第一，``), ``enum_paren_per_1k``
  (``（一）``), ``enum_arabic_per_1k`` (``（1）`` and ``1.``/``1、`` at a paragraph start);
* ``density`` per 1,000 characters: ``placeholders_per_1k``, ``metrics_per_1k``, ``percent_per_1k`` (metrics
  in ``%`` or ``个百分点``), ``slogans_per_1k``, ``numbered_slogans_per_1k`` (``两个维护``, ``三大攻坚战``);
* ``habits`` of the paragraphs: ``log_paragraphs`` (log10 of the body paragraphs + 1), ``paragraph_log_chars``
  (their mean log10 length), ``lead_sentence_share`` (paragraphs opening with a short lead sentence of their
  own, :func:`lead_tokens`), ``heading_mean_chars``, ``enum_shouxian_per_1k`` (``首先，``/``其次，``) and
  ``dash_items_per_1k`` (paragraphs opening with ``——``).

:class:`StructureFeatures` then appends term blocks, vocabularies learned in ``fit`` (TF-IDF, sublinear tf,
terms in two documents at least): ``signature`` (``sig:``: character n-grams of the signature with runs
collapsed, ``1(eeee)11(222)`` → ``^1(e+)1+(2+)$``), and the written outline (:func:`outline_texts`; places,
numbers and the names before ``同志`` masked by :func:`mask`): ``headings`` (``head:``: character 2–3-grams of
the headings' wording), ``patterns`` (``pat:``: heading templates, :func:`heading_template`: ``t:坚持…，推动…``,
``m:（N）``, ``v:着力``), ``leads`` (``lead:``: the first word of each paragraph and of its lead sentence) and
``formulas`` (``form:``: character 2–3-grams of the opening and closing paragraphs, :func:`formula_text`:
``各位代表``, ``现在，我代表国务院``, ``让我们…``). No block reads the body's vocabulary.

The model (:func:`make_pipeline`): ``StructureFeatures → BlockScaler → Reduce → KMeans`` (or Ward / average
linkage). :class:`BlockScaler` standardises the named features, centres the term weights and gives each block
the total variance of its weight (:data:`DEFAULT_WEIGHTS`, chosen on the dev set, the State Council reports
labelled by premier: ``bench/eval_structure.py``); :class:`Reduce` keeps the principal components holding 35 %
of the variance, the space in which silhouette picks ``k`` (a ``k`` given is clustered in ``k - 1`` components at
least); neighbours are read in the full weighted space. A report's back matter (an annex, a glossary of terms,
a run of notes: :func:`report_end`) is read by no block, as it is not part of its outline.
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
from collections.abc import Callable, Iterable, Sequence
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
    "log_paragraphs",
    "paragraph_log_chars",
    "lead_sentence_share",
    "heading_mean_chars",
    "enum_shouxian_per_1k",
    "dash_items_per_1k",
)

#: The block of each named feature; :class:`BlockWeights` gives each block the same total weight.
FEATURE_BLOCKS = (
    ("outline",) * 10
    + ("sections",) * 4
    + ("enumeration",) * 4
    + ("density",) * 5
    + ("sections",)
    + ("habits",) * 6
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
_ENUM_SHOUXIAN = re.compile(
    r"(?:^|(?<=[。；;：:，,！？\n]))[ \t\u3000]*(?:首先|其次|再次|最后)[，,]", re.M
)
_DASH_ITEM = re.compile(r"^[ \t\u3000]*——", re.M)
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
    n = report_end(a)  # the report's own text: its back matter (annex, glossary, notes) left out
    text = a.text[:n]
    per_1k = 1000.0 / n if n else 0.0
    f = dict.fromkeys(FEATURES, 0.0)
    heads = [h for h in a.headings if h.start < n]
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
    metrics = [m for m in a.metrics if m.start < n]
    slogans = [s for s in a.slogans if s.start < n]
    f["placeholders_per_1k"] = sum(p.start < n for p in a.placeholders) * per_1k
    f["metrics_per_1k"] = len(metrics) * per_1k
    f["percent_per_1k"] = sum(m.unit in _PERCENT_UNITS for m in metrics) * per_1k
    f["slogans_per_1k"] = len(slogans) * per_1k
    f["numbered_slogans_per_1k"] = sum(s.kind == "numbered" for s in slogans) * per_1k
    f["log_length"] = math.log10(n + 1)
    body = _body_paragraphs(a)
    f["log_paragraphs"] = math.log10(len(body) + 1)
    if body:
        f["paragraph_log_chars"] = float(np.mean([math.log10(e - s + 1) for s, e in body]))
        f["lead_sentence_share"] = sum(
            any(t.startswith("l:") for t in lead_tokens(text, s, e)) for s, e in body
        ) / len(body)
    if heads:
        f["heading_mean_chars"] = float(np.mean([len(h.text) for h in heads]))
    f["enum_shouxian_per_1k"] = len(_ENUM_SHOUXIAN.findall(text)) * per_1k
    f["dash_items_per_1k"] = len(_DASH_ITEM.findall(text)) * per_1k
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


# --- how the outline is written: heading templates, lead sentences, formulas ---------------------------

_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?|[一二三四五六七八九十〇零百千万两]{2,}")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}(?=同志)")
_LOCAL = re.compile(r"(?<=[全我本该])[省市区州县盟]")
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?]")
_SENTENCE_END = re.compile(r"[。！!？?；;]")
_OPENING = re.compile(r"^[ \t\u3000]*(?:各位代表|同志们|代表们)")
_PLACES: Optional[re.Pattern] = None


def _place_pattern() -> re.Pattern:
    """Province and prefecture names (2022 divisions, full and short forms) as one alternation."""
    global _PLACES
    if _PLACES is None:
        from reportnlp.data import admin_divisions, province_stem

        names: set[str] = set()
        for line in admin_divisions():
            if not line or line[0] not in "01":
                continue
            parts = line[1:].split("\t")
            names.add(parts[0])
            names.update(p[1:] for p in parts[1:] if p.startswith("~") and len(p) > 2)
            if line[0] == "0":
                short = province_stem(parts[0])
                if len(short) >= 2:
                    names.add(short)
        names.discard("")
        _PLACES = re.compile("|".join(sorted(map(re.escape, names), key=lambda s: (-len(s), s))))
    return _PLACES


def mask(text: str) -> str:
    """Text with its place names (provinces, prefectures) as ``@``, numbers as ``#`` and the names before
    ``同志`` as ``@``: what a heading or formula says about *where* and *when* goes, its wording stays.

    >>> mask("2025年四川省政府工作报告，以习近平同志为核心，全省推进“十五五”开局")
    '#年@政府工作报告，以@同志为核心，全@推进“#”开局'
    """
    text = _place_pattern().sub("@", text)
    text = _PERSON.sub("@", text)
    text = _LOCAL.sub("@", text)
    return _DIGITS.sub("#", text)


def _title(h: Heading) -> str:
    """The heading's wording after its marker (sections: the whole lead)."""
    t = h.text[len(h.marker) :] if h.level != "section" else h.text
    return t.lstrip(" \t\u3000:：、，,.．")


def _marker_style(h: Heading) -> str:
    if h.level == "section":
        return "s"
    if not h.marker:
        return "u"
    return re.sub(r"[一二三四五六七八九十]+", "N", re.sub(r"[0-9]+", "9", h.marker))


def heading_template(h: Heading) -> list[str]:
    """Tokens of how a heading is worded: its marker style (``m:（N）``), its leading word (``v:着力``, the
    first two characters), the first word of each later clause (``c:推动``), its shape (``s:2。``: clauses
    and end mark) and the template of its first two clauses (``t:坚持…，推动…``). Places and numbers masked.

    >>> heading_template(Heading(0, 21, "（一）坚持创新驱动，推动产业升级。", 2, "（一）", None))
    ['m:（N）', 'v:坚持', 'c:推动', 's:2。', 't:坚持…，推动…']
    """
    t = mask(_title(h))
    clauses = [c for c in _CLAUSE_END.split(t) if c.strip()]
    end = t[-1] if t and _CLAUSE_END.match(t[-1]) else "-"
    out = [f"m:{_marker_style(h)}"]
    if clauses:
        out.append(f"v:{clauses[0][:2]}")
        out.extend(f"c:{c[:2]}" for c in clauses[1:3])
    out.append(f"s:{min(len(clauses), 4)}{end}")
    if len(clauses) >= 2:
        out.append(f"t:{clauses[0][:2]}…，{clauses[1][:2]}…")
    return out


def _report_paragraphs(a: Analysis) -> list[tuple[int, int]]:
    """(start, end) of the report's paragraphs: those before its back matter (an annex, a glossary of
    terms, a run of notes: :func:`~reportnlp.analysers.headings.back_matter_start`), which is not the
    report's outline nor its closing."""
    from reportnlp.analysers.headings import _paragraphs, back_matter_start

    paras = _paragraphs(a.text)
    limit = back_matter_start(a.text, paras)
    return [(s, e) for s, e in paras if s < limit]


def report_end(a: Analysis) -> int:
    """Where the report's own text ends: the start of its back matter (annex, glossary, notes), or its end."""
    from reportnlp.analysers.headings import back_matter_start

    return back_matter_start(a.text)


def _body_paragraphs(a: Analysis) -> list[tuple[int, int]]:
    """(start, end) of the report's paragraphs (before the back matter) that are not heading lines (a
    paragraph a heading only opens counts)."""
    lines = {(h.start, h.end) for h in a.headings}
    return [(s, e) for s, e in _report_paragraphs(a) if (s, e) not in lines]


def lead_tokens(text: str, start: int, end: int) -> list[str]:
    """Tokens of a paragraph's lead: the first word of its first clause (``p:坚持``) and, when it opens
    with a short sentence of its own followed by more (a lead sentence, often bold in the original:
    ``积极的财政政策要加力提效。今年…``), ``l:`` with its first word and ``L:`` with its length in fives.

    >>> lead_tokens("积极的财政政策要加力提效。今年赤字率拟按#安排。", 0, 24)
    ['p:积极', 'l:积极', 'L:2']
    """
    para = mask(text[start:end].strip(" \t\u3000"))
    m = _CLAUSE_END.search(para)
    first = para[: m.start()] if m else para
    out = [f"p:{first[:2]}"] if first else []
    s = _SENTENCE_END.search(para)
    if s and 2 <= s.start() <= 30 and "，" not in para[: s.start()] and len(para) > s.end() + 4:
        out += [f"l:{para[:2]}", f"L:{s.start() // 5}"]
    return out


def formula_text(a: Analysis, width: int = 60) -> str:
    """The opening and closing formulas: the first two paragraphs from the address (``各位代表``, else the
    first paragraph of 10 characters or more) and the last two paragraphs, ``width`` characters of each
    end, masked. Header lines before the address (title, date, the speaker's name) are left out.

    >>> formula_text(as_analysis("政府工作报告\\n\\n国务院总理 李强\\n\\n各位代表：\\n\\n现在，我代表国务院，向大会报告政府工作。\\n\\n"
    ...                          "一、回顾\\n\\n正文。\\n\\n让我们团结奋斗！"))
    '各位代表：|现在，我代表国务院，向大会报告政府工作。|正文。|让我们团结奋斗！'
    """
    paras = _report_paragraphs(a)
    if not paras:
        return ""
    texts = [a.text[s:e].strip(" \t\u3000") for s, e in paras]
    begin = next((i for i, t in enumerate(texts[:12]) if _OPENING.match(t)), None)
    if begin is None:
        begin = next((i for i, t in enumerate(texts) if len(t) >= 10), 0)
    lines = {(h.start, h.end) for h in a.headings}
    tail = [t for (s, e), t in zip(paras, texts) if (s, e) not in lines][-2:]
    chosen = texts[begin : begin + 2] + [t for t in tail if t not in texts[begin : begin + 2]]

    def ends(t: str) -> str:
        return t if len(t) <= 2 * width else t[:width] + "…" + t[-width:]

    return "|".join(mask(ends(t)) for t in chosen)


def outline_texts(doc: Any) -> dict[str, str]:
    """The four texts the written-outline blocks are learned from, one a block (tokens space-separated):
    ``headings`` (each heading's masked wording, ``|`` between headings), ``patterns`` (the
    :func:`heading_template` tokens), ``leads`` (the :func:`lead_tokens` of the body paragraphs) and
    ``formulas`` (:func:`formula_text`)."""
    a = as_analysis(doc)
    heads = [h for h in a.headings]
    leads: list[str] = []
    for s, e in _body_paragraphs(a):
        leads += lead_tokens(a.text, s, e)
    return {
        "headings": "|".join(mask(_title(h)) for h in heads),
        "patterns": " ".join(t for h in heads for t in heading_template(h)),
        "leads": " ".join(leads),
        "formulas": formula_text(a),
    }


# --- the transformers ------------------------------------------------------------------------------

#: The blocks learned from text (TF-IDF over :func:`outline_texts`), their column prefixes and analyzers.
TEXT_BLOCKS = ("headings", "patterns", "leads", "formulas")
_TEXT_PREFIX = {"headings": "head:", "patterns": "pat:", "leads": "lead:", "formulas": "form:"}
_PREFIX_BLOCK = {"sig:": "signature", **{p: b for b, p in _TEXT_PREFIX.items()}}
#: Block weights chosen on the dev set (State Council reports by premier, ``bench/eval_structure.py``):
#: each block's total variance after :class:`BlockScaler` (a block absent from the dict weighs 1).
DEFAULT_WEIGHTS = {
    "outline": 0.1,
    "sections": 0.1,
    "enumeration": 0.1,
    "density": 0.0,
    "habits": 0.1,
    "signature": 0.1,
    "headings": 4.0,
    "patterns": 0.5,
    "leads": 1.0,
    "formulas": 2.0,
}
#: The share of variance kept by the :class:`Reduce` step before clustering (chosen on the dev set).
DEFAULT_VARIANCE = 0.35


def _text_vectorizer(block: str, min_df: Any, max_features: int):
    from sklearn.feature_extraction.text import TfidfVectorizer

    if block in ("headings", "formulas"):  # characters, not across a heading or paragraph boundary
        return TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 3),
            lowercase=False,
            min_df=min_df,
            max_features=max_features,
            sublinear_tf=True,
        )
    return TfidfVectorizer(
        analyzer="word",
        token_pattern=r"[^ ]+",
        lowercase=False,
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
    )


def _fit_vocabulary(vec: Any, docs: Sequence[str]) -> Any:
    """Fit a TF-IDF vectorizer keeping its ``max_features`` most frequent terms, ties broken by the term.

    scikit-learn's own cut sorts the terms' frequencies with an unstable sort, so which of several equally
    frequent terms survive depends on the CPU's SIMD sort (numpy's AVX2 and baseline sorts keep different ones:
    the State Council reports' periods broke at 1984, 1999 and 2012 on one and at 1992, 2001 and 2014 on
    another). Same input, same features, on any machine.

    >>> v = _fit_vocabulary(_text_vectorizer("leads", 1, 3), ["甲 乙 丙", "丙 丁 乙", "戊 己"])
    >>> list(v.get_feature_names_out())  # 乙 and 丙 twice, then the first of four terms seen once
    ['丁', '丙', '乙']
    """
    from sklearn.feature_extraction.text import CountVectorizer

    limit = vec.max_features
    if limit is None:
        return vec.fit(docs)
    vec.set_params(max_features=None)
    counts = CountVectorizer.fit_transform(vec, docs)  # raw counts, after min_df (``vec`` is a subclass)
    if len(vec.vocabulary_) > limit:
        totals = np.asarray(counts.sum(axis=0)).ravel()
        kept = sorted(vec.vocabulary_, key=lambda t: (-totals[vec.vocabulary_[t]], t))[:limit]
        vec.set_params(vocabulary=sorted(kept))
    return vec.fit(docs)


def _block_text(block: str, texts: dict[str, str]) -> str:
    t = texts[block]
    return t.replace("|", " ").replace("　", " ") if block in ("headings", "formulas") else t


class StructureFeatures(TransformerMixin, BaseEstimator):
    """Documents → structure features: the named :data:`FEATURES`, signature n-grams (``sig:``), then
    the written-outline blocks (``head:``, ``pat:``, ``lead:``, ``form:``; see :data:`TEXT_BLOCKS`).

    ``X`` is a list of documents (Analysis objects, ``reportnlp analyse`` records, CleanDocs or clean
    texts); ``transform`` returns a float array of shape ``(len(X), len(get_feature_names_out()))``.

    The blocks (``feature_blocks_`` gives each column's):

    * ``outline``, ``sections``, ``enumeration``, ``density``, ``habits``: the named features (module
      docstring);
    * ``signature``: TF-IDF of character n-grams of :func:`compact_signature` (``sig:^1``);
    * ``headings``: TF-IDF of character 2–3-grams of the headings' wording, places and numbers masked
      (``head:推动``);
    * ``patterns``: TF-IDF of the heading templates of :func:`heading_template` (``pat:t:坚持…，推动…``,
      ``pat:m:（N）``, ``pat:v:着力``);
    * ``leads``: TF-IDF of the paragraphs' lead tokens of :func:`lead_tokens` (``lead:l:积极``);
    * ``formulas``: TF-IDF of character 2–3-grams of the opening and closing paragraphs
      (:func:`formula_text`: ``form:各位代``, ``form:让我们``).

    No block reads the body's vocabulary: only headings, the first clause of paragraphs, four formula
    paragraphs and counts.

    Parameters (stored as given; used in ``fit``):

    * ``log_counts``: the ten outline counts (:data:`COUNT_FEATURES`) enter as ``log(1 + n)`` (True);
    * ``ngram_range``: the n-gram sizes over :func:`compact_signature` (``(2, 4)``; ``None``: no n-grams);
    * ``min_df``: documents an n-gram or token must occur in to be kept (2);
    * ``max_ngrams``: keep the most frequent signature n-grams only (24);
    * ``text_blocks``: the written-outline blocks to learn (all of :data:`TEXT_BLOCKS`; ``()``: none);
    * ``max_text_features``: the most frequent terms kept per text block (300).

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
    >>> [n for n in pipe[0].get_feature_names_out() if n.startswith("pat:")]
    ['pat:m:N、', 'pat:m:（N）', 'pat:s:1-', 'pat:s:1。', 'pat:v:任务', 'pat:v:回顾', 'pat:v:扩大']
    """

    def __init__(
        self,
        log_counts=True,
        ngram_range=(2, 4),
        min_df=2,
        max_ngrams=24,
        text_blocks=TEXT_BLOCKS,
        max_text_features=300,
    ):
        self.log_counts = log_counts
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_ngrams = max_ngrams
        self.text_blocks = text_blocks
        self.max_text_features = max_text_features

    def _named(self, analyses: list[Analysis]) -> np.ndarray:
        X = np.array([list(structure_features(a).values()) for a in analyses], dtype=float)
        X = X.reshape(len(analyses), len(FEATURES))
        if self.log_counts:
            X[:, : len(COUNT_FEATURES)] = np.log1p(X[:, : len(COUNT_FEATURES)])
        return X

    def _min_df(self, n: int) -> Any:
        min_df = self.min_df
        if isinstance(min_df, (int, np.integer)):
            min_df = min(int(min_df), n)
        return min_df

    def fit(self, X, y=None):
        """Learn the signature n-grams and the text blocks' vocabularies and IDF weights; returns ``self``."""
        analyses = [as_analysis(d) for d in X]
        if not analyses:
            raise ValueError("StructureFeatures.fit needs at least one document")
        unknown = set(self.text_blocks or ()) - set(TEXT_BLOCKS)
        if unknown:
            raise ValueError(f"unknown text blocks {sorted(unknown)}; choose from {TEXT_BLOCKS}")
        signatures = [compact_signature(a.signature) for a in analyses]
        self.vectorizer_ = None
        if self.ngram_range is not None:
            from sklearn.feature_extraction.text import TfidfVectorizer

            vec = TfidfVectorizer(
                analyzer="char",
                ngram_range=tuple(self.ngram_range),
                lowercase=False,
                min_df=self._min_df(len(analyses)),
                max_features=self.max_ngrams,
                sublinear_tf=True,
            )
            try:
                self.vectorizer_ = _fit_vocabulary(vec, signatures)
            except ValueError:  # no n-gram frequent enough: the named features only
                self.vectorizer_ = None
        ngrams = [] if self.vectorizer_ is None else list(self.vectorizer_.get_feature_names_out())
        names = list(FEATURES) + [f"sig:{g}" for g in ngrams]
        blocks = list(FEATURE_BLOCKS) + ["signature"] * len(ngrams)
        self.text_vectorizers_ = {}
        if self.text_blocks:
            texts = [outline_texts(a) for a in analyses]
            for block in TEXT_BLOCKS:
                if block not in self.text_blocks:
                    continue
                vec = _text_vectorizer(
                    block, self._min_df(len(analyses)), int(self.max_text_features)
                )
                try:
                    _fit_vocabulary(vec, [_block_text(block, t) for t in texts])
                except ValueError:  # no term frequent enough
                    continue
                self.text_vectorizers_[block] = vec
                terms = list(vec.get_feature_names_out())
                names += [_TEXT_PREFIX[block] + t for t in terms]
                blocks += [block] * len(terms)
        self.feature_names_out_ = np.array(names, dtype=object)
        self.feature_blocks_ = np.array(blocks)
        return self

    def transform(self, X):
        """The feature matrix of ``X`` (float, one row per document)."""
        check_is_fitted(self, "feature_names_out_")
        analyses = [as_analysis(d) for d in X]
        parts = [self._named(analyses)]
        if self.vectorizer_ is not None:
            signatures = [compact_signature(a.signature) for a in analyses]
            parts.append(self.vectorizer_.transform(signatures).toarray())
        if self.text_vectorizers_:
            texts = [outline_texts(a) for a in analyses]
            for block, vec in self.text_vectorizers_.items():
                parts.append(vec.transform([_block_text(block, t) for t in texts]).toarray())
        return np.hstack(parts)

    def get_feature_names_out(self, input_features=None):
        """``FEATURES``, ``sig:<n-gram>``, then ``head:``/``pat:``/``lead:``/``form:`` terms."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()


def blocks_of(names: Sequence[str]) -> list[str]:
    """The block of each column name of :class:`StructureFeatures` (a named feature's from
    :data:`FEATURE_BLOCKS`, a prefixed term's from its prefix; anything else is its own block ``other``).

    >>> blocks_of(["n_headings", "sig:^1", "head:推动", "lead:l:积极", "x"])
    ['outline', 'signature', 'headings', 'leads', 'other']
    """
    named = dict(zip(FEATURES, FEATURE_BLOCKS))
    out = []
    for name in names:
        name = str(name)
        prefix = name[: name.find(":") + 1] if ":" in name else ""
        out.append(named.get(name) or _PREFIX_BLOCK.get(prefix, "other"))
    return out


class BlockScaler(TransformerMixin, BaseEstimator):
    """Scale each block of columns to a chosen total variance (multiple factor analysis' balance).

    The named features are standardised (each column to variance 1); term weights (TF-IDF blocks, the
    signature n-grams) are only centred, so a rare term keeps its small variance instead of being blown up
    to 1. Each block is then divided by the square root of its total variance and multiplied by the square
    root of its weight (``weights``; :data:`DEFAULT_WEIGHTS` when None, 1 for a block not named): a block
    of 300 terms counts as much as a block of four counts, and as much more as its weight says.

    ``blocks``: one label per column; None reads them from the column names when ``X`` is a DataFrame
    (the output of :class:`StructureFeatures` under ``set_output(transform="pandas")``, as in
    :func:`make_pipeline`), else the layout of :data:`FEATURE_BLOCKS` with any further column in one
    ``signature`` block.

    >>> X = np.array([[0.0, 1.0, 0.0, 0.1], [2.0, 3.0, 1.0, 0.0], [4.0, 5.0, 0.0, 0.3]])
    >>> s = BlockScaler(blocks=["a", "a", "b", "b"], weights={"b": 4.0}).fit(X)
    >>> Z = s.transform(X)
    >>> [round(float(Z[:, :2].var(axis=0).sum()), 6), round(float(Z[:, 2:].var(axis=0).sum()), 6)]
    [1.0, 4.0]
    """

    def __init__(self, blocks=None, weights=None, text_blocks=("signature",) + TEXT_BLOCKS):
        self.blocks = blocks
        self.weights = weights
        self.text_blocks = text_blocks

    def _labels(self, n: int) -> list[str]:
        if self.blocks is not None:
            blocks = [str(b) for b in self.blocks]
        elif hasattr(self, "feature_names_in_"):
            blocks = blocks_of(list(self.feature_names_in_))
        else:
            blocks = list(FEATURE_BLOCKS[:n]) + ["signature"] * max(0, n - len(FEATURE_BLOCKS))
        if len(blocks) != n:
            raise ValueError(f"{len(blocks)} block labels for {n} columns")
        return blocks

    def fit(self, X, y=None):
        """Learn each column's centre and scale and each block's factor; returns ``self``."""
        from sklearn.utils.validation import validate_data

        A = validate_data(self, X, dtype=float, reset=True)
        n = A.shape[1]
        self.blocks_ = np.array(self._labels(n))
        weights = DEFAULT_WEIGHTS if self.weights is None else self.weights
        self.mean_ = A.mean(axis=0)
        std = A.std(axis=0)
        text = np.isin(self.blocks_, list(self.text_blocks or ()))
        self.scale_ = np.where(text | (std == 0), 1.0, std)
        var = ((A - self.mean_) / self.scale_).var(axis=0)
        self.weights_ = np.zeros(n)
        for b in dict.fromkeys(self.blocks_.tolist()):
            sel = self.blocks_ == b
            total = float(var[sel].sum())
            if total > 0:
                self.weights_[sel] = math.sqrt(float(weights.get(b, 1.0)) / total)
        return self

    def transform(self, X):
        """``X`` centred, scaled and weighted by block."""
        from sklearn.utils.validation import validate_data

        check_is_fitted(self, "weights_")
        A = validate_data(self, X, dtype=float, reset=False)
        return (A - self.mean_) / self.scale_ * self.weights_

    def get_feature_names_out(self, input_features=None):
        from sklearn.utils.validation import _check_feature_names_in

        check_is_fitted(self, "weights_")
        return _check_feature_names_in(self, input_features)


class BlockWeights(TransformerMixin, BaseEstimator):
    """Weigh standardised columns so that each block of features counts the same: a column of a block of
    ``m`` columns is multiplied by ``1/sqrt(m)`` (the block's total variance is then 1, as in multiple
    factor analysis). Kept for pipelines of standardised named features; :class:`BlockScaler` does the
    same for mixed blocks of counts and term weights, with chosen weights.

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


class Reduce(TransformerMixin, BaseEstimator):
    """Principal components keeping ``variance`` (a share, 0–1) of the total variance before clustering;
    None, or fewer than three documents, keeps the space as it is. Hundreds of term columns make every
    distance alike, so the silhouette that picks ``k`` sees little structure in the full space; a few
    components keep the directions the reports differ along (chosen on the dev set: 0.35).
    ``min_components``: keep at least this many (as the data allow): ``k`` clusters need ``k - 1``
    directions to lie apart, so :func:`cluster_documents` fits a given ``k`` clusters in ``k - 1``
    components at least (with many small classes, e.g. provinces, a few components merge them); a ``k``
    chosen by silhouette keeps the space it was chosen in.

    >>> X = np.array([[0.0, 0.0, 0.0], [1.0, 0.1, 0.3], [2.0, -0.1, 0.0], [3.0, 0.0, 0.2]])
    >>> Reduce(0.5).fit_transform(X).shape, Reduce(0.5, min_components=2).fit_transform(X).shape
    ((4, 1), (4, 2))
    """

    def __init__(self, variance=DEFAULT_VARIANCE, min_components=None):
        self.variance = variance
        self.min_components = min_components

    def fit(self, X, y=None):
        """Fit the components (none when ``variance`` is None or there are under three rows)."""
        from sklearn.decomposition import PCA
        from sklearn.utils.validation import validate_data

        A = validate_data(self, X, dtype=float, reset=True)
        self.pca_ = None
        if self.variance is not None and len(A) >= 3 and float(A.var(axis=0).sum()) > 0:
            self.pca_ = PCA(n_components=float(self.variance), svd_solver="full").fit(A)
            floor = min(int(self.min_components or 0), min(A.shape) - 1)
            if self.pca_.n_components_ < floor:
                self.pca_ = PCA(n_components=floor, svd_solver="full").fit(A)
        return self

    def transform(self, X):
        """``X`` in the kept components (as it is without them)."""
        from sklearn.utils.validation import validate_data

        check_is_fitted(self, "n_features_in_")
        A = validate_data(self, X, dtype=float, reset=False)
        return A if self.pca_ is None else self.pca_.transform(A)

    def get_feature_names_out(self, input_features=None):
        from sklearn.utils.validation import _check_feature_names_in

        check_is_fitted(self, "n_features_in_")
        if self.pca_ is None:
            return _check_feature_names_in(self, input_features)
        return np.array([f"pc{i}" for i in range(self.pca_.n_components_)], dtype=object)


# --- a year's common template -----------------------------------------------------------------------

#: A year's reports are centred on their year's mean only where two years or more each have at least
#: this many documents (a panel: several offices' reports for each year).
PANEL_MIN = 3


def document_year(doc: Any) -> Optional[int]:
    """The year a report is for (:func:`reportnlp.corpus.years.year_of`): a ``year`` field, else a year in its
    title (``2026年湖北省政府工作报告``, ``…报告（2026年）``), else that of its speech date or date (the ``meta`` of a
    cleaned page), else that of a speech's dateline among its first three lines (``——2026年1月27日在…会议上``,
    ``——二〇二六年一月二十八日在…``); None if none.

    >>> document_year(analyse("正文。", title="重庆市人民政府工作报告（2026年）"))
    2026
    >>> document_year("——二〇二六年一月二十八日在云南省第十四届人民代表大会第四次会议上\\n\\n各位代表："), document_year("正文。")
    (2026, None)
    """
    from reportnlp.corpus.years import year_of

    return year_of(doc)


def panel_years(analyses: Sequence[Analysis]) -> Optional[list[Optional[int]]]:
    """The year to centre each document by (:func:`centre_years`) when the documents form a panel: two
    years or more with at least :data:`PANEL_MIN` documents each (several offices' reports for each year);
    a document without a year, or of a year with fewer, gets None (it is left as the scaler centred it, on
    the whole corpus's mean). None when there is no panel (one report a year, as a country's reports).

    >>> docs = [analyse("正文。", title=f"{y}年政府工作报告") for y in (2025, 2025, 2025, 2026, 2026, 2026, 2027)]
    >>> panel_years(docs + [analyse("正文。")]), panel_years(docs[2:])
    ([2025, 2025, 2025, 2026, 2026, 2026, None, None], None)
    """
    from collections import Counter

    years = [document_year(a) for a in analyses]
    counts = Counter(y for y in years if y is not None)
    panel = {y for y, n in counts.items() if n >= PANEL_MIN}
    if len(panel) < 2:
        return None
    return [y if y in panel else None for y in years]


def _years_to_centre(
    analyses: Sequence[Analysis], years: Union[str, Sequence[int], None]
) -> Optional[list[int]]:
    if isinstance(years, str):
        if years != "auto":
            raise ValueError(f'years must be "auto", a list of years or None, not {years!r}')
        return panel_years(analyses)
    if years is not None and len(years) != len(analyses):
        raise ValueError(f"{len(years)} years for {len(analyses)} documents")
    return None if years is None else [None if y is None else int(y) for y in years]


def centre_years(X: Any, years: Optional[Sequence[Optional[int]]]) -> Any:
    """``X`` (the block-weighted features, a DataFrame or an array) with each year's mean taken from its
    documents' rows: what a year's reports share (the chapters of a new five-year plan, the year's set
    phrases) is the year's template, not a drafting office's hand. A row whose year is None stays as it is;
    ``years`` None: ``X`` as it is.

    >>> centre_years(np.array([[1.0, 0.0], [3.0, 0.0], [10.0, 1.0], [12.0, 3.0]]), [2025, 2025, 2026, 2026])
    array([[-1.,  0.],
           [ 1.,  0.],
           [-1., -1.],
           [ 1.,  1.]])
    """
    if years is None:
        return X
    A = np.asarray(X, dtype=float)
    out = A.copy()
    for year in sorted({y for y in years if y is not None}):
        rows = np.array([y == year for y in years])
        out[rows] -= A[rows].mean(axis=0)
    if hasattr(X, "columns"):  # a DataFrame keeps its column names (the next step reads them)
        return X.__class__(out, index=X.index, columns=X.columns)
    return out


METHODS = ("kmeans", "ward", "average")


def _clusterer(method: str, k: int, random_state: int):
    from sklearn.cluster import AgglomerativeClustering, KMeans

    if method == "kmeans":
        return KMeans(n_clusters=k, n_init=50, random_state=random_state)
    if method in ("ward", "average"):
        return AgglomerativeClustering(n_clusters=k, linkage=method)
    raise ValueError(f"method must be one of {METHODS}, not {method!r}")


def make_pipeline(
    k: int = 4,
    *,
    random_state: int = 0,
    method: str = "kmeans",
    weights: Optional[dict[str, float]] = None,
    variance: Optional[float] = DEFAULT_VARIANCE,
    **feature_params: Any,
):
    """``StructureFeatures → BlockScaler → Reduce → KMeans(k)`` (or Ward / average-linkage
    agglomerative clustering, ``method``), the model of :func:`cluster_documents` (which also picks ``k``
    and describes the clusters). The first two steps pass DataFrames, so the scaler reads each column's
    block from its name; ``weights`` go to :class:`BlockScaler`, ``variance`` to :class:`Reduce` (which
    keeps ``k - 1`` components at least).

    >>> make_pipeline(2).fit(["一、回顾\\n\\n正文。\\n\\n二、任务\\n\\n正文。"] * 2 + ["决议。"] * 2).predict(["决议。"]).shape
    (1,)
    """
    from sklearn.pipeline import Pipeline

    pipe = Pipeline(
        [
            ("features", StructureFeatures(**feature_params)),
            ("scale", BlockScaler(weights=weights)),
            ("reduce", Reduce(variance, min_components=k - 1)),
            (method, _clusterer(method, k, random_state)),
        ]
    )
    pipe[:-2].set_output(transform="pandas")
    return pipe


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
      prototype outline as dicts, see :func:`outline`); ``years``: the years each document was centred
      by (:func:`centre_years`; None when the documents were not centred: with them, ``model``'s ``Reduce``
      was fitted on the centred rows, so ``model.predict`` on new documents, which are not centred, is
      only approximate).
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
    method: str = "kmeans"
    raw_features: Any = None
    years: Optional[list[Optional[int]]] = None

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
                        "title": _text(row["title"]),
                        "signature": _text(row["signature"]),
                        "outline": self.outlines.get(c, []),
                    },
                    "traits": row["traits"],
                    "members": [str(m) for m in members],
                }
            )
        return {
            "k": self.k,
            "method": self.method,
            "k_criterion": "best mean silhouette over the k tried (the smaller k on a tie)",
            "centred_by_year": self.years is not None,
            "silhouette": _num(self.silhouette),
            "k_scores": {str(k): _num(v) for k, v in self.k_scores.items()},
            "clusters": clusters,
        }


def _text(x: Any) -> Optional[str]:
    """A string cell as JSON: None for a missing value (pandas holds a None title as NaN)."""
    return x if isinstance(x, str) else None


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


def _standardised(F: np.ndarray) -> np.ndarray:
    """Columns in standard deviations from their mean (0 for a constant column)."""
    std = F.std(axis=0)
    return (F - F.mean(axis=0)) / np.where(std == 0, 1.0, std)


def distinguishing(
    F: np.ndarray, names: Sequence[str], members: np.ndarray, top: int = 5, floor: float = 0.5
) -> list[tuple[str, float]]:
    """The features that set a group apart: the columns whose group mean lies furthest from the corpus
    mean, in standard deviations (at least ``floor``), most distant first; ``members`` a boolean mask or
    indices.

    >>> F = np.array([[0.0, 1.0], [0.0, 1.0], [5.0, 1.1], [5.0, 0.9]])
    >>> distinguishing(F, ["a", "b"], np.array([2, 3]))
    [('a', 1.0)]
    """
    S = _standardised(np.asarray(F, dtype=float))
    mean = S[members].mean(axis=0)
    order = np.argsort(-np.abs(mean), kind="stable")[:top]
    return [(str(names[j]), round(float(mean[j]), 2)) for j in order if abs(mean[j]) >= floor]


#: A progress callback: ``progress(stage, done, total)``, ``done`` rising from 0 to ``total`` a stage.
Progress = Callable[[str, int, int], None]


def _tick(progress: Optional[Progress], stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def choose_k(
    Z: np.ndarray,
    method: str = "kmeans",
    k_max: int = 8,
    *,
    random_state: int = 0,
    progress: Optional[Progress] = None,
) -> tuple[int, dict[int, float]]:
    """The stated criterion for ``k="auto"``: the ``k`` from 2 to ``k_max`` (at most the distinct rows,
    and ``n - 1``) with the best mean silhouette (the smaller ``k`` on a tie), and the curve of mean
    silhouette by ``k``; ``(1, {})`` when there is nothing to split. ``progress(stage, done, total)`` is
    called before the first ``k`` and after each."""
    from sklearn.metrics import silhouette_score

    n = len(Z)
    n_distinct = len(np.unique(np.round(Z, 9), axis=0))
    scores: dict[int, float] = {}
    best, best_k = -np.inf, 1
    ks = range(2, min(k_max, n - 1, n_distinct) + 1)
    stage = f"clustering k=2..{ks[-1]}" if ks else "clustering"
    _tick(progress, stage, 0, len(ks))
    for done, kk in enumerate(ks, 1):
        labels = _clusterer(method, kk, random_state).fit(Z).labels_
        _tick(progress, stage, done, len(ks))
        if len(set(labels.tolist())) < 2:
            continue
        score = float(silhouette_score(Z, labels))
        scores[kk] = score
        if score > best + 1e-9:
            best, best_k = score, kk
    return best_k, scores


def cluster_documents(
    docs: Iterable[Any],
    k: Union[int, str] = "auto",
    *,
    method: str = "kmeans",
    random_state: int = 0,
    k_max: int = 8,
    ids: Optional[Sequence[str]] = None,
    weights: Optional[dict[str, float]] = None,
    variance: Optional[float] = DEFAULT_VARIANCE,
    progress: Optional[Progress] = None,
    years: Union[str, Sequence[int], None] = "auto",
    **feature_params: Any,
) -> Clustering:
    """Cluster documents by structure (:func:`make_pipeline`); ``k="auto"`` picks k by silhouette.

    ``docs`` as for :class:`StructureFeatures`; ``feature_params`` go to it, ``weights`` to
    :class:`BlockScaler`. ``method``: ``kmeans`` (50 starts from ``random_state``), ``ward`` or
    ``average`` (agglomerative, Euclidean). ``k="auto"`` tries 2 … ``k_max`` (at most the number of
    distinct feature rows, and ``n - 1``) and keeps the k with the best mean silhouette (the smaller on a
    tie; :func:`choose_k`); fewer than three documents, or documents all alike, make one cluster. ``ids``
    default to each document's ``id`` (else its position). The result is the same on every run: k-means
    has a fixed ``random_state``, the agglomerative methods are deterministic, and clusters are numbered
    by their first member. ``progress(stage, done, total)``, if given, is told of each stage (``features``,
    then each ``k`` tried). ``years``: ``"auto"`` centres each year's documents on their year's mean
    (:func:`centre_years`) when they form a panel (:func:`panel_years`: several offices' reports for each
    of two years or more, such as every province's report of 2025 and of 2026), so that the year's common
    template does not outweigh each office's hand; a list gives the years to centre by; None never centres.

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
    from sklearn.metrics import silhouette_samples

    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    analyses = [as_analysis(d) for d in docs]
    n = len(analyses)
    if n == 0:
        raise ValueError("cluster_documents needs at least one document")
    ids = document_ids(analyses, ids)
    check_k(k, n)

    pipe = make_pipeline(
        2,
        random_state=random_state,
        method=method,
        weights=weights,
        variance=variance,
        **feature_params,
    )
    _tick(progress, "features", 0, 1)
    head = pipe[:-1].fit(analyses)
    raw = head.named_steps["features"].transform(
        analyses
    )  # a DataFrame: the steps read its column names
    raw_matrix = np.asarray(raw, dtype=float)
    by_year = _years_to_centre(analyses, years)
    scaled = centre_years(head.named_steps["scale"].transform(raw), by_year)
    reduce = head.named_steps["reduce"]
    if by_year is not None:  # the components of the centred space
        reduce.fit(scaled)
    Z = np.asarray(reduce.transform(scaled), dtype=float)
    names = list(head.named_steps["features"].get_feature_names_out())
    _tick(progress, "features", 1, 1)

    k_scores: dict[int, float] = {}
    # k auto: k and its clusters from the same reduced space, the one silhouette was read in
    if k == "auto":
        k, k_scores = choose_k(Z, method, k_max, random_state=random_state, progress=progress)
    elif reduce.pca_ is not None and reduce.pca_.n_components_ < int(k) - 1:
        # a given k: its clusters in k - 1 components at least (Reduce), the same features
        reduce.set_params(min_components=int(k) - 1).fit(scaled)
        Z = np.asarray(reduce.transform(scaled), dtype=float)
    model = pipe[-1].set_params(n_clusters=int(k))
    raw = model.fit(Z).labels_ if int(k) > 1 else np.zeros(n, dtype=int)
    labels = _relabel(np.asarray(raw))
    k = int(labels.max()) + 1
    centres = np.array([Z[labels == c].mean(axis=0) for c in range(k)])
    distance = np.linalg.norm(Z - centres[labels], axis=1)
    if 2 <= k < n:
        sil = silhouette_samples(Z, labels)
        overall = float(sil.mean())
    else:
        sil = np.full(n, np.nan)
        overall = float("nan")

    raw_features = pd.DataFrame([structure_features(a) for a in analyses], columns=list(FEATURES))
    signatures = [a.signature for a in analyses]
    prototype = np.zeros(n, dtype=bool)
    rows = []
    outlines: dict[int, list[dict[str, Any]]] = {}
    for c in range(k):
        members = np.flatnonzero(labels == c)
        p = int(members[np.argmin(distance[members])])  # the first in input order on a tie
        prototype[p] = True
        outlines[c] = outline(analyses[p])
        traits = distinguishing(raw_matrix, names, members) if k > 1 else []
        rows.append(
            {
                "cluster": c,
                "size": len(members),
                "silhouette": float(np.mean(sil[members])),
                "prototype": ids[p],
                "title": analyses[p].title,
                "signature": signatures[p],
                "outline": "\n".join("  " * (o["depth"] - 1) + o["text"] for o in outlines[c]),
                "traits": ", ".join(f"{name} {d:+.1f}" for name, d in traits),
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
        feature_names=names,
        model=pipe,
        outlines=outlines,
        method=method,
        raw_features=raw_matrix,
        years=by_year,
    )


def nearest_documents(
    docs: Iterable[Any],
    top: int = 5,
    *,
    ids: Optional[Sequence[str]] = None,
    weights: Optional[dict[str, float]] = None,
    shared: int = 5,
    progress: Optional[Progress] = None,
    years: Union[str, Sequence[int], None] = "auto",
    **feature_params: Any,
) -> Any:
    """Each document's ``top`` nearest documents by structure (Euclidean distance in the scaled,
    block-weighted space of :func:`make_pipeline`), one row per pair: ``id, rank, neighbour, distance,
    similarity`` (cosine of the two rows), ``same_signature`` (the two outlines' :func:`compact_signature`
    are equal) and ``shared`` (up to ``shared`` features both documents have at least half a standard
    deviation above the corpus mean, the strongest first: what the two have in common). Ties go to the
    earlier document; the result is the same on every run. ``progress(stage, done, total)``, if given, is
    told of each stage (``features``, then ``neighbours`` a document). ``years`` as for
    :func:`cluster_documents` (a panel of years is centred on each year's mean).

    >>> docs = ["一、回顾\\n\\n一是稳增长，成效明显。\\n\\n二是促改革，成效明显。\\n\\n二、任务\\n\\n（一）扩大内需。",
    ...         "一、回顾\\n\\n一是抓学习，成效明显。\\n\\n二是抓落实，成效明显。\\n\\n二、任务\\n\\n（一）扩大内需。",
    ...         "大会批准这个报告。", "大会同意这个报告。"]
    >>> nn = nearest_documents(docs, top=1, ids=["a", "b", "c", "d"])
    >>> nn[["id", "neighbour", "same_signature"]].values.tolist()
    [['a', 'b', True], ['b', 'a', True], ['c', 'd', True], ['d', 'c', True]]
    """
    import pandas as pd

    analyses = [as_analysis(d) for d in docs]
    n = len(analyses)
    ids = document_ids(analyses, ids)
    if n < 2:
        raise ValueError("nearest_documents needs at least two documents")
    _tick(progress, "features", 0, 1)
    head = make_pipeline(2, weights=weights, **feature_params)[:-2].fit(analyses)
    raw = head.named_steps["features"].transform(analyses)
    raw_matrix = np.asarray(raw, dtype=float)
    by_year = _years_to_centre(analyses, years)
    Z = np.asarray(centre_years(head.named_steps["scale"].transform(raw), by_year), dtype=float)
    names = list(head.named_steps["features"].get_feature_names_out())
    S = _standardised(raw_matrix)
    D = np.sqrt(np.maximum(((Z[:, None, :] - Z[None, :, :]) ** 2).sum(axis=2), 0.0))
    norms = np.linalg.norm(Z, axis=1)
    compact = [compact_signature(a.signature) for a in analyses]
    _tick(progress, "features", 1, 1)
    rows = []
    for i in range(n):
        _tick(progress, "neighbours", i, n)
        d = D[i].copy()
        d[i] = np.inf
        for rank, j in enumerate(np.argsort(d, kind="stable")[: min(top, n - 1)], 1):
            both = np.minimum(S[i], S[j])
            common = [int(c) for c in np.argsort(-both, kind="stable")[:shared] if both[c] >= 0.5]
            denom = norms[i] * norms[j]
            rows.append(
                {
                    "id": ids[i],
                    "rank": rank,
                    "neighbour": ids[j],
                    "distance": float(D[i, j]),
                    "similarity": float(Z[i] @ Z[j] / denom) if denom else 0.0,
                    "same_signature": compact[i] == compact[j],
                    "shared": ", ".join(names[c] for c in common),
                }
            )
    _tick(progress, "neighbours", n, n)
    return pd.DataFrame(rows)


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
