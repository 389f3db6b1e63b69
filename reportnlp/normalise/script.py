"""Script: tell simplified from traditional Chinese and convert traditional to simplified.

Conversion uses OpenCC (``opencc-python-reimplemented``) with the ``tw2s`` configuration, only on the
clauses (runs between OpenCC's own separators) that hold a character it may change, plus our corrections:

* ``tw2s`` maps 么→幺 and 抬→擡 (为什幺, 擡头: wrong): 么 and 抬 are kept as written;
* traditional variants OpenCC's 2016 tables miss are mapped too (衞→卫, 擧→举, 汚→污, 幷→并, 淸→清, …,
  :data:`EXTRA_VARIANTS`);
* 著 stays in 著-as-zhù words (显著, 著作, 土著, 论著, …, :data:`ZHU_WORDS`) in either script (``tw2s``
  alone turns a simplified 显著 inside a traditional line into 显着), and with ``protect=True`` the
  gazetteer's place names keep their official form (乾安县, not 干安县: ``reportnlp/data/protected_places.txt``).

Why ``tw2s``: measured on the traditional seeds 002 and 004 and the 1954 State Council report (33,510
characters, 8,582 of them changed by ``t2s``). "Wrong" counts characters that differ from a hand-checked
reference: every position where the candidates disagree was judged by hand, and so was every character
with several OpenCC candidates (於 乾 餘 麽 藉 覆 瀋 …) and every non-GB2312 character left after conversion.

===========  =========  =========  ==========  ===============================================
config       002 wrong  004 wrong  1954 wrong  what goes wrong
===========  =========  =========  ==========  ===============================================
t2s          8          0          48          著力 ×8 left as 著; 衞 ×22, 擧 ×12, 汚 ×6 … left
tw2s         0          0          48          the same 48 variants left (and 么→幺, 抬→擡)
hk2s         8          0          26          著力 ×8; 擧 ×12, 汚 ×6 … left (and 抬→擡)
tw2sp        22         6          137         线上→在线, 核心→内核, 建立→创建, 文件→文档, 执行→运行 …
this module  0          0          0           ``tw2s`` plus the corrections above
===========  =========  =========  ==========  ===============================================

Known wrong conversions checked: 乾→干 (乾隆/乾坤 kept by OpenCC's phrases, 乾安县/乾县 by the place list),
著→着 (著力→着力, 著作/显著 kept), 後→后, 裡/裏→里, 於→于 (於潜镇 kept), 係/繫→系, 幹→干 (若干), 藉口→借口
(狼藉 kept): no error left on the three texts. After :func:`to_simplified`, plain OpenCC ``t2s`` changes
nothing (the project's acceptance criterion), except inside a protected place name written with a
character ``t2s`` converts (``t2s`` itself turns 乾安县 into 干安县).

Speed (2-core machine, medians, tables loaded): OpenCC's Python ``convert`` handles 0.3–0.5 M
characters/s; :func:`_opencc` gives its output from the same dictionaries without its parse trees
(checked against it in the tests), and lines dense with traditional characters are converted whole,
the clauses without a trigger put back. The State Council corpus (72 records, 1.12 M characters, 3.3 MB)
takes 17 ms, the all-traditional 1954 report 9 ms of it (0.10 s and 0.08 s clause by clause through
OpenCC, 2.2 s with OpenCC on every record); a simplified record costs one regex scan (~3 ns a
character). :func:`detect_script` takes 6.5 ms on the corpus.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import NamedTuple

from reportnlp import codes
from reportnlp.types import Edit, new_edit

__all__ = [
    "EXTRA_VARIANTS",
    "OPENCC_CONFIG",
    "ZHU_WORDS",
    "detect_script",
    "protected_places",
    "to_simplified",
]

#: The OpenCC configuration used (see the module docstring for the measurements behind it).
OPENCC_CONFIG = "tw2s"

#: Characters ``tw2s`` converts wrongly in mainland text; they are kept as written.
KEEP_AS_WRITTEN = frozenset("么抬")

#: Traditional variants the OpenCC tables (2016 data in opencc-python-reimplemented) leave unconverted.
EXTRA_VARIANTS: dict[str, str] = {
    "衞": "卫", "擧": "举", "汚": "污", "舖": "铺", "刼": "劫", "啣": "衔", "鶏": "鸡", "倣": "仿",
    "砲": "炮", "幷": "并", "淸": "清", "覚": "觉", "槪": "概", "緖": "绪", "靑": "青", "値": "值",
    "戸": "户", "衹": "只", "粧": "妆", "敍": "叙", "枱": "台", "糭": "粽",
}  # fmt: skip

#: Words where 著 is zhù and stays 著 in simplified script (written here in simplified form).
ZHU_WORDS = (
    "显著", "著作", "著名", "名著", "土著", "卓著", "昭著", "著称", "著述", "著录", "著书", "著者",
    "论著", "专著", "编著", "译著", "遗著", "原著", "巨著", "合著", "拙著", "撰著", "新著", "著译",
)  # fmt: skip

_ZHU = "著"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_MIXED_SHARE = 0.05  # minority script share from which a text counts as mixed


def _read_opencc_dict(name: str) -> dict[str, list[str]]:
    text = (
        resources.files("opencc").joinpath("dictionary").joinpath(name).read_text(encoding="utf-8")
    )
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        if key:
            table[key] = values.split(" ")
    return table


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(
        "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    )


class _ScriptSets(NamedTuple):
    trad: frozenset[str]
    simp: frozenset[str]
    triggers: frozenset[str]
    phrase_only: frozenset[str]


@lru_cache(maxsize=1)
def _script_sets() -> _ScriptSets:
    """``(trad, simp, triggers, phrase_only)``: traditional-only and simplified-only characters, and the
    triggers, derived from OpenCC's character tables.

    *triggers* are the characters the conversion may change, alone or inside one of OpenCC's phrases:
    a clause without one is left as it is, and ``t2s`` finds nothing to do in it. *phrase_only* are the
    triggers that only phrases change (瞭解→了解, 藉口→借口, 反覆→反复, 沈默→沉默).
    """
    ts = _read_opencc_dict("TSCharacters.txt")
    st = _read_opencc_dict("STCharacters.txt")
    tw_rev = _read_opencc_dict("TWVariantsRev.txt")
    regional = set(tw_rev) | set(
        _read_opencc_dict("HKVariantsRev.txt")
    )  # 群, 峰, 床: traditional too
    trad = {k for k, v in ts.items() if k not in v} | set(EXTRA_VARIANTS)
    simp = {k for k, v in st.items() if k not in v} - set(ts) - trad - regional
    triggers = {k for k, v in ts.items() if v[0] != k} | set(EXTRA_VARIANTS)
    for k, v in tw_rev.items():  # tw2s chain: TW variant -> OpenCC traditional -> simplified
        if ts.get(v[0], v)[0] != k:
            triggers.add(k)
    # characters only phrases change (瞭解→了解, 藉口→借口, 反覆→反复, 沈默→沉默)
    phrase_only: set[str] = set()
    for key, values in _read_opencc_dict("TSPhrases.txt").items():
        if not triggers.intersection(key):
            phrase_only.update(a for a, b in zip(key, values[0]) if a != b)
    for key, values in _read_opencc_dict("TWVariantsRevPhrases.txt").items():
        final = (ts.get(c, [c])[0] for c in values[0])
        if not triggers.intersection(key):
            phrase_only.update(a for a, b in zip(key, final) if a != b)
    triggers |= phrase_only
    triggers -= KEEP_AS_WRITTEN | {_ZHU}
    return _ScriptSets(
        frozenset(trad), frozenset(simp), frozenset(triggers), frozenset(phrase_only & triggers)
    )


@lru_cache(maxsize=1)
def _phrase_contexts() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each phrase-only trigger (沈, 覆, 瞭, 藉 …) → every ``(phrase, offset of the character in it)``,
    each phrase also in its Taiwan spellings (藉著 as well as 藉着: ``tw2s`` reads 著 as 着 first).
    Simplified text is full of these characters (沈阳, 覆盖, 瞭望): outside its phrases such a character
    needs no conversion."""
    only = _script_sets().phrase_only
    variants: dict[str, list[str]] = {}  # a character → its Taiwan variants
    for variant, standard in _read_opencc_dict("TWVariantsRev.txt").items():
        if len(variant) == 1 and len(standard[0]) == 1 and variant != standard[0]:
            variants.setdefault(standard[0], []).append(variant)
    contexts: dict[str, set[tuple[str, int]]] = {c: set() for c in only}
    for name in ("TSPhrases.txt", "TWVariantsRevPhrases.txt"):
        for key in _read_opencc_dict(name):
            if not only.intersection(key):
                continue
            for spelling in product(*([c, *variants.get(c, ())] for c in key)):
                for offset, c in enumerate(spelling):
                    if c in contexts:
                        contexts[c].add(("".join(spelling), offset))
    return {c: tuple(sorted(v)) for c, v in contexts.items()}


