"""Placeholder (template mask) detection against the seed gold, and its silence on the State Council corpus."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from reportnlp import clean
from reportnlp.analysers import Placeholder, find_placeholders
from reportnlp.analysers.placeholders import TYPES

SEEDS_WITH_MASKS = ("000_61eaccc42b378d20", "002_17ed8b2d14d05a44", "003_bd26fd21e8274dde")
# Pinned floors: what the detector achieves now (all 1.0 on 145 gold masks); lower them only with a reason.
PRECISION_FLOOR = 1.0
RECALL_FLOOR = 1.0
TYPE_ACCURACY_FLOOR = 1.0
MAX_PER_100K = 1.0  # measured: 0 detections in ~1.1M characters of clean State Council text


def _norm(s: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s))


def _detections(doc) -> list[tuple[Placeholder, str, str]]:
    """Masks in the clean text and the title (seed 003's title ``某市人大办202x年度…`` carries two gold masks)."""
    found = []
    for source in (doc.title or "", doc.text):
        for p in find_placeholders(source):
            assert source[p.start : p.end] == p.text
            found.append(
                (p, _norm(source[max(0, p.start - 3) : p.start]), _norm(source[p.end : p.end + 3]))
            )
    return found


def _context_score(gold_left: str, gold_right: str, left: str, right: str) -> int:
    return sum(a == b for a, b in zip(gold_left[::-1], left[::-1])) + sum(
        a == b for a, b in zip(gold_right, right)
    )


def _match(
    gold: list[dict], found: list[tuple[Placeholder, str, str]]
) -> list[tuple[dict, Placeholder | None]]:
    """One-to-one: each gold mask takes the unmatched detection with its surface and the best 3+3 context agreement.

    The gold context is taken from the raw line (its punctuation and mojibake may differ), so a pair needs only
    two agreeing context characters (or all there are, at a line start).
    """
    used: set[int] = set()
    pairs = []
    for g in gold:
        g_left, g_right = _norm(g["left"]), _norm(g["right"])
        best, best_score = None, -1
        for i, (p, left, right) in enumerate(found):
            if i in used or p.text != g["surface"]:
                continue
            score = _context_score(g_left, g_right, left, right)
            if score > best_score:
                best, best_score = i, score
        if best is not None and best_score >= min(2, len(g_left) + len(g_right)):
            used.add(best)
            pairs.append((g, found[best][0]))
        else:
            pairs.append((g, None))
    return pairs


def _scores(gold_doc: dict) -> tuple[int, int, int, int]:
    """(gold, detected, matched, matched with the right type) for one seed."""
    doc = clean((SEEDS / f"{gold_doc['doc']}.txt").read_bytes())
    found = _detections(doc)
    pairs = _match(gold_doc.get("placeholders", []), found)
    matched = [(g, p) for g, p in pairs if p is not None]
    return len(pairs), len(found), len(matched), sum(g["type"] == p.type for g, p in matched)


@pytest.mark.parametrize("doc_id", SEEDS_WITH_MASKS)
def test_seed_precision_recall_types(gold, doc_id):
    n_gold, n_found, n_match, n_typed = _scores(gold[doc_id])
    assert n_gold > 0
    assert n_match / max(n_found, 1) >= PRECISION_FLOOR
    assert n_match / n_gold >= RECALL_FLOOR
    assert n_typed / max(n_match, 1) >= TYPE_ACCURACY_FLOOR


def test_overall_scores(gold):
    totals = [sum(x) for x in zip(*(_scores(gold[d]) for d in gold))]
    n_gold, n_found, n_match, n_typed = totals
    assert n_gold == 145
    assert n_match / n_found >= PRECISION_FLOOR
    assert n_match / n_gold >= RECALL_FLOOR
    assert n_typed / n_match >= TYPE_ACCURACY_FLOOR


@pytest.mark.parametrize("doc_id", ["001_cc577889387c504c", "004_d50d7a5837c946da"])
def test_seeds_without_masks(doc_id):
    doc = clean((SEEDS / f"{doc_id}.txt").read_bytes())
    assert find_placeholders(doc.text) == []


def test_state_council_corpus_is_quiet(gwr_records):
    chars = hits = 0
    for rec in gwr_records:
        text = clean(rec["content"], title=rec["title"]).text
        found = find_placeholders(text)
        assert all(text[p.start : p.end] == p.text for p in found)
        chars += len(text)
        hits += len(found)
    assert chars > 1_000_000
    assert hits / chars * 100_000 <= MAX_PER_100K


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("***总书记指出", [("***", "redaction")]),
        ("贯彻***新时代中国特色社会主义思想", [("***", "redaction")]),
        ("开展宣讲×××个", [("×××", "number")]),
        ("覆盖率达xx%。", [("xx", "number")]),
        ("今年x到x月,积极", [("x到x", "number")]),
        ("优选×-×个特色点", [("×-×", "number")]),
        ("做好“×+×”的文章", [("×+×", "number")]),
        ("党的XX大精神", [("XX", "number")]),
        ("现将202x年工作", [("202x", "year")]),
        ("获xxxx年全国", [("xxxx", "year")]),
        ("××××年至今", [("××××", "year")]),
        ("开展xxxx—xxxx年度评选", [("xxxx—xxxx", "year")]),
        ("多年来,××市在", [("××", "name")]),
        ("以来,xx镇紧紧", [("xx", "name")]),
        ("省“志愿××”小程序", [("××", "name")]),
        ("委党校、x日报等", [("x", "name")]),
        ("某市人大办", [("某", "name")]),
    ],
)
def test_examples(text, expected):
    found = find_placeholders(text)
    assert [(p.text, p.type) for p in found] == expected
    assert all(text[p.start : p.end] == p.text and p.type in TYPES for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "某些地方",
        "某种程度上",
        "某个方面",
        "用melody软件",
        "Excel表格",
        "2×2矩阵",
        "xiāng村",
        "分享\nX\n",
        "X光检查",
    ],
)
def test_not_masks(text):
    assert find_placeholders(text) == []


