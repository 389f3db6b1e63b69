"""Slogan detection against the seed gold, on the State Council corpus, on negatives and on any text."""

from __future__ import annotations

import os
import re

import pytest
from conftest import SEEDS, seed_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportnlp import clean
from reportnlp.analysers.slogans import KINDS, Slogan, _is_numbered, find_slogans, numbered_terms

SEED_000 = "000_61eaccc42b378d20"
SEED_001 = "001_cc577889387c504c"
SEED_004 = "004_d50d7a5837c946da"

# Pinned floors: what the finder achieves now; lower them only with a reason.
# four_char on seed 000: 57 of the 66 gold phrases among 77 distinct phrases found. The 20 false ones are
# all members of four-character 、-series that the gold leaves out: noun lists and 等-enumerations
# (红色文化、传统文化, 理论宣讲、心理疏导), the rhythm 宣传群众、引导群众、教育群众 and four two-item prose
# series (集中发布、重点宣传). No false one is a four-character window of plain prose.
# Since issue 12 idioms in running text count as slogans; the seed gold does not list one found there
# (精心设计), hence one more "false" phrase than before: 58/79.
FOUR_CHAR_RECALL_FLOOR = 57 / 66
FOUR_CHAR_PRECISION_FLOOR = 57 / 79
# The 4 gold headline pairs and two more quoted 4+4 pairs (“重视宣讲、做优宣讲”, “触手可及、点开即看”).
PAIR_PRECISION_FLOOR = 4 / 6
# numbered: 22 of 23 over the five seeds (关键少数 carries no numeral); one more found, 三下乡, is one too.
NUMBERED_RECALL_FLOOR = 22 / 23

LIU_JIN = ("进农村", "进社区", "进企业", "进机关", "进学校", "进网络")


def _clean_text(name: str) -> str:
    return clean((SEEDS / f"{name}.txt").read_bytes()).text


def _texts(kind: str, slogans: list[Slogan]) -> set[str]:
    return {s.text for s in slogans if s.kind == kind}


def _check_offsets(text: str, slogans: list[Slogan]) -> None:
    assert [s.start for s in slogans] == sorted(s.start for s in slogans)
    assert len({(s.start, s.end, s.kind) for s in slogans}) == len(slogans)
    for s in slogans:
        assert text[s.start : s.end] == s.text
        assert s.kind in KINDS
        assert all(item and item in text for item in s.expansion)
        if s.kind == "four_char":
            assert len(s.text) == 4
        elif s.kind == "parallel_pair":
            assert len(s.text) == 9 and s.text[4] == "、"
        elif not re.fullmatch(
            "[百千万]{2,3}工程", s.text
        ):  # 千万工程, 百千工程: round-number programmes
            assert s.text[0] in "一二两三四五六七八九十双第"
        if s.kind != "numbered":
            assert s.expansion == ()


# --- gold --------------------------------------------------------------------------------------------------


def test_four_char_recall_and_precision(gold):
    expected = set(gold[SEED_000]["slogans"]["four_char"])
    assert len(expected) == 66
    found = _texts("four_char", find_slogans(_clean_text(SEED_000)))
    hits = found & expected
    assert len(hits) / len(expected) >= FOUR_CHAR_RECALL_FLOOR
    assert len(hits) / len(found) >= FOUR_CHAR_PRECISION_FLOOR


def test_parallel_pairs(gold):
    expected = set(gold[SEED_000]["slogans"]["parallel_pairs"])
    assert expected == {
        "固本培元、动能充盈",
        "鼓足心气、比学赶超",
        "连点成线、集成运作",
        "随处而讲、随时可听",
    }
    slogans = find_slogans(_clean_text(SEED_000))
    pairs = _texts("parallel_pair", slogans)
    assert expected <= pairs
    assert len(pairs & expected) / len(pairs) >= PAIR_PRECISION_FLOOR
    # each pair comes with its halves as four_char slogans
    halves = _texts("four_char", slogans)
    assert all(set(pair.split("、")) <= halves for pair in pairs)


def test_numbered_recall_over_all_seeds(gold):
    total = hits = 0
    for path in seed_paths():
        expected = gold[path.stem]["slogans"]["numbered"]
        found = _texts("numbered", find_slogans(clean(path.read_bytes()).text))
        total += len(expected)
        hits += sum(term in found for term in expected)
    assert total == 23
    assert hits / total >= NUMBERED_RECALL_FLOOR


def test_liu_jin_expansion_in_seed_001():
    text = _clean_text(SEED_001)
    liu_jin = [s for s in find_slogans(text) if s.kind == "numbered" and s.text == "六进"]
    assert len(liu_jin) >= 10
    assert {s.expansion for s in liu_jin} == {LIU_JIN}
    # the text spells them out once: 思想进农村、进社区、进企业、进机关、进学校、进网络宣讲工作
    assert "、".join(LIU_JIN) + "宣讲工作" in text


def test_san_wei_expansion_in_seed_004():
    (san_wei,) = [s for s in find_slogans(_clean_text(SEED_004)) if s.text == "三微"]
    assert san_wei.expansion == ("微课堂", "微研讨", "微服务")


def test_no_gold_metric_or_date_is_numbered():
    """Seed 001 is full of metrics and dates (14场, 4月8日, 2021年, 60场, 102人): none is a slogan."""
    text = _clean_text(SEED_001)
    slogans = find_slogans(text)
    assert _texts("numbered", slogans) == {"六进", "七个一", "两微一端", "六个百进"}
    for m in re.finditer(r"\d+", text):
        assert not any(s.start <= m.start() < s.end for s in slogans)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem[:3])
def test_offsets_on_seeds(path):
    doc = clean(path.read_bytes())
    for source in (doc.text, doc.title or ""):
        _check_offsets(source, find_slogans(source))


# --- the State Council corpus ------------------------------------------------------------------------------


def test_state_council_corpus(gwr_records):
    chars = 0
    counts = dict.fromkeys(KINDS, 0)
    numbered: set[str] = set()
    pairs: set[str] = set()
    expansions: dict[str, set[tuple[str, ...]]] = {}
    for rec in gwr_records:
        text = clean(rec["content"], title=rec["title"]).text
        slogans = find_slogans(text)
        _check_offsets(text, slogans)
        chars += len(text)
        for s in slogans:
            counts[s.kind] += 1
            if s.kind == "numbered":
                numbered.add(s.text)
                if s.expansion:
                    expansions.setdefault(s.text, set()).add(s.expansion)
            elif s.kind == "parallel_pair":
                pairs.add(s.text)
    assert chars > 1_000_000
    # measured: 4638 four_char (2776 distinct), 44 parallel_pair (19), 952 numbered (138)
    assert counts["four_char"] > 3000 and counts["parallel_pair"] >= 20 and counts["numbered"] > 800
    assert {
        "一国两制",
        "三个代表",
        "一带一路",
        "十四五",
        "三严三实",
        "两个维护",
        "五位一体",
    } <= numbered
    assert {"百花齐放、百家争鸣", "不忘初心、牢记使命", "一要吃饭、二要建设"} <= pairs
    assert ("政治意识", "大局意识", "核心意识", "看齐意识") in expansions["四个意识"]
    assert ("农业", "农村", "农民") in expansions["三农"]
    # no quantity, date, ordinal or decimal (the reports write 一点四倍, 一百六十三个市, 一九七五年)
    quantity = re.compile(
        r"[一二两三四五六七八九十百千万零〇]+[年月日号天倍点次岁]|第[一二三四五六七八九十]+.?$"
    )
    assert not [t for t in numbered if quantity.match(t)]


