"""Titles, metadata and line decisions on government-report pages: excerpts of real pages.

Each excerpt is copied verbatim (lines kept whole, some pages cut short) from a page of
``corpora/real-pages`` (the search tool's stored text of the URL given; ``corpora/real-pages/PROVENANCE.md``,
batch gov3, dev split only: the heldout3 pages are never used here). Third-party page text kept as short test
excerpts; the government documents are official documents (Art. 5(1) PRC Copyright Law).
"""

from __future__ import annotations

from reportnlp import clean


def _actions(text: str) -> dict[str, tuple[str, str]]:
    doc = clean(text)
    return {d.text.strip(): (d.action, d.reason) for d in doc.lines if d.action != "blank"}


# http://www.dawa.gov.cn/2021_02/01_16/content-307974.html (govn_09, lines 4-7)
DAWA = (
    "各镇(街道)人民政府(办事处),临港经济开发区管委会,区政府各部门、直属机构:\n"
    "请各牵头单位要严格按照任务分工,对涉及的工作任务进行再细化、再分解,明确每项任务的具体责任人和每季度的形象进度,"
    "确保《政府工作报告》中确定各项工作任务得到有效落实。各责任(配合)单位要加强协调,积极配合,切实履行各自工作职责。"
    "区委区政府督查室要根据各项工作任务完成时限要求,适时开展督查督办工作。\n"
    "附件:《政府工作报告》任务分解表\n"
    "盘锦市大洼区人民政府办公室\n"
    "2021年1月25日\n"
    "(此件公开发布)\n"
)

# https://jxtv3.com/html/.zfwjzcjd.201208t20120810_3827283.html (govn_11, lines 4-7): ○ is U+25CB
SANSHUI = (
    "二、各部门各单位要在每季度末(分别在6月、9月和12月底),将本部门(单位)完成任务的进展情况和在落实过程中出现的新问题、"
    "新情况以及解决的办法和措施,以书面和电子邮件的形式报区督查组,由区督查组综合后向区政府汇报。\n"
    "附件:2007年三水区政府工作主要任务分解表\n"
    "二○○七年四月十三日\n"
    "|\n"
)

# http://www.kmgd.gov.cn/c/2023-10-25/6719680.shtml (govr_05, lines 1-5)
GUANDU = (
    "昆明市官渡区人民政府关于官渡区2023年上半年国民经济和社会发展计划执行情况的报告\n"
    "——2023年8月31日在区第十七届人大常委会第十五次会议上\n"
    "官渡区人民政府副区长(提名人选) 吴小军\n"
    "尊敬的赵主任、各位副主任、各位委员:\n"
    "受李德鸿区长委托,我代表区人民政府,向本次会议报告官渡区2023年上半年国民经济和社会发展计划执行情况,请予审议。\n"
)

# http://xindetihuiya.com/wenshu/gzbg/729306.html (govr_04, lines 1-7): ``??`` where the page lost its dash
GUANGZHOU = (
    "关于广州市政府工作报告\n"
    "广州市十五届人大一次会议1月5日开幕,广州市长温国辉作政府工作报告称,2017年广州市地区生产总值增长的预期目标为8%左右,"
    "广州将于2018年率先全面建成小康社会。下面是小编收集整理的2017年广州市政府工作报告,欢迎阅读参考!!\n"
    "??2017年1月5日在广州市第十五届人民代表大会第一次会议上\n"
    "市长温国辉\n"
    "各位代表:\n"
    "我代表市人民政府向大会作政府工作报告,请予审议,并请政协委员和其他列席人员提出意见。\n"
    "一、过去五年工作回顾\n"
)

