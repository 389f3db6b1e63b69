"""Leak detection: the seeds' masked places are found, nothing is claimed without masks or evidence."""

from __future__ import annotations

import os

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportnlp import clean
from reportnlp.analysers.leaks import LEVELS, Candidate, Giveaway, Leak, giveaways, leaks
from reportnlp.analysers.placeholders import find_placeholders


@pytest.fixture(scope="module")
def seeds() -> dict:
    return {p.name[:3]: clean(p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))}


def _by_suffix(doc, found: list[Leak]) -> dict[str, list[Leak]]:
    out: dict[str, list[Leak]] = {}
    for leak in found:
        source = doc.title if leak.source == "title" else doc.text
        out.setdefault(source[leak.mask.end], []).append(leak)
    return out


def test_seed_000_masked_city_is_longkou(seeds):
    doc = seeds["000"]
    found = _by_suffix(doc, leaks(doc))
    assert len(found["市"]) == 3  # 多年来,××市 / 与××市 / ××市既成为
    for leak in found["市"]:
        best = leak.candidates[0]
        assert (best.place, best.level, leak.level) == ("龙口市", "county", "county")
        assert best.path == ("山东省", "烟台市", "龙口市")
        assert {e.text for e in best.evidence} == {"黄山馆镇", "东江街道"}
        assert best.score > 0.9
    (province,) = found["省"]
    assert province.candidates[0].place == "山东省"
    assert province.level == "province"


def test_seed_003_masked_city_in_title_is_hancheng(seeds):
    doc = seeds["003"]
    (leak,) = leaks(doc)
    assert leak.source == "title" and doc.title[leak.mask.start : leak.mask.end] == "某"
    top = leak.candidates[0]
    assert (top.place, top.path) == ("韩城市", ("陕西省", "渭南市", "韩城市"))
    assert all(e.text == "韩城" for e in top.evidence) and len(top.evidence) == 2
    # one short form, named twice: a lead, not a certainty; the prefecture above it trails far behind
    assert 0.4 < top.score < 0.9
    assert all(c.score < top.score / 5 for c in leak.candidates[1:])


def test_seed_002_masked_town_is_hudai_with_hierarchy(seeds):
    doc = seeds["002"]
    found = _by_suffix(doc, leaks(doc))
    assert len(found["镇"]) == 2
    for leak in found["镇"]:
        best = leak.candidates[0]
        assert best.place == "胡埭镇" and best.level == "township" and leak.level == "township"
        assert best.path == ("江苏省", "无锡市", "滨湖区", "胡埭镇")
        texts = [e.text for e in best.evidence]
        assert "滨湖" in texts and "胡" in texts and "埭" in texts  # short form + split-name pun
        assert best.score > 0.9
    assert found["省"][0].candidates[0].place == "江苏省"
    assert "村" not in found  # xx村: the gazetteer has no villages
    assert "乡" not in found  # xx乡村振兴 is no township


def test_text_argument_and_title_keyword(seeds):
    doc = seeds["003"]
    assert leaks(doc.text) == []  # the only place mask is in the title
    (leak,) = leaks(doc.text, title=doc.title)
    assert leak.candidates[0].place == "韩城市"
    doc0 = seeds["000"]
    assert leaks(doc0.text, find_placeholders(doc0.text)) == leaks(doc0)
    assert leaks(doc0.text, []) == []


def test_evidence_offsets_slice_the_text(seeds):
    for doc in seeds.values():
        for leak in leaks(doc):
            source = doc.title if leak.source == "title" else doc.text
            assert source[leak.mask.start : leak.mask.end] == leak.mask.text
            assert leak.level in LEVELS
            scores = [c.score for c in leak.candidates]
            assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
            for c in leak.candidates:
                assert c.level in LEVELS and c.path[-1] == c.place
                assert all(doc.text[e.start : e.end] == e.text for e in c.evidence)
        for g in giveaways(doc):
            assert doc.text[g.start : g.end] == g.text


@pytest.mark.parametrize("stem", ["001", "004"])
def test_no_leaks_without_masks(seeds, stem):
    doc = seeds[stem]  # they name 肇庆市, 高要区, 东岳观镇… but mask nothing
    assert leaks(doc) == [] and giveaways(doc) == []


def test_state_council_reports_claim_no_leak(gwr_records):
    for rec in gwr_records:
        doc = clean(rec["content"], title=rec["title"])
        assert leaks(doc) == []


def test_named_place_without_a_mask_or_mask_without_a_place():
    assert leaks("全市在佛堂镇、稠城街道开展宣讲") == []
    assert leaks("××市认真开展宣讲, 取得实效") == []
    assert leaks("××融媒在佛堂镇发布") == []  # a mask without an administrative suffix
    assert leaks("推动××市场在佛堂镇发展") == []