# --- examples and negatives --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "坚持“不忘初心、牢记使命”,",
            [
                ("不忘初心、牢记使命", "parallel_pair"),
                ("不忘初心", "four_char"),
                ("牢记使命", "four_char"),
            ],
        ),
        (
            "健全完善年初定向、月度汇总、季度研判、年终盘点等系列机制",
            [
                ("年初定向", "four_char"),
                ("月度汇总", "four_char"),
                ("季度研判", "four_char"),
                ("年终盘点", "four_char"),
            ],
        ),
        ("围绕中心,服务大局,强化思想阵地", [("围绕中心", "four_char"), ("服务大局", "four_char")]),
        ("让宣讲“润物无声”", []),
        ("这是“家喻户晓”的故事", [("家喻户晓", "four_char")]),
        ("依托“三会一课”、道德讲堂等形式", [("三会一课", "numbered"), ("三会一课", "four_char")]),
        (
            "“党员远程教育学习日”、三会一课、道德讲堂等形式",
            [("三会一课", "numbered"), ("三会一课", "four_char")],
        ),
        (
            "党员冬训、三会一课、道德讲堂",
            [
                ("党员冬训", "four_char"),
                ("三会一课", "numbered"),
                ("三会一课", "four_char"),
                ("道德讲堂", "four_char"),
            ],
        ),
        ("全面落实“第一议题”学习制度", [("第一议题", "numbered")]),
        ("“十三五”期间", [("十三五", "numbered")]),
        ("十四五规划", [("十四五", "numbered")]),
        ("两学一做学习教育", [("两学一做", "numbered"), ("两学一做", "four_char")]),
        ("采取“一对一”讲解", [("一对一", "numbered")]),
        ("统筹推进“五位一体”总体布局", [("五位一体", "numbered"), ("五位一体", "four_char")]),
        ("实现“两个一百年”奋斗目标", [("两个一百年", "numbered")]),
    ],
)
def test_examples(text, expected):
    slogans = find_slogans(text)
    _check_offsets(text, slogans)
    assert [(s.text, s.kind) for s in slogans] == expected


@pytest.mark.parametrize(
    "text",
    [
        "同步开展14场宣讲活动",
        "4月8日,肇庆市启动",
        "作为我市2021年九大攻坚任务之一",
        "第一,要坚持“第一”",
        "一是抓住机遇。二是加强领导",
        "三是一些地方",
        "一九七五年,四月八日",
        "手表增长一点四倍,电视机增长",
        "设立“一百六十三个市”",
        "“五年”、“三级”、“四星”",
        "创新策划了“一刻钟宣讲”项目",
        "来自“四面八方”的客人",
        "这种“双向”形式",
        "“四川”、“九江”",
        "一步一步地走",
        "两年一次",
    ],
)
def test_not_numbered(text):
    """Metrics, dates, ordinals, decimals, counts, 一-words, numeral idioms, ordinary words, place names."""
    assert [s for s in find_slogans(text) if s.kind == "numbered"] == []


@pytest.mark.parametrize(
    "text",
    [
        "我们认为,维持现状,是可以的。",  # clauses of plain prose
        "致力形成理论宣讲的最强分贝、最大成效。",  # a noun phrase after 的
        "深化混合所有制、员工持股等试点",  # the first item would cut 混合
        "积极发展服务、旅游和信息产业。",  # items of other lengths
        "扩大国内需求,制止太阳能、风电等产业盲目扩张。",
        "大批遭到林彪、“四人帮”长期禁锢",
    ],
)
def test_not_four_char(text):
    assert [s for s in find_slogans(text) if s.kind != "numbered"] == []


def test_expansion_examples():
    def expansion(text: str, term: str) -> tuple[str, ...]:
        (s,) = [s for s in find_slogans(text) if s.kind == "numbered" and s.text == term]
        return s.expansion

    assert expansion("增强“四个意识”:增强政治意识、大局意识、核心意识、看齐意识。", "四个意识") == (
        "政治意识",
        "大局意识",
        "核心意识",
        "看齐意识",
    )
    assert expansion("用好“两微一端”:微博、微信、手机客户端等平台。", "两微一端") == (
        "微博",
        "微信",
        "手机客户端",
    )
    assert expansion("坚持“三农”:发展农业、建设农村、富裕农民。", "三农") == (
        "农业",
        "农村",
        "农民",
    )
    # a two-item list whose key sits inside its last item is not read (大众创业、万众创新 for 双创)
    assert expansion("推进“双创”,即大众创业、万众创新。", "双创") == ()
    # no list at all
    assert expansion("结合“七个一”专题学习活动", "七个一") == ()


def test_numbered_terms_lexicon():
    terms = numbered_terms()
    assert numbered_terms() is terms  # cached
    assert isinstance(terms, frozenset) and len(terms) > 100
    assert {"一国两制", "三个代表", "十四五", "三严三实", "五险一金"} <= terms
    assert all(_is_numbered(t) for t in terms)
    assert not {"第一", "五年", "一刀切", "七一"} & terms


# --- any text ----------------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "“",
        "”",
        "、",
        ",",
        "，",
        "。",
        "\n",
        "一、",
        "（二）",
        "等",
        "的",
        "固本培元",
        "动能充盈",
        "三会一课",
        "六进",
        "进农村",
        "七个一",
        "十三五",
        "第一",
        "一是",
        "14场",
        "4月8日",
        "2021年",
        "一镇一品",
        "四个意识",
        "政治意识",
        "两微一端",
        "微博",
        "客户端",
        "双",
        "一百六十三个",
    ]
)
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map("".join),
)


