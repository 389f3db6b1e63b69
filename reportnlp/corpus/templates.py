"""Template families: near-duplicates and documents that share a template, aligned to a skeleton and slots.

The same report copied by two sites, or two 汇报 filled in from one template, share most of their text. To
find them in a corpus without comparing every pair:

1. **Shingles** (:func:`shingle_key`, :func:`shingles`): the text with whitespace and punctuation removed,
   every template mask (``××``, ``202x``, ``***``, ``某``; see
   :func:`~reportnlp.analysers.placeholders.find_placeholders`) and every run of digits replaced by one
   slot character ``0``, cut into character 5-grams, each hashed to 64 bits. ``××市`` and ``龙口市`` then
   differ only where the slot is; the same report paragraphed differently, or with full-width digits, gives
   the same shingles.
2. **MinHash** (:class:`MinHasher`): one-permutation MinHash with densification by rotation (Shrivastava and
   Li, 2014): the sorted shingle hashes are cut into ``num_perm`` bins by their top bits and each bin keeps its
   smallest hash, so a signature costs one sort instead of ``num_perm`` hash passes (7x faster than
   ``datasketch``, see ``bench/bench_templates.py``). Two signatures agree in a bin with probability (about)
   the Jaccard similarity of the shingle sets.
3. **LSH** (:func:`lsh_params`, :func:`candidate_pairs`): the signature is cut into ``bands`` bands of
   ``rows`` bins; documents that agree on a whole band are candidates. ``bands``/``rows`` give the fewest
   candidates while catching a pair *at* the threshold with probability ≥ 0.99 (42 × 3 for 0.5).
4. **Verification**: a candidate pair is linked when the *exact* Jaccard of the two shingle sets is at least
   ``threshold``, so the result does not depend on hashing noise near the threshold (pairs far below it by
   their signatures, or already in one family, are not computed). Families are the connected components
   of the links.
5. **Alignment** (:func:`align_family`): each member is aligned to the family's medoid (the member with the
   highest summed similarity), first on sentences, then on characters inside differing sentences
   (``difflib.SequenceMatcher``), ignoring whitespace. The skeleton is the medoid's text with every region
   where some member differs replaced by ``{slot_N}``; each slot lists every member's text there, with its
   offsets into that member's text.

Why 0.5 by default (measured in ``tests/test_templates.py``; ``--threshold`` changes it): the same State
Council report taken from two sites after ``clean`` scores at least 0.96; reports of different years at most
0.12; the NPC resolutions on the reports, which do share a formula, at most 0.46 between different years
(at 0.3 they group by era); three fills of one seed template 0.98; a copy that lost 20 % of its paragraphs
and one character in 100 still 0.65.

>>> docs = {
...     "a": "今年以来，××市开展宣讲活动×××场次，覆盖群众×万人次，受到广泛好评。",
...     "b": "今年以来，龙口市开展宣讲活动120场次，覆盖群众3万人次，受到广泛好评。",
...     "c": "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。",
... }
>>> [f] = find_families(docs)
>>> f.members, f.skeleton
(('a', 'b'), '今年以来，{slot_0}市开展宣讲活动{slot_1}场次，覆盖群众{slot_2}万人次，受到广泛好评。')
>>> [s.values for s in f.slots]
[{'a': '××', 'b': '龙口'}, {'a': '×××', 'b': '120'}, {'a': '×', 'b': '3'}]
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Optional, Union

import numpy as np

from reportnlp.analysers.placeholders import find_placeholders

#: A progress callback: ``progress(stage, done, total)``, ``done`` rising from 0 to ``total`` a stage.
Progress = Callable[[str, int, int], None]


def _tick(progress: Optional[Progress], stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_THRESHOLD",
    "SHINGLE_SIZE",
    "Family",
    "MinHasher",
    "Slot",
    "align_family",
    "candidate_pairs",
    "find_families",
    "jaccard",
    "lsh_params",
    "shingle_key",
    "shingles",
    "templates_cmd",
]

DEFAULT_THRESHOLD = 0.5
DEFAULT_NUM_PERM = 128
SHINGLE_SIZE = 5
SLOT_CHAR = "0"
# Aligning two differing regions character by character costs up to len(a) * len(b) steps: above this the
# whole region is one slot (two unrelated paragraphs share no skeleton worth showing).
MAX_CHAR_ALIGN = 4_000_000
# A run of matching characters shorter than this inside a differing region is a coincidence ("的", "1"),
# not skeleton: it is left in the slot.
MIN_ANCHOR = 3
# LSH: the chance to catch a pair whose similarity is exactly the threshold.
LSH_RECALL = 0.99
# LSH buckets bigger than this are linked as a star and a chain instead of all pairs (many exact copies).
MAX_BUCKET_PAIRS = 64

_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_SENTENCE_END = re.compile(r"[。！？；!?;]+")
_NON_SPACE = re.compile(r"\S+")
# Characters of a number or a Latin word: a slot boundary never falls inside a run of them.
_RUN = frozenset("0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

_BASE = 0x100000001B3  # the FNV-1 64-bit prime: base of the polynomial hash of a 5-gram


# --- shingles -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _keep_table() -> np.ndarray:
    """For each BMP code point: is it a letter or a number (kept in shingles)? Built on first use."""
    keep = np.fromiter(
        (unicodedata.category(chr(i))[0] in "LN" for i in range(0x10000)), dtype=bool, count=0x10000
    )
    keep[ord(SLOT_CHAR)] = True
    return keep


def shingle_key(text: str) -> str:
    """The text shingles are cut from: masks and digit runs → ``0``; only letters and numbers kept.

    >>> shingle_key("××市开展宣讲×××场次，增长5.1%。"), shingle_key("龙口市开展宣讲 120 场次,增长 6%")
    ('0市开展宣讲0场次增长0', '龙口市开展宣讲0场次增长0')
    """
    parts = []
    last = 0
    for p in find_placeholders(text):
        parts.append(text[last : p.start])
        parts.append(SLOT_CHAR)
        last = p.end
    parts.append(text[last:])
    masked = _DIGITS.sub(SLOT_CHAR, "".join(parts))
    cps = _code_points(masked)
    return cps.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


def _code_points(text: str) -> np.ndarray:
    """The kept code points of ``text`` (letters, numbers, the slot character) as a uint32 array."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    keep = _keep_table()[cps & 0xFFFF]
    keep |= cps > 0xFFFF  # astral characters (CJK extensions): letters
    return cps[keep]


