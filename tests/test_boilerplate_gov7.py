"""Titles, metadata and line decisions on real pages, session 9 (issue 11, round 8): excerpts of the gov7 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov7 section). Third-party
page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean
from reportnlp.boilerplate.rules import is_meta_line, line_rule

# http://nmgqq.com.cn/shuzishizhi/nianjian/neimengguniajian/nianjianerlinger/tezai/2011-4-14/1784.html (govr_25, lines 1-14)
NMGQQ = (
    "当前位置:内蒙古区情网  /  数字史志  /  年鉴  /  内蒙古年鉴  /  2002卷  /  特载\n"
    "\n"
    "2002卷\n"
    "\n"
    "  • 政府工作报告\n"
    "  • ——2001年2月16日在内蒙古自治区第九届人民代表大会第四次会议上\n"
    "\n"
    "\n"
    "    自治区代主席 乌云其木格\n"
    "\n"
    "    各位代表:\n"
    "        我们胜利完成了自治区经济和社会发展第九个五年计划。从今年开始,将全面实施第十个五年计划,向社会主义现代化建设第三步战略目标迈进。现在,我代表自治"
    "区人民政府作工作报告,请各位代表连同《内蒙古自治区国民经济和社会发展第十个五年计划纲要》一并审议,并请自治区政协委员和列席会议的同志们提出意见。\n"
    "       \n"
    "    一、“九五”时期和2000年工作的回顾与总结\n"
)

# https://epaper.qlwb.com.cn/qlwb/content/20120416/ArticelW02002FM.htm (wnews_101, lines 1-13)
QLWB = (
    "|\n"
    "| 市十六届人大一次会议昨开幕 |\n"
    "| 孙述涛宣布大会开幕张惠作政府工作报告 | |\n"
    "- 2012年04月16日\n"
    "来源:齐鲁晚报\n"
    "-\n"
    "【PDF版】\n"
    "|\n"
    "|\n"
    "|\n"
    " | ◤威海市第十六届人民代表大会第一次会议在国际会议中心召开。 本报记者 王震 摄 |  | ◥威海市第十六届人民代表大会第一次会议昨日开幕,代表开始分组审议"
    "政府工作报告。 本报记者 王震 摄 |  | ▼与会代表认真听取政府工作报告。 本报记者 王震 摄 |\n"
    "|\n"
    "本报威海4月15日讯(记者 陶相银) 15日上午,威海市第十六届人民代表大会第一次会议在威海国际会议中心隆重开幕。314名人大代表齐聚一堂,共商威海经济社会发展"
    "大计。孙述涛、王培廷、马世和、邓洪爱、曲展强、施章钧、毕礼伟、张文武在主席台前排就座。张惠、刘玉党、赵熙殿等在主席台就座。 上午9时,大会主席团常务主席、执行主"
    "席孙述涛宣布大会开幕,全体人员起立,会场内响起雄壮的国歌声。在热烈的掌声中,代市长张惠代表威海市人民政府向大会作工作报告。政府工作报告分为四部分:一、第十五届政"
    "府工作回顾;二、今后五年政府工作的总体设想;三、2012年政府工作安排;四、加强政府自身建设。 张惠在报告中说,本届政府自2008年组成以来,在省委、省政府和威"
    "海市委的坚强领导下,威海市政府和全市人民一道,突出科学发展主题,克服国际金融危机不利影响,抓住山东半岛蓝色经济区建设战略机遇,加快转变经济发展方式,保持经济平稳"
    "较快发展,促进社会和谐稳定,改革开放和现代化建设取得可喜成就。 张惠在报告中指出,今后五年是威海推进科学发展的重要时期。综观国际国内形势,世界经济复苏进程艰难曲"
    "折,国际金融危机还在发展,国内经济下行压力依然很大,区域经济竞争日益激烈。但我国发展仍处于大有可为\n"
)

# https://zyluum.com/www/zw/zt/rdhyzt/201701/t20170113_51197 (wnews_96, lines 1-5)
ZYLUUM = (
    "梨树县人民政府 2017-01-10 16:56:00\n"
    "来源:梨树县县委宣传部\n"
    "梨树县第十八届人民代表大会第一次会议\n"
    "五年来,在上级党委、政府和县委的正确领导下,在县人大、县政协的监督支持下,县政府团结和带领全县人民,紧紧围绕“一城三线四业五区”创业富民战略,积极应对各种压力和"
    "挑战,在解放思想中抢抓机遇、在开拓创新中锐意进取,圆满完成了既定目标任务,实现经济社会稳步健康发展。综合实力稳步提升,发展后劲有效积蓄;项目建设成效显着,经济基"
    "础更加夯实;现代农业步伐加快,农村工作扎实推进;城乡建设成绩斐然,生态环境不断优化;改革创新持续深化,发展活力充分释放;惠民工程深入实施,人民生活大幅改善;社会"
    "事业全面进步,服务能力明显提高;治理能力不断增强,行政效能显着提升。\n"
    "[纠错]\n"
)

# https://gzdaily.dayoo.com/pc/html/2024-03/06/content_866_851686.htm (wnews_92, lines 1-19)
GZDAILY = (
    "第A1版:头版\n"
    "\n"
    "十四届全国人大二次会议在京开幕\n"
    "\n"
    "习近平王沪宁蔡奇丁薛祥李希韩正等在主席台就座\n"
    "李强作政府工作报告 赵乐际主持大会\n"
    "听取关于国务院组织法修订草案的说明等\n"
    "\n"
    "本文字数:810\n"
    "\n"
    "3月5日,第十四届全国人民代表大会第二次会议在北京人民大会堂开幕。党和国家领导人习近平、李强、王沪宁、蔡奇、丁薛祥、李希、韩正等出席大会。 新华社发\n"
    "\n"
    "3月5日,第十四届全国人民代表大会第二次会议在北京人民大会堂开幕。国务院总理李强作政府工作报告。新华社发\n"
    "\n"
    "3月5日,第十四届全国人民代表大会第二次会议在北京人民大会堂开幕。赵乐际主持开幕会。 新华社发\n"
    "\n"
    "  新华社北京3月5日电 第十四届全国人民代表大会第二次会议5日上午在北京人民大会堂开幕。近3000名全国人大代表肩负人民重托出席大会,履行宪法和法律赋予的神圣"
    "职责。\n"
    "\n"
    "  人民大会堂大礼堂气氛隆重热烈,主席台帷幕正中的国徽在鲜艳的红旗映衬下熠熠生辉。\n"
)

# https://zhann.net/daquan/a4/253275.html (govr_26, lines 1-4)
ZHANN = (
    "内蒙古自治区政府工作报告(合集五篇)\n"
    "第一篇:内蒙古自治区政府工作报告\n"
    "——2024年1月11日在内蒙古自治区第十届人民代表大会第一次会议上自治区主席 乌云其木格各位代表:本届政府从1998年1月就职,到现在已经五年了,任期即将结束"
    "。现在,我代表自治区人民政府向大会报告工作,请予审议,并请自治区政协各位委员提出意见。\n"
    "一、过去五年工作的回顾自治区九届人大一次会议以来的五年,是跨世纪的不平凡的五年。五年来,本届政府团结带领全区各族人民,坚持以邓小平理论和“三个代表”重要思想为指"
    "导,认真贯彻党中央、xx和自治区党委的一系列重大决策和部署,紧紧抓住国家扩大内需和实施西部大开发的机遇,经受住了亚洲金融危机、有效需求不足和罕见的洪涝、干旱等自"
    "然灾害带来的严峻考验,~完成了自治区九届人大一次会议确定的各项目标和任务,改革开放和社会主义现代化建设取得了新成就。国民经济持续快速健康发展,综合经济实力明显增"
    "强。五年来,全区上下始终坚持以经济建设为中心,抢抓机遇,加快发展,经济总体实力上了一个新台阶。2024年全区国内生产总值预计达到1732亿元,比1997年增长5"
    "9.2%,年均增长9.8%,高于全国平均水平;财政总收入达到201亿元,增加89.7亿元,年均增长12.5%;五年全社会固定资产投资累计完成2375亿元,年均递"
    "增17.6%;金融机构各项存、贷款余额达到1720亿元和1645亿元,分别增长103.6%和40.4%;社会消费品零售总额达到601亿元,年均增长10.3%,物"
    "价总水平保持稳定。经济结构战略性调整取得成效,三次产业比重由29.3:38.8:31.9,调整为21.5:42.1:36.4。农村牧区经济全面发展,第一产业增加"
    "值达到372亿元,年均增长3.3%,粮食产量稳定在140亿公斤左右,肉类、禽蛋类和奶类总产量分别比1997年增长22.3%、30%和\n"
)

# https://bbs.9ioldgame.com/thread-170?orderby=asc (forum_04, lines 1-30)
EMU_MENU = (
    "• FC/NES\n"
    "  • SFC/SNES\n"
    "  • N64\n"
    "  • NGC\n"
    "  • Wii\n"
    "  • WiiU\n"
    "  • GameBoy\n"
    "  • GBC\n"
    "  • GBA\n"
    "  • NDS\n"
    "  • 3DS\n"
    "  • PS1\n"
    "  • PS2\n"
    "  • PS3\n"
    "  • PSP\n"
    "  • PSV\n"
    "  • MD\n"
    "  • SS\n"
    "  • DC\n"
    "  • PC-E\n"
    "  • Xbox360\n"
    "  • More...\n"
    "2 0 0\n"
    "\n"
    "[转载][多图]介绍游戏模拟器里各种常用滤镜的原理和效果,以及9102年了该如何正确模拟CRT!\n"
    "\n"
    "大掌柜 Mr.C\n"
    "7210 2\n"
    "\n"
    "本文共计58626个字,预计阅读时长234.5分钟。\n"
)

# https://yunko.cn/doc/y3on325ftl (govr_22, lines 1-6)
YUNKO = (
    "市政府\n"
    "五年\n"
    "工作报告\n"
    "各位代表:\n"
    "现在,我代表市人民政府,向大会报告工作,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
    "x届政府工作及“十四五”开局\n"
)

# http://grassland.china.com.cn/2018-01/24/content_40202212.htm (wnews_103, lines 1-12)
GRASSLAND = (
    "动态要闻>\n"
    "\n"
    "内蒙古自治区十三届人大一次会议开幕 布小林作政府工作报告\n"
    "\n"
    "2018-01-24 22:07:23 | 来源:中国网草原频道 | 作者:苏文 | 责任编辑:王金梅\n"
    "摘要:24日上午,内蒙古自治区十三届人大一次会议在呼和浩特开幕,内蒙古自治区党委副书记、自治区主席布小林代表自治区政府向大会作政府工作报告。\n"
    "\n"
    "中国网草原频道1月24日讯(记者 苏文)24日上午,内蒙古自治区十三届人大一次会议在呼和浩特开幕,内蒙古自治区党委副书记、自治区主席布小林代表自治区政府向大会作"
    "政府工作报告。\n"
    "\n"
    "内蒙古自治区十三届人大一次会议开幕现场\n"
    "\n"
    "布小林在政府工作报告中回顾了过去五年的工作,表示过去的五年,是自治区发展进程中极不平凡的五年。在以习近平同志为核心的党中央坚强领导下,我们认真贯彻落实党中央、国"
    "务院和自治区党委决策部署,牢牢把握稳中求进工作总基调,坚持新发展理念,统筹做好稳增长、促改革、调结构、惠民生、防风险各项工作,改革开放和现代化建设取得新成就。\n"
)

# http://szb.northnews.cn/nepaper/nmgrb/html/2017-01/17/content_113184.htm (wnews_104, lines 1-9)
NORTHNEWS = (
    "2017年1月17日\n"
    "\n"
    "李纪恒参加巴彦淖尔市代表团审议 自治区人大常委会工作报告时强调\n"
    "发挥优势 苦干实干 奋力实现塞上江南新崛起\n"
    "\n"
    "《内蒙古日报》(2017年1月17日) 01版\n"
    "1月16日下午,自治区党委书记李纪恒与巴彦淖尔市代表团共同审议自治区人大常委会工作报告。 本报记者 袁永红 摄\n"
    "\n"
    "本报1月16日讯 (记者 刘晓冬)1月16日下午,自治区党委书记李纪恒与自治区十二届人大六次会议巴彦淖尔市代表团共同审议自治区人大常委会工作报告时强调,巴彦淖尔"
    "市要全面贯彻落实党中央和自治区党委、政府的决策部署,撸起袖子加油干,以更高标准、更严要求、更实作风,推动各项工作取得新成效,奋力实现塞上江南新崛起。\n"
)

# https://www.zzrd.gov.cn/html/news/4/2010-02/01/1895.html (wnews_109, lines 1-16)
ZZRD = (
    "郑州人大人大要闻正文\n"
    "\n"
    "代表团分组审议《政府工作报告》\n"
    "\n"
    "时间:2010/2/1 来源:郑州人大网\n"
    "\n"
    "  郑州人大网2月1日讯:今天下午,参加市十三届人大二次会议的代表们分团审议了市长赵建才所作的《政府工作报告》。审议会场气氛热烈,多位代表争相发言。\n"
    "  代表们认为,报告内容全面客观、科学务实,使人倍受鼓舞、振奋精神。代表们还就医疗保障、新农村建设、“三农”等问题,紧扣报告主题,围绕郑州市民关注的热点、难点问"
    "题提出建议和意见。\n"
    "\n"
    "     \n"
    "\n"
    "版权所有:郑州市人民代表大会常务委员会办公室\n"
    "\n"
    "联系电话:0371-89890600 传真:0371-89890700\n"
    "\n"
    "建议IE6.0以上 1024*768浏览 豫ICP备12024758号\n"
)

# https://cz.rednet.cn/m/content/2021/12/30/10694086.html (wnews_110, lines 1-7)
CZ_REDNET = (
    "12月30日上午9时,郴州市第六届人民代表大会第一次会议在市群众文化中心开幕。\n"
    "红网时刻12月30日讯(记者 胡用梅 何雨杏 章杰飞)12月30日上午9时,郴州市第六届人民代表大会第一次会议在市群众文化中心开幕。凝心聚力谋发展,意气风发向未"
    "来。来自郴州各地、各条战线的人大代表带着擘画郴州发展的拳拳之心,怀揣民意,齐聚一堂,将在未来几天时间里,围绕中心工作,聚焦经济社会发展各个领域,履职尽责,为郴州"
    "发展建真言,献良策。\n"
    "此刻,郴州市委副书记、代市长吴巨培正在向大会作政府工作报告。\n"
    "来源:红网时刻\n"
    "作者:胡用梅 何雨杏\n"
    "编辑:周蕾\n"
    "本站原创文章,转载请附上原文链接。\n"
)


def _actions(doc) -> dict[str, str]:
    return {d.text.strip(): d.action for d in doc.lines if d.text.strip()}


def test_list_markers_are_layout_for_title_dateline_and_speaker():
    doc = clean(NMGQQ)
    acts = _actions(doc)
    assert doc.title == "政府工作报告"  # ``• 政府工作报告``: the headline, without its bullet
    assert acts["• ——2001年2月16日在内蒙古自治区第九届人民代表大会第四次会议上"] == "keep"  # the dateline
    assert acts["自治区代主席 乌云其木格"] == "meta"
    assert doc.meta["author"] == "乌云其木格"  # a five-character name after a space
    assert doc.meta["speech_date"] == "2001-02-16"
    assert "date" not in doc.meta  # a dateline alone gives the speech's date, not a publication date
    assert is_meta_line("自治区代主席 乌云其木格")
    assert not is_meta_line("县长作政府工作报告")  # five characters glued to the office: a clause


def test_a_run_of_bullets_is_a_menu_not_a_title():
    doc = clean(EMU_MENU)
    acts = _actions(doc)
    assert doc.title != "FC/NES"
    assert acts["• FC/NES"] == acts["• SFC/SNES"] == "drop"


def test_a_one_cell_table_row_and_a_dashed_date():
    doc = clean(QLWB)
    acts = _actions(doc)
    assert doc.title == "市十六届人大一次会议昨开幕"  # ``| X |``: the cell's text
    assert acts["- 2012年04月16日"] == "meta"
    assert doc.meta["date"] == "2012-04-16"
    assert doc.meta["source"] == "齐鲁晚报"
    assert doc.meta["author"] == "陶相银"


def test_a_site_name_and_time_is_metadata_never_the_title():
    doc = clean(ZYLUUM)
    acts = _actions(doc)
    assert acts["梨树县人民政府 2017-01-10 16:56:00"] == "meta"
    assert doc.title == "梨树县第十八届人民代表大会第一次会议"
    assert doc.meta["date"] == "2017-01-10"
    assert doc.meta["source"] == "梨树县县委宣传部"


def test_agency_photo_captions_are_dropped():
    doc = clean(GZDAILY)
    captions = [d for d in doc.lines if d.text.rstrip().endswith("新华社发")]
    assert len(captions) == 3 and all(d.action == "drop" for d in captions)
    assert line_rule("3月5日,第十四届全国人民代表大会第二次会议在北京人民大会堂开幕。赵乐际主持开幕会。 新华社发") == "photo_caption"
    assert "新华社发" not in doc.text and "新华社北京3月5日电" in doc.text
    assert line_rule("报告由新华社发布。") is None  # a sentence about the agency is no credit


def test_a_speaker_glued_between_dateline_and_salutation_gives_the_author():
    doc = clean(ZHANN)
    assert doc.meta["author"] == "乌云其木格"
    assert doc.meta["speech_date"] == "2024-01-11"


def test_cleaning_the_excerpts_twice_changes_nothing():
    for page in (NMGQQ, QLWB, ZYLUUM, GZDAILY, ZHANN, EMU_MENU, YUNKO, GRASSLAND, NORTHNEWS,
                 ZZRD, CZ_REDNET):
        once = clean(page).text
        assert clean(once).text == once


def test_a_sample_label_under_a_title_that_counts_its_samples():
    doc = clean(ZHANN)
    assert doc.title == "内蒙古自治区政府工作报告(合集五篇)"
    assert _actions(doc)["第一篇:内蒙古自治区政府工作报告"] == "keep"


def test_a_heading_cut_into_pieces_at_the_top_is_the_documents_text():
    doc = clean(YUNKO)
    acts = _actions(doc)
    assert doc.title is None
    assert acts["市政府"] == acts["五年"] == acts["工作报告"] == "keep"
    # a site's menu of short lines is no such heading: its items stay furniture
    menu = clean("首页\n新闻\n工作报告\n" + YUNKO.split("\n", 3)[3])
    assert _actions(menu)["首页"] == _actions(menu)["新闻"] == "drop"


def test_a_headline_alone_over_a_deck_block_is_the_title():
    doc = clean(GZDAILY)
    assert doc.title == "十四届全国人大二次会议在京开幕"
    assert _actions(doc)["第A1版:头版"] == "drop"
    assert _actions(doc)["习近平王沪宁蔡奇丁薛祥李希韩正等在主席台就座"] == "keep"  # the deck's first line


def test_a_summary_repeating_the_lead_after_its_byline_and_a_long_scene_caption():
    doc = clean(GRASSLAND)
    acts = _actions(doc)
    summary = next(t for t in acts if t.startswith("摘要:24日上午"))
    assert acts[summary] == "drop"
    assert acts["内蒙古自治区十三届人大一次会议开幕现场"] == "drop"  # a photo's caption naming the scene
    assert (doc.meta["date"], doc.meta["source"], doc.meta["author"]) == ("2018-01-24", "中国网草原频道", "苏文")
    assert doc.text.startswith("中国网草原频道1月24日讯")


def test_a_newspapers_edition_line_is_furniture():
    doc = clean(NORTHNEWS)
    acts = _actions(doc)
    assert acts["《内蒙古日报》(2017年1月17日) 01版"] == "drop"
    assert line_rule("《内蒙古日报》(2017年1月17日) 01版") == "page_marker"
    assert doc.meta["date"] == "2017-01-17" and doc.meta["author"] == "刘晓冬"


def test_a_sentence_with_clauses_that_reports_the_report_is_text():
    # https://paper.xinmin.cn/html/xmwb/2025-03-05/4/205776.html (wnews_107, line 6)
    assert line_rule("9时,大会正式开幕,国务院总理李强作政府工作报告。") is None
    assert line_rule("殷勇同志作政府工作报告。") == "photo_caption"


def test_a_first_line_the_lead_restates_and_a_repost_notice_are_dropped():
    doc = clean(CZ_REDNET)
    acts = _actions(doc)
    assert acts["12月30日上午9时,郴州市第六届人民代表大会第一次会议在市群众文化中心开幕。"] == "drop"
    assert acts["本站原创文章,转载请附上原文链接。"] == "drop"
    assert doc.text.startswith("红网时刻12月30日讯")
    assert doc.meta["source"] == "红网时刻" and doc.meta["author"] == "胡用梅 何雨杏"
    # a first sentence the lead does not restate stays text
    other = CZ_REDNET.replace("12月30日上午9时,郴州市第六届人民代表大会第一次会议在市群众文化中心开幕。\n", "大会为期三天,代表们将审议政府工作报告等六个报告。\n", 1)
    assert _actions(clean(other))["大会为期三天,代表们将审议政府工作报告等六个报告。"] == "keep"


def test_the_owner_named_by_a_copyright_label_is_the_site():
    doc = clean(ZZRD)
    assert doc.meta["site"] == "郑州市人民代表大会常务委员会办公室"
    assert doc.meta["date"] == "2010-02-01" and doc.meta["source"] == "郑州人大网"
    assert doc.title == "代表团分组审议《政府工作报告》"