@settings(
    max_examples=int(os.environ.get("REPORTNLP_HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(TEXT)
def test_never_raises_and_offsets_slice(text):
    _check_offsets(text, find_slogans(text))


@pytest.mark.parametrize(
    "text, term",
    [
        # real reports (corpora/analysers-real, dev): a quoted word-like term, a rhythm that starts like a place
        ("继续发展两岸关系，推进两岸“三通”，为促进祖国和平统一", "三通"),
        ("四是做好“三河三湖”、南水北调水源及沿线", "三河三湖"),
        ("加快十大重点节能工程实施进度。", "十大重点节能工程"),
        ("持续推进美丽乡村建设，压茬推进百千工程示范村、示范片区", "百千工程"),
        ("山东体育代表团勇夺全运会“五连冠”。", "五连冠"),
    ],
)
def test_numbered_on_real_text(text, term):
    assert term in _texts("numbered", find_slogans(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # real reports (corpora/analysers-real, dev): crafted series whose last item is followed by 为/上/相
        ("坚持权利平等、机会平等、规则平等，全面落实", {"权利平等", "机会平等", "规则平等"}),
        (
            "要以保护产权、维护契约、统一市场、平等交换、公平竞争为基本导向",
            {"保护产权", "维护契约", "统一市场", "平等交换", "公平竞争"},
        ),
        ("促进大众创业、万众创新上水平。", {"大众创业", "万众创新"}),
        (
            "加快形成源头治理、动态管理、应急处置相结合的社会管理机制",
            {"源头治理", "动态管理", "应急处置"},
        ),
    ],
)
def test_series_on_real_text(text, expected):
    assert expected <= _texts("four_char", find_slogans(text))


@pytest.mark.parametrize(
    "text, not_slogans",
    [
        (
            "深化国有资本投资、运营公司等改革试点",
            {"资本投资", "运营公司"},
        ),  # head nouns: a list of terms
        (
            "双拥共建、退役军人事务、人民防空等工作迈出新步伐",
            {"军人事务", "人民防空"},
        ),  # a longer first item
        (
            "共建共治共享的社会治理制度进一步健全",
            {"共治共享", "共建共治"},
        ),  # a six-character rhythm
        ("在反腐倡廉和查处大案要案等方面发挥了重要作用", {"案要案等"}),  # 等 closes no rhythm
        ("城乡居民养老待遇水平提高62%。基本医保参保率超98%。", {"保参保率"}),  # inside a word
        (
            "创新优化防汛“1262”预警叫应、重大灾害“123”快速响应",
            {"预警叫应", "重大灾害"},
        ),  # quoted parts
        ("生产安全事故起数、死亡人数“双下降”。", {"事故起数", "死亡人数"}),
        ("执行节能减排统计监测制度，健全审计、监察体系，加大执法力度", {"健全审计", "监察体系"}),
    ],
)
def test_no_four_char_in_real_term_lists(text, not_slogans):
    assert not (not_slogans & _texts("four_char", find_slogans(text)))


@pytest.mark.parametrize(
    "text, coined",
    [
        ("推广“揭榜挂帅”等机制。", "揭榜挂帅"),  # State Council 2021
        ("深化教师“省管校用”破解县中困境。", "省管校用"),  # Yunnan 2026
        ("深入实施“深耕善治”行动计划，加快", "深耕善治"),  # Sichuan 2025
    ],
)
def test_quoted_coined_formula(text, coined):
    found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
    assert coined in found and found[coined].evidence == ("quoted", "coined")


@pytest.mark.parametrize(
    "text, not_slogans",
    [
        ("抓好两个“关键小事”，巩固", {"关键小事"}),  # a word and a noun (Beijing 2025)
        ("开辟快速通关“绿色通道”，进口", {"绿色通道"}),
        ("首发“越滇蓉欧”“中老泰马”班列。", {"越滇蓉欧", "中老泰马"}),  # names in a row
        (
            "为全国提供了“龙江样板”。",
            {"龙江样板"},
        ),  # a model named after a place (Heilongjiang 2026)
        ("引导人们自觉履行法定义务、社会责任、家庭责任。", {"法定义务", "社会责任", "家庭责任"}),
    ],
)
def test_no_coined_formula_in_quoted_names(text, not_slogans):
    assert not (not_slogans & _texts("four_char", find_slogans(text)))


@pytest.mark.parametrize(
    "text, formula",
    [
        ("黑恶势力得到有效遏制，扫黑除恶专项斗争取得阶段性成果", "扫黑除恶"),  # CPC 2022
        ("拥军优属、拥政爱民活动深入开展", "拥军优属"),  # State Council 2003
        ("“打虎”、“拍蝇”、“猎狐”多管齐下，反腐败斗争取得压倒性胜利", "多管齐下"),
    ],
)
def test_bound_formula_in_running_text(text, formula):
    """Both halves of a bound formula occur almost only inside it in the reports (``slogan_phrases.tsv``)."""
    found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
    assert formula in found and "bound" in found[formula].evidence


def test_bound_formulas_are_few_and_no_nouns():
    from reportnlp.analysers.slogans import _nouns, _phrases

    bound = {p for p, k in _phrases().items() if k == "bound"}
    assert {"扫黑除恶", "拥军优属"} <= bound and len(bound) < 50
    assert not bound & _nouns() and not any(p[0] == p[2] for p in bound)


@pytest.mark.parametrize(
    "text, formula",
    [
        ("推动经济持续回升向好，不断提高人民生活水平", "回升向好"),  # State Council 2025
        ("药品安全总体形势稳定向好。全面落实", "稳定向好"),  # Yunnan 2026
        ("举办杭州亚运会、成都大运会，我国体育健儿勇创佳绩。", "勇创佳绩"),  # State Council 2024
        (
            "落实中央经济工作会议部署，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念",
            "稳中求进",
        ),
    ],
)
def test_template_formula(text, formula):
    found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
    assert formula in found and "template" in found[formula].evidence


@pytest.mark.parametrize("text", ["推动经济向好发展", "存在诸多向好因素", "发展的向好态势"])
def test_no_template_formula(text):
    assert not _texts("four_char", find_slogans(text))


@pytest.mark.parametrize(
    "text, formula",
    [
        ("贯彻依法治国基本方略，坚持依法行政", "依法治国"),  # State Council 2003
        ("贯彻新时期军事战略方针，实施科技强军战略。", "科技强军"),
        ("降低成本；开展科教兴农，积极推广先进适用技术", "科教兴农"),  # State Council 1993
    ],
)
def test_strategy_formula(text, formula):
    found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
    assert formula in found and "template" in found[formula].evidence


@pytest.mark.parametrize(
    "text",
    ["继续加大强农惠农富农政策力度", "坚定不移推进全面从严治党", "五是加强农村饮用水工程建设"],
)
def test_no_strategy_formula(text):
    assert not {"加大强农", "从严治党", "是加强农", "加强农村"} & _texts(
        "four_char", find_slogans(text)
    )


def test_joined_pair_of_formulas():
    text = "加大就业支持力度，纵深推进大众创业万众创新。延续执行企业研发费用加计扣除"  # State Council 2021
    found = {s.text: s.evidence for s in find_slogans(text) if s.kind == "four_char"}
    # both halves are also formulas of the dev labels (slogan_formulas.tsv: dev gwr2021, this sentence)
    assert set(found.get("大众创业", ())) == {"joined_pair", "formula"}
    assert set(found.get("万众创新", ())) == {"joined_pair", "formula"}


@pytest.mark.parametrize(
    "text",
    [
        "在社会主义社会里，还存在着矛盾",
        "早解决比晚解决好。",
        "从胜利走向胜利呢？",
        "侵害老年人未成年人权益",
    ],
)
def test_no_joined_pair(text):
    assert not _texts("four_char", find_slogans(text))


def test_series_governed_by_ability():
    text = "党的自我净化、自我完善、自我革新、自我提高能力显著增强"  # CPC 2022
    assert {"自我净化", "自我完善", "自我革新", "自我提高"} <= _texts(
        "four_char", find_slogans(text)
    )
    text = "完善出口退税、出口信贷、出口信用保险等各项政策"
    assert "出口信用" not in _texts("four_char", find_slogans(text))


def test_slogans_are_the_dataclass_objects():
    """find_slogans builds each Slogan without its __init__ (speed): the objects are the dataclass's own."""
    import dataclasses

    found = find_slogans(_clean_text(SEED_000))
    assert len(found) > 10
    names = [f.name for f in dataclasses.fields(Slogan)]
    for s in found:
        made = Slogan(**vars(s))
        assert s == made and hash(s) == hash(made) and repr(s) == repr(made)
        assert list(vars(s)) == names  # the field order, which the JSON output follows
        with pytest.raises(dataclasses.FrozenInstanceError):
            s.start = 0


def test_candidate_starts_find_what_the_patterns_find():
    """Some patterns are tried only where a vectorised test of the characters' classes allows a match
    (speed): on texts dense in marks, numerals and Han characters they find exactly what finditer finds."""
    import random

    import numpy as np

    from reportnlp.analysers import slogans as sl

    def spans(pattern, text, starts):
        return [m.span() for m in pattern.finditer(text)], [
            m.span() for m in sl._scan(pattern, text, starts)
        ]

    rnd = random.Random(12)
    pieces = list("，,；。：\n、“”「」'\"第一二两三四五六七八九十双百人 \u3400\uf900x1")
    pieces += [
        "稳中求进",
        "发展改革",
        "两学一做",
        "三去一降",
        "项规定",
        "个维护",
        "手抓",
        "工程",
        "向好",
        "强国",
        "稳中",
        "万",
    ] * 6
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        where = sl._Classes(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)).where
        han4 = [sl._F_HAN] * 4
        cases = [
            (sl._CLAUSE_RUN, where(sl._F_COMMA, *han4, sl._F_STOP, end=True)),
            (sl._LONE_CLAUSE, where(sl._F_MARK, *han4, sl._F_MARK)),
            (sl._LONE_QUOTED, where(sl._F_QUOTE, *han4, sl._F_UNQUOTE)),
            (sl._NUMBERED_FREE, where(sl._F_NUM, sl._F_HAN, sl._F_NUM, sl._F_HAN)),
            (
                sl._NUMBERED_BOUNDED,
                sorted(
                    {*where(sl._F_OPEN, sl._F_COUNT), *where(sl._F_OPEN, sl._F_DI, sl._F_COUNT)}
                ),
            ),
            (
                sl._NUMBERED_FORMULA,
                sorted({*where(sl._F_NUM, sl._F_KEY), *where(sl._F_NUM, sl._F_NUM, sl._F_KEY)}),
            ),
            (sl._HUNDREDS_FORMULA, where(sl._F_ROUND, sl._F_ROUND)),
            (sl._TEMPLATE, where(sl._F_TEMPLATE, sl._F_TEMPLATE_END)),
        ]
        for pattern, starts in cases:
            expected, got = spans(pattern, text, starts)
            assert got == expected, (pattern.pattern, text)
        # the shortcuts find_slogans takes: the same starts as the tests above; a lone unit's every start is a match
        classes = sl._Classes(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))
        assert classes.where_optional(sl._F_OPEN, sl._F_DI, sl._F_COUNT) == cases[4][1]
        assert classes.where_optional(sl._F_NUM, sl._F_NUM, sl._F_KEY) == cases[5][1]
        assert classes.around_four(sl._F_COMMA, sl._F_STOP, end=True).tolist() == cases[0][1]
        for pattern, (first, last) in (
            (sl._LONE_CLAUSE, (sl._F_MARK, sl._F_MARK)),
            (sl._LONE_QUOTED, (sl._F_QUOTE, sl._F_UNQUOTE)),
        ):
            starts = classes.around_four(first, last).tolist()
            assert starts == [m.start() for m in pattern.finditer(text)], (pattern.pattern, text)


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # fourth pass (corpora/analysers-real, dev cpc1982; State Council 1985 and 1988): four-character clauses
        # after a longer clause that open with the same verb, and a crafted series after 的 that holds a formula
        (
            "尤其是他们中间的共产党员，一定要统一认识，统一步调，以便组织起有战斗力的思想工作的宏大队伍。",
            {"统一认识", "统一步调"},
            set(),
        ),
        (
            "这就是国内各民族之间以至全体人民内部的团结一致、友爱互助、共同奋斗、共同前进的关系。",
            {"团结一致", "友爱互助", "共同奋斗", "共同前进"},
            set(),
        ),
        # after the modal 要 or the copula 是 (dev gwr2001, gwr1993)
        (
            "“十五”期间要突出重点，搞好开局，着重加强基础设施和生态环境建设。",
            {"突出重点", "搞好开局"},
            set(),
        ),
        ("这是顺乎潮流，合乎国情，深得民心的。", {"顺乎潮流", "合乎国情"}, set()),
        # a noun phrase cut by the modal rule stays out (State Council 2003)
        ("加强政府自身建设特别是政风建设，十分重要。", set(), {"政风建设", "十分重要"}),
        # a series that lists projects (等…工程/项目) is a list of terms (State Council 2016, dev gwr2001)
        (
            "启动工业强基、绿色制造、高端装备等重大工程，",
            set(),
            {"工业强基", "绿色制造", "高端装备"},
        ),
        (
            "要集中力量建设西气东输、西电东送、青藏铁路等一批具有战略意义的重大项目。",
            set(),
            {"青藏铁路"},
        ),
        # not a parallel of clauses: a shared tail, or a degree word at the head (State Council 1959 and 1960)
        (
            "在运输邮电方面，商业方面，文化教育事业方面，都取得了很大成绩。",
            set(),
            {"邮电方面", "商业方面"},
        ),
        ("各项增产措施，内容更为丰富，更为完整。", set(), {"更为丰富", "更为完整"}),
        # a series of noun phrases after 的 with no formula among them stays out
        (
            "努力做好社会的最强分贝、最大成效、最佳状态。",
            set(),
            {"最强分贝", "最大成效", "最佳状态"},
        ),
    ],
)
def test_clause_tails_and_series_after_de(text, expected, not_expected):
    found = _texts("four_char", find_slogans(text))
    assert expected <= found
    assert not (not_expected & found)


