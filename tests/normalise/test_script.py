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
from reportnlp.normalise.edits import apply_edits
from reportnlp.normalise.script import (
    EXTRA_VARIANTS,
    KEEP_AS_WRITTEN,
    OPENCC_CONFIG,
    _clause_pattern,
    _place_table,
    _read_opencc_dict,
    _script_sets,
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
