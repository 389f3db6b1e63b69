"""Titles, metadata and line decisions on real pages, session 13 (issue 11, round 13): excerpts of the gov12 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only: the dev11 pages; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov12
section). Third-party page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean

# http://covid-19.chinadaily.com.cn/hqgj/jryw/2016-01-24/content_14506566.html (wnews_181, lines 1-2: the whole page)
CHINADAILY = (
    "1月24日,浙江省第十二届人民代表大会第四次会议开幕。上午9点,中共浙江省委书记、省人大常委会主任夏宝龙宣布大会开幕,浙江省长李强作政府工作报告。 中新社记者 张茵 摄\n"
    "1月24日,代表认真阅读政府工作报告。当天,浙江省第十二届人民代表大会第四次会议开幕。 中新社记者 张茵 摄\n"
)

# http://media.tibet.cn/zt2015/2015qglh/lhjt/201503/t20150305_2367852.html (wnews_195, lines 1-14: the whole page)
TIBET = (
    "首页两会进行时两会镜头视听两会工作报告两会与西藏代表委员之声热点话题大家聊两会\n"
    "\n"
    "中国西藏网 > 2015全国两会 > 两会镜头\n"
    "\n"
    "第十二届全国人民代表大会第三次会议举行开幕会\n"
    "\n"
    "   发布时间: 2015-03-05 13:28:00    来源: 中国网\n"
    "\n"
    "\n"
    "3月5日,第十二届全国人民代表大会第三次会议在北京人民大会堂开幕。图为国务院总理李克强作政府工作报告。人民画报 徐讯摄影\n"
    "\n"
    "  3月5日上午9时,第十二届全国人民代表大会第三次会议在人民大会堂举行开幕会,听取国务院总理李克强作政府工作报告,审查计划报告和预算报告。\n"
    "\n"
    "  政府工作报告提出经济社会发展主要预期目标,2015年国内生产总值增长7%左右,居民消费价格涨幅3%左右。\n"
)

# https://www.gwyoo.com/article/zhongjibaogao/gzhb/200611/70231.html (tpl_43, lines 1-19)
GWYOO = (
    "乡政府工作报告\n"
    "\n"
    "时间:2022-11-12 03:10:00\n"
    "\n"
    "乡政府工作报告\n"
    "\n"
    "政府工作报告\n"
    "\n"
    "-------在**乡第**届人民代表大会第*次会议上的\n"
    "\n"
    "讲话\n"
    "\n"
    "***\n"
    "\n"
    "(二00*年*月*日)\n"
    "\n"
    "各位代表:\n"
    "\n"
    "现在我代表**乡第**届人民政府向大会作工作报告,请予审议,并请各位列席人员提出意见和建议。\n"
)


# https://www.jxsrrd.gov.cn/web/article/725.html (govn_29, lines 1-13: the whole page)
SHANGRAO = (
    "上饶市第一届人民代表大会第八次会议\n"
    "\n"
    " \n"
    "\n"
    "关于政府工作报告的决议\n"
    "\n"
    " \n"
    "\n"
    " \n"
    "\n"
    "上饶市第一届人民代表大会第八次会议听取和审议了市人民政府市长刘和平所作的《政府工作报告》。会议对市人民政府过去一年的工作表示满意,同意对今年经济社会发展任务和政府各项工作的总体部署。会议决定批准这个报告。\n"
    "\n"
    "会议号召,全市人民要紧密团结在以胡锦涛同志为总书记的党中央周围,高举邓小平理论和“三个代表”重要思想伟大旗帜,认真贯彻党的十六大和十六届三中、四中全会精神,全面落实科学发展观,在中共上饶市委的领导下,解放思想,开拓创新,求真务实,扎实工作,为促进我市社会主义物质文明、政治文明、精神文明建设与和谐社会建设,全面完成今年各项任务,推进赣浙闽皖四省交界区域中心城市和快速发展地区建设而努力奋斗!\n"
)


def _actions(doc):
    return {d.line: d.action for d in doc.lines if d.action != "blank"}


def test_a_photo_pages_captions_are_its_text():
    doc = clean(CHINADAILY)
    assert _actions(doc) == {
        1: "keep",
        2: "keep",
    }  # both lines are captions (``… 中新社记者 张茵 摄``), and all there is
    assert doc.text.startswith("1月24日,浙江省第十二届人民代表大会第四次会议开幕。")
    assert clean(doc.text).text == doc.text
    # under a text the same captions stay captions, dropped
    page = (
        "李强作政府工作报告\n"
        + CHINADAILY
        + "会议听取了省长李强所作的政府工作报告,审查了计划报告和预算报告,会议期间代表们认真审议。\n"
    )
    acts = _actions(clean(page))
    assert acts[2] == "drop" and acts[3] == "drop" and acts[4] == "keep"


def test_a_photographers_credit_spelt_sheying_ends_a_caption():
    doc = clean(TIBET)
    acts = _actions(doc)
    assert acts[10] == "drop" and acts[12] == "keep" and acts[14] == "keep"
    assert next(d.reason for d in doc.lines if d.line == 10) == "photo_caption"
    assert "徐讯摄影" not in doc.text
    # a sentence about photography is no caption
    assert "keep" in {d.action for d in clean("他从小热爱摄影\n").lines}


def test_a_breadcrumb_rooted_at_a_web_site_with_single_marks_names_the_site():
    doc = clean(TIBET)
    assert doc.meta.get("site") == "中国西藏网"
    assert doc.title == "第十二届全国人民代表大会第三次会议举行开幕会"
    assert doc.meta.get("date") == "2015-03-05" and doc.meta.get("source") == "中国网"
    # one mark only is no breadcrumb's shape
    assert (
        "site"
        not in clean(
            TIBET.replace("中国西藏网 > 2015全国两会 > 两会镜头", "中国西藏网 > 两会镜头")
        ).meta
    )


def test_a_dateline_typed_with_hyphens_and_its_last_word_on_the_next_line_is_the_documents():
    doc = clean(GWYOO)
    acts = _actions(doc)
    assert acts[1] == "title" and acts[3] == "meta"
    assert acts[9] == "keep" and acts[11] == "keep" and acts[17] == "keep"
    assert doc.text.startswith("-------在**乡第**届人民代表大会第*次会议上的\n\n讲话\n\n各位代表:")
    assert clean(doc.text).text == doc.text
    # ``讲话`` alone, with no dateline above it, is no dateline
    assert (
        _actions(
            clean(
                "乡政府工作报告\n\n讲话\n\n各位代表:\n\n现在我代表乡人民政府向大会作工作报告,请予审议。\n"
            )
        )[3]
        == "drop"
    )


def test_a_documents_heading_broken_under_its_session_is_the_title_whole():
    doc = clean(SHANGRAO)
    acts = _actions(doc)
    assert acts[1] == "title" and acts[5] == "drop" and acts[11] == "keep" and acts[13] == "keep"
    assert (
        next(d.reason for d in doc.lines if d.line == 5) == "title"
    )  # the title's end, not furniture
    assert doc.title == "上饶市第一届人民代表大会第八次会议关于政府工作报告的决议"
    assert doc.text.startswith("上饶市第一届人民代表大会第八次会议听取和审议了")
    assert clean(doc.text).text == doc.text
    # a second line that names no document (``关于…的决议``) is no heading's end
    other = clean(SHANGRAO.replace("关于政府工作报告的决议", "会议公报"))
    assert all(d.action == "title" or d.reason != "title" for d in other.lines)
    assert other.title != doc.title
