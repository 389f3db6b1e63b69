"""Titles, metadata and line decisions on real pages, session 12 (issue 11, round 12): excerpts of the gov11 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only: the dev10 pages; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov11
section). Third-party page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean

# http://newxbzx.com/chengshi/12083.html (wnews_172, lines 1-21)
NEWXBZX = (
    '广告垂询/商务合作\n'
    '地方频道:\n'
    '现在位置:首页 > 城事\n'
    '\n'
    '西安市十六届人大一次会议开幕 上官吉庆作政府工作报告\n'
    '\n'
    '发布日期:2017-02-21 | 来源:西部网 \n'
    '核心提示:今天西安市第十六届人大第一次会议正式开幕。上午9时,大会在雄壮的国歌声中开幕。随后,西安市市长上官吉庆作西安市人民政府工作报告。\n'
    '\n'
    '2月20日,西安市第十六届人大第一次会议正式开幕。\n'
    '\n'
    '西安市市长上官吉庆作西安市人民政府工作报告。\n'
    '\n'
    '\n'
    '西部网讯(记者 彭芬 赵昊) 今天(2月20日),西安市第十六届人大第一次会议正式开幕。本次大会应到代表570人,实到556人,符合法定人数。西安市人大常委会主任陈宝根主持大会,西安市市长上官吉庆作西安市人民政府工作报告。出席政协西安市十四届一次会议的西安市政协委员列席今天的会议。\n'
    '\n'
    '\n'
    '本次大会有5项议程:听取市长上官吉庆作西安市人民政府工作报告;审查西安市2016年国民经济和社会发展计划执行情况与2017年国民经济和社会发展计划草案的报告;审查西安市2016年财政预算执行情况和2017年财政预算草案的报告;表决西安市第十六届人民代表大会第一次会议关于西安市第十六届人民代表大会专门委员会的设立及其主任委员、副主任委员、委员人选的表决办法(草案);表决西安市第十六届人民代表大会各专门委员会主任委员、委员名单(草案)。\n'
    '\n'
    '\n'
    '上午9时,大会在雄壮的国歌声中开幕。随后,西安市市长上官吉庆作西安市人民政府工作报告。报告分为四个部分:本届政府工作回顾;今后五年工作的总体思路;2017年工作预期目标和重点任务;全面建设人民满意政府。\n'
)

# http://nuu.laifutaikj.com/S_960146.html (wnews_164, lines 1-4)
LAIFU = (
    '2023年省级两会陆续开启,这些看点值得关注!******\n'
    '中新网北京1月11日电(记者 袁秀月)2023年新年伊始,多省份陆续进入“两会时间”。自1月10日起,多地省级两会拉开帷幕。各地将如何规划今年的发展目标?今年省级两会有哪些亮点?\n'
    '资料图:四川省两会现场。张浪 摄多省份两会拉开大幕\n'
    '近期,各地陆续定下2023年省级两会的时间表,不少省份将省级两会的开幕日期定于1月10日-1月15日,1月10日成为省级两会开幕的密集期。\n'
)

# http://86hh.com/finance/cygs/2017-01-20/382832.html (wnews_176, lines 1-2)
XUZHOU = (
    '市政府召开各界人士座谈会 周铁根主持 就《政府工作报告》(讨论稿)和政府工作征求意见和建议 |\n'
    '徐州日报讯(记者 魏宁)1月15日,市长周铁根主持召开社会各界人士座谈会,就《政府工作报告》(讨论稿)和政府工作征求部分人大代表、各民主党派和工商联负责人、无党派人士、宗教界人士代表的意见和建议。市领导王昊、王安顺、王军出席。 座谈会始终洋溢着热烈诚挚的气氛。陈萍、李靖华、李君超、孙红旗、李燕等与会人员围绕《政府工作报告》(讨论稿)内容和做好政府工作竞相发言,直抒己见。大家认为,《政府工作报告》(讨论稿)全面系统地梳理了本届政府工作和“十三五”开局之年所取得的成就,总结成绩客观详实。过去五年徐州经济社会发展取得的巨大成就、城乡面貌发生的重大变化令人瞩目,特别是2016年,在经济下行压力极大的形势下,全市进出口、出口、社会消费品零售总额、城乡居民收入增速均居全省首位,实现了“十三五”发展良好开局。提出的今后五年的奋斗目标催人奋进、令人鼓舞,今年确定的目标任务符合徐州发展需要,工作措施扎实有力。大家还围绕进一步修改完善报告,就推进城乡统筹发展、推动产业绿色发展、完善创新机制体制、建立新型政商关系、加强精神文明建设等问题提出意见和建议,并对改进政府工作提出了具体建议。 周铁根边听边记,并不时插话与大家互动交流,对社会各界人士发表的真知灼见以及长期以来对徐州经济社会发展和政府工作的关心支持表示衷心感谢。他说,大家的意见和建议积极中肯、针对性强,我们将认真梳理并充分吸收和体现到报告中,细化落实到政府工作中。各界人士、代表都是徐州的精英,我们将通过建立常态化的沟通联系机制,随时向民主党派\n'
)

# http://ganwang.net/guonei/13805.html (wnews_178, line 1)
GANWANG = (
    '市政府领导召开座谈会 广泛征求各方面对政府工作报告的意见 中国宁波网讯(记者易鹤)今天下午,市委副书记、市长裘东耀主持召开座谈会,就《政府工作报告(征求意见稿)》,征求在鄞州区的部分市人大代表、市政协委员的意见建议。张良才参加。 座谈会上,王兆波、杨和荣、胡勤勇、胡震珍、吕莹、李仲岐、许颖等市人大代表、市政协委员,围绕制造业与服务业融合发展、优化国际营商环境、发挥人才引领作用、推进县域医共体建设、加快教育现代化、发展现代农业等话题,踊跃发言,现场气氛热烈。 裘东耀边听边记,不时插话与大家交流,感谢大家长期以来围绕中心、服务大局,认真履职建言,支持监督政府工作,为宁波经济社会持续平稳健康发展作出的积极贡献。他说,《政府工作报告》征求意见的过程,是科学决策、民主决策的过程,也是听取各方意见、集中各方智慧的过程。会前,大家认真调研和准备,提出的意见建议很中肯,具有很强的针对性。对大家的意见建议,市政府将高度重视,有的将吸纳到《政府工作报告》中去,有的将结合今后工作认真加以落实。希望大家一如既往地关心支持市政府工作,共同推动宁波加快高质量发展。 裘东耀指出,明年是新中国成立70周年,是高水平全面建成小康社会关键之年。我们将坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻习近平总书记对浙江和宁波工作的重要指示精神,全面落实中央经济工作会议、省委经济工作会议和市委经济工作会议精神,以“八八战略”再深化、改革开放再出发为主题,抓住用好重要机遇,深入推进“六争攻坚”行动,统筹做好稳增长、促改革、调结构、惠民生、防风险工作,全力推动经济持续健康发展和社会大局稳定,为高水平全面建成\n'
)


def _actions(doc):
    return {d.line: d.action for d in doc.lines if d.text.strip()}


def test_photo_captions_between_the_header_and_the_lead_are_dropped():
    """The one-sentence lines between the header (headline, date line) and the lead's dateline
    (``西部网讯(记者 彭芬 赵昊)``) are the photos' captions: the text starts at its dateline. The
    ``核心提示:`` summary (several sentences) stays, as the seed pages' gold keeps it."""
    doc = clean(NEWXBZX)
    acts = _actions(doc)
    assert acts[5] == "title" and acts[7] == "meta"
    assert acts[8] == "keep" and acts[10] == "drop" and acts[12] == "drop"
    assert acts[15] == "keep" and acts[18] == "keep" and acts[21] == "keep"
    assert doc.meta.get("author") == "彭芬 赵昊"
    assert doc.meta.get("source") == "西部网" and doc.meta.get("date") == "2017-02-21"
    assert clean(doc.text).text == doc.text


