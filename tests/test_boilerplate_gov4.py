"""Titles and metadata on real pages, session 6 (issue 11): excerpts of real dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``). Third-party page text kept
as short test excerpts; government documents are official documents (Art. 5(1) PRC Copyright Law).
"""

from __future__ import annotations

from pathlib import Path

from reportnlp import clean
from reportnlp.boilerplate.metadata import extract_meta
from reportnlp.types import LineDecision

PAGES = Path(__file__).resolve().parent.parent / "corpora" / "real-pages" / "pages"

# http://zhunbian.com/GongZuozj/733901.html (tpl_11, lines 1-3)
ZHUNBIAN = (
    "2023年乡镇年度工作总结\n"
    "时光荏苒,转眼间2023年已经接近尾声。在这一年里,我们乡镇在上级领导的正确引导下,坚持不懈地开展了各项工作,"
    "在推进全面建设小康社会的道路上迈出了坚实的步伐。在这里,我代表全乡的干部群众,向领导们汇报2023年的工作总结,"
    "以期获得您的认可和支持。\n"
    "一、经济发展\n"
)

# https://m.bdocx.com/doc/23421110.html (wk_05): the first two paragraphs of clean's output, a heading the
# page printed under its file name (the title) first
BDOCX_CLEANED = (
    "深圳市企业技能人才评价工作指引\n"
    "\n"
    "为贯彻实施深圳市人力资源和社会保障局《关于印发深圳市企业员工技能培训考核实施办法的通知》(深人社规〔2012〕10号)"
    "和《关于印发深圳市技能人才多元化评价实施办法的通知》(深人社规〔2013〕2号)的有关规定,指导和帮助企业建立技能人才评价体系,"
    "有效地推进企业技能人才评价活动,制定本指引。\n"
)


def test_first_line_right_above_the_text_is_the_title():
    doc = clean(ZHUNBIAN)
    assert doc.title == "2023年乡镇年度工作总结"
    assert doc.text.startswith("时光荏苒")  # no longer joined to the first paragraph
    assert clean(doc.text).text == doc.text and clean(doc.text).title is None


def test_cleaned_text_keeps_its_first_heading():
    # blank-separated text alone is what clean returns: its first line stays text (idempotent)
    doc = clean(BDOCX_CLEANED)
    assert doc.title is None
    assert doc.text == BDOCX_CLEANED.rstrip("\n")


def test_a_clause_or_a_subtitle_first_is_not_taken():
    text = ZHUNBIAN.replace("2023年乡镇年度工作总结", "——基于浙江省嵊州市乡镇治理创新实践", 1)
    assert clean(text).title is None
    text = ZHUNBIAN.replace("2023年乡镇年度工作总结", "时光荏苒,转眼间", 1)
    assert clean(text).title is None


# http://dqxw.yunpaper.cn/Article/index/aid/7447065.html (wnews_28, lines 1-5)
DQXW = (
    "我知道了\n"
    "县政府召开座谈会\n"
    "征求社会各界对政府工作报告的意见\n"
    "\n"
    "2月14日~15日,县政府召开两场座谈会,听取部分人大代表、政协委员、企业家、老干部、各民主党派和无党派人士代表、乡镇部"
    "门和村社代表对《政府工作报告(征求意见稿)》的意见建议。县委副书记、县长王波,县委常委、常务副县长张文斌分别参加。\n"
)

# politics.people.com.cn (h_people_2, lines 1-4 and 7): a kicker above a headline the browser title names
PEOPLE = (
    "安徽司法行政系训诫预警：“揪揪耳朵”防腐败--时政--人民网\n"
    "安徽司法行政系统推行领导干部训诫预警\n"
    "安徽司法行政系训诫预警：“揪揪耳朵”防腐败\n"
    "2009年11月09日00:00 来源：人民网-《人民日报》\n"
    "人民网合肥11月8日电 （记者钱伟）安徽省司法厅日前出台《领导干部廉洁自律预警告诫工作暂行办法》，以加强对司法行政系统领"
    "导干部的监督管理，完善惩治和预防腐败体系。\n"
)


