"""Per-line features for the learned line model (:mod:`reportnlp.boilerplate.model`).

The rules stay: each rule that fires and each first-pass reason is a feature (one-hot), beside the line's
shape (length, Han, digit, Latin and punctuation ratios, separators, a date, a photo credit), its place in the
page (relative index, above the body, below its core, in the tail zone), repetition inside the page and across
the run, and the same few facts about its nearest non-blank neighbours (±1, ±2).

Only *candidate* lines are read: every non-blank line except the title and the long prose inside the body's
core that the rules never read (it is body; reading it would cost the clean stage its speed).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from reportnlp import codes
from reportnlp.boilerplate.rules import (
    HAN,
    SENTENCE_PUNCT,
    ends_sentence,
    is_link_list,
    is_prose,
    is_spaced_menu,
)

#: Rule reasons a line can carry after the first pass (one feature each: ``rule=<reason>``).
RULE_REASONS = (
    codes.R_LICENSE_FOOTER,
    codes.R_PAYWALL,
    codes.R_ICP,
    codes.R_POWERED_BY,
    codes.R_COPYRIGHT,
    codes.R_DISCLAIMER,
    codes.R_SITE_PROMO,
    codes.R_VISITOR,
    codes.R_SHARE,
    codes.R_BREADCRUMB,
    codes.R_RECOMMEND,
    codes.R_RELATED,
    codes.R_CONTACT,
    codes.R_ORGANISER,
    codes.R_FORUM,
    codes.R_LOGIN,
    codes.R_MEDIA_PLACEHOLDER,
    codes.R_ATTACHMENT,
    codes.R_BROWSER_TITLE,
    codes.R_NAV,
    codes.R_PAGE_MARKER,
    codes.R_PAGE_NUMBER,
    codes.R_UI_CONTROLS,
    codes.R_COUNTER,
    codes.R_SEPARATOR,
    codes.R_SPACED_MENU,
    codes.R_PLACE_LIST,
    codes.R_RELATED_ITEM,
    codes.R_PHOTO_CAPTION,
    codes.R_REPLY_THREAD,
    codes.R_EDITORIAL,
    codes.R_NOISE,
)
#: Reasons the page context gives in the first pass and the second (one feature each: ``ctx=<reason>``).
CONTEXT_REASONS = (
    codes.R_META,
    codes.R_REPEATED_TITLE,
    codes.R_BROWSER_TITLE,
    codes.R_TAIL_ZONE,
    codes.R_HEAD_ZONE,
    codes.R_CORPUS_REPEATED,
    codes.R_COMMENTS,
    codes.R_AMONG_FURNITURE,
    codes.R_SIGNATURE,
    codes.R_REPEATED_BLOCK,
)
_NEIGHBOUR = ("boilerplate", "meta", "prose", "heading", "short", "log_len", "ends_sentence")
_OFFSETS = (-2, -1, 1, 2)

FEATURE_NAMES: tuple[str, ...] = (
    *(f"rule={r}" for r in RULE_REASONS),
    *(f"ctx={r}" for r in CONTEXT_REASONS),
    "first_pass_boilerplate",
    "heading",
    "title_like",
    "log_len",
    "len<=4",
    "len<=12",
    "len>=40",
    "han_ratio",
    "digit_ratio",
    "latin_ratio",
    "space_ratio",
    "punct_per_10",
    "has_full_stop",
    "ends_sentence",
    "prose20",
    "link_list",
    "spaced_menu",
    "separators",
    "has_date",
    "has_time",
    "photo_credit",
    "bullet_start",
    "salutation",
    "ends_colon",
    "rel_index",
    "above_body",
    "below_core",
    "in_tail",
    "dist_above_body",
    "dist_below_core",
    "seen_before",
    "in_title",
    "corpus_repeated",
    *(f"n{o:+d}:{f}" for o in _OFFSETS for f in _NEIGHBOUR),
    *(f"n{o:+d}:edge" for o in _OFFSETS),
)
INDEX = {name: k for k, name in enumerate(FEATURE_NAMES)}

_DATE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|[〇零一二三四五六七八九]{4}年"
)
_TIME = re.compile(r"\d{1,2}:\d{2}")
_CREDIT = re.compile(r"摄[）)]?\s*$|摄影[:：]|供图[）)]?\s*$")
_DIGITS = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_SEPS = re.compile(r"[|｜丨¦>»›]|\s{2,}")
_SALUTE = re.compile(r"们|各位|尊敬|亲爱|大家")
_BULLETS = "·•▪◆◇■□●○▶►-*#【["


@dataclass
class PageState:
    """What the rule passes know of a page, read by :func:`line_features`."""

    texts: Sequence[str]
    filled: Sequence[int]
    rule: Sequence[Optional[str]]
    meta: Sequence[bool]
    heading: Sequence[bool]
    deferred: Sequence[bool]
    actions: Sequence[str]
    reasons: Sequence[str]
    body: int
    tail: int
    core_end: int
    title_text: str
    corpus: Sequence[bool]
    protected: Sequence[bool]  # lines the rules settle for sure (a speech's dateline)


def candidates(page: PageState) -> list[int]:
    """The lines the model reads: non-blank, not the title, not unread prose of the body's core."""
    return [i for i in page.filled if not page.deferred[i] and page.actions[i] != codes.TITLE]