def test_agreeing_evidence_is_confident_and_climbs_to_the_masked_level():
    (leak,) = leaks("××市在佛堂镇、稠城街道开展宣讲")
    best = leak.candidates[0]
    assert (best.place, best.level, best.path[1]) == ("义乌市", "county", "金华市")
    assert best.score > 0.9
    (county,) = leaks("××市的佛堂镇")  # one township alone: a lead, weaker
    assert county.candidates[0].place == "义乌市" and county.candidates[0].score < best.score
    (province,) = leaks("××省在佛堂镇、稠城街道开展宣讲")
    assert province.candidates[0].place == "浙江省"
    # evidence spread over several county-level cities of one prefecture points at the prefecture
    (city,) = leaks("××市下辖龙口市、莱阳市、莱州市等县级市")
    assert (city.level, city.candidates[0].place) == ("prefecture", "烟台市")
    assert city.candidates[0].score > 0.9


def test_ambiguous_evidence_gives_a_low_score():
    # 城关镇 names well over a hundred townships: no county-level city stands out
    for leak in leaks("××市在城关镇开展宣讲"):
        assert leak.candidates[0].score < 0.2
    # many unrelated places: none of them is the masked city with any confidence
    text = "××市组织干部赴长沙、成都、杭州、南京、西宁、昆明、兰州、福州考察学习"
    (leak,) = leaks(text)
    assert len(leak.candidates) >= 3
    assert leak.candidates[0].score < 0.3


def test_split_name_pun_needs_a_named_county():
    (leak,) = leaks("xx镇在义乌开展守“佛”护“堂”志愿活动")
    best = leak.candidates[0]
    assert best.place == "佛堂镇" and best.path[-2] == "义乌市"
    assert [e.text for e in best.evidence] == ["义乌", "佛", "堂"]
    # no county named: the quotes alone say nothing
    assert leaks("xx镇开展守“佛”护“堂”志愿活动") == []


def test_giveaways_on_seeds(seeds):
    kinds = {g.text: g.kind for g in giveaways(seeds["000"])}
    people = {t for t, k in kinds.items() if k == "person"}
    assert {"韩思惠", "曲绍安", "张铁鹰", "孟志义", "吕慧"} <= people
    assert kinds.get("习语润心") == "brand"
    kinds = {g.text: g.kind for g in giveaways(seeds["002"])}
    assert kinds.get("秦杰") == "person" and kinds.get("吴维良") == "person"
    assert kinds.get("锡康码") == "app"
    assert kinds.get("码上听书") == "account"
    assert kinds.get("滨湖最美悦读") == "brand"
    kinds = {g.text: g.kind for g in giveaways(seeds["003"])}
    assert kinds.get("韩城人大") == "account"


def test_giveaways_rules():
    text = "××市宣讲员李华为大家讲课,王明书记出席。开通“义乌发布”微信公众号,推广“杭康码”,打造“义乌最美书屋”品牌"
    got = [(g.text, g.kind) for g in giveaways(text)]
    assert got == [
        ("李华", "person"),
        ("王明", "person"),
        ("义乌发布", "account"),
        ("杭康码", "app"),
        ("义乌最美书屋", "brand"),
    ]
    assert all(isinstance(g, Giveaway) for g in giveaways(text))
    assert giveaways(text.replace("××市", "全市")) == []  # nothing is masked: nothing to give away
    # masked already; a national leader before 总书记
    assert giveaways("××市开通“××发布”微信公众号,习近平总书记指出") == []


PIECES = st.sampled_from(
    [
        "××市",
        "某市",
        "xx镇",
        "××省",
        "x省",
        "××县",
        "某区",
        "xx街道",
        "xx乡村",
        "××",
        "佛堂镇",
        "稠城街道",
        "城关镇",
        "义乌",
        "长沙",
        "和县",
        "沿海城市",
        "“佛”",
        "“堂”",
        "“义乌发布”微信公众号",
        "王明书记",
        "、",
        "，",
        "。",
        "“",
        "”",
        "\n\n",
        "宣讲",
        "开展",
    ]
)
TEXT = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join),
)
SETTINGS = settings(
    max_examples=int(os.environ.get("REPORTNLP_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(TEXT, st.one_of(st.none(), TEXT))
def test_leaks_never_raise_and_offsets_are_valid(text, title):
    for leak in leaks(text, title=title):
        assert isinstance(leak, Leak) and leak.candidates
        assert all(isinstance(c, Candidate) and 0 < c.score <= 1 for c in leak.candidates)
        for c in leak.candidates:
            assert all(text[e.start : e.end] == e.text for e in c.evidence)
    for g in giveaways(text):
        assert text[g.start : g.end] == g.text