def _outside_phrases(text: str, i: int) -> bool:
    """``text[i]`` is a phrase-only trigger that no phrase of OpenCC's covers here, on a line without
    著 (in a line holding a trigger, the clauses holding 著 are converted too: see :func:`_stretches`)."""
    contexts = _phrase_contexts().get(text[i])
    if contexts is None or any(
        i >= offset and text.startswith(key, i - offset) for key, offset in contexts
    ):
        return False
    if _ZHU not in text:
        return True
    end = text.find("\n", i)
    return _ZHU not in text[text.rfind("\n", 0, i) + 1 : end if end >= 0 else len(text)]


_ASTRAL = "\U00010000-\U0010ffff"
_COUNT_CHUNK = 8192  # characters handed to one findall while counting up to a cap
_COUNT_CAP = 2000  # counts of script-specific characters beyond which the majority is clear
_SHORT = 48  # below this length changed runs are found character by character
_DENSE = 4  # clause triggers in 64 characters from the first trigger that make a line convert whole
_NONZERO = re.compile(rb"[^\x00][^\x00]*")  # not [^\x00]+: a leading class lets ``re`` skip ahead
_SPAN = re.Match.span


@lru_cache(maxsize=2)
def _script_patterns(astral: bool = True) -> tuple[re.Pattern[str], ...]:
    """Patterns of ``(traditional_only, simplified_only, triggers, triggers_or_zhu,
    traditional_or_triggers)`` characters.

    The classes list the BMP characters of each set; with *astral* they also take every
    supplementary-plane character (listing those would make ``re`` scan a hundred times slower): a
    supplementary match is checked against the set (:func:`_count`), and for the trigger classes the
    superset is safe. Without *astral* (for text without such characters, :func:`_has_astral`) the
    scan is a third faster.
    """
    trad, simp, triggers, _ = _script_sets()
    tail = _ASTRAL if astral else ""
    return tuple(
        re.compile(_char_class(c for c in chars if c <= "\uffff")[:-1] + tail + "]")
        for chars in (trad, simp, triggers, triggers | {_ZHU}, trad | triggers)
    )


