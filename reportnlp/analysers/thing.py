"""A learned chooser over candidate things of a metric (issue 12, item 3).

:func:`candidates` lists, for a quantity at ``text[start:end]``, a handful of spans of its sentence that could
name the measured thing: the rules' pick (``metrics._thing``), the noun after a classifier, and the spans of the
clause before the number (and of the clause before that) that start at a clause start, after 的/把/将/占/在, after
an opening word, an object verb or a number, and end right before the number or before a word of comparison or
change (比, 由, 增长, 为, 达到…), a verb or an adverb, trimmed of closing adverbs. :func:`features` names what is
true of one candidate (where it starts and ends, its length, its distance to the number, its first and last
characters, the markers around it, whether it is the rules' pick). Two logistic regressions over them, trained on
the dev labels by ``bench/train_thing.py``, weights in ``reportnlp/data/``:

- :func:`choose` (``thing_model.json``, the labels alone): what ``find_metrics`` names where its rules name no
  thing, None below even odds;
- :func:`learned_things` (``thing_model_stacked.json``, the rules' pick as one feature, trusted as far as the
  rules earned on excerpts they had not seen): re-picks every thing; opt-in (``analyse(things="learned")``), as
  ``analyse`` then takes about twice its time (2.0x, session 10; 2.4x before);
- :func:`explain`: every candidate with its score and strongest features (why a thing was chosen).

Scoring is a sum of weights looked up by feature name: no scikit-learn at run time. :func:`choose` and
:func:`learned_things` add the weights up by parts (:func:`_pick`), each part memoised by the few characters it
depends on, and score a quantity feature by feature again where two candidates come within ``_TIE`` of each
other: the picks of :func:`features` summed one by one, at 0.67 times the time (first run; about 0.37 with the
memos full). :func:`clear_caches` empties the memos (the benchmarks do, before each timed run).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from . import metrics as _m

__all__ = [
    "Candidate",
    "candidates",
    "choose",
    "explain",
    "features",
    "learned_things",
    "load_model",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "thing_model.json"
STACKED_PATH = MODEL_PATH.with_name("thing_model_stacked.json")


class Candidate(NamedTuple):
    """A span ``text[start:end]`` that may name the thing; ``tags``: where it starts and ends, and why."""

    start: int
    end: int
    text: str
    tags: tuple[str, ...]


# where a candidate may end (its end is the match's start) and where one may start (the match's end)
_END_AT_FIRSTS = (
    "比较由从同年平累分拟将已预共合首连仅按高低快慢占增提降下上减突超保稳达为是缩延扩完实控翻的有在都均也再又还就要"
    "压削调覆惠新回可能只必力"
)
# behind a lookahead of its first characters (metrics._skipping): the same matches, found faster
_END_AT = _m._skipping(
    _END_AT_FIRSTS,
    r"(?<!占)比(?![例重])|较|由(?!于)|从|同比|年均|平均|累计|分别|拟|将(?!近)|已|预计|共(?![同享建体])|合计|首次|连续"
    r"|仅|按(?!照)|[高低快慢]于|占(?![比用地有据])|增长|增加|提高|降低|下降|上升|减少|突破|超过|保持|稳定在|达到|高达|达"
    r"|(?<![所作成认行])为|是|缩短|延长|提升|扩大|完成|实现|控制在|翻|的|有|在|都|均|也|再|又|还|就|要"
    r"|增至|降至|压减|压缩|削减|调增|调减|覆盖|惠及|新增|达到|上涨|下跌|回升|回落|可以|能够|可能|只|必须|力争",
)
_DIGIT = re.compile("[0-9]")
_DIGIT_RUN = re.compile("[0-9.%]+[^0-9，、的]{0,2}")
_START_AT = re.compile(r"的|把|将|占|在|对|使|其中|、|和|与|及")


_STRIP = '、，的了“”" '
# what a candidate may hold: Han characters, Latin letters, quotes, brackets, 、 (no digit: no quantity)
_NAME_RUN = re.compile(rf"[{_m._CJK}A-Za-z“”（）().、]+")


def _spans(text: str, lo: int, hi: int, tag: str, out: dict) -> None:
    """Every span of ``text[lo:hi]`` from a start point to an end point (2 to 16 characters)."""
    seg = text[lo:hi]
    if not seg:
        return
    n = len(seg)
    starts = {0: "s:clause"}  # the tags' features as they are named (s:…, e:…)
    ends = {n: "e:at_number"}
    lead = _m._OPENING.match(seg)
    if lead:
        starts[lead.end()] = "s:opening"
    for m in _START_AT.finditer(seg):
        starts.setdefault(m.end(), "s:after_" + m.group())
    for m in _m._OBJECT_VERBS.finditer(seg):
        starts.setdefault(m.end(), "s:after_verb")
        ends.setdefault(m.start(), "e:before_verb")
    for m in _DIGIT_RUN.finditer(seg):
        starts.setdefault(m.end(), "s:after_number")
    for m in _END_AT.finditer(seg):
        ends.setdefault(m.start(), "e:before_" + m.group())
    ends_items = list(
        ends.items()
    )  # in the order found: the first (start, end) to give a span tags it
    trims = _TRIMS
    for b, bt in starts.items():
        if b > n - 2:
            continue  # no end 2 characters after it
        for e, et in ends_items:
            if not 2 <= e - b <= 24:
                continue
            raw = seg[b:e]
            trim = trims.get(raw, _MISS)
            if trim is _MISS:
                trim = _trim(raw)
            if trim is None:
                continue
            a = lo + b + trim[0]
            key = (a, a + trim[1])
            if key not in out:
                out[key] = (tag, bt, et)


_MISS = object()
# Memos of pure functions of a few characters, shared by every call (a candidate's words recur across reports);
# bounded: cleared when full. clear_caches() empties them (bench/cpu_ratio.py does, before each timed run).
# entries per memo (the State Council corpus fills at most 22,000; 8 MB in all)
_CACHE_SIZE = 50_000
# a span of a clause -> (offset, length) of the candidate it trims to, or None
_TRIMS: dict[str, tuple[int, int] | None] = {}


def _trim(raw: str) -> tuple[int, int] | None:
    """Where in ``raw`` its candidate is, once trimmed of ``_STRIP`` and closing adverbs (None: no candidate)."""
    s = _m._strip_closing(raw.strip(_STRIP))
    s2 = s.lstrip(_STRIP)
    if not (2 <= len(s2) <= 16) or not _NAME_RUN.fullmatch(s2):
        trim = None
    else:
        trim = (len(raw) - len(raw.lstrip(_STRIP)) + len(s) - len(s2), len(s2))
    if len(_TRIMS) >= _CACHE_SIZE:
        _TRIMS.clear()
    _TRIMS[raw] = trim
    return trim


def _candidate_spans(
    text: str, start: int, end: int, rule: str | None, prev_end: int
) -> tuple[dict[tuple[int, int], tuple[str, ...]], tuple[int, int] | None]:
    """The candidates as ``{(start, end): tags}`` in the order found, and the key of the rules' pick."""
    lo = max(0, start - _m._MAX_LEFT)
    m = _m._LAST_SENTENCE_BREAK.match(text, lo, start)
    sentence = m.end() if m else lo
    m = _m._LAST_CLAUSE_BREAK.match(text, sentence, start)
    clause = m.end() if m else sentence
    out: dict[tuple[int, int], tuple[str, ...]] = {}
    from_ = max(clause, prev_end) if prev_end > sentence else clause
    _spans(text, from_, start, "c0", out)
    if from_ > sentence and (rule is not None or not out):
        m = _m._LAST_CLAUSE_BREAK.match(text, sentence, from_ - 1)
        c1 = m.end() if m else sentence
        _spans(text, c1, from_ - 1, "c1", out)
    noun = _m._right_noun(text, end + text.startswith("的", end))
    if noun and len(noun) >= 2:
        a = end + text.startswith("的", end)
        out.setdefault((a, a + len(noun)), ("right", "s:right", "e:right"))
    rule_key = None
    if rule:
        at = text.rfind(rule, sentence, start)
        if at < 0:
            at = text.find(rule, end, end + 30)
        if at >= 0:
            rule_key = (at, at + len(rule))
            out.setdefault(rule_key, ("rule_only",))
    return out, rule_key


