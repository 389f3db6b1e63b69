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
from reportnlp.analysers.headings import (
    Heading,
    back_matter_start,
    find_headings,
    structure_signature,
)

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


# --- outlines the parser must see right (issue 13) --------------------------------------------------------
# Real text: the ends of the 2025 Sichuan and Guangdong provincial government work reports (official documents,
# from ../shared/corpora/docx, itself from github.com/alexzhu0/government_report_rag @ c813c9d, MIT), cleaned.
SICHUAN_2025_END = (
    "（三）强化服务优作风。大兴务实为民之风。主动服务企业，构建亲清新型政商关系，常态化开展政企沟通交流，支持企业合法诚信经营，"
    "在贷款融资、市场拓展、人才用工、要素保障等方面帮助解决困难，发挥企业推动创新、促进发展、承载就业的重要主体作用。\n\n"
    "（四）清正廉洁守底线。牢记人民政府头顶“人民”二字，权为民所用、利为民所谋。学纪知纪明纪守纪，保持严的基调、严的措施、严的氛围。"
    "落实“政府带头过紧日子”要求，压减一般性支出，严控“三公”经费，严防“跑冒滴漏”，把有限资金花在刀刃上。\n\n"
    "各位代表！迎接风险挑战，惟有无畏前行；扛起职责使命，惟有担当实干。我们要更加紧密团结在以习近平同志为核心的党中央周围，"
    "坚决贯彻党中央、国务院大政方针和省委决策部署，坚定信心、扎实工作，确保完成经济社会发展目标任务，为全面建设社会主义现代化四川努力奋斗！\n\n"
    "名词解释\n\n"
    "1.六大优势产业：省委十二届三次全会提出实施优势产业提质倍增行动，培育形成电子信息、装备制造、食品轻纺、能源化工、先进材料和医药健康等六大万亿级产业。\n\n"
    "2.国家先进制造业集群：工业和信息化部采取“赛马”方式，从不同行业领域内的领先者中遴选先进制造业集群。\n\n"
    "3.稳增长“18条”：2024年4月7日，省政府印发《关于持续巩固和增强经济回升向好态势若干政策措施》。"
)
GUANGDONG_2025_END = (
    "（十二）全面加强政府自身建设，努力建设人民满意的政府。\n\n"
    "增强实干劲头，鼓足干事创业的精气神，锤炼攻坚克难的真本领，直面矛盾问题不回避，铲除顽瘴痼疾不含糊，应对风险挑战不退缩，"
    "坚持“三个区分开来”，为担当者担当、为干事者撑腰，让想干事、会干事的干部能干事、干成事。凝聚实干合力，持续深化放权赋能，"
    "推动资源要素向干得好的地方倾斜，更大力度调动各方面积极性、主动性、创造性，促进全省上下目标同向、责任同担、行动同步，共同创造高质量发展新业绩。\n\n"
    "各位代表！潮头逐浪勇击桨，无边胜景在前方。让我们更加紧密地团结在以习近平同志为核心的党中央周围，在省委正确领导下，凝心聚力、只争朝夕、"
    "真抓实干，奋力在推进中国式现代化建设中走在前列，为推进强国建设、民族复兴伟业作出广东新的更大贡献！\n\n"
    "附件1\n\n2025年省十件民生实事\n\n"
    "一、为老年人提供健康管理、医养结合服务和提升养老机构服务水平。为超2.5万名65岁及以上失能老年人免费提供健康管理、康复护理服务及指导。\n\n"
    "二、提升困难群众兜底保障和关爱服务水平。逐步缩小城乡社会救助差距。\n\n"
    "附件2 名词解释\n\n1.“岳山造林”：上世纪70年代，肇庆市怀集县针对过度砍伐问题，在岳山率先探索采育场改革。\n\n"
    "2.分线管理：货物“一线”放开、“二线”管住，人员进出高度便利。"
)


def test_glossary_is_not_the_outline():
    # the excerpt opens at （三）, so no （N） run is open: only the glossary's 1. 2. 3. could be headings
    assert find_headings(SICHUAN_2025_END) == []
    without = find_headings(
        SICHUAN_2025_END.replace("名词解释", "另外")
    )  # "另外" an unnumbered title
    assert [h.marker for h in without] == ["", "1.", "2.", "3."]
    start = back_matter_start(SICHUAN_2025_END)
    assert SICHUAN_2025_END[start:].startswith("名词解释\n\n1.六大优势产业")