def _has_astral(text: str) -> bool:
    """Whether *text* holds a supplementary-plane character.

    In CPython a string is stored with one, two or four bytes a character (and one more for the
    terminator), four exactly when it holds a supplementary-plane character (PEP 393), so its size
    answers at once: the header plus four bytes a character. Elsewhere the text is encoded (~1 ns a
    character).
    """
    if _WIDE_HEADER is not None and type(text) is str:  # a subclass's instance is laid out otherwise
        return sys.getsizeof(text) == _WIDE_HEADER + 4 * (len(text) + 1)
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


# the size of a four-byte string's header (None where sizes do not follow PEP 393)
_WIDE_HEADER: int | None = (
    sys.getsizeof("\U00010000") - 8 if sys.implementation.name == "cpython" else None
)


def _count(
    text: str, rx: re.Pattern[str], chars: frozenset[str], cap: int | None = None, start: int = 0
) -> int:
    """How many characters of ``text[start:]`` are in *chars* (matched by *rx*, a class of
    :func:`_script_patterns`). With *cap*, counting may stop once *cap* is reached: a result below
    *cap* is exact, one at or above it a lower bound."""
    n = 0
    step = _COUNT_CHUNK if cap is not None else max(len(text), 1)
    for pos in range(start, len(text), step):
        found = rx.findall(text, pos, pos + step)
        if found:
            n += len(found)
            if (
                max(found) > "\uffff"
            ):  # supplementary characters the class takes but the set may not
                n -= sum(1 for c in found if c > "\uffff" and c not in chars)
            if cap is not None and n >= cap:
                break
    return n


@lru_cache(maxsize=1)
def _converter():  # -> opencc.OpenCC; typed loosely, the package ships no type information
    from opencc import OpenCC

    return OpenCC(OPENCC_CONFIG)


@lru_cache(maxsize=1)
def _separators() -> tuple[str, frozenset[str]]:
    """OpenCC's own separators (nothing is converted across them): the inside of a character class,
    and the set of them but the spaces (``str.isspace``, ``\\s`` to ``re``)."""
    seps = _converter().split_chars_re.pattern.strip("()").split("|")
    chars = [s.lstrip("\\") or s for s in seps if s != r"\s+"]
    return r"\s" + "".join(re.escape(c) for c in chars), frozenset(chars)


