"""Input formats on real files (tests/fixtures/real_inputs, see its PROVENANCE.md): HTML pages, Word, PDF,
compressed and tabular corpora; the user's fields through every command and the API."""

from __future__ import annotations

import bz2
import csv
import gzip
import importlib.util
import json
import lzma
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportnlp
from reportnlp import codes
from reportnlp.cli import main
from reportnlp.pipeline.readers import Failure, Record, read_inputs, reader_for
from reportnlp.readers import extension_of, preflight
from reportnlp.readers.docx import chinese_counting, docx_lines, format_number
from reportnlp.readers.html import declared_encoding, extract, looks_like_html

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real_inputs"
NEWS = REAL / "news_01.html"
NEWS44 = REAL / "news_44.html"
GOV = REAL / "gov_BJ.html"
DOCX = REAL / "2025_beijing_report.docx"
PDF = REAL / "2025_beijing_report_p1-4.pdf"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_html", ROOT / "bench" / "bench_html.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _labels() -> list[dict]:
    path = REAL / "labels" / "labels.jsonl"
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


def _key(s: str) -> str:
    return re.sub(r"[\s\u200b-\u200d\ufeff]+", "", s)


# --- HTML ------------------------------------------------------------------------------------------------
def test_html_pages_score_against_their_hand_labels():
    bench = _bench()
    from collections import Counter

    total = Counter()
    for row in _labels():
        gold = (REAL / "labels" / f"{row['doc']}.txt").read_text(encoding="utf-8").split("\n")
        doc = reportnlp.clean((REAL / row["raw"]).read_bytes())
        c = bench.score_page(gold, row["lines"], doc.text)
        f = bench.figures(c)
        assert f["content_recall"] >= 0.95, (row["doc"], f)
        total.update(c)
    pooled = bench.figures(total)  # the gov page has 11 boilerplate lines: pooled, not per page
    assert pooled["content_recall"] >= 0.98 and pooled["boiler_f1"] >= 0.95, pooled