# http://lifebb.we54.com/lifebb/2023/0228/18636.html (wnews_24, lines 1-16)
XIUYING = (
    "海口市秀英区第八届人民代表大会第三次会议开幕[图]_天天快资讯\n\n"
    "来源:海口网时间:2023-02-28 20:12:32\n\n\n"
    "(相关资料图)\n\n"
    "海口网2月28日消息(记者卢海浪 邵阳 特约记者陈创淼 通讯员符志敏 摄影报道)2月28日上午,海口市秀英区第八届人民代表大会第三次会议隆重开幕。"
    "来自秀英区各界人大代表齐聚一堂,肩负着人民重托,满载着民情民意,精神饱满出席大会,认真履行法定职责。\n\n"
    "海口市秀英区第八届人民代表大会第三次会议开幕。邵阳 摄\n\n"
    "根据会议议程,区长柳战良代表区政府向大会作政府工作报告,从五个方面总结了2022年区政府工作:砥砺奋进推项目、谋发展,"
    "自贸港建设实现新突破;坚定不移调结构、转动能,产业优化升级迈出新步伐。\n\n"
    "柳战良作政府工作报告。邵阳 摄\n\n"
)

# https://reportify.ai/news/1218176308656345088 (govr_02, lines 1-3, the third cut short)
REPORTIFY = (
    "龚正市长在上海市第十六届人民代表大会第四次会议的政府工作报告\n"
    "Jie Fang Ri Bao·2026-02-09 01:28\n"
    "政府工作报告 ——2026年2月3日在上海市第十六届人民代表大会第四次会议上 上海市市长 龚正 各位代表: "
    "现在,我代表上海市人民政府,向大会报告工作,请予审议。请各位政协委员和其他列席人员提出 意见。\n"
)

# https://yzwku.com/doc/731045.html (wk_20, lines 1-3, the third cut short)
YZWKU = (
    "2023年区政府工作报告.docx\n"
    "《2023年区政府工作报告.docx》由会员分享,可在线阅读,更多相关《2023年区政府工作报告.docx(10页珍藏版)》请在优知文库上搜索。\n"
    "1、2023年区政府工作报告各位代表,同志们:现在,我代表区人民政府,向大会报告工作,请予审议,并请列席会议的政协委员提出意见。"
    "一、2023年工作回顾2023年,是全面贯彻党的二十大精神的开局之年,是东北振兴战略实施20周年。\n"
)

# http://dqxw.yunpaper.cn/Article/index/aid/7447065.html (wnews_28, lines 9-15)
YUNPAPER = (
    "王波认真听取发言、一一回应,并对大家关心支持政府工作表示感谢。他说,大家的发言站位高、点题准,从不同方位、不同角度、"
    "不同领域,对《政府工作报告(征求意见稿)》和县政府工作提出了许多中肯的意见建议。\n\n"
    "|记者 徐超超 蔡俊\n"
)

# http://zwgkw.thx.gov.cn/openness/detail/content/5c4829ad7f8b9a6f388be521.html (govn_02, lines 2-8, 10-14)
TAIHU_TABLE = (
    "索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n"
    "信息分类: 通知   发布机构: 太湖县人民政府办公室\n"
    "生成日期: 2019-01-23 文号:\n"
    "信息来源: 关键词:\n"
    "浏览次数: 590 内容概述:\n\n"
    "各乡、镇人民政府,县政府各部门、各直属机构:\n\n"
    "  《太湖县人民政府工作规则》已经2019年1月4日县政府第三次全体会议通过,现予印发,请遵照执行。\n"
)


def test_notice_attachment_name_and_public_mark_are_the_document():
    acts = _actions(DAWA)
    assert acts["附件:《政府工作报告》任务分解表"][0] == "keep"
    assert acts["(此件公开发布)"][0] == "keep"
    meta = clean(DAWA).meta
    assert meta["issuer"] == "盘锦市大洼区人民政府办公室"
    assert meta["written_date"] == "2021-01-25"


def test_bare_attachment_label_is_still_furniture():
    acts = _actions("附件下载:\n" + SANSHUI)
    assert acts["附件下载:"][0] == "drop"


def test_sign_off_date_in_chinese_numerals_with_white_circle():
    doc = clean(SANSHUI)
    acts = {d.text.strip(): d.action for d in doc.lines}
    assert acts["二○○七年四月十三日"] == "keep"
    assert acts["|"] == "drop"
    assert doc.meta["written_date"] == "2007-04-13"
    assert "issuer" not in doc.meta  # no organisation line: no issuer invented


