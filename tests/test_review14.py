"""Session 14's review (review14): each defect found on a real input, fixed, with its real line or page here."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from reportnlp import clean, clean_files

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "corpora" / "real-pages" / "pages"


def _report_opening() -> str:
    """The opening of the 2025 State Council report, as ``corpora/gwr`` holds it (its first record)."""
    with open(ROOT / "corpora" / "gwr" / "government_work_reports.jsonl", encoding="utf-8") as fh:
        record = json.loads(fh.readline())
    return record["content"][:400]


def test_a_tables_rows_report_the_encoding_their_file_was_read_with(tmp_path):
    """``--stats`` gave every row of a CSV or TSV table the encoding ``text``: the reader decodes the file (a GBK
    table as GB18030) and its rows reach ``clean`` as text. The codec travels on the record
    (``Record.encoding``) to the summary and to :func:`reportnlp.clean_files`; a JSON field is still ``text``."""
    text = _report_opening()
    (inputs := tmp_path / "in").mkdir()
    for name, codec, delimiter in (("gbk.csv", "gb18030", ","), ("utf8.tsv", "utf-8", "\t")):
        with open(inputs / name, "w", encoding=codec, newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerow(["id", "text"])
            writer.writerow([name.split(".")[0], text])
    (inputs / "field.jsonl").write_text(json.dumps({"id": "field", "text": text}, ensure_ascii=False) + "\n")

    docs = {d.id: d for d in clean_files(inputs)}
    assert {k: d.encoding for k, d in docs.items()} == {"gbk": "gb18030", "utf8": "utf-8", "field": "text"}
    assert docs["gbk"].text.startswith("各位代表：")  # read right, not only named

    from reportnlp.cli import main

    res = CliRunner().invoke(
        main, ["clean", str(inputs), "-o", str(tmp_path / "out.jsonl"), "--stats", "-", "-q"],
        catch_exceptions=False,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    stats = json.loads(res.stdout)
    assert stats["encodings"] == {"gb18030": 1, "text": 1, "utf-8": 1}
    assert {d["id"]: d["encoding"] for d in stats["per_document"]} == {
        "gbk": "gb18030", "utf8": "utf-8", "field": "text",
    }  # fmt: skip
    # ``analyse --no-clean`` reports what it read, too
    res = CliRunner().invoke(
        main,
        ["analyse", str(inputs / "gbk.csv"), "--no-clean", "-o", str(tmp_path / "a.jsonl"), "--stats", "-", "-q"],
        catch_exceptions=False,
    )
    assert json.loads(res.stdout)["encodings"] == {"gb18030": 1}


def test_govr_24_is_its_own_fixed_point():
    """``corpora/real-pages/pages/govr_24.txt`` (壹号秘书办公文库: 31 provincial reports of 2023 in one page): the
    first pass keeps five lines of the site's (``壹号秘书办公文库,公文写作门户网站`` …) under the page's title and over
    ``2023年最新省政府工作报告全文汇编``, a line it keeps too. Cleaned again, that line was taken for the title and
    the five above it dropped as navigation (``clean(clean(x).text)`` lost six lines). A page spaced as
    ``clean`` writes, with no metadata line, whose candidate title has three or more lines above it that the
    first pass keeps under a title, is a cleaned text: no title among its lines. (Found by the coordinator on a
    held-out page; its labels and errors were not read.)"""
    first = clean((PAGES / "govr_24.txt").read_bytes(), source="govr_24.txt")
    assert first.text.startswith("联系客服提示-办公文库—老笔头原创资料库—职场写作门户网站\n\n壹号秘书办公文库")
    again = clean(first.text)
    assert again.text == first.text
    assert again.title is None
    # the rule's head alone: the five lines, the line under them, the first of the reports' headings
    head = "\n\n".join(first.text.split("\n\n")[:8])
    assert "2023年最新省政府工作报告全文汇编" in head
    assert clean(head).text == head


def test_one_or_two_lines_over_a_headline_are_still_the_pages():
    """The rule of :func:`test_govr_24_is_its_own_fixed_point` wants three lines above: a kicker over a
    headline over its date (wnews_38, dev) keeps its headline as the title, as before."""
    doc = clean((PAGES / "wnews_38.txt").read_bytes(), source="wnews_38.txt")
    assert doc.title == "扛重担挑大梁 奋力打造现代化国际大都市的城市新中心"
    assert doc.meta["date"] == "2024-01-30"


def test_a_photo_pages_captions_are_kept_by_one_decision_with_its_reason():
    """wnews_181 (chinadaily, dev: two photos' captions ``… 中新社记者 张茵 摄`` and nothing else). The line
    decisions kept the captions as ``body``; ``clean``, reading the joined paragraph again, found it a caption and
    asked the line rules once more whether every kept line was a caption (``_not_captions``) to keep it. Now the
    line decisions keep them with the reason ``photo_caption``, and ``clean`` reads that: one decision."""
    doc = clean((PAGES / "wnews_181.txt").read_bytes(), source="wnews_181.txt")
    kept = [(d.action, d.reason) for d in doc.lines if d.action != "blank"]
    assert kept == [("keep", "photo_caption"), ("keep", "photo_caption")]
    assert [p.lines for p in doc.paragraphs] == [(1, 2)]  # one paragraph, which the rules read as a caption
    assert doc.text.startswith("1月24日,浙江省第十二届人民代表大会第四次会议开幕。")
    assert doc.text.endswith("中新社记者 张茵 摄")
    assert clean(doc.text).text == doc.text
