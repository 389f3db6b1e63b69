"""GBK byte-shift mojibake: JSON cases, the damaged seeds, clean corpora, properties."""

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
from reportnlp.normalise.mojibake import _compose, repair_mojibake
from reportnlp.normalise.pinyin import strip_pinyin
from reportnlp.types import Edit

TESTS = Path(__file__).resolve().parent.parent
CASES = json.loads((TESTS / "cases" / "mojibake.json").read_text(encoding="utf-8"))[
    "repair_mojibake"
]
SEEDS = TESTS / "fixtures" / "seeds"
REASONS = {
    codes.MOJIBAKE_SHIFT,
    codes.MOJIBAKE_LOST_BYTE,
    codes.MOJIBAKE_INFERRED_MARKER,
    codes.MOJIBAKE_UNREPAIRABLE,
}
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_ANNOTATION_LEFT = re.compile(rf"[a-zü]*[{_TONE}][a-zü]*\)")  # with or without its "("
_RESIDUE = re.compile("[\u3100-\u312f\u2500-\u257f\ue000-\uf8ff\u2e80-\u2eff\ufffd]")
_CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
_QUESTION_BETWEEN_CJK = re.compile(f"[{_CJK}]\\?+[{_CJK}]")


def run(text: str) -> tuple[str, list[Edit], list[Edit]]:
    """Both steps as the pipeline calls them, checking the contract of the mojibake step."""
    stripped, e1 = strip_pinyin(text)
    out, edits = repair_mojibake(stripped, pinyin_edits=e1)
    assert apply_edits(stripped, edits) == out
    assert out.count("\n") == stripped.count("\n")
    prev_end = -1
    for e in edits:
        assert (
            0 <= e.start <= e.end <= len(stripped)
            and stripped[e.start : e.end] == e.before != e.after
        )
        assert e.step == codes.STEP_MOJIBAKE and e.reason in REASONS
        assert e.start >= prev_end
        prev_end = e.end
    assert repair_mojibake(out) == (out, [])  # idempotent
    return out, e1, edits


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case):
    assert run(case["input"])[0] == case["expected"], case["note"]


def test_seed_002_headings_and_words():
    out, _, edits = run((SEEDS / "002_17ed8b2d14d05a44.txt").read_text(encoding="utf-8"))
    lines = out.split("\n")
    expected = ["（一）", "(二)", "(三)", "（四）", "(五)", "（六）", "（七）"]
    assert [line[:3] for line in lines[2:9]] == expected
    assert lines[2].startswith("（一）意識形態")
    assert lines[7].startswith("（六）新時代")
    assert "現將" in lines[0] and "人民日報" in lines[5] and "新聞輿論工作" in lines[18]
    assert {e.reason for e in edits} == REASONS - {codes.MOJIBAKE_UNREPAIRABLE}
    assert [e.after for e in edits if e.reason == codes.MOJIBAKE_INFERRED_MARKER] == ["（六"]


def test_seed_004_sentence():
    out, _, _ = run((SEEDS / "004_d50d7a5837c946da.txt").read_text(encoding="utf-8"))
    lines = out.split("\n")
    assert "宣揚黨的方針政策。“三句半”以“學習" in lines[6]
    assert "把書面語變為“詞曲譜”" in lines[6]
    assert "民求我應”為服務宗旨" in lines[10]


@pytest.mark.parametrize("name", ["002_17ed8b2d14d05a44.txt", "004_d50d7a5837c946da.txt"])
def test_damaged_seeds_leave_no_residue(name):
    out, e1, edits = run((SEEDS / name).read_text(encoding="utf-8"))
    assert e1 and edits
    assert not _ANNOTATION_LEFT.search(out)
    assert not _RESIDUE.search(out)
    assert not _QUESTION_BETWEEN_CJK.search(out)


@pytest.mark.parametrize(
    "name", ["000_61eaccc42b378d20.txt", "001_cc577889387c504c.txt", "003_bd26fd21e8274dde.txt"]
)
def test_clean_seeds_are_untouched(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert run(text)[2] == []


def test_state_council_corpus_untouched_and_fast(gwr_records):
    texts = [rec["content"] for rec in gwr_records]
    start = time.perf_counter()
    for text in texts:
        stripped, e1 = strip_pinyin(text)
        assert repair_mojibake(stripped, pinyin_edits=e1) == (stripped, []) and e1 == []
    assert time.perf_counter() - start < 1.0


def test_compose_merges_a_second_pass():
    text = "甲ㄒ乙\n丙丁"
    first = [Edit(codes.STEP_MOJIBAKE, 1, 2, "ㄒ", "", codes.MOJIBAKE_UNREPAIRABLE)]
    mid = "甲乙\n丙丁"
    second = [
        Edit(codes.STEP_MOJIBAKE, 1, 2, "乙", "二", codes.MOJIBAKE_SHIFT),
        Edit(codes.STEP_MOJIBAKE, 4, 4, "", "戊", codes.MOJIBAKE_SHIFT),
    ]
    edits = _compose(text, first, mid, second)
    assert apply_edits(text, edits) == "甲二\n丙戊丁"


_PIECES = list(
    "。ㄒ唬┮庾R形態（一）意識?!叭\ue427浒搿币浴皩W我應報日聞輿論F現將,，、“”\n ()─┬\ufffd⻊麝模abc"
)
_PIECES += ["(xiàn)", "(lái)", "?qǐng)", "?bào)", "(shí)", "(guī)", "?guī)", "(men)"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=40))
def test_never_raises_offsets_valid(text):
    run(text)
