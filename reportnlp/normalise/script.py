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

Speed (2-core machine, medians): OpenCC converts 0.3–0.5 M characters/s, and this module 0.26 M/s on
all-traditional text (the 1954 report: 0.09 s). The State Council corpus (72 records, 1.12 M characters,
3.3 MB) takes 0.10 s instead of 2.2 s with OpenCC run on every record: only 2.3 % of its characters (the
1954 report, a few clauses of 1955 and 1957) are handed to OpenCC; a simplified record costs one regex scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from reportnlp import codes
from reportnlp.normalise.edits import EditBuilder
from reportnlp.types import Edit

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


@lru_cache(maxsize=1)
def _script_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(traditional_only, simplified_only, triggers)`` derived from OpenCC's character tables.

    *triggers* are the characters the conversion may change, alone or inside one of OpenCC's phrases:
    a clause without one is left as it is, and ``t2s`` finds nothing to do in it.
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
    return frozenset(trad), frozenset(simp), frozenset(triggers)


_ASTRAL = "\U00010000-\U0010ffff"
_ASTRAL_RX = re.compile(f"[{_ASTRAL}]")


@lru_cache(maxsize=1)
def _script_patterns() -> tuple[re.Pattern[str], ...]:
    """Patterns of ``(traditional_only, simplified_only, triggers, triggers_or_zhu)`` characters.

    ``re`` scans a class of BMP characters at ~300 MB/s but one listing supplementary-plane characters
    a hundred times slower, so the classes hold BMP characters only: the first two are completed by
    :func:`_count`, the trigger classes take every supplementary character (a superset, which is safe).
    """
    trad, simp, triggers = _script_sets()
    return (
        re.compile(_char_class(c for c in trad if c <= "\uffff")),
        re.compile(_char_class(c for c in simp if c <= "\uffff")),
        re.compile(_char_class(c for c in triggers if c <= "\uffff")[:-1] + _ASTRAL + "]"),
        re.compile(_char_class(c for c in triggers | {_ZHU} if c <= "\uffff")[:-1] + _ASTRAL + "]"),
    )


def _count(text: str, bmp_rx: re.Pattern[str], chars: frozenset[str]) -> int:
    """How many characters of *text* are in *chars* (BMP ones matched by *bmp_rx*)."""
    n = len(bmp_rx.findall(text))
    if _ASTRAL_RX.search(text):
        n += sum(1 for c in _ASTRAL_RX.findall(text) if c in chars)
    return n


@lru_cache(maxsize=1)
def _converter():  # -> opencc.OpenCC; typed loosely, the package ships no type information
    from opencc import OpenCC

    return OpenCC(OPENCC_CONFIG)


@lru_cache(maxsize=1)
def _clause_pattern() -> re.Pattern[str]:
    """Runs between OpenCC's own separators, so converting clause by clause equals converting the line."""
    seps = _converter().split_chars_re.pattern.strip("()").split("|")
    parts = [r"\s" if s == r"\s+" else re.escape(s.lstrip("\\") or s) for s in seps]
    return re.compile("[^" + "".join(parts) + "]+")


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
    trad_rx, simp_rx = _script_patterns()[:2]
    trad, simp, _ = _script_sets()
    n_trad = _count(text, trad_rx, trad)
    n_simp = _count(text, simp_rx, simp)
    if not n_trad and not n_simp:
        return codes.SCRIPT_SIMPLIFIED if _CJK.search(text) else codes.SCRIPT_NONE
    if min(n_trad, n_simp) >= _MIXED_SHARE * (n_trad + n_simp):
        return codes.SCRIPT_MIXED
    return codes.SCRIPT_TRADITIONAL if n_trad > n_simp else codes.SCRIPT_SIMPLIFIED


def _convert_clause(src: str, places: bool) -> str:
    """Convert one clause (no separator inside) to simplified, with our corrections; same length."""
    protect_rx, keep, spellings = _protection(places)
    out = _converter().convert(src)
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
    if (
        restored
    ):  # find protected words in the converted clause with the protectable characters restored
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


def _runs(src: str, out: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive changed characters (``src``, ``out`` of equal length)."""
    i, n = 0, len(src)
    while i < n:
        if src[i] == out[i]:
            i += 1
            continue
        j = i + 1
        while j < n and src[j] != out[j]:
            j += 1
        yield i, j
        i = j


def to_simplified(text: str, *, protect: bool = True) -> tuple[str, list[Edit]]:
    """Convert traditional characters to simplified; return the new text and one edit per changed run.

    Only clauses (runs between punctuation or spaces) holding a character the conversion changes are
    handed to OpenCC; simplified text passes through untouched. ``protect`` keeps gazetteer place names
    whole.

    >>> to_simplified("東岳觀鎮著力推動乾安縣的顯著發展")[0]
    '东岳观镇着力推动乾安县的显著发展'
    >>> to_simplified("乾安縣", protect=False)[0]
    '干安县'
    >>> text, edits = to_simplified("黨的二十大")
    >>> text, [(e.start, e.end, e.before, e.after) for e in edits]
    ('党的二十大', [(0, 1, '黨', '党')])
    """
    trigger_rx, clause_trigger_rx = _script_patterns()[2:]
    m = trigger_rx.search(text)
    if m is None:
        return text, []
    clause_rx = _clause_pattern()
    b = EditBuilder(text, codes.STEP_SCRIPT)
    while m is not None:  # each line holding a trigger, clause by clause
        line_end = text.find("\n", m.start())
        if line_end < 0:
            line_end = len(text)
        for c in clause_rx.finditer(text, text.rfind("\n", 0, m.start()) + 1, line_end):
            src = c.group()
            if not clause_trigger_rx.search(src):  # 著 alone: only in a line with traditional text
                continue
            out = _convert_clause(src, protect)
            if len(out) != len(src):
                b.replace(c.start(), c.end(), out, codes.T2S)
                continue
            for i, j in _runs(src, out):
                b.replace(c.start() + i, c.start() + j, out[i:j], codes.T2S)
        m = trigger_rx.search(text, line_end)
    return b.build()
