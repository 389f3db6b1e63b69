"""Second pass over a page's line decisions: each line read again among its neighbours (jusText's idea).

The first pass (:mod:`reportnlp.boilerplate.classify`) judges a line by itself and by its zone (head,
body, tail). Furniture inside the body escapes it when no rule knows its words: a forum poster's name, a
badge, a sidebar's links, a signature. Three revisions catch it from its surroundings:

* **comments**: a comment section's header after the article (``全部评论 23``, ``23 条评论``,
  ``精选留言``) opens a zone of readers' comments that runs to the end of the page, provided the article
  before it holds at least as much body text as the zone (a count in a share bar above a story opens
  nothing);
* **signatures**: a line a page repeats, each copy right above furniture (a poster's motto above the
  reply buttons of each of their posts), is furniture;
* **furniture islands**: a short line that is neither body prose nor a heading, whose nearest
  non-blank neighbours above and below are both boilerplate (or the page's edge), is boilerplate too.
  Body prose (:func:`is_body_line`) and the title bound the islands; a short line next to body text is
  kept, so headings, salutations (``同志们：``) and broken sentences stay.

They act only on a page that has body prose, and only turn ``keep`` into ``drop``, each with its reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Optional

from reportnlp import codes
from reportnlp.boilerplate.rules import ends_sentence, is_date_line, is_heading, is_long_prose

#: The header of a comment section, alone on its line: a qualified name (``全部评论``, ``精选留言``,
#: ``评论区``), a count (``评论 89``, ``23 条评论``) or the box (``写评论...``); a bare ``评论`` is not one.
COMMENT_HEADER = re.compile(
    r"(?:(?:全部|热门|最新|精彩|精选|网友|最热)(?:评论|留言|跟帖|跟贴)(?:区|列表)?|(?:评论|留言|跟帖|跟贴)(?:区|列表))"
    r"\s*(?:[(（]?\s*\d+\s*[)）]?)?"
    r"|(?:评论|留言|跟帖|跟贴)\s*[(（]?\s*\d+\s*[)）]?"
    r"|\d+\s*条(?:评论|留言)|(?:写|发表|添加)(?:评论|留言)\.*|文明上网.{0,10}"
)
_BULLETS = "·•▪◆◇■□●○▶►-*"

_BOILERPLATE, _BODY, _SHORT = 1, 2, 3
_TRANSPARENT = frozenset({codes.R_MEDIA_PLACEHOLDER, codes.R_PHOTO_CAPTION})
_SIGNATURE_MAX = 60  # characters: a motto, not a paragraph


def is_body_line(line: str, heading: Optional[bool] = None) -> bool:
    """Body text that bounds furniture islands: prose, a numbered heading (``heading``, when already
    known), or a sentence of 15+ characters (not a bulleted link).

    >>> is_body_line("一、主要工作开展情况"), is_body_line("希望公交线路早点开通，每天上班要倒两趟车。")
    (True, True)
    >>> is_body_line("笔杆子老郑"), is_body_line("· 老旧小区加装电梯，难在哪里？")
    (False, False)
    >>> is_body_line("——基于浙江省嵊州市乡镇治理创新实践")
    True
    """
    return (
        is_long_prose(line)
        or (is_heading(line) if heading is None else heading)
        or (len(line) >= 15 and line[0] not in _BULLETS and ends_sentence(line))
        # a long clause cut off by the page (no full stop at its end) is still prose, not a label
        or (len(line) >= 50 and line[0] not in _BULLETS and sum(c in "，,；;" for c in line) >= 2)
        # a subtitle under the headline (``——基于…的实践``)
        or (line.startswith(("——", "——")) and len(line) >= 8)
    )


def revise(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    actions: list[str],
    reasons: list[str],
    body_lines: frozenset[int] = frozenset(),
) -> None:
    """Revise the first-pass ``actions``/``reasons`` of the stripped lines ``texts`` in place
    (``filled``: the indices of the non-blank lines; ``heading``: which are numbered headings;
    ``body_lines``: lines known to be text whatever their length, the fragments of a broken document).

    >>> texts = ["如何写好年终总结", "", "去年七月考进街道办，分在社区建设科，写了两个晚上的总结，请大家指正。",
    ...          "回复", "一只会写稿的猫", "2024-01-15 21:03:55", "整体挺规范的，建议把第二条换个说法，别念出来尴尬。"]
    >>> actions = ["title", "blank", "keep", "drop", "keep", "meta", "keep"]
    >>> reasons = ["title", "blank", "body", "ui_controls", "body", "metadata", "body"]
    >>> revise(texts, [0, 2, 3, 4, 5, 6], [False] * len(texts), actions, reasons)
    >>> actions[4], reasons[4]
    ('drop', 'among_furniture')
    """
    kind = [0] * len(texts)
    furniture = (codes.DROP, codes.META, codes.TITLE)
    for i in filled:
        if actions[i] in furniture:
            kind[i] = _BOILERPLATE
        else:
            kind[i] = _BODY if i in body_lines or is_body_line(texts[i], heading[i]) else _SHORT
    if _BODY not in kind:
        return
    _comment_zone(texts, kind, actions, reasons)
    # an image's place in the text (``image.png``) bounds nothing: the text runs on around it
    filled = [i for i in filled if reasons[i] not in _TRANSPARENT]
    _signatures(texts, filled, heading, kind, actions, reasons)
    _islands(texts, filled, kind, actions, reasons)


def _comment_zone(
    texts: Sequence[str], kind: list[int], actions: list[str], reasons: list[str]
) -> None:
    first_body = kind.index(_BODY)
    for h in range(first_body + 1, len(texts)):
        t = texts[h]
        if not t or len(t) > 20 or not COMMENT_HEADER.fullmatch(t):
            continue
        before = sum(len(texts[i]) for i in range(h) if kind[i] == _BODY)
        after = sum(len(texts[i]) for i in range(h + 1, len(texts)) if kind[i] == _BODY)
        if before < after:  # not after the article: a count above it, or a long thread
            continue
        for j in range(h, len(texts)):
            if actions[j] == codes.KEEP:
                actions[j], reasons[j], kind[j] = codes.DROP, codes.R_COMMENTS, _BOILERPLATE
        return


def _signatures(
    texts: Sequence[str],
    filled: Sequence[int],
    heading: Sequence[bool],
    kind: list[int],
    actions: list[str],
    reasons: list[str],
) -> None:
    copies: dict[str, list[int]] = {}
    for i in filled:
        k = kind[i]
        if (k == _SHORT or k == _BODY) and len(texts[i]) <= _SIGNATURE_MAX and not heading[i]:
            copies.setdefault(texts[i], []).append(i)
    for repeated in (c for c in copies.values() if len(c) > 1):
        if all(_next_kind(filled, kind, i) == _BOILERPLATE for i in repeated):
            for i in repeated:
                actions[i], reasons[i], kind[i] = codes.DROP, codes.R_SIGNATURE, _BOILERPLATE


def _next_kind(filled: Sequence[int], kind: Sequence[int], i: int) -> int:
    """The kind of the next non-blank line (boilerplate at the page's end)."""
    k = bisect_right(filled, i)
    return kind[filled[k]] if k < len(filled) else _BOILERPLATE


def _islands(
    texts: Sequence[str],
    filled: Sequence[int],
    kind: Sequence[int],
    actions: list[str],
    reasons: list[str],
) -> None:
    run: list[int] = []
    bounded = True  # the page's top edge bounds the first run
    label = False  # the line before is a field's label alone (``发文机关：``)
    for i in filled:
        k = kind[i]
        if label and k != _BOILERPLATE and len(texts[i]) <= 30 and not _STOPS.search(texts[i]) and not (
            texts[i].endswith((":", "："))  # a salutation (``各位代表：``) or the next label
        ):
            # the field's value on its own line (``发文机关：`` / ``某市人民政府``): metadata, not an island
            actions[i], reasons[i] = codes.META, codes.R_META
            run, bounded, label = [], True, False
            continue
        label = actions[i] == codes.META and texts[i].endswith((":", "："))
        if k == _SHORT and _DOC_MARK.fullmatch(texts[i]):
            run, bounded = [], False  # an official text's own closing mark: part of the document
            continue
        if k == _SHORT:
            run.append(i)
            continue
        # a run just above a date alone is a document's sign-off (某某县人民政府办公室 / 2024年3月1日)
        if run and bounded and k == _BOILERPLATE and not is_date_line(texts[i]):
            _drop(run, actions, reasons)
        run = []
        bounded = k == _BOILERPLATE
    if run and bounded:  # the bottom edge
        _drop(run, actions, reasons)
    # the header of the article, read once the furniture is known: above the first body line, a date
    # alone (``2009年11月09日11:58``) is the page's date, and a handle alone right above the publication
    # field (``体育教科书`` / ``发布时间：18-03-08 23:16``) its author
    first_body = next((i for i in filled if kind[i] == _BODY), len(texts))
    for k, i in enumerate(filled):
        if i >= first_body:
            break
        if reasons[i] != codes.R_AMONG_FURNITURE:
            continue
        t = texts[i]
        nxt = filled[k + 1] if k + 1 < len(filled) else None
        if _HEADER_DATE.fullmatch(t) or (
            nxt is not None
            and actions[nxt] == codes.META
            and _PUBLISHED_FIELD.match(texts[nxt])
            and _HANDLE.fullmatch(t)
        ):
            actions[i], reasons[i] = codes.META, codes.R_META


_STOPS = re.compile(r"[。！？；!?;]")  # a sentence's stops: never a field's value
#: An official document's publication mark under its sign-off (``（此件公开发布）``).
_DOC_MARK = re.compile(r"[（(]此件(?:公开发布|主动公开|依申请公开|不予公开|不公开)[）)]")
#: A date with its year, alone or with its time: ``2009年11月09日11:58``, ``2019-09-23 07:48``.
_HEADER_DATE = re.compile(
    r"(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
)
_PUBLISHED_FIELD = re.compile(r"(?:发布|发表)(?:时间|日期|于)")
_HANDLE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9_·]{2,16}")


def _drop(run: Sequence[int], actions: list[str], reasons: list[str]) -> None:
    for i in run:
        actions[i], reasons[i] = codes.DROP, codes.R_AMONG_FURNITURE