# Fifth slogan pass (issue 12): the formulas the adjudicated dev labels mark in running text
# (reportnlp/data/slogan_formulas.tsv) are slogans wherever they recur in running text, not as items of a 、 list.
@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # dev cpc1987: the formula labelled in gwr1993 too
        ("第五，必须以安定团结为前提，努力建设民主政治。", {"安定团结"}, set()),
        # dev gwr1993 (adjudicated: a formula pair joined by 和)
        (
            "这样，我们就能够最广泛地把全国各族人民和海外爱国同胞团结起来，实现国家富强和民族振兴。",
            {"国家富强", "民族振兴"},
            set(),
        ),
        # State Council 2011: 依法行政 (dev gwr2003, gwr2025, prov2026_yn) in running text
        (
            "五年来，我们不断深化行政管理体制改革，加快转变政府职能，全面完成了新一轮政府机构改革，深入推进"
            "依法行政，建设法治政府和服务型政府，推进政务公开，加强行政问责，坚持不懈地开展反腐败斗争，"
            "政府自身建设取得积极进展。",
            {"依法行政"},
            set(),
        ),
        # State Council 1983: 乡规民约 (dev cpc1982) as an item of a list of terms stays out
        (
            "要加强居民委员会、村民委员会及其治保、调解组织的建设，进一步推动群众制订街道居民公约、乡规民约和"
            "工作守则等活动，充分发挥人民群众当家作主的积极性，自觉维护社会治安，遵守公共道德。",
            set(),
            {"乡规民约"},
        ),
        # Sixth slogan pass (dev gwr2017, gwr2007): 减税降费, 就业优先, 爬坡过坎 in other State Council reports (2021,
        # 2012, 2015); 优化结构, labelled in gwr2007 mostly as a series item, is no formula in running text (2015)
        (
            "实施阶段性大规模减税降费，与制度性安排相结合，全年为市场主体减负超过2.6万亿元。",
            {"减税降费"},
            set(),
        ),
        (
            "今年就业压力仍然很大，各级政府务必坚持就业优先战略，继续实施更加积极的就业政策。",
            {"就业优先"},
            set(),
        ),
        (
            "同时，我国经济发展进入新常态，正处在爬坡过坎的关口，体制机制弊端和结构性矛盾是“拦路虎”。",
            {"爬坡过坎"},
            set(),
        ),
        (
            "高投入、高消耗、偏重数量扩张的发展方式已经难以为继，必须推动经济在稳定增长中优化结构。",
            {"难以为继"},
            {"优化结构"},
        ),
    ],
)
def test_dev_formulas_in_running_text(text, expected, not_expected):
    found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
    assert expected <= set(found)
    assert all("formula" in found[w].evidence or "idiom" in found[w].evidence for w in expected)
    assert not (not_expected & set(found))


