"""Leak detection: which real place a masked ``××市``/``某市``/``xx镇`` stands for, and other giveaways.

A template report hides its own place (``××市``) but often names the places under it (a township, a street),
its short name in an account (``“义乌发布”微信公众号``) or a pun. :func:`leaks` finds the places the text
names and ranks, for each place mask, candidate real units at the masked level; :func:`giveaways` flags other
identifying details (named people, local brands, accounts) in a document that masks a name.

How a mask is read and scored:

1. **Masked level** from the suffix after the mask: ``市`` (prefecture, county-level city or municipality),
   ``州``/``盟``/``地区`` (prefecture), ``县``/``区``/``旗`` (county), ``镇``/``乡``/``街道``/``苏木``
   (township), ``省``/``自治区`` (province). The unit must end with that suffix. Masks before ``村``,
   ``社区`` or without an administrative suffix (``××融媒``) are not read: the gazetteer has no villages.
2. **Mentions**: one scan of the text, leftmost-longest, for the full names of the 44,690 units of the
   2022 gazetteer and the unambiguous short forms of county-level units and above (``义乌``, ``长沙``; see
   ``reportnlp/data/build_admin_divisions.py`` for which names and short forms are kept). A match is
   refused where it would cut a common two-character word (``沿海城市`` is not 海城市), a two-character
   name (``和县``) needs a boundary before it, and ``…乡`` is refused before ``村``/``镇``. The index is a
   dict of names plus, per first two characters, the name lengths to try: no regular expression over 45k names.
3. **Split-name pun**: a township under a county (or a township's county) the text names, whose
   name's characters are each singled out in quotes, in order, within a short stretch (守“佛”护“堂” for 佛堂镇).
4. **Scoring**: each distinct mention is evidence about the mask, relevant with a probability that grows
   with its reliability (full name 0.7, short form, pun and two-character name 0.5) and with repetition,
   and shrinks when the text names more than eight distinct places (a survey of places is no clue).
   A relevant mention points at the units at the masked level on its line of descent: itself (weight 1),
   the units above it (weight ``1 / number of units of the mention's level under that unit``: a township of
   义乌市 points at 义乌市 more than at 金华市, the size principle) or the units below it (an equal share).
   A name several units share spreads its weight over them. The score is the posterior probability of
   each unit under a uniform prior over every unit with the masked suffix, the mentions taken as
   independent: evidence that agrees compounds, evidence spread over unrelated places gives low scores,
   and a single mention gives at most its reliability.

Offsets of :class:`Evidence` and :class:`Giveaway` index the text passed (``doc.text``). A mask found in
the title has offsets into the title and ``Leak.source == "title"``; places named only in the title are
not used as evidence (their offsets would not index the text).

>>> best = leaks("××市的佛堂镇、稠城街道")[0].candidates[0]
>>> best.place, best.path, best.score > 0.9
('义乌市', ('浙江省', '金华市', '义乌市'), True)
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

from reportnlp.analysers.placeholders import Placeholder, find_placeholders
from reportnlp.boilerplate.rules import SURNAMES as _SURNAMES
from reportnlp.data import admin_divisions

__all__ = ["Candidate", "Evidence", "Giveaway", "Leak", "giveaways", "leaks"]

LEVELS = ("province", "prefecture", "county", "township")

# Reliability of one mention (probability that it speaks about the masked place), by kind.
_RELIABILITY = {"full": 0.7, "short": 0.5, "pun": 0.5, "full2": 0.5}
# A text naming more distinct places than this says less about its own place with each of them.
_PLACES_PER_DOC = 8
_MIN_SCORE = 0.01
_MAX_CANDIDATES = 5
# Suffix after a mask -> (gazetteer levels, required name ending). Longest suffixes first.
_MASK_SUFFIXES = (
    ("自治区", (0,), "自治区"),
    ("自治州", (1,), "州"),
    ("自治县", (2,), "县"),
    ("自治旗", (2,), "旗"),
    ("街道", (3,), "街道"),
    ("地区", (1,), "地区"),
    ("苏木", (3,), "苏木"),
    ("省", (0,), "省"),
    ("市", (0, 1, 2), "市"),
    ("州", (1,), "州"),
    ("盟", (1,), "盟"),
    ("县", (2,), "县"),
    ("区", (2,), "区"),
    ("旗", (2,), "旗"),
    ("镇", (3,), "镇"),
    ("乡", (3,), "乡"),
)
# A suffix character that starts an ordinary word, not a unit (××市场, ××区域, xx乡村振兴).
_NOT_SUFFIX = ("市场", "区域", "区间", "区块", "区别", "省份", "州府", "乡村", "乡镇")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BEFORE_TWO_CHARACTER_NAME = "在赴到至于从"
_TOWNSHIP_STEM = re.compile(r"^(.{2,}?)(?:街道|镇|乡|苏木)$")
_SINGLED_OUT = re.compile(r"[“‘「\"'](?P<c>[\u3400-\u9fff])[”’」\"']")
_PUN_WINDOW = 30


@dataclass(frozen=True)
class Evidence:
    """A span of the document text that names (or spells out) a place: ``text == doc_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """A real unit a mask may stand for; ``path`` runs from the province down to ``place``."""

    place: str
    level: str
    score: float
    evidence: tuple[Evidence, ...]
    path: tuple[str, ...]