def test_the_lead_byline_is_found_below_kept_captions():
    """The byline opening the text is read from the first kept lines, also when captions stand above it."""
    # no full stops: three kept lines above the lead, yet its byline is still found
    captions = NEWXBZX.replace("开幕。\n", "开幕\n").replace("报告。\n", "报告\n")
    doc = clean(captions)
    assert [a for n, a in _actions(doc).items() if 8 <= n < 15] == ["keep", "keep", "keep"]
    assert doc.meta.get("author") == "彭芬 赵昊"


def test_a_headline_with_clause_punctuation_over_a_wire_lead_is_the_title():
    doc = clean(LAIFU)
    assert doc.title == "2023年省级两会陆续开启,这些看点值得关注!"  # the asterisks after it are no part of it
    assert doc.meta.get("author") == "袁秀月"
    assert _actions(doc)[2] == "keep"
    # the same first line over a paragraph that is no news lead stays text (a sentence, not a headline)
    plain = clean(LAIFU.replace("中新网北京1月11日电(记者 袁秀月)", ""))
    assert plain.title is None
    assert clean(doc.text).text == doc.text


def test_a_long_headline_with_a_bar_over_a_newspaper_lead_is_the_title():
    doc = clean(XUZHOU)
    assert doc.title == "市政府召开各界人士座谈会 周铁根主持 就《政府工作报告》(讨论稿)和政府工作征求意见和建议"
    assert doc.meta.get("author") == "魏宁"
    assert _actions(doc)[2] == "keep"


