"""Plain data records passed between the stages.

Every record is a frozen dataclass with a ``to_dict()`` giving the JSON form the CLI writes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


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
        return asdict(self)


@dataclass(frozen=True)
class LineDecision:
    """What the boilerplate stage decided for one raw line (1-based ``line``)."""

    line: int
    action: str  # one of codes.ACTIONS
    reason: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text: ``text == doc.text[start:end]``; ``lines`` are raw line numbers."""

    start: int
    end: int
    text: str
    lines: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lines": list(self.lines)}


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

    @property
    def dropped(self) -> list[LineDecision]:
        """The raw lines dropped as boilerplate, each with its reason."""
        return [d for d in self.lines if d.action == "drop"]

    def to_dict(self) -> dict[str, Any]:
        """The JSON record written by ``reportnlp clean``.

        The input encoding is left out so that one page gives the same record whatever its encoding;
        ``reportnlp clean --stats`` reports it per document.
        """
        return {
            "id": self.id,
            "title": self.title,
            "meta": dict(self.meta),
            "text": self.text,
            "script": self.script,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "dropped": [{"line": d.line, "reason": d.reason, "text": d.text} for d in self.dropped],
            "edits": [e.to_dict() for e in self.edits],
            "warnings": list(self.warnings),
        }
