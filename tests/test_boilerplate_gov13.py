"""Titles, metadata and line decisions on real pages, session 14 (issue 11, round 14): excerpts of the gov13 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only: the dev12 pages; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov13
section). Third-party page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean
from reportnlp.boilerplate.rules import line_rule

# https://jl.cri.cn/20180803/77aef91b-8896-1f5b-2ba4-d7c0b0054977.html (wnews_211, lines 1-16)
JLCRI = (
    '关东黑土\n'
    '\n'
    '长春 江城 四平 辽源 通化 白城 白山 松原 延边 长白山保护开发区\n'
    '\n'
    '热线:0431-81126178\n'
    '邮箱:jilin@cri.cn\n'
    '\n'
    '吉林省政府领导与省政协委员及省级各民主党派、工商联负责人议政协商会在长春召开\n'
    '\n'
    '2018-08-03 08:50:45  |  来源:吉林日报  |  编辑:杜伟   |  责编:刘征宇\n'
    '\n'
    '  原题:省政府领导与省政协委员及省级各民主党派、工商联负责人议政协商会召开 倾听民心民意 察纳良言善策 凝聚力量携手走出振兴发展新路 景俊海讲话 江泽林主持\n'
    '\n'
    '  吉林日报8月2日讯(记者 黄鹭):今天,吉林省政府领导与省政协委员及省级各民主党派、工商联负责人议政协商会在长春召开。吉林省委副书记、省长景俊海出席会议并讲话。省政协主席江泽林主持会议。\n'
    '\n'
    '  景俊海首先通报省政府上半年工作情况和下半年工作安排。他说,2018年以来,全省上下深入贯彻习近平新时代中国特色社会主义思想,按照省委省政府部署,坚持稳中求进工作总基调,高质量发展导向更加鲜明,经济运行保持稳中有进、稳中向好。下半年,我们将按照既定部署,全方位深化改革,多层次扩大开放,构造富有效率的营商环境、富有活力的发展氛围,建立公平高效的创业体系、协同互动的创新体系,最大限度激发内生动力、聚集外部资源,把“无中生有”与“有中生新”相结合,最大程度发挥优势、造就优势,努力培育增长点,着力转换新动能,让教育更加发达、科技更加闪亮、人才各显其能、经济质量提升、社会和谐稳定、人民生活美好。\n'
)

# http://reamhauser.com/p/253420.html (wnews_213, lines 1-4)
REAMHAUSER = (
    '新時代開啟新征程,新使命呼喚新作為。24日上午,吉林省第十三屆人民代表大會第五次會議在長春開幕。\n'
    '1月24日,省十三屆人大五次會議在長春開幕。圖為大會主席臺。\n'
    '省十三屆人大五次會議應到代表507人,今天出席會議的代表437人,符合法定人數。\n'
    '大會執(zhí)行主席景俊海、高廣濱、田錦塵、金振吉、王紹儉、張煥秋、賀東平、彭永林、龐慶波、賈曉東、常曉春在主席臺前排就座。\n'
)

# https://dingan.hainan.gov.cn/dab/Html/2013-01-31/756.html (wnews_215, lines 1-9: the whole page)
DINGAN = (
    '2:要闻总第107期 >2013-01-31编印\n'
    '\n'
    '省五届人大一次会议隆重开幕 定安代表团热议政府工作报告\n'
    '刊发日期:2013-01-31 阅读次数: 作者:  语音阅读:\n'
    '\n'
    '定安代表团热议政府工作报告。\n'
    '  海南省第五届人民代表大会第一次会议1月27日在海口隆重开幕。会议听取了海南省人民政府省长蒋定之所作的政府工作报告。出席会议的定安县省人大代表认真审议政府工作报告,大家聚集一堂,汇民意系民生,献良策谋发展。\n'
    '  省人大代表、省政协主席于迅参加定安代表团审议。\n'
    '  于迅代表指出,省政府工作报告对过去五年工作的回顾,全面、客观,对今后五年工作的任务,目标明确,对2013年工作全面部署,具体可行。\n'
)

# http://www.sczckj.com/zt/jj2024gzlhzt/zxdt/content/post_9442955.html (wnews_218, lines 1-7)
SCZCKJ = (
    '\n'
    '王衍詩主持 孫志洋作政府工作報告 郭永航李貽偉等出席\n'
    '2024年1月15日上午,廣州市第十六屆人民代表大會第四次會議在廣州白云國際會議中心開幕。\n'
    '1月15日上午,廣州市第十六屆人民代表大會第四次會議開幕。代市長孫志洋向大會作政府工作報告\n'
    '1月15日上午,廣州市第十六屆人民代表大會第四次會議開幕\n'
    '開幕大會由大會主席團常務主席、執(zhí)行主席、市人大常委會主任王衍詩主持。代市長孫志洋向大會作政府工作報告。\n'
    '大會應到代表561名,實到543名,符合法定人數(shù)。\n'
)

# https://zyluum.com/www/zw/zt/rdhyzt/201701/t20170113_51197 (wnews_96, a gov7 dev page, lines 1-5)
ZYLUUM = (
    '梨树县人民政府 2017-01-10 16:56:00\n'
    '来源:梨树县县委宣传部\n'
    '梨树县第十八届人民代表大会第一次会议\n'
    '五年来,在上级党委、政府和县委的正确领导下,在县人大、县政协的监督支持下,县政府团结和带领全县人民,紧紧围绕“一城三线四业五区”创业富民战略,积极应对各种压力和挑战,在解放思想中抢抓机遇、在开拓创新中锐意进取,圆满完成了既定目标任务,实现经济社会稳步健康发展。综合实力稳步提升,发展后劲有效积蓄;项目建设成效显着,经济基础更加夯实;现代农业步伐加快,农村工作扎实推进;城乡建设成绩斐然,生态环境不断优化;改革创新持续深化,发展活力充分释放;惠民工程深入实施,人民生活大幅改善;社会事业全面进步,服务能力明显提高;治理能力不断增强,行政效能显着提升。\n'
    '[纠错]\n'
)

# https://zh.hk01.com/即时中国/60216120/两会-政协开幕-王沪宁发表全国政协常委会工作报告 (wnews_65, a gov6 dev page, lines 1-4)
HK01 = (
    '两会・政协开幕|王沪宁发表全国政协常委会工作报告\n'
    '撰文: 朱加樟\n'
    '出版:更新:\n'
    '全国政协十四届三次会议今日(4日)下午3时在北京人民大会堂开幕,全国政协主席王沪宁作全国政协常委会工作报告。\n'
)

# https://sucai198.com/gongzuozongjie/2024/08/92179.html (wk_14, a gov7 dev page, lines 1-11)
SUCAI198 = (
    'SUCAI198.COM —— 专注党建行政公文写作范文\n'
    '\n'
    '2024年省市级政府工作报告汇编65篇\n'
    '\n'
    'admin 分享 时间: 加入收藏 共计755950个字,预计阅读时长2520分钟。\n'
    '\n'
    '目录\n'
    '\n'
    '1. 安徽省政府工作报告 5\n'
    '\n'
    '2. 包头市政府工作报告 38\n'
)

# https://dianbo.org/thread-19780-1-1.html (forum_06, a dev page, lines 1-48)
DIANBO = (
    '找回密码\n'
    ' 立即注册\n'
    '\n'
    'QQ登录\n'
    '\n'
    '只需一步,快速开始\n'
    '\n'
    '教程经验总索引TVMW5/小日本5 索引【视频转换】小日本4/TE4XP 索引【视频转换】TAW4 / TDA3 索引【DVD打包软件】\n'
    'Nero 索引DVD-Lab 索引【DVD打包软件】编解码器 索引 【必读】固顶帖011号\n'
    '查看: 2510|回复: 1\n'
    '\n'
    '[转贴] 交错的产生与解除之DVDrip制作半程分析\n'
    '\n'
    '[复制链接]\n'
    '\n'
    '11\n'
    '\n'
    '威望\n'
    '\n'
    '3259\n'
    '\n'
    '金钱\n'
    '\n'
    '164\n'
    '\n'
    '贡献\n'
    '\n'
    '版主\n'
    '\n'
    '上将\n'
    '\n'
    '积分\n'
    '3882\n'
    '\n'
    '版主\n'
    '\n'
    '主题\n'
    '506\n'
    '回帖\n'
    '436\n'
    '注册时间\n'
    '2010-2-9\n'
    '最后登录\n'
    '2019-1-16\n'
    'QQ\n'
    '发表于 2012-5-5 04:33:46 | 显示全部楼层 |阅读模式\n'
    '\n'
    '马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。\n'
)


def _actions(doc):
    return {d.line: d.action for d in doc.lines}


def test_the_original_title_labelled_yuanti_is_no_text():
    doc = clean(JLCRI)
    acts = _actions(doc)
    assert acts[12] == "drop" and acts[14] == "keep"
    assert next(d.reason for d in doc.lines if d.line == 12) == "editorial_note"
    assert doc.title == "吉林省政府领导与省政协委员及省级各民主党派、工商联负责人议政协商会在长春召开"
    assert doc.meta.get("author") == "黄鹭" and doc.meta.get("source") == "吉林日报"
    assert clean(doc.text).text == doc.text
    assert line_rule("原题目的设计思路如下:") is None


def test_a_scene_sentence_and_what_the_photo_shows_is_a_caption():
    doc = clean(REAMHAUSER)
    acts = _actions(doc)
    assert acts[2] == "drop" and acts[1] == "keep" and acts[3] == "keep"
    assert next(d.reason for d in doc.lines if d.line == 2) == "photo_caption"
    assert "图为" not in doc.text
    # a body sentence that mentions a figure stays
    body = "全省粮食产量再创新高。图为近五年粮食产量的变化,具体数据见附表一和附表二,由省统计局提供。"
    assert line_rule(body) is None


def test_a_caption_repeating_a_part_of_a_two_part_headline_is_dropped():
    doc = clean(DINGAN)
    acts = _actions(doc)
    assert doc.title == "省五届人大一次会议隆重开幕 定安代表团热议政府工作报告"
    assert acts[6] == "drop" and acts[7] == "keep"
    assert next(d.reason for d in doc.lines if d.line == 6) == "photo_caption"
    assert doc.meta.get("date") == "2013-01-31"
    assert clean(doc.text).text == doc.text
    # the same sentence with nothing under it is the text, and a sentence that is no part of the headline stays
    alone = "\n".join(DINGAN.split("\n")[:6]) + "\n"
    assert "定安代表团热议政府工作报告。" in clean(alone).text
    other = DINGAN.replace("定安代表团热议政府工作报告。\n", "定安代表团审议了报告。\n")
    assert "定安代表团审议了报告。" in clean(other).text


def test_a_browser_title_broken_after_its_separator_names_the_site():
    """Fujian's 2026 report page as plain text (``tests/fixtures/real_inputs/gov_FJ_text_head.txt``, the page
    ``gov_FJ``'s text rendering in ``../shared/corpora/gov-portal-pages/text/2026_FJ.txt``): its title tag broke
    into ``2026年福建省人民政府工作报告_`` / ``政府工作报告_福建省人民政府门户网站``; the site is the joined title's last part,
    as on the HTML page (gold ``福建省人民政府门户网站``): before, the whole text page gave the footer's owner
    ``福建省人民政府`` and this head of it no site."""
    from pathlib import Path

    page = Path(__file__).parent / "fixtures" / "real_inputs" / "gov_FJ_text_head.txt"
    doc = clean(page.read_bytes(), id="2026_FJ")
    assert doc.meta["site"] == "福建省人民政府门户网站"
    assert clean("政府工作报告_\n各位代表:\n现在,我代表省人民政府向大会报告工作。\n").meta.get("site") != "各位代表:"


def test_captions_printed_one_under_another_opening_with_the_same_dated_scene_are_dropped():
    doc = clean(SCZCKJ)
    acts = _actions(doc)
    assert acts[4] == "drop" and acts[5] == "drop"
    assert acts[3] == "keep" and acts[6] == "keep" and acts[7] == "keep"
    assert {d.reason for d in doc.lines if d.line in (4, 5)} == {"photo_caption"}
    assert clean(doc.text).text == doc.text
    # two paragraphs that open alike but end as sentences stay
    text = (
        "1月15日上午,市第十六届人民代表大会第四次会议开幕。会议听取了政府工作报告。\n"
        "1月15日上午,市第十六届人民代表大会第四次会议开幕前,代表们陆续入场。\n"
    )
    assert all(d.action == "keep" for d in clean(text).lines if d.text)


def test_a_government_bodys_name_before_the_time_is_the_publisher_no_author():
    """``梨树县人民政府 2017-01-10 16:56:00``: the site (its gold ``site``), not a poster; the page names no author
    (unscored before: an extra field the labels do not hold, found by listing the fields clean gives beyond the gold)."""
    doc = clean(ZYLUUM)
    assert doc.meta.get("site") == "梨树县人民政府" and doc.meta.get("date") == "2017-01-10"
    assert "author" not in doc.meta
    assert clean("雁回小吏 2024-03-08 09:17\n今天我们讨论政府工作报告的起草。\n").meta.get("author") == "雁回小吏"


def test_a_columns_short_name_before_the_bar_leaves_no_site():
    """``两会・政协开幕|王沪宁发表全国政协常委会工作报告``: the title kept whole (its first part too short for a headline), so
    its second part is no site's name (the site was ``王沪宁发表全国政协常委会工作报告``; the page names none)."""
    doc = clean(HK01)
    assert doc.title == "两会・政协开幕|王沪宁发表全国政协常委会工作报告"
    assert "site" not in doc.meta and doc.meta.get("author") == "朱加樟"
    # a browser title whose headline is long enough still names the site
    assert clean("2026年湖南省政府工作报告-湖南省人民政府门户网站\n各位代表:\n").meta.get("site") == "湖南省人民政府门户网站"


def test_a_table_of_contents_heading_and_a_forum_profiles_labels_are_no_author():
    """``目录`` alone (wk_14) and ``最后登录`` over a date in a poster's profile (forum_06) were read as authors' names."""
    assert "author" not in clean(SUCAI198).meta
    doc = clean(DIANBO)
    assert "author" not in doc.meta and doc.meta.get("date") == "2012-05-05"