def test_headline_over_two_lines_first_line_is_the_title():
    doc = clean(DQXW)
    assert doc.title == "县政府召开座谈会"
    assert doc.text.startswith("征求社会各界对政府工作报告的意见\n\n")  # the subtitle is kept
    assert "我知道了" not in doc.text
    assert clean(doc.text).text == doc.text


def test_kicker_above_a_headline_the_browser_title_names_is_not_the_title():
    assert clean(PEOPLE).title == "安徽司法行政系训诫预警：“揪揪耳朵”防腐败"


# http://lifebb.we54.com/lifebb/2023/0228/18636.html (wnews_24, lines 1-4 and 8): the browser title is the title line
WE54 = (
    "海口市秀英区第八届人民代表大会第三次会议开幕[图]_天天快资讯\n"
    "\n"
    "来源:海口网时间:2023-02-28 20:12:32\n"
    "\n"
    "海口网2月28日消息(记者卢海浪 邵阳 特约记者陈创淼 通讯员符志敏 摄影报道)2月28日上午,海口市秀英区第"
    "八届人民代表大会第三次会议隆重开幕。来自秀英区各界人大代表齐聚一堂,肩负着人民重托,满载着民情民意,精神饱满出"
    "席大会,认真履行法定职责。\n"
)


def test_title_from_the_browser_title_without_the_site_name():
    doc = clean(WE54)
    assert [d.line for d in doc.lines if d.action == "title"] == [1]
    assert doc.title == "海口市秀英区第八届人民代表大会第三次会议开幕[图]"
    assert doc.meta["site"] == "天天快资讯"


# http://39.103.169.235/p/ea5c7ab92724 (blog_04, lines 1-2)
BLOG04 = (
    "2022年6月21日 通讯组 梁悦\n"
    "今天的第一次正式宣讲结束了,虽然排练了那么多次,但是真正看到那么多居民观众坐在台下的时候,还是有点紧张。虽然我"
    "只是在幕后放PPT,但是也怕出现差错,让我们这么多天的准备,这么多天的心血白白浪费。但是真正在幕后听到“活动圆"
    "满结束”时,还是有点不敢相信。在彩排时,都很担心互动环节因为题目太难没有叔叔阿姨愿意起来回答问题,没想到叔叔阿"
    "姨们都很配合,积极举手回答问题,但是也因为叔叔阿姨过于热情,导致现在看起来还有点混乱,整体看来活动还是开展的很"
    "成功。期待下一场宣讲活动\n"
)

# https://www.fx361.cc/page/2015/0306/19585508.shtml (wk_11, lines 1-2, 4-5)
FX361 = (
    "整合与回应:乡镇治理现代化改革的路径选择\n"
    "——基于浙江省嵊州市乡镇治理创新实践\n"
    "2015-03-06 05:59马思远\n"
    "哈尔滨市委党校学报 2015年3期\n"
)

# https://wxmang.site/html/4_72512689.html (forum_02, lines 11-12): a reply's header, no author
WXMANG = "所以就具体企业,是非常复杂的,不可能用原则来解释清楚。\n2015-03-19 09:46:13 回复\n"

# http://big5.news.cn/gate/big5/ah.news.cn/20250105/9e104478c55847baa7cfef2f61073d6b/c.html (wnews_20, lines 4-5)
NEWSCN = (
    "就提高政府履職能力和水平,報告強調,要始終堅持把政治建設擺在首位,堅持為人民服務、為發展盡責,加強政府自身建設"
    ",加快政府職能和作風轉變,依法行政提效能,廉潔奉公揚正氣,打造人民滿意的政府。(范夢民)\n"
    "【糾錯】 【責任編輯:鐘紅霞】\n"
)


