"""Script detection and traditional → simplified conversion: JSON cases, seeds, the 1954 report, contracts."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from reportnlp import codes
from reportnlp.normalise import script
from reportnlp.normalise.edits import apply_edits
from reportnlp.normalise.script import (
    EXTRA_VARIANTS,
    KEEP_AS_WRITTEN,
    OPENCC_CONFIG,
    _clause_pattern,
    _opencc,
    _opencc_tables,
    _place_table,
    _read_opencc_dict,
    _script_sets,
    _stretch_tables,
    detect_script,
    protected_places,
    to_simplified,
)

TESTS = Path(__file__).resolve().parent.parent
CASES = json.loads((TESTS / "cases" / "script.json").read_text(encoding="utf-8"))
SEEDS = TESTS / "fixtures" / "seeds"
TRADITIONAL_SEEDS = ("002_17ed8b2d14d05a44.txt", "004_d50d7a5837c946da.txt")
SIMPLIFIED_SEEDS = (
    "000_61eaccc42b378d20.txt",
    "001_cc577889387c504c.txt",
    "003_bd26fd21e8274dde.txt",
)


@cache
def opencc(config: str) -> OpenCC:
    return OpenCC(config)


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_1954(gwr_records) -> str:
    return next(r["content"] for r in gwr_records if r.get("year") == "1954")


def _params(section: str) -> list:
    return [
        pytest.param(
            c,
            id=c["input"][:12] or "empty",
            marks=[pytest.mark.xfail(strict=True, reason=c["note"])]
            if c["kind"] == "known_failure"
            else [],
        )
        for c in CASES[section]
    ]


def check_edits(text: str, out: str, edits) -> None:
    """Edits replay, lie inside the text, are single changed runs and carry the script step and reason."""
    assert apply_edits(text, edits) == out
    prev_end = -1
    for e in edits:
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.before
        assert e.step == codes.STEP_SCRIPT and e.reason == codes.T2S
        assert len(e.before) == len(e.after) and all(a != b for a, b in zip(e.before, e.after))
        assert e.start > prev_end  # runs are maximal: two edits never touch
        prev_end = e.end


# --- cases ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _params("to_simplified"))
def test_to_simplified_case(case):
    out, edits = to_simplified(case["input"])
    check_edits(case["input"], out, edits)
    assert out == case["expected"], case["note"]
    if case["kind"] == "negative":
        assert edits == []


@pytest.mark.parametrize("case", _params("to_simplified_unprotected"))
def test_to_simplified_unprotected_case(case):
    out, edits = to_simplified(case["input"], protect=False)
    check_edits(case["input"], out, edits)
    assert out == case["expected"], case["note"]


@pytest.mark.parametrize("case", _params("detect_script"))
def test_detect_script_case(case):
    assert detect_script(case["input"]) == case["expected"], case["note"]
    assert case["expected"] in codes.SCRIPTS


# --- real documents ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", TRADITIONAL_SEEDS)
def test_traditional_seed(name):
    text = seed(name)
    out, edits = to_simplified(text)
    check_edits(text, out, edits)
    assert out.count("\n") == text.count("\n")
    assert opencc("t2s").convert(out) == out  # the project's acceptance criterion
    assert detect_script(out) in (codes.SCRIPT_SIMPLIFIED, codes.SCRIPT_NONE)
    assert to_simplified(out) == (out, [])


def test_seed_002_accuracy():
    out = to_simplified(seed("002_17ed8b2d14d05a44.txt"))[0]
    assert out.count("着力") == 8 and "著力" not in out  # t2s leaves all eight
    assert "仍然" in out or "工作" in out


def test_1954_report(report_1954):
    out, edits = to_simplified(report_1954)
    check_edits(report_1954, out, edits)
    assert detect_script(report_1954) == codes.SCRIPT_TRADITIONAL
    assert opencc("t2s").convert(out) == out
    assert to_simplified(out) == (out, [])
    # the variants OpenCC's table misses are converted: 衞 ×22, 擧 ×12, 汚 ×6 …
    assert not set(out) & set(EXTRA_VARIANTS)
    assert out.count("卫生") >= 15 and out.count("选举") >= 8 and out.count("贪污") >= 5
    assert "显著" in out and "借口" in out and "接着" in out


def test_mixed_records_of_the_corpus(gwr_records):
    """The 1955 and 1957 reports carry a few traditional characters in simplified text."""
    for rec in gwr_records:
        if rec.get("year") in ("1955", "1957"):
            out, edits = to_simplified(rec["content"])
            check_edits(rec["content"], out, edits)
            assert edits and opencc("t2s").convert(out) == out


@pytest.mark.parametrize("name", SIMPLIFIED_SEEDS)
def test_simplified_seed_untouched(name):
    text = seed(name)
    assert to_simplified(text) == (text, [])
    assert detect_script(text) == codes.SCRIPT_SIMPLIFIED


@pytest.mark.slow
def test_corpus_t2s_fixed_point(gwr_records):
    for rec in gwr_records:
        out, edits = to_simplified(rec["content"])
        assert apply_edits(rec["content"], edits) == out
        assert opencc("t2s").convert(out) == out, rec["title"]


# --- how the conversion is built ----------------------------------------------------------------------


def test_config_is_tw2s():
    assert OPENCC_CONFIG == "tw2s"


@pytest.mark.parametrize("name", TRADITIONAL_SEEDS)
def test_clause_by_clause_equals_opencc(name):
    """Skipping clauses changes nothing: the output equals OpenCC on the whole text, but for our fixes."""
    text = seed(name)
    whole = opencc(OPENCC_CONFIG).convert(text)
    out = to_simplified(text)[0]
    fixed = {a for a, b, c in zip(text, whole, out) if b != c}
    assert fixed <= set(EXTRA_VARIANTS) | KEEP_AS_WRITTEN | {"著"}


def test_separators_match_opencc():
    pattern = _clause_pattern()
    sample = "一、加強黨的領導（一）「深化」改革——推進，發展。GDP-5.2*3 ok!"
    pieces = opencc(OPENCC_CONFIG).split_chars_re.split(sample)[::2]
    assert [p for p in pieces if p] == pattern.findall(sample)


def test_every_phrase_holds_a_trigger():
    """A clause without a trigger is skipped: that is safe only if every changing phrase has one."""
    triggers = _script_sets()[2]
    ts = _read_opencc_dict("TSCharacters.txt")
    for table in ("TSPhrases.txt", "TWVariantsRevPhrases.txt"):
        for key, values in _read_opencc_dict(table).items():
            final = (
                "".join(ts.get(c, [c])[0] for c in values[0])
                if table.startswith("TW")
                else values[0]
            )
            if final != key:
                assert set(key) & triggers, (table, key)


def test_protected_places():
    """Every listed name survives, and each is listed for a reason (plain conversion would change it)."""
    places = protected_places()
    spellings = _place_table()[1]
    assert "乾安县" in places and "乾县" in places and len(places) < 200
    for name in places:
        assert to_simplified(name)[0] == name
        assert to_simplified("國" + name)[0] == "国" + name
        written = [name, "國" + name] + [s for s, n in spellings.items() if n == name]
        assert any(
            to_simplified(w, protect=False)[0] not in (name, "国" + name) for w in written
        ), name
    for spelling, name in spellings.items():
        assert to_simplified(spelling)[0] == name


def test_tables_load_lazily():
    code = (
        "import reportnlp.normalise.script as s\n"
        "assert s._script_sets.cache_info().currsize == 0\n"
        "assert s._converter.cache_info().currsize == 0\n"
        "assert s._place_table.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=TESTS.parent)


# --- the fast paths: the same output as OpenCC, clause by clause -------------------------------------


def clause_by_clause(text: str, protect: bool = True) -> tuple[str, list]:
    """:func:`to_simplified` the plain way: OpenCC itself on each clause to convert, one at a time."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(script, "_stretch_tables", lambda places: None)
        mp.setattr(script, "_opencc", opencc(OPENCC_CONFIG).convert)
        return to_simplified(text, protect=protect)