def candidates(
    text: str, start: int, end: int, rule: str | None, prev_end: int = 0
) -> list[Candidate]:
    """The candidate things of the quantity at ``text[start:end]`` (``rule``: the rules' pick)."""
    out, rule_key = _candidate_spans(text, start, end, rule, prev_end)
    found = []
    for (a, b), tags in out.items():
        t = text[a:b]
        is_rule = (a, b) == rule_key
        found.append(Candidate(a, b, t, tags + (("rule",) if is_rule else ())))
    found.sort(key=lambda c: (c.start, c.end))
    return found


_VERB_WORDS = frozenset(_m._OBJECT_WORDS) | frozenset(_m._CHANGE) | frozenset(_m._STOP_WORDS)
_CN_NUMBER = re.compile("[一二两三四五六七八九十][十百千万亿点]|百分之")
_NOUN_LAST = set("率额量数值入出资品人业物款税费价长度重积户口位元局金产")


def features(
    text: str, start: int, end: int, unit: str | None, c: Candidate, rule: str | None
) -> list[str]:
    """The names of the features true of candidate ``c`` (a bag of strings; weights are looked up by name)."""
    return _features(text, start, c, rule, _context(text, start, unit))


def _context(text: str, start: int, unit: str | None) -> tuple[str, bool]:
    """What every candidate of one quantity shares: the kind of its unit, 分别 before it."""
    if unit is None:
        u = "none"
    elif unit in _m._RATIO_UNITS:
        u = "ratio"
    elif unit in _m._TIME_UNITS:
        u = "time"
    else:
        u = "money" if unit.endswith("元") else "count"
    return u, text.find("分别", max(0, start - 30), start) >= 0