@dataclass(frozen=True)
class Leak:
    """One place mask and its candidates, best first. ``source`` is ``"text"`` or ``"title"``."""

    mask: Placeholder
    level: str
    candidates: tuple[Candidate, ...]
    source: str = "text"


@dataclass(frozen=True)
class Giveaway:
    """An identifying detail next to masked names: ``kind`` is person, brand, account or app."""

    start: int
    end: int
    text: str
    kind: str


# --------------------------------------------------------------------------------------------- gazetteer


class _Gazetteer:
    """The administrative tree in depth-first order, so a unit's subtree is ``range(i, end[i])``."""

    def __init__(self, lines: Iterable[str]) -> None:
        name: list[str] = []
        level: list[int] = []
        parent: list[int] = []
        end: list[int] = []
        index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        stack: list[int] = []
        for line in lines:
            if not line or line[0] == "#":
                continue
            head, _, flags = line.partition("\t")
            lv, unit = ord(head[0]) - 48, head[1:]
            i = len(name)
            while stack and level[stack[-1]] >= lv:
                end[stack.pop()] = i
            name.append(unit)
            level.append(lv)
            parent.append(stack[-1] if stack else -1)
            end.append(i + 1)
            stack.append(i)
            if not flags:
                index[unit].append((i, "full2" if len(unit) == 2 else "full"))
                continue
            fields = flags.split("\t")
            if "-" not in fields:
                index[unit].append((i, "full2" if len(unit) == 2 else "full"))
            for f in fields:
                if f[:1] == "~":
                    index[f[1:]].append((i, "short"))
        for i in stack:
            end[i] = len(name)
        self.name, self.level, self.parent, self.end, self.index = name, level, parent, end, index
        # below[L][i]: units of level L before position i, so a subtree's count is a difference.
        self.below = [
            list(accumulate((lv == want for lv in level), initial=0)) for want in range(4)
        ]
        # Name lengths to try, by the first two characters (every name has two or more).
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in index:
            lengths[key[:2]].add(len(key))
        self.lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
        self._groups: dict[str, tuple[frozenset[int], int]] = {}

    def count(self, i: int, lv: int) -> int:
        """Units of level ``lv`` in ``i``'s subtree (``i`` included)."""
        below = self.below[lv]
        return below[self.end[i]] - below[i]

    def ancestors(self, i: int) -> list[int]:
        out = []
        while self.parent[i] >= 0:
            i = self.parent[i]
            out.append(i)
        return out

    def path(self, i: int) -> tuple[str, ...]:
        return tuple(self.name[j] for j in reversed([i, *self.ancestors(i)]))

    def group(self, key: str) -> tuple[frozenset[int], int]:
        """Units a mask with suffix ``key`` can stand for, as a set, and their number."""
        if key not in self._groups:
            levels, ending = next((lv, e) for s, lv, e in _MASK_SUFFIXES if s == key)
            members = frozenset(
                i
                for i, (name, lv) in enumerate(zip(self.name, self.level))
                if lv in levels and name.endswith(ending)
            )
            self._groups[key] = (members, len(members))
        return self._groups[key]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer(admin_divisions())


