"""Titles, metadata and line decisions on real pages, session 10 (issue 11, round 9): excerpts of the gov8 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only: the dev7 pages and earlier dev pages; the URL of each page is in
``corpora/real-pages/PROVENANCE.md``, gov8 section). Third-party page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean
from reportnlp.boilerplate.rules import is_meta_line, line_rule

# http://news.sina.com.cn/c/2004-02-16/02361807829s.shtml (wnews_122, lines 1-5)
NEWS_SINA = (
    "北京市十二届人大二次会议今天开幕 | |||||||||\n"
    "---|---|---|---|---|---|---|---|---|---|\n"
    "http://www.sina.com.cn 2004年02月16日02:36 北京娱乐信报 | |||||||||\n"
    "上午九时:王岐山作政府工作报告 信报讯(记者白延龙) 市第十二届人大第二次会议今天上午9时开幕,第一项议程由代市长王岐山作政府工作报告。北京电台、北京电视台、千龙网将现场直播大会实况。 昨天下午,市第十二届人大第二次会议召开预备会议,通过了会议议程,并选举出\n"
    "这次会议共有七项议程:听取并审议代市长王岐山关于北京市人民政府的工作报告;听取并审议市发改委主任丁向阳关于北京市2003年国民经济和社会发展计划执行情况与2004年国民经济和社会发展计划草案的报告;听取并审议市财政局局长吴世雄关于北京市2003年财政预算执行情况和2004年财政预算草案的报告。 会议还要听取并审议市十二届人大常委会主任于均波关于北京市人大常委会的工作报告、市高级人民法院院长秦正安关于北京市高级人民法院的工作报告、市人民检察院检察长许海峰关于北京市人民检察院的工作报告。另外,这次会议还将选举北京市市长。 昨天的预备会议还选举出了由81人组成的大会主席团,选举范远谋为大会秘书长。同时选举出了议案审查委员会组成人员。预备会议之后,大会主席团召开了第一次会议。 相关专题:2004北京“两会” | |||||||||\n"
)

# http://hsnews.cnnb.com.cn/system/2016/01/31/011346389.shtml (wnews_112, lines 1-8)
HSNEWS = (
    "海曙区十届人大五次会议隆重开幕\n"
    "\n"
    "    2016年01月31日 10:40  海曙新闻网\n"
    "    字号:TT\n"
    "海曙区十届人大五次会议开幕现场(李玉飞/摄)\n"
    "区长吴胜武作《政府工作报告》(胡建华/摄)\n"
    "\n"
    "  海曙新闻网讯(记者毛一波) 1月31日上午,海曙区第十届人民代表大会第五次会议在雄壮的国歌声中隆重开幕。来自全区各行各业、各条战线的人大代表肩负全区人民的重托,汇聚一堂,为“十三五”开好局、起好步,深入实施“四个领跑”战略,全面建设更高水平现代化中心城区的新征程而不懈努力。\n"
)

# http://news.cjn.cn/sywh/201301/t2191811.htm (wnews_114, lines 1-5)
CJN = (
    "省十二届人大一次会议隆重开幕\n"
    "(长江日报)\n"
    "外国友人在会场旁听 记者彭年 摄\n"
    "本报讯 (湖北日报记者李保林 蔡朝阳 长江日报记者胡孙华)昨日上午,湖北省第十二届人民代表大会第一次会议在武昌洪山礼堂隆重开幕。\n"
    "大会主席团常务主席召集人李鸿忠主持开幕大会。主席团常务主席、开幕大会执行主席李鸿忠、王国生、张昌尔、杨松、苏晓云、楼阳生、李春明、田承忠、赵斌、周洪宇、王玲、王建鸣、乔余堂在主席台前排就座。\n"
)

# http://china.haiwainet.cn/n/2013/0315/c349732-18302986.html (wnews_116, lines 3-12)
HAIWAINET = (
    "海外网>>时政>>2013全国两会>>两会要闻\n"
    "\n"
    "[两会发布]《政府工作报告》起草记\n"
    "\n"
    "2013年03月15日13:08    来源:新华社    赵承 张旭东 刘铮 安蓓    字号:\n"
    "摘要:“伟大祖国展现出前所未有的光明前景”——《政府工作报告》起草记\n"
    "\n"
    "3月5日,第十二届全国人民代表大会第一次会议在北京人民大会堂开幕。国务院总理温家宝作政府工作报告。 新华社记者 黄敬文 摄\n"
    "\n"
    "新华社北京3月14日电(记者赵承、张旭东、刘铮、安蓓)温家宝总理代表国务院在十二届全国人大一次会议上作的《政府工作报告》,受到代表委员高度肯定。海外舆论也给予积极评价。\n"
)

# https://m.csylym.com/shuzhibaogao/2021/0419/484100.html (govr_29, lines 1-15)
CSYLYM = (
    "2021年荣县政府工作报告(全文)\n"
    "\n"
    "  1 1 2021 最新修订(可编辑)\n"
    "\n"
    " 1 2021 年荣县政府工作报告(全文)\n"
    "\n"
    " 政府工作报告 ?\n"
    "\n"
    " 2021 年 1 月 27 日在荣县第十八届人民代表大会第五次会议上 ?\n"
    "\n"
    " 荣县人民政府县长 郑小清 ?\n"
    "\n"
    " 各位代表:\n"
    "\n"
    " 现在,我代表荣县人民政府向大会报告工作,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
)

# http://www.jmtv.cn/web/jmnews/20220306/1646561332106.shtml (wnews_126, lines 5-11)
JMTV = (
    "微信\n"
    "\n"
    "我市全国人大代表热议政府工作报告:传递信心决心 汇聚奋进力量\n"
    "\n"
    "江门台 2022年03月06日\n"
    "\n"
    "第十三届全国人民代表大会第五次会议昨天上午在北京人民大会堂开幕,国务院总理李克强代表国务院向大会作政府工作报告。记者与我市的全国人大代表连线,他们表示,听了总理的报告心潮澎湃,倍感振奋,报告也传递着信心和决心,汇聚着奋进的力量。\n"
)

# https://github.com/amumu-dev/cx-extractor (h_sina, line 27): a page's address, its date and time, the medium
SINA_HEADER = "http://www.sina.com.cn 2009年11月09日13:56 新浪娱乐"
# http://nmgqq.com.cn/shuzishizhi/nianjian/neimengguniajian/nianjianerlinger/tezai/2011-4-14/1784.html (govr_25, line 1)
NMGQQ_CRUMB = "当前位置:内蒙古区情网  /  数字史志  /  年鉴  /  内蒙古年鉴  /  2002卷  /  特载\n"


def _actions(doc):
    return {d.line: (d.action, d.reason) for d in doc.lines}


def test_a_headline_with_empty_table_cells_is_the_title_and_the_table_rule_is_layout():
    doc = clean(NEWS_SINA, id="wnews_122")
    acts = _actions(doc)
    assert doc.title == "北京市十二届人大二次会议今天开幕"
    assert acts[1][0] == "title"
    assert acts[2][0] == "drop"  # ``---|---|…``: a table's rule, never the title
    assert acts[3][0] == "meta"  # the address, date and time, medium (with empty cells)
    assert doc.meta["date"] == "2004-02-16"
    assert acts[4][0] == "keep" and acts[5][0] == "keep"


def test_a_row_with_a_long_run_of_empty_cells_is_read_in_linear_time():
    """The same page with its rows widened: many empty cells before a last filled one (a spreadsheet's sparse row)
    and after the headline. Finding a row's closing empty cells took time quadratic in the run (16,000 characters
    of `` |``: 5 s; 100,000: minutes); now the page is cleaned as before, at once."""
    import time

    wide = NEWS_SINA.replace(" | |||||||||\n", " | " + "| " * 20_000 + "|\n", 1)
    wide = wide.replace("2004北京“两会” | |||||||||", "2004北京“两会”" + " |" * 20_000 + " 完 ||", 1)
    start = time.perf_counter()
    doc = clean(wide, id="wnews_122")
    assert time.perf_counter() - start < 5.0
    assert doc.title == "北京市十二届人大二次会议今天开幕"
    assert doc.meta["date"] == "2004-02-16"
    assert [d.action for d in doc.lines][:5] == ["title", "drop", "meta", "keep", "keep"]


def test_an_address_then_a_date_and_time_is_a_header_line():
    assert is_meta_line(SINA_HEADER)
    assert is_meta_line("http://www.sina.com.cn 2004年02月16日02:36 北京娱乐信报")
    # a sentence after the address and date is text
    assert not is_meta_line("http://www.x.cn 2009年11月09日13:56 今天我们去了很多地方，看了很多东西。")
    doc = clean("兰花指单曲成红歌\n" + SINA_HEADER + "\n海报\n新浪娱乐讯 国内知名组合阿里郎的全新力作《兰花指》单曲一举成名，成为网络红歌。\n")
    assert doc.meta.get("date") == "2009-11-09"
    assert doc.meta.get("author") != "海报"  # a word under a post's timed header is no speaker's name


def test_font_size_widget_and_photo_credits_with_a_slash_are_furniture_and_the_lead_byline_gives_the_author():
    doc = clean(HSNEWS, id="wnews_112")
    acts = _actions(doc)
    assert acts[4] == ("drop", line_rule("字号:TT"))
    assert acts[5][1] == "photo_caption" and acts[6][1] == "photo_caption"  # ``(李玉飞/摄)``
    assert acts[8][0] == "keep"
    assert doc.meta["author"] == "毛一波"  # ``海曙新闻网讯(记者毛一波)``
    assert doc.meta["date"] == "2016-01-31"


def test_two_papers_reporters_in_one_byline_and_a_papers_name_under_the_headline():
    doc = clean(CJN, id="wnews_114")
    acts = _actions(doc)
    assert doc.title == "省十二届人大一次会议隆重开幕"
    assert acts[2][0] == "meta"  # ``(长江日报)``
    assert acts[3][1] == "photo_caption"
    assert doc.meta["author"] == "李保林 蔡朝阳"  # the first paper's reporters
    assert all(acts[i][0] == "keep" for i in (4, 5))


def test_a_wire_byline_of_four_reporters():
    doc = clean(HAIWAINET, id="wnews_116")
    assert doc.meta["author"] == "赵承 张旭东 刘铮 安蓓"
    assert doc.meta["date"] == "2013-03-15" and doc.meta["source"] == "新华社"


def test_a_speaker_line_with_a_lost_glyph_gives_the_author():
    doc = clean(CSYLYM, id="govr_29")
    acts = _actions(doc)
    assert acts[11][0] == "meta"  # ``荣县人民政府县长 郑小清 ?``
    assert doc.meta["author"] == "郑小清"
    assert acts[13][0] == "keep" and acts[15][0] == "keep"  # the salutation and the text


def test_a_mediums_name_and_the_day_give_the_date():
    assert is_meta_line("江门台 2022年03月06日")
    assert not is_meta_line("太湖县人民政府 2019年1月17日")  # a sign-off is the document's own
    doc = clean(JMTV, id="wnews_126")
    acts = _actions(doc)
    assert acts[5][0] == "meta" and doc.meta["date"] == "2022-03-06"  # page line 9
    assert doc.title == "我市全国人大代表热议政府工作报告:传递信心决心 汇聚奋进力量"


def test_the_site_a_breadcrumb_starts_from_has_no_position_label():
    doc = clean(NMGQQ_CRUMB + "\n• 政府工作报告\n\n各位代表:\n现在,我代表自治区人民政府作工作报告,请各位代表审议,并请自治区政协委员提出意见。\n")
    assert doc.meta.get("site") == "内蒙古区情网"


def test_the_site_a_breadcrumb_without_label_starts_from():
    doc = clean(HAIWAINET, id="wnews_116")
    assert doc.meta.get("site") == "海外网"  # ``海外网>>时政>>2013全国两会>>两会要闻``


def test_the_site_of_a_breadcrumb_with_arrows_and_of_a_repost_disclaimer():
    from reportnlp.boilerplate.metadata import extract_meta
    from reportnlp.types import LineDecision as L

    # wnews_87 line 3 (http://www.66wc.com/system/2016/03/02/013159833.shtml)
    crumb = "您当前的位置 : 文成新闻网  ->  生活  ->  记者体验  -> 正文记者体验"
    assert extract_meta([L(1, "drop", "breadcrumb", crumb)]).get("site") == "文成新闻网"
    # wnews_99 line 20 (http://zguosxw.com/articleid/311173.html)
    note = '【慎重声明】凡本站未注明来源为"中国商讯网"的所有作品,均转载、编译或摘编自其它媒体,转载、编译或摘编的目的在于传递更多信息,并不代表本站赞同其观点和对其真实性负责。'
    assert extract_meta([L(1, "drop", "disclaimer", note)]).get("site") == "中国商讯网"


def test_an_interviewers_question_is_text():
    # wnews_118 lines 1-3 (https://www.meizhou.gov.cn/zwgk/ztzl/2019nmzslhzt/xwbd/content/post_563093.html), cut
    q = "记者:请问今年的《报告》是从什么时候开始起草的?经历了哪些过程?"
    assert not is_meta_line(q)
    assert is_meta_line("记者:王道")
    page = (
        "昨日上午,市七届人大六次会议开幕。市长张爱军代表市人民政府向大会作《政府工作报告》(以下简称“《报告》”)。《报告》是如何起草的?经历了哪些过程?有何特点?记者向《报告》起草组负责同志了解了相关情况。\n"
        + q
        + "\n起草组:2018年,是改革开放40周年,是全面贯彻党的十九大精神的开局之年。为了客观实在总结好2018年政府工作,科学谋划好2019年工作,市政府于2018年10月下旬成立了报告起草组,制订了工作方案,认真组织开展《报告》起草工作,并于2018年12月完成初稿。\n"
    )
    assert [d.action for d in clean(page).lines][:3] == ["keep", "keep", "keep"]


def test_a_browser_titles_site_without_its_slogan():
    from reportnlp.boilerplate.metadata import browser_site
    from reportnlp.types import LineDecision as L

    # govr_20 line 1 (https://guanshanwenku.com/gongzuozongjie/2024/08/92348_71.html)
    first = "文似观山不喜平 — — 观山文库◆记住我,来上我~"
    assert browser_site([L(1, "drop", "browser_title", first)]) == "观山文库"


def test_a_browser_title_with_a_columns_name_before_the_headline_gives_the_site():
    from reportnlp.boilerplate.metadata import browser_site
    from reportnlp.types import LineDecision as L

    # h_qq line 1 (GeneralNewsExtractor's test page of new.qq.com)
    first = "棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等_财经_腾讯网"
    assert browser_site([L(1, "drop", "browser_title", first)]) == "腾讯网"
    assert browser_site([L(1, "drop", "navigation", "首页|新闻|体育|娱乐|财经")]) is None  # a menu


def test_a_browser_title_with_a_long_run_of_spaces_is_split_in_linear_time():
    """A page's first line with a long run of spaces (a scraped layout's padding) before its site part: splitting
    it at its separators took time quadratic in the run (16,000 spaces: 6 s); the same line reads the same now."""
    import time

    from reportnlp.boilerplate.rules import browser_title

    first = "棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等_财经_腾讯网"
    padded = first.replace("_腾讯网", " " * 20_000 + "_腾讯网")
    start = time.perf_counter()
    assert browser_title([padded], [0]) == browser_title([first], [0])
    assert browser_title([padded], [0])[2] == "腾讯网"
    doc = clean("（图为" + " " * 20_000 + "x\n\n" + CJN)
    assert time.perf_counter() - start < 5.0
    assert doc.meta["author"] == "李保林 蔡朝阳"


def test_a_headline_printed_again_under_the_documents_page_number_is_read_at_the_top():
    doc = clean(CSYLYM, id="govr_29")
    acts = _actions(doc)
    assert doc.title == "2021年荣县政府工作报告(全文)"
    assert acts[1][0] == "title"
    assert acts[5] == ("drop", "repeated_title")  # ``1 2021 年荣县政府工作报告(全文)``
    assert acts[9][0] == "keep"  # the dateline