def _features(
    text: str, start: int, c: Candidate, rule: str | None, context: tuple[str, bool]
) -> list[str]:
    t = c.text
    u, respectively = context
    f = _tag_features(c.tags, u) + _word_features(t)
    if c.end <= start:
        f += _gap_features(text[c.end : start])
    else:
        f.append("after_number")
    f.append("prev:" + (text[c.start - 1] if c.start else "^"))
    relation = _rule_feature(t, rule)
    if relation:
        f.append(relation)
    f.append("unit:" + u)
    if respectively:
        f.append("respectively")
    return f


# The features by what they depend on: _Scorer memoises the weight of each part by its key.
def _tag_features(tags: tuple[str, ...], u: str) -> list[str]:
    """Where the candidate starts and ends, and why; with the kind of the quantity's unit."""
    pair = f"{tags[1]}|{tags[2]}" if len(tags) > 2 else f"{tags[0]}|"
    return [*tags, pair, f"unit:{u}|{tags[0]}"]


def _word_features(t: str) -> list[str]:
    """What the candidate's words alone say."""
    f = [f"len:{min(len(t), 10)}", "last:" + t[-1], "last2:" + t[-2:]]
    if _END_AT.match(t):
        f.append("starts_with_end_word")
    if _END_AT.search(t, 1):
        f.append("holds_end_word")
    if _m._CHANGE_END.search(t):
        f.append("ends_in_change")
    if _m._OPENING.match(t):
        f.append("starts_with_opening")
    if t in _VERB_WORDS or t[1:] in _VERB_WORDS:
        f.append("is_verb")
    if _CN_NUMBER.search(t):
        f.append("holds_numeral")
    f.append("first:" + t[0])
    if t[-1] in _NOUN_LAST:
        f.append("noun_last")
    if _m._OBJECT_VERBS.search(t):
        f.append("has_verb")
    if "的" in t:
        f.append("has_de")
    return f


def _gap_features(gap: str) -> list[str]:
    """The text between a candidate before the number and the number."""
    breaks = gap.count("，") + gap.count("、") + gap.count("：") + gap.count(",") + gap.count(":")
    f = [f"gap:{min(len(gap), 8)}", f"breaks:{min(breaks, 2)}"]
    if gap:
        f.append("next:" + gap[0])
    return f


def _rule_feature(t: str, rule: str | None) -> str | None:
    """How the candidate stands to the rules' pick (``rule_none``: the rules named none)."""
    if not rule:
        return "rule_none"
    if t == rule:
        return "is_rule"
    if t.endswith(rule) or rule.endswith(t):
        return "suffix_of_rule"
    if rule in t:
        return "holds_rule"
    if t in rule:
        return "inside_rule"
    return None


@lru_cache(maxsize=2)
def load_model(stacked: bool = False) -> tuple[float, dict[str, float]]:
    """The chooser's weights (``reportnlp/data/thing_model.json``, written by ``bench/train_thing.py``; with
    ``stacked``, the opt-in chooser's that weighs the rules' pick too, ``thing_model_stacked.json``)."""
    model = json.loads((STACKED_PATH if stacked else MODEL_PATH).read_text(encoding="utf-8"))
    return float(model["bias"]), {k: float(v) for k, v in model["weights"].items()}


