"""Repair GBK byte-shift mojibake: stretches a scraper decoded one byte out of step.

A page whose GBK byte stream lost or gained a byte is decoded out of phase, each character made of one
character's trail byte and the next one's lead byte, until an ASCII byte brings it back in step:
``（一）意識`` (A3A8 D2BB A3A9 D2E2 D752) read one byte early is ``。ㄒ唬┮庾R`` (A1A3 A8D2 BBA3 A9D2 E2D7 52).
Such a stretch gives itself away by characters no report uses (bopomofo, box drawing, private use, radicals),
by an annotation whose reading the annotated character lacks (``F(xiàn)``: a lone trail byte whose lead byte
was lost), or by a ``?`` a decoder left for a byte it could not read, with the ``(`` it swallowed
(``日?qǐng)?bào)``). Around each such clue the bytes are read again, all ways at once (Viterbi over the bytes):
one byte may be dropped, a ``?`` stands for any non-ASCII byte, a half-width ASCII sign may have been
full-width, a byte an annotation names may be missing; each reading is scored by how common its characters
and two-character words are and by how many annotations it satisfies, either by the character itself or by the
out-of-phase one the site annotated (``?`` + ``qǐng`` = the trail byte of 日 and a lost byte: 請 = D588,
so the lost byte is 88, the lead of 報). A byte filled in without such a check is kept only when its
character clearly beats every other value it could take; what cannot be read again is removed.
A line that the repair leaves opening with ``）`` gets its lost heading number back from its neighbours.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Optional

from reportnlp import codes
from reportnlp.normalise.edits import EditBuilder
from reportnlp.normalise.pinyin import char_readings, is_toned_syllable
from reportnlp.normalise.width import LINE_SPACES
from reportnlp.types import Edit

__all__ = ["repair_budget", "repair_mojibake"]

# --- what gives a damaged stretch away ------------------------------------------------------------
_GARBAGE_CLASS = "\u2500-\u257f\u2e80-\u2eff\u3100-\u312f\u31a0-\u31bf\ue000-\uf8ff\ufffd"
_GARBAGE = re.compile(f"[{_GARBAGE_CLASS}]")
_BOX = re.compile("[\u2500-\u257f]")
_TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜêếềḿńňǹü"
_SWALLOWED = re.compile(rf"[?\ufffd]([a-z{_TONE_LETTERS}]{{1,6}})\)")
_ANNOTATION = re.compile(rf"[(（]([a-z{_TONE_LETTERS}]{{1,6}})[)）]")

# --- scores (log10 units) -------------------------------------------------------------------------
_OFFSET = 4.0  # a character of frequency 1e-4 scores 0
_RARE_KEPT = -3.0  # a character without frequency, read as it was
_RARE_MADE = -6.0  # a character without frequency that a re-reading would make
_QUESTION_MARK = -4.0  # a literal "?" between two CJK characters, inside a damaged stretch
_DROP = (
    2.5  # one byte of a suspect character dropped (damaged, rare, annotated with another reading)
)
_DROP_GOOD = 5.0  # one byte of a plausible character dropped
_INSERT = 1.5  # one byte inserted that an annotation names
_INSERT_FREE = 3.0  # one byte inserted with no annotation to check it
_DELETE = 0.5  # one "?" removed (a two-byte character removed costs its two bytes dropped)
_DANGLING = 0.5  # a lead byte left at a shifted run's end of line: its trail went with the line break
_LINE_OPENING = 3.0  # a line opening with a mark that closes a clause
_CLOSING = "。，、；：？！,;:?!"
_FULLWIDTH = 1.0  # an ASCII sign read as the full-width one it was
_MATCH = 3.0  # an annotation the character has
_PHANTOM = 2.0  # an annotation the out-of-phase character has
_UNMATCHED = 3.0  # an annotation neither has
_DOC_READING = 1.0  # the document annotates this character with this reading elsewhere
_WORD = 0.7  # times log10(frequency / 100) of a two-character word
_MARGIN = 1.0  # an unchecked byte must make a character this much better than any other value would
_BEAM = 48
# The work one document's repair may do, shared by its title's and its text's calls: a unit is a candidate
# character scored or a reading carried over one byte (2.4-5.3 µs each on session 14's VM, 7.6 on runs of
# U+FFFD; candidates alone, as sessions 5-13 counted, cost 10-20 µs each where the bytes were "?"s). A page of
# nothing but damage (U+FFFD every ten characters over 50 kB) would need hundreds of millions (minutes). Past
# the budget, the document's remaining windows are only cleared. A floor (a title or a short record with
# three damaged headings, ~34,000 units each, is read whole), a share per character, and a cap (0.5-0.75 s
# of CPU on the fuzz runs' slowest inputs of up to 100 kB). The most any real document we hold needs is
# 134,239 units (seed 004, 2,234 characters; 137 a character at most, tpl_20: bench/dump_clean.py --stats
# --unlimited; docs/performance-history.md, session 14).
_BUDGET = 200_000  # the cap
_BUDGET_FLOOR = 100_000
_BUDGET_PER_CHAR = 150
# A window of nothing but lost bytes: removed without reading (the reading would remove them all)
_LOST = re.compile("\ufffd+")
_REACH = 10  # characters read again on each side of a clue
_MAX_WINDOW = 500  # characters read again at once (real windows are a few dozen)
_NEG = -1e9

_WILD = -2  # a byte value standing for any non-ASCII byte
_LEADS = range(0x81, 0xFF)
_NUMERALS = "一二三四五六七八九十"
_MARKER = re.compile(r"\s*[（(]([一二三四五六七八九十]{1,3})[）)]")


# --- tables ---------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _char_table() -> tuple[dict[str, float], dict[str, str]]:
    """Character scores (``log10 p``) and traditional → simplified pairs, from ``zh_char_scores.txt``."""
    scores: dict[str, float] = {}
    t2s: dict[str, str] = {}
    text = (
        resources.files("reportnlp.data").joinpath("zh_char_scores.txt").read_text(encoding="utf-8")
    )
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, chars = line.split("\t", 1)
        if key == "=":
            t2s.update(zip(chars[::2], chars[1::2]))
        else:
            scores.update(dict.fromkeys(chars, int(key) / 10))
    return scores, t2s


@lru_cache(maxsize=1)
def _word_table() -> dict[str, float]:
    """Two-character simplified words and their ``log10`` frequency, from ``zh_word_pairs.txt``."""
    words: dict[str, float] = {}
    text = (
        resources.files("reportnlp.data").joinpath("zh_word_pairs.txt").read_text(encoding="utf-8")
    )
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, ws = line.split("\t", 1)
            words.update(
                dict.fromkeys((ws[i : i + 2] for i in range(0, len(ws), 2)), int(key) / 10)
            )
    return words


@lru_cache(maxsize=1)
def _code_table() -> dict[int, str]:
    """Every two-byte GB18030 code (``lead << 8 | trail``) and its character."""
    table = {}
    for lead in _LEADS:
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                table[lead << 8 | trail] = bytes((lead, trail)).decode("gb18030")
            except UnicodeDecodeError:
                continue
    return table


@lru_cache(maxsize=1)
def _reading_index() -> dict[str, tuple[tuple[int, int, str], ...]]:
    """Reading → every ``(lead, trail, char)`` of a two-byte character pypinyin reads so."""
    index: dict[str, list[tuple[int, int, str]]] = {}
    for code, ch in _code_table().items():
        for reading in char_readings(ch):
            index.setdefault(reading, []).append((code >> 8, code & 0xFF, ch))
    return {r: tuple(v) for r, v in index.items()}


@lru_cache(maxsize=4096)
def _trails(lead: int, readings: frozenset[str]) -> tuple[int, ...]:
    """Trail bytes that make ``lead`` a character with one of ``readings``."""
    return tuple(t for r in readings for le, t, _ch in _reading_index().get(r, ()) if le == lead)


@lru_cache(maxsize=4096)
def _leads(trail: int, readings: frozenset[str]) -> tuple[int, ...]:
    """Lead bytes that make a character with one of ``readings`` of ``trail`` (``_WILD``: any byte)."""
    return tuple(
        sorted(
            {
                le
                for r in readings
                for le, t, _ch in _reading_index().get(r, ())
                if t == trail or (trail == _WILD and t >= 0x81)
            }
        )
    )


def _decode(lead: int, trail: int) -> str | None:
    return _code_table().get(lead << 8 | trail)


def _is_garbage(ch: str) -> bool:
    return bool(_GARBAGE.match(ch))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _char_score(ch: str, kept: bool) -> float:
    """How plausible a character is; a rare one a re-reading would make counts double against it."""
    score = _char_table()[0].get(ch)
    if score is not None:
        score += _OFFSET
        return score if kept or score >= 0 else 2 * score
    if ch.isascii():  # as good as its full-width form: "," is no worse than "，"
        return _char_score(chr(ord(ch) + 0xFEE0), True) if "!" <= ch <= "~" else 0.0
    return _RARE_KEPT if kept else _RARE_MADE


def _opening(ch: str, last_char: str) -> float:
    """Against a line opening with a mark that closes a clause (a heading's ``）`` may: its number was lost)."""
    return _LINE_OPENING if last_char == "\n" and ch in _CLOSING else 0.0


def _word_bonus(left: str, right: str) -> float:
    if not left or not right:
        return 0.0
    t2s = _char_table()[1]
    freq = _word_table().get(t2s.get(left, left) + t2s.get(right, right))
    return _WORD * (freq - 2.0) if freq is not None else 0.0


def _reads(ch: str | None, readings: frozenset[str] | None) -> bool:
    return bool(ch and readings and not readings.isdisjoint(char_readings(ch)))


# --- units: the characters of a damaged stretch, as the bytes they may stand for ----------------
@dataclass(frozen=True)
class _Unit:
    start: int  # span in the text
    end: int
    text: str
    alts: tuple[
        tuple[tuple[int, ...], float], ...
    ]  # the bytes it may stand for, each with its cost
    own: int  # index of the alternative that reads back as written, -1: none
    keep_ok: bool  # may stay as written
    keep_score: float | None  # its score when it stays (None: from the table)
    ann: frozenset[str] | None  # an annotation's readings, for the character holding its last byte
    deletable: bool  # damaged: may be removed whole
    free_insert: bool  # the lead byte of a character may have been lost right before it
    named: bool = (
        False  # a lost byte the out-of-phase annotation names: nothing is inserted next to it
    )
    drop_cost: float = _DROP

    @property
    def delete_cost(self) -> float:
        return 2 * self.drop_cost if self.own >= 0 and len(self.alts[self.own][0]) == 2 else _DELETE


class _Ctx(NamedTuple):
    units: tuple[_Unit, ...]
    doc_readings: frozenset[tuple[str, str]]
    forbid: frozenset[int]  # units whose unchecked bytes proved ambiguous
    budget: list[int]  # work the document may still do (shared by its windows and its calls)


class _OverBudget(Exception):
    """The document's re-reading budget ran out: the rest of its damaged stretches are only cleared."""


class _Key(NamedTuple):
    pending: int  # a lead byte waiting for its trail; -1 at a character boundary
    lead_unit: int
    lead_org: str  # "k0": first byte of a unit as written; "k": other byte; "w": a "?"; "i", "if": inserted
    lead_ann: frozenset[str] | None
    lead_phantom: (
        bool  # the lead's annotation names the out-of-phase character (previous byte + lead)
    )
    last_byte: int
    last_char: str


class _Char(NamedTuple):
    ch: str
    unit: int  # the unit holding its last real byte
    lead_unit: int
    code: int  # lead << 8 | trail; the byte for a one-byte character
    kept: bool  # a unit as written
    inserted: bool
    wild: bool
    free: tuple[str, ...]  # "l", "t": bytes nothing checked (a "?" or a lost byte)
    free_units: tuple[int, ...]


class _Pos(NamedTuple):
    j: int
    last: bool
    kept_first: bool
    kept_second: bool
    ann: frozenset[str] | None
    nxt: int  # the byte after this one, if known


def _encode(ch: str) -> tuple[int, ...] | None:
    try:
        enc = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return tuple(enc) if len(enc) <= 2 else None


def _wide(text: str, i: int) -> bool:
    # ASCII brackets count: the width step turns ``(1)`` into ``（1）`` after this one
    ch = text[i] if 0 <= i < len(text) else ""
    return bool(ch) and (not ch.isascii() or ch in "()") and not ch.isspace()


def _is_drawing(text: str, i: int) -> bool:
    """A box-drawing character not wedged between two other wide characters: a drawn table, not mojibake
    (``│ 項目 │``, ``┌──┐``; but ``唬┮庾``). A line's start or end (past its indentation or trailing
    spaces, which the width step removes) counts as wide: the paragraph step may join the line to the
    next, and ``仮┮`` + ``一`` must read alike before and after (one pass of ``clean`` is its fixed
    point)."""
    return bool(_BOX.match(text[i])) and not all(
        _edge(text, k, step) or (_wide(text, k) and not _BOX.match(text[k]))
        for k, step in ((i - 1, -1), (i + 1, 1))
    )


#: What the width step removes from a line's edges (U+2028 too, which is no line break here).
_LINE_SPACE = LINE_SPACES


def _edge(text: str, i: int, step: int) -> bool:
    """Only spaces lie from position *i* (going by *step*) to that end of its line."""
    while 0 <= i < len(text) and text[i] in _LINE_SPACE:
        i += step
    return i < 0 or i >= len(text) or text[i] in "\r\n"


def _named_by_phantom(prev: int, readings: frozenset[str]) -> tuple[int, ...]:
    """The bytes ``v`` for which ``prev`` + ``v`` is a character with one of ``readings``."""
    return _trails(prev, readings) if prev >= 0x81 else ()


def _units(
    text: str, start: int, end: int, ann: dict[int, frozenset[str]], prev: int
) -> list[_Unit]:
    """The units of ``text[start:end]``; ``prev`` is the last byte before it (-1: none)."""
    units: list[_Unit] = []
    i = start
    while i < end:
        ch = text[i]
        a = ann.get(i)
        m = _SWALLOWED.match(text, i) if ch in "?\ufffd" else None
        if m and m.end() <= end and is_toned_syllable(m.group(1)):
            # "?" + annotation: a byte lost with the "(" after it. If the previous byte and some byte v
            # make a character with that reading, the site annotated that out-of-phase character and
            # the lost byte is v; else the annotation names the character the lost byte belongs to.
            readings = frozenset({m.group(1)})
            named = _named_by_phantom(prev, readings)
            alts = tuple(((v,), 0.0) for v in named) or (((_WILD,), 0.0),)
            units.append(
                _Unit(
                    i, m.end(), m.group(), alts, -1, False, None, readings, True, False, bool(named)
                )
            )
            prev = named[0] if len(named) == 1 else -1
            i = m.end()
            continue
        enc = _encode(ch)
        if ch == "?":
            beside = _wide(text, i - 1) or _wide(text, i + 1) or (i > 0 and text[i - 1] == ")")
            score = _QUESTION_MARK if beside else 0.0
            units.append(
                _Unit(
                    i, i + 1, ch, (((_WILD,), 0.0), ((0x3F,), 0.0)), 1, True, score, a, True, False
                )
            )
        elif ch == "\ufffd":
            units.append(_Unit(i, i + 1, ch, (((_WILD,), 0.0),), -1, False, None, a, True, False))
        elif enc is None:  # no GBK bytes: stays or goes whole
            garbage = _is_garbage(ch)
            units.append(_Unit(i, i + 1, ch, (), -1, not garbage, 0.0, a, garbage, False))
        elif len(enc) == 1:
            alts: list[tuple[tuple[int, ...], float]] = [(enc, 0.0)]
            if 0x21 <= enc[0] <= 0x7E:
                alts.append(((0xA3, enc[0] | 0x80), _FULLWIDTH))
            cost = _DROP if a is not None else _DROP_GOOD
            units.append(
                _Unit(i, i + 1, ch, tuple(alts), 0, True, None, a, False, False, drop_cost=cost)
            )
        else:
            garbage = _is_garbage(ch) and not _is_drawing(text, i)
            mismatch = a is not None and not _reads(ch, a)
            opening = (i == 0 or text[i - 1] == "\n") and ch in _CLOSING
            suspect = garbage or mismatch or opening or _char_score(ch, True) < 0
            cost = _DROP if suspect else _DROP_GOOD
            units.append(
                _Unit(
                    i,
                    i + 1,
                    ch,
                    ((enc, 0.0),),
                    0,
                    not garbage,
                    None,
                    a,
                    garbage,
                    garbage or mismatch,
                    drop_cost=cost,
                )
            )
        last = units[-1].alts[units[-1].own][0] if units[-1].own >= 0 else ()
        prev = last[-1] if last and last[-1] != _WILD else -1
        i += 1
    return units


# --- Viterbi over the bytes ----------------------------------------------------------------------
_Node = Optional[tuple]  # (parent node, event)


def _push(beam: dict[_Key, tuple[float, _Node]], key: _Key, score: float, node: _Node) -> None:
    old = beam.get(key)
    if old is None or score > old[0]:
        beam[key] = (score, node)


def _boundary(byte: int, ch: str) -> _Key:
    return _Key(-1, -1, "", None, False, byte, ch)


def _doc_bonus(ctx: _Ctx, ch: str, readings: frozenset[str]) -> float:
    return _DOC_READING if any((ch, r) in ctx.doc_readings for r in readings) else 0.0


def _emit(
    key: _Key,
    ctx: _Ctx,
    trail: int,
    ui: int,
    trail_org: str,
    trail_ann: frozenset[str] | None,
    phantom_code: int,
    kept: bool,
) -> tuple[float, _Char] | None:
    """Score the character ``key.pending`` + ``trail`` completed in unit ``ui``; None if it may not be."""
    ch = _decode(key.pending, trail)
    if ch is None:
        return None
    ctx.budget[0] -= 1
    if kept:
        unit = ctx.units[ui]
        if not unit.keep_ok:
            return None
        score = unit.keep_score if unit.keep_score is not None else _char_score(ch, True)
    elif _is_garbage(ch):
        return None
    else:
        score = _char_score(ch, False)
    score += _word_bonus(key.last_char, ch) - _opening(ch, key.last_char)
    matched = False
    lead_free = key.lead_org in ("w", "if")
    trail_free = trail_org == "w"
    if key.lead_ann is not None:
        # an annotation follows the character it names: after a lead byte, only if the trail was lost
        if trail_org == "i" and _reads(ch, key.lead_ann):
            score += _MATCH + _doc_bonus(ctx, ch, key.lead_ann)
            matched = True
        elif key.lead_phantom:
            score += _PHANTOM
            lead_free = False
        else:
            score -= _UNMATCHED
    if trail_ann is not None:
        if _reads(ch, trail_ann):
            score += _MATCH + _doc_bonus(ctx, ch, trail_ann)
            matched = True
        elif phantom_code >= 0 and _reads(
            _decode(phantom_code >> 8, phantom_code & 0xFF), trail_ann
        ):
            score += _PHANTOM
            trail_free = False
        else:
            score -= _UNMATCHED
    free: tuple[str, ...] = ()
    free_units: tuple[int, ...] = ()
    if not matched:
        free = (("l",) if lead_free else ()) + (("t",) if trail_free else ())
        free_units = ((key.lead_unit,) if lead_free else ()) + ((ui,) if trail_free else ())
        if any(u in ctx.forbid for u in free_units):
            return None
    wild = "w" in (key.lead_org, trail_org)
    inserted = key.lead_org in ("i", "if") or trail_org == "i"
    code = key.pending << 8 | trail
    return score, _Char(ch, ui, key.lead_unit, code, kept, inserted, wild, free, free_units)


def _step(
    key: _Key, score: float, node: _Node, ctx: _Ctx, ui: int, byte: int, pos: _Pos
) -> Iterator[tuple[_Key, float, _Node]]:
    """Every way to read one more byte of unit ``ui`` (``_WILD``: any non-ASCII byte)."""
    unit = ctx.units[ui]
    unmatched = _UNMATCHED if pos.ann is not None else 0.0
    yield key, score - unit.drop_cost - unmatched, (node, ("drop", ui))
    if key.pending >= 0:
        for v in _LEADS if byte == _WILD else (byte,):
            if v < 0x40:
                continue
            kept = key.lead_org == "k0" and key.lead_unit == ui and pos.kept_second
            phantom = v << 8 | pos.nxt if pos.nxt >= 0x40 else -1
            got = _emit(key, ctx, v, ui, "w" if byte == _WILD else "k", pos.ann, phantom, kept)
            if got:
                yield _boundary(v, got[1].ch), score + got[0], (node, ("char", got[1]))
        return
    if byte != _WILD and byte < 0x80:
        if pos.kept_first and unit.keep_ok:
            ch = chr(byte)
            kept_score = unit.keep_score if unit.keep_score is not None else _char_score(ch, True)
            s = (
                kept_score
                - unmatched
                + _word_bonus(key.last_char, ch)
                - _opening(ch, key.last_char)
            )
            c = _Char(ch, ui, ui, byte, True, False, False, (), ())
            yield _boundary(byte, ch), score + s, (node, ("char", c))
    else:
        for v in _LEADS if byte == _WILD else (byte,) if 0x81 <= byte <= 0xFE else ():
            org = "w" if byte == _WILD else ("k0" if pos.kept_first else "k")
            phantom = (
                pos.ann is not None
                and key.last_byte >= 0x81
                and _reads(_decode(key.last_byte, v), pos.ann)
            )
            yield _Key(v, ui, org, pos.ann, phantom, v, key.last_char), score, node
    yield from _insert_lead(key, score, node, ctx, ui, byte, pos)


def _insert_lead(
    key: _Key, score: float, node: _Node, ctx: _Ctx, ui: int, byte: int, pos: _Pos
) -> Iterator[tuple[_Key, float, _Node]]:
    """The lead byte before this one was lost: named by an annotation, or unchecked before a suspect."""
    unit = ctx.units[ui]
    if unit.named or byte != _WILD and not (0x40 <= byte <= 0x7E or 0x80 <= byte <= 0xFE):
        return
    if pos.last and pos.ann is not None:
        for lead in _leads(byte, pos.ann):
            if lead == key.last_byte:  # that is the out-of-phase character, not a lost byte
                continue
            ins = _Key(lead, ui, "i", None, False, lead, key.last_char)
            for trail in _trails(lead, pos.ann) if byte == _WILD else (byte,):
                got = _emit(ins, ctx, trail, ui, "w" if byte == _WILD else "k", pos.ann, -1, False)
                if got:
                    yield (
                        _boundary(trail, got[1].ch),
                        score + got[0] - _INSERT,
                        (node, ("char", got[1])),
                    )
    elif pos.j == 0 and unit.free_insert and byte != _WILD and ui not in ctx.forbid:
        for lead in _LEADS:
            ins = _Key(lead, ui, "if", None, False, lead, key.last_char)
            got = _emit(ins, ctx, byte, ui, "k", pos.ann if pos.last else None, -1, False)
            if got:
                yield (
                    _boundary(byte, got[1].ch),
                    score + got[0] - _INSERT_FREE,
                    (node, ("char", got[1])),
                )


def _insert_trail(
    key: _Key, score: float, node: _Node, ctx: _Ctx
) -> Iterator[tuple[_Key, float, _Node]]:
    """The trail byte of an annotated lead was lost: the annotation names the character."""
    for trail in _trails(key.pending, key.lead_ann) if key.lead_ann else ():
        got = _emit(key, ctx, trail, key.lead_unit, "i", None, -1, False)
        if got:
            yield _boundary(trail, got[1].ch), score + got[0] - _INSERT, (node, ("char", got[1]))


def _best(states: dict[_Key, tuple[float, _Node]], n: int) -> dict[_Key, tuple[float, _Node]]:
    """The ``n`` best states at a character boundary and the ``n`` best waiting for a trail byte (these
    have not paid for their character yet, so they are not ranked against the others)."""
    if len(states) <= n:
        return states
    ranked = sorted(states.items(), key=lambda kv: -kv[1][0])
    done = [kv for kv in ranked if kv[0].pending < 0][:n]
    return dict(done + [kv for kv in ranked if kv[0].pending >= 0][:n])


def _viterbi(ctx: _Ctx, start: _Key, tail: str) -> list[tuple]:
    """The events (``("char", _Char)``, ``("drop", unit)``, ``("del", unit)``) of the best reading."""
    beam: dict[_Key, tuple[float, _Node]] = {start: (0.0, None)}
    units = ctx.units
    for ui, unit in enumerate(units):
        following = units[ui + 1].alts[0][0] if ui + 1 < len(units) and units[ui + 1].alts else ()
        new: dict[_Key, tuple[float, _Node]] = {}
        for key, (score, node) in beam.items():
            if unit.deletable and key.pending < 0:
                _push(new, key, score - unit.delete_cost, (node, ("del", ui)))
            if not unit.alts and unit.keep_ok and key.pending < 0:
                c = _Char(unit.text, ui, ui, -1, True, False, False, (), ())
                _push(new, _boundary(-1, unit.text), score, (node, ("char", c)))
        for ai, (alt, cost) in enumerate(unit.alts):
            states = {k: (s - cost, n) for k, (s, n) in beam.items()}
            for j, byte in enumerate(alt):
                last = j == len(alt) - 1
                nxt = alt[j + 1] if not last else (following[0] if following else -1)
                pos = _Pos(
                    j,
                    last,
                    ai == unit.own and j == 0,
                    ai == unit.own and j == 1,
                    unit.ann if last else None,
                    nxt if nxt is not None and nxt >= 0 else -1,
                )
                grown: dict[_Key, tuple[float, _Node]] = {}
                for key, (score, node) in states.items():
                    for k2, s2, n2 in _step(key, score, node, ctx, ui, byte, pos):
                        _push(grown, k2, s2, n2)
                        if last and k2.pending >= 0 and k2.lead_ann is not None:
                            for k3, s3, n3 in _insert_trail(k2, s2, n2, ctx):
                                _push(grown, k3, s3, n3)
                # each reading carried over this byte, and each one it gave (ranked, most cut)
                ctx.budget[0] -= len(states) + len(grown)
                states = _best(grown, _BEAM)
            for key, (score, node) in states.items():
                _push(new, key, score, node)
        beam = _best(new, _BEAM)
        if ctx.budget[0] < 0:
            raise _OverBudget
    best, best_node = _NEG, None
    line_end = tail in ("", "\n", "\r")
    for key, (score, node) in beam.items():
        if key.pending < 0:
            score += _word_bonus(key.last_char, tail)
        elif line_end and key.lead_org in ("k", "k0"):
            score -= _DANGLING  # a half character at the end of the line, left out
        else:
            continue
        if score > best:
            best, best_node = score, node
    if best_node is None:  # no reading at all: remove the damaged units, keep the rest
        return [
            ("del", ui)
            if u.deletable and not u.keep_ok
            else ("char", _Char(u.text, ui, ui, -1, True, False, False, (), ()))
            for ui, u in enumerate(units)
        ]
    events: list[tuple] = []
    while best_node is not None:
        best_node, event = best_node
        events.append(event)
    return events[::-1]


def _ambiguous(events: list[tuple], head: str, tail: str) -> set[int]:
    """Units whose unchecked bytes made a character that does not clearly beat the other values."""
    chars = [e[1] for e in events if e[0] == "char"]
    bad: set[int] = set()
    for i, c in enumerate(chars):
        if not c.free:
            continue
        if len(c.free) > 1:
            bad.update(c.free_units)
            continue
        left = chars[i - 1].ch if i else head
        right = chars[i + 1].ch if i + 1 < len(chars) else tail
        lead, trail = c.code >> 8, c.code & 0xFF
        others = (
            (_decode(x, trail) for x in _LEADS)
            if c.free == ("l",)
            else (_decode(lead, y) for y in _LEADS)
        )
        mine = _local(c.ch, left, right)
        rival = max(
            (_local(o, left, right) for o in others if o and o != c.ch and not _is_garbage(o)),
            default=_NEG,
        )
        if mine - rival < _MARGIN:
            bad.update(c.free_units)
    return bad


def _local(ch: str, left: str, right: str) -> float:
    return _char_score(ch, False) + _word_bonus(left, ch) + _word_bonus(ch, right)


# --- one damaged stretch -------------------------------------------------------------------------
def _repair_window(
    text: str,
    start: int,
    end: int,
    ann: dict[int, frozenset[str]],
    doc_readings: frozenset[tuple[str, str]],
    builder: EditBuilder,
    budget: list[int],
) -> None:
    head = text[start - 1] if start else "\n"
    enc = _encode(head)
    units = tuple(_units(text, start, end, ann, enc[-1] if enc else -1))
    start_key = _boundary(enc[-1] if enc else -1, head if enc else "")
    tail = text[end] if end < len(text) else ""
    forbid: frozenset[int] = frozenset()
    for _ in range(6):
        events = _viterbi(_Ctx(units, doc_readings, forbid, budget), start_key, tail)
        bad = _ambiguous(events, head, tail) - forbid
        if not bad:
            break
        forbid |= bad
    _record(units, events, builder)


def _record(units: tuple[_Unit, ...], events: list[tuple], builder: EditBuilder) -> None:
    """Turn the best reading into edits: one per run of changed units, one per run of removed ones."""
    status = ["changed"] * len(units)
    out: list[list[str]] = [[] for _ in units]
    shifted = [False] * len(units)
    inserted = [False] * len(units)
    for kind, payload in events:
        if kind == "del":
            status[payload] = "deleted"
        elif kind == "drop":
            shifted[payload] = True
        else:
            c: _Char = payload
            out[c.unit].append(c.ch)
            if c.kept:
                status[c.unit] = "kept"
            elif c.lead_unit != c.unit:
                shifted[c.unit] = shifted[c.lead_unit] = True
            elif c.inserted:
                inserted[c.unit] = True
    i = 0
    while i < len(units):
        if status[i] == "kept":
            i += 1
            continue
        j = i
        while j + 1 < len(units) and status[j + 1] == status[i]:
            j += 1
        after = "".join("".join(out[k]) for k in range(i, j + 1))
        if status[i] == "deleted" or not after:
            reason = codes.MOJIBAKE_UNREPAIRABLE
        elif any(shifted[i : j + 1]):
            reason = codes.MOJIBAKE_SHIFT
        elif any(inserted[i : j + 1]):
            reason = codes.MOJIBAKE_LOST_BYTE
        else:
            reason = codes.MOJIBAKE_SHIFT
        builder.replace(units[i].start, units[j].end, after, reason)
        i = j + 1


# --- where to look --------------------------------------------------------------------------------
def _annotations(text: str, pinyin_edits: Sequence[Edit]) -> dict[int, frozenset[str]]:
    """Position in ``text`` of each character an annotation followed → the readings it was given."""
    ann: dict[int, frozenset[str]] = {}
    removed = 0
    for e in sorted(pinyin_edits, key=lambda e: e.start):
        pos = e.start - removed - 1
        removed += len(e.before) - len(e.after)
        m = _ANNOTATION.fullmatch(e.before)
        if m and 0 <= pos < len(text) and text[pos] != "\n":
            ann[pos] = ann.get(pos, frozenset()) | {m.group(1)}
    return ann


def _clues(text: str, ann: dict[int, frozenset[str]]) -> list[int]:
    clues = [p for p, r in ann.items() if not _is_han(text[p]) or not _reads(text[p], r)]
    # A character class alone scans five times faster than an alternation of both clue kinds, and the
    # swallowed-lead kind needs its "?" or U+FFFD.
    clues += [m.start() for m in _GARBAGE.finditer(text) if not _is_drawing(text, m.start())]
    if "?" in text or "\ufffd" in text:
        clues += [m.start() for m in _SWALLOWED.finditer(text) if is_toned_syllable(m.group(1))]
    return clues


def _readable(ch: str) -> bool:
    return ch != "\n" and (_encode(ch) is not None or _is_garbage(ch))


def _windows(text: str, clues: list[int]) -> list[tuple[int, int]]:
    """Stretches around the clues, within their lines, merged when they overlap."""
    spans: list[list[int]] = []
    line_start, line_end = 0, -1
    for p in sorted(set(clues)):
        if p > line_end:  # the clues come in order: find each line once, not once per clue
            line_start = text.rfind("\n", 0, p) + 1
            line_end = text.find("\n", p)
            line_end = len(text) if line_end < 0 else line_end
        # What the previous window covers was read already (all of it readable): scan only past it,
        # so a line of nothing but clues costs one scan, not _REACH per clue.
        covered = spans[-1][1] if spans and spans[-1][1] > line_start else line_start
        a = p
        while a > covered and p - a < _REACH and _readable(text[a - 1]):
            a -= 1
        m = _SWALLOWED.match(text, p)
        b = m.end() if m else p + 1
        reach = b + _REACH
        b = max(b, min(covered, reach))
        while b < line_end and b < reach and _readable(text[b]):
            b += 1
        for m in _SWALLOWED.finditer(text, a, min(line_end, b + 8)):  # a match is at most 8 long
            if m.start() < b < m.end():
                b = m.end()
        if spans and a <= spans[-1][1] and b - spans[-1][0] <= _MAX_WINDOW:
            spans[-1][1] = max(spans[-1][1], b)
        elif spans and a < spans[-1][1]:  # too long to read as one: go on where it stops
            spans.append([spans[-1][1], b])
        else:
            spans.append([a, b])
    return [(a, b) for a, b in spans]


# --- heading numbers ------------------------------------------------------------------------------
def _to_int(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _NUMERALS.index(numeral[1]) + 1 if len(numeral) == 2 else 0
    if len(numeral) == 1:
        return _NUMERALS.index(numeral) + 1
    tens = _NUMERALS.index(numeral[0]) + 1
    units = _NUMERALS.index(numeral[2]) + 1 if len(numeral) == 3 else 0
    return tens * 10 + units if numeral[1] == "十" else 0


def _to_numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return (
        ("" if tens == 1 else _NUMERALS[tens - 1]) + "十" + (_NUMERALS[units - 1] if units else "")
    )


def _markers(lines: list[str]) -> dict[int, int]:
    found = {}
    for i, line in enumerate(lines):
        m = _MARKER.match(line)
        if m and "十" not in m.group(1)[1:] or (m and _to_int(m.group(1))):
            found[i] = _to_int(m.group(1))
    return {i: n for i, n in found.items() if n}


def _infer_markers(text: str, repaired: str, edits: list[Edit]) -> list[tuple[int, str]]:
    """``(position, "（六")`` for each repaired line left opening with ``）``: （五）…）…（七） ⇒ （六）."""
    lines = repaired.split("\n")
    markers = _markers(lines)
    found = []
    for e in edits:
        if e.reason == codes.MOJIBAKE_UNREPAIRABLE or not e.after.startswith("）"):
            continue
        if e.start and text[e.start - 1] != "\n":
            continue
        line = text.count("\n", 0, e.start)
        if not lines[line].startswith("）"):
            continue
        before = [n for i, n in markers.items() if i < line]
        after = [n for i, n in markers.items() if i > line]
        prev, nxt = (before[-1] if before else None), (after[0] if after else None)
        if prev is not None and nxt is not None:
            n = prev + 1 if nxt - prev == 2 else 0
        else:
            n = prev + 1 if prev is not None else (nxt - 1 if nxt is not None else 0)
        if 0 < n < 100:
            found.append((e.start, "（" + _to_numeral(n)))
    return found


# --- the step -------------------------------------------------------------------------------------
def repair_budget(chars: int) -> list[int]:
    """The work the repair may do on a document of ``chars`` characters, as a one-item list its calls share
    and spend (:func:`repair_mojibake`'s ``budget``): a floor, then a share per character, up to a cap.

    >>> repair_budget(0) == [_BUDGET_FLOOR] and repair_budget(10**6) == [_BUDGET]
    True
    """
    return [min(_BUDGET, _BUDGET_FLOOR + _BUDGET_PER_CHAR * chars)]


def repair_mojibake(
    text: str, *, pinyin_edits: Sequence[Edit] = (), budget: Optional[list[int]] = None
) -> tuple[str, list[Edit]]:
    """Read GBK byte-shifted stretches again, remove what cannot be read, restore lost heading numbers.

    ``pinyin_edits`` are the edits :func:`strip_pinyin` made on the text this one came from: the readings
    they removed name the characters the mojibake damaged. ``budget``: the work left for the document this
    text belongs to (:func:`repair_budget`; spent in place, so that a page's title and text share it);
    by default, this text's own.

    >>> repair_mojibake("。ㄒ唬┮庾R形態考核")[0]
    '（一）意識形態考核'
    >>> from reportnlp.normalise.pinyin import strip_pinyin
    >>> text, e = strip_pinyin("取得了一定成效,F(xiàn)將有關(guān)情況匯報(bào)如下")
    >>> repair_mojibake(text, pinyin_edits=e)[0]
    '取得了一定成效,現將有關情況匯報如下'
    """
    ann = _annotations(text, pinyin_edits) if pinyin_edits else {}
    if budget is None:
        budget = repair_budget(len(text))
    repaired, edits = _repair(text, ann, budget)
    if edits:  # what one pass leaves is normally clean; if not, go on from there
        again, more = _repair(repaired, {}, budget)
        if more:
            return again, _compose(text, edits, repaired, more)
    return repaired, edits


def _repair(text: str, ann: dict[int, frozenset[str]], budget: list[int]) -> tuple[str, list[Edit]]:
    clues = _clues(text, ann)
    if not clues:
        return text, []
    doc_readings = frozenset(
        (text[p], r) for p, rs in ann.items() for r in rs if _reads(text[p], {r})
    )
    builder = EditBuilder(text, codes.STEP_MOJIBAKE)
    for start, end in _windows(text, clues):
        if _LOST.fullmatch(text, start, end):  # lost bytes only (U+FFFD): nothing to decode, so no
            builder.replace(start, end, "", codes.MOJIBAKE_UNREPAIRABLE)  # budget spent reading them
            continue
        if budget[0] >= 0:
            try:
                _repair_window(text, start, end, ann, doc_readings, builder, budget)
                continue
            except _OverBudget:
                pass
        _clear_window(text, start, end, builder)
    repaired, edits = builder.build()
    inferred = _infer_markers(text, repaired, edits)
    if not inferred:
        return repaired, edits
    for pos, marker in inferred:
        builder.replace(pos, pos, marker, codes.MOJIBAKE_INFERRED_MARKER)
    return builder.build()


def _clear_window(text: str, start: int, end: int, builder: EditBuilder) -> None:
    """What a window past the budget gets: its clues removed (``MOJIBAKE_UNREPAIRABLE``), the rest kept,
    so that the text is a fixed point of the step (nothing left to re-read)."""
    swallowed = bytearray(end - start)  # positions a swallowed syllable's removal covers
    for m in _SWALLOWED.finditer(text, start, end):
        if is_toned_syllable(m.group(1)):
            builder.replace(m.start(), m.end(), "", codes.MOJIBAKE_UNREPAIRABLE)
            swallowed[m.start() - start : m.end() - start] = b"\x01" * (m.end() - m.start())
    run = -1  # a run of damaged characters is one edit (100 kB of them: one, not 100,000)
    for i in range(start, end):
        if not swallowed[i - start] and _GARBAGE.match(text, i) and not _is_drawing(text, i):
            if run < 0:
                run = i
        elif run >= 0:
            builder.replace(run, i, "", codes.MOJIBAKE_UNREPAIRABLE)
            run = -1
    if run >= 0:
        builder.replace(run, end, "", codes.MOJIBAKE_UNREPAIRABLE)


def _compose(text: str, first: list[Edit], mid: str, second: list[Edit]) -> list[Edit]:
    """Edits on ``text`` that do ``first`` (giving ``mid``) then ``second``. Lines keep their numbers, so
    a line the second pass touched becomes one edit from its first to its last changed character."""
    final = EditBuilder(mid, codes.STEP_MOJIBAKE)
    for e in second:
        final.replace(e.start, e.end, e.after, e.reason)
    out = final.build()[0].split("\n")
    starts = _line_starts(text)
    mid_starts = _line_starts(mid)
    touched = {bisect_right(mid_starts, e.start) - 1 for e in second}
    builder = EditBuilder(text, codes.STEP_MOJIBAKE)
    for e in first:
        if bisect_right(starts, e.start) - 1 not in touched:
            builder.replace(e.start, e.end, e.after, e.reason)
    reasons: dict[
        int, str
    ] = {}  # line -> the reason of its first edit (looked up once, not per line)
    for e in (*first, *second):
        reasons.setdefault(bisect_right(starts, e.start) - 1, e.reason)
    for n in sorted(touched):
        before, after = text[starts[n] : starts[n + 1] - 1], out[n]
        head = len(os.path.commonprefix([before, after]))
        tail = len(os.path.commonprefix([before[head:][::-1], after[head:][::-1]]))
        builder.replace(
            starts[n] + head,
            starts[n] + len(before) - tail,
            after[head : len(after) - tail],
            reasons.get(n, codes.MOJIBAKE_UNREPAIRABLE),
        )
    return builder.build()[1]


def _line_starts(text: str) -> list[int]:
    """Where each line starts, and one past the end (``text.count("\\n", 0, p)`` is the line of ``p``)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts
