"""Headings and structure signatures: the seed gold exactly, the State Council corpus, examples, properties."""

from __future__ import annotations

import os
import re
from collections import Counter

import pytest
from conftest import SEEDS, seed_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportnlp import clean, normalise_text
from reportnlp.analysers.headings import Heading, find_headings, structure_signature

LEVELS = {1, 2, 3, 4, "enum", "section"}
SEED_IDS = [p.stem for p in seed_paths()]
SEED_SIGNATURES = {
    "000_61eaccc42b378d20": "1(eee)1(eee)1(eee)1(eee)",
    "001_cc577889387c504c": "u(2222)u",
    "002_17ed8b2d14d05a44": "1(2222222(33333))1(eeee)",
    "003_bd26fd21e8274dde": "1(2(ee)222)11(e)",
    "004_d50d7a5837c946da": "sss",
}
# One report a decade or so, as the parser reads it now (checked by hand against the texts).
GWR_SIGNATURES = {
    "2019": "1(eeeeeeee)11(2222222222)",
    "2007": "1(2222222(eeee))11(2222)1(22222)11",
    "1993": "1111111u",
    "1981": "22(11111(eeee)11111)2",
    "1957": "11(uu)1(uuuu)11",
}
GWR_TOTAL = 1043  # headings found in the 72 records; a change is a behaviour change to look at


def _doc(doc_id: str):
    return clean((SEEDS / f"{doc_id}.txt").read_bytes())


def _simplified(s: str) -> str:
    """The gold spells seed 004's section markers in traditional script."""
    return normalise_text(s).text


def _found(doc) -> set[tuple[int, object, str]]:
    """(raw line, level, marker) of each heading. Headings only start paragraphs, so the raw line is the
    paragraph's first line (a paragraph joined from several lines starts where its heading is)."""
    by_start = {p.start: p for p in doc.paragraphs}
    found = set()
    for h in find_headings(doc.text):
        assert h.start in by_start, f"heading not at a paragraph start: {h}"
        found.add((by_start[h.start].lines[0], h.level, h.marker))
    return found


def _check_tree(text: str, headings: list[Heading]) -> None:
    previous_start = -1
    for i, h in enumerate(headings):
        assert text[h.start : h.end] == h.text and h.text
        assert h.start > previous_start
        previous_start = h.start
        assert h.level in LEVELS  # an unnumbered heading's level is its depth, 1 to 4
        assert h.parent is None or 0 <= h.parent < i
        assert h.text.startswith(
            h.marker
        )  # "" for unnumbered headings; the lead phrase for sections


# --- the seed gold --------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_headings_exactly_as_labelled(gold, doc_id):
    doc = _doc(doc_id)
    expected = {(g["line"], g["level"], _simplified(g["marker"])) for g in gold[doc_id]["headings"]}
    found = _found(doc)
    assert found - expected == set(), "extra headings"
    assert expected - found == set(), "missing headings"


def test_seed_002_repaired_markers():
    """Four （N） markers of seed 002 are mojibake in the raw page and restored by the clean stage."""
    found = _found(_doc("002_17ed8b2d14d05a44"))
    for line, marker in [(3, "（一）"), (6, "（四）"), (8, "（六）"), (9, "（七）")]:
        assert (line, 2, marker) in found


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_parents_and_signatures(doc_id):
    doc = _doc(doc_id)
    hs = find_headings(doc.text)
    _check_tree(doc.text, hs)
    for i, h in enumerate(hs):
        parent = hs[h.parent] if h.parent is not None else None
        if h.level == 1:
            assert parent is None
        elif h.level == 2:
            assert parent is not None and parent.level == 1
        elif h.level == 3:
            assert parent is not None and parent.level == 2
        elif h.level == "enum":  # under the last heading before it that is not an enum
            before = [j for j in range(i) if hs[j].level != "enum"]
            assert h.parent == (before[-1] if before else None)
    assert structure_signature(hs) == SEED_SIGNATURES[doc_id]


def test_seed_spans():
    texts = {h.marker: h.text for h in find_headings(_doc("002_17ed8b2d14d05a44").text)}
    # a heading line is its paragraph; else the lead sentence (through 。) or clause (through : here)
    assert texts["一、"] == "一、今年工作推进情况"
    assert texts["（一）"] == "（一）意识形态考核细化到位,着力提升宣传工作的推动力。"
    assert texts["1."] == "1.志愿x网完成情况:"
    assert texts["四是"] == "四是持续推进文明城市创建工作,持久开展整治不文明行为。"
    seed_001 = find_headings(_doc("001_cc577889387c504c").text)
    assert seed_001[1].text == "重点一:讲什么?整理汇编“金句”为宣讲提供“菜单”"
    assert seed_001[0].text == "四大重点工作高质量开展“六进”宣讲"
    seed_004 = find_headings(_doc("004_d50d7a5837c946da").text)
    assert [h.text for h in seed_004][0] == "办好微课堂,以“深学”固理论之基。"


# --- the State Council corpus ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gwr_texts(gwr_records) -> list[tuple[dict, str]]:
    return [(rec, clean(rec["content"], title=rec["title"]).text) for rec in gwr_records]


def _number(marker: str) -> int | None:
    digits = re.sub(r"\D", "", marker)
    if digits:
        return int(digits)
    cn = re.sub(r"[^一二三四五六七八九十]", "", marker)
    units = "一二三四五六七八九"
    if not cn:
        return None
    if "十" not in cn:
        return units.index(cn) + 1
    tens, _, ones = cn.partition("十")
    return (units.index(tens) + 1 if tens else 1) * 10 + (units.index(ones) + 1 if ones else 0)


def test_gwr_offsets_tree_and_numbering(gwr_texts):
    total = 0
    for _rec, text in gwr_texts:
        hs = find_headings(text)
        _check_tree(text, hs)
        total += len(hs)
        # numbered siblings of one style run in order: +1, +2 (one lost number) or a restart at 1 (enums may
        # also restart after an 一是 inside running text)
        last: dict[tuple[int | None, str], int] = {}
        for h in hs:
            n = _number(h.marker) if h.marker and isinstance(h.level, int) else None
            if n is None:
                continue
            style = re.sub(r"[一二三四五六七八九十0-9]", "N", h.marker)
            key = (h.parent, style)
            if key in last:
                assert n == 1 or 1 <= n - last[key] <= 2, h
            last[key] = n
    assert total == GWR_TOTAL


def test_gwr_signatures_across_decades(gwr_texts):
    by_year = {
        rec["year"]: text
        for rec, text in gwr_texts
        if "决议" not in rec["title"] and rec.get("year")
    }
    for year, signature in GWR_SIGNATURES.items():
        assert structure_signature(find_headings(by_year[year])) == signature, year


def test_gwr_level_counts(gwr_texts):
    """Recent reports: three chapters 一、二、三、, the work tasks as （一）…（十）, last year's review as 一是…"""
    by_year = {rec["year"]: text for rec, text in gwr_texts if "决议" not in rec["title"]}
    counts = {
        y: Counter(h.level for h in find_headings(by_year[y])) for y in ("2025", "2024", "2022")
    }
    assert counts["2025"] == Counter({1: 3, 2: 10, "enum": 7})
    assert counts["2024"] == Counter({1: 3, 2: 10, "enum": 6})
    assert counts["2022"] == Counter({1: 3, 2: 9, "enum": 8})
    resolutions = [text for rec, text in gwr_texts if "决议" in rec["title"]]
    assert resolutions and all(find_headings(t) == [] for t in resolutions)


# --- examples ---------------------------------------------------------------------------------------------


def _outline(text: str) -> list[tuple[object, str, int | None]]:
    return [(h.level, h.marker, h.parent) for h in find_headings(text)]