def _scored(
    text: str, start: int, end: int, unit: str | None, prev_end: int
) -> list[tuple[float, Candidate, list[str]]]:
    bias, weights = load_model()
    get = weights.get
    context = _context(text, start, unit)
    out = []
    for c in candidates(text, start, end, None, prev_end):
        fs = _features(text, start, c, None, context)
        out.append((bias + sum(map(get, fs, repeat(0.0, len(fs)))), c, fs))
    return out


def choose(
    text: str, start: int, end: int, unit: str | None, prev_end: int = 0, floor: float = 0.0
) -> Candidate | None:
    """The candidate thing of highest score (the first of equal ones); None when there is no candidate or
    the best scores below ``floor`` (log-odds: 0 is an even chance of being right)."""
    best = _pick(_scorer(False), text, start, end, unit, None, prev_end)
    if best is not None and abs(best[0] - floor) <= _TIE:  # the exact score decides
        best = None
        for s, c, _ in _scored(text, start, end, unit, prev_end):
            if best is None or s > best[0]:
                best = (s, c.start, c.end, c.tags)
    if best is None or best[0] < floor:
        return None
    _, a, b, tags = best
    return Candidate(a, b, text[a:b], tags)


def explain(
    text: str, start: int, end: int, unit: str | None, prev_end: int = 0, top: int = 3
) -> list[dict]:
    """Every candidate thing of the quantity at ``text[start:end]`` with its score (log-odds) and its strongest
    features, best first: why the chooser picks what it picks."""
    _, weights = load_model()
    rows = []
    for s, c, fs in _scored(text, start, end, unit, prev_end):
        strongest = sorted({f for f in fs if f in weights}, key=lambda f: (-abs(weights[f]), f))[
            :top
        ]
        rows.append(
            {
                "thing": c.text,
                "start": c.start,
                "end": c.end,
                "score": round(s, 3),
                "evidence": [f"{f} {weights[f]:+.2f}" for f in strongest],
            }
        )
    rows.sort(key=lambda r: (-r["score"], r["start"], r["end"]))
    return rows


def learned_things(text: str, found: list) -> list:
    """``found`` (``find_metrics(text)``) with the thing of every quantity picked by the stacked chooser: the
    candidates of its clause scored with the rules' pick as one feature among the others (spans of time are
    left as they are). The picks of :func:`candidates` and :func:`features`, scored by :func:`_pick`."""
    model = _scorer(True)
    out = []
    prev_end = 0
    for m in found:
        if m.kind == "quantity":
            best = _pick(model, text, m.start, m.end, m.unit, m.thing, prev_end)
            if best is not None:
                t = text[best[1] : best[2]]
                if t != m.thing:
                    m = _replace_thing(m, t)
        out.append(m)
        prev_end = m.end
    return out


def _replace_thing(m, thing):
    """``dataclasses.replace(m, thing=thing)`` without its checks (a frozen dataclass: via ``__dict__``)."""
    new = object.__new__(type(m))
    new.__dict__.update(m.__dict__)
    new.__dict__["thing"] = thing
    return new


class _Scorer:
    """One model's weights and memos of the parts of a candidate's score (see :func:`_pick`); the memos are
    pure functions of a few characters, shared by every call (a candidate's words recur across reports),
    bounded (cleared when full) and emptied by :func:`clear_caches`."""

    def __init__(self, stacked: bool) -> None:
        self.bias, self.weights = load_model(stacked)
        self.get = self.weights.get
        self.tags: dict = {}  # (tags, unit kind) -> weight
        self.words: dict = {}  # candidate text -> weight of the features of its words alone
        self.gaps: dict = {}  # text between candidate and number -> weight
        self.prev: dict = {}  # character before the candidate -> weight
        self.units: dict = {}  # (unit kind, 分别 before it) -> weight

    def clear(self) -> None:
        for memo in (self.tags, self.words, self.gaps, self.prev, self.units):
            memo.clear()

    def unit_weight(self, k: tuple[str, bool]) -> float:
        u, respectively = k
        get = self.get
        w = self.units[k] = get("unit:" + u, 0.0) + (
            get("respectively", 0.0) if respectively else 0.0
        )
        return w

    def tag_weight(self, k: tuple) -> float:
        fs = _tag_features(*k)
        w = self.tags[k] = sum(map(self.get, fs, repeat(0.0, len(fs))))
        return w

    def word_weight(self, t: str) -> float:
        fs = _word_features(t)
        if len(self.words) >= _CACHE_SIZE:
            self.words.clear()
        w = self.words[t] = sum(map(self.get, fs, repeat(0.0, len(fs))))
        return w

    def gap_weight(self, gap: str) -> float:
        fs = _gap_features(gap)
        if len(self.gaps) >= _CACHE_SIZE:
            self.gaps.clear()
        w = self.gaps[gap] = sum(map(self.get, fs, repeat(0.0, len(fs))))
        return w