def test_wire_dateline_byline_opening_the_text_gives_the_author():
    assert clean(PEOPLE).meta["author"] == "钱伟"  # ``人民网合肥11月8日电 （记者钱伟）``


def test_name_in_brackets_closing_the_text_gives_the_author():
    assert clean(NEWSCN).meta["author"] == "范梦民"  # ``…打造人民滿意的政府。(范夢民)``, simplified


def test_header_date_then_name_gives_the_author():
    assert clean(BLOG04).meta == {"date": "2022-06-21", "author": "梁悦"}
    assert clean(FX361).meta["author"] == "马思远"


def test_header_date_then_a_widget_word_is_no_author():
    meta = extract_meta([LineDecision(1, "meta", "metadata", "2015-03-19 09:46:13 回复")])
    assert meta == {"date": "2015-03-19"}
    for closing in ("(全文完)", "(待续)"):
        assert "author" not in clean(NEWSCN.replace("(范夢民)", closing)).meta


# https://xiexiebang.com/a10/2019051410/d2bb0893c964bd97.html (wk_03, lines 1-8)
XIEXIEBANG = (
    "湖南省人民政府办公厅文件\n"
    "\n"
    "时间:2019-05-14 10:45:55下载本文作者:会员上传\n"
    "简介:写写帮文库小编为你整理了多篇相关的《湖南省人民政府办公厅文件》,但愿对你工作学习有帮助,当然你在写写帮文"
    "库还可以找到更多《湖南省人民政府办公厅文件》。\n"
    "\n"
    "第一篇:湖南省人民政府办公厅文件\n"
    "\n"
    "湖南省人民政府办公厅文件\n"
)

# https://www.dywdw.cn/1c49ba3074232f60ddccda38376baf1ffc4fe3d0.html (wk_09, lines 1-12)
DYWDW = (
    "2023年镇政府工作报告\n"
    "\n"
    "2023-04-25 15:10:15   第一文档网     [ 字体: ] [ 阅读: ] [ 文档下载 "
    "]\n"
    "说明:文章内容仅供预览,部分内容可能不全。下载后的文档,内容与下面显示的完全一致。下载之前请确认下面内容是否您"
    "想要的,是否完整无缺。下载word有问题请添加QQ:admin处理,感谢您的支持与谅解。点击这里给我发消息\n"
    "\n"
    "#第一文档网# 导语】以下是®第一文档网的小编为您整理的《2023年镇政府工作报告》,欢迎阅读!\n"
    "镇政府,工作报告,2023\n"
    "\n"
    "2023年镇政府工作报告\n"
    "\n"
    "尊敬的市民朋友们:\n"
    "\n"
)

# https://www.wm114.cn/wen/5/8718.html (tpl_03, lines 10-14)
WM114 = (
    "各位代表:\n"
    "现在,我\n"
    "……(新文秘网https://www.wm114.cn省略854字,正式会员可完整阅读)\n"
    "……(未完,全文共6831字,当前仅显示2399字,请阅读下面提示信息。\n"
    "收藏《述职报告的写作》)\n"
)


def test_header_date_among_widget_words_is_the_pages_date():
    doc = clean(DYWDW)
    line = next(d for d in doc.lines if d.text.startswith("2023-04-25 15:10:15"))
    assert (line.action, line.reason) == ("meta", "metadata")
    assert doc.meta == {
        "date": "2023-04-25",
        "site": "第一文档网",
    }  # the site from ``…的小编为您整理``
    assert clean(XIEXIEBANG).meta == {
        "date": "2019-05-14",
        "site": "写写帮文库",
    }  # no author ``会员上传``


def test_site_name_glued_to_its_address():
    assert clean(WM114).meta["site"] == "新文秘网"