def test_formula_table_matches_the_labels():
    """slogan_formulas.tsv is what build_slogan_formulas.py makes of the current dev labels (rebuild it when
    the labels change)."""
    import sys
    from importlib import resources
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "reportnlp" / "data"))
    from build_slogan_formulas import formulas

    table = resources.files("reportnlp.data").joinpath("slogan_formulas.tsv")
    shipped = table.read_text(encoding="utf-8")
    rows = [line.split("\t") for line in shipped.splitlines() if line and not line.startswith("#")]
    assert {r[0]: (r[2].split(","), int(r[3])) for r in rows} == formulas()
    assert "安定团结" in formulas()
    assert (
        "协调发展" not in formulas()
    )  # labelled as a series item only, a noun in running text elsewhere
    # twice a series item in gwr2007, its running use labelled by the rule that labels every occurrence
    assert "优化结构" not in formulas()


def test_formula_table_never_reads_a_held_out_excerpt():
    """The table's held-out excerpts are every held-out part of bench/eval_analysers.py (heldout8 included)."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "reportnlp" / "data"))
    sys.path.insert(0, str(root / "bench"))
    from build_slogan_formulas import HELD_OUT
    from eval_analysers import (
        HELDOUT3_REPORTS,
        HELDOUT4_REPORTS,
        HELDOUT5_REPORTS,
        HELDOUT6_REPORTS,
        HELDOUT7_REPORTS,
        HELDOUT8_REPORTS,
        HELDOUT_REPORTS,
        NEW_HELDOUT_REPORTS,
    )

    assert HELD_OUT == (
        HELDOUT_REPORTS
        | NEW_HELDOUT_REPORTS
        | HELDOUT3_REPORTS
        | HELDOUT4_REPORTS
        | HELDOUT5_REPORTS
        | HELDOUT6_REPORTS
        | HELDOUT7_REPORTS
        | HELDOUT8_REPORTS
    )
    # and the corpus counts leave out the State Council report of every slogan held-out part but heldout2's
    # (documented as counted, as heldout3's, a metrics part): a new part's source must be added to HELD_OUT_SOURCES
    from build_slogan_formulas import HELD_OUT_SOURCES

    for doc in (
        HELDOUT_REPORTS | HELDOUT4_REPORTS | HELDOUT5_REPORTS | HELDOUT6_REPORTS | HELDOUT7_REPORTS
    ):
        if doc.startswith("gwr"):
            assert f"{doc[3:]}年" in HELD_OUT_SOURCES, doc
    assert "第十次全国代表大会" in HELD_OUT_SOURCES  # cpc1973, heldout7


def test_series_next_to_characters_above_the_basic_plane():
    """A character above the basic plane (𠀀, CJK extension B) has no class (the class table is read clipped):
    the series beside it is found as without it, its offsets one further (one str character each)."""
    plain = [(s.start, s.text, s.kind) for s in find_slogans("简政放权、放管结合、优化服务")]
    wide = [(s.start, s.text, s.kind) for s in find_slogans("𠀀简政放权、放管结合、优化服务𠀀")]
    assert plain == [
        (0, "简政放权", "four_char"),
        (5, "放管结合", "four_char"),
        (10, "优化服务", "four_char"),
    ]
    assert wide == [(start + 1, text, kind) for start, text, kind in plain]


# Seventh slogan pass: productive formulas of a verb and two results of it (做大做强, 做强做大) and 应X尽X (应保尽保,
# 应收尽收), in State Council reports (2025, 2006, 2024, 2014); six characters (做强做优做大, 2022) hold none.
@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "推动科技创新和产业创新融合发展，大力推进新型工业化，做大做强先进制造业，积极发展现代服务业，"
            "促进新动能积厚成势、传统动能焕新升级。",
            {"做大做强"},
            set(),
        ),
        ("三要做强做大装备制造业。", {"做强做大"}, set()),
        (
            "加强民生兜底保障和遇困群众救助，努力做到应保尽保、应助尽助。",
            {"应保尽保", "应助尽助"},
            set(),
        ),
        (
            "同时，要依法加强税收征管和非税收入管理，严厉打击偷骗税行为，做到应收尽收。",
            {"应收尽收"},
            set(),
        ),
        (
            "深入实施国企改革三年行动，做强做优做大国有资本和国有企业。",
            set(),
            {"做强做优", "做优做大"},
        ),
    ],
)
def test_result_pair_and_due_templates(text, expected, not_expected):
    found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
    assert expected <= set(found)
    assert all("template" in found[w].evidence for w in expected)
    assert not (not_expected & set(found))


def test_formula_not_cut_from_a_six_character_rhythm():
    """用心用情 (a formula of the dev labels, docx_beijing) is none inside 用心用情用力 (dev prov2026_jl, labelled
    there as no slogan); alone it still is."""
    inside = find_slogans("（六）坚持民生为大，用心用情用力增进人民福祉。")
    assert "用心用情" not in {s.text for s in inside}
    alone = find_slogans("六是用心用情办好民生实事。")
    assert "用心用情" in {s.text for s in alone if s.kind == "four_char"}


@pytest.mark.parametrize(
    "text",
    [
        # Chongqing 2026 (dev prov2026_cq): brands of places
        "农产品加工业产值与农业总产值之比提高到2.81∶1，涪陵榨菜、奉节脐橙、巫山脆李、潼南柠檬等品牌价值居全国"
        "同品类前列。",
        # Jilin 2026 (not in the set): projects named by company and place
        "推进中核汇能通榆、华电榆树、天楹辽源等5个百亿级绿色氢基能源一体化项目建设。",
    ],
)
def test_series_of_places_products_is_no_series_of_slogans(text):
    assert not [s for s in find_slogans(text) if s.kind == "four_char"]


def test_new_dev_formulas_in_other_reports():
    """Formulas the seventh pass's dev labels add to the table (gwr2016, gwr2012), in State Council reports of
    other years (2023 left out: a held-out source)."""
    for text, word in (
        ("多措并举稳定外贸。", "多措并举"),
        ("依法打击制售假冒伪劣商品等违法行为，让严重违法者付出付不起的代价。", "假冒伪劣"),
        ("推动建设开放型世界经济，让更多合作共赢成果惠及各国人民。", "合作共赢"),
    ):
        found = {s.text: s for s in find_slogans(text) if s.kind == "four_char"}
        assert word in found and "formula" in found[word].evidence, word


@pytest.mark.parametrize(
    "text",
    [
        # State Council 2025 and 2014 (as in test_result_pair_and_due_templates) and 2024 (应保尽保、应助尽助)
        "推动科技创新和产业创新融合发展，大力推进新型工业化，做大做强先进制造业，积极发展现代服务业，"
        "促进新动能积厚成势、传统动能焕新升级。",
        "同时，要依法加强税收征管和非税收入管理，严厉打击偷骗税行为，做到应收尽收。",
        "加强民生兜底保障和遇困群众救助，努力做到应保尽保、应助尽助。",
    ],
)
def test_a_template_at_the_texts_start_is_found_as_inside_it(text):
    """Review (session 11): the six-character check read ``text[i - 2 : i - 1]``, at ``i == 0`` the whole text but
    its last character, so a template or formula opening the text (a paragraph, a record, a sentence) was never
    found (``做大做强先进制造业。``: nothing)."""
    for s in find_slogans(text):
        if s.kind == "four_char" and "template" in s.evidence:
            rest = text[s.start :]
            assert (0, s.text) in {(t.start, t.text) for t in find_slogans(rest)}, s.text


def test_a_list_of_terms_of_any_length_gives_no_series_slogans():
    """The 2026 Beijing report's thanks (tests/fixtures/real_inputs/gov_BJ.html): ``政区同胞`` was cut out of
    ``澳门特别行政区同胞`` and reported with 台湾同胞 and 海外侨胞 as a crafted series; the list's earlier items
    are longer, so it is a list of terms. A conjunction or 的 before a series does not count as such an item."""
    text = (
        "向所有关心支持首都建设的香港特别行政区同胞、澳门特别行政区同胞、台湾同胞、海外侨胞和国际友人，"
        "表示衷心的感谢！"
    )
    assert find_slogans(text) == []
    # CPC 1982 (corpora/gwr): the series after 内部的 is found as before
    kept = "以至全体人民内部的团结一致、友爱互助、共同奋斗、共同前进的关系。"
    assert [s.text for s in find_slogans(kept)] == ["团结一致", "友爱互助", "共同奋斗", "共同前进"]


def test_names_of_companies_and_of_delegates_are_no_series():
    """The 2026 Beijing report (tests/fixtures/real_inputs/gov_BJ.html): two central enterprises before
    ``等一批中央企业`` and the roles ``人大代表、政协委员`` were reported as crafted series."""
    text = (
        "服务保障中国中化、中国华能等一批中央企业迁入雄安。"
        "向全市人民，向全体人大代表、政协委员，向各民主党派表示衷心的感谢！"
    )
    assert find_slogans(text) == []


# Eighth slogan pass (issue 12): two rules from the shape of the text, each checked on the reports outside the
# held-out sources (bench/slogan_diff.py).
@pytest.mark.parametrize(
    "text",
    [
        # State Council 2022: goals named after the country
        "坚决防范和打击各类违法犯罪，建设更高水平的平安中国、法治中国。",
        # Chongqing and Fujian 2026 (dev prov2026_cq; not in the set): fields and brands of the province
        "民营经济增加值占比达到61.6%。信用重庆、财税金融等重点领域改革持续深化，",
        "提高政府治理效能，更高水平建设法治福建、平安福建、诚信福建，加快推进省域治理体系和治理能力现代化，",
        # Shanxi 2026 (dev prov2026_sx): a quoted campaign named after the province
        "开展群众文化惠民系列活动，推进“书香山西”建设。",
    ],
)
def test_brands_and_fields_of_a_place_are_no_slogans(text):
    """Four characters that end with a province's name (or 中国) name a brand, field or goal of the place, a term:
    a series holding one is a list of terms, a quoted one no coined formula."""
    assert not [s for s in find_slogans(text) if s.kind == "four_char"]


def test_county_names_inside_formulas_do_not_make_a_brand():
    """Only the provinces' names count: 兴业 and 惠民 are counties too, and 以文兴业, 以文惠民 stay slogans (Tianjin
    2026)."""
    text = "六是坚持以文化人、以文惠民、以文润城、以文兴业，推动文化传承发展。"
    assert {"以文化人", "以文惠民", "以文润城", "以文兴业"} <= _texts(
        "four_char", find_slogans(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # State Council 2015 and 2004: a run of four-character clauses whose first is the object of 坚持
        (
            "坚持分类指导，因地施策，落实地方政府主体责任，支持居民自住和改善性住房需求，",
            {"分类指导", "因地施策"},
        ),
        (
            "要继续实施市场多元化战略，坚持科技兴贸，以质取胜，优化出口商品结构，",
            {"科技兴贸", "以质取胜"},
        ),
        # dev gwr2002: 坚持打防结合，预防为主 (missed before)
        ("坚持打防结合，预防为主，全面落实综合治理的各项措施，", {"打防结合", "预防为主"}),
    ],
)
def test_clause_runs_after_a_leading_verb(text, expected):
    assert expected <= _texts("four_char", find_slogans(text))


def test_a_clause_run_after_another_verb_in_chi_keeps_its_first_clause_out():
    """Only 坚持 and (有)利于 lead a run: after 支持 the first four characters are still a longer clause's tail."""
    found = _texts(
        "four_char", find_slogans("支持打防结合，预防为主，全面落实综合治理的各项措施，")
    )
    assert "打防结合" not in found


