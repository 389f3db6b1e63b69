"""Plain data records passed between the stages.

Every record is a frozen dataclass with a ``to_dict()`` giving the JSON form the CLI writes. The records
a page makes by the thousand (edits, line decisions, paragraphs) also have a fast constructor,
``new_edit``/``new_decision``/``new_paragraph``: a frozen dataclass's ``__init__`` sets each field through
``object.__setattr__`` (0.5 µs a record); these fill the instance dictionary at once (0.3 µs) and give an
equal record (``tests/test_types.py`` holds them to that).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

_new = object.__new__


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinity (an empty pandas cell read back) as None, in lists and mappings
    too: JSON has neither.

    >>> finite({"score": float("nan"), "n": [1.5, float("inf")]})
    {'score': None, 'n': [1.5, None]}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    if isinstance(value, Mapping):
        return {k: finite(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Edit:
    """One change a normalisation step made.

    ``start``/``end`` are character offsets into the text the step received; applying all edits of one
    step (in order of ``start``) to that text gives the text the step returned (see
    :func:`reportnlp.normalise.apply_edits`).
    """

    step: str
    start: int
    end: int
    before: str
    after: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """``{"step": …, "start": …, "end": …, "before": …, "after": …, "reason": …}``: the instance's own
        dictionary copied (every constructor, ``new_edit`` included, fills it in field order)."""
        return dict(self.__dict__)


def new_edit(step: str, start: int, end: int, before: str, after: str, reason: str) -> Edit:
    """``Edit(step, start, end, before, after, reason)``, faster (see the module docstring)."""
    edit = _new(Edit)
    edit.__dict__.update(step=step, start=start, end=end, before=before, after=after, reason=reason)
    return edit


@dataclass(frozen=True)
class LineDecision:
    """What the boilerplate stage decided for one raw line (1-based ``line``)."""

    line: int
    action: str  # one of codes.ACTIONS
    reason: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "action": self.action, "reason": self.reason, "text": self.text}


def new_decision(line: int, action: str, reason: str, text: str) -> LineDecision:
    """``LineDecision(line, action, reason, text)``, faster (see the module docstring)."""
    decision = _new(LineDecision)
    decision.__dict__.update(line=line, action=action, reason=reason, text=text)
    return decision


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text: ``text == doc.text[start:end]``; ``lines`` are raw line numbers."""

    start: int
    end: int
    text: str
    lines: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lines": list(self.lines)}


def new_paragraph(start: int, end: int, text: str, lines: tuple[int, ...]) -> Paragraph:
    """``Paragraph(start, end, text, lines)``, faster (see the module docstring)."""
    paragraph = _new(Paragraph)
    paragraph.__dict__.update(start=start, end=end, text=text, lines=lines)
    return paragraph


@dataclass(frozen=True)
class CleanDoc:
    """The result of :func:`reportnlp.clean`.

    ``text`` is the clean simplified body (paragraphs separated by a blank line); ``paragraphs`` carry offsets into
    it. ``edits`` are the normalisation edits in the order they were applied (each step's offsets refer to
    that step's input); ``lines`` holds one decision per raw line, blank ones included.
    """

    id: str
    title: Optional[str]
    meta: dict[str, str]
    text: str
    paragraphs: tuple[Paragraph, ...]
    lines: tuple[LineDecision, ...]
    edits: tuple[Edit, ...]
    encoding: str
    script: str
    warnings: tuple[str, ...] = field(default=())
    source: Optional[str] = None  # the input: file, or file:line of a record
    # the input record's other fields, unchanged
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def dropped(self) -> list[LineDecision]:
        """The raw lines dropped as boilerplate, each with its reason."""
        return [d for d in self.lines if d.action == "drop"]

    def to_dict(self) -> dict[str, Any]:
        """The JSON record written by ``reportnlp clean``.

        The input encoding is left out so that one page gives the same record whatever its encoding;
        ``reportnlp clean --stats`` reports it per document.
        """
        record = self.json_record()
        record["meta"] = dict(self.meta)
        record["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        record["edits"] = [e.to_dict() for e in self.edits]
        record["warnings"] = list(self.warnings)
        record["fields"] = dict(self.fields)
        return record

    def json_record(self) -> dict[str, Any]:
        """:meth:`to_dict`'s keys in its order, with the document's own objects as values: the paragraphs
        and edits as their tuples of records, whose fields in order are their ``to_dict`` (orjson writes a
        dataclass so), the warnings as a tuple, meta and fields not copied. For writing the record at
        once (:func:`reportnlp.pipeline.writers.clean_doc_line`), not for changing it."""
        return {
            "id": self.id,
            "title": self.title,
            "meta": self.meta,
            "text": self.text,
            "script": self.script,
            "paragraphs": self.paragraphs,
            "dropped": [{"line": d.line, "reason": d.reason, "text": d.text} for d in self.dropped],
            "edits": self.edits,
            "warnings": self.warnings,
            "source": self.source,
            "fields": self.fields,
        }
