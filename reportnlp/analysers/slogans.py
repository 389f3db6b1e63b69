"""Slogan detection: four-character slogan phrases, 4+4 parallel pairs and numbered slogans (数字缩略语).

Reports write their programme in slogans: series of four-character phrases joined by ``、`` in headings and
running text (``简政放权、放管结合、优化服务``), 4+4 parallel pairs (``“百花齐放、百家争鸣”``), runs of
four-character clauses (``解放思想，实事求是，``) and numbered abbreviations (``“三个代表”``, ``两学一做``,
``“十四五”``, ``一事一议``) whose items the text often spells out (``“六保”`` … ``保居民就业、保基本民生、…``).
:func:`find_slogans` finds them by their *form*, with compiled regular expressions, not by looking phrases
up: a four-character unit is trusted when its boundaries are fixed by the rhythm around it (the ``、`` on
both sides of a middle item, a quote, a clause boundary, a heading line). Shipped lexicons are used only
as features: four-character idioms (``idioms4.txt``, THUOCL) accept an idiom standing alone in quotes or
as a clause and veto numeral idioms (``千方百计``, ``四面八方``) as numbered slogans; the two-character
words of ``zh_word_pairs.txt`` and the gazetteer (``place_names.txt``) keep a series from starting inside
a word (``混合所有制、…``) and veto ordinary words and place names as numbered slogans (``双向``, ``四川``).

What is left out on purpose: a four-character window of ordinary prose (a slogan needs rhythm around it),
metrics and dates (``14场``, ``4月8日``, ``2021年``, ``一百六十三个市``, ``一点四倍``), ordinals (``第一``,
``一是``) and ``一``-words (``一刻钟``, ``一切``). Known cost: noun lists of four-character items
(``养老保险、医疗保险、失业保险``) have the rhythm of a slogan series and are reported as four_char.

A parallel pair is reported as ``parallel_pair`` *and* each of its halves as ``four_char``; a
numbered slogan of four characters with two numerals (``两学一做``, ``五险一金``) is reported as ``numbered``
and as ``four_char``. Spans of different kinds may therefore overlap; spans of one kind never repeat.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
_FOLLOW = "等的中"

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
_SERIES_FOLLOW = re.compile(rf"[^{_H}、]|\Z|[{_FOLLOW}](?![{_H}]*、)")
# In a heading line a series of three or more items may run into the rest of the heading
# (``一、聚焦扩大内需、优化结构、提振信心持续发力``).
_SERIES_LAX = re.compile(rf"、(?<=[{_H}]{{4}}、)[{_H}]{{4}}(?:、[{_H}]{{4}})+")  # not before 、 (in code)
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
# A four-character unit standing alone: quoted (``“约法三章”``) or as a clause (``，来之不易。``); accepted
# when it is an idiom or has a repeated rhythm (``“一老一小”``, ``“共建共享”``).
_LONE_QUOTED = re.compile(rf"[{_OPEN}]([{_H}]{{4}})(?=[{_CLOSE}])")
_LONE_CLAUSE = re.compile(rf"[{_CLAUSE}\n]([{_H}]{{4}})(?=[{_CLAUSE}\n])")

# --- numbered slogans ------------------------------------------------------------------------------------
# A term between quotes or 、 that starts with a numeral (``“六保”``, ``、两学一做、``, ``“第一书记”``).
_NUMBERED_BOUNDED = re.compile(rf"[{_OPEN}、](第?[{_NUM}双][{_H}]{{0,9}})(?=[{_CLOSE}、])")
# Unquoted: numeral-character pairs repeated (``两学一做``, ``一事一议``, ``三去一降一补``), and the
# ``五`` of a five-year plan before the word that names it (``十四五规划``); both checked in code (never
# after a digit or 第). Two patterns, not one alternation: each keeps the engine's skip to its first class.
_NUMBERED_FREE = re.compile(rf"[{_NUM}](?:[{_H}][{_NUM}]){{1,3}}[{_H}]")
_PLAN_FREE = re.compile(r"五(?=计划|规划|时期|期间|末|初)")
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
_KEY = re.compile(rf"^([{_NUM}双]+)(?:个|大|项|条)?([^{_DIGITS}]{{1,4}})$")

_CN_VALUE = dict(zip("一二两双三四五六七八九", (1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9)))

# --- expansions ------------------------------------------------------------------------------------------
# A list of items joined by 、 (the match opens at the first 、; the first item is read backwards).
_LIST = re.compile(rf"、[{_H}]{{1,16}}(?:、[{_H}]{{1,16}})*")
_MAX_ITEM = 16
_HAN_TAIL = re.compile(rf"[{_H}]+\Z")


@dataclass(frozen=True)
class Slogan:
    """One slogan: ``text[start:end] == self.text``; ``kind`` is one of :data:`KINDS`.

    ``expansion`` holds, for a numbered slogan, the items the text spells out (``三农`` →
    ``("农业", "农村", "农民")``), each a substring of the text; it is empty otherwise.
    """

    start: int
    end: int
    text: str
    kind: str
    expansion: tuple[str, ...] = ()


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


def _is_han(ch: str) -> bool:
    """The test of ``_H`` for one character."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _rhythmic(word: str) -> bool:
    """``ABAC`` (``一老一小``, ``共建共享``, ``有进有退``): a repeated character sets the rhythm."""
    return word[0] == word[2] and word[1] != word[3] and word[0] != word[1]