def _phrase_keys() -> list[str]:
    return [k for group in opencc(OPENCC_CONFIG)._dict_chain_data for _, _, d in group for k in d]


def test_fast_path_is_used():
    """With the shipped OpenCC, :func:`_opencc` emulates it and stretches convert at once."""
    assert _opencc_tables() is not None
    assert _stretch_tables(True) is not None and _stretch_tables(False) is not None


@pytest.mark.parametrize("name", TRADITIONAL_SEEDS + SIMPLIFIED_SEEDS)
def test_opencc_emulation_on_seeds(name):
    text = seed(name)
    assert _opencc(text) == opencc(OPENCC_CONFIG).convert(text)


def test_opencc_emulation_on_1954(report_1954):
    assert _opencc(report_1954) == opencc(OPENCC_CONFIG).convert(report_1954)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("反覆盆子", "反覆盆子"),  # the longest phrase first (覆盆子), not the leftmost (反覆)
        ("康乾乾淨淨", "康干干净净"),  # 乾乾淨淨 before 康乾
        ("函覆盆子，反覆", "函覆盆子，反复"),
        ("", ""),
    ],
)
def test_opencc_emulation_order(text, expected):
    assert _opencc(text) == opencc(OPENCC_CONFIG).convert(text) == expected


_PHRASE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_phrase_keys()),
        st.sampled_from(sorted(set(seed("002_17ed8b2d14d05a44.txt")))),
        st.sampled_from(
            list("乾安县著么抬衞藉口覆沈 \n\u3000，。、-.") + ["\U00020000", "\U0001f600"]
        ),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PHRASE_TEXT)
def test_property_opencc_emulation(text):
    assert _opencc(text) == opencc(OPENCC_CONFIG).convert(text)