def test_deputy_speaker_with_nomination_note_is_the_author():
    doc = clean(GUANDU)
    acts = {d.text.strip(): (d.action, d.reason) for d in doc.lines}
    assert acts["官渡区人民政府副区长(提名人选) 吴小军"][0] == "meta"
    assert acts["——2023年8月31日在区第十七届人大常委会第十五次会议上"][0] == "keep"
    assert doc.meta["author"] == "吴小军"
    assert doc.title.startswith("昆明市官渡区人民政府关于")


def test_site_summary_is_not_the_title_and_lost_dash_dateline_is_kept():
    doc = clean(GUANGZHOU)
    assert doc.title == "关于广州市政府工作报告"
    acts = {d.text.strip(): d.action for d in doc.lines}
    assert acts["??2017年1月5日在广州市第十五届人民代表大会第一次会议上"] == "keep"
    assert acts["市长温国辉"] == "meta"
    assert doc.meta["author"] == "温国辉"


def test_caption_sentence_then_photographer_is_dropped():
    acts = _actions(XIUYING)
    assert acts["海口市秀英区第八届人民代表大会第三次会议开幕。邵阳 摄"] == (
        "drop",
        "photo_caption",
    )
    assert acts["柳战良作政府工作报告。邵阳 摄"][0] == "drop"
    assert acts["来源:海口网时间:2023-02-28 20:12:32"][0] == "meta"
    body = [t for t, (a, _) in acts.items() if a == "keep"]
    assert len(body) == 2 and body[1].startswith("根据会议议程")


def test_speaker_run_into_the_report_text_gives_the_author():
    doc = clean(REPORTIFY)
    assert doc.meta["author"] == "龚正"
    assert doc.meta["date"] == "2026-02-09"
    assert doc.title == "龚正市长在上海市第十六届人民代表大会第四次会议的政府工作报告"


def test_wenku_file_name_named_by_the_next_line_is_the_title():
    doc = clean(YZWKU)
    assert doc.title == "2023年区政府工作报告.docx"
    acts = {d.text.strip()[:10]: d.action for d in doc.lines}
    assert acts["《2023年区政府工"] == "drop"


def test_closing_byline_of_two_reporters():
    assert clean(YUNPAPER).meta.get("author") == "徐超超 蔡俊"


def test_empty_source_label_does_not_take_the_next_label():
    meta = clean(TAIHU_TABLE).meta
    assert "source" not in meta
    assert meta["date"] == "2019-01-23"


# http://www.jl.gov.cn/zcxx/gzbg/202601/t20260130_3551040.html (gov_JL, lines 17-20; ../shared's
# gov-portal-pages 2026_JL.html rendered by corpora/real-pages/render.py): an empty 来源 label, then the salutation
JILIN = (
    "——2026年1月27日在吉林省第十四届 人民代表大会第五次会议上 省长 胡玉亭\n"
    "2026-01-30来源：\n"
    "各位代表：\n"
    "现在，我代表省政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n"
)


def test_salutation_after_an_empty_label_stays_the_text():
    acts = _actions(JILIN)
    assert acts["各位代表："][0] == "keep"
    assert acts["2026-01-30来源："][0] == "meta"


def test_field_value_under_its_label_at_the_end_is_metadata():
    """Mechanism (synthetic lines): 发文机关 / 成文日期 with their values on the next lines, below the text."""
    text = (
        "2024年某市政府工作报告\n各位代表：\n"
        "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n"
        "过去一年，我们坚持稳中求进工作总基调，全市经济社会发展取得新成效，地区生产总值增长百分之五。\n"
        "发文机关：\n某市人民政府\n成文日期：\n二〇二四年一月二十六日\n"
    )
    doc = clean(text)
    acts = {d.text.strip(): d.action for d in doc.lines}
    assert acts["某市人民政府"] == "meta"
    assert doc.meta["issuer"] == "某市人民政府"
    assert doc.meta["written_date"] == "2024-01-26"