@settings(max_examples=int(os.environ.get("REPORTNLP_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "x",
                "X",
                "×",
                "*",
                "＊",
                "某",
                "市",
                "年",
                "20",
                "202",
                "2",
                "-",
                "到",
                "a",
                "，",
                "“",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_trigger_scan_equals_a_full_regex_scan(text):
    """The fast scan (jump between trigger characters) finds exactly what a plain finditer finds."""
    from reportnlp.analysers.placeholders import _PATTERN, _matches

    assert [m.span() for m in _matches(text)] == [m.span() for m in _PATTERN.finditer(text)]


def test_blind_mask_set():
    """tests/cases/masks_blind: 12 reports masked as template sites mask them, written blind.

    First, untuned run: precision 0.907, recall 0.847, type accuracy 0.941 (the held-out figure). After one
    round of generic fixes (masked decimals, full-width Ｘ, more units and organisation suffixes, Latin-word
    and quoted-letter traps): 1.000 / 0.996 / 1.000; floors pinned just below.
    """
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_placeholders import score

    s = score(Path(__file__).resolve().parent / "cases" / "masks_blind", verbose=False)
    assert s["gold"] == 242
    assert s["precision"] >= 0.99 and s["recall"] >= 0.99 and s["type_accuracy"] >= 0.99


def test_second_blind_mask_set():
    """tests/cases/masks_blind2: 10 more reports in other genres, written blind after the fixes above.

    Its one run is the held-out figure for the current detector: precision 0.996, recall 0.991, type
    accuracy 0.974 on 231 masks. Not tuned on; the floors are those figures, rounded down.
    """
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_placeholders import score

    s = score(Path(__file__).resolve().parent / "cases" / "masks_blind2", verbose=False)
    assert s["gold"] == 231
    assert s["precision"] >= 0.995 and s["recall"] >= 0.99 and s["type_accuracy"] >= 0.97


def _types(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.type) for p in find_placeholders(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # real template pages (corpora/analysers-real/pages/d01, d02, p22 of the dev part)
        ("今天召开20**年全镇工作会议", [("20**", "year")]),
        ("隆重召开*镇**年两个文明建设总结表彰大会", [("*", "name"), ("**", "year")]),
        ("总结**年工作成绩,表彰奖励", [("**", "year")]),
        ("县政府将*镇作为*年度全县“功能区”", [("*", "name"), ("*", "year")]),
        ("剛剛過去的XX年是北留智鎮經濟社會", [("XX", "year")]),
        # a count of years stays a number
        ("从事教育工作XX年,始终坚持", [("XX", "number")]),
        ("近xx年来,全镇上下", [("xx", "number")]),
        ("据村史所载,X村已有X余年历史", [("X", "name"), ("X", "number")]),
    ],
)
def test_short_mask_before_nian_is_a_year_unless_a_span(text, expected):
    assert _types(text) == expected


def test_letter_censoring_dang_is_a_redaction():
    """镇X委 (d01, a real template page): one letter hides 党; XX委 and 第X组 stay a name and a number."""
    text = "经镇X委、政府研究决定,今天召开全镇工作会议。一是镇X委书记胡凤洲同志代表X委、政府对全镇去年的工作进行总结"
    assert [p.type for p in find_placeholders(text)] == ["redaction"] * 3
    assert _types("XX委员会") == [("XX", "name")]
    assert _types("分成第X组开展") == [("X", "number")]


def test_mou_with_a_masked_letter_is_one_name():
    """某X县政府工作报告 (d05, a real template page): 某 and the letter are one masked name."""
    assert _types("某X县政府工作报告") == [("某X", "name")]


def test_long_mask_without_suffix_is_a_censored_phrase():
    """d17 (a real template page): eight letters before 的 hide a phrase; with a suffix or a unit they stay a
    name or a number."""
    text = "必将开启加快建设xxxxxxxx的现代化xxx的新征程。推进xx县与xxxxx合作的项目,收入xxxxx元"
    assert _types(text) == [
        ("xxxxxxxx", "redaction"),
        ("xxx", "name"),
        ("xx", "name"),
        ("xxxxx", "name"),
        ("xxxxx", "number"),
    ]


def test_masked_measures_with_spaces_are_numbers():
    """d20 (a real yearbook template): ``总面积 XX 平方千米``, ``XX 公顷``, ``XX‰``, ``XX 度``, ``XX 毫升``."""
    text = "总面积 XX 平方千米,耕地面积 XX 公顷,人口自然增长率 XX‰,年平均气温 XX 度,年均降水量 XX 毫升,与 XX 县相邻"
    assert [p.type for p in find_placeholders(text)] == ["number"] * 5 + ["name"]


def test_traditional_suffixes_make_a_name():
    """d22 (a real traditional-script template page): ``**縣**集團``, ``**鄉``, ``**市海關``."""
    text = "畢業後被分配到**縣**集團做化驗員,xx年到**縣**鄉任鄉長"
    assert [p.type for p in find_placeholders(text)] == ["name", "name", "year", "name", "name"]


def test_traditional_units_and_masked_percent_lists():
    """d24, d27 (real template pages): ``x億元``, ``x萬畝``, ``增長x%、x%和x%``, ``xxxx斤``."""
    text = "實現地區生產總值x億元,同比增長x%,其中一、二、三產增加值分別同比增長x%、x%和x%。總播面積x萬畝"
    assert [p.type for p in find_placeholders(text)] == ["number"] * 6
    assert _types("小麦平均亩产达xxxx斤以上") == [("xxxx", "number")]


def test_stars_closing_a_quoted_name():
    """d28 (a real template page): ``拿下“渤海湾**”项目``; a closing quote after stars ends a quoted name."""
    assert _types("我们顺利拿下“渤海湾**”项目,被评为“****单位”。") == [
        ("**", "name"),
        ("****", "redaction"),
    ]


def test_family_village_is_a_name():
    """d09 (a real research report template): ``故称X家桥村``; ``X家企业`` stays a count."""
    assert _types("后迁移南高地(现址),故称X家桥村,后称X村。") == [("X", "name"), ("X", "name")]
    assert _types("全镇新增规模以上X家企业") == [("X", "number")]


@pytest.mark.parametrize(
    "text",
    [
        # the 2026 provincial reports of Fujian, Hunan, Shanghai, Shanxi, Yunnan and Sichuan (corpora/structure)
        "加快数字福建建设峰会，深入实施“数据要素×”和“人工智能+”行动。",
        "推进“数据要素×”行动，高标准建设国家数据",
        "深入实施“数据要素×”行动，加强公共数据开发利用。",
        "实施“人工智能+”“数据要素×”行动，加快产业数字化转型。",
        "加速“人工智能+”“数据要素×”融合，培育数字经济园中园。",
        "不断壮大“4×4”现代化产业体系，",
        "实施数据要素×三年行动",  # the national plan's name, unquoted
    ],
)
def test_times_operator_of_a_formula_is_no_mask(text):
    """``数据要素×`` (the national "data elements ×" action plan): a lone × after a word that closes its quote or
    names an action is an operator, like the + of ``人工智能+``, not a masked name."""
    assert find_placeholders(text) == []


def test_lone_times_masks_stay_masks():
    """The same × is a mask where it stands for a name or a number: after a surname, quoted alone, before a unit."""
    assert _types("张×同志、王×、李×等") == [("×", "name"), ("×", "name"), ("×", "name")]
    assert _types("省“志愿×”小程序") == [("×", "name")]  # a template name (“志愿××”) with one ×
    assert _types("做好“×+×”的文章,“××”行动,建设×个中心") == [
        ("×+×", "number"),
        ("××", "name"),
        ("×", "number"),
    ]


def test_provincial_reports_have_no_false_masks():
    """The 22 real provincial reports (17 of 2026 from the provinces' portals, five from .docx and GitHub) are
    unmasked: no mask at all (measured: 0 in 439,591 characters; 6 before “数据要素×” was read as an operator)."""
    import json

    root = Path(__file__).resolve().parent.parent / "corpora" / "structure"
    chars = 0
    with open(root / "provincial_reports.jsonl", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            assert find_placeholders(rec["text"]) == [], rec["id"]
            chars += len(rec["text"])
    assert chars > 400_000


def test_a_star_before_the_congress_hides_the_party():
    """A template page's word filter (``贯彻*的十七大``, a koomao.com page a new user read, session 11) hides 党
    before 的 and a congress's number: a redaction, not a name; a name before 的 stays a name."""
    assert [(p.text, p.type) for p in find_placeholders("认真贯彻*的十七大精神，")] == [("*", "redaction")]
    assert [p.type for p in find_placeholders("学习**的十八届三中全会精神")] == ["redaction"]
    assert [p.type for p in find_placeholders("**的讲话很重要")] == ["name"]