def test_corpus_equals_clause_by_clause(gwr_records):
    """Every record the conversion touches (1954, 1955, 1957 and the 覆/沈 lines of later ones)."""
    trigger_rx = script._script_patterns()[2]
    for rec in gwr_records:
        if trigger_rx.search(rec["content"]):
            assert to_simplified(rec["content"]) == clause_by_clause(rec["content"]), rec["title"]


@pytest.mark.parametrize("name", TRADITIONAL_SEEDS + SIMPLIFIED_SEEDS)
def test_seeds_equal_clause_by_clause(name):
    for protect in (True, False):
        assert to_simplified(seed(name), protect=protect) == clause_by_clause(seed(name), protect)


# lines mixing traditional runs, simplified text, 著 words, place names and spellings, as the
# stretches and blocks of the fast path cut them
_LINE_PIECES = [
    "發展國民經濟的第一個五年計劃",
    "中华人民共和国",
    "社会主义建设",
    "衣著整洁",
    "显著著名",
    "反覆",
    "覆盖",
    "乾安县",
    "昭餘鎮",
    "么抬",
    "衞生擧辦",
    "\U00020000",
    "，",
    "。",
    " ",
    "\u3000",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=20).map("".join), st.booleans())
def test_property_equals_clause_by_clause(text, protect):
    assert to_simplified(text, protect=protect) == clause_by_clause(text, protect)


# --- properties ----------------------------------------------------------------------------------------

_ALPHABET = sorted(set(seed("002_17ed8b2d14d05a44.txt") + seed("004_d50d7a5837c946da.txt")))
_ALPHABET += list("乾安县著么抬衞藉口瞭解覆沈濛江镇显作什 \n\u3000，。、") + list(EXTRA_VARIANTS)
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
def test_property_edits_replay(text, protect):
    out, edits = to_simplified(text, protect=protect)
    check_edits(text, out, edits)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_property_idempotent_and_t2s_fixed_point(text):
    out = to_simplified(text)[0]
    assert to_simplified(out) == (out, [])
    if not any(p in out for p in protected_places()):  # protected names are meant to resist t2s
        assert opencc("t2s").convert(out) == out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_property_never_raises(text):
    out, edits = to_simplified(text)
    assert apply_edits(text, edits) == out
    assert detect_script(text) in codes.SCRIPTS


@settings(max_examples=300, deadline=None)
@given(_PHRASE_TEXT)
def test_property_detect_and_simplify(text):
    """One read of a text that needs no conversion answers as detection and conversion apart."""
    assert script.detect_and_simplify(text) == (detect_script(text), *to_simplified(text))


_CONTEXT_TEXT = st.lists(
    st.one_of(
        st.sampled_from(sorted({k for v in script._phrase_contexts().values() for k, _ in v})),
        st.sampled_from(list("藉著着覆盖沈阳瞭望牴触乾安县，。 ")),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CONTEXT_TEXT)
def test_property_detect_and_simplify_near_phrases(text):
    """Phrase-only triggers next to their phrases, in OpenCC's and in Taiwan spellings (藉著)."""
    assert script.detect_and_simplify(text) == (detect_script(text), *to_simplified(text))


@pytest.mark.parametrize(
    "text", ["我们藉著改革开放的东风", "反覆盆子", "沈默是金，沈阳", "瞭望塔上瞭解"]
)
def test_detect_and_simplify_cases(text):
    assert script.detect_and_simplify(text) == (detect_script(text), *to_simplified(text))


def test_detect_and_simplify_on_the_corpus(gwr_records):
    for rec in gwr_records:
        text = rec["content"]
        assert script.detect_and_simplify(text) == (detect_script(text), *to_simplified(text))
    assert script.detect_and_simplify("社会保险覆盖面，沈阳，瞭望") == (
        codes.SCRIPT_SIMPLIFIED,
        "社会保险覆盖面，沈阳，瞭望",
        [],
    )


def test_has_astral_agrees_with_the_encoded_length():
    from reportnlp.normalise.script import _has_astral

    class Sub(str):
        pass

    pieces = ["a", "é", "中", "\U00020000", "\ud83d", "\uffff", "\U0010ffff", "\x00"]
    for n in (0, 1, 2, 7, 100, 4097):
        for c in pieces:
            for base in ("a", "中", "é"):
                for text in (base * n + c, c + base * n, (c + base * n)[1:], Sub(base * n + c)):
                    expected = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
                    assert _has_astral(text) is expected, (n, c, base, type(text))


def test_may_convert_flags_every_paragraph_the_script_step_changes():
    from reportnlp.normalise.script import detect_and_simplify, may_convert

    body = "覆盖全省城乡。\n\n反\n覆研究，黨的建设。\n\n𠀀字與其他\n\n党的建设"
    for piece in body.split("\n\n"):
        changed = detect_and_simplify(piece)[2]
        if changed:
            assert may_convert(piece)
    assert not may_convert("党的建设")  # a simplified paragraph is not read again