# https://99wenmi.com/article/filez0w82cej.html (tpl_19, lines 1-12)
WENMI99 = (
    "村民委员会选举办法\n"
    "\n"
    "2024-08-05\n"
    "\n"
    "村民委员会选举办法(精选7篇)\n"
    "\n"
    "1.村民委员会选举办法 篇一\n"
    "\n"
    "------镇 村村民委员会选举办法(草案)\n"
    "\n"
    "为保障村民实行自治,加强基层民主政治建设,促进三个文明建设和发展,根据《中华人民共和国村民委员会组织法》和《陕"
    "西省村民委员会选举办法》的有关规定,结合本村的实际,特别定选举办法。\n"
    "\n"
)

# https://www.paiqing-icetech.com/post/14069.html (blog_10, lines 1-9)
PAIQING = (
    "吉林市2024工作报告\n"
    "\n"
    "thought1688\n"
    "\n"
    "吉林市2024工作报告📜✨\n"
    "\n"
    "尊敬的市民朋友们,各位领导,大家好!👋\n"
    "\n"
    "随着新年的钟声敲响,我们迎来了充满希望和挑战的2024年,我代表吉林市政府,向大家汇报过去一年的工作成果,并对"
    "新的一年工作进行展望。🎉\n"
)


def test_first_line_over_a_variant_with_a_few_characters_glued_on():
    doc = clean(WENMI99)  # ``村民委员会选举办法`` over ``村民委员会选举办法(精选7篇)``
    assert [d.line for d in doc.lines if d.action == "title"] == [1]
    assert doc.lines[4].action == "drop" and doc.lines[4].reason == "repeated_title"
    assert clean(PAIQING).title == "吉林市2024工作报告"  # not ``吉林市2024工作报告📜✨``
    assert clean(doc.text).text == doc.text


def test_a_site_name_after_a_separator_is_no_variant():
    # whole dev pages: ``…防腐败--时政--人民网`` over ``…防腐败`` (h_people_2), ``…_财经_腾讯网`` (h_qq), a date
    # after a space (gov_SH): the in-page headline stays the title
    for page, line in (("h_people_2", 3), ("h_qq", 24), ("gov_SH", 7)):
        doc = clean((PAGES / f"{page}.txt").read_bytes())
        assert [d.line for d in doc.lines if d.action == "title"] == [line], page


# https://taowenge.com/p-641076.html (wk_04, line 1) and https://m.bdocx.com/doc/23421110.html (wk_05, line 21)
TAOWENGE = (
    "《企业员工的培训与开发.doc》由会员分享,可在线阅读,更多相关《企业员工的培训与开发.doc(10页珍藏版)》"
    "请在淘文阁 - 分享文档赚钱的网站上搜索。\n"
)
BDOCX_SHARE = (
    "《深圳市企业技能人才评价工作指引双转移doc.docx》由会员分享,可在线阅读,更多相关"
    "《深圳市企业技能人才评价工作指引双转移doc.docx(25页珍藏版)》请在冰豆网上搜索。\n"
)


def test_site_from_a_wenku_share_notice():
    # the notice as the page's first line is no browser title (it is a sentence): no ``分享文档赚钱的网站上搜索。``
    assert clean(TAOWENGE).meta["site"] == "淘文阁"
    assert clean(BDOCX_SHARE).meta["site"] == "冰豆网"


def test_double_hyphen_separates_a_browser_titles_site():
    # h_cjddsb's and h_people_2's first lines (dev): ``headline--site``, ``headline--column--site``
    from reportnlp.boilerplate.metadata import browser_site

    first = (PAGES / "h_cjddsb.txt").read_text(encoding="utf-8").split("\n")[0]
    assert first.endswith("--当代商报")
    assert browser_site([LineDecision(1, "drop", "browser_title", first)]) == "当代商报"
    assert (
        browser_site([LineDecision(1, "drop", "browser_title", PEOPLE.split("\n")[0])]) == "人民网"
    )
    assert clean((PAGES / "h_cjddsb.txt").read_bytes()).meta["site"] == "当代商报"


