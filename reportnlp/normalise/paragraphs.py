"""Rebuild paragraphs from the kept lines of a page.

Scrapers break paragraphs (a line cut mid-sentence; Wikisource puts every hyperlinked term on a line of
its own) and run others together (several paragraphs on one line, each opened by U+3000 U+3000). This step
runs after the line decisions, on the kept lines separated by blank lines (``"\\n\\n"``, the *kept text*),
and records every join and split as an :class:`~reportnlp.types.Edit` with offsets into that kept text.
The clean text separates paragraphs by a blank line too, so cleaning it again changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple, Optional

from reportnlp import codes
from reportnlp.boilerplate.metadata import is_organisation
from reportnlp.boilerplate.rules import (
    CONTINUES,
    ends_sentence,
    is_date_line,
    is_heading,
    line_rule,
)
from reportnlp.types import Edit, Paragraph, new_edit

_INNER_INDENT = re.compile(
    r"(?<=[。！？；!?”’」』])[ \t]*\u3000{2,}[ \t\u3000]*(?=[^\s，。、；：！？）》”’」』,.;:!?)])"
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
#: What separates paragraphs in the kept text and in the clean text: a blank line.
PARA_SEP = "\n\n"


class KeptLine(NamedTuple):  # a tuple: made once per kept line, it is on the hot path
    """A kept line: its raw line number, normalised text, whether the raw line was indented, whether
    it directly follows the previous kept line in the raw page (no blank or dropped line between), and
    whether it is a numbered heading (``None``: not known yet, :func:`is_heading` tells).
    """

    line: int
    text: str
    indented: bool
    adjacent: bool
    heading: Optional[bool] = None


def blank_separated(kept: Sequence[KeptLine]) -> bool:
    """True when the page separates paragraphs with blank lines (so adjacent lines belong together)."""
    follows = [k.adjacent for k in kept[1:]]
    return bool(follows) and sum(not a for a in follows) >= 0.5 * len(follows)


#: Punctuation a line of running text holds (a title or an unnumbered heading holds none).
_PUNCT = re.compile(r"[，。、；：！？,;:!?“”（）()《》]")
#: How a line that goes on with the sentence above it starts (``最引人注目的成果之一`` / ``就是5G网络，…``).
_LEADS_ON = re.compile(r"就是|是|的|地|得|和|与|及|也|都|而|但|并且|或|则|了|着|过")


def _stands_alone(prev: KeptLine, cur: KeptLine, before: Optional[KeptLine]) -> bool:
    """*prev* is an unnumbered heading over *cur*, not a broken line: short and without punctuation,
    after a finished sentence (*before*, the kept line above it), above a line of prose
    (``坚持创新驱动发展`` between two paragraphs). The cheap tests come first: most lines are long."""
    return (
        4 <= len(prev.text) <= 30
        and len(cur.text) >= 20
        and before is not None
        and not _PUNCT.search(prev.text)
        and _PUNCT.search(cur.text) is not None
        and not _LEADS_ON.match(cur.text)
        and ends_sentence(before.text)
    )


def _joins(
    prev: KeptLine,
    cur: KeptLine,
    prev_heading: bool,
    cur_heading: bool,
    blank_style: bool,
    before: Optional[KeptLine] = None,
) -> bool:
    if not cur.adjacent:
        return False
    if cur.text[:1] in CONTINUES:
        return True
    if cur_heading or (prev_heading and not blank_style) or _stands_alone(prev, cur, before):
        return False
    if (is_date_line(cur.text) and is_organisation(prev.text)) or (
        before is not None and is_date_line(prev.text) and is_organisation(before.text)
    ):  # a sign-off: the organisation over its date, which closes it (``中国证券业协会`` / ``2015年7月4日``)
        return False
    ends = ends_sentence(prev.text)
    if blank_style:
        return not (cur.indented and ends)
    return not ends and not cur.indented and not prev.text.endswith(("”", "》"))


def _indent_cuts(text: str) -> list[re.Match]:
    """Where ``text`` runs paragraphs together (``…。\u3000\u3000次段…``), but not before a piece the line rules
    would drop on its own (``1.？\u3000\u30003``: a bare ``3`` is a page number): a second pass, reading that piece
    as a line, would drop it, so it stays in the paragraph before it."""
    found = list(_INNER_INDENT.finditer(text))
    return [
        m
        for k, m in enumerate(found)
        if line_rule(text[m.end() : found[k + 1].start() if k + 1 < len(found) else len(text)]) is None
    ]


def rebuild_paragraphs(kept: Sequence[KeptLine]) -> tuple[str, list[Edit], list[Paragraph]]:
    """Join broken lines and split run-together paragraphs; return ``(text, edits, paragraphs)``.

    >>> text, edits, paras = rebuild_paragraphs([
    ...     KeptLine(25, "二是以评星定级让宣讲工作赛起来。", True, False),
    ...     KeptLine(27, "三是对“事”上,每年将理论宣讲纳入考核;", True, False),
    ...     KeptLine(28, "对“人”上,优先推荐骨干宣讲员参评先进典型。", False, True)])
    >>> print(text)
    二是以评星定级让宣讲工作赛起来。
    <BLANKLINE>
    三是对“事”上,每年将理论宣讲纳入考核;对“人”上,优先推荐骨干宣讲员参评先进典型。
    >>> [p.lines for p in paras], edits[0].reason
    ([(25,), (27, 28)], 'broken_line_joined')
    """
    blank_style = blank_separated(kept)
    heading = [is_heading(k.text) if k.heading is None else k.heading for k in kept]
    edits: list[Edit] = []
    groups: list[list[int]] = []  # indices into kept
    line_pos: list[int] = []  # offset of each kept line in the kept text
    pos = 0  # offset in the kept text of the current line
    for i, k in enumerate(kept):
        line_pos.append(pos)
        # the line above kept[i - 1] (none for a page's first line, left to the title choice: the line
        # decisions of a second pass may read a short first line as the page's furniture)
        before = kept[i - 2] if i > 1 else None
        # (a line that does not follow the one above in the page joins nothing: tested before the call)
        if i and k.adjacent and _joins(kept[i - 1], k, heading[i - 1], heading[i], blank_style, before):
            sep = (
                " "
                if _ASCII_WORD.match(k.text[:1]) and _ASCII_WORD.match(kept[i - 1].text[-1:])
                else ""
            )
            edits.append(
                new_edit(codes.STEP_PARAGRAPHS, pos - 2, pos, PARA_SEP, sep, codes.JOIN_BROKEN_LINE)
            )
            groups[-1].append(i)
        else:
            groups.append([i])
        pos += len(k.text) + len(PARA_SEP)

    paragraphs: list[Paragraph] = []
    out: list[str] = []
    offset = 0
    make = object.__new__
    for g in groups:
        first = kept[g[0]]
        joined = first.text
        if len(g) == 1:
            lines: tuple[int, ...] = (first.line,)
            starts = [0]
        else:
            starts = [0]
            for a, b in zip(g, g[1:]):
                prev, cur = kept[a], kept[b]
                if _ASCII_WORD.match(cur.text[:1]) and _ASCII_WORD.match(prev.text[-1:]):
                    joined += " "
                starts.append(len(joined))
                joined += cur.text
            lines = tuple(kept[j].line for j in g)
        pieces = [joined]
        if "\u3000\u3000" in joined:
            cuts = _indent_cuts(joined)
            if cuts:
                pieces, at = [], 0
                for m in cuts:  # each cut falls inside one line: its offset in the kept text from that line's
                    j = bisect_right(starts, m.start()) - 1
                    shift = line_pos[g[j]] - starts[j]
                    edits.append(
                        Edit(
                            codes.STEP_PARAGRAPHS,
                            shift + m.start(),
                            shift + m.end(),
                            m.group(),
                            PARA_SEP,
                            codes.SPLIT_INDENTED,
                        )
                    )
                    pieces.append(joined[at : m.start()])
                    at = m.end()
                pieces.append(joined[at:])
        for piece in pieces:
            if out:
                offset += len(PARA_SEP)
            paragraph = make(Paragraph)  # new_paragraph inlined: one call less a paragraph
            paragraph.__dict__.update(start=offset, end=offset + len(piece), text=piece, lines=lines)
            paragraphs.append(paragraph)
            out.append(piece)
            offset += len(piece)
    edits.sort(key=lambda e: e.start)
    return PARA_SEP.join(out), edits, paragraphs