def test_the_lead_byline_after_a_headline_glued_before_it():
    doc = clean(GANWANG)
    assert doc.meta.get("author") == "易鹤"
    assert _actions(doc)[1] == "keep"  # one line: the headline runs into the text, so it stays text


# http://rd.huaian.gov.cn/qwfb/1/content/17040384/17064949006386WOADo22.html (govn_20, lines 1-7)
HUAIAN = (
    '您所在的位置: 淮安市人大 权威发布 决定决议\n'
    '淮安市第九届人民代表大会第四次会议关于政府工作报告的决议\n'
    '发布时间:2024-01-29   来源:cs_rdbgs   【关闭窗口\n'
    '\n'
    '(2024年1月18日淮安市第九届人民代表大会第四次会议通过)\n'
    '\n'
    '淮安市第九届人民代表大会第四次会议听取和审议了顾坤市长所作的政府工作报告。会议充分肯定了市人民政府过去一年的工作,同意报告提出的2024年经济社会发展的主要预期目标和政府工作的总体安排,决定批准这个报告。\n'
)
# http://hsnews.cnnb.com.cn/system/2016/01/31/011346389.shtml (wnews_112, lines 1-8)
HAISHU = (
    '海曙区十届人大五次会议隆重开幕\n'
    '\n'
    '    2016年01月31日 10:40  海曙新闻网\n'
    '    字号:TT\n'
    '海曙区十届人大五次会议开幕现场(李玉飞/摄)\n'
    '区长吴胜武作《政府工作报告》(胡建华/摄)\n'
    '\n'
    '  海曙新闻网讯(记者毛一波) 1月31日上午,海曙区第十届人民代表大会第五次会议在雄壮的国歌声中隆重开幕。来自全区各行各业、各条战线的人大代表肩负全区人民的重托,汇聚一堂,为“十三五”开好局、起好步,深入实施“四个领跑”战略,全面建设更高水平现代化中心城区的新征程而不懈努力。\n'
)


def test_a_breadcrumbs_root_naming_the_portals_owner_is_the_site():
    doc = clean(HUAIAN)
    assert doc.meta.get("site") == "淮安市人大"
    # a breadcrumb rooted at 首页 names no site
    assert "site" not in clean(HUAIAN.replace("淮安市人大 权威发布", "首页 权威发布")).meta


def test_the_web_outlet_the_header_and_the_lead_both_name_is_the_site():
    doc = clean(HAISHU)
    assert doc.meta.get("site") == "海曙新闻网"
    assert doc.meta.get("author") == "毛一波"
    # named under 来源: the source a repost took the text from, not the site
    sourced = clean(HAISHU.replace("10:40  海曙新闻网", "10:40  来源:海曙新闻网"))
    assert sourced.meta.get("source") == "海曙新闻网" and "site" not in sourced.meta
    # a paper's name in the lead (``南宁日报讯``) is the print source, not the site
    assert "site" not in clean(HAISHU.replace("海曙新闻网", "海曙日报")).meta


def test_a_breadcrumb_labelled_with_suo_zai_de_wei_zhi_is_navigation():
    """``您所在的位置:`` opens a breadcrumb as ``当前位置:`` does, also on a page too short to show its header."""
    doc = clean(HUAIAN.split("\n\n")[0] + "\n")
    assert doc.lines[0].action == "drop" and doc.lines[0].reason == "breadcrumb"
    assert doc.meta.get("site") == "淮安市人大"
    prose = clean("这一年里，我们始终清楚自己所在的位置：立足县情，服务全局，稳步推进各项工作。\n")
    assert prose.lines[0].action == "keep"


# the speaker line of a printed report, its name spaced out to the column: ``栗 俊 昌`` is a line of the
# 浮山县 report the search tool returned in this round (not kept as a page: no address); ``北京市市长 殷 勇``
# is the shape of a provincial portal's report page
SPEECH_HEAD = (
    "政府工作报告\n"
    "——2019年3月2日在浮山县第十六届人民代表大会第四次会议上\n"
    "{speaker}\n"
    "各位代表:\n"
    "现在,我代表县人民政府向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。\n"
)


def test_a_speakers_name_spaced_to_its_column_is_the_author_without_the_spaces():
    for speaker, name in [
        ("北京市市长 殷 勇", "殷勇"),
        ("市长\u3000殷\u3000勇", "殷勇"),  # ideographic spaces: the office is no part of the name
        ("县长 李 明 华", "李明华"),
        ("栗 俊 昌", "栗俊昌"),
        ("区人民政府区长 张伟民", "张伟民"),
    ]:
        doc = clean(SPEECH_HEAD.format(speaker=speaker))
        assert doc.lines[2].action == "meta", speaker
        assert doc.meta.get("author") == name, speaker
    # a sentence's end is no speaker line
    prose = clean(SPEECH_HEAD.format(speaker="会上,大家一致推举县长 李 明"))
    assert prose.meta.get("author") != "李明"