@pytest.mark.parametrize(
    "text",
    [
        # State Council 2015 and Tianjin 2026 (dev prov2026_tj): business formats and facilities listed before 等
        "互联网金融异军突起，电子商务、物流快递等新业态快速成长，",
        "推进城市生命线安全工程，加强地下管网、综合管廊等市政设施智能监管，",
        # Shanxi 2026 (dev prov2026_sx): a group of people
        "加强对独居老人、失能失智等困难群体的关爱帮扶，",
    ],
)
def test_a_series_before_a_category_of_things_is_a_list_of_terms(text):
    assert not {"电子商务", "物流快递", "地下管网", "综合管廊", "独居老人"} & _texts(
        "four_char", find_slogans(text)
    )


def test_a_series_before_policies_keeps_its_crafted_items():
    """等政策 is no category of things: the State Council 2003 report's flood policies stay slogans."""
    text = "在长江流域实行平垸行洪、退田还湖、移民建镇等政策，恢复水面2900平方公里。"
    assert {"平垸行洪", "退田还湖", "移民建镇"} <= _texts("four_char", find_slogans(text))


@pytest.mark.parametrize(
    "text",
    [
        # State Council 1964 (dev gwr1964, the summary's reported speech) and 1987
        "周总理说，五年多来，我国人民打退了帝国主义、各国反动派和现代修正主义掀起的一次又一次的反华高潮。",
        "一般来说，小型企业可以推行承包、租赁责任制。",
    ],
)
def test_a_speaker_or_a_span_of_time_opens_no_clause_run(text):
    """``周总理说``, ``一般来说``, ``五年多来``: frames of the discourse, not slogans."""
    assert not _texts("four_char", find_slogans(text))