# https://www.lcdaily.cn/index.php?a=show&c=article&id=63585 (wnews_29, lines 1-3)
LCDAILY = (
    "阅读提示\n"
    "刊发时间:2018-02-04 A3版 作者: 【字体:大 中 小】\n"
    "2月2日下午,市四届人大一次会议开幕,市长张之政在所作的政府工作报告中回顾了第三届市人民政府工作取得的六方面成就。"
    "报告指出,第三届市人民政府在市委的坚强领导下,主动服务和融入国家发展战略,凝心聚力,攻坚克难。\n"
)

# https://www.qjzj.net/article/3821 (wnews_30, its one line, the middle left out)
QJZJ = (
    "区四届人大四次会议期间,区领导刘毅、雷晓风、姚登惠、李泽玉、余健华、陈贵斌、张力等分别参加了各代表团审议。 "
    "审议中,大家认为,区政府工作报告立足实际,全面具体地总结了过去一年所取得的各项成绩。 大家纷纷表示,"
    "为决胜全面建成小康社会、加快建成渝东南中心城市和武陵山区综合交通枢纽作出新的贡献。(记者 王道) |\n"
)

# http://www.ybrd.gov.cn/rmdbdh/swjd6chy/2021-01-12/177567.html (govr_07, lines 1-14)
YANBIAN = (
    "关于延边朝鲜族自治州2020年预算执行情况和2021年预算草案的报告\n"
    "2021-01-12 09:15:31\n\n \n\n"
    "——20211月12日在延边朝鲜族自治州第十五届人民代表大会第次会议上\n\n"
    "州财政局局长 文金哲\n\n \n\n"
    "各位代表:\n\n"
    "受州人民政府委托,现将2020年预算执行情况和2021年预算草案提请大会审议,并请州政协各位委员提出意见。\n"
)

# https://laobiganzi.top/133153.html (tpl_32, lines 6-7) and https://www.wm114.cn/wen/235/469724.html (tpl_33,
# lines 1-10)
LOGIN_WALL = (
    "回顾这一年,我们喜事连连,催人奋进,连续第四年被评为“福建省经济实力十强县”;汀江大桥建成投入使用。"
    "一年来的主要工作和成效有:\n"
    "——突出提升发展质量和效益,综合实力显著增强\n"
    "(阅读全部图文内容,您需要先登录!)\n"
)
WM114 = (
    "您的位置:新文秘网>>换届/政务讲话/动员大会/会议致辞/会议主持/会议发言/政府/政府报告/>>正文\n\n"
    "在县第十八届人民代表大会第三次会议上的政府工作报告\n\n"
    "发表时间:2023/12/21 18:29:50\n\n"
    "在**县第十八届人民代表大会第三次会议上的政府工作报告\n\n"
    "各位代表:\n"
    "现在,我代表县人民政府向大会报告工作,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
)


def test_a_widget_label_is_not_the_title():
    doc = clean(LCDAILY)
    assert doc.title is None or doc.title != "阅读提示"
    assert {d.text: d.action for d in doc.lines}["阅读提示"] == "drop"
    assert doc.meta["date"] == "2018-02-04"


def test_bracket_byline_ending_the_text_gives_the_author():
    assert clean(QJZJ).meta.get("author") == "王道"


def test_department_head_presenting_a_budget_report_is_the_speaker():
    doc = clean(YANBIAN)
    assert {d.text.strip(): d.action for d in doc.lines}["州财政局局长 文金哲"] == "meta"
    assert doc.meta["author"] == "文金哲"
    assert doc.meta["date"] == "2021-01-12"


def test_login_wall_notice_is_dropped_and_breadcrumb_names_the_site():
    acts = _actions(LOGIN_WALL)
    assert acts["(阅读全部图文内容,您需要先登录!)"][0] == "drop"
    assert acts["——突出提升发展质量和效益,综合实力显著增强"][0] == "keep"
    doc = clean(WM114)
    assert doc.meta["site"] == "新文秘网"
    assert doc.title == "在县第十八届人民代表大会第三次会议上的政府工作报告"