@lru_cache(maxsize=1)
def _clause_pattern() -> re.Pattern[str]:
    """Runs between OpenCC's own separators, so converting clause by clause equals converting the line."""
    return re.compile("[^" + _separators()[0] + "]+")


@lru_cache(maxsize=1)
def _line_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``(separator, clause_without_clause_trigger)``."""
    seps = _separators()[0]
    inside = _char_class(c for c in _script_sets()[2] | {_ZHU} if c <= "\uffff")[1:-1]
    free = re.compile(f"(?<![^{seps}])[^{seps}{inside}{_ASTRAL}]+(?![^{seps}])")
    return re.compile(f"[{seps}]"), free


class _PhraseTable:
    """One OpenCC phrase dictionary: finds every occurrence of its keys in a string."""

    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping
        rests: dict[str, list[str]] = {}
        for key in mapping:
            rests.setdefault(key[0], []).append(key[1:])
        # one alternative per first character (``re`` skips to those), the longest key first
        self.rx = re.compile(
            "(?!)"  # no key
            if not rests
            else "|".join(
                re.escape(first)
                + "(?:"
                + "|".join(re.escape(r) for r in sorted(rs, key=lambda r: (-len(r), r)))
                + ")"
                for first, rs in sorted(rests.items())
            )
        )
        self.lengths = {
            first: tuple(sorted({len(r) + 1 for r in rs}, reverse=True))
            for first, rs in rests.items()
        }

    def occurrences(self, s: str) -> list[tuple[int, int]]:
        """``(-length, start)`` of every occurrence of a key in *s*, overlapping ones included.

        ``finditer`` reports non-overlapping matches; any other occurrence starts inside one of them.
        """
        found: list[tuple[int, int]] = []
        n = len(s)
        for m in self.rx.finditer(s):
            a, b = m.span()
            found.append((a - b, a))
            for q in range(a, b):
                for length in self.lengths.get(s[q], ()):
                    if q + length <= n and (q != a or q + length != b):
                        if s[q : q + length] in self.mapping:
                            found.append((-length, q))
        return found


@lru_cache(maxsize=1)
def _opencc_tables() -> tuple[tuple[tuple[_PhraseTable, ...], _CharTable | None], ...] | None:
    """OpenCC's conversion chain (the dictionaries it loaded) as ``(phrase_tables, char_table)`` per
    group, for :func:`_opencc`; ``None`` when the chain has a shape :func:`_opencc` does not reproduce.

    OpenCC never matches across a separator, so keys holding one are left out; only the first of several
    values counts, as in OpenCC.
    """
    cc = _converter()
    seps = cc.split_chars_re
    chain = getattr(cc, "_dict_chain_data", None)
    if not chain:
        return None
    groups = []
    for group in chain:
        phrases: list[_PhraseTable] = []
        table: _CharTable | None = None
        for i, (max_len, _, mapping) in enumerate(group):
            first = {k: v.split(" ")[0] for k, v in mapping.items() if not seps.search(k)}
            # an empty value is no match to OpenCC; a separator in a value would join clauses
            if not all(first.values()) or any(seps.search(v) for v in first.values()):
                return None
            if max_len == 1 and i == len(group) - 1:
                table = _CharTable(first)
            else:
                phrases.append(_PhraseTable(first))
        groups.append((tuple(phrases), table))
    return tuple(groups)


@lru_cache(maxsize=2)
def _stretch_tables(places: bool) -> tuple[re.Pattern[str], ...] | None:
    """``(fix, keep, protected_word, spelling)`` patterns for :func:`_convert_stretch`: the characters
    :data:`EXTRA_VARIANTS` or :data:`KEEP_AS_WRITTEN` fix, the characters protection may keep, and the
    protected words and spellings that fit in a clause (none holding a separator).

    ``None`` when a stretch cannot be converted at once: OpenCC is not emulated (:func:`_opencc_tables`),
    or a value or a spelling differs in length from its key (conversion would move characters).
    """
    tables = _opencc_tables()
    if tables is None:
        return None
    entries = [
        item
        for phrases, table in tables
        for mapping in [p.mapping for p in phrases] + ([table.mapping] if table else [])
        for item in mapping.items()
    ]
    _, keep, spellings = _protection(places)
    if any(len(a) != len(b) for a, b in entries + list(spellings.items())):
        return None
    sep = _line_patterns()[0]
    names = _place_table()[0] if places else ()
    nothing = re.compile("(?!)")
    return (
        re.compile(_char_class(set(EXTRA_VARIANTS) | KEEP_AS_WRITTEN)),
        re.compile(_char_class(keep)) if keep else nothing,
        _alternation(w for w in ZHU_WORDS + names if not sep.search(w)),
        _alternation(s for s in spellings if not sep.search(s)) if spellings else nothing,
    )


class _CharTable:
    """One OpenCC character dictionary (the last of its group): maps every character it holds."""

    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping
        self.translation = {ord(k): v for k, v in mapping.items()}
        # ``str.translate`` looks every character up (~60 ns each): with few keys, substituting the
        # matches of a character class is faster; with many and one-character values, a string
        # indexed by code point is a faster table than a dict (it covers the BMP only)
        self.rx = re.compile(_char_class(mapping)) if len(mapping) <= 256 else None
        self.bmp: str | None = None
        if self.rx is None and all(len(v) == 1 for v in mapping.values()):
            chars = [chr(i) for i in range(0x10000)]
            for code, value in self.translation.items():
                if code < 0x10000:
                    chars[code] = value
            self.bmp = "".join(chars)

    def convert(self, s: str) -> str:
        if self.rx is None:
            table = self.bmp if self.bmp is not None and not _has_astral(s) else self.translation
            return s.translate(table)
        if self.rx.search(s) is None:
            return s
        return self.rx.sub(lambda m: self.translation[ord(m.group())], s)


def _convert_group(s: str, phrases: tuple[_PhraseTable, ...], table: _CharTable | None) -> str:
    """One group of OpenCC's chain: each dictionary in turn takes the longest key occurrence (leftmost
    among equals) in what earlier matches left over, recursively; the character table, last, maps the
    rest. Taking the occurrences by ``(-length, start)`` and skipping those overlapping a taken one
    gives the same matches as OpenCC's recursion."""
    taken: list[tuple[int, int, str]] = []
    used: bytearray | None = None
    for phrase in phrases:
        found = phrase.occurrences(s)
        if not found:
            continue
        found.sort()
        if used is None:
            used = bytearray(len(s))
        for neg, a in found:
            b = a - neg
            if used.find(1, a, b) < 0:
                used[a:b] = b"\x01" * (b - a)
                taken.append((a, b, phrase.mapping[s[a:b]]))
    if not taken:
        return table.convert(s) if table else s
    taken.sort()
    parts: list[str] = []
    pos = 0
    for a, b, value in taken:
        parts.append(table.convert(s[pos:a]) if table else s[pos:a])
        parts.append(value)
        pos = b
    parts.append(table.convert(s[pos:]) if table else s[pos:])
    return "".join(parts)


