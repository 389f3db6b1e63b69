"""Width and spaces: full-width ASCII to half-width, one form of enumeration brackets, invisible characters
and stray spaces out; Chinese punctuation keeps its width.

What changes (one :class:`~reportnlp.types.Edit` per match, step ``"width"``):

* full-width letters, digits and ASCII symbols ``＃＄％＆＊＋－．／＜＝＞＠＼＾＿｀｜`` become half-width
  (``FULLWIDTH_ASCII``); ``！＂＇（），：；？［］｛｝～`` are Chinese punctuation and stay, as do ``×``,
  ``——``, ``…`` and ``￥``;
* enumeration markers take the full-width brackets of official documents (GB/T 9704): ``(一)``, ``(一）``
  and ``（一）`` → ``（一）``; ``(1)`` and ``（１）`` → ``（1）`` (``BRACKET_FORM``). Only a bracket holding a
  Chinese numeral or a number below 100 and not preceded by a Latin letter or digit (``f(1)`` stays);
* zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens are removed (``ZERO_WIDTH``),
  so are control characters other than tab, LF and CR, and bidirectional marks (``CONTROL``). They are
  removed before the rest is looked at, so ``(\u200b一)`` still counts as a marker;
* the indentation of every line (spaces, tabs, U+3000, U+00A0 and other Unicode spaces) is removed
  (``INDENT``), and so is trailing whitespace (``SPACE``). Inside a line, a run of spaces between two CJK
  characters or punctuation marks becomes one space (红星网\u3000\u3000时间 → 红星网 时间: the separator
  is kept, not deleted), any other non-ASCII space a plain space (``SPACE``); a single ASCII space, and
  spaces and tabs between Latin text, stay.

Kept on purpose: a run of two or more U+3000 inside a line right after sentence-final punctuation
(``。！？；!?”’」』``) is where a scraper ran paragraphs together; it is left untouched, and the paragraph
step (:mod:`reportnlp.normalise.paragraphs`, ``_INNER_INDENT``) splits the line there.

No ``\n`` is added or removed, so raw line numbers stay valid, and the step is idempotent. One regular
expression (``_FAST``) finds the spots to change at C speed, ~3 ns a character, and Python sees only
those: the whole State Council corpus (1.12 M characters, 3.3 MB, ~5,000 edits) takes 12 ms (0.12 s
with the alternation ``_PATTERN`` tried at every position; the tests check the two agree).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reportnlp import codes
from reportnlp.normalise.edits import EditBuilder
from reportnlp.types import Edit, new_edit

__all__ = ["normalise_width", "strip_invisible"]

_SPACE = " \t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # whitespace inside a line
#: The characters of ``_SPACE``: what this step removes from a line's edges (the mojibake step reads a
#: line's edge past them).
LINE_SPACES = frozenset(" \t\u00a0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)
}
_ZERO = "\u200b-\u200d\u2060\ufeff\u00ad"  # zero-width characters and the soft hyphen
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
# written [x][x]* rather than [x]+ so that ``re`` skips to the first character at C speed
_INVISIBLE = re.compile(f"[{_ZERO}{_CONTROL}][{_ZERO}{_CONTROL}]*")
_HAS_CONTROL = re.compile(f"[{_CONTROL}]")
_HIDDEN_RUN = re.compile(f"([\ud800-\udfff]+)|([{_ZERO}{_CONTROL}]+)")
# one character class: ``re`` skips to a candidate at C speed (the alternation above is ten times slower)
_ANY_HIDDEN = re.compile(f"[\ud800-\udfff{_ZERO}{_CONTROL}]")
_ANY_HIDDEN_RUN = re.compile(f"[\ud800-\udfff{_ZERO}{_CONTROL}][\ud800-\udfff{_ZERO}{_CONTROL}]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
# full-width ASCII that is not Chinese punctuation: ＃＄％＆ ＊＋ －．／ 0-9 ＜＝＞ ＠ A-Z ＼ ＾＿｀ a-z ｜
_FULLWIDTH = (
    "[\uff03-\uff06\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff3a\uff3c\uff3e-\uff5a\uff5c]"
)
_NUMERAL = "[一二三四五六七八九十百零〇]{1,4}|[0-9０-９]{1,2}"
_ENUM = f"(?<![A-Za-z0-9_Ａ-Ｚａ-ｚ０-９])[(（](?:{_NUMERAL})[)）]"
_SENTENCE_END = "。！？；!?”’」』"  # as the paragraph step's split pattern
_MARKER = re.compile("[ \t]*\u3000{2,}[ \t\u3000]*")
_OTHER_SPACE_RX = re.compile(f"[{_SPACE[2:]}]")  # the non-ASCII ones
# CJK characters and punctuation, full-width forms, and the ASCII brackets that may become （）
_CJK = re.compile(
    "[()\u2014\u2018-\u201d\u2026\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003134f]"
)
_FW_TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}

# What the step replaces, in one alternation (the reference: :data:`_FAST` finds the same replacements).
_PATTERN = re.compile(
    f"\\A(?P<lead0>[{_SPACE}]+)"
    f"|\\n(?P<lead>[{_SPACE}]+)"
    f"|(?P<trail>[{_SPACE}]+)(?=\\n|\\Z)"
    f"|(?P<inner>[{_SPACE}]{{2,}}|[{_SPACE[1:]}])"  # a single ASCII space is left alone
    f"|(?P<enum>{_ENUM})"
    f"|(?P<fw>{_FULLWIDTH}+)"
)
_BEFORE_ENUM = "[A-Za-z0-9_Ａ-Ｚａ-ｚ０-９]"
_DIGITS = "[0-9０-９]{1,2}"
# The search pattern: the :data:`_PATTERN` matches that may change something, in one pass, ~0.3 µs a
# kilobyte. Each match starts with a character of the leading class, so ``re`` skips the text between
# them at C speed (an alternation opening with ``\A``, ``\n`` or a lookbehind is tried at every
# position, ten times slower); the lookbehinds then look at that character. The group that matched
# tells the kind (``m.lastindex``): a whole run of spaces starting a line (_LEAD), ending one (_TRAIL),
# or inside it, longer than one or not an ASCII space (_INNER: a single ASCII space is left alone); an
# enumeration bracket that is not already ``（一）``/``（1）`` (_ENUM_OPEN after "(", _ENUM_FULL after
# "（"); a run of full-width ASCII (_FW); an invisible character (_HIDDEN: the text goes the slow way).
_LEAD, _TRAIL, _INNER, _ENUM_OPEN, _ENUM_FULL, _FW, _HIDDEN = range(1, 8)
_FAST = re.compile(
    f"[{_SPACE}(（{_FULLWIDTH[1:-1]}{_ZERO}{_CONTROL}]"
    f"(?:(?<=[{_SPACE}])(?:(?<=\\n.)|(?<![\\s\\S]{{2}}))([{_SPACE}]*)"
    f"|(?<=[{_SPACE}])([{_SPACE}]*)(?=\\n|\\Z)"
    f"|(?<=[{_SPACE}])([{_SPACE}]*)(?:(?<=[{_SPACE}][{_SPACE}])|(?<=[{_SPACE[1:]}]))"
    f"|(?<=\\()(?<!{_BEFORE_ENUM}\\()((?:{_NUMERAL})[)）])"
    f"|(?<=（)(?<!{_BEFORE_ENUM}（)((?:{_NUMERAL})\\)|(?=[0-9]?[０-９]){_DIGITS}）)"
    f"|(?<={_FULLWIDTH})({_FULLWIDTH}*)"
    f"|(?<=[{_ZERO}{_CONTROL}])()"
    ")"
)


def _halfwidth(run: str) -> str:
    return run.translate(_FW_TABLE)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK.match(ch) is not None


def _inner(text: str, start: int, end: int) -> str:
    """The replacement of the whitespace run ``text[start:end]`` inside a line."""
    run = text[start:end]
    if text[start - 1] in _SENTENCE_END and _MARKER.fullmatch(run):
        return run  # paragraph marker: kept for the paragraph step
    if _is_cjk(text[start - 1]) and _is_cjk(text[end : end + 1]):
        return " "
    return _OTHER_SPACE_RX.sub(" ", run)


def _scan(text: str) -> tuple[str, list[Edit]] | None:
    """The new text and the edits for *text*, ``None`` if it holds an invisible character.

    Every :data:`_FAST` match is a :data:`_PATTERN` match (the others replace themselves); they come
    in order and never overlap.
    """
    edits: list[Edit] = []
    parts: list[str] = []
    pos = 0
    keep, add, make = parts.append, edits.append, object.__new__  # new_edit inlined: a call less an edit
    step, indent, space, fullwidth = (
        codes.STEP_WIDTH,
        codes.INDENT,
        codes.SPACE,
        codes.FULLWIDTH_ASCII,
    )
    for m in _FAST.finditer(text):
        start, end = m.span()
        kind = m.lastindex
        before = text[start:end]
        if kind == _LEAD or kind == _TRAIL:  # removed
            keep(text[pos:start])
            edit = make(Edit)
            edit.__dict__.update(
                step=step, start=start, end=end, before=before, after="",
                reason=indent if kind == _LEAD else space,
            )  # fmt: skip
            add(edit)
            pos = end
            continue
        if kind == _FW:
            new, reason = before.translate(_FW_TABLE), fullwidth
        elif kind == _INNER:
            new, reason = _inner(text, start, end), space
            if new == before:
                continue
        elif kind == _HIDDEN:
            return None
        else:
            new = f"（{_halfwidth(before[1:-1])}）"
            full = kind == _ENUM_FULL and before[-1] == "）"
            reason = fullwidth if full else codes.BRACKET_FORM
        keep(text[pos:start])
        keep(new)
        edit = make(Edit)
        edit.__dict__.update(step=step, start=start, end=end, before=before, after=new, reason=reason)
        add(edit)
        pos = end
    if not edits:
        return text, []
    keep(text[pos:])
    return "".join(parts), edits


def strip_invisible(text: str) -> tuple[str, list[Edit]]:
    """Zero-width and control characters out (``ZERO_WIDTH``, ``CONTROL``), and lone surrogates, which no
    file can hold (``LONE_SURROGATE``): the first step after newlines, so the pinyin and mojibake steps see
    ``来(l\u200bái)`` as ``来(lái)`` and one pass of :func:`~reportnlp.normalise.normalise_text` is its own
    fixed point. Step ``"invisible"``; tab and line breaks stay.

    >>> strip_invisible("意识┬\x1b形态" + chr(0xD83D))[0]
    '意识┬形态'
    """
    first = _ANY_HIDDEN.search(text)
    if first is None:
        return text, []
    edits: list[Edit] = []
    parts: list[str] = []
    pos = 0
    # runs of any hidden character, found at C speed from one character class; only a run that mixes
    # lone surrogates with the others is split the slow way (surrogates and the rest are edits apart)
    for run in _ANY_HIDDEN_RUN.finditer(text, first.start()):
        found = (
            _HIDDEN_RUN.finditer(text, run.start(), run.end())
            if _SURROGATE.search(run.group())
            else (run,)
        )
        for m in found:
            hidden = m.group()
            if _SURROGATE.match(hidden):
                reason = codes.LONE_SURROGATE
            else:
                reason = codes.CONTROL if _HAS_CONTROL.search(hidden) else codes.ZERO_WIDTH
            start, end = m.span()
            parts.append(text[pos:start])
            edits.append(new_edit(codes.STEP_INVISIBLE, start, end, hidden, "", reason))
            pos = end
    parts.append(text[pos:])
    return "".join(parts), edits


def normalise_width(text: str) -> tuple[str, list[Edit]]:
    """Normalise widths, invisible characters and spaces; return the new text and its edits.

    >>> normalise_width("\\u3000\\u3000（１）ＧＤＰ增长５．２％，(二)城镇新增就业１２５６万人。")[0]
    '（1）GDP增长5.2%，（二）城镇新增就业1256万人。'
    >>> normalise_width("全面推进。\\u3000\\u3000二是加强  宣传\\u200b工作 ")[0]
    '全面推进。\\u3000\\u3000二是加强 宣传工作'
    """
    done = _scan(text)
    if done is not None:
        return done
    b = EditBuilder(text, codes.STEP_WIDTH)
    invisible = list(_INVISIBLE.finditer(text))
    # Remove invisible characters first and scan what is left, so that "(\u200b一)" or "一 \x00 二" come
    # out as if the invisible character had never been there; then map the spans back onto *text*.
    visible_at: list[int] = []  # position in the cleaned text where each invisible run was
    shift: list[int] = []  # characters removed up to and including that run
    pieces: list[str] = []  # the text between the runs
    removed = pos = 0
    for m in invisible:
        pieces.append(text[pos : m.start()])
        pos = m.end()
        removed += m.end() - m.start()
        visible_at.append(m.end() - removed)
        shift.append(removed)
    pieces.append(text[pos:])

    def to_text(k: int) -> int:
        i = bisect_right(visible_at, k)
        return k + (shift[i - 1] if i else 0)

    cleaned = "".join(pieces)
    spans: list[tuple[int, int]] = []
    for e in (_scan(cleaned) or ("", []))[1]:
        t_start, t_end = to_text(e.start), to_text(e.end - 1) + 1
        b.replace(t_start, t_end, e.after, e.reason)
        spans.append((t_start, t_end))
    j = 0
    for m in invisible:  # runs not inside a replaced span get their own edit
        while j < len(spans) and spans[j][1] <= m.start():
            j += 1
        if j < len(spans) and spans[j][0] <= m.start():
            continue
        reason = codes.CONTROL if _HAS_CONTROL.search(m.group()) else codes.ZERO_WIDTH
        b.replace(m.start(), m.end(), "", reason)
    return b.build()