def _real_page(name: str) -> bytes:
    """A raw ``h_*`` page of corpora/real-pages (see its PROVENANCE.md), in the bytes it declares."""
    spec = importlib.util.spec_from_file_location(
        "real_pages_build", ROOT / "corpora" / "real-pages" / "build.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.original_bytes(ROOT / "corpora" / "real-pages" / "raw" / f"{name}.html")


def test_html_text_after_an_early_end_tag_is_read():
    """The 国务院公报 page closes ``</html>`` after its server-side header; browsers read on, so do we."""
    data = _real_page("h_govcn")
    assert b"</html>" in data[: len(data) // 2]
    doc = reportnlp.clean(data)
    assert "调整2007年末国债余额限额的决议" in doc.text
    assert "第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆" in doc.text


def test_html_double_br_is_a_paragraph_break():
    """``收盘播报<br><br>【证券时报网】…``: the section headings stay lines of their own."""
    doc = reportnlp.clean(_real_page("h_xds"))
    lines = doc.text.split("\n")
    for heading in ("国内资讯", "国际资讯", "基金动向", "债券动向"):
        assert heading in lines, heading


def test_html_decoding_title_and_metadata_from_the_document():
    raw = NEWS.read_bytes()
    assert declared_encoding(raw) == "gb18030"  # declared gb2312: read as its superset
    doc = reportnlp.clean(raw)  # bytes of a page: detected as HTML
    assert doc.encoding == "gb18030"
    assert doc.title == "八部委如何玩转互联网+：打造万物互联新生态"  # <title> minus "_网易财经"
    assert doc.meta["date"] == "2015-05-21"
    assert doc.meta["html_keywords"].startswith("如何玩转")
    assert "<" not in doc.text and "{" not in doc.text
    gov = reportnlp.clean(GOV.read_bytes())
    assert gov.title == "2026年政府工作报告"  # <meta name="ArticleTitle">
    assert gov.meta["date"] == "2026-02-02" and gov.meta["source"] == "北京日报"
    assert gov.text.count("\n\n") > 60


def test_every_html_line_has_a_decision_and_dom_reasons_explain_drops():
    doc = reportnlp.clean(NEWS.read_bytes())
    page = extract(NEWS.read_bytes())
    assert len(doc.lines) == len(page.lines)
    reasons = {d.reason for d in doc.dropped}
    assert {"dom:nav", "dom:share", "dom:link_dense"} <= reasons
    assert all(r in codes.READER_REASONS or not r.startswith("dom:") for r in reasons)
    nav = [d for d in doc.lines if d.text == "网易首页"]
    assert nav and all(d.action == codes.DROP and d.reason.startswith("dom:") for d in nav)
    # the article's own lines are kept, in order
    kept = [d.text for d in doc.lines if d.action == codes.KEEP]
    assert kept[0].startswith("今年以来已有8部委为互联网+发声")
    assert "八部委发声互联网+" in doc.text.split(
        "\n\n"
    )  # a short subheading stays its own paragraph


def test_html_from_a_string_a_jsonl_field_and_sniffing():
    html = NEWS.read_bytes().decode("gb18030")
    assert looks_like_html(html) and looks_like_html(NEWS.read_bytes())
    assert not looks_like_html("各位代表：\n<b>不是网页</b>")
    a = reportnlp.clean(html)
    b = reportnlp.clean(NEWS.read_bytes())
    assert a.text == b.text and a.title == b.title
    rec = {"id": "n1", "html": html, "url": "http://money.163.com/x.html"}
    [item] = list(_records_of_jsonl([rec]))
    assert item.format == "html" and item.fields == {"id": "n1", "url": rec["url"]}


def _records_of_jsonl(objs, **kw):
    from reportnlp.readers import JsonlReader

    data = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode("utf-8")
    return JsonlReader(**kw).read("x.jsonl", data)


def test_same_page_same_output_bytes():
    one = reportnlp.clean(NEWS44.read_bytes()).to_dict()
    two = reportnlp.clean(NEWS44.read_bytes()).to_dict()
    assert json.dumps(one, ensure_ascii=False) == json.dumps(two, ensure_ascii=False)


# --- Word ---------------------------------------------------------------------------------------------------
def test_docx_paragraphs_in_order_footer_dropped_with_reason():
    lines, hints, _ = docx_lines(DOCX.read_bytes())
    body = [ln for ln, h in zip(lines, hints) if ln and not h]
    assert body[0] == "2025年北京市政府工作报告" and body[1] == "来源：北京日报"
    assert body[3] == "各位代表："
    assert {h for h in hints if h} == {codes.R_DOCX_FOOTER}  # the page-number footer
    doc = reportnlp.clean(
        Record("bj", "\n".join(lines), str(DOCX), hints=tuple(hints)).data, hints=hints, html=False
    )
    assert any(d.reason == codes.R_DOCX_FOOTER for d in doc.dropped)
    paras = {_key(p.text) for p in doc.paragraphs}
    whole = sum(_key(b) in paras for b in body[4:])  # after title, source, dateline, salutation
    assert whole / len(body[4:]) >= 0.98


def _docx_with_numbering(fmt: str, lvl_text: str, items: list[str]) -> bytes:
    """A minimal .docx whose paragraphs carry automatic numbering (a mechanism test)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{t}</w:t></w:r></w:p>"
        for lvl, t in items
    )
    numbering = (
        f'<w:numbering {w}><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{paras}</w:body></w:document>")
        z.writestr("word/numbering.xml", numbering)
    return buf.getvalue()


def test_docx_automatic_numbering_rendered_as_a_reader_sees_it():
    data = _docx_with_numbering(
        "chineseCounting",
        "%1、",
        [(0, "过去一年工作回顾"), (1, "稳增长"), (1, "促改革"), (0, "今年工作安排"), (1, "扩内需")],
    )
    lines, _, _ = docx_lines(data)
    assert [ln for ln in lines if ln] == [
        "一、过去一年工作回顾",
        "（一）稳增长",
        "（二）促改革",
        "二、今年工作安排",
        "（一）扩内需",  # the lower level restarts under a new heading
    ]
    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 105)] == [
        "一", "十", "十一", "二十", "二十一", "一百零五",
    ]  # fmt: skip
    assert format_number(12, "ideographDigital") == "一二"
    doc = reportnlp.clean("\n".join(lines))
    assert [h.text for h in reportnlp.analyse(doc).headings][:2] == [
        "一、过去一年工作回顾",
        "（一）稳增长",
    ]


# --- PDF ---------------------------------------------------------------------------------------------------
def test_pdf_paragraphs_whole_and_page_numbers_dropped():
    pytest.importorskip("pdfminer")
    [rec] = list(read_inputs([str(PDF)]))
    assert isinstance(rec, Record) and rec.hints
    doc = reportnlp.clean(rec.data, hints=rec.hints, html=False)
    numbers = [d for d in doc.dropped if d.reason == codes.R_PDF_PAGE_NUMBER]
    assert [d.text for d in numbers] == ["1", "2", "3", "4"]
    # every paragraph of the Word source that the four pages hold entirely comes out whole
    lines, hints, _ = docx_lines(DOCX.read_bytes())
    source = [_key(ln) for ln, h in zip(lines, hints) if ln and not h]
    pdf_text = _key(doc.text)
    held = [p for p in source if p in pdf_text]  # paragraphs on these pages
    assert len(held) >= 12
    paras = {_key(p.text) for p in doc.paragraphs}
    assert sum(p in paras for p in held[1:]) / len(held[1:]) >= 0.9  # held[0]: the title line


def test_pdf_without_text_layer_and_legacy_word_fail_per_file(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    scan = tmp_path / "scan.pdf"
    w = pypdf.PdfWriter()
    w.add_blank_page(595, 842)
    with open(scan, "wb") as f:
        w.write(f)
    (tmp_path / "old.DOC").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    (tmp_path / "b.wps").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    shutil.copy(NEWS44, tmp_path / "page.HTM")
    items = list(read_inputs([str(tmp_path)]))
    failures = {Path(i.where).name: i.message for i in items if isinstance(i, Failure)}
    assert "OCR" in failures["scan.pdf"]
    assert "libreoffice --headless --convert-to docx" in failures["old.DOC"]
    assert "WPS" in failures["b.wps"]
    assert [i.id for i in items if isinstance(i, Record)] == ["page"]  # the batch went on


# --- corpora as people keep them ------------------------------------------------------------------------------
def _gov_rows() -> list[dict]:
    doc = reportnlp.clean(GOV.read_bytes())
    paras = [p.text for p in doc.paragraphs]
    return [
        {"doc_id": f"bj-{i}", "body": "\n\n".join(paras[i * 20 : i * 20 + 20]), "year": 2026 + i,
         "province": "北京", "url": "https://www.beijing.gov.cn/x.html", "meta": {"tier": "portal"}}
        for i in range(3)
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["c.jsonl.gz", "c.jsonl.bz2", "c.JSONL.xz", "c.jsonl.zst", "c.csv",
                                  "c.tsv", "c.xlsx", "c.parquet"])  # fmt: skip
def test_record_corpora_keep_every_field(tmp_path, name):
    rows = _gov_rows()
    path = tmp_path / name
    lower = name.lower()
    if lower.endswith(".parquet"):
        pd = pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
        pd.DataFrame(rows).to_parquet(path)
    elif lower.endswith(".xlsx"):
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        sheet = book.active
        cols = ["doc_id", "body", "year", "province", "url"]
        sheet.append(cols)
        for r in rows:
            sheet.append([r[c] for c in cols])
        book.save(path)
    elif lower.endswith((".csv", ".tsv")):
        with open(path, "w", encoding="utf-8", newline="") as f:
            cols = ["doc_id", "body", "year", "province", "url"]
            wr = csv.DictWriter(f, cols, delimiter="\t" if lower.endswith(".tsv") else ",",
                                extrasaction="ignore")  # fmt: skip
            wr.writeheader()
            wr.writerows(rows)
    else:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
        if lower.endswith(".zst"):
            zstd = pytest.importorskip("zstandard")
            data = zstd.ZstdCompressor().compress(data)
        else:
            data = {".gz": gzip, ".bz2": bz2, ".xz": lzma}[Path(lower).suffix].compress(data)
        path.write_bytes(data)
    assert reader_for(str(path)) is not None
    items = list(read_inputs([str(path)], text_key="body", id_key="doc_id"))
    assert all(isinstance(i, Record) for i in items), items
    assert [i.id for i in items] == ["bj-0", "bj-1", "bj-2"]
    first = items[0].fields
    assert first["province"] == "北京" and str(first["year"]) == "2026"
    assert "body" not in first
    if not lower.endswith((".csv", ".tsv", ".xlsx")):  # typed containers keep types and nesting
        assert first["year"] == 2026 and first["meta"] == {"tier": "portal"}
    assert items[0].source.startswith(str(path)) and items[0].source != str(path)


def test_extensions_any_case_and_skipped_files_counted(tmp_path):
    shutil.copy(NEWS, tmp_path / "A.HTML")
    (tmp_path / "r.TXT").write_text(
        "各位代表：\n\n今年以来，全市开展宣讲30余场次，效果明显。\n", encoding="utf-8"
    )
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert extension_of("a.JSONL.GZ") == ".jsonl.gz" and extension_of("x.png") == ".png"
    ids = [i.id for i in read_inputs([str(tmp_path)])]
    assert ids == ["A", "r"]
    found = preflight([str(tmp_path)])
    assert found.skipped == {".png": 1, ".md": 1} and found.error() is None


# --- every command and the API ------------------------------------------------------------------------------------
@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for p in (NEWS, NEWS44, GOV, DOCX, PDF):
        shutil.copy(p, d / p.name)
    rows = [{"id": "bj-jsonl", "text": reportnlp.clean(GOV.read_bytes()).text, "year": 2026,
             "province": "北京", "meta": {"tier": "portal"}}]  # fmt: skip
    (d / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (d / "README.md").write_text("not an input", encoding="utf-8")
    return d


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


def test_every_command_reads_every_format_and_keeps_fields(corpus, tmp_path):
    pytest.importorskip("pdfminer")
    r = CliRunner().invoke(main, ["clean", str(corpus), "-o", str(tmp_path / "c.jsonl"),
                                  "--explain", str(tmp_path / "e.jsonl")])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "1 .md file skipped" in r.output
    recs = {x["id"]: x for x in _jsonl(tmp_path / "c.jsonl")}
    assert set(recs) == {"news_01", "news_44", "gov_BJ", "2025_beijing_report",
                         "2025_beijing_report_p1-4", "bj-jsonl"}  # fmt: skip
    assert recs["bj-jsonl"]["fields"] == {"id": "bj-jsonl", "year": 2026, "province": "北京",
                                          "meta": {"tier": "portal"}}  # fmt: skip
    assert recs["bj-jsonl"]["source"].endswith("records.jsonl:1")
    assert recs["news_01"]["source"].endswith("news_01.html")
    reasons = {x["reason"] for x in _jsonl(tmp_path / "e.jsonl")}
    assert {"dom:nav", "docx:footer", "pdf:page_number"} <= reasons

    r = CliRunner().invoke(main, ["analyse", str(corpus), "-o", str(tmp_path / "a.jsonl"),
                                  "--frames", str(tmp_path / "frames"), "-q"])  # fmt: skip
    assert r.exit_code == 0, r.output
    an = {x["id"]: x for x in _jsonl(tmp_path / "a.jsonl")}
    assert an["bj-jsonl"]["fields"]["province"] == "北京"
    import pandas as pd

    docs = pd.read_parquet(tmp_path / "frames" / "documents.parquet")
    row = docs[docs["id"] == "bj-jsonl"].iloc[0]
    assert (
        row["province"] == "北京"
        and row["year"] == 2026
        and json.loads(row["meta"]) == {"tier": "portal"}
    )
    assert row["source"].endswith("records.jsonl:1")

    r = CliRunner().invoke(main, ["placeholders", str(corpus), "--json", str(tmp_path / "r.json"),
                                  "-q"])  # fmt: skip
    assert r.exit_code == 0, r.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    entry = next(d for d in report["documents"] if d["id"] == "bj-jsonl")
    assert entry["fields"]["year"] == 2026

    r = CliRunner().invoke(main, ["cluster", str(corpus), "-o", str(tmp_path / "k.csv"), "-q"])
    assert r.exit_code == 0, r.output
    table = list(csv.DictReader(open(tmp_path / "k.csv", encoding="utf-8-sig")))
    by_id = {x["id"]: x for x in table}
    assert by_id["bj-jsonl"]["province"] == "北京"
    assert by_id["news_01"]["source"].endswith("news_01.html")

    r = CliRunner().invoke(main, ["templates", str(corpus), "-o", str(tmp_path / "t.jsonl"),
                                  "--singletons", "-q"])  # fmt: skip
    assert r.exit_code == 0, r.output
    fams = _jsonl(tmp_path / "t.jsonl")
    inputs = {k: v for f in fams for k, v in f["inputs"].items()}
    assert inputs["bj-jsonl"]["fields"]["province"] == "北京"
    assert inputs["2025_beijing_report"]["source"].endswith(".docx")


def test_text_and_id_field_options(tmp_path):
    src = tmp_path / "c.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["key", "正文", "年份"])
        wr.writerow(["k1", "各位代表：\n\n今年以来，全市开展宣讲30余场次，效果明显。", "2024"])
    out = tmp_path / "o.jsonl"
    r = CliRunner().invoke(main, ["clean", str(src), "-o", str(out), "--text-field", "正文",
                                  "--id-field", "key", "-q"])  # fmt: skip
    assert r.exit_code == 0, r.output
    [rec] = _jsonl(out)
    assert rec["id"] == "k1" and rec["fields"] == {"key": "k1", "年份": "2024"}
    assert "宣讲30余场次" in rec["text"]


def test_missing_extra_is_reported_before_any_work(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()  # the output may not lie inside an input folder
    shutil.copy(PDF, tmp_path / "in" / "r.pdf")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pdfminer" else real(name, *a)
    )
    out = tmp_path / "o.jsonl"
    r = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(out)])
    assert r.exit_code == 2 and "pip install 'reportnlp[pdf]'" in r.output
    assert not out.exists()


def test_api_clean_stream_on_a_dataframe_keeps_fields():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        [
            {"id": "n1", "html": NEWS.read_bytes().decode("gb18030"), "site": "163"},
            {"id": "g1", "text": reportnlp.clean(GOV.read_bytes()).text, "site": "bj"},
            {"id": "p1", "text": "各位代表：现在，我代表市人民政府作报告。", "source": "人民日报"},
        ]
    )
    docs = list(reportnlp.clean_stream(frame))
    assert [d.id for d in docs] == ["n1", "g1", "p1"]
    assert docs[0].title == "八部委如何玩转互联网+：打造万物互联新生态"
    assert docs[0].fields["site"] == "163" and docs[1].to_dict()["fields"]["site"] == "bj"
    # a record's "source" (its publisher, as scraped datasets name it) is a field, not where it was read
    assert docs[2].fields["source"] == "人民日报" and "source" not in docs[0].fields
    assert [d.source for d in docs] == ["record 0", "record 1", "record 2"]


def test_dask_engine_reads_every_format_as_the_local_engine_does(tmp_path):
    pytest.importorskip("distributed")
    pytest.importorskip("pdfminer")
    src = tmp_path / "in"
    src.mkdir()
    for p in (NEWS, GOV, DOCX, PDF):
        shutil.copy(p, src / p.name)
    (src / "r.jsonl").write_text(
        json.dumps(
            {"id": "j1", "text": "各位代表：今年以来，全市开展宣讲30余场次。", "year": 2024},
            ensure_ascii=False,
        )
        + "\n",  # fmt: skip
        encoding="utf-8",
    )
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert CliRunner().invoke(main, ["clean", str(src), "-o", str(local), "-q"]).exit_code == 0
    r = CliRunner().invoke(
        main, ["clean", str(src), "-o", str(dask), "--engine", "dask", "--workers", "1", "-q"]
    )
    assert r.exit_code == 0, r.output
    assert local.read_bytes() == dask.read_bytes()
    assert {x["id"] for x in _jsonl(local)} == {"news_01", "gov_BJ", "2025_beijing_report",
                                                "2025_beijing_report_p1-4", "j1"}  # fmt: skip


def test_html_extraction_does_not_depend_on_process_state():
    import subprocess
    import sys

    code = (
        "import json, sys; from reportnlp.readers.html import extract; "
        "junk = [bytearray(n % 97) for n in range(20000)]; "
        "p = extract(open(sys.argv[1], 'rb').read()); print(json.dumps(p.hints))"
    )
    for page in (NEWS, GOV):
        here = extract(page.read_bytes()).hints
        extract(NEWS44.read_bytes())  # another page in between
        assert extract(page.read_bytes()).hints == here
        out = subprocess.run(
            [sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        assert json.loads(out.stdout) == here


def test_missing_parquet_output_extra_is_reported_before_any_work(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a)
    )
    out = tmp_path / "o.parquet"
    r = CliRunner().invoke(main, ["clean", str(NEWS), "-o", str(out)])
    assert r.exit_code == 2 and "pip install 'reportnlp[parquet]'" in r.output
    assert not out.exists()


def test_parquet_cells_of_any_type_come_out_as_json(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime
    import decimal

    import pyarrow.parquet as pq

    text = reportnlp.clean(GOV.read_bytes()).paragraphs[5].text
    table = pa.table({"id": ["a"], "text": [text], "amount": pa.array([decimal.Decimal("1.50")]),
                      "ts": [datetime.datetime(2024, 1, 2, 3, 4)], "blob": ["中".encode()]})  # fmt: skip
    pq.write_table(table, tmp_path / "t.parquet")
    out = tmp_path / "o.jsonl"
    r = CliRunner().invoke(main, ["clean", str(tmp_path / "t.parquet"), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    [rec] = _jsonl(out)
    assert rec["fields"] == {"id": "a", "amount": "1.50", "ts": "2024-01-02T03:04:00", "blob": "中"}
    assert rec["source"].endswith("t.parquet:1") and rec["text"] == text


def test_api_clean_stream_names_its_text_and_id_columns():
    pd = pytest.importorskip("pandas")
    body = reportnlp.clean(GOV.read_bytes()).text
    frame = pd.DataFrame([{"doc_id": "bj-2026", "body": body, "year": 2026}])
    docs = list(reportnlp.clean_stream(frame, text_key="body", id_key="doc_id"))
    assert [d.id for d in docs] == ["bj-2026"] and docs[0].text == body
    assert docs[0].fields == {"doc_id": "bj-2026", "year": 2026}
    with pytest.raises(reportnlp.InputError, match="record 0: no 'text'.*fields: doc_id, body, year"):
        list(reportnlp.clean_stream(frame))