def _opencc(s: str) -> str:
    """``_converter().convert(s)``, without OpenCC's parse trees (~20 times faster)."""
    tables = _opencc_tables()
    if tables is None:
        return _converter().convert(s)
    for phrases, table in tables:
        s = _convert_group(s, phrases, table)
    return s


@lru_cache(maxsize=1)
def _place_table() -> tuple[tuple[str, ...], dict[str, str]]:
    """``(names, {traditional spelling: name})`` from ``data/protected_places.txt``."""
    text = (
        resources.files("reportnlp")
        .joinpath("data")
        .joinpath("protected_places.txt")
        .read_text(encoding="utf-8")
    )
    names: list[str] = []
    spellings: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            spelling, tab, name = line.partition("\t")
            if tab:
                spellings[spelling] = name
            else:
                names.append(spelling)
    return tuple(names), spellings


def protected_places() -> tuple[str, ...]:
    """Gazetteer names that plain conversion would change (shipped list, see PROVENANCE.md).

    >>> "乾安县" in protected_places()
    True
    """
    return _place_table()[0]


@lru_cache(maxsize=2)
def _protection(places: bool) -> tuple[re.Pattern[str], frozenset[str], dict[str, str]]:
    """The pattern of protected words (simplified spelling), the characters they may keep, and the
    traditional spellings that need rewriting to their name."""
    names, spellings = _place_table() if places else ((), {})
    words = ZHU_WORDS + names
    triggers = _script_sets()[2]
    keep = frozenset(c for w in words for c in w if c in triggers or c == _ZHU)
    return _alternation(words), keep, spellings


@lru_cache(maxsize=2)
def _spelling_pattern(places: bool) -> re.Pattern[str] | None:
    spellings = _protection(places)[2]
    return _alternation(spellings) if spellings else None


