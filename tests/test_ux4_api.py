"""The Python API as the README shows it, on real pages (helper ux4, session 10).

Real input: the sample pages of ``corpora/samples/`` (provenance in ``corpora/samples/PROVENANCE.md``).
"""

from __future__ import annotations

from pathlib import Path

import reportnlp

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpora" / "samples").glob("*.txt"))


def test_to_frames_of_documents_cleaned_without_an_id_keeps_them_apart():
    """``reportnlp.analyse(reportnlp.clean(page_bytes))``, the README's call, gives documents with no id:
    their spans must still say which document they belong to."""
    analyses = [reportnlp.analyse(reportnlp.clean(p.read_bytes())) for p in SAMPLES[:3]]
    assert all(not a.id for a in analyses)
    frames = reportnlp.to_frames(analyses)
    assert frames.documents["id"].tolist() == ["0", "1", "2"]
    for row in frames.documents.itertuples():
        spans = frames.spans[frames.spans["id"] == row.id]
        assert len(spans) == row.n_placeholders + row.n_metrics + row.n_slogans + row.n_headings
    # an id the caller gave is kept
    named = reportnlp.analyse(reportnlp.clean(SAMPLES[0].read_bytes(), id="000"))
    assert reportnlp.to_frames([named]).documents["id"].tolist() == ["000"]


FIXTURES = ROOT / "tests" / "fixtures" / "ux4"


def test_a_word_reports_source_line_with_a_space_before_its_colon_is_metadata():
    """Guangdong's 2025 report opens ``来源 : 南方日报``: it was the body's first line, the source unread."""
    from reportnlp.readers import Failure

    (doc,) = reportnlp.clean_files(FIXTURES / "2025_guangdong_report.docx")
    assert not isinstance(doc, Failure)
    assert doc.title == "2025年广东省政府工作报告"
    assert doc.meta.get("source") == "南方日报"
    assert "南方日报" not in doc.text.split("\n\n")[0]
    assert doc.text.startswith("——2025年1月15日在广东省第十四届人民代表大会第三次会议上")
    assert [d.text for d in doc.lines if d.action == "meta"][:1] == ["来源 : 南方日报"]


def test_analyse_of_raw_bytes_says_to_clean_them_first():
    """``reportnlp.analyse(page_bytes)`` (the README cleans first) raised "cannot use a string pattern on a
    bytes-like object" from inside the metrics."""
    import pytest

    data = SAMPLES[0].read_bytes()
    with pytest.raises(TypeError, match=r"reportnlp\.analyse\(reportnlp\.clean\(data\)\)"):
        reportnlp.analyse(data)
    assert reportnlp.analyse(reportnlp.clean(data)).placeholders


CPC = ROOT / "corpora" / "gwr" / "cpc_congress_reports.jsonl"


def test_a_records_title_is_normalised_as_its_text():
    """The CPC congress reports' JSONL gives 廣州共產黨報告 (一大) and 論聯合政府 (七大) as titles: the
    text came out simplified and the title traditional. ``--keep-script`` keeps both as written."""
    import json

    records = [json.loads(line) for line in CPC.read_text(encoding="utf-8").splitlines()]
    titles = {r["title"] for r in records}
    assert {"廣州共產黨報告 (一大)", "論聯合政府 (七大)"} <= titles
    docs = [d for d in reportnlp.clean_files(CPC) if d.fields.get("title") in titles]
    by_given = {d.fields["title"]: d for d in docs}
    assert by_given["廣州共產黨報告 (一大)"].title == "广州共产党报告 (一大)"
    assert by_given["論聯合政府 (七大)"].title == "论联合政府 (七大)"
    assert by_given["論聯合政府 (七大)"].text.startswith("论联合政府")
    (kept,) = [
        d
        for d in reportnlp.clean_files(CPC, to_simplified=False)
        if d.fields.get("title") == "論聯合政府 (七大)"
    ]
    assert kept.title == "論聯合政府 (七大)"