def _mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: spreads a 64-bit polynomial hash over all bits (in place, uint64)."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def shingles(text: str, k: int = SHINGLE_SIZE, *, normalised: bool = False) -> np.ndarray:
    """Sorted unique 64-bit hashes of the character ``k``-grams of :func:`shingle_key` of ``text``.

    A key shorter than ``k`` is one shingle; an empty key has none. ``normalised=True`` takes ``text``
    as a key already.

    >>> len(shingles("今年以来，××市开展宣讲。")), len(shingles("")), len(shingles("宣讲"))
    (6, 0, 1)
    >>> bool((shingles("××市开展宣讲") == shingles("某市开展宣讲")).all())
    True
    """
    key = text if normalised else shingle_key(text)
    cps = np.frombuffer(key.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    n = len(cps)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(k, n)
    h = np.zeros(n - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):  # h = Σ cp[i] · BASE^(k-1-i)  (mod 2^64)
            h *= np.uint64(_BASE)
            h += cps[i : n - k + 1 + i]
        h += np.uint64(k)  # a short key never hashes like a k-gram
        return np.unique(_mix64(h))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique shingle arrays (0 when both are empty)."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 0:
        return 0.0
    idx = np.searchsorted(b, a)  # 5x faster than np.intersect1d: no concatenation and re-sort
    idx[idx == len(b)] = 0
    inter = int(np.count_nonzero(b[idx] == a))
    return inter / (len(a) + len(b) - inter)


# --- MinHash and LSH ------------------------------------------------------------------------------------


class MinHasher:
    """One-permutation MinHash with rotation densification; ``num_perm`` must be a power of two.

    The shingle hashes are already uniform 64-bit values (SplitMix64), so their top ``log2(num_perm)`` bits
    pick the bin and the sorted array gives each bin's minimum by binary search. An empty bin takes the
    value of the next non-empty bin to its right (cyclically) plus ``distance · 2^64/num_perm`` — the same
    rule for every document, so that matching bins still mean matching minima.

    >>> mh = MinHasher(64)
    >>> a = shingles("今年以来，全市开展理论宣讲活动，覆盖群众十万人次，受到广泛好评。")
    >>> mh.signature(a).shape, bool((mh.signature(a) == MinHasher(64).signature(a.copy())).all())
    ((64,), True)
    """

    def __init__(self, num_perm: int = DEFAULT_NUM_PERM):
        if num_perm < 2 or num_perm & (num_perm - 1):
            raise ValueError(f"num_perm must be a power of two >= 2, not {num_perm}")
        self.num_perm = num_perm
        self._shift = np.uint64(64 - (num_perm.bit_length() - 1))
        self._starts = np.arange(num_perm, dtype=np.uint64) << self._shift

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        """The signature (``num_perm`` uint64) of a sorted unique shingle hash array; all-max when empty."""
        m = self.num_perm
        if len(hashes) == 0:
            return np.full(m, np.iinfo(np.uint64).max, dtype=np.uint64)
        idx = np.searchsorted(hashes, self._starts)  # first hash of each bin (or of a later bin)
        bins = hashes >> self._shift
        safe = np.minimum(idx, len(hashes) - 1)
        present = (idx < len(hashes)) & (bins[safe] == np.arange(m, dtype=np.uint64))
        low = hashes[safe] - self._starts  # the value within its bin
        if present.all():
            return low
        # rotation: an empty bin borrows from the next non-empty bin (cyclically), offset by the distance
        order = np.flatnonzero(present)
        pos = np.searchsorted(order, np.arange(m))
        donor = order[pos % len(order)]
        distance = (donor - np.arange(m)) % m
        width = np.uint64(1) << self._shift
        with np.errstate(over="ignore"):
            return np.where(present, low, low[donor] + distance.astype(np.uint64) * width)

    def signatures(self, arrays: Sequence[np.ndarray]) -> np.ndarray:
        """Signatures of many shingle arrays, one row each."""
        out = np.empty((len(arrays), self.num_perm), dtype=np.uint64)
        for i, a in enumerate(arrays):
            out[i] = self.signature(a)
        return out


def _collision(j: np.ndarray, bands: int, rows: int) -> np.ndarray:
    return 1.0 - (1.0 - j**rows) ** bands


def _integral(y: np.ndarray, x: np.ndarray) -> float:
    """Trapezoidal rule (``np.trapz`` is gone from numpy 2, ``np.trapezoid`` missing before it)."""
    return float(((y[1:] + y[:-1]) * np.diff(x)).sum() / 2)


def lsh_params(
    threshold: float, num_perm: int = DEFAULT_NUM_PERM, *, recall: float = LSH_RECALL
) -> tuple[int, int]:
    """``(bands, rows)``: the fewest candidates among settings that catch a pair at ``threshold`` with
    probability at least ``recall``.

    A pair of similarity ``j`` is a candidate with probability ``1 - (1 - j**rows)**bands``. Among the
    ``rows`` (with ``bands = num_perm // rows``) that reach ``recall`` at the threshold, the one with the
    smallest expected share of candidates below the threshold (∫₀ᵗ P dj) is chosen; exact verification
    removes those, so they cost time, not precision.

    >>> lsh_params(0.5, 128), lsh_params(0.8, 128)
    ((42, 3), (21, 6))
    """
    xs = np.linspace(0.0, threshold, 201)
    best, best_fp = (num_perm, 1), float("inf")
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if _collision(np.array([threshold]), bands, rows)[0] < recall:
            continue
        fp = _integral(_collision(xs, bands, rows), xs)
        if fp < best_fp - 1e-12:
            best, best_fp = (bands, rows), fp
    return best


def candidate_pairs(signatures: np.ndarray, bands: int, rows: int) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of rows that agree on at least one whole band.

    A bucket of more than :data:`MAX_BUCKET_PAIRS` rows is linked as a star on its first row and a chain
    (enough for exact copies to form one component, without all pairs).
    """
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        chunk = np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows])
        keys = chunk.view(np.dtype((np.void, chunk.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        cuts = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        for group in np.split(order, cuts):
            if len(group) < 2:
                continue
            g = sorted(int(x) for x in group)
            if len(g) <= MAX_BUCKET_PAIRS:
                pairs.update((g[a], g[b]) for a in range(len(g)) for b in range(a + 1, len(g)))
            else:
                pairs.update((g[0], x) for x in g[1:])
                pairs.update(zip(g[1:], g[2:]))
    return pairs


# --- alignment -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """Where the members of a family differ: each member's text there, with its offsets into that text.

    ``values[id] == texts[id][offsets[id][0]:offsets[id][1]]``; an empty value is a place where that member
    has nothing the others have.
    """

    slot: int
    values: dict[str, str]
    offsets: dict[str, tuple[int, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "slot": self.slot,
            "values": dict(self.values),
            "offsets": {k: [s, e] for k, (s, e) in self.offsets.items()},
        }


@dataclass(frozen=True)
class Family:
    """A group of documents sharing a template (or copies of one document).

    ``members`` are sorted ids; ``medoid`` is the member the others were aligned to; ``skeleton`` its text
    with each differing region replaced by ``{slot_N}`` (filling the skeleton with the medoid's values gives
    the medoid's text exactly); ``jaccard`` is each member's shingle similarity to the medoid.
    """

    family: int
    members: tuple[str, ...]
    medoid: str
    skeleton: str
    slots: tuple[Slot, ...]
    jaccard: dict[str, float]

    def fill(self, member: str) -> str:
        """The skeleton with ``member``'s slot values (the medoid's own text for the medoid)."""
        values = {s.slot: s.values[member] for s in self.slots}
        return re.sub(r"\{slot_(\d+)\}", lambda m: values[int(m.group(1))], self.skeleton)

    def to_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "members": list(self.members),
            "medoid": self.medoid,
            "skeleton": self.skeleton,
            "slots": [s.to_dict() for s in self.slots],
            "jaccard": {k: round(v, 4) for k, v in self.jaccard.items()},
        }


class _Key:
    """A text without its whitespace, the offset of every kept character in the text, and the key
    positions where a line of the text starts (units are cut there too)."""

    __slots__ = ("index", "key", "lines", "text")

    def __init__(self, text: str):
        self.text = text
        runs = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text)]
        self.key = "".join(text[s:e] for s, e in runs)
        self.index = (
            np.concatenate([np.arange(s, e) for s, e in runs]) if runs else np.zeros(0, np.int64)
        )
        lengths = np.cumsum([0] + [e - s for s, e in runs])
        self.lines = [
            int(lengths[k])
            for k in range(1, len(runs))
            if "\n" in text[runs[k - 1][1] : runs[k][0]]
        ]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Text offsets of the key range ``[start, end)`` (an empty range: just after the previous char)."""
        if start < end:
            return int(self.index[start]), int(self.index[end - 1]) + 1
        pos = int(self.index[start - 1]) + 1 if start > 0 else 0
        return pos, pos

    def units(self) -> list[str]:
        """The key cut after each sentence end and at each line start."""
        cuts = sorted({m.end() for m in _SENTENCE_END.finditer(self.key)} | set(self.lines))
        bounds = [0] + [c for c in cuts if 0 < c < len(self.key)] + [len(self.key)]
        return [self.key[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _trim_runs(a: str, b: str, blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Matching blocks shrunk so that none starts or ends inside a number or Latin word (emptied ones go).

    ``2024`` vs ``2025`` match on ``202``: that match is no skeleton, the whole number is the slot.
    """
    out = []
    for i, j, n in blocks:
        while n and a[i] in _RUN and ((i and a[i - 1] in _RUN) or (j and b[j - 1] in _RUN)):
            i, j, n = i + 1, j + 1, n - 1
        while (
            n
            and a[i + n - 1] in _RUN
            and ((i + n < len(a) and a[i + n] in _RUN) or (j + n < len(b) and b[j + n] in _RUN))
        ):
            n -= 1
        if n:
            out.append((i, j, n))
    return out


def _anchor(a: str, i: int, j: int, n: int, la: int, lb: int) -> bool:
    """Is this match inside a changed region skeleton? Long enough, or holding punctuation (``%。``), or
    touching the equal sentences around the region; a lone ``的`` matched by chance is not."""
    if n >= MIN_ANCHOR or (i == j == 0) or (i + n == la and j + n == lb):
        return True
    return any(not c.isalnum() for c in a[i : i + n])


def _match_blocks(ka: _Key, kb: _Key) -> list[tuple[int, int, int]]:
    """Matching blocks ``(i, j, n)`` of two keys: sentences first, then characters inside changed regions."""
    a, b = ka.key, kb.key
    ua, ub = ka.units(), kb.units()
    pa = np.cumsum([0] + [len(u) for u in ua])
    pb = np.cumsum([0] + [len(u) for u in ub])
    sm = difflib.SequenceMatcher(None, ua, ub, autojunk=False)
    blocks: list[tuple[int, int, int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        ca, cb = int(pa[i1]), int(pb[j1])
        la, lb = int(pa[i2]) - ca, int(pb[j2]) - cb
        if tag == "equal":
            blocks.append((ca, cb, la))
        elif la and lb and la * lb <= MAX_CHAR_ALIGN:
            sub_a, sub_b = a[ca : ca + la], b[cb : cb + lb]
            inner = difflib.SequenceMatcher(
                None, sub_a, sub_b, autojunk=False
            ).get_matching_blocks()
            inner = [(i, j, n) for i, j, n in inner if _anchor(sub_a, i, j, n, la, lb)]
            for i, j, n in _trim_runs(sub_a, sub_b, inner):
                blocks.append((ca + i, cb + j, n))
    blocks = _trim_runs(a, b, blocks)
    merged: list[tuple[int, int, int]] = []
    for i, j, n in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            pi, pj, pn = merged[-1]
            merged[-1] = (pi, pj, pn + n)
        else:
            merged.append((i, j, n))
    return merged


def align_family(texts: Mapping[str, str], medoid: str) -> tuple[str, list[Slot]]:
    """Skeleton and slots of ``texts`` (id → text) aligned to ``texts[medoid]``, whitespace ignored.

    A medoid position is skeleton when every member matches it, and matches it inside one unbroken block
    (no member inserts text there); every gap between skeleton runs where some member's text is not empty
    is a slot. Slots are numbered in the medoid's order.

    >>> skel, slots = align_family({"a": "××市开展宣讲活动×××场次。", "b": "招远市开展宣讲活动35场次。"}, "a")
    >>> skel, [s.values for s in slots]
    ('{slot_0}市开展宣讲活动{slot_1}场次。', [{'a': '××', 'b': '招远'}, {'a': '×××', 'b': '35'}])
    """
    keys = {m: _Key(t) for m, t in texts.items()}
    med = keys[medoid]
    n = len(med.key)
    others = [m for m in texts if m != medoid]
    shared = np.ones(n, dtype=bool)
    breaks = np.zeros(n + 1, dtype=bool)  # a skeleton run must end before position p when breaks[p]
    offsets = {}
    for m in others:
        covered = np.zeros(n, dtype=bool)
        off = np.zeros(n, dtype=np.int64)
        for i, j, size in _match_blocks(med, keys[m]):
            covered[i : i + size] = True
            off[i : i + size] = j - i
            breaks[i] = True
            breaks[i + size] = True
        shared &= covered
        offsets[m] = off
    before = np.concatenate(([False], shared))  # position p - 1 is shared, for p in 0..n
    here = np.concatenate((shared, [False]))  # position p is shared
    starts = np.flatnonzero(here & (~before | breaks))
    ends = np.flatnonzero(before & (~here | breaks))
    runs = [(int(s), int(e)) for s, e in zip(starts, ends)]
    # member key positions of each run's edges: the gaps between them are the slots
    edges = {medoid: [(s, e) for s, e in runs]}
    for m in others:
        off = offsets[m]
        edges[m] = [(s + int(off[s]), e - 1 + int(off[e - 1]) + 1) for s, e in runs]

    def gap(m: str, k: int) -> tuple[int, int]:
        """Key range of member ``m`` between run ``k - 1`` and run ``k`` (k = len(runs): after the last)."""
        lo = edges[m][k - 1][1] if k > 0 else 0
        hi = edges[m][k][0] if k < len(runs) else len(keys[m].key)
        return lo, hi

    members = sorted(texts)
    skeleton: list[str] = []
    slots: list[Slot] = []
    pos = 0
    for k in range(len(runs) + 1):
        ranges = {m: gap(m, k) for m in members}
        if all(lo == hi for lo, hi in ranges.values()):
            continue
        spans = {m: keys[m].span(lo, hi) for m, (lo, hi) in ranges.items()}
        values = {m: texts[m][s:e] for m, (s, e) in spans.items()}
        ms, me = spans[medoid]
        skeleton.append(med.text[pos:ms])
        skeleton.append(f"{{slot_{len(slots)}}}")
        pos = me
        slots.append(Slot(len(slots), values, spans))
    skeleton.append(med.text[pos:])
    return "".join(skeleton), slots


# --- families --------------------------------------------------------------------------------------------

Docs = Union[Mapping[str, str], Iterable[Any]]


def _as_pairs(docs: Docs) -> Iterator[tuple[str, str]]:
    items = docs.items() if isinstance(docs, Mapping) else docs
    for item in items:
        if isinstance(item, tuple):
            yield str(item[0]), item[1]
        else:  # a CleanDoc, an Analysis, or anything with .id and .text
            yield str(item.id), item.text


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_families(
    docs: Docs,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = DEFAULT_NUM_PERM,
    singletons: bool = False,
    align: bool = True,
    progress: Optional[Progress] = None,
) -> list[Family]:
    """Template families of ``docs``: id → clean text, ``(id, text)`` pairs, or objects with ``id``/``text``.

    Two documents are linked when the exact Jaccard similarity of their shingle sets (see
    :func:`shingles`) is at least ``threshold``, among the LSH candidates of their MinHash signatures; a
    family is a connected component. Members are sorted by id, families by their first member, and
    numbered from 0 in that order. Documents without a letter or number are never linked. ``singletons``
    keeps families of one; ``align=False`` skips the alignment (empty skeleton and slots).
    ``progress(stage, done, total)``, if given, is told of each stage (``shingles`` a document, ``minhash``,
    ``linking``, ``aligning`` a family).
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    ids: list[str] = []
    texts: dict[str, str] = {}
    for doc_id, text in _as_pairs(docs):
        if doc_id in texts:
            raise ValueError(f"duplicate document id {doc_id!r}")
        ids.append(doc_id)
        texts[doc_id] = text
    arrays = []
    for done, i in enumerate(ids):
        _tick(progress, "shingles", done, len(ids))
        arrays.append(shingles(texts[i]))
    _tick(progress, "shingles", len(ids), len(ids))
    _tick(progress, "minhash", 0, 1)
    hasher = MinHasher(num_perm)
    sigs = hasher.signatures(arrays)
    _tick(progress, "minhash", 1, 1)
    bands, rows = lsh_params(threshold, num_perm)
    uf = _UnionFind(len(ids))
    _tick(progress, "linking", 0, 1)
    _link(candidate_pairs(sigs, bands, rows), arrays, sigs, threshold, uf)
    _tick(progress, "linking", 1, 1)
    groups: dict[int, list[int]] = {}
    for i in range(len(ids)):
        groups.setdefault(uf.find(i), []).append(i)
    found = []
    for group in groups.values():
        if len(group) < 2 and not singletons:
            continue
        group.sort(key=lambda i: ids[i])
        found.append(group)
    found.sort(key=lambda g: ids[g[0]])
    families = []
    for number, group in enumerate(found):
        _tick(progress, "aligning", number, len(found))
        members = tuple(ids[i] for i in group)
        medoid = group[_medoid(sigs[group])]
        sims = {ids[i]: jaccard(arrays[i], arrays[medoid]) for i in group}
        sims[ids[medoid]] = 1.0
        if align:
            skeleton, slots = align_family({m: texts[m] for m in members}, ids[medoid])
        else:
            skeleton, slots = "", []
        families.append(Family(number, members, ids[medoid], skeleton, tuple(slots), sims))
    _tick(progress, "aligning", len(found), len(found))
    return families


def _link(
    pairs: Iterable[tuple[int, int]],
    arrays: list[np.ndarray],
    sigs: np.ndarray,
    threshold: float,
    uf: _UnionFind,
) -> int:
    """Join the candidate pairs whose exact Jaccard reaches ``threshold``; returns how many were computed.

    Pairs are taken by decreasing estimated similarity, and a pair already in one component is not
    computed (it cannot change the components). A pair whose signatures agree in far fewer bins than the
    threshold (4 standard errors below it) is not computed either, unless a document has fewer than
    ``2 · num_perm`` shingles (densified, noisier signatures). Empty documents are never linked.
    """
    num_perm = sigs.shape[1]
    margin = 4 * (threshold * (1 - threshold) / num_perm) ** 0.5
    sizes = np.array([len(a) for a in arrays])
    todo = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    if not len(todo):
        return 0
    estimate = np.concatenate(
        [
            (sigs[todo[c : c + 4096, 0]] == sigs[todo[c : c + 4096, 1]]).mean(axis=1)
            for c in range(0, len(todo), 4096)
        ]
    )
    i, j = todo[:, 0], todo[:, 1]
    short = np.minimum(sizes[i], sizes[j]) < 2 * num_perm
    worth = ((estimate >= threshold - margin) | short) & (sizes[i] > 0) & (sizes[j] > 0)
    order = np.flatnonzero(worth)
    order = order[np.argsort(-estimate[order], kind="stable")]
    computed = 0
    for a, b in todo[order]:
        a, b = int(a), int(b)
        if uf.find(a) == uf.find(b):
            continue
        computed += 1
        if jaccard(arrays[a], arrays[b]) >= threshold:
            uf.union(a, b)
    return computed


def _medoid(sigs: np.ndarray) -> int:
    """Index of the row with the highest summed estimated similarity to the others (first on ties)."""
    k = len(sigs)
    if k <= 2:
        return 0
    totals = np.zeros(k)
    for i in range(k):
        totals[i] = (sigs == sigs[i]).mean(axis=1).sum()
    return int(np.argmax(totals))


# --- command line ----------------------------------------------------------------------------------------


# The command lives with the other corpus commands (one option group, one reader path).
from reportnlp.corpus.cli import templates_cmd  # noqa: E402

if __name__ == "__main__":  # pragma: no cover
    templates_cmd()