# http://rd.qyxgov.cn/Mob/show.asp?d=5776&m=1 (wnews_27, lines 1-4): two photos' captions between the paragraphs
QINGYANG = (
    "2月16日,出席县十六届人大二次会议的代表们分组审议政府工作报告。\n"
    "蓉城代表团\n"
    "新河·朱备·部队代表团\n"
    "审议中,代表们紧扣主题、畅所欲言。大家一致认为,政府工作报告客观总结了2022年政府的工作,科学谋划了2023年重点任务,"
    "高举旗帜、政治坚定,成绩喜人、催人奋进。\n"
)


def test_scene_captions_without_a_photographer_are_dropped():
    acts = _actions(QINGYANG)
    assert acts["蓉城代表团"] == ("drop", "photo_caption")
    assert acts["新河·朱备·部队代表团"][0] == "drop"
    assert acts["2月16日,出席县十六届人大二次会议的代表们分组审议政府工作报告。"][0] == "keep"
    # a numbered heading of the same words is the text's
    assert _actions("一、审议现场\n" + QINGYANG)["一、审议现场"][0] != "drop"


# https://us.usy7.cc/usy0316bQIKYGF.csv (wnews_04, lines 1-17, a mirror of a 泰州日报 page with a spam caption)
TAIZHOU = (
    "新华社受权播发《政府工作报告》\n\n"
    "2026-03-16 10:40:34 | 来源:泰州日报\n\n"
    "字号变大 | 字号变小\n\n"
    "  图为“bibi直播app   在平溪车站旁开店的郭庆农老伯告诉记者,当地相传将心愿写上竹筒挂在路边,便能愿望成真。摄\n\n"
    "3月5日,李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。新华社记者 黄敬文 摄\n\n"
    "  新华社北京3月13日电 新华社受权于13日全文播发李强总理代表国务院在十四届全国人大四次会议上所作的《政府工作报告》。"
    "3月12日,十四届全国人大四次会议表决通过了关于政府工作报告的决议,批准了这个报告。\n\n"
    "  报告共分四个部分:一、2025年工作回顾;二、“十五五”时期主要目标和重大任务;三、2026年经济社会发展总体要求和政策取向;"
    "四、2026年政府工作任务。\n\n"
    "  【全文链接】\n\n"
)


def test_caption_led_by_tu_wei_and_a_bracketed_link_label_are_dropped():
    acts = _actions(TAIZHOU)
    spam = [t for t in acts if t.startswith("图为“bibi")]
    assert acts[spam[0]] == ("drop", "photo_caption")
    assert acts["【全文链接】"][0] == "drop"
    assert (
        acts[
            "3月5日,李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。新华社记者 黄敬文 摄"
        ][0]
        == "drop"
    )
    assert sum(a == "keep" for a, _ in acts.values()) == 2
    # (wnews_02, http://www.sanhaosz.com/hxsd/2023/0731/0731103456.html: a file photo's note, normalised to simplified)
    assert _actions("(資料圖片)\n" + QINGYANG)["(资料图片)"][0] == "drop"


def test_notice_signed_above_its_attachment_text_gives_the_written_date():
    # govn_03 (corpora/real-pages, dev; http://www.shpt.gov.cn/jyj/ghjhc-ghjh/20221028/872370.html): two organs
    # sign on one line, then the date, then the attached plan's text, longer than the last 30 lines
    from pathlib import Path

    page = (
        Path(__file__).resolve().parent.parent / "corpora" / "real-pages" / "pages" / "govn_03.txt"
    )
    doc = clean(page.read_text(encoding="utf-8"))
    assert doc.meta["written_date"] == "2022-10-10"
    assert doc.meta["issuer"] == "中共上海市普陀区教育工作委员会 上海市普陀区教育局"