def test_full_outline_example():
    text = (
        "一、总体情况\n\n（一）加强领导。全年召开会议5次。\n\n1.健全机制。明确分工。\n\n（1）细化分工。内容。\n\n"
        "（2）压实责任。内容。\n\n2.强化考核。\n\n（二）完善制度。\n\n二、下步打算\n\n一是抓学习。内容。\n\n"
        "二是抓落实。内容。"
    )
    hs = find_headings(text)
    assert [(h.level, h.marker, h.parent) for h in hs] == [
        (1, "一、", None),
        (2, "（一）", 0),
        (3, "1.", 1),
        (4, "（1）", 2),
        (4, "（2）", 2),
        (3, "2.", 1),
        (2, "（二）", 0),
        (1, "二、", None),
        ("enum", "一是", 7),
        ("enum", "二是", 7),
    ]
    assert structure_signature(hs) == "1(2(3(44)3)2)1(ee)"
    assert hs[1].text == "（一）加强领导。"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "今年经济运行平稳。\n\n1.5%的增速是合理的。\n\n2.3亿元用于民生。", id="decimals"
        ),
        pytest.param(
            "开头一段话，说明情况。\n\n2024年3月5日\n\n会议召开，部署工作。", id="date line"
        ),
        pytest.param("主要措施有:1.加强学习;2.强化宣传;3.完善机制。", id="list inside a sentence"),
        pytest.param("3、4月份，全市开展活动。\n\n一、二季度经济稳中有进。", id="ranges"),
        pytest.param("工作有序推进。（二）加强领导，落实责任。", id="marker mid-paragraph"),
        pytest.param("说明情况。\n\n（三）加强领导。\n\n（五）完善机制。", id="out of order"),
        pytest.param("说明情况。\n\n二是加强领导。\n\n三是完善机制。", id="enum without a first"),
        pytest.param("说明情况，开展工作。\n\n短标题一行", id="short last paragraph"),
        pytest.param("我们要坚持1.好的做法，推进工作。", id="number in a sentence"),
        pytest.param(
            "要做好以下工作：\n\n一、加强学习；\n\n二、强化宣传；\n\n三、完善机制。\n\n我们要努力。",
            id="list items",
        ),
        pytest.param(
            "说明情况。\n\n加强学习，提高认识。一是读原著。\n\n还有别的内容。",
            id="one lead sentence",
        ),
        pytest.param(
            "说明。\n\n做好工作，要把握好以下几点。一是甲。\n\n做好宣传，要抓好三件事。一是乙。",
            id="announcing leads",
        ),
    ],
)
def test_not_headings(text):
    assert find_headings(text) == []


def test_enum_after_one_inside_running_text():
    """Seed 003's shape: ``一是`` mid-paragraph is not a heading, but ``二是`` opening the next one is."""
    text = "（一）抓理论学习\n\n坚持学习制度。一是抓住关键少数，形成示范。\n\n二是注重宣传教育。内容。\n\n三是精心研究。内容。"
    assert _outline(text) == [(2, "（一）", None), ("enum", "二是", 0), ("enum", "三是", 0)]


def test_one_lost_number_is_tolerated():
    text = "一、甲\n\n（一）乙。\n\n（二）丙。\n\n（四）丁。\n\n（五）戊。"
    assert [h.marker for h in find_headings(text)] == [
        "一、",
        "（一）",
        "（二）",
        "（四）",
        "（五）",
    ]


def test_same_style_nested_then_outer_run_continues():
    """1986's shape: 一、…三、, inside 三、 a second 一、二、, then 四、 continues the outer run."""
    text = "一、甲\n\n二、乙\n\n三、丙\n\n一、丙的第一点\n\n二、丙的第二点\n\n四、丁"
    assert _outline(text) == [
        (1, "一、", None),
        (1, "二、", None),
        (1, "三、", None),
        (1, "一、", 2),
        (1, "二、", 2),
        (1, "四、", None),
    ]