def test_annex_after_the_closing_is_not_the_outline():
    # the excerpt opens at （十二）, which opens no run: only the annex's 一、 二、 could be headings
    assert find_headings(GUANGDONG_2025_END) == []
    no_annex_head = GUANGDONG_2025_END.replace("附件1\n\n2025年省十件民生实事\n\n", "")
    assert [h.marker for h in find_headings(no_annex_head)][:2] == ["一、", "二、"]
    assert GUANGDONG_2025_END[back_matter_start(GUANGDONG_2025_END) :].startswith(
        "附件1\n\n2025年省十件民生实事"
    )


def test_notes_are_back_matter():
    body = (
        "一、回顾\n\n"
        + "过去一年，经济运行稳中有进。" * 20
        + "\n\n二、任务\n\n"
        + "今年要稳中求进。" * 20
    )
    notes = "\n\n［22］新质生产力：由技术革命性突破催生。\n\n［23］金融“五篇大文章”：科技金融、绿色金融、普惠金融、养老金融、数字金融。"
    text = body + notes
    assert text[back_matter_start(text) :].startswith("［22］")
    assert structure_signature(find_headings(text)) == "11"


def test_a_report_opening_with_a_list_of_shi():
    text = (
        "各位代表：\n\n过去一年，我们做了以下工作。\n\n一是稳增长，经济回升向好。\n\n二是促改革，活力持续增强。\n\n"
        "三是惠民生，保障更加有力。\n\n一、今年的目标\n\n今年预期增长5%。\n\n二、今年的任务\n\n（一）扩大内需。要提振消费。"
    )
    assert structure_signature(find_headings(text)) == "eee11(2)"


def test_lead_sentences_are_the_outline_of_a_report_without_numbers():
    text = (
        "各位代表：\n\n现在我代表市政府报告工作。\n\n经济运行稳中有进。全年地区生产总值增长5.2%，规上工业增加值增长6%。\n\n"
        "改革开放持续深化。营商环境持续优化，新增经营主体10万户。\n\n民生保障更加有力。城镇新增就业30万人，居民收入稳步增长。\n\n"
        "扩大有效需求。实施提振消费行动，推进重大项目建设。\n\n让我们团结奋斗！"
    )
    hs = find_headings(text)
    assert [h.text for h in hs] == [
        "经济运行稳中有进。",
        "改革开放持续深化。",
        "民生保障更加有力。",
        "扩大有效需求。",
    ]
    assert {h.level for h in hs} == {"section"} and all(h.parent is None for h in hs)
    # a few first sentences in a long report are not an outline (CPC 10th congress report: no sections)
    assert find_headings(text.replace("。全年", "，全年").replace("。营商", "，营商")) == []


def test_a_page_of_bare_numerals_is_read_in_linear_time():
    """The long fuzz run's hang: 100 kB of ``\\n一\\n一\\n`` took 68 s in the spaCy pipeline (every ``一`` an open
    heading, each next number looked for down the whole stack)."""
    import time

    text = ("\n一\n一\n" * 20_000)[:100_000]
    t = time.process_time()
    heads = find_headings(text)
    assert time.process_time() - t < 5.0
    assert len(heads) == text.count("一")
    assert all(text[h.start : h.end] == h.text == "一" for h in heads)


def test_paragraphs_lines_with_carriage_returns():
    """A line's one closing \\r is cut (not a second one), blank and space-only lines are no paragraphs, an
    indented line keeps its indent (the speed-up of session 10 read these the same as before)."""
    from reportnlp.analysers.headings import _paragraphs

    t = "a\r\n\r\n \r\nb\r\r\n\u3000c\nd\r"
    spans = _paragraphs(t)
    assert [t[s:e] for s, e in spans] == ["a", "b\r", "\u3000c", "d"]
    assert _paragraphs("") == [] and _paragraphs("\n\r\n  \n") == []


def test_the_marker_first_characters_are_the_patterns() -> None:
    """``_candidates`` matches ``_MARKER`` only on a paragraph that starts with one of ``_MARKER_FIRST``: the set is
    every character the pattern can start with, read from the parsed pattern."""
    import re._parser as sre_parse

    from test_metrics import _first_chars

    from reportnlp.analysers.headings import _MARKER, _MARKER_FIRST

    assert _first_chars(list(sre_parse.parse(_MARKER.pattern))) == set(_MARKER_FIRST)