@lru_cache(maxsize=2)
def _scorer(stacked: bool) -> _Scorer:
    return _Scorer(stacked)


_TIE = 1e-9


def _part_scores(
    model: _Scorer,
    text: str,
    start: int,
    end: int,
    unit: str | None,
    rule: str | None,
    prev_end: int,
) -> list[tuple[float, int, int, tuple[str, ...]]]:
    """(score, start, end, tags) of every candidate of :func:`candidates`, in its order of discovery: the sum of
    the weights of its :func:`features`, added up by parts. The weights of what depends on the candidate's
    words alone, on its tags, on the gap to the number, on the character before it and on the quantity's unit
    are each looked up once and memoised (equal to the feature sums up to rounding; tested)."""
    out, rule_key = _candidate_spans(text, start, end, rule, prev_end)
    k = _context(text, start, unit)
    u = k[0]
    w = model.units.get(k)
    base = model.bias + (w if w is not None else model.unit_weight(k))
    get = model.get
    tag_w, word_w, gap_w, prev_w = model.tags, model.words, model.gaps, model.prev
    scores = []
    for key, tags in out.items():
        a, b = key
        t = text[a:b]
        if key == rule_key:
            tags = tags + ("rule",)
        kt = (tags, u)
        s = tag_w.get(kt)
        if s is None:
            s = model.tag_weight(kt)
        w = word_w.get(t)
        if w is None:
            w = model.word_weight(t)
        s += w
        if b <= start:
            gap = text[b:start]
            w = gap_w.get(gap)
            if w is None:
                w = model.gap_weight(gap)
            s += w
        else:
            s += get("after_number", 0.0)
        p = text[a - 1] if a else "^"
        w = prev_w.get(p)
        if w is None:
            w = prev_w[p] = get("prev:" + p, 0.0)
        s += w
        relation = _rule_feature(t, rule)
        if relation:
            s += get(relation, 0.0)
        scores.append((base + s, a, b, tags))
    return scores


def _pick(
    model: _Scorer,
    text: str,
    start: int,
    end: int,
    unit: str | None,
    rule: str | None,
    prev_end: int,
) -> tuple[float, int, int, tuple[str, ...]] | None:
    """The best candidate's (score, start, end, tags) for the quantity at ``text[start:end]`` (None: no candidate).

    The scores of :func:`_part_scores`. Where another candidate scores within ``_TIE`` of the best, the quantity
    is scored again feature by feature (as :func:`explain` does, the first of equal scores winning in the order
    of :func:`candidates`), so the order of the sums never changes a pick. The score is exact only then; the
    callers compare it with a floor at a distance of ``_TIE`` at least, or not at all."""
    scores = _part_scores(model, text, start, end, unit, rule, prev_end)
    if not scores:
        return None
    top = max(scores, key=_first)
    near = 0
    for x in scores:
        if x[0] >= top[0] - _TIE:
            near += 1
    if near == 1:
        return top
    # a tie, or nearly: the exact sums of the features, in the order of candidates()
    best = None
    context, get = _context(text, start, unit), model.get
    # the candidates of candidates(), in its order, from the spans just scored (not found again)
    found = [Candidate(a, b, text[a:b], tags) for _, a, b, tags in scores]
    found.sort(key=_position)
    for c in found:
        fs = _features(text, start, c, rule, context)
        sc = model.bias + sum(map(get, fs, repeat(0.0, len(fs))))
        if best is None or sc > best[0]:
            best = (sc, c.start, c.end, c.tags)
    return best


def _first(x: tuple) -> float:
    return x[0]


def _position(c: Candidate) -> tuple[int, int]:
    return c.start, c.end


def clear_caches() -> None:
    """Empty the memos of this module, of :mod:`~reportnlp.analysers.metrics` and of
    :mod:`~reportnlp.analysers.slogans` (for timing a first run; the answers do not depend on them)."""
    from reportnlp.analysers import slogans

    _m.clear_caches()
    slogans.clear_caches()
    _TRIMS.clear()
    for stacked in (False, True):
        _scorer(stacked).clear()
