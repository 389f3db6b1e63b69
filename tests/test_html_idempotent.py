"""``clean`` is its own fixed point on real HTML pages too: what the DOM path keeps, the text path keeps.

Pages: ``tests/fixtures/gov_pages/gov_HN.html`` and ``gov_SD.html`` (the Hunan and Shandong portals' 2026
government work report pages; provenance in that folder's PROVENANCE.md). Both came out of ``clean`` with a
line that a second ``clean`` of the text took differently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportnlp import clean

FIXTURES = Path(__file__).parent / "fixtures"


def _page(name: str):
    folder = "real_inputs" if name in ("gov_BJ.html", "news_07.html") else "gov_pages"
    return clean((FIXTURES / folder / name).read_bytes(), id=name)


@pytest.mark.parametrize("name", ["gov_HN.html", "gov_SD.html", "gov_BJ.html", "news_07.html"])
def test_clean_of_a_report_page_is_its_own_fixed_point(name):
    doc = _page(name)
    assert clean(doc.text).text == doc.text


def test_the_documents_own_name_under_the_headline_is_a_copy_of_the_title():
    """Hunan: the headline ``2026年湖南省政府工作报告``, then the document's own name ``政府工作报告`` above its
    dateline. The DOM's main block kept the name as text, and a second ``clean`` took it for the title; the
    hand labels of the page (corpora/real-pages, gov_HN line 7) mark it as no content."""
    doc = _page("gov_HN.html")
    assert doc.title == "2026年湖南省政府工作报告"
    assert doc.text.startswith("——2026年2月3日在湖南省第十四届人民代表大会第四次会议上\n\n各位代表：")
    name = next(d for d in doc.lines if d.text.strip() == "政府工作报告")
    assert (name.action, name.reason) == ("drop", "repeated_title")


def test_a_dateline_broken_over_two_blocks_is_one_paragraph():
    """Shandong: ``——2026年1月27日在山东省第十四届`` and ``人民代表大会第四次会议上`` are two ``<p>`` blocks; as
    two paragraphs, a second ``clean`` dropped the second half as navigation above the text."""
    doc = _page("gov_SD.html")
    first = doc.paragraphs[0]
    assert first.text == "——2026年1月27日在山东省第十四届人民代表大会第四次会议上"
    assert len(first.lines) == 2
    # a quotation's attribution (``——（宋）陆游``) is no dateline: the block after it stays a block
    page = "<p>正文第一段，内容。</p><p>——（宋）陆游</p><p>千里之行始于足下</p><p>正文第二段，内容。</p>"
    other = clean(f"<html><body>{page}</body></html>", title="标题")
    assert [p.text for p in other.paragraphs][1:3] == ["——（宋）陆游", "千里之行始于足下"]


def test_a_bare_numeral_heading_the_first_part_is_kept():
    """网易 亦观察 column (news_07): the parts are headed ``一``, ``二`` … on lines of their own. The DOM kept
    ``一`` above the first paragraph; a second ``clean`` of the text dropped it as a navigation label above
    the body. A run of numerals with prose between them numbers the sections; ``一 二 三`` on consecutive
    lines (the same site's pager) does not."""
    doc = _page("news_07.html")
    assert doc.text.startswith("一\n\n自己购车自己雇司机的神州租车今日发起了一个营销活动。")
    again = clean(doc.text)
    assert [(d.action, d.reason) for d in again.lines[:1]] == [("keep", "heading")]
    pager = clean("一\n二\n三\n" + doc.text.split("\n", 1)[1])
    assert [d.action for d in pager.lines[:3]] == ["drop", "drop", "drop"]