def test_unnumbered_headings_nest_only_inside_a_continuing_run():
    text = (
        "说明情况。\n\n一、关于甲\n\n正文内容。\n\n二、关于乙\n\n正文内容。\n\n关于教育问题\n\n正文内容。\n\n"
        "关于科学问题\n\n正文内容。\n\n三、关于丙\n\n正文内容。\n\n结束语\n\n各位代表！"
    )
    assert _outline(text) == [
        (1, "一、", None),
        (1, "二、", None),
        (2, "", 1),
        (2, "", 1),
        (1, "三、", None),
        (1, "", None),
    ]


def test_sections_need_a_parallel_pair():
    one = "说明情况。\n\n办好微课堂,以“深学”固理论之基。一是培训学。内容。\n\n其他内容。"
    assert find_headings(one) == []
    two = one + "\n\n抓实微研讨,以“细悟”砺攻坚之志。一是屋场会里谈。内容。"
    assert _outline(two) == [("section", "办好微课堂", None), ("section", "抓实微研讨", None)]


def test_enum_heading_line_holds_headings():
    """1978's shape: ``第一，…`` on its own line over （一）…, then ``第二，…`` continues."""
    text = "一、加快建设\n\n第一，大办农业\n\n（一）抓粮食。内容。\n\n（二）抓棉花。内容。\n\n第二，发展工业\n\n正文内容。"
    assert _outline(text) == [
        (1, "一、", None),
        ("enum", "第一", 0),
        (2, "（一）", 1),
        (2, "（二）", 1),
        ("enum", "第二", 0),
    ]


def test_marker_forms():
    text = "说明。\n\n(一)半角括号\n\n正文。\n\n(二)第二个\n\n正文。\n\n1、顿号数字\n\n2、第二\n\n（10）不从1开始"
    assert [(h.level, h.marker) for h in find_headings(text)] == [
        (2, "(一)"),
        (2, "(二)"),
        (3, "1、"),
        (3, "2、"),
    ]
    assert _outline("一\n\n正文内容，说明。\n\n二\n\n正文内容。") == [
        (1, "一", None),
        (1, "二", None),
    ]


# --- signatures -------------------------------------------------------------------------------------------


def test_signature_grammar_and_identity():
    a = find_headings("一、甲\n\n（一）乙。内容。\n\n（二）丙。内容。\n\n二、丁\n\n一是戊。内容。")
    b = find_headings(
        "一、其他\n\n(一)别的标题。正文。\n\n(二)再一个。正文。\n\n二、又一个\n\n一是还有。正文。"
    )
    c = find_headings("一、甲\n\n（一）乙。内容。\n\n二、丁\n\n（一）丙。内容。")
    assert structure_signature(a) == structure_signature(b) == "1(22)1(e)"
    assert structure_signature(c) == "1(2)1(2)"
    assert structure_signature([]) == ""


# --- properties -------------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "一、", "二、", "十一、", "（一）", "(二)", "（三）", "1.", "2、", "1.5%", "（1）", "(2)", "一是", "二是",
        "第一，", "第二、", "重点一:", "一", "关于工作", "办好微课堂,以“深学”固理论之基。", "加强领导",
        "。", "，", "；", "：", "?", "“", "”", "《", "》", "\n", "\n\n", "\r\n", "\u3000\u3000", " ",
        "2024年3月5日", "结束语", "各位代表！",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map("".join),
)
SETTINGS = settings(
    max_examples=int(os.environ.get("REPORTNLP_HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(TEXT)
def test_never_raises_offsets_slice_signature_parses(text):
    hs = find_headings(text)
    _check_tree(text, hs)
    sig = structure_signature(hs)
    assert len(re.sub(r"[()]", "", sig)) == len(hs)
    depth = 0
    for ch in sig:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0 and "()" not in sig
    assert sig.isascii()