@lru_cache(maxsize=1)
def _common_pairs() -> frozenset[str]:
    """Common two-character words (jieba frequency about 300+), from ``zh_word_pairs.txt``."""
    words: set[str] = set()
    text = (
        resources.files("reportnlp.data").joinpath("zh_word_pairs.txt").read_text(encoding="utf-8")
    )
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, ws = line.split("\t", 1)
            if int(key) >= 25:
                words.update(ws[i : i + 2] for i in range(0, len(ws), 2))
    return frozenset(words)


# ---------------------------------------------------------------------------------------------- mentions


@dataclass
class _Mention:
    key: str
    readings: tuple[int, ...]
    kind: str
    spans: list[Evidence]


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def _accept(text: str, i: int, key: str, kinds: set[str], after_match: bool) -> bool:
    """Boundary checks for a name found at ``text[i:i+len(key)]``."""
    end = i + len(key)
    prev = text[i - 1] if i > 0 else ""
    nxt = text[end] if end < len(text) else ""
    pairs = _common_pairs()
    if prev and not after_match and _is_han(prev) and prev + key[0] in pairs:
        return False  # 沿海城市: the name would cut the word 沿海
    if kinds == {"full2"} and prev and _is_han(prev) and not after_match:
        return prev in _BEFORE_TWO_CHARACTER_NAME  # 和县 inside 市和县级
    if "short" in kinds and nxt and _is_han(nxt) and key[-1] + nxt in pairs:
        return False
    if key.endswith("乡") and nxt in ("村", "镇"):
        return False  # 宜居乡村, 城乡镇
    return True


def _scan(text: str, gaz: _Gazetteer) -> dict[str, _Mention]:
    """Leftmost-longest gazetteer matches, grouped by the matched string."""
    found: dict[str, _Mention] = {}
    i, n, last_end = 0, len(text), -1
    while i < n:
        lengths = gaz.lengths.get(text[i : i + 2])
        hit = None
        if lengths:
            for length in lengths:
                key = text[i : i + length]
                entries = gaz.index.get(key) if len(key) == length else None
                if entries and _accept(text, i, key, {k for _, k in entries}, last_end == i):
                    hit = key, entries
                    break
        if hit is None:
            i += 1
            continue
        key, entries = hit
        m = found.get(key)
        if m is None:
            kinds = {k for _, k in entries}
            kind = "full" if "full" in kinds else ("full2" if "full2" in kinds else "short")
            m = found[key] = _Mention(key, tuple(sorted({r for r, _ in entries})), kind, [])
        m.spans.append(Evidence(i, i + len(key), key))
        i = last_end = i + len(key)
    return found


def _puns(text: str, gaz: _Gazetteer, mentions: Iterable[_Mention]) -> list[_Mention]:
    """Townships under a named county whose name's characters are each singled out in quotes, in order."""
    singled: dict[str, list[int]] = defaultdict(list)
    for m in _SINGLED_OUT.finditer(text):
        singled[m.group("c")].append(m.start("c"))
    if len(singled) < 2:
        return []
    parents: set[int] = set()
    for m in mentions:
        for r in m.readings:
            if gaz.level[r] == 3:
                parents.add(gaz.parent[r])
            elif gaz.level[r] in (1, 2):
                parents.add(r)
    out = []
    for p in sorted(parents):
        for t in range(p + 1, gaz.end[p]):
            if gaz.level[t] != 3 or gaz.parent[t] != p:
                continue
            sm = _TOWNSHIP_STEM.match(gaz.name[t])
            if not sm or not all(c in singled for c in sm.group(1)):
                continue
            spans = _ordered_spans(sm.group(1), singled)
            if spans:
                out.append(_Mention(gaz.name[t], (t,), "pun", spans))
    return out