def test_a_spaced_name_scores_as_the_same_author():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from eval_boilerplate import _names

    assert _names("殷 勇") == _names("殷勇") == ["殷勇"]
    assert _names("栗 俊 昌") == ["栗俊昌"]
    assert _names("何苗 张梦洁") == ["何苗", "张梦洁"]  # two names stay two


def test_an_epapers_header_line_dates_the_page():
    """Mechanism (the shape of a newspaper's e-paper page, checked not to move a dev page): the paper, the
    issue's date and the page number make a header line that dates the page."""
    head = "河南日报 2024年01月29日 第01版\n"
    doc = clean(head + SPEECH_HEAD.format(speaker="省长 王凯"))
    assert doc.lines[0].action == "meta"
    assert doc.meta.get("date") == "2024-01-29"
    assert clean("2024年01月29日 第A03版\n" + SPEECH_HEAD.format(speaker="省长 王凯")).meta.get("date") == "2024-01-29"
    # a sentence naming a page is text (``(下转第2版)`` and prose keep their actions)
    assert clean("本报2024年1月29日第1版刊发了政府工作报告全文,请读者关注。\n").meta.get("date") is None


NEWS_HEAD = "河南省十四届人大二次会议开幕 王凯作政府工作报告\n2024-01-25 07:39 来源：河南日报\n{credit}\n"
NEWS_TEXT = (
    "1月24日,河南省第十四届人民代表大会第二次会议在郑州开幕。省长王凯代表省人民政府向大会作政府工作报告,"
    "回顾了2023年工作,部署了2024年任务。\n"
)


def test_a_credit_line_of_several_names_is_no_menu_and_its_label_is_no_name():
    """Mechanism (the credit shapes of a provincial paper's page, checked not to move a dev page): a credit
    line of four or more words is the byline, not a spaced menu; ``本报记者`` after ``作者：`` is no name."""
    for credit, names in [
        ("本报记者 刘晓波 李铮 实习生 王五", "刘晓波 李铮"),
        ("■ 记者 刘晓波 通讯员 李四", "刘晓波"),
        ("作者：本报记者 刘晓波", "刘晓波"),
        ("作者：特约记者 刘晓波", "刘晓波"),
    ]:
        doc = clean(NEWS_HEAD.format(credit=credit) + NEWS_TEXT)
        assert doc.lines[2].action == "meta", credit
        assert doc.meta.get("author") == names, credit
    # a menu is still a menu
    menu = clean(NEWS_HEAD.format(credit="首页 时政 经济 社会 文化 记者站") + NEWS_TEXT)
    assert menu.lines[2].action == "drop"


# http://www.syjyzs888.com/a/hui_shenghuo/20200522/40423.html (wnews_134, lines 1-14)
QIQU = (
    '三八奇趣网\n'
    '\n'
    '汇聚全球精彩分享\n'
    '领您探索未知国度\n'
    '\n'
    '国务院新闻办就《政府工作报告》解读等有关情\n'
    '\n'
    '国务院新闻办公室于2020年5月22日(星期五)上午11时30分举行吹风会,请《政府工作报告》起草组负责人、国务院研究室主任黄守宏解读《政府工作报告》有关情况,并答记者问。\n'
    '\n'
    '图为吹风会现场。中国网 郑亮 摄\n'
    '\n'
    '国务院新闻办新闻局局长、新闻发言人 胡凯红\n'
    '\n'
    '女士们、先生们,大家上午好。欢迎出席国务院新闻办今天举办的吹风会。今天上午十三届全国人大三次会议开幕,国务院总理李克强在开幕会上作了《政府工作报告》,这个《报告》大家都非常关注。为了帮助大家更好的了解《政府工作报告》的内容,我们非常高兴请来了《政府工作报告》起草组负责人、国务院研究室主任黄守宏先生,《政府工作报告》起草组成员、国务院研究室党组成员孙国君先生,请他们为大家解读《报告》,并回答大家的提问。首先,我们有请黄主任作介绍。\n'
)


def test_a_web_sites_own_name_heading_the_page_is_the_site():
    doc = clean(QIQU)
    assert doc.lines[0].action == "drop"
    assert doc.meta.get("site") == "三八奇趣网"
    # a channel's or an organ's name there is no web site's name (``西工区人大``): no site from it
    assert "site" not in clean(QIQU.replace("三八奇趣网", "西工区人大", 1)).meta
