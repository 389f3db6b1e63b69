"""Titles and metadata on real pages, session 6 (issue 11): excerpts of real dev pages.

Each excerpt is copied verbatim (lines kept whole, pages cut short) from a page of ``corpora/real-pages``
(dev split only; the URL of each page is in ``corpora/real-pages/PROVENANCE.md``). Third-party page text kept
as short test excerpts; government documents are official documents (Art. 5(1) PRC Copyright Law).
"""

from __future__ import annotations

from reportnlp import clean

# http://zhunbian.com/GongZuozj/733901.html (tpl_11, lines 1-3)
ZHUNBIAN = (
    "2023年乡镇年度工作总结\n"
    "时光荏苒,转眼间2023年已经接近尾声。在这一年里,我们乡镇在上级领导的正确引导下,坚持不懈地开展了各项工作,"
    "在推进全面建设小康社会的道路上迈出了坚实的步伐。在这里,我代表全乡的干部群众,向领导们汇报2023年的工作总结,"
    "以期获得您的认可和支持。\n"
    "一、经济发展\n"
)

# https://m.bdocx.com/doc/23421110.html (wk_05): the text as the first pass leaves it, a heading the page
# printed under its file name (the title) first
BDOCX_CLEANED = (
    "深圳市企业技能人才评价工作指引\n"
    "\n"
    "为贯彻实施深圳市人力资源和社会保障局《关于印发深圳市企业员工技能培训考核实施办法的通知》(深人社规〔2012〕10号)"
    "和《关于印发深圳市技能人才多元化评价实施办法的通知》(深人社规〔2013〕2号)的有关规定,指导企业开展技能人才评价工作,"
    "制定本工作指引。\n"
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
