"""Strip the inline pinyin annotations some sites put after characters: ``來(lái)`` → ``來``.

An annotation is one pinyin syllable in brackets, right after the character it names (which may be a
character the site's mojibake destroyed: ``F(xiàn)``, ``R(shí)``). A syllable with a tone mark is always an
annotation: no real bracket in a report holds one. A toneless syllable (the neutral tone: ``們(men)``) is
one only when the character before it has that reading, so ``(x)``, ``(xx)``, ``(a)`` after a list, or an
English word in brackets stay. Nothing else in brackets is touched: ``(社区)``, ``(二)``, ``(PM2.5)``,
``(melody)``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reportnlp import codes
from reportnlp.types import Edit

__all__ = ["char_readings", "is_toned_syllable", "strip_pinyin"]

_TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜêếềḿńňǹü"
# full-width letters too (``来（ｌáｉ）``): a scraper's width is folded before the syllable is looked up
# ``(lái)`` or ``（lái）``, found with either bracket on either side: one class first lets ``re`` skip to a
# bracket at C speed (twice as fast as the alternation of the two forms); a match whose brackets differ
# (``(lái）``) is then left out
_ANNOTATION = re.compile(rf"[(（]([a-zａ-ｚ{_TONE_LETTERS}]{{1,6}})[)）]")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)}


@lru_cache(maxsize=1)
def _syllables() -> tuple[frozenset[str], frozenset[str]]:
    """``(toned, toneless)``: every reading pypinyin knows, and the same without tone marks."""
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r for value in pinyin_dict.values() for r in value.split(",")}
    toned = frozenset(r for r in readings if not r.isascii() and _toneless(r) != r)
    return toned, frozenset(_toneless(r) for r in readings)


def _toneless(syllable: str) -> str:
    """``xiàn`` → ``xian``; ``lǚ`` → ``lü`` (the umlaut is part of the syllable, not a tone)."""
    decomposed = unicodedata.normalize("NFD", syllable.replace("ü", "\0"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\0", "ü")


@lru_cache(maxsize=8192)
def char_readings(ch: str) -> frozenset[str]:
    """The toned readings pypinyin gives a character (traditional ones included).

    >>> "lái" in char_readings("來"), "shì" in char_readings("麝")
    (True, False)
    """
    from pypinyin.pinyin_dict import pinyin_dict

    value = pinyin_dict.get(ord(ch)) if len(ch) == 1 else None
    return frozenset(value.split(",")) if value else frozenset()


def is_toned_syllable(text: str) -> bool:
    """True for one pinyin syllable with a tone mark.

    >>> is_toned_syllable("xiàn"), is_toned_syllable("xian"), is_toned_syllable("café")
    (True, False, False)
    """
    return text in _syllables()[0]


def _is_annotation(syllable: str, before: str) -> bool:
    syllable = syllable.translate(_FOLD)
    if is_toned_syllable(syllable):
        return True
    if syllable not in _syllables()[1] or not before:
        return False
    return any(_toneless(r) == syllable for r in char_readings(before))


def _annotation_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _ANNOTATION.finditer(text):
        start, end = m.span()
        if (text[start] == "(") != (text[end - 1] == ")"):
            continue
        before = text[start - 1] if start else ""
        if _is_annotation(m.group(1), before):
            spans.append(m.span())
    return spans


def strip_pinyin(text: str) -> tuple[str, list[Edit]]:
    """Remove inline pinyin annotations; one :class:`Edit` per annotation removed.

    >>> strip_pinyin("今年以來(lái),xx鎮(zhèn)緊緊圍繞(社区)")[0]
    '今年以來,xx鎮緊緊圍繞(社区)'
    >>> strip_pinyin("取得成效,F(xiàn)將有關(guān)情況")[1][0].before
    '(xiàn)'
    """
    if "(" not in text and "（" not in text:
        return text, []
    spans = _annotation_spans(text)
    if not spans:
        return text, []
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    result = "".join(out)
    if not _annotation_spans(result):
        edits = [
            Edit(codes.STEP_PINYIN, s, e, text[s:e], "", codes.PINYIN_ANNOTATION) for s, e in spans
        ]
        return result, edits
    return _strip_nested(text)


def _strip_nested(text: str) -> tuple[str, list[Edit]]:
    """Strip until nothing is left to strip (``來((lái)lái)``): one edit per run of removed characters."""
    deleted = [False] * len(text)
    kept = list(range(len(text)))  # original index of every character still in the text
    while True:
        current = "".join(text[i] for i in kept)
        spans = _annotation_spans(current)
        if not spans:
            break
        drop = {i for s, e in spans for i in range(s, e)}
        for i in drop:
            deleted[kept[i]] = True
        kept = [k for i, k in enumerate(kept) if i not in drop]
    edits, start = [], None
    for i, gone in enumerate([*deleted, False]):
        if gone and start is None:
            start = i
        elif not gone and start is not None:
            edits.append(
                Edit(codes.STEP_PINYIN, start, i, text[start:i], "", codes.PINYIN_ANNOTATION)
            )
            start = None
    return "".join(text[i] for i in kept), edits