# http://www.handmsg.com/page/2015/0429/23726223.shtml (wk_06, lines 1-5)
HANDMSG = (
    "馬東霄\n"
    "摘 要 技術技能人才職業能力開發是一項長期而艱巨的任務,企業學習能夠有效促進職業能力開發。基于企業學習促進職業"
    "能力開發的正向激勵關系及其影響因素,建構技術技能人才職業能力開發的企業學習行為模型,包括探索性學習與挖掘性學習"
    "的協同模式、個體學習與組織學習的耦合形態、正式學習與非正式學習的融通制度,并提出技術技能人才職業能力開發的實現"
    "路徑——“整合”與“分散”路徑,即工學整合式學習與分散式學習。\n"
    "關鍵詞 企業學習;職業能力開發;技術技能人才\n"
    "中圖分類號 G712 文獻標識碼 A 文章編號 1008-3219(2015)31-0015-06\n"
    "技術技能人才職業能力開發的必要路徑是終身學習。在企業工作場域中,學習者逐漸習得知識與經驗,重構其職業能力結構,"
    "逐漸內化、穩固并提升自身職業能力水平。知識和經驗的獲得需要通過企業場域中的學習形式、學習制度和學習機制共同發生"
    "作用,形成相對穩定的企業學習模式與實現方式,這是技術技能人才職業能力開發的過程,亦是企業學習的過程。本研究基于"
    "“做中學”理論,分析企業學習促進職業能力開發的機理,建構企業學習行為模型——探索性學習與挖掘性學習的協同機制、"
    "個體學習與組織學習的耦合形態、正式學習與非正式學習的融通制度,據此提出“整合”與“分散”兩種企業學習實現路徑—"
    "—工學整合式學習和分散式學習。\n"
)


def test_name_above_an_abstract_is_the_author():
    doc = clean(HANDMSG)
    assert doc.lines[0].action == "meta" and doc.meta["author"] == "马东霄"
    assert "马东霄" not in doc.text and doc.text.startswith("摘 要")
    # a name-like line above body text that is no abstract stays as it was
    assert (
        clean(HANDMSG.split("\n", 2)[0] + "\n" + HANDMSG.split("\n", 4)[4]).meta.get("author")
        is None
    )


def test_column_author_and_reposted_authors_handle():
    # h_qq line 37 and forum_04 line 38 (dev), as metadata lines
    rows = [LineDecision(1, "meta", "metadata", "《棱镜》作者 周纯")]
    assert extract_meta(rows)["author"] == "周纯"
    assert (
        extract_meta([LineDecision(1, "meta", "metadata", "原文作者:Lunamos")])["author"]
        == "Lunamos"
    )
    for page, author in (("h_qq", "周纯"), ("forum_04", "Lunamos")):
        assert clean((PAGES / f"{page}.txt").read_bytes()).meta["author"] == author


def test_page_image_alt_text_and_a_widget_label_are_never_the_title():
    # wk_02 (dev, https://www.renrendoc.com/paper/506076627.html): ``…清晰展示进度_第5页`` (a page image's alt
    # text), then ``文档简介``; the labels give this page no title
    doc = clean((PAGES / "wk_02.txt").read_bytes())
    assert doc.title is None
    assert doc.lines[4].text.endswith("_第5页") and doc.lines[4].action == "drop"


# https://0798ci.com/policy/70942.html (govn_08, lines 1-8): official document
CI0798 = (
    "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
    "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
    "京政办发〔2016〕26号\n"
    "京政办发〔2016〕26号\n"
    "各区人民政府,市政府各委、办、局,各市属机构:\n"
    "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。\n"
    "北京市人民政府办公厅\n"
    "2016年5月28日\n"
)


def test_document_number_joined_to_its_title_in_the_browser_title():
    doc = clean(CI0798)
    assert [d.line for d in doc.lines if d.action == "title"] == [1]
    assert doc.lines[1].reason == "repeated_title"  # ``《…的通知》`` under it
    assert (
        doc.title == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    )  # no number, no marks
    assert doc.meta["doc_number"] == "京政办发〔2016〕26号"
    assert clean(doc.text).text == doc.text
