"""Inline pinyin annotations: JSON cases, seeds, the State Council corpus, properties."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from conftest import case_params
from hypothesis import given, settings
from hypothesis import strategies as st

from reportnlp import codes
from reportnlp.normalise.edits import apply_edits
from reportnlp.normalise.pinyin import strip_pinyin

TESTS = Path(__file__).resolve().parent.parent
CASES = json.loads((TESTS / "cases" / "pinyin.json").read_text(encoding="utf-8"))["strip_pinyin"]
SEEDS = TESTS / "fixtures" / "seeds"
_TONED = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def check(text: str) -> str:
    """Run the step and check its contract; return the output."""
    out, edits = strip_pinyin(text)
    assert apply_edits(text, edits) == out
    assert out.count("\n") == text.count("\n")
    prev_end = -1
    for e in edits:
        assert (
            0 <= e.start < e.end <= len(text)
            and text[e.start : e.end] == e.before
            and e.after == ""
        )
        assert e.step == codes.STEP_PINYIN and e.reason == codes.PINYIN_ANNOTATION
        assert e.start >= prev_end
        prev_end = e.end
    assert strip_pinyin(out) == (out, [])  # idempotent
    return out


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case):
    assert check(case["input"]) == case["expected"], case["note"]


@pytest.mark.parametrize("name", ["002_17ed8b2d14d05a44.txt", "004_d50d7a5837c946da.txt"])
def test_annotated_seeds_lose_every_annotation(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    out = check(text)
    assert len(strip_pinyin(text)[1]) > 100
    assert not _TONED.search(out)
    assert "(二)" in out or "(社區)" in out  # real brackets stay


@pytest.mark.parametrize(
    "name", ["000_61eaccc42b378d20.txt", "001_cc577889387c504c.txt", "003_bd26fd21e8274dde.txt"]
)
def test_seeds_without_annotations_are_untouched(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert strip_pinyin(text) == (text, [])


def test_state_council_corpus_untouched_and_fast(gwr_records):
    start = time.perf_counter()
    for rec in gwr_records:
        assert strip_pinyin(rec["content"])[1] == [], rec["title"]
    assert time.perf_counter() - start < 1.0


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("來了(（)）lái xiànmenaF們\n?（二）x")), max_size=40)
    | st.text(max_size=60)
)
def test_never_raises_offsets_valid(text):
    check(text)


def test_annotations_need_matching_brackets():
    # ``(lái）`` mixes the two bracket forms: no annotation; the matched forms are
    assert strip_pinyin("今年以來(lái）")[0] == "今年以來(lái）"
    assert strip_pinyin("今年以來(lái)，緊緊圍繞（wéi）")[0] == "今年以來，緊緊圍繞"
    assert strip_pinyin("以來（lái)(ｌáｉ）來（ｌáｉ）")[0] == "以來（lái)(ｌáｉ）來"
