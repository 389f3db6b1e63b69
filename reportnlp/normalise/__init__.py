"""Normalisation: small steps, each ``(text) -> (text, edits)``, composed by :func:`normalise_text`.

Order matters: zero-width and control characters (and lone surrogates) go right after the newlines, so
no later step is fooled by them (``来(l\u200bái)``) and one pass reaches the fixed point; pinyin annotations go first (they name the characters mojibake lost), mojibake is repaired
before script conversion (conversion would scramble the byte patterns), width and spaces last. No step adds
or removes a line, so raw line numbers stay valid for the boilerplate stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from reportnlp import codes
from reportnlp.normalise import script as script_module
from reportnlp.normalise.decode import decode
from reportnlp.normalise.edits import apply_edits, replay, sub_with_edits
from reportnlp.normalise.mojibake import repair_mojibake
from reportnlp.normalise.pinyin import strip_pinyin
from reportnlp.normalise.script import detect_script, to_simplified
from reportnlp.normalise.width import normalise_width, strip_invisible
from reportnlp.types import Edit

__all__ = [
    "NormalisedText",
    "apply_edits",
    "decode",
    "detect_script",
    "normalise_newlines",
    "normalise_text",
    "normalise_width",
    "repair_mojibake",
    "replay",
    "strip_invisible",
    "strip_pinyin",
    "to_simplified",
]


@dataclass(frozen=True)
class NormalisedText:
    """What :func:`normalise_text` returns: the text, every edit in order, the script detected before
    conversion, and the text as it was before the width step (its indentation tells paragraphs apart)."""

    text: str
    edits: tuple[Edit, ...]
    script: str
    before_width: str


def normalise_newlines(text: str) -> tuple[str, list[Edit]]:
    r"""CRLF and lone CR to LF.

    >>> normalise_newlines("一\r\n二\r三")[0]
    '一\n二\n三'
    """
    if "\r" not in text:
        return text, []
    return sub_with_edits(r"\r\n?", "\n", text, codes.STEP_NEWLINES, codes.CRLF)


def normalise_text(
    text: str, *, to_simplified: bool = True, mojibake_budget: Optional[list[int]] = None
) -> NormalisedText:
    """Run every normalisation step on one document's text.

    ``mojibake_budget``: the work the mojibake repair may still do for the document this text belongs to
    (:func:`~reportnlp.normalise.mojibake.repair_budget`), shared by its calls (a page's text and title);
    by default, this text's own.

    >>> normalise_text("今年以來(lái),xx鎮(zhèn)緊緊圍繞中心").text
    '今年以来,xx镇紧紧围绕中心'
    """
    edits: list[Edit] = []
    text, e = normalise_newlines(text)
    edits += e
    text, e = strip_invisible(text)
    edits += e
    text, e_pinyin = strip_pinyin(text)
    edits += e_pinyin
    text, e = repair_mojibake(text, pinyin_edits=e_pinyin, budget=mojibake_budget)
    edits += e
    script, text, e = script_module.detect_and_simplify(text, convert=to_simplified)
    edits += e
    before_width = text
    text, e = normalise_width(text)
    edits += e
    return NormalisedText(text, tuple(edits), script, before_width)