def detect_script(text: str) -> str:
    """Return ``"simplified"``, ``"traditional"``, ``"mixed"`` or ``"none"`` (no CJK character).

    Counts characters that exist only in traditional or only in simplified script; a text whose minority
    script reaches 5 % of those counts as mixed, one with only shared characters as simplified.

    >>> detect_script("慈利縣東岳觀鎮:“三微”活動讓黨的二十大宣講“熱氣騰騰”")
    'traditional'
    >>> detect_script("慈利县东岳观镇：“三微”活动让党的二十大宣讲“热气腾腾”")
    'simplified'
    >>> detect_script("经济發展")
    'mixed'
    >>> detect_script("GDP 5.2%")
    'none'
    """
    trad_rx, simp_rx = _script_patterns(_has_astral(text))[:2]
    trad, simp = _script_sets()[:2]
    m = trad_rx.search(text)  # one pass over a simplified text
    while m is not None and m.group() not in trad:  # a supplementary character outside the set
        m = trad_rx.search(text, m.end())
    if m is None:
        return _without_traditional(text, simp_rx, simp)
    # Count the minority exactly and the majority only as far as needed: with n_trad = t exact and
    # n_simp > 20 t + 20, the share test below cannot hold, and the other way round.
    n_trad = _count(text, trad_rx, trad, _COUNT_CAP, m.start())
    if n_trad < _COUNT_CAP:
        cap = 20 * n_trad + 21
        n_simp = _count(text, simp_rx, simp, cap)
        if n_simp >= cap:
            return codes.SCRIPT_SIMPLIFIED
    else:
        n_simp = _count(text, simp_rx, simp, _COUNT_CAP)
        if n_simp < _COUNT_CAP:
            cap = 20 * n_simp + 21
            n_trad = _count(text, trad_rx, trad, cap, m.start())
            if n_trad >= cap:
                return codes.SCRIPT_TRADITIONAL
        else:
            n_trad = _count(text, trad_rx, trad, start=m.start())
            n_simp = _count(text, simp_rx, simp)
    if min(n_trad, n_simp) >= _MIXED_SHARE * (n_trad + n_simp):
        return codes.SCRIPT_MIXED
    return codes.SCRIPT_TRADITIONAL if n_trad > n_simp else codes.SCRIPT_SIMPLIFIED


def _without_traditional(text: str, simp_rx: re.Pattern[str], simp: frozenset[str]) -> str:
    """The script of a text holding no traditional character: simplified, unless it has no Chinese."""
    if _CJK.search(text) or _count(text, simp_rx, simp, cap=1):
        return codes.SCRIPT_SIMPLIFIED
    return codes.SCRIPT_NONE


def detect_and_simplify(text: str, *, convert: bool = True) -> tuple[str, str, list[Edit]]:
    """:func:`detect_script` and, with ``convert``, :func:`to_simplified`: ``(script, text, edits)``.

    A text with neither a traditional character nor one the conversion changes (most of a simplified
    corpus; 覆 in 覆盖 or 沈 in 沈阳 changes only in phrases such as 反覆 or 沈默) is read once, not
    twice, and not converted.

    >>> detect_and_simplify("黨的二十大")[:2], detect_and_simplify("党的二十大")
    (('traditional', '党的二十大'), ('simplified', '党的二十大', []))
    """
    astral = _has_astral(text)
    patterns = _script_patterns(astral)
    m = None if astral else patterns[4].search(text)
    while m is not None and _outside_phrases(text, m.start()):  # 覆 in 覆盖, 沈 in 沈阳
        m = patterns[4].search(text, m.end())
    if not astral and m is None:
        return _without_traditional(text, patterns[1], _script_sets()[1]), text, []
    script = detect_script(text)
    if not convert:
        return script, text, []
    out, edits = to_simplified(text)
    return script, out, edits


def may_convert(text: str) -> bool:
    """Whether :func:`detect_and_simplify` may change *text*: it holds a traditional character or a
    conversion trigger (or a supplementary-plane character). False: it comes back unchanged, and is read
    once, by one character class.

    >>> may_convert("覆盖全省。"), may_convert("黨的建设")
    (True, True)
    >>> may_convert("党的建设")
    False
    """
    return _script_patterns(_has_astral(text))[4].search(text) is not None


