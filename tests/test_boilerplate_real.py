"""The clean stage on real labelled pages (``corpora/real-pages``, copied from the labels branch).

Floors are the dev split's figures when they were pinned, rounded down (``python bench/eval_boilerplate.py
--pages corpora/real-pages/pages --labels corpora/real-pages/labels.jsonl --split dev``); lower one only with a
reason. The held-out split is never run here. The behaviour tests read real pages of the dev split.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reportnlp import clean

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real-pages"
PAGES = REAL / "pages"
sys.path.insert(0, str(ROOT / "bench"))

# kind (None: every dev row), floors of: content recall, boilerplate F1, title accuracy, metadata fields
# The metadata floors of all rows and of news were pinned on 121 dev pages (0.94, 0.96); the 16 dev ``h_*`` pages
# added since (14 further sites, labelled after the rules were written; bylines inside the body, English dates)
# brought them to 271/302 and 198/217 (news F1 0.993) before any work on them, 278/302 and 204/217 now: re-pinned.
# The 21 other-web held-out pages moved to dev after their first run was recorded (README) brought every-row
# titles and fields from 119/137 and 278/302 to 133/158 and 282/315 (0.84, 0.895): re-pinned there.
# The 13 gov3 dev pages (report texts, report-task notices, session news; PROVENANCE.md) came with a two-line
# headline on a county paper's page (wnews_28: ``县政府召开座谈会`` / ``征求社会各界对…的意见``, labelled before the
# code ran; the code takes the second line): news titles 81/82, re-pinned at 0.98.
# Session 6 (tests/test_boilerplate_gov4.py), on the 180 dev rows: titles 160 -> 170, fields 318 -> 333 of 345,
# news titles 88/88 (wnews_28's headline over two lines) and fields 227/231: re-pinned.
# Session 7 (tests/test_boilerplate_gov5.py): 19 gov5 dev pages added (report texts on 范文/文库/journal sites,
# session news), labelled before the code ran; the 180 earlier rows keep their figures (one content line more), the
# 199 rows give titles 187/199 and fields 343/355: the one title missed is govr_16's, a journal search page whose
# item title (``政府工作报告——2008年1月25日在…会议上``) stands below its abstract; gov_report titles 21/22: re-pinned.
# wnews_51 (labelled before the code ran): a photo's caption of a place (``五缘湾片区``) above the text is taken
# for its headline: news titles 98/99, re-pinned at 0.98.
# Session 8 (tests/test_boilerplate_gov6.py): 33 gov6 dev pages added (pages chosen for their metadata), labelled
# before the code ran; the 200 earlier rows keep their figures page by page; the 233 rows give titles 221/233 and
# fields 381/393, news titles 122/123 and fields 269/273: re-pinned.
# Session 9 (tests/test_boilerplate_gov7.py): 23 gov7 dev pages added in three batches (report texts, session news),
# each labelled before the code ran (at the round's start code: titles 17/23, fields 22/26, F1 0.829); the 233
# earlier rows keep their figures page by page (one boilerplate line more found); the 256 rows give titles 244/256,
# fields 407/419, gov_report titles 26/27 and fields 52/52, news titles 139/140 and fields 291/295 (floors unchanged).
# Session 9, second check of the gov7 labels (audit7, PROVENANCE.md): six `site` fields added on dev pages that
# name themselves (govn_20, govr_20, govr_25, wnews_87, wnews_96, wnews_99) and wnews_104's title moved from its
# kicker to the headline, by the guide; no code changed. Re-pinned to the corrected labels: all titles 243/256,
# fields 408/425; gov_report fields 52/54; news titles 138/140, fields 292/298.
# Session 10 (tests/test_boilerplate_gov8.py): 13 dev7 pages added (report texts, resolutions, session news),
# labelled before the code ran (at the round's start code: titles 11/13, fields 9/18, F1 0.825); the 269 rows give
# titles 256/269 -> 258/269, fields 417/443 -> 430/443 after the round's fixes; gov_report titles 27/29 -> 28/29
# (govr_29's headline, printed again on the document's first page under its page number, now read; govr_16 as
# before), fields 52/55 -> 55/55; news titles 147/150 -> 148/150, fields 301/315 -> 311/315 (floors unchanged).
# Session 11 (tests/test_boilerplate_gov9.py): 12 dev8 pages added (report texts, session news), labelled before the
# code ran (at the round's start code: titles 9/12, fields 11/15, F1 0.829, recall 0.922); the 281 rows give titles
# 267/281 -> 269/281, fields 441/458 -> 444/458 after the round's fixes; gov_report titles 30/33 -> 32/33, fields
# 58/58, recall 1.000; news titles 155/158 (0.981), fields 319/327 -> 322/327, recall 0.994 (wnews_146's lead broken
# into short poster lines under the headline is lost as navigation): the news floors for recall and titles re-pinned
# to the new pages (0.995 -> 0.993, 0.985 -> 0.98).
# Session 12 (tests/test_boilerplate_gov10.py): 12 dev9 pages added (report texts, a drafting note, session news),
# labelled before the code ran (at the round's start code: titles 10/12, fields 8/12, F1 0.895, recall 0.959); the
# 293 rows give titles 279/293 -> 281/293, fields 452/470 -> 457/470 (one of them wnews_138's author, now scored as
# the same names however separated); gov_report titles 33/35 -> 34/35, fields 59/59, recall 0.998 -> 1.000 (floors
# unchanged).
# Session 12, round 12 (tests/test_boilerplate_gov11.py): 12 dev10 pages added (two report texts, a speech, session
# news), labelled before the code ran (at the round's start code: titles 9/12, fields 7/9, F1 0.706, recall 1.000);
# the 305 rows give titles 290/305 -> 292/305, fields 464/479 -> 466/479; news titles 170/176 -> 172/176 (0.977:
# wnews_168's first line, a sentence over two photo captions, is no title the rules can see), so the news title
# floor is re-pinned to the new pages (0.98 -> 0.975).
FLOORS = [
    (None, 0.99, 0.99, 0.945, 0.955),
    ("gov_report", 1.0, 0.995, 0.95, 0.96),
    ("news", 0.993, 0.993, 0.975, 0.975),
]


@pytest.fixture(scope="module")
def dev_rows() -> list[dict]:
    with open(REAL / "labels.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if r.get("split", "dev") == "dev"]


@pytest.mark.parametrize("kind, recall, f1, titles, fields", FLOORS, ids=lambda v: str(v))
def test_real_dev_floors(kind, recall, f1, titles, fields):
    from eval_boilerplate import score_set

    _, overall = score_set(PAGES, REAL / "labels.jsonl", split="dev", kind=kind)
    assert overall["pages"] >= 10
    assert overall["content_recall"] >= recall, overall
    assert overall["boilerplate_f1"] >= f1, overall
    assert overall["title_accuracy"] >= titles, overall
    assert overall["meta_field_accuracy"] >= fields, overall


def test_general_web_pages_dev(dev_rows):
    """Pages that are neither report pages nor the 网易 news set, pooled (blogs, forums, 文库, notices …)."""
    from eval_boilerplate import load_labels, pool, score_page

    scores = []
    for row in load_labels(REAL / "labels.jsonl"):
        if row.get("split") == "dev" and row.get("kind") not in ("gov_report", "news"):
            scores.append(score_page(PAGES / f"{row['doc']}.txt", row))
    overall = pool(scores)
    assert overall["pages"] >= 30
    assert overall["content_recall"] >= 0.96, overall
    assert overall["boilerplate_f1"] >= 0.88, overall


def _clean(doc: str):
    return clean((PAGES / f"{doc}.txt").read_bytes(), id=doc)


def test_report_title_speaker_and_dates():
    # JL: the headline is the browser title (written by a script); the dateline carries the speaker
    doc = _clean("gov_JL")
    assert doc.lines[0].action == "title"
    assert doc.meta["author"] == "胡玉亭"
    assert doc.meta["date"] == "2026-01-30"  # ``2026-01-30来源：``, not the speech's 2026-01-27
    assert doc.meta["site"] == "吉林省人民政府门户网站"
    # SD: ``时间：2026-03-26 08:30`` is the date, not a counter; the dateline broken over two lines is text
    doc = _clean("gov_SD")
    assert doc.meta["date"] == "2026-03-26"
    assert doc.meta["author"] == "周乃翔"
    assert doc.title == "政府工作报告"
    by_line = {d.line: d for d in doc.lines}
    assert by_line[9].action == by_line[10].action == "keep"
    assert doc.meta["speech_date"] == "2026-01-27"


def test_chinese_numeral_dateline_and_caption():
    doc = _clean("gov_YN")  # ``——二〇二六年一月二十八日`` / ``在云南省第十四届…会议上``
    by_line = {d.line: d for d in doc.lines}
    assert by_line[14].action == by_line[15].action == "keep"
    assert doc.meta["speech_date"] == "2026-01-28"
    doc = _clean("gov_HN")  # a photo caption under the headline is dropped, never the title
    caption = next(d for d in doc.lines if d.text.endswith("摄"))
    assert caption.action == "drop" and caption.reason == "photo_caption"
    assert "摄" not in (doc.title or "")


def test_official_document_fields():
    doc = _clean("govn_08")
    assert doc.meta["doc_number"] == "京政办发〔2016〕26号"
    assert doc.meta["issuer"] == "北京市人民政府办公厅"  # the sign-off
    assert doc.meta["written_date"] == "2016-05-28"
    doc = _clean("govn_01")  # labels with their value on the next line
    assert doc.meta["doc_number"] == "镇政发〔2024〕7号"


def test_browser_title_is_evidence_not_title():
    doc = _clean("news_02")
    assert doc.title == "埃洛普离职：微软卧底成弃儿？"
    assert doc.lines[0].action == "drop"
    assert doc.meta["site"] == "网易财经"
    assert doc.meta["author"] == "maomaobear"  # ``maomaobear 2015-06-19 11:20:11 0人参与评论``


def test_repeated_article_dropped_after_first_copy():
    """A page holding its article twice (a mobile copy after 关闭窗口) keeps the first copy only."""
    head = (PAGES / "gov_BJ.txt").read_text(encoding="utf-8").split("\n")
    body = [t for t in head if len(t) > 60][:3]
    page = "\n".join(["2026年政府工作报告_北京市人民政府门户网站", "2026年政府工作报告", *body,
                      "关闭窗口", "2026年政府工作报告", *body, "版权所有：北京市人民政府"])  # fmt: skip
    doc = clean(page)
    second = [d for d in doc.lines if d.line >= len(body) + 4 and d.text in body]
    assert len(second) == len(body)
    assert all(d.action == "drop" and d.reason == "repeated_block" for d in second)
    assert doc.text.count(body[0]) == 1


def test_repeated_copy_laid_out_with_other_spaces_dropped():
    body = [
        "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员提出意见。",
        "一、2025年工作回顾",
    ]
    copy = [b.replace("，", "， ").replace("一、", "一、 ") for b in body]
    doc = clean("\n".join(["政府工作报告", *body, "关闭窗口", *copy, "版权所有：某省人民政府"]))
    assert [d.reason for d in doc.lines[4:6]] == ["repeated_block", "repeated_block"]


def test_reply_threads_and_glued_menus_dropped():
    from reportnlp.boilerplate.rules import line_rule

    assert line_rule("# re: 关于年终总结的写法 2024-01-05 12:30 小王") == "reply_thread"
    assert line_rule("【云岚】01-05 12:30 235字 [1/3]") == "reply_thread"
    assert line_rule("由 老郑 张贴 @ 2024-01-05 10:00") == "reply_thread"
    assert line_rule("政策原文政务服务新闻发布会政策解读媒体解读") is not None
    assert line_rule("各位代表：") is None


@pytest.mark.parametrize("doc", ["gov_BJ", "gov_JL", "news_02", "govn_08", "forum_05", "wk_11"])
def test_idempotent_on_real_pages(doc):
    first = _clean(doc)
    assert clean(first.text).text == first.text


def test_every_dropped_line_has_a_readable_reason(dev_rows):
    for row in dev_rows[:40]:
        doc = _clean(row["doc"])
        for d in doc.lines:
            if d.action in ("drop", "meta"):
                assert d.reason and d.reason != "body", d
                assert not d.reason.startswith("model"), d  # no learned model ships


def test_idempotent_on_all_real_dev_pages(dev_rows):
    bad = []
    for row in dev_rows:
        first = _clean(row["doc"])
        if clean(first.text).text != first.text:
            bad.append(row["doc"])
    assert not bad


def test_page_header_handle_date_and_related_lists():
    # 百家号: the handle above ``发布时间：18-03-0823:16`` is the author; ``作者最新文章`` heads a related list
    doc = _clean("h_baijiahao_3")
    assert doc.meta["author"] == "体育教科书"
    assert doc.meta["date"] == "2018-03-08"
    assert "作者最新文章" not in doc.text and "08-3112:57" not in doc.text
    assert clean(doc.text).text == doc.text  # it was not idempotent while the list stayed
    # 搜狐: a date alone in the header is the page's date
    assert _clean("h_sohu").meta["date"] == "2009-11-09"
    # ``来源于：`` is a source field
    assert _clean("h_zsnews").meta["source"] == "东区办事处"


def test_subtitle_and_cut_off_clause_are_not_furniture():
    by_line = {d.line: d for d in _clean("wk_11").lines}
    assert by_line[2].action == "keep"  # ——基于浙江省嵊州市乡镇治理创新实践
    by_line = {d.line: d for d in _clean("forum_02").lines}
    assert by_line[15].action == "keep"  # a quoted post cut off by the page, no full stop


def test_document_broken_into_fragments_is_text():
    # wk_12: a 文库 page's PDF text, one word or number a line (``XX`` / ``镇`` / ``2023`` / ``年政府工作报告``);
    # it lost 75 of its 118 lines as navigation, page numbers and furniture islands
    doc = _clean("wk_12")
    dropped = [d.text.strip() for d in doc.lines if d.action == "drop"]
    assert dropped == ["1.", "2.", "3"], dropped  # list and page numbers after a full stop or a heading
    assert "XX镇2023年政府工作报告" in doc.text and "茶叶产量达800斤" in doc.text
    assert clean(doc.text).text == doc.text


def test_wenku_and_paywall_notices_dropped():
    from reportnlp.boilerplate.rules import line_rule

    for line in (
        "……(新文秘网https://www.wm114.cn省略854字,正式会员可完整阅读)",  # tpl_03
        "……(未完,全文共6831字,当前仅显示2399字,请阅读下面提示信息。",
        "- 3、如文档侵犯您的权益,请联系客服反馈,我们会尽快为您处理(人工客服工作时间:9:00-18:30)。",  # wk_15
        "说明:文章内容仅供预览,部分内容可能不全。下载后的文档,内容与下面显示的完全一致。",  # wk_09
        "共 9926字,需浏览 20分钟",  # blog_09
        "關鍵詞 企業學習;職業能力開發;技術技能人才",  # wk_06
        "中圖分類號 G712 文獻標識碼 A 文章編號 1008-3219(2015)31-0015-06",
        "收藏《述职报告的写作》)",
    ):
        assert line_rule(line) is not None, line
    assert line_rule("报告共分三个部分:一、2024年工作回顾;二、2025年工作安排;三、全面加强政府自身建设。") is None


def test_title_printed_above_the_notices_is_the_first_copy():
    # wk_15: the document's name, three 文库 notices, the name again, the text: the headline is line 1
    by_line = {d.line: d for d in _clean("wk_15").lines}
    assert by_line[1].action == "title"
    assert (by_line[5].action, by_line[5].reason) == ("drop", "repeated_title")
    # a news page's browser-title line above its menus stays a browser title (h_baijiahao_1: headline on line 4)
    assert _clean("h_baijiahao_1").lines[3].action == "title"


def test_headline_with_an_office_and_login_furniture_titles():
    from reportnlp.boilerplate.rules import is_meta_line, line_rule

    # tpl_21: ``区长在代表会上工作汇报`` is a headline, not a speaker line (an office and a 2-4 character name)
    assert not is_meta_line("区长在代表会上工作汇报")
    assert is_meta_line("北京市市长 殷勇") and is_meta_line("自治区主席艾尔肯·吐尼亚孜")
    by_line = {d.line: d for d in _clean("tpl_21").lines}
    assert by_line[3].action == "title"
    assert line_rule("快捷搜索:论文 合同 演讲 心得") is not None  # tpl_21's search box
    assert line_rule("找回密码") is not None  # forum_06's login bar, once its title
    assert _clean("gov_BJ").meta["author"] == "殷勇"


def test_plain_text_report_first_line_is_the_title():
    """A text file's usual shape (title, then paragraphs, no blank lines): the first lines of the real 2025
    Beijing report (tests/fixtures/real_inputs/2025_beijing_report.docx). The title was kept as body and
    joined to ``各位代表：`` as one broken paragraph."""
    raw = (
        "2025年北京市政府工作报告\n各位代表：\n"
        "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。\n"
        "一、2024年工作回顾\n2024年是实现“十四五”规划目标任务的关键一年。"
    )
    doc = clean(raw)
    assert doc.title == "2025年北京市政府工作报告"
    assert doc.text.startswith("各位代表：\n\n现在，我代表")
    assert clean(doc.text).text == doc.text
    # any headline right above the first paragraph (no blank line between: a clean text always has one)
    plain = clean(raw.replace("2025年北京市政府工作报告", "北京市2025年工作回顾与展望"))
    assert plain.title == "北京市2025年工作回顾与展望"
    assert clean(plain.text).text == plain.text


def test_masked_copy_of_the_title_is_a_repeat():
    """tpl_33 (新文秘网): the headline printed bare, then masked above the text (``在**县…``)."""
    doc = _clean("tpl_33")
    assert doc.title == "在县第十八届人民代表大会第三次会议上的政府工作报告"
    masked = [d for d in doc.lines if d.text.startswith("在**县")]
    assert masked and masked[0].reason == "repeated_title"
    assert clean(doc.text).text == doc.text


def test_unnumbered_subheadings_stay_paragraphs_of_their_own():
    """news_06: a news page's subheadings (``显示屏成掣肘 苹果难搞定``) were joined to the paragraph below
    them as broken lines; a broken sentence (wk_15: ``最引人注目的成果之一`` / ``就是5G网络，…``) and an
    enumeration word on its own line (the 1987 State Council report's ``二要``) still join."""
    paras = _clean("news_06").text.split("\n\n")
    assert "显示屏成掣肘 苹果难搞定" in paras
    assert "别了 难产的苹果智能电视" in paras
    assert "最引人注目的成果之一就是5G网络" in _clean("wk_15").text
    doc = clean(
        "过去的一年，企业改革不断推向前进。\n二要\n加强企业各项基础工作，全面推行厂长负责制，完善厂内经济核算。"
    )
    assert "二要加强企业各项基础工作" in doc.text


def test_a_salutation_is_never_the_title():
    """The 1978 State Council report and the 9th–11th CPC congress reports as plain text (corpora/gwr, no
    title field): ``各位代表！`` and ``同志们！`` were taken as their titles."""
    import json

    rows = [json.loads(line) for line in open(ROOT / "corpora/gwr/government_work_reports.jsonl", encoding="utf-8")]
    report = next(r for r in rows if r["title"].startswith("1978"))
    doc = clean(report["content"])
    assert doc.title != "各位代表！"
    assert doc.text.startswith("各位代表！")
    assert clean("同志们！\n现在，我代表第九届中央委员会，向大会作报告。\n报告分四个部分。").title is None


def test_site_hint_words_cover_every_site_pattern():
    """``extract_meta`` reads with its site patterns only the lines holding a word of ``_SITE_HINT``: every
    line of the real pages, spaced (``版 权 所 有``) or not, that a site pattern matches holds one."""
    from reportnlp.boilerplate.metadata import _HAN_SPACES, _SITE_HINT, _SITE_PATTERNS

    samples = [
        "本文档由会员分享，可在线阅读，更多相关《报告》请在冰豆网上搜索。",
        "人 民 网 版 权 所 有",
        "Copyright © 2010-2024 上派范文网",
        "合肥论坛 - Powered by Discuz!",
        "欢迎访问新文秘网",
        "您的位置：新文秘网>>工作报告",
        "中央政府门户网站 www.gov.cn 2015-03-13",
        "人民网首页",
        "(新文秘网https://www.wm114.cn省略854字",
        "以下是第一文档网的小编为您整理的",
        "主办单位：青阳县人大常委会",
        "海外网>>时政>>2013全国两会>>两会要闻",
        "您当前的位置 : 文成新闻网  ->  生活  ->  记者体验  -> 正文记者体验",
        '【慎重声明】凡本站未注明来源为"中国商讯网"的所有作品,均转载、编译或摘编自其它媒体',
    ]
    lines = list(samples)
    for path in sorted(PAGES.glob("*.txt"))[:120]:
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    matched = 0
    for line in lines:
        if any(p.search(_HAN_SPACES.sub("", line)) for p in _SITE_PATTERNS):
            matched += 1
            assert _SITE_HINT.search(line), line
    assert all(any(p.search(_HAN_SPACES.sub("", x)) for p in _SITE_PATTERNS) for x in samples)
    assert matched > len(samples)  # real pages' lines too


def test_a_text_file_whose_title_stands_over_a_blank_line_keeps_its_title():
    # real dev pages saved as text: the title, a blank line, paragraphs not blank-separated one by one;
    # a cleaned text (every paragraph over one blank line) still gives no title, so cleaning twice is stable
    for name, title in (("govn_06", "政府信息主动公开事项目录"), ("blog_06", "性能优化那些事(珍藏贴)")):
        doc = _clean(name)
        assert doc.title == title and not doc.text.startswith(title)
        assert clean(doc.text).text == doc.text
    assert clean(doc.title + "\n\n" + doc.text).title is None  # the shape of clean's own text
