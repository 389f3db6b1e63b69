"""Per-line hints: what a reader already knows about a line before the line decisions run.

A *hint* is a drop reason (a code such as ``dom:nav`` from the HTML path, ``docx:header`` or
``pdf:page_number``) or ``None``. :func:`reportnlp.clean` takes one hint per line (``hints=``): the hinted
lines are blanked before the line decisions run (so the classifier, learned or rule-based, reads the
content without the furniture around it: its head/tail zones and corpus counts see what a reader would),
then dropped with their hint as the reason; every other line keeps its line decision and reason.

The interface to the line classifier (reportnlp/boilerplate/) is this one function: a classifier that wants
DOM evidence as a feature can take the same ``hints`` sequence (``None`` = no evidence) as ``dom_hint``
per line; nothing else couples the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from reportnlp import codes
from reportnlp.types import LineDecision


def blank_hinted(lines: Sequence[str], hints: Optional[Sequence[Optional[str]]]) -> list[str]:
    """``lines`` with every hinted line emptied (same count and order)."""
    if not hints:
        return list(lines)
    return ["" if i < len(hints) and hints[i] else ln for i, ln in enumerate(lines)]


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
        if hint and i < len(out) and texts[i].strip():
            out[i] = LineDecision(out[i].line, codes.DROP, hint, texts[i])
    return out