def _base(page: PageState, i: int) -> list[float]:
    t = page.texts[i]
    n = len(t)
    a = page.actions[i]
    return [
        float(a in (codes.DROP, codes.META)),
        float(a == codes.META),
        float(page.deferred[i] or is_prose(t, 20)),
        float(page.heading[i]),
        float(n <= 12),
        math.log1p(n) / 5,
        float(ends_sentence(t)),
    ]


def line_features(page: PageState, rows: Sequence[int]) -> list[list[float]]:
    """One feature vector (ordered as :data:`FEATURE_NAMES`) for each line index of ``rows``."""
    texts, filled = page.texts, page.filled
    pos = {i: k for k, i in enumerate(filled)}
    nf = max(1, len(filled))
    n_lines = max(1, len(texts))
    base_cache: dict[int, list[float]] = {}
    first_seen: dict[str, int] = {}
    for i in filled:
        first_seen.setdefault(texts[i], i)
    body_k = pos.get(page.body, None)
    if body_k is None:
        body_k = next((k for k, i in enumerate(filled) if i >= page.body), len(filled))
    core_k = pos.get(page.core_end, len(filled) - 1) if page.core_end >= 0 else len(filled) - 1
    r_index = {r: k for k, r in enumerate(RULE_REASONS)}
    c_index = {r: k + len(RULE_REASONS) for k, r in enumerate(CONTEXT_REASONS)}
    n_onehot = len(RULE_REASONS) + len(CONTEXT_REASONS)
    title = page.title_text
    out = []
    for i in rows:
        t = texts[i]
        n = len(t)
        k = pos[i]
        v = [0.0] * n_onehot
        r = page.rule[i]
        if r in r_index:
            v[r_index[r]] = 1.0
        reason = page.reasons[i]
        if reason in c_index:
            v[c_index[reason]] = 1.0
        han = len(HAN.findall(t))
        v += [
            float(page.actions[i] in (codes.DROP, codes.META)),
            float(page.heading[i]),
            float(4 <= n <= 80 and not SENTENCE_PUNCT.search(t[-1:] or "。") and han >= 0.6 * n),
            math.log1p(n) / 5,
            float(n <= 4),
            float(n <= 12),
            float(n >= 40),
            han / n,
            len(_DIGITS.findall(t)) / n,
            len(_LATIN.findall(t)) / n,
            t.count(" ") / n,
            min(3.0, 10 * len(SENTENCE_PUNCT.findall(t)) / n),
            float("。" in t),
            float(ends_sentence(t)),
            float(is_prose(t, 20)),
            float(is_link_list(t)),
            float(is_spaced_menu(t)),
            min(3.0, len(_SEPS.findall(t)) / 3),
            float(_DATE.search(t) is not None),
            float(_TIME.search(t) is not None),
            float(_CREDIT.search(t) is not None),
            float(t[0] in _BULLETS),
            float(n <= 16 and t.endswith(("：", ":")) and _SALUTE.search(t) is not None),
            float(t.endswith(("：", ":"))),
            i / n_lines,
            float(k < body_k),
            float(k > core_k),
            float(i >= page.tail),
            min(1.0, max(0, body_k - k) / 20),
            min(1.0, max(0, k - core_k) / 20),
            float(first_seen[t] < i),
            float(bool(title) and n >= 4 and (t in title or title in t)),
            float(page.corpus[i]) if page.corpus else 0.0,
        ]
        for o in _OFFSETS:
            j = k + o
            if 0 <= j < nf and j < len(filled):
                li = filled[j]
                b = base_cache.get(li)
                if b is None:
                    b = base_cache[li] = _base(page, li)
                v += b
            else:
                v += [0.0] * len(_NEIGHBOUR)
        v += [float(not 0 <= k + o < len(filled)) for o in _OFFSETS]
        out.append(v)
    return out