def _ordered_spans(stem: str, singled: dict[str, list[int]]) -> list[Evidence]:
    """The first run of singled-out positions spelling ``stem`` in order within the pun window."""
    for start in singled[stem[0]]:
        pos, spans = start, [Evidence(start, start + 1, stem[0])]
        for c in stem[1:]:
            nxt = [q for q in singled[c] if pos < q <= start + _PUN_WINDOW]
            if not nxt:
                break
            pos = nxt[0]
            spans.append(Evidence(pos, pos + 1, c))
        else:
            return spans
    return []


# ------------------------------------------------------------------------------------------------- masks


def _mask_suffix(text: str, end: int) -> str | None:
    after = text[end : end + 3]
    if after.startswith(_NOT_SUFFIX):
        return None
    for suffix, _levels, _ending in _MASK_SUFFIXES:
        if after.startswith(suffix):
            return suffix
    return None


def _place_masks(
    text: str, placeholders: list[Placeholder] | None
) -> list[tuple[Placeholder, str]]:
    found = find_placeholders(text) if placeholders is None else placeholders
    out = []
    for p in found:
        if p.type != "name":
            continue
        suffix = _mask_suffix(text, p.end)
        if suffix:
            out.append((p, suffix))
    return out


# ----------------------------------------------------------------------------------------------- scoring


def _pointing(
    gaz: _Gazetteer, m: _Mention, members: frozenset[int]
) -> tuple[dict[int, float], float]:
    """What a relevant mention says about the mask: a distribution over ``members`` and the mass left over."""
    dist: dict[int, float] = defaultdict(float)
    leftover = 0.0
    share = 1.0 / len(m.readings)
    for r in m.readings:
        weights: dict[int, float] = {}
        lv = gaz.level[r]
        if r in members:
            weights[r] = 1.0
        for a in gaz.ancestors(r):
            if a in members:
                weights[a] = 1.0 / gaz.count(a, lv)
        below = [d for d in range(r + 1, gaz.end[r]) if d in members]
        if below:
            each = (0.5 if r in members else 1.0) / len(below)
            for d in below:
                weights[d] = each
        total = sum(weights.values())
        if not total:
            leftover += share
            continue
        for h, w in weights.items():
            dist[h] += share * w / total
    return dist, leftover


def _reliability(m: _Mention, n_mentions: int) -> float:
    q = _RELIABILITY[m.kind]
    q = 1.0 - (1.0 - q) ** math.sqrt(min(len(m.spans), 4))
    return q * min(1.0, _PLACES_PER_DOC / n_mentions)


def _rank(gaz: _Gazetteer, mentions: list[_Mention], key: str) -> tuple[Candidate, ...]:
    members, n_members = gaz.group(key)
    if not mentions or not n_members:
        return ()
    logs: dict[int, float] = {}
    support: dict[int, list[_Mention]] = defaultdict(list)
    base_total = 0.0
    terms = []
    for m in mentions:
        dist, leftover = _pointing(gaz, m, members)
        q = _reliability(m, len(mentions))
        base = (q * leftover + 1.0 - q) / n_members
        terms.append((dist, q, base))
        base_total += math.log(base)
        for h in dist:
            support[h].append(m)
    if not support:
        return ()
    for h in support:
        logs[h] = sum(math.log(q * dist.get(h, 0.0) + base) for dist, q, base in terms)
    top = max(max(logs.values()), base_total)
    rest = (n_members - len(logs)) * math.exp(base_total - top)
    z = sum(math.exp(v - top) for v in logs.values()) + rest
    ranked = sorted(logs, key=lambda h: (-logs[h], h))[:_MAX_CANDIDATES]
    out = []
    for h in ranked:
        score = math.exp(logs[h] - top) / z
        if score < _MIN_SCORE:
            break
        spans = sorted({e for m in support[h] for e in m.spans}, key=lambda e: (e.start, e.end))
        out.append(
            Candidate(gaz.name[h], LEVELS[gaz.level[h]], round(score, 4), tuple(spans), gaz.path(h))
        )
    return tuple(out)


