"""Titles, metadata and line decisions on real pages, session 12 (issue 11, round 11): excerpts of the gov10 dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only: the dev9 pages; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``, gov10
section). Third-party page text kept as short test excerpts.
"""

from __future__ import annotations

from reportnlp import clean
from reportnlp.boilerplate.metadata import _without_office
from reportnlp.boilerplate.rules import is_meta_line

# https://guanchang.qwyd.net/zhengfugongzuobaogao/287014_4.html (govr_38, lines 1-5: a report's page 4)
QWYD = (
    '政府工作报告\n'
    '\n'
    '  一年来,党的民族政策全面落实,民族团结进步示范州创建成果持续巩固提升,迭部县、碌曲县被国家民委命名为示范单位。宗教事务管理水平不断提高,僧尼生活和宗教场所基础条件明显改善。《甘南州志(1991—2010)》顺利通过省编纂委员会终审,第二次全国地名普查圆满完成,民兵建设、国防动员、“双拥”共建取得积极成果,妇女儿童、残疾人、老龄、红十字等事业健康发展,质量标准、金融保险、人民防空、农机推广、外事侨务、藏语言文字、公积金、统计、边界、气象、地震等工作卓有成效。\n'
    '\n'
    '  各位代表,回顾2018年工作,我们也清醒地认识到,我州经济社会发展面临的困难和问题依然突出,政府工作面临的压力和挑战依然很多。一是经济下行压力仍然很大,受内外环境影响,全州经济总体止滑企稳,但部分经济指标波动较大。固定资产投资受投资信心、市场预期和生态承载能力等因素制约,项目开工不足、投资增量偏小、增幅收窄,融资难的问题还没破解。二是脱贫攻坚任务艰巨,全州还有2.15万贫困人口,都是贫中之贫、困中之困,集中分布在自然条件最苦,社会发育程度最低,基础设施条件最差,自我发展能力最弱,脱贫攻坚难度最大的高山半山区域,是最难啃的硬骨头。三是生态保护治理难度较大,局部恶化趋势尚未得到根本遏制,部分县市生态恢复治理较慢,自然保护区问题整改不到位,污染源在线监测数据超标等问题依然存在。四是县域经济发展滞后,没有形成完整的产业体系,特色优势产业开发层次低,传统经济总量小,现代服务业和新兴产业培育不足,具有行业领先水平的龙头企业不多,财政收支矛盾突出,经济发展质量效益不高。五是城乡基础设施欠账大,投融资机制不灵活,交通网络和城镇公共\n'
)

# https://www.shyp.gov.cn/yp-zwgk/zwgk/buffersInformation/details?id=b6aa6121-5391-4521-9345-ce5c02a1a31d
# (wnews_157, lines 1-5)
SHYP = (
    '区政府全体会议审议《政府工作报告》(送审稿),研究部署岁末年初各项工作 2019-12-17\n'
    '\n'
    ' \n'
    '\n'
    '20191217日,区领导谢坚钢、丁欢欢、陈志康、李雅平、赵亮、徐建华、王浩出席区政府全体会议。\n'
)

# https://wsllz.henanrd.gov.cn/zgrd/news-detail/562735 (wnews_163, lines 1-3)
WSLLZ = (
    '2019年03月18日17:01:33周一\n'
    '4月19日下午,中原办代表团审议讨论了政府等七个工作报告。与会代表一致表示,报告全面客观总结了取得的成绩,谋划未来5年发展目标及任务,主题突出,措施有力,营造了良好的营商环境符合我区的实际情况,回应了人民群众的期待。报告切合实际、有力度,更具贴切民生有亲和力、凝聚力。\n'
    '李凌燕代表说,报告实事求是,对工作成绩不夸大,对工作不足不隐瞒,内容客观详实。法治城市建设、智慧两院的实施为华龙区营造良好的营商环境,为企业入驻打下了强心针。同时希望加强人大对两院的监督,使两院更好发挥为民服务的职能。\n'
)

# https://gx.cri.cn/2020-05-11/592537df-d3da-9ad4-b6fe-305a27f97b46.html (wnews_151, lines 1-6)
GXCRI = (
    '分享\n'
    '\n'
    '南宁市长周红波参加宾阳县代表团审议\n'
    '南宁日报  2020-05-11 10:41:58\n'
    '\n'
    '  南宁日报讯(记者磨锋)5月9日,南宁市长周红波到市十四届人大五次会议宾阳县代表团,与代表们一起审议政府工作报告,听取代表们的意见建议。\n'
)

# https://ll.qjrd.gov.cn/sitell/contents/39/1427.html (wnews_159, lines 1-4)
QJRD = (
    '县人大代表围绕《政府工作报告》进行分组讨论\n'
    '发布日期:2022-02-15\n'
    '作者:办公室 冯晶玲\n'
    '1月14日下午,参加陆良县第十八届人民代表大会第一次会议的代表和列席人员分成15个代表团,围绕陆良县人民政府工作报告、审查计划、财政报告和审议大会选举办法(草案)进行分组讨论。\n'
)


