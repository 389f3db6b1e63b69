"""Bad copies of real inputs, as users hand them over: each error names the file and says what is wrong
and what to do; the rest of the batch is written and the exit code is 1."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from reportnlp.cli import main

REAL = FIXTURES / "real_inputs"


def clean(*args: str):
    return CliRunner().invoke(main, ["clean", *args], catch_exceptions=False)


def test_truncated_docx_is_named_truncated_not_sent_to_libreoffice(tmp_path):
    data = (REAL / "2025_beijing_report.docx").read_bytes()
    d = tmp_path / "in"
    d.mkdir()
    (d / "cut.docx").write_bytes(data[: len(data) // 2])  # a download that stopped half-way
    (d / "whole.docx").write_bytes(data)
    out = tmp_path / "out.jsonl"
    res = clean(str(d), "-o", str(out), "-q")
    assert res.exit_code == 1
    (line,) = [ln for ln in res.stderr.splitlines() if "cut.docx" in ln]
    assert "truncated or damaged .docx" in line and "libreoffice" not in line
    assert [json.loads(r)["id"] for r in out.read_text(encoding="utf-8").splitlines()] == ["whole"]


def test_a_null_or_number_text_is_named_as_such(tmp_path):
    """A scraper's dump with a record whose text is null (the page failed) or a number: the error says so,
    rather than that the record has no text field while listing ``text`` among its fields."""
    page = (REAL / "news_01.html").read_bytes().decode("gb18030")
    src = tmp_path / "dump.jsonl"
    rows = [{"id": "ok", "html": page}, {"id": "n", "text": None}, {"id": "d", "text": 2025}]
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    res = clean(str(src), "-o", str(out), "-q")
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert errors == [
        f"error: {src}:2: empty text: 'text' is null: no text to clean",
        f"error: {src}:3: 'text' is a number, not a string: no text to clean",
    ]
    assert [json.loads(r)["id"] for r in out.read_text(encoding="utf-8").splitlines()] == ["ok"]


def test_a_folder_with_no_input_file_is_a_warning(tmp_path):
    """A typo'd or not yet unpacked folder beside a real one: said, not passed over in silence."""
    empty = tmp_path / "empty"
    empty.mkdir()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "README.md").write_text("# notes\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = clean(str(REAL / "gov_BJ.html"), str(empty), str(notes), "-o", str(out))
    assert res.exit_code == 0
    assert f"warning: {empty}: no input file in this folder" in res.stderr
    assert f"warning: {notes}: no input file in this folder" in res.stderr
    assert "warning: 1 .md file skipped: not an input format" in res.stderr
    assert [json.loads(r)["id"] for r in out.read_text(encoding="utf-8").splitlines()] == ["gov_BJ"]


def test_a_compressed_page_is_named_with_what_to_do(tmp_path):
    """A scraper's ``page.html.gz`` beside plain pages: the warning names ``.html.gz`` and says to
    decompress it (was: "1 .gz file skipped", which reads like a stray archive)."""
    import gzip

    d = tmp_path / "in"
    d.mkdir()
    page = (REAL / "news_44.html").read_bytes()
    (d / "news_44.html.gz").write_bytes(gzip.compress(page, mtime=0))
    (d / "news_01.html").write_bytes((REAL / "news_01.html").read_bytes())
    res = clean(str(d), "-o", str(tmp_path / "out.jsonl"))
    assert res.exit_code == 0
    assert (
        "warning: 1 .html.gz file skipped: not an input format (only JSON lines, JSON and CSV/TSV "
        "are read compressed: gunzip it first)"
    ) in res.stderr


def test_plain_text_named_html_is_read_as_text(tmp_path):
    """A report saved as text under a .html name (no tag at all): read as the text it is, lines and title
    kept (it was rendered as HTML: every line ran into one paragraph, nothing dropped, no title)."""
    seed = ROOT / "corpora" / "samples" / "000_61eaccc42b378d20.txt"
    data = seed.read_bytes()
    d = tmp_path / "in"
    d.mkdir()
    (d / "as_text.txt").write_bytes(data)
    (d / "as_page.html").write_bytes(data)
    (d / "as_page_utf16.htm").write_bytes(data.decode("utf-8").encode("utf-16"))
    out = tmp_path / "out.jsonl"
    assert clean(str(d), "-o", str(out), "-q").exit_code == 0
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert recs["as_text"]["title"] == "关于全市理论宣讲工作汇报"
    for name in ("as_page", "as_page_utf16"):
        assert (recs[name]["title"], recs[name]["text"]) == (
            recs["as_text"]["title"],
            recs["as_text"]["text"],
        )
    # a real page keeps the HTML path
    res = clean(str(REAL / "news_01.html"), "-o", str(tmp_path / "page.jsonl"), "--explain",
                str(tmp_path / "ex.jsonl"), "-q")  # fmt: skip
    assert res.exit_code == 0
    assert any('"reason":"dom:' in ln for ln in (tmp_path / "ex.jsonl").read_text().splitlines())


def test_an_html_fragment_in_a_content_field_is_read_as_a_page(tmp_path):
    """A CMS export or scraper item whose ``content`` is the article's HTML (the Beijing portal's TRS
    editor div, no <html> around it): tags and entities go, <p> are paragraphs (they came out as text)."""
    from lxml import html

    page = html.fromstring((REAL / "gov_BJ.html").read_bytes())
    (body,) = page.xpath('//div[contains(@class, "TRS_UEDITOR")]')
    fragment = html.tostring(body, encoding="unicode")
    rows = [
        {"id": "bj", "title": "2026年政府工作报告", "content": fragment},
        {"id": "plain", "content": "<十五五>规划开局之年，我们要坚持稳中求进，<b>是加粗的标签名。"},
        {
            "id": "br",
            "content": "关于全市理论宣讲工作汇报<br>今年以来，我市组织宣讲团深入基层。<br/>二是创新形式。",
        },
    ]
    src = tmp_path / "items.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    assert clean(str(src), "-o", str(out), "-q").exit_code == 0
    bj, plain, br = map(json.loads, out.read_text(encoding="utf-8").splitlines())
    assert "<" not in bj["text"] and "&nbsp;" not in bj["text"] and "style=" not in bj["text"]
    assert "各位代表：\n\n现在，我代表北京市人民政府" in bj["text"]
    assert len(bj["paragraphs"]) > 50
    # a text that merely contains angle brackets stays text
    assert plain["text"] == rows[1]["content"]
    # lines broken by <br> (a 文库 dump): a title and paragraphs
    assert br["title"] == "关于全市理论宣讲工作汇报"
    assert br["text"] == "今年以来，我市组织宣讲团深入基层。\n\n二是创新形式。"


def test_a_jsonl_with_no_text_field_is_one_error_not_one_a_line(tmp_path):
    """A labels file beside the corpus (the repository's real-pages labels: 328 lines, no text): one
    error naming its fields, as for a table without a text column (it was 328 errors)."""
    d = tmp_path / "in"
    d.mkdir()
    labels = (ROOT / "corpora" / "real-pages" / "labels.jsonl").read_bytes()
    n = labels.count(b"\n")
    (d / "labels.jsonl").write_bytes(labels)
    lines = labels.splitlines(keepends=True)
    # a dump whose text field appears late: each line before it still fails alone
    (d / "late.jsonl").write_bytes(
        b"".join(lines[:2])
        + b"{not json\n"
        + json.dumps({"id": "late", "content": "今年以来，我县组织宣讲团深入基层。"}).encode()
        + b"\n"
    )
    out = tmp_path / "out.jsonl"
    res = clean(str(d), "-o", str(out), "-q")
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    lab = d / "labels.jsonl"
    assert [e for e in errors if "labels.jsonl" in e] == [
        f"error: {lab}:1-{n}: no line has a 'text' or 'content' (or 'html') field ({n} lines; "
        "fields: doc, lines, meta, site, kind, split, source, raw, note); name the text field with "
        "--text-field (text_key= in the API)"
    ]
    late = [e.split(": ", 2)[1] for e in errors if "late.jsonl" in e]
    assert late == [f"{d / 'late.jsonl'}:{i}" for i in (1, 2, 3)]
    assert [json.loads(r)["id"] for r in out.read_text(encoding="utf-8").splitlines()] == ["late"]


def test_tables_are_decoded_as_text_files_are(tmp_path):
    """Excel's "Unicode text" (a UTF-16 TSV with a BOM) and a Big5 CSV are read (the first failed with a
    gb18030 UnicodeDecodeError, the second came out as GB18030 mojibake); an empty table and a table in
    no encoding we read are errors naming the file and line."""
    reports = [
        json.loads(ln)
        for ln in (ROOT / "corpora" / "structure" / "provincial_reports.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()[:2]
    ]
    tsv = "id\ttext\r\n" + "".join(
        f"{r['id']}\t{r['text'][:2000].replace(chr(10), ' ').replace(chr(9), ' ')}\r\n"
        for r in reports
    )
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_excel_unicode.tsv").write_bytes(tsv.encode("utf-16"))  # BOM + UTF-16-LE
    trad = "id,text\r\nhk,今年以來，我縣組織宣講團深入基層，開展宣講30餘場次，受眾5000餘人次，群眾反響良好。\r\n"
    (d / "b_big5.csv").write_bytes(trad.encode("big5"))
    (d / "broken.csv").write_bytes(b"id,text\r\na,\xe4\xbb\x8a\xe5\xb9\xb4\r\nb,\xff\xfe\xff\r\n")
    (d / "empty.csv").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    res = clean(str(d), "-o", str(out), "-q")
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"error: {d / 'broken.csv'}:3: cannot decode: invalid UTF-8 byte 0xff at byte 21 and no "
        "supported legacy encoding fits; save the table as UTF-8",
        f"error: {d / 'empty.csv'}: empty file: no text to clean",
    ]
    recs = [json.loads(r) for r in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == [str(r["id"]) for r in reports] + ["hk"]
    assert recs[0]["text"].startswith(reports[0]["text"][:20]) and len(recs[0]["text"]) > 500
    assert (
        recs[2]["text"]
        == "今年以来，我县组织宣讲团深入基层，开展宣讲30余场次，受众5000余人次，群众反响良好。"
    )


def test_a_rerun_in_which_every_input_fails_leaves_the_earlier_output(tmp_path):
    """A good run, then a rerun whose only input is now truncated (a download that stopped half-way): the
    earlier output is not replaced by an empty file; the exit code is 1 and the summary says so. A rerun
    with one good input replaces it as usual."""
    data = (REAL / "2025_beijing_report.docx").read_bytes()
    doc = tmp_path / "report.docx"
    doc.write_bytes(data)
    out, explain = tmp_path / "out.jsonl", tmp_path / "explain.jsonl"
    assert clean(str(doc), "-o", str(out), "--explain", str(explain), "-q").exit_code == 0
    before, explained = out.read_bytes(), explain.read_bytes()
    assert json.loads(before)["id"] == "report" and explained

    doc.write_bytes(data[: len(data) // 2])
    res = clean(str(doc), "-o", str(out), "--explain", str(explain))
    assert res.exit_code == 1
    assert "every input failed: nothing written, " + str(out) + " left as it was" in res.stderr
    assert "wrote" not in res.stderr
    assert out.read_bytes() == before and explain.read_bytes() == explained
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explain.jsonl", "out.jsonl", "report.docx"]

    other = tmp_path / "other.docx"
    other.write_bytes(data)
    res = clean(str(doc), str(other), "-o", str(out), "-q")
    assert res.exit_code == 1
    assert [json.loads(r)["id"] for r in out.read_text(encoding="utf-8").splitlines()] == ["other"]