def _unpack(text: Any, title: str | None) -> tuple[str, str | None]:
    if not isinstance(text, str) and hasattr(text, "text"):
        if title is None:
            title = getattr(text, "title", None)
        text = text.text
    return text, title


def leaks(
    text: Any, placeholders: list[Placeholder] | None = None, *, title: str | None = None
) -> list[Leak]:
    """For each place mask (``××市``, ``某市``, ``xx镇``…), the real units it may stand for, best first.

    ``text`` is the clean text or a :class:`~reportnlp.CleanDoc` (its ``title`` is then read too).
    ``placeholders`` are the text's masks if already found. Masks whose candidates all score below 0.01
    (no evidence) are left out, so a text without place masks or without named places gives ``[]``.
    """
    text, title = _unpack(text, title)
    masks = [(p, s, "title") for p, s in _place_masks(title, None)] if title else []
    masks += [(p, s, "text") for p, s in _place_masks(text, placeholders)]
    if not masks:
        return []
    gaz = _gazetteer()
    found = _scan(text, gaz)
    mentions = list(found.values())
    mentions += [p for p in _puns(text, gaz, mentions) if p.key not in found]
    ranked: dict[str, tuple[Candidate, ...]] = {}
    out = []
    for p, suffix, source in masks:
        if suffix not in ranked:
            ranked[suffix] = _rank(gaz, mentions, suffix)
        cands = ranked[suffix]
        if cands:
            out.append(Leak(p, cands[0].level, cands, source))
    return out


# --------------------------------------------------------------------------------------------- giveaways

_GIVEN = r"[\u4e00-\u9fff]"
_NAME = rf"[{_SURNAMES}]{_GIVEN}{{1,2}}"
_TITLES = (
    "书记|同志|市长|县长|区长|镇长|乡长|村长|主任|局长|部长|处长|科长|校长|院长|厂长|所长|站长|经理|主席"
    "|老师|教授|院士|先生|女士|师傅"
)
_ROLES = "传唱人|宣讲员|宣讲人|讲解员|志愿者|通讯员|记者|党员|村民|乡贤|老人|奶奶|爷爷|阿姨|能手|标兵|模范|好人"
_PERSON_BEFORE_TITLE = re.compile(rf"(?P<n>{_NAME})(?=(?:{_TITLES}))")
_PERSON_AFTER_ROLE = re.compile(
    rf"(?:{_ROLES})(?P<n>{_NAME})(?=[，,、。；;：:为在是等和与说讲!！]|$)"
)
_PERSON_LIST = re.compile(rf"(?P<l>(?:{_NAME}、){{2,}}{_NAME})(?=等|，|,|。)")
_NOT_GIVEN = set("的了是在和与及等为把被将对从向这那其所各个全总副")
_QUOTED = r"[“\"](?P<q>[^”\"“\n]{2,20})[”\"]"
_ACCOUNT = re.compile(
    _QUOTED
    + r"(?=(?:官方)?(?:微信公众号|公众号|微信号|微博|抖音号|抖音账号|快手号|视频号|头条号|客户端|APP|App|app|小程序|网站))"
)
_BRAND = re.compile(
    _QUOTED + r"(?=(?:宣讲|志愿|理论)?(?:品牌|工作室|服务队|宣讲团|讲师团|栏目|志愿队))"
)
_BRAND_LIST = re.compile(r"(?P<l>(?:“[^”“\n]{2,12}”[、]?){2,})等[^。；\n]{0,30}?品牌")
_APP = re.compile(r"“(?P<q>[^”“\n]{1,6}(?:健康码|康码|码))”")
_MASK_CHARS = re.compile(r"[×xX＊*]|某")