def test_document_name_a_metadata_row_repeats_is_the_title():
    # govn_02 (corpora/real-pages, dev; http://zwgkw.thx.gov.cn/openness/detail/content/5c4829ad7f8b9a6f388be521.html):
    # ``…名称: X`` in the table, then X alone under ``内容概述:``
    from pathlib import Path

    page = (
        Path(__file__).resolve().parent.parent / "corpora" / "real-pages" / "pages" / "govn_02.txt"
    )
    doc = clean(page.read_text(encoding="utf-8"))
    assert doc.title == "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知"
    assert [d.line for d in doc.lines if d.action == "title"] == [10]


# https://m.folksfolks.com/r/2014-03/13/content_13681401.htm (wnews_13, lines 1-9, the last cut short) and
# http://www.gov.cn/zhengce/2015-03/13/content_2833365.htm (wnews_10, lines 1-5, the last cut short)
DONGNAN = "直通屏山|福建|时评|大学城|台海|娱乐|体育|国内|国际|专题|网事|福州|厦门|莆田|泉州|漳州|龙岩|宁德|南平|三明\n您所在的位置:东南网 > 西岸时评> 时政观察 > 正文\n\n政府工作报告“高票通过”背后的民意\n\n2014-03-13 15:22  吴定平 来源:新华网评  责任编辑:林雯晶   我来说两句\n分享到:\n\n在13日上午的人大闭幕会上,政府工作报告表决赞成2887票,反对15票,弃权5票。政府工作报告起草小组工作人员表示,这是\n"
GOVCN_COMMENT = '众网友热"审"政府工作报告\n中央政府门户网站 www.gov.cn 2015-03-13 11:24 来源: 光明网\n【字体: 打印本页\n\n    这是一份极具“互联网思维”、有料但不“任性”、有情但不泛滥、专业却不“高冷”的政府工作报告,第一次带着元宵味似\n'


def test_news_header_author_between_date_and_source_and_breadcrumb_site():
    meta = clean(DONGNAN).meta
    assert meta["author"] == "吴定平"
    assert meta["site"] == "东南网"
    assert meta["source"] == "新华网评"


def test_site_name_before_its_domain_in_the_header():
    meta = clean(GOVCN_COMMENT).meta
    assert meta["site"] == "中央政府门户网站"
    assert meta["source"] == "光明网"


def test_heading_split_over_lines_under_a_browser_title_that_holds_it_whole():
    # h_govcn (corpora/real-pages, dev; GeneralNewsExtractor's tests/other/1.html, a gov.cn 国务院公报 page): the
    # resolution's heading in three lines, the browser title holding all three
    from pathlib import Path

    page = (
        Path(__file__).resolve().parent.parent / "corpora" / "real-pages" / "pages" / "h_govcn.txt"
    )
    doc = clean(page.read_text(encoding="utf-8"))
    assert [d.line for d in doc.lines if d.action == "title"] == [1]
    acts = {d.line: d.action for d in doc.lines}
    assert acts[21] == acts[22] == acts[23] == "keep"
    assert doc.text.startswith(
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
    )
    assert clean(doc.text).text == doc.text


# https://m.zjtcn.com/baike/lys2013ndzfxxgkgzbgbgnr7246083 (govn_07, lines 1-5): a search form's labels above the text
ZJTCN = "选择特殊符号\n选择搜索类型\n请输入搜索\n一、政府信息公开总体工作情况\n(一)组织机构建设情况。市政府进一步理顺了政府信息公开工作管理体制,建立健全了政府信息公开工作领导小组和以公开办为责任主体的工作机构。各县(市)区、市政府各部门及各直属机构均按照规定的机构设置方式,建立健全了领导机构,配齐了工作人员,全市上下形成了齐抓共管、纵横结合、条块协调一致的工作格局。\n"


def test_search_form_labels_are_furniture_not_the_title():
    doc = clean(ZJTCN)
    acts = {d.text: d.action for d in doc.lines}
    assert acts["选择特殊符号"] == acts["选择搜索类型"] == acts["请输入搜索"] == "drop"
    assert doc.title is None
