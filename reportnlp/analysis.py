"""Analyse clean text: what a report is made of — masks, metrics, slogans and its outline — as offset spans.

:func:`analyse` runs the four plain detectors of :mod:`reportnlp.analysers` over one clean text (a
:class:`~reportnlp.types.CleanDoc` or a string) and returns an :class:`Analysis`: every span carries
``start``/``end`` into ``Analysis.text``, so ``text[start:end] == span.text``. It needs no segmentation and
no spaCy; :func:`reportnlp.load` wraps the same detectors as spaCy components for token-level work.

>>> a = analyse("一、工作开展情况\\n\\n今年以来，××市开展“六进”宣讲30余场次。")
>>> [(p.text, p.type) for p in a.placeholders], [(m.text, m.value, m.unit) for m in a.metrics]
([('××', 'name')], [('30余场次', 30.0, '场次')])
>>> [(h.level, h.marker) for h in a.headings]
[(1, '一、')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from reportnlp.analysers.headings import Heading, find_headings, structure_signature
from reportnlp.analysers.metrics import Metric, find_metrics
from reportnlp.analysers.placeholders import Placeholder, find_placeholders
from reportnlp.analysers.slogans import Slogan, find_slogans
from reportnlp.readers.base import path_given_as_text
from reportnlp.types import CleanDoc

__all__ = ["KINDS", "Analysis", "analyse"]

#: The span kinds, as keys of ``doc.spans`` and of the JSONL record.
KINDS = ("placeholders", "metrics", "slogans", "headings")


@dataclass
class Analysis:
    """The spans of one document; offsets index ``text`` (``title_placeholders`` index ``title``)."""

    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    meta: dict[str, Any] = field(default_factory=dict)
    placeholders: list[Placeholder] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    slogans: list[Slogan] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    title_placeholders: list[Placeholder] = field(default_factory=list)

    @property
    def signature(self) -> str:
        """The outline as a compact string (see :func:`reportnlp.analysers.headings.structure_signature`)."""
        return structure_signature(self.headings)

    def density(self, kind: str) -> float:
        """Spans of ``kind`` per 1,000 characters of text (0.0 for an empty text)."""
        return 1000.0 * len(getattr(self, kind)) / len(self.text) if self.text else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record of ``reportnlp analyse`` (plain JSON types, fixed key order)."""
        return {
            "id": self.id,
            "title": self.title,
            "meta": self.meta,
            "text": self.text,
            "signature": self.signature,
            "placeholders": [_plain(p) for p in self.placeholders],
            "title_placeholders": [_plain(p) for p in self.title_placeholders],
            "metrics": [_plain(m) for m in self.metrics],
            "slogans": [_plain(s) for s in self.slogans],
            "headings": [_plain(h) for h in self.headings],
        }


def _plain(span: Any) -> dict[str, Any]:
    # vars() rather than dataclasses.asdict: the spans are flat, and asdict's deep copy was a third of
    # the placeholder report's build time.
    return {k: list(v) if isinstance(v, tuple) else v for k, v in vars(span).items()}


THINGS = ("rules", "learned")


def analyse(
    doc: Union[CleanDoc, str],
    *,
    title: Optional[str] = None,
    id: Optional[str] = None,
    things: str = "rules",
) -> Analysis:
    """Find placeholders, metrics, slogans and headings in a clean document or a clean string.

    ``things``: how each metric's measured ``thing`` is chosen: ``"rules"`` (the default: the rules, and the
    learned chooser only where they name none) or ``"learned"`` (the learned chooser re-picks every thing,
    :func:`reportnlp.analysers.thing.learned_things`: right more often on text the rules were not tuned on;
    ``analyse`` then takes about twice as long). The spans are the same either way.
    """
    if things not in THINGS:
        raise ValueError(f"things must be one of {THINGS}, not {things!r}")
    if isinstance(doc, CleanDoc):
        text, title, id, meta = doc.text, doc.title, doc.id, dict(doc.meta)
    elif isinstance(doc, str):  # any string is a text here, a file's name too (analyse never refuses a text)
        text, meta = doc, {}
    else:
        path_given_as_text(doc, "analyse")  # a Path: what to do instead
        # raw bytes of a page: a TypeError from deep inside the metrics' regex said nothing useful
        raise TypeError(
            f"analyse takes a CleanDoc or a clean text (str), not {type(doc).__name__}; clean a page "
            "first: reportnlp.analyse(reportnlp.clean(data))"
        )
    metrics = find_metrics(text)
    if things == "learned":
        from reportnlp.analysers.thing import learned_things

        metrics = learned_things(text, metrics)
    return Analysis(
        text=text,
        id=id,
        title=title,
        meta=meta,
        placeholders=find_placeholders(text),
        metrics=metrics,
        slogans=find_slogans(text),
        headings=find_headings(text),
        title_placeholders=find_placeholders(title) if title else [],
    )