def _convert_clause(src: str, places: bool) -> str:
    """Convert one clause (no separator inside) to simplified, with our corrections; same length."""
    protect_rx, keep, spellings = _protection(places)
    out = _opencc(src)
    if len(out) != len(src):  # not with tw2s; kept for other configurations
        return out
    chars = list(out)
    restored = False
    for i, (a, b) in enumerate(zip(src, out)):
        if a in EXTRA_VARIANTS:
            chars[i] = b = EXTRA_VARIANTS[a]
        elif a in KEEP_AS_WRITTEN:
            chars[i] = b = a
        if a != b and a in keep:
            restored = True
    if restored:  # find protected words in the clause with the protectable characters restored
        probe = "".join(a if a in keep else c for a, c in zip(src, chars))
        for m in protect_rx.finditer(probe):
            for i in range(m.start(), m.end()):
                if src[i] in keep:
                    chars[i] = src[i]
    spelling_rx = _spelling_pattern(places)
    if spelling_rx is not None:
        for m in spelling_rx.finditer(src):
            chars[m.start() : m.end()] = spellings[m.group()]
    return "".join(chars)


def _runs(src: str, out: str) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive changed characters (``src``, ``out`` of equal length)."""
    n = len(src)
    if n < _SHORT:
        runs: list[tuple[int, int]] = []
        i = 0
        while i < n:
            if src[i] == out[i]:
                i += 1
                continue
            j = i + 1
            while j < n and src[j] != out[j]:
                j += 1
            runs.append((i, j))
            i = j
        return runs
    # one byte per character, non-zero where the two differ: XOR of the UTF-32 code units, whose
    # fourth byte is always zero, folded by OR-ing the other three
    x = int.from_bytes(src.encode("utf-32-le", "surrogatepass"), "little") ^ int.from_bytes(
        out.encode("utf-32-le", "surrogatepass"), "little"
    )
    b = x.to_bytes(4 * n, "little")
    mask = (
        int.from_bytes(b[0::4], "little")
        | int.from_bytes(b[1::4], "little")
        | int.from_bytes(b[2::4], "little")
    )
    return map(_SPAN, _NONZERO.finditer(mask.to_bytes(n, "little")))


def _patched(s: str, chars: dict[int, str]) -> str:
    """*s* with the character at each position in *chars* replaced."""
    if not chars:
        return s
    parts: list[str] = []
    pos = 0
    for i in sorted(chars):
        parts.append(s[pos:i])
        parts.append(chars[i])
        pos = i + 1
    parts.append(s[pos:])
    return "".join(parts)


def _convert_stretch(text: str, start: int, end: int, places: bool, block: bool) -> str | None:
    """``text[start:end]``, a stretch of whole clauses, converted at once: exact, as neither OpenCC nor
    any correction looks across a separator. In a *block* (whole lines) the clauses without a clause
    trigger are put back as they were; elsewhere each clause holds one. ``None`` when the stretch must
    be converted clause by clause (:func:`_stretch_tables`)."""
    patterns = _stretch_tables(places)
    if patterns is None:
        return None
    src = text[start:end]
    out = _opencc(src)
    fix_rx, keep_rx, protect_rx, spelling_rx = patterns
    fixes = {m.start(): EXTRA_VARIANTS.get(m.group(), m.group()) for m in fix_rx.finditer(src)}
    keep_at = [m.start() for m in keep_rx.finditer(src)]
    if keep_at and any(fixes.get(i, out[i]) != src[i] for i in keep_at):
        # a protectable character was converted: find protected words with those characters restored
        keep = _protection(places)[1]
        probe = _patched(out, {**fixes, **{i: src[i] for i in keep_at}})
        for m in protect_rx.finditer(probe):
            for i in range(m.start(), m.end()):
                if src[i] in keep:
                    fixes[i] = src[i]
    spellings = _protection(places)[2]
    for m in spelling_rx.finditer(src):
        for i, c in enumerate(spellings[m.group()], m.start()):
            fixes[i] = c
    out = _patched(out, fixes)
    if block:  # clauses without a clause trigger stay as written (they come back unchanged, but
        # by way of 吃→喫→吃 and the like, so this is checked rather than assumed)
        for m in _line_patterns()[1].finditer(src):
            a, b = m.span()
            if out[a:b] != src[a:b]:
                out = out[:a] + src[a:b] + out[b:]
    return out


def _clause_edits(text: str, start: int, end: int, places: bool) -> list[Edit]:
    """The edits in ``text[start:end]`` converted clause by clause, skipping clauses without a clause
    trigger: one per changed run, or the whole clause if its length changed (the general path)."""
    clause_trigger_rx = _script_patterns()[3]
    edits: list[Edit] = []
    for c in _clause_pattern().finditer(text, start, end):
        src = c.group()
        if not clause_trigger_rx.search(src):
            continue
        out = _convert_clause(src, places)
        if len(out) != len(src):
            edits.append(new_edit(codes.STEP_SCRIPT, c.start(), c.end(), src, out, codes.T2S))
            continue
        edits += [
            new_edit(codes.STEP_SCRIPT, c.start() + i, c.start() + j, src[i:j], out[i:j], codes.T2S)
            for i, j in _runs(src, out)
        ]
    return edits


def _stretches(
    text: str, m: re.Match[str], trigger_rx: re.Pattern[str], clause_trigger_rx: re.Pattern[str]
) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, block)`` of the stretches to convert, in order. The clauses to convert are those
    holding a clause trigger in a line holding a trigger (*m* is the first). Where triggers are dense,
    consecutive such lines form one *block*; elsewhere each clause to convert is a stretch."""
    sep_rx = _line_patterns()[0]
    sep_chars = _separators()[1]
    block_start = block_end = -1
    while m is not None:
        p = m.start()
        line_start = text.rfind("\n", 0, p) + 1
        line_end = text.find("\n", p)
        if line_end < 0:
            line_end = len(text)
        if len(clause_trigger_rx.findall(text, p, min(line_end, p + 64))) >= _DENSE:
            # mostly traditional: the whole line, joined to the block before it unless a clause
            # trigger lies between them (a 著 in a line without a trigger is not converted)
            if block_end < 0 or clause_trigger_rx.search(text, block_end, line_start):
                if block_end >= 0:
                    yield block_start, block_end, True
                block_start = line_start
            block_end = line_end
        else:  # a few triggers: the clause around each
            if block_end >= 0:
                yield block_start, block_end, True
                block_end = -1
            c = clause_trigger_rx.search(text, line_start, line_end)
            while c is not None:
                start = c.start()
                while start > line_start:
                    ch = text[start - 1]
                    if ch in sep_chars or ch.isspace():
                        break
                    start -= 1
                sep = sep_rx.search(text, c.end(), line_end)
                end = sep.start() if sep else line_end
                yield start, end, False
                c = clause_trigger_rx.search(text, end, line_end)
        m = trigger_rx.search(text, line_end)
    if block_end >= 0:
        yield block_start, block_end, True


