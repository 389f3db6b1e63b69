"""Per-line hints: what a reader already knows about a line before the line decisions run.

A *hint* is a drop reason (a code such as ``dom:nav`` from the HTML path, ``docx:header`` or
``pdf:page_number``; all in :data:`reportnlp.codes.READER_REASONS`), :data:`~reportnlp.codes.R_DOM_MAIN`
(the line sits in the page's main block) or ``None``. :func:`reportnlp.clean` takes one hint per line
(``hints=``): lines with a drop hint are blanked before the line decisions run (so the classifier, learned
or rule-based, reads the content without the furniture around it: its head/tail zones and corpus counts
see what a reader would), then dropped with their hint as the reason. A main-block line that the line
decisions dropped only for its *position* (before the body, after the footer, among furniture, in a list
of links) is kept under ``dom:main_content``: the DOM says where the article is. Every other line keeps
its line decision and reason.

The interface to the line classifier (reportnlp/boilerplate/) is this one function: a classifier that wants
DOM evidence as a feature can take the same ``hints`` sequence (``None`` = no evidence) as ``dom_hint``
per line; nothing else couples the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from reportnlp import codes
from reportnlp.types import LineDecision

#: Line reasons that come from a line's place on the page rather than from what it says.
POSITIONAL = frozenset(
    {codes.R_HEAD_ZONE, codes.R_TAIL_ZONE, codes.R_AMONG_FURNITURE, codes.R_RELATED_ITEM}
)


def _drops(hint: Optional[str]) -> bool:
    return bool(hint) and hint != codes.R_DOM_MAIN


def blank_hinted(lines: Sequence[str], hints: Optional[Sequence[Optional[str]]]) -> list[str]:
    """``lines`` with every line that has a drop hint emptied (same count and order)."""
    if not hints:
        return list(lines)
    return ["" if i < len(hints) and _drops(hints[i]) else ln for i, ln in enumerate(lines)]


def apply_hints(
    decisions: Sequence[LineDecision],
    hints: Optional[Sequence[Optional[str]]],
    texts: Sequence[str],
) -> list[LineDecision]:
    """The decisions with each hinted line dropped under its hint (``texts``: the lines' own text)."""
    if not hints:
        return list(decisions)
    out = list(decisions)
    for i, hint in enumerate(hints):
        if not hint or i >= len(out) or not texts[i].strip():
            continue
        d = out[i]
        if hint != codes.R_DOM_MAIN:
            out[i] = LineDecision(d.line, codes.DROP, hint, texts[i])
        elif d.action == codes.DROP and d.reason in POSITIONAL:
            out[i] = LineDecision(d.line, codes.KEEP, hint, texts[i])
    return out