def _actions(doc):
    return {d.line: d.action for d in doc.lines if d.text.strip()}


def test_an_indented_page_under_a_bare_heading_is_no_cleaned_text():
    """The report's own name over its indented paragraphs is the page's title: ``clean`` never writes an
    indented line, so the page cannot be a cleaned text whose first paragraph is a heading."""
    doc = clean(QWYD)
    assert doc.title == "政府工作报告"
    assert _actions(doc) == {1: "title", 3: "keep", 5: "keep"}
    # the same lines without their indentation look like a cleaned text: no title (idempotent)
    flat = clean(QWYD.replace("\n  ", "\n"))
    assert flat.title is None
    assert clean(doc.text).text == doc.text


def test_a_headline_with_its_date_after_it_is_the_title_and_gives_the_date():
    doc = clean(SHYP)
    assert doc.title.startswith("区政府全体会议审议《政府工作报告》(送审稿)")
    assert doc.meta.get("date") == "2019-12-17"
    assert _actions(doc)[5] == "keep"
    assert clean(doc.text).text == doc.text


def test_a_date_with_its_time_glued_on_and_a_weekday_is_a_header():
    assert is_meta_line("2019年03月18日17:01:33周一")
    doc = clean(WSLLZ)
    assert _actions(doc)[1] == "meta"
    assert doc.meta.get("date") == "2019-03-18"
    assert "author" not in doc.meta  # 周一 is the weekday, no name


def test_a_papers_name_before_the_date_is_no_author_the_lead_byline_is():
    doc = clean(GXCRI)
    assert doc.meta.get("date") == "2020-05-11"
    assert doc.meta.get("author") == "磨锋"


def test_a_department_before_the_writers_name_is_no_part_of_the_author():
    doc = clean(QJRD)
    assert doc.meta.get("author") == "冯晶玲"
    assert _without_office("办公室 冯晶玲") == "冯晶玲"
    assert _without_office("宣传科 李四") == "李四"
    assert _without_office("王科 李四") == "王科 李四"  # two names: the first is no department


# http://wcrd.wuchang.gov.cn/zyfb/003004/20210429/160ef53c-6a93-4ed3-b11a-aceca6eba0cd.html (govr_40, lines 1-15)
WUCHANG = (
    '首页 > 重要发布 > 代表大会文件\n'
    '政府工作报告\n'
    '发布时间:2021-01-06 15:37    打印     阅读次数:\n'
    '\n'
    '——20201229日在武汉市武昌区第十五届人民代表大会\n'
    '\n'
    '第六次会议\n'
    '\n'
    '武昌区人民政府区长   \n'
    '\n'
    ' \n'
    '\n'
    '各位代表:\n'
    '\n'
    '现在,我代表区人民政府向大会报告工作,请连同《武昌区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要(草案)》一并审议,并请区政协各位委员和其他列席人员提出意见。\n'
)


def test_a_dateline_that_lost_its_year_and_month_marks_and_its_end_is_the_documents():
    """``——20201229日在…人民代表大会`` / blank / ``第六次会议``: the dateline's two halves a blank line apart, the date
    written without 年 and 月, the end without 上; both text. ``打印`` after the header's time names no author."""
    doc = clean(WUCHANG)
    acts = _actions(doc)
    assert (acts[2], acts[3], acts[5], acts[7], acts[9]) == ("title", "meta", "keep", "keep", "meta")
    assert doc.meta.get("date") == "2021-01-06"
    assert "author" not in doc.meta
    assert doc.text.startswith("——20201229日在武汉市武昌区第十五届人民代表大会")
    assert clean(doc.text).text == doc.text


# Written here (a mechanism test): the speaker-line shapes of a report's header. ``代理县长 刘春霞`` is the header of
# 公安县's 2020 report as the search tool's `pages` corpus returned it (an answer without an address, not stored).
REPORT_BODY = (
    "各位代表:\n"
    "现在,我代表县人民政府,向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。\n"
)


def test_an_acting_office_and_a_colon_before_the_name_make_a_speaker_line():
    for speaker, name in (("代理县长 刘春霞", "刘春霞"), ("县长：陈永高", "陈永高"), ("县人民政府代理县长 李强", "李强")):
        page = f"政府工作报告\n——2020年12月28日在公安县第十七届人民代表大会第五次会议上\n{speaker}\n{REPORT_BODY}"
        doc = clean(page)
        assert doc.meta.get("author") == name, speaker
        assert _actions(doc)[3] == "meta", speaker


def test_an_author_is_scored_as_the_same_names_however_separated():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from eval_boilerplate import _names

    assert _names("李源、胡弦、杨然") == _names("李源 胡弦 杨然") == ["李源", "胡弦", "杨然"]
    assert _names("李源 胡弦") != _names("胡弦 李源")


