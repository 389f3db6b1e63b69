"""The line rules' compiled form answers as the patterns they were written as."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportnlp.boilerplate import rules

ROOT = Path(__file__).resolve().parent
GWR = ROOT.parent / "corpora" / "gwr" / "government_work_reports.jsonl"


def _lines() -> list[str]:
    """Every distinct line of the labelled pages, the seeds and the State Council reports."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in ROOT.glob("cases/*/*.txt")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "fixtures" / "seeds").glob("*.txt")]
    with open(GWR, encoding="utf-8") as fh:
        texts += [json.loads(line)["content"] for line in fh]
    return sorted({ln.strip() for t in texts for ln in t.splitlines() if ln.strip()})


LINES = _lines()


@pytest.mark.parametrize("index", range(len(rules._RULES)), ids=[r[0] for r in rules._RULES])
def test_split_rule_equals_its_pattern(index):
    reason, pattern, _ = rules._RULES[index]
    whole = re.compile(pattern, re.IGNORECASE)
    _, head, rest, _ = rules._COMPILED[index]
    split = [bool((head and head(t)) or (rest and rest(t))) for t in LINES]
    assert split == [bool(whole.search(t)) for t in LINES]


def test_split_meta_line_equals_its_pattern():
    whole = re.compile(rules.META_LINE_PATTERN)
    split = [bool(rules._META_HEAD(t) or rules._META_REST(t)) for t in LINES]
    assert split == [bool(whole.search(t)) for t in LINES]


def test_top_level_alternatives():
    assert rules._top_level_alternatives(r"^a|(b|c)|[|(]x|\|y") == ["^a", "(b|c)", "[|(]x", r"\|y"]


# --- cases the second pass and the edge-only rules must leave alone ----------------------------------

_PROSE = "过去一年，我们坚持稳中求进工作总基调，全面贯彻新发展理念，经济社会发展取得新成效，人民生活持续改善。"
_PROSE2 = "今年，我们将继续深化改革、扩大开放，推动高质量发展，努力完成全年目标任务，以优异成绩向人民交账。"


def _actions(text: str) -> dict[str, str]:
    from reportnlp import clean

    return {d.text.strip(): d.action for d in clean(text).lines if d.action != "blank"}


@pytest.mark.parametrize(
    "line",
    [
        "富强 民主 文明 和谐 自由 平等 公正 法治 爱国 敬业 诚信 友善",  # spaced words: a list of values
        "Report on the Work of the Government",
        "粮食 142 万吨",  # counts without a counter's word: figures
        "同比增长 8%",
        "2023年",
    ],
)
def test_body_lists_and_figures_stay(line):
    text = f"关于2023年工作情况的汇报\n\n各位代表：\n\n{_PROSE}\n\n{line}\n\n{_PROSE2}\n"
    assert _actions(text)[line] == "keep"


def test_the_same_line_at_the_page_edge_is_furniture():
    text = f"首页 新闻 政务 服务 互动 专题\n关于2023年工作情况的汇报\n\n{_PROSE}\n\n{_PROSE2}\n\n浏览 2,318 次\n"
    actions = _actions(text)
    assert actions["首页 新闻 政务 服务 互动 专题"] == "drop" and actions["浏览 2,318 次"] == "drop"


def test_a_bare_comment_heading_opens_no_comment_zone():
    text = f"关于网络评论工作的汇报\n\n{_PROSE}\n\n评论\n\n{_PROSE2}\n\n{_PROSE}\n"
    assert _actions(text)[_PROSE2] == "keep"


def test_comments_after_an_article_are_dropped():
    comment = "希望公交线路早点开通，每天上班要倒两趟车，太不方便了。"
    text = f"标题：民生实事\n\n{_PROSE}\n\n{_PROSE2}\n\n全部评论 23\n\n望湖老李\n\n{comment}\n\n01-19 · 云岚\n"
    actions = _actions(text)
    assert (
        actions[_PROSE2] == "keep" and actions[comment] == "drop" and actions["望湖老李"] == "drop"
    )


def test_a_sign_off_above_its_date_stays():
    text = f"关于做好防汛工作的通知\n\n{_PROSE}\n\n{_PROSE2}\n\n附件：防汛值班表.docx\n\n某某县人民政府办公室\n\n2024年3月1日\n"
    assert _actions(text)["某某县人民政府办公室"] == "keep"


def test_first_chars_of_patterns():
    assert rules.first_chars(r"免责声明|版权(?:与|和)免责|(?:观点)?仅代表") == {"免", "版", "观", "仅"}
    assert rules.first_chars(r"(?:^|\s)(?:登录|注册)") is None  # \s: a category
    assert rules.first_chars(r"x*") is None  # matches the empty string
    assert rules.first_chars(r"[\u4e00-\u9fff]{2}摄") is None  # a range wider than the limit
    assert rules.first_chars(r"\b(?=a)ab|c+") == {"a", "c"}


@pytest.mark.parametrize("pattern", [r"copyright|©|all rights reserved", r"powered\s+by|技术支持[:：]"])
def test_prefilter_keeps_case_folding(pattern):
    search = rules._prefiltered_search(pattern, re.IGNORECASE)
    for line in ["COPYRIGHT 2024", "Powered  By x", "\u212aelvin", "本站技术支持：某公司", "All Rights Reserved"]:
        assert bool(search(line)) == bool(re.search(pattern, line, re.IGNORECASE)), line


def test_needed_chars_of_patterns():
    assert rules.needed_chars(r"(?:^|\s)(?:登录|注册)(?:\s|$)") == {"登", "注"}
    assert rules.needed_chars(r"(?:^|\s)[\u4e00-\u9fff]{2,5}\s*摄$") == {"摄"}
    assert rules.needed_chars(r"\d+|登录") is None  # one alternative needs no character
    assert rules.needed_chars(r"(?:新华社|[\u4e00-\u9fff]{2}通讯社)发") == {"新", "通"}


def _fixture_lines() -> set[str]:
    """The lines of the real pages in tests/fixtures, a few furniture lines and ASCII lines' case variants."""
    lines = {
        line.strip()
        for path in sorted((Path(__file__).parent / "fixtures").rglob("*"))
        if path.suffix in (".txt", ".html", ".htm", ".jsonl")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    lines |= {"请 登录 后回复", "x 注册|", "记者 张三 摄", "新华社 发", "12 queries", "北京市市长 殷勇", "来源：新华社"}
    lines |= {"POWERED BY X", "ICP备123号", "K", "ſ", "© 2024 WIKISOURCE"}
    return lines | {t.upper() for t in lines if t.isascii()}


def test_prefiltered_rules_find_what_the_plain_patterns_find():
    """Each rule's search behind its characters agrees with the plain pattern on real page lines."""
    lines = _fixture_lines()
    patterns = [(p, re.IGNORECASE) for _, p, _ in rules._RULES] + [(rules.META_LINE_PATTERN, 0)]
    found = 0
    for pattern, flags in patterns:
        rest = "|".join(a for a in rules._top_level_alternatives(pattern) if not a.startswith("^"))
        if not rest:
            continue
        fast, plain = rules._prefiltered_search(rest, flags), re.compile(rest, flags).search
        for line in lines:
            assert bool(fast(line)) == bool(plain(line)), (pattern[:30], line)
            found += bool(plain(line))
    assert found > 20
    meta_rest = "|".join(
        a for a in rules._top_level_alternatives(rules.META_LINE_PATTERN) if not a.startswith("^")
    )
    plain = re.compile(meta_rest).search
    assert all(bool(rules._META_REST(line)) == bool(plain(line)) for line in lines)


def test_the_rule_index_tries_every_rule_that_fires():
    """``line_rule`` tries only the rules whose characters a line holds: the same first rule as trying all."""
    fired = 0
    for line in sorted(_fixture_lines()):
        every = next(
            (
                reason
                for reason, head, rest, maxlen in rules._COMPILED
                if len(line) <= maxlen and ((head and head(line)) or (rest and rest(line)))
            ),
            None,
        )
        assert rules._first_rule(line) == every, line
        fired += every is not None
    assert fired > 50


@pytest.mark.parametrize(
    "line, ui",
    [("  12回复 ", True), ("| 3 · 举报", True), ("(2)收藏", True), ("12 回复群众关切", False), ("  ", False)],
)
def test_ui_line_after_leading_noise(line, ui):
    """The first word is read past separators and counts (the shortcut before the noise's removal)."""
    assert rules.is_ui_line(line) is ui