def giveaways(text: Any, placeholders: list[Placeholder] | None = None) -> list[Giveaway]:
    """Identifying details in a text that masks a name: people, local brands, accounts, apps.

    Best effort, rules only, reported only when the text (or a CleanDoc's title) has a ``name`` mask:

    * ``person``: a surname (common ones) and one or two characters before a title (``王明书记``, not
      ``总书记``), after a role word (``宣讲员李华为``), or three or more such names in a 、-list before
      ``等``/a comma/a full stop; a gazetteer name or short form is not a person (江阴、吴江);
    * ``account``: a quoted name before ``微信公众号``/``微博``/``抖音号``/``视频号``/``客户端``…;
    * ``brand``: a quoted name before ``品牌``/``工作室``/``服务队``/``宣讲团``/``栏目``, a run of quoted
      names followed by ``等…品牌``, or a short quoted name that holds a place name (``“义乌最美书屋”``);
    * ``app``: a quoted name ending in ``码`` (a local health code such as ``“杭康码”``).

    A span that holds a mask character is not a giveaway (it is masked already).
    """
    doc_title = None
    if not isinstance(text, str) and hasattr(text, "text"):
        doc_title = getattr(text, "title", None)
        text = text.text
    found = find_placeholders(text) if placeholders is None else placeholders
    has_mask = any(p.type == "name" for p in found) or any(
        p.type == "name" for p in find_placeholders(doc_title or "")
    )
    if not has_mask:
        return []
    out: dict[tuple[int, int], Giveaway] = {}

    def add(start: int, end: int, kind: str) -> None:
        span = text[start:end]
        if end - start < 2 or _MASK_CHARS.search(span) or (start, end) in out:
            return
        if any(p.start < end and start < p.end for p in found):
            return
        out[(start, end)] = Giveaway(start, end, span, kind)

    gaz = _gazetteer()

    def person(start: int, end: int) -> None:
        name = text[start:end]
        if not set(name[1:]) & _NOT_GIVEN and name not in gaz.index:  # 江阴、吴江 are places
            add(start, end, "person")

    for rx in (_PERSON_BEFORE_TITLE, _PERSON_AFTER_ROLE):
        for m in rx.finditer(text):
            person(m.start("n"), m.end("n"))
    for m in _PERSON_LIST.finditer(text):
        pos = m.start("l")
        for part in m.group("l").split("、"):
            person(pos, pos + len(part))
            pos += len(part) + 1
    for m in _ACCOUNT.finditer(text):
        add(m.start("q"), m.end("q"), "account")
    for m in _BRAND.finditer(text):
        add(m.start("q"), m.end("q"), "brand")
    for m in _BRAND_LIST.finditer(text):
        for q in re.finditer(r"“(?P<q>[^”“]+)”", m.group("l")):
            add(m.start("l") + q.start("q"), m.start("l") + q.end("q"), "brand")
    for m in _APP.finditer(text):
        add(m.start("q"), m.end("q"), "app")
    for mention in _scan(text, gaz).values():
        for e in mention.spans:
            q_open = text.rfind("“", max(0, e.start - 12), e.start)
            if q_open < 0:
                continue
            q_close = text.find("”", e.end, e.end + 12)
            if q_close > 0 and "”" not in text[q_open + 1 : e.start] and q_close - q_open <= 16:
                add(q_open + 1, q_close, "brand")
    return sorted(out.values(), key=lambda g: (g.start, g.end))