def to_simplified(text: str, *, protect: bool = True) -> tuple[str, list[Edit]]:
    """Convert traditional characters to simplified; return the new text and one edit per changed run.

    Only clauses (runs between punctuation or spaces) holding a character the conversion changes are
    converted; simplified text passes through untouched. ``protect`` keeps gazetteer place names whole.

    >>> to_simplified("東岳觀鎮著力推動乾安縣的顯著發展")[0]
    '东岳观镇着力推动乾安县的显著发展'
    >>> to_simplified("乾安縣", protect=False)[0]
    '干安县'
    >>> text, edits = to_simplified("黨的二十大")
    >>> text, [(e.start, e.end, e.before, e.after) for e in edits]
    ('党的二十大', [(0, 1, '黨', '党')])
    """
    out, edits = _to_simplified_once(text, protect)
    if not edits:
        return out, edits
    # OpenCC's phrases are no fixed point of its own tables (乾紅 → 乾红, whose 乾 → 干 alone): convert
    # again until nothing changes, so that the step is idempotent; same-length conversions compose
    for _ in range(3):
        again, more = _to_simplified_once(out, protect)
        if not more or len(again) != len(text) or len(out) != len(text):
            break
        out = again
        edits = [
            new_edit(codes.STEP_SCRIPT, i, j, text[i:j], out[i:j], codes.T2S)
            for i, j in _runs(text, out)
        ]
    return out, edits


def _to_simplified_once(text: str, protect: bool) -> tuple[str, list[Edit]]:
    """One conversion pass of :func:`to_simplified`."""
    trigger_rx, clause_trigger_rx = _script_patterns(_has_astral(text))[2:4]
    m = trigger_rx.search(text)
    if m is None:
        return text, []
    edits: list[Edit] = []
    parts: list[str] = []
    pos = 0
    step, reason, make_edit = codes.STEP_SCRIPT, codes.T2S, new_edit
    for start, end, block in _stretches(text, m, trigger_rx, clause_trigger_rx):
        out = _convert_stretch(text, start, end, protect, block)
        if out is None:
            for e in _clause_edits(text, start, end, protect):
                parts.append(text[pos : e.start])
                parts.append(e.after)
                pos = e.end
                edits.append(e)
            continue
        src = text[start:end]
        if out == src:
            continue
        parts.append(text[pos:start])
        parts.append(out)
        pos = end
        edits += [
            make_edit(step, start + i, start + j, src[i:j], out[i:j], reason)
            for i, j in _runs(src, out)
        ]
    if not edits:
        return text, []
    parts.append(text[pos:])
    return "".join(parts), edits