def test_a_date_in_square_brackets_under_the_headline_is_the_pages_date():
    """Written here (a mechanism test): ``[ 2024-01-15 ]``, mostly digits and marks, is a header's date, not noise."""
    page = f"2024年某某市政府工作报告\n[ 2024-01-15 ]\n政府工作报告\n{REPORT_BODY}"
    doc = clean(page)
    assert doc.title == "2024年某某市政府工作报告"
    assert _actions(doc)[2] == "meta"
    assert doc.meta.get("date") == "2024-01-15"


def test_a_portals_footer_names_its_government_owner_as_the_site():
    """Written here (a mechanism test): footers of government portals that name their owner, with other fields
    after it (their spaces removed when the footer is read) or with the copyright sign."""
    for footer, site in (
        ("主办：某某市人民政府办公室 承办：某某市大数据中心", "某某市人民政府办公室"),
        ("某某市人民政府 版权所有", "某某市人民政府"),
        ("Copyright © 2024 某某市人民政府 All Rights Reserved", "某某市人民政府"),
        ("主办单位：某某县人民政府 承办单位：某某县大数据中心 ICP备案号：京ICP备12345678号", "某某县人民政府"),
    ):
        page = f"2024年某某市政府工作报告\n发布时间：2024-01-15\n政府工作报告\n{REPORT_BODY}{footer}\n"
        doc = clean(page)
        assert doc.meta.get("site") == site, footer
        assert _actions(doc)[6] == "drop", footer


NEWS_LEAD = (
    "2月2日上午,某某市第十六届人民代表大会第三次会议在市会议中心隆重开幕。市长王强代表市人民政府向大会作政府工作报告,"
    "报告回顾了过去一年的工作。\n代表们认为,报告实事求是,催人奋进,是一个高举旗帜、务实担当的好报告。\n"
)


def test_reporters_bylines_name_the_reporters_only():
    """Written here (a mechanism test), by the guide's reading of the real bylines (PROVENANCE.md: the reporters'
    names as given, several space-separated, no 通讯员's name, no 报道): bylines above the text and in its lead."""
    head = "某某市第十六届人大三次会议开幕\n2024-02-02 10:00 来源：某某日报\n"
    for line, author in (
        ("记者 张三 报道\n", "张三"),
        ("新华社记者 张三 李四\n", "张三 李四"),
        ("本报记者 张三 通讯员 李四\n", "张三"),
        ("（记者 张三）", "张三"),
        ("某某网讯 记者张三报道:", "张三"),
        ("本报讯 记者 张三 ", "张三"),
    ):
        doc = clean(head + line + NEWS_LEAD)
        assert doc.meta.get("author") == author, line


REPORT = (
    "政府工作报告\n——2024年1月10日在某某市第十六届人民代表大会第三次会议上\n市长 王强\n" + REPORT_BODY
)


def test_the_headline_over_the_date_line_that_names_the_document_beats_its_own_heading():
    """Written here (a mechanism test): a portal's layout, breadcrumb ending with the column's name, the page's
    headline, its date line, then the report's own heading (``政府工作报告``, which the breadcrumb repeats)."""
    page = "首页 > 政务公开 > 政府工作报告\n2024年某某市政府工作报告\n发布时间：2024-01-15 来源：市政府办公室\n" + REPORT
    doc = clean(page)
    assert doc.title == "2024年某某市政府工作报告"
    assert _actions(doc)[4] == "drop"
    assert clean(doc.text).text == doc.text


def test_a_sites_logo_over_the_headline_is_no_headline_half():
    """Written here (a mechanism test): the portal's name as its logo line, then the headline and its date."""
    page = "某某市人民政府\n2024年某某市政府工作报告\n2024-01-15\n" + REPORT
    doc = clean(page)
    assert doc.title == "2024年某某市政府工作报告"
    assert _actions(doc)[1] == "drop"


def test_more_publication_labels_make_a_header_line():
    """Written here (a mechanism test): 刊发/发稿 times (dev pages show ``刊发时间:2018-02-04 A3版 作者:``) and a time
    label in square brackets."""
    for line in ("刊发时间：2024年2月2日", "发稿日期：2024-02-02", "【时间：2024-02-02】"):
        assert is_meta_line(line), line
        doc = clean("某某市第十六届人大三次会议开幕\n" + line + "\n" + NEWS_LEAD)
        assert doc.meta.get("date") == "2024-02-02", line


def test_a_speech_dateline_glued_to_its_speaker_gives_no_page_date():
    """Written here (a mechanism test): the guide's ``date`` is the page's publication date, never the speech's."""
    page = "政府工作报告\n——2024年1月10日在某某市第十六届人民代表大会第三次会议上 市长 王强\n" + REPORT_BODY
    doc = clean(page)
    assert doc.meta.get("author") == "王强"
    assert "date" not in doc.meta
