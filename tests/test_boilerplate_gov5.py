"""Titles, metadata and line decisions on real pages, session 7 (issue 11): excerpts of the gov5 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov5 section). Third-party
page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean
from reportnlp.boilerplate.rules import is_meta_line

# http://bfkb.v0375.cn/Html/2024-01-22/20747.html (wnews_35, lines 1-11)
BFKB = (
    "第一版:要闻版总第4492期 >2024-01-22编印\n"
    "\n"
    "县十六届人大四次会议开幕\n"
    "大会主席团常务主席、执行主席王代强刘景华崔仓阿卫国庞旭辉金龙峰在主席台前排就座 县长刘海亮代表县人民"
    "政府向大会作工作报告\n"
    "刊发日期:2024-01-22 作者:  语音阅读:\n"
    "\n"
    "20240122001.jpg\n"
    "\n"
    "   1月21日上午,宝丰县第十六届人民代表大会第四次会议在演艺中心开幕。来自全县各条战线的人大代表"
    "齐聚一堂,认真履行宪法和法律赋予的神圣职责,共商发展大计,共绘美好蓝图。\n"
    "\n"
    "  大会主席团常务主席、执行主席王代强、刘景华、崔仓、阿卫国、庞旭辉、金龙峰在主席台前排就座。刘景华"
    "主持会议。\n"
)

# https://www.paiqing-icetech.com/post/23326.html (govr_10, lines 1-5)
PAIQING = (
    "镇原县2024工作报告📜\n"
    "尊敬的各位领导、各位代表,大家好!👋\n"
    "在这春意盎然的季节里,我们齐聚一堂,共同回顾过去一年的工作成果,展望新的一年发展蓝图,我代表镇原县政"
    "府,向大家汇报2024年的工作报告。🌟\n"
    "回顾2023年工作成果🏆\n"
    "过去的一年,镇原县在县委、县政府的坚强领导下,全县人民团结一心,砥砺奋进,取得了显著的成绩。\n"
)

# http://guakaob.com/shiyongwendang/519316.html (govr_11, lines 1-22)
GUAKAOB = (
    "乡镇人大会,政府工作报告\n"
    "\n"
    "| 报告 |\n"
    "\n"
    "【www.guakaob.com--报告】\n"
    "\n"
    "篇一:乡镇人大会,政府工作报告\n"
    "镇人代会政府工作报告\n"
    "\n"
    "XX镇政府工作报告\n"
    "\n"
    "2014年 月 日\n"
    "\n"
    "镇长 XX\n"
    "\n"
    "各位代表:\n"
    "\n"
    "我代表镇人民政府,向大会报告工作,请予审查,并请镇政协委员提出意见。\n"
    "\n"
    "2013年工作回顾\n"
    "\n"
    "过去的一年,是经济形势错综复杂、发展任务十分繁重的一年。在县委、县政府和镇党委的坚强领导下,在镇人大"
    "、政协的监督支持下,镇人民政府紧紧依靠全镇人民,以党的十八大和十八届三中全会精神为统揽,按照镇党委“"
    "XXX、XXX”的工作思路,锐意进取,拼搏实干,全镇经济实现了平稳较快发展,各项事业全面进步,社会大"
    "局更加和谐稳定,人民群众安居乐业。全年我镇国民生产总值(GDP)实现41045.58万元,增速11%"
    ";财政一般预算收入任务174万,完成198万,其中税收性一般预算收入完成174万;财政支出年初预算1"
    "184万,调整预算1506万,实现支出1504万;农业增加值同比增长4.5%,实现农村人均纯收入88"
    "80元,同比增长15%。\n"
)

# http://dcgdxww.com/jujiaotoutiao/72903.html (wnews_37, lines 1-24)
DCGDXWW = (
    "欢迎来访 东昌府新闻网-聊城视音频新闻门户网站\n"
    "\n"
    "手机网站  |   帮助中心\n"
    "\n"
    "首页 > 新闻热点 >东昌要闻\n"
    "\n"
    "聊城市第十八届人民代表大会第四次会议东昌府区代表团召开全体代表会议 继续审议市政府工作报告\n"
    "\n"
    "作者:东昌府新闻网 发表于:2024-01-13 09:27:40  点击:\n"
    "\n"
    "东昌府讯 1月13日上午,出席聊城市第十八届人民代表大会第四次会议的东昌府区代表团举行全体会议,继续"
    "审议市长张百顺所作的政府工作报告。东昌府区代表团团长马军权,副团长江绍华、李超参加审议。\n"
    "\n"
    "讨论现场,代表们结合自身工作与实际踊跃发言,围绕报告谈感受、话发展、想对策、提建议,讨论现场气氛热烈"
    "。徐龙海、侯德功、衣善忠、张立国、耿洪恩、高新欢、李靖华、于明磊、郗登敏、闫晓丽、李伟、刘长旺等代表"
    "依次发言。\n"
    "\n"
    "大家一致认为,市政府工作报告对过去一年的总结实事求是、全面客观,对2024年的工作目标明确、思路清晰"
    "、求真务实、催人奋进,是一个有高度、有深度、有广度、有温度的好报告。今后将继续依法履职尽责,学深悟透"
    "会议精神,切实把思想和行动统一到报告部署上来,全力打造聊城“首善之区”,为建设“六个新聊城”贡献东昌"
    "府区力量。\n"
    "\n"
    "(融媒体 徐振鑫 于继镔 李海鑫)\n"
    "\n"
    "\n"
    "记者 | 徐振鑫 于继镔 李海鑫\n"
    "\n"
    "编辑 | 李念辉\n"
    "\n"
    "审核 | 李学成\n"
)

# http://hzdaily.hangzhou.com.cn/hzrb/2024/01/30/article_detail_1_20240130A016.html (wnews_38, lines 1-9)
HZDAILY = (
    "姚高员在参加余杭代表团审议时强调\n"
    "\n"
    "扛重担挑大梁 奋力打造现代化国际大都市的城市新中心\n"
    "\n"
    "2024-01-30\n"
    "\n"
    "本报讯(首席记者 何去非)昨日下午,市长姚高员以市人大代表身份来到余杭代表团,与代表们一起审议政府工"
    "作报告。他强调,要深入学习贯彻习近平总书记考察浙江重要讲话和指示批示精神,聚焦目标勇挑大梁,努力塑造"
    "发展新动能,持续推进城乡融合,把余杭奋力打造成现代化国际大都市的城市新中心。刘颖、戴建平、罗卫红参加"
    "。\n"
    "\n"
    "会上,7位代表先后发言。大家一致认为政府工作报告通篇贯彻习近平新时代中国特色社会主义思想和习近平总书"
    "记考察浙江重要讲话精神,总结成绩鼓舞人心、预期目标科学合理,是一个贯彻新发展理念、构建新发展格局,饱"
    "含为民情怀、增进民生福祉的好报告。\n"
)

# https://www.sanwenwang.com/ba/gwumifqf.html (blog_15, lines 1-19)
SANWEN = (
    "市政府工作报告解读——段落概括能力提升训练(2)\n"
    "全文字数|3.9千\n"
    "阅读时间|13分钟\n"
    "图片来源|网络\n"
    "1.政府工作报告的水平和性质\n"
    "2.西部A市与中部B市的报告对比(第1段)\n"
    "3.西部A市与中部B市的报告对比(第2段)\n"
    "4.就怕货比货,对比出奇迹\n"
    "\n"
    "一、政府工作报告的水平和性质\n"
    "政府工作报告基本可以看作中国最高公文水平,其性质非常严肃,行文非常严谨,值得每一个考生认真学习。\n"
    "以地级市工作报告为例,它在总结上一年工作的同时,对下一年度的工作也进行了规划。它要对本市市民负责,明"
    "确发出市政府的声音。\n"
    "在总结上一年工作时,要核实提出的要求和拟定的政策是否都如期完成;在规划下一年工作时,则要对全市市民做"
    "出庄严的承诺,告诉大家本市明年和未来几年计划达到什么目标。\n"
    "政府工作报告是公开的,全国人民都能看到,因此它相当于一个市的脸面。如果市政府执政水平不行,之前承诺的"
    "目标没完成,就相当于在全国人民面前丢脸。\n"
    "政府工作报告的出台过程十分复杂。在地级市层面,一般就会有一个专门的起草组和各个部门交流,部门不满意会"
    "建议修改,起草组不满意也可以要求各部门提供相应的数据或按要求修改。在成稿之前,市长一般会亲自、逐字看"
    "报告,对文稿的风格和字数提出要求,并和起草组一起修改。对于地级市的政府工作报告来说,改三五遍算少的,"
    "改七八遍正常,改十几遍甚至几十遍都很常见。\n"
    "综上所述,我们能从网上公开看到的往往是一个市最强的笔杆子团队反复锤炼数十次的成果,可以说每个字、每个"
    "标点符号和它们的顺序都是经得起检验的,这就是为什么推荐大家多去看看相关内容。\n"
    "\n"
    "二、西部A市与中部B市的报告对比(第1段)\n"
    "这里带来的西部某省A市和中部某省B市2021年度政府工作报告的对比解读,恰\n"
)

# http://tech.jiangsulong.com/a/2019/0109/1546992807_4.html (wnews_41, lines 1-9)
JIANGSULONG = (
    "2019省级两会今起拉开大幕 各地年度成绩单将亮相( 四 )\n"
    "\n"
    "  中新社采访人员 杨艳敏 摄\n"
    "\n"
    "  政府工作报告引期待\n"
    "\n"
    "  无论是全国两会还是地方两会 , 政府工作报告都是备受舆论关注的焦点 。\n"
    "\n"
    "  2019年是新中国成立70周年 , 也是全面建成小康社会关键之年 。 在此背景下 , 各地将亮出"
    "过去一年怎样的“经济成绩单” , 又如何规划今年的经济社会发展目标 , 引人关注 。\n"
)

# http://abrd.gov.cn/zrdcwh/c104567/202401/12efe566e7894af9a9312485cf5825f8.shtml (govn_04, lines 1-31)
ABRD = (
    "宣传人大制度 交流人大经验;推进民主法制建设 构建和谐文明阿坝。地震之后,阿坝依然美丽!\n"
    "信息搜索:\n"
    "\n"
    "主任之窗\n"
    "\n"
    "阿坝州人大常委会主任\n"
    "李为国\n"
    "自身建设\n"
    "\n"
    "阿坝藏族羌族自治州人民代表大会常务委员会机关公文处理办法\n"
    "\n"
    "来源:州人大\n"
    "访问量:\n"
    "更新日期:2024-01-12\n"
    "\n"
    "阿坝藏族羌族自治州人民代表大会\n"
    "\n"
    "常务委员会机关公文处理办法\n"
    "\n"
    "2017822日阿坝藏族羌族自治州第十二届人民代表大会\n"
    "\n"
    "常务委员会第六次主任会议修订\n"
    "\n"
    "2023828日阿坝藏族羌族自治州第十届人民代表大会\n"
    "\n"
    "常务委员会第二十次主任会议修订\n"
    "\n"
    "第一章\n"
    "\n"
    "第一条为实现阿坝藏族羌族自治州人民代表大会常务委员会机关(以下简称州人大常委会机关)公文处理工作规范"
    "化、制度化、科学化,提高公文质量和公文处理工作效率,根据《中共阿坝州委办公室、阿坝州人民政府办公室关"
    "于印发<党政机关公文处理工作条例><党政机关公文格式>的通知》要求,参照《四川省人大常委会机关公文处"
    "理办法》,结合州人大常委会机关实际,制定本办法。\n"
    "\n"
)

# http://taihainet.com/news/xmnews/gqbd/2018-12-29/2219271.html (wnews_51, lines 1-3)
TAIHAI = (
    "五缘湾片区\n"
    "台海网12月29日讯(海峡导报记者 林泓/文 常海军/图 通讯员 王光熙 陈瑜瑾 罗剑)昨日上午,湖"
    "里区第八届人民代表大会第三次会议举行,湖里区人民政府区长林重阳向大会作政府工作报告。\n"
    "报告中“干货”满满,展现湖里区以习近平新时代中国特色社会主义思想为指导,全面落实市委、市政府和区委各"
    "项工作部署,扎实推进“双千亿”工作,深入实施“2+4+N”发展战略,有效应对外部环境深刻变化,实现经"
    "济社会平稳健康发展。\n"
)


def _actions(doc) -> dict[str, str]:
    return {d.text.strip(): d.action for d in doc.lines if d.action != "blank"}


def test_headline_over_its_deck_and_an_image_name_is_not_metadata():
    doc = clean(BFKB)
    assert doc.title == "县十六届人大四次会议开幕"  # not the long deck under it
    acts = _actions(doc)
    assert acts["20240122001.jpg"] == "drop"  # an image's file name under ``作者:``, not its value
    assert acts["刊发日期:2024-01-22 作者:  语音阅读:"] == "meta"
    assert doc.meta["date"] == "2024-01-22"


def test_greeting_with_an_emoji_is_text_and_the_first_line_the_title():
    doc = clean(PAIQING)
    assert doc.title == "镇原县2024工作报告📜"
    assert _actions(doc)["尊敬的各位领导、各位代表,大家好!👋"] == "keep"
    assert doc.text.startswith("尊敬的各位领导")
    assert clean(doc.text).text == doc.text


def test_sample_label_copy_gives_way_to_the_headline():
    doc = clean(GUAKAOB)
    assert doc.title == "乡镇人大会,政府工作报告"
    acts = _actions(doc)
    assert acts["篇一:乡镇人大会,政府工作报告"] == "drop"
    assert acts["各位代表:"] == "keep"
    # a template's header: its blank dateline is the document's, its speaker line (a placeholder name) meta
    assert acts["2014年 月 日"] == "keep"
    assert acts["镇长 XX"] == "meta"
    assert "author" not in doc.meta  # a placeholder names nobody
    assert is_meta_line("吉昌镇镇长 张三") and not is_meta_line("镇长在代表会上作工作汇报")


def test_credit_lines_with_a_spaced_bar_are_metadata():
    doc = clean(DCGDXWW)
    acts = _actions(doc)
    for line in (
        "记者 | 徐振鑫 于继镔 李海鑫",
        "编辑 | 李念辉",
        "审核 | 李学成",
        "(融媒体 徐振鑫 于继镔 李海鑫)",
    ):
        assert acts[line] == "meta", line
    assert doc.meta["author"] == "东昌府新闻网"  # the 作者 field's value, an outlet
    assert doc.meta["date"] == "2024-01-13"
    assert doc.title.startswith("聊城市第十八届人民代表大会第四次会议")
    # a menu of the same shape is no credit
    assert not is_meta_line("首页 | 新闻 | 图片")


def test_lead_byline_of_a_chief_reporter():
    doc = clean(HZDAILY)
    assert doc.meta["author"] == "何去非"
    assert doc.meta["date"] == "2024-01-30"
    assert doc.title == "扛重担挑大梁 奋力打造现代化国际大都市的城市新中心"
    # a paper's reporter writing, a photographer and correspondents after him
    assert clean(TAIHAI).meta["author"] == "林泓"


def test_table_of_contents_is_dropped_and_its_headings_kept():
    doc = clean(SANWEN)
    acts = _actions(doc)
    for item in (
        "1.政府工作报告的水平和性质",
        "2.西部A市与中部B市的报告对比(第1段)",
        "4.就怕货比货,对比出奇迹",
    ):
        assert acts[item] == "drop", item
    assert acts["一、政府工作报告的水平和性质"] == "keep"
    assert acts["二、西部A市与中部B市的报告对比(第1段)"] == "keep"
    # numbered lines no later heading repeats are a list, kept
    plain = SANWEN.replace("一、政府工作报告的水平和性质", "一、性质").replace(
        "二、西部A市与中部B市的报告对比(第1段)", "二、对比"
    )
    assert _actions(clean(plain))["1.政府工作报告的水平和性质"] == "keep"


def test_headline_above_its_photo_caption_and_the_section_heading_under_it():
    doc = clean(JIANGSULONG)
    assert doc.title == "2019省级两会今起拉开大幕 各地年度成绩单将亮相( 四 )"
    acts = _actions(doc)
    assert acts["中新社采访人员 杨艳敏 摄"] == "drop"
    assert acts["政府工作报告引期待"] == "keep"  # the section's heading, not the title


def test_headline_and_metadata_below_a_site_slogan():
    doc = clean(ABRD)
    assert doc.title == "阿坝藏族羌族自治州人民代表大会常务委员会机关公文处理办法"
    acts = _actions(doc)
    for line in ("信息搜索:", "主任之窗", "阿坝州人大常委会主任", "李为国"):
        assert acts[line] == "drop", (
            line
        )  # a sidebar's box between the slogan and the headline, no speaker
    assert doc.meta == {"date": "2024-01-12", "source": "州人大"}
    assert acts["常务委员会第六次主任会议修订"] == "keep"
    # the slogan stays text, so that the clean text, cleaned again, is the same
    assert doc.text.startswith("宣传人大制度")


def test_idempotent_on_the_excerpts():
    for text in (ABRD, JIANGSULONG, BFKB, PAIQING, GUAKAOB, DCGDXWW, HZDAILY, SANWEN):
        once = clean(text).text
        assert clean(once).text == once