def test_a_numbered_formula_naming_a_country_is_no_brand():
    """State Council 1964 (corpora/gwr): ``“一个中国、一个台湾”`` stays a quoted parallel pair."""
    text = "力图阻挠恢复中国在联合国的合法权利和制造“两个中国”或“一个中国、一个台湾”的阴谋。"
    assert "一个中国、一个台湾" in _texts("parallel_pair", find_slogans(text))


def test_item_fast_path_gives_the_rules_answer_on_real_text():
    """``_item_ok`` passes an item holding none of the characters its tests read without running them: on every
    four-character window of the real report excerpts (corpora/analysers-real) it answers as the full tests."""
    from pathlib import Path

    from reportnlp.analysers.slogans import _ITEM_SUSPECT, _item_ok, _item_rules

    root = Path(__file__).resolve().parent.parent / "corpora" / "analysers-real" / "reports"
    windows = {
        text[i : i + 4]
        for path in sorted(root.glob("*.txt"))
        for text in [path.read_text(encoding="utf-8")]
        for i in range(len(text) - 3)
    }
    assert len(windows) > 10_000
    assert [w for w in windows if _item_ok(w) != _item_rules(w)] == []
    fast = [w for w in windows if _ITEM_SUSPECT(w) is None]
    assert len(fast) > len(windows) // 4  # the fast path is taken
    assert any(not _item_rules(w) for w in windows)  # and the rules refuse some


# --- ninth slogan pass (slog11): noun terms of the idiom lists, formulas of the widened dev labels ----------------


def test_noun_terms_of_the_idiom_lists_are_no_slogans():
    """无产阶级 and 统一战线 are fixed expressions of the idiom lists used as nouns (jieba tags them ``l``, their heads
    阶级 and 战线 close four and more nouns of the reports): no slogan; the idioms of the same lines are.
    Real lines: corpora/analysers-real/reports/cpc1969.txt (the CPC report of 1969, dev9) and gwr1978.txt (dev7)."""
    line = "坚持独立自主、自力更生的方针，坚持无产阶级国际主义，前仆后继，英勇奋斗，才使党从最初只有几十个成员的共产主义小组"
    found = {s.text for s in find_slogans(line) if s.kind == "four_char"}
    assert "无产阶级" not in found
    assert {"独立自主", "自力更生", "前仆后继"} <= found
    line = "加强全国各族人民的大团结，发展革命的统一战线，把各方面的积极因素都调动起来"
    assert "统一战线" not in {s.text for s in find_slogans(line)}
    # an idiom tagged i by jieba with a productive noun head stays a slogan
    assert "千方百计" in {s.text for s in find_slogans("要千方百计增加生产，")}


def test_noun_idiom_table_matches_its_build():
    """slogan_noun_idioms.tsv is what build_noun_idioms.py makes of jieba's dictionary and the phrase table."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reportnlp" / "data"))
    from build_noun_idioms import DATA, build

    shipped = [
        tuple(line.split("\t"))
        for line in (DATA / "slogan_noun_idioms.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    built = [(w, h, str(n)) for w, h, n in build()]
    assert shipped == built
    assert {"无产阶级", "统一战线"} <= {w for w, _, _ in built}


def test_formulas_of_the_ninth_pass_labels():
    """The formula table rebuilt with the ninth pass's dev labels: 扩容提质 and 成长成才 in running text (real line:
    corpora/analysers-real/reports/prov2026_bj.txt, Beijing's 2026 report, dev9), not as a 、 item."""
    line = "促进商品消费扩容提质，优化“两新”政策实施。扩大职业本科院校招生规模，拓展职普融通学生成长成才通道。"
    found = {s.text for s in find_slogans(line) if s.kind == "four_char"}
    assert {"扩容提质", "成长成才"} <= found


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # Beijing 2026 (dev prov2026_bj): fields and platforms listed before 等
        ("围绕脑机接口、高温超导等领域建设一批新型研究创新平台，", {"脑机接口", "高温超导"}),
        ("提升概念验证、中试孵化等平台服务能力，", {"概念验证", "中试孵化"}),
        # Tibet 2026 (dev prov2026_xz): kinds of consumption
        ("扩大餐饮住宿、家政服务、避暑旅居等服务消费。", {"餐饮住宿", "家政服务", "避暑旅居"}),
        # State Council 1975 (dev gwr1975): wrong thoughts
        (
            "要深入批判修正主义，批判资本主义倾向，批判洋奴哲学、爬行主义、铺张浪费等错误思想和作风。",
            {"洋奴哲学", "爬行主义"},
        ),
    ],
)
def test_a_series_before_fields_platforms_consumption_or_thought_is_a_list_of_terms(text, terms):
    """Ninth slogan pass: 等领域, 等平台, 等…消费, 等…思想 close a list of terms; an idiom among the items
    (铺张浪费) is still found in running text."""
    found = _texts("four_char", find_slogans(text))
    assert not terms & found
    if "铺张浪费" in text:
        assert "铺张浪费" in found