# --- four-character slogans ------------------------------------------------------------------------------


def _item_ok(item: str) -> bool:
    """Can four characters of a series be a slogan? Not with a function word inside (``路和公路``), a
    closing ``等`` or preposition (``阿富汗等``, ``志愿者以``), an opening ``的``/``是`` (``是柬埔寨``) or
    discourse word (``我们认为``, ``同时要求``), unless they are an idiom (``迫不及待``)."""
    if item[0] in "的是" or item[3] in _CLOSING or item[:2] in _DISCOURSE:
        return item in idioms()
    return (item[1] not in _INSIDE and item[2] not in _INSIDE) or item in idioms()


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
        return True
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


def _series(text: str, out: list[Slogan], headings: tuple[list[int], list[int]]) -> None:
    matches = [m for m in _SERIES.finditer(text) if _SERIES_FOLLOW.match(text, m.end())]
    for hs, he in zip(*headings):
        matches.extend(
            m for m in _SERIES_LAX.finditer(text, hs, he) if m.end() >= he or text[m.end()] != "、"
        )
    seen: set[int] = set()
    for m in matches:
        start, end = m.start() - 4, m.end()
        if start in seen:
            continue
        group = text[start:end]
        items = group.split("、")
        if not all(map(_item_ok, items)) or not _first_ok(text, start):
            continue
        seen.add(start)
        for i, item in enumerate(items):
            out.append(Slogan(start + 5 * i, start + 5 * i + 4, item, "four_char"))
        if len(items) == 2:
            left = text[start - 1] if start else "\n"
            right = text[end] if end < len(text) else "\n"
            quoted = left in _OPEN and right in _CLOSE
            heading = _in_spans(headings, start, end) and not _is_han(left) and not _is_han(right)
            if quoted or heading:
                out.append(Slogan(start, end, group, "parallel_pair"))


def _clause_runs(text: str, out: list[Slogan]) -> None:
    for m in _CLAUSE_RUN.finditer(text):
        start = m.start() - 4
        items = [text[p : p + 4] for p in range(start, m.end(), 5)]
        if all(map(_item_ok, items)):
            out.extend(
                Slogan(start + 5 * i, start + 5 * i + 4, w, "four_char")
                for i, w in enumerate(items)
            )


def _lone(text: str, out: list[Slogan]) -> None:
    lexicon = idioms()
    for pattern in (_LONE_QUOTED, _LONE_CLAUSE):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word in lexicon or _rhythmic(word):
                out.append(Slogan(m.start(1), m.end(1), word, "four_char"))


# --- numbered slogans ------------------------------------------------------------------------------------


def _is_numbered(term: str) -> bool:
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
    if term[:2] in places or term[:3] in places or (len(term) == 2 and term in _words()):
        return False  # 四川, 三门峡; 双向, 双方
    return term not in idioms()  # 四面八方, 千方百计


def _free_ok(text: str, start: int, end: int) -> bool:
    """An unquoted ``两学一做``: not after a digit or 第, not before a digit, no unit or grammatical word."""
    if (start and (text[start - 1] in _DIGITS or text[start - 1] in "第0123456789")) or (
        end < len(text) and (text[end] in _DIGITS or text[end].isdigit())
    ):
        return False
    term = text[start:end]
    chars = term[1::2]
    if any(c in _DIGITS or c in _UNIT or c in _CLASSIFIER or c in _GLUE for c in chars):
        return False  # 一九七五, 两年一次, 一个一个, 一点四倍, 一项十分, 三是一些
    return _is_numbered(term)


def _value(numerals: str) -> int:
    if numerals == "十":
        return 10
    if len(numerals) == 2 and numerals[0] == "十":
        return 10 + _CN_VALUE.get(numerals[1], 0)
    return _CN_VALUE.get(numerals, 0) if len(numerals) == 1 else 0


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
    for m in _LIST.finditer(text):
        group = m.group()
        size = group.count("、") + 1
        keys = [k for k in wanted.get(size, ()) if k in group]
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


def _numbered(text: str, out: list[Slogan]) -> None:
    found = {m.span(1) for m in _NUMBERED_BOUNDED.finditer(text) if _is_numbered(m.group(1))}
    bounded = sorted(found)
    for m in _NUMBERED_FREE.finditer(text):
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
        out.append(Slogan(start, end, term, "numbered", expansions[term]))
        if end - start == 4 and term[2] in _COUNTING:  # 两学一做, 五险一金: a four-character rhythm
            out.append(Slogan(start, end, term, "four_char"))


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
    out: list[Slogan] = []
    _series(text, out, _heading_spans(text))
    _clause_runs(text, out)
    _lone(text, out)
    _numbered(text, out)
    unique = {(s.start, s.end, s.kind): s for s in out}
    return sorted(unique.values(), key=lambda s: (s.start, -s.end, _ORDER[s.kind]))