@pytest.mark.parametrize(
    "text",
    [
        # State Council 1975 (dev gwr1975) and the CPC report of 2022 (dev cpc2022)
        "国家要独立，民族要解放，人民要革命，已成为不可抗拒的历史潮流。",
        "中华民族伟大复兴进入了不可逆转的历史进程。",
    ],
)
def test_a_modal_negation_and_its_verb_is_no_slogan(text):
    """Ninth slogan pass: 不可 and a verb (不可抗拒, 不可逆转) is a free collocation of the idiom lists in running
    text; an idiom beside it stays one."""
    found = _texts("four_char", find_slogans(text))
    assert not {w for w in found if w.startswith("不可")}
    assert "坚定不移" in _texts("four_char", find_slogans("我们要坚定不移推进改革，" + text))


def test_a_numbered_window_that_ends_inside_a_word_is_none():
    """Ninth slogan pass: 开一备三强度 (Beijing 2026, dev prov2026_bj) is no 一备三强 (强度 is a word), nor 举一反三做好
    一反三做; 两学一做 before a word that its last character does not open stays one."""
    assert not find_slogans("扎实做好项目储备，保持开一备三强度。")
    found = {
        (s.text, s.kind)
        for s in find_slogans("抓好巡视、审计等反馈问题整改，举一反三做好各项工作。")
    }
    assert found == {("举一反三", "four_char")}  # the idiom, not 一反三做
    assert ("两学一做", "numbered") in {
        (s.text, s.kind) for s in find_slogans("推进两学一做学习教育常态化")
    }


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # State Council 2007 (dev gwr2007): the fields of the people's complaints
        (
            "食品药品安全、医疗服务、教育收费、居民住房、收入分配、社会治安、安全生产等方面还存在群众不满意的问题，",
            {"医疗服务", "教育收费", "居民住房", "收入分配", "社会治安", "安全生产"},
        ),
        # Shanxi 2026 (dev prov2026_sx): policies listed before 等
        ("落实育儿补贴、个税抵扣、生育保险等政策，发展普惠托育、医育结合服务，", {"育儿补贴", "个税抵扣", "生育保险"}),
    ],
)
def test_a_series_of_noun_compounds_before_deng_is_a_list_of_terms(text, terms):
    """Tenth slogan pass: a 、 series before 等 whose items are two in three noun compounds by jieba's tags lists
    examples of a kind, not crafted items."""
    assert not terms & _texts("four_char", find_slogans(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # State Council 2003 (tests above): verb-object items before 等政策
        ("在长江流域实行平垸行洪、退田还湖、移民建镇等政策，恢复水面2900平方公里。", {"平垸行洪", "退田还湖", "移民建镇"}),
        # State Council 1993 (dev gwr1993): idioms before 等…行为
        ("少数公职人员贪污受贿、徇私舞弊等腐败行为，损害了政府同人民群众的密切联系。", {"贪污受贿", "徇私舞弊"}),
    ],
)
def test_a_series_of_other_items_keeps_them(text, kept):
    """The noun-compound test reads jieba's tags of both halves: verb-object items and idioms before 等 are kept."""
    assert kept <= _texts("four_char", find_slogans(text))


def test_word_tags_match_their_build():
    """slogan_word_tags.txt.gz is what build_slogan_word_tags.py makes of jieba's dictionary."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reportnlp" / "data"))
    from build_slogan_word_tags import OUT, build

    assert OUT.read_bytes() == build()
    from reportnlp.analysers.slogans import _noun_compound

    assert _noun_compound("育儿补贴") and not _noun_compound("退田还湖")


@pytest.mark.parametrize(
    "text",
    [
        # State Council 2016 (dev gwr2016): 超排偷排者, 者 ends the noun
        "新修订的环境保护法必须严格执行，对超排偷排者必须依法严厉打击，对姑息纵容者必须依法严肃追究。",
        # Heilongjiang 2026 (corpora/structure/provincial_reports.jsonl, 2026-HL): a list's 等 before its category
        "推动深哈产业园等园区优化布局、提质增效。",
        # State Council 2010 (corpora/gwr): 保障性住房's suffix 性 before the next word
        "二是继续支持居民自住性住房消费。",
    ],
)
def test_a_rhythm_window_across_a_suffix_or_a_lists_deng_is_none(text):
    """Tenth slogan pass: no ABAC rhythm with 等 or 性 inside or 者 at its end (排偷排者, 园等园区, 住性住房); a
    real rhythm beside them stays one (提质增效 is found by the formula table)."""
    found = _texts("four_char", find_slogans(text))
    assert not {"排偷排者", "园等园区", "住性住房"} & found
    assert "先行先试" in _texts("four_char", find_slogans("支持自贸试验区先行先试。" + text))


def test_a_quoted_x_zhi_y_is_a_name_not_a_coined_formula():
    """Tenth slogan pass: “成渝之星” (a city's 2023 report, dev10 local_govr_27) is a noun phrase, X's Y; a coined
    formula beside it stays one (“揭榜挂帅”)."""
    line = "围绕加速升腾“成渝之星”部署,全力以赴拼经济搞建设"
    assert "成渝之星" not in _texts("four_char", find_slogans(line))
    assert "揭榜挂帅" in _texts("four_char", find_slogans("深入推行“揭榜挂帅”。" + line))


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # Jilin 2026 (dev prov2026_jl): three systems, counted
        ("科学确定碳排放峰值，构建碳达峰足迹管控、降碳路径、支撑保障3个体系。", {"足迹管控", "降碳路径", "支撑保障"}),
        # Beijing 2026 (dev prov2026_bj): measures, counted after 等
        ("实施住房保障、创业服务等十条支持措施，", {"住房保障", "创业服务"}),
    ],
)
def test_a_series_followed_by_a_count_names_things(text, terms):
    """Tenth slogan pass: a count after a series (3个体系, 等十条…措施) makes its items named things of a kind."""
    assert not terms & _texts("four_char", find_slogans(text))
