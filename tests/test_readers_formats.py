"""Readers, second file: ``--no-clean`` on pages, parquet row groups as partitions, 文库 pages' ``<meta>``,
and real files through every command (tests/fixtures/real_inputs, see its PROVENANCE.md)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportnlp.cli import main

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real_inputs"
NEWS = REAL / "news_01.html"
GOV = REAL / "gov_BJ.html"
DOCX = REAL / "2025_beijing_report.docx"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


def _invoke(*args: str) -> None:
    r = CliRunner().invoke(main, [*args, "-q"])
    assert r.exit_code == 0, r.output


# --- --no-clean on HTML: the page's text, not its markup -------------------------------------------------
@pytest.fixture()
def pages(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for p in (NEWS, GOV):
        shutil.copy(p, d / p.name)
    page = GOV.read_text(encoding="utf-8")
    (d / "fields.jsonl").write_text(
        json.dumps({"id": "bj-field", "html": page, "year": 2026}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return d


def test_no_clean_reads_an_html_page_as_its_text_in_every_command(pages, tmp_path):
    _invoke("analyse", str(pages), "--no-clean", "-o", str(tmp_path / "a.jsonl"))
    an = {r["id"]: r for r in _jsonl(tmp_path / "a.jsonl")}
    assert set(an) == {"news_01", "gov_BJ", "bj-field"}
    for rec in an.values():
        assert "<" not in rec["text"] and "charset" not in rec["text"], rec["text"][:200]
    gov = an["gov_BJ"]
    assert gov["title"] == "2026年政府工作报告"
    assert gov["meta"]["date"] == "2026-02-02" and gov["meta"]["source"] == "北京日报"
    # no boilerplate removed: the portal's breadcrumb stays, as do the report's own lines and headings
    lines = gov["text"].split("\n")
    assert "政务公开 > 工作报告 > 政府工作报告" in lines and "各位代表：" in lines
    assert {"一、2025年工作回顾"} <= {h["text"] for h in gov["headings"]}
    for s in gov["headings"] + gov["metrics"]:  # spans index the text that is written
        assert gov["text"][s["start"] : s["end"]] == s["text"]
    # an html field of a record reads as the same page, and keeps its fields
    assert an["bj-field"]["text"] == gov["text"] and an["bj-field"]["fields"]["year"] == 2026
    news = an["news_01"]
    assert news["title"] == "八部委如何玩转互联网+：打造万物互联新生态"
    assert "网易首页" in news["text"].split("\n")  # the site's menu: nothing removed

    _invoke("placeholders", str(pages), "--no-clean", "--json", str(tmp_path / "r.json"))
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in report["documents"]} == {"news_01", "gov_BJ", "bj-field"}
    _invoke("cluster", str(pages), "--no-clean", "-o", str(tmp_path / "k.csv"))
    rows = list(csv.DictReader(open(tmp_path / "k.csv", encoding="utf-8-sig")))
    assert {r["id"] for r in rows} == {"news_01", "gov_BJ", "bj-field"}
    _invoke("templates", str(pages), "--no-clean", "--singletons", "-o", str(tmp_path / "t.jsonl"))
    fams = _jsonl(tmp_path / "t.jsonl")
    members = {m for f in fams for m in f["members"]}
    assert members == {"news_01", "gov_BJ", "bj-field"}
    # the page's two copies (the file and the field) are one family: the same text
    assert any({"gov_BJ", "bj-field"} <= set(f["members"]) for f in fams)


def test_no_clean_html_is_the_same_on_every_executor(pages, tmp_path):
    pytest.importorskip("distributed")
    outs = []
    for i, extra in enumerate(([], ["-j", "2"], ["--engine", "dask", "--workers", "1"])):
        out = tmp_path / f"a{i}.jsonl"
        _invoke("analyse", str(pages), "--no-clean", "-o", str(out), *extra)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]


def test_no_clean_word_file_keeps_its_header_lines(tmp_path):
    """--no-clean on a .docx: the document's text as read, its footer lines not dropped."""
    _invoke("analyse", str(DOCX), "--no-clean", "-o", str(tmp_path / "a.jsonl"))
    _invoke("analyse", str(DOCX), "-o", str(tmp_path / "b.jsonl"))
    [raw], [cleaned] = _jsonl(tmp_path / "a.jsonl"), _jsonl(tmp_path / "b.jsonl")
    assert len(raw["text"]) > len(cleaned["text"])
    assert cleaned["text"].split("\n")[0] in raw["text"]


# --- parquet: row groups are partitions of the plan -------------------------------------------------------
def _gwr_parquet(path: Path, rows: int = 30, group: int = 4) -> Path:
    """The first ``rows`` State Council reports (corpora/gwr) as parquet, ``group`` rows a row group, with
    fields of the user's and a repeated id (made unique across row groups as a sequential read does)."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    recs = []
    with open(ROOT / "corpora" / "gwr" / "government_work_reports.jsonl", encoding="utf-8") as fh:
        for i, line in zip(range(rows), fh):
            r = json.loads(line)
            recs.append({"id": "dup" if i in (1, 9, 17) else f"r{i:02d}", "title": r["title"],
                         "text": r["content"], "url": r["url"], "n": i})  # fmt: skip
    pq.write_table(pa.Table.from_pylist(recs), path, row_group_size=group)
    return path


def test_parquet_row_groups_split_the_plan(tmp_path):
    from reportnlp.pipeline.plan import ParquetGroups, plan_partitions, read_partition, with_priors
    from reportnlp.pipeline.readers import read_inputs
    from reportnlp.pipeline.tasks import scan_task

    path = _gwr_parquet(tmp_path / "gwr.parquet")
    parts = plan_partitions([str(path)], 200_000)  # a group is 65-130 kB of text: runs of groups
    units = [u for p in parts for u in p.units]
    assert len(parts) >= 3 and all(isinstance(u, ParquetGroups) and u.take is None for u in units)
    assert [u.first for u in units] == [0] + [u.end for u in units[:-1]] and units[-1].end == 8
    scans = [scan_task(p, corpus=False) for p in parts]
    parts = with_priors(parts, [s.id_list() for s in scans], [h for s in scans for h in s.suffixed])
    split = [(r.id, r.source, r.fields) for p in parts for r in read_partition(p)]
    whole = [(r.id, r.source, r.fields) for r in read_inputs([str(path)])]
    assert split == whole and len(whole) == 30
    assert [x[0] for x in whole if x[0].startswith("dup")] == ["dup", "dup#2", "dup#3"]
    assert whole[29][1] == f"{path}:30" and whole[29][2]["n"] == 29


def test_one_large_row_group_is_cut_into_slices_of_rows(tmp_path):
    """pandas and pyarrow write up to a million rows as one row group: such a group is cut into slices of
    its rows, named and made unique exactly as a whole read names them."""
    from reportnlp.pipeline.plan import ParquetGroups, plan_partitions, read_partition, with_priors
    from reportnlp.pipeline.readers import read_inputs
    from reportnlp.pipeline.tasks import scan_task

    path = _gwr_parquet(tmp_path / "one.parquet", group=30)
    parts = plan_partitions([str(path)], 100_000)
    units = [u for p in parts for u in p.units]
    assert len(units) >= 4 and all(isinstance(u, ParquetGroups) and u.end == 1 for u in units)
    assert sum(u.take for u in units) == 30 and [u.skip for u in units][0] == 0
    scans = [scan_task(p, corpus=False) for p in parts]
    parts = with_priors(parts, [s.id_list() for s in scans], [h for s in scans for h in s.suffixed])
    split = [(r.id, r.source, r.fields, r.data) for p in parts for r in read_partition(p)]
    whole = [(r.id, r.source, r.fields, r.data) for r in read_inputs([str(path)])]
    assert split == whole and len(whole) == 30 and whole[17][0] == "dup#3"


def test_parquet_output_is_the_same_bytes_on_every_executor(tmp_path):
    pytest.importorskip("distributed")
    from reportnlp.pipeline import driver
    from reportnlp.pipeline.executors import ProcessExecutor, SerialExecutor

    src = tmp_path / "in"
    src.mkdir()
    path = _gwr_parquet(src / "gwr.parquet")
    one = _gwr_parquet(tmp_path / "one.parquet", group=30)  # one row group: slices of rows
    outs = []
    for name, executor, size, where in (
        ("serial-whole", SerialExecutor(), None, path),
        ("serial-groups", SerialExecutor(), 100_000, path),
        ("pool-groups", ProcessExecutor(2), 200_000, path),
        ("pool-slices", ProcessExecutor(2), 100_000, one),
    ):
        out = tmp_path / f"{name}.jsonl"
        s = driver.run_to_output("clean", [str(where)], str(out), executor, partition_size=size)
        text = out.read_bytes().replace(str(one).encode(), str(path).encode())  # the sources' name
        outs.append((text, json.dumps(s.to_dict()).replace(str(one), str(path))))
    assert outs[0] == outs[1] == outs[2] == outs[3]
    for i, args in enumerate((["-j", "2"], ["--engine", "dask", "--workers", "2"])):
        out = tmp_path / f"cli{i}.jsonl"
        _invoke("clean", str(path), "-o", str(out), *args)
        assert out.read_bytes() == outs[0][0]
    recs = [json.loads(x) for x in outs[0][0].decode().splitlines()]
    assert len(recs) == 30 and recs[9]["id"] == "dup#2" and recs[9]["fields"]["n"] == 9


# --- metadata that template-essay and 文库 sites' themes write: Baidu's JSON-LD, og:release_date … ---------
def test_baidu_json_ld_of_a_real_page_gives_date_and_description():
    """游民星空's mobile page (GeneralNewsExtractor's test page, corpora/real-pages/raw, MIT) carries Baidu's
    熊掌号 JSON-LD (``cambrian.jsonld``: title, description, pubDate), as the CMS themes of template-essay
    and 文库 sites do; the hand label's date is 2019-09-05."""
    from reportnlp.readers.html import extract

    page = extract((ROOT / "corpora" / "real-pages" / "raw" / "h_gamersky.html").read_bytes())
    assert page.meta["date"] == "2019-09-05"
    assert page.meta["html_description"].startswith("《逆水寒》每周的版本更新都安排在周四")
    assert page.title == "逆水寒再按照这个速度研发下去 应该马上就要收到律师函了！"


def test_wenku_style_meta_tags_and_title_suffix():
    """A mechanism test (markup in the shape of those sites' themes, not a quality figure): og:release_date,
    og:author, bytedance:published_time, a JSON-LD block with comments, and a 文库 site's title suffix."""
    from reportnlp.readers.html import extract

    body = (
        "<body><div class='doc'><p>" + "各位代表：现在，我代表市人民政府，向大会报告政府工作。" * 3
    )
    head = (
        "<html><head><meta charset='utf-8'><title>涉密计算机管理制度&nbsp;- 百度文库</title>"
        "<meta property='og:release_date' content='2019-05-14T10:45:55'>"
        "<meta property='og:author' content='张三'>"
    )
    page = extract(head + "</head>" + body + "</p></div></body></html>")
    assert page.title == "涉密计算机管理制度"
    assert page.meta["date"] == "2019-05-14" and page.meta["author"] == "张三"
    ld = (
        "<html><head><script type='application/ld+json'>{\n"
        '  "@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld",\n'
        '  "title": "2023年工作总结及2024年工作计划", // 标题\n'
        '  "description": "XX镇2023年工作总结",\n  "pubDate": "2024-01-08T09:00:00",\n}'
        "</script><meta property='bytedance:published_time' content='2024-01-09'></head>"
    )
    page = extract(ld + body + "</p></div></body></html>")
    assert page.title == "2023年工作总结及2024年工作计划"  # no <title>, no h1: the JSON-LD's
    assert page.meta["date"] == "2024-01-09"  # a <meta> tag first, then the JSON-LD
    assert page.meta["html_description"] == "XX镇2023年工作总结"


# --- a new user's folder: found by walking the list with real files ----------------------------
def test_non_utf8_file_name_under_a_relative_folder(tmp_path, monkeypatch):
    """A name that is not UTF-8 (a Windows zip unpacked on Linux) inside a folder given as a relative
    path: its records and stats name it with U+FFFD (the run used to end in a UnicodeEncodeError)."""
    import os

    (tmp_path / "in").mkdir()
    shutil.copy(GOV, os.path.join(os.fsencode(tmp_path / "in"), b"bad-\xff\xfe.HTM"))
    monkeypatch.chdir(tmp_path)
    for extra in ([], ["-j", "2"]):
        r = CliRunner().invoke(main, ["clean", "in", "-o", "o.jsonl", "--stats", "s.json", *extra])
        assert r.exit_code == 0, r.output
        [rec] = _jsonl(tmp_path / "o.jsonl")
        assert rec["source"] == "in/bad-\ufffd\ufffd.HTM" and rec["id"] == "bad-\ufffd\ufffd"
        assert rec["title"] == "2026年政府工作报告"
        assert "bad-\ufffd\ufffd" in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_frames_hold_a_field_that_is_a_number_in_one_input_and_text_in_another(tmp_path):
    """``year`` is a number in a JSONL corpus and text in a CSV one (CSV cells are text): --frames writes
    it as one text column instead of failing."""
    pytest.importorskip("pyarrow")
    import pandas as pd

    import reportnlp

    src = tmp_path / "in"
    src.mkdir()
    text = reportnlp.clean(GOV.read_bytes()).text
    (src / "a.jsonl").write_text(
        json.dumps({"id": "j", "text": text, "year": 2026, "ok": True}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    with open(src / "b.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "text", "year"], ["c", text, "2026"]])
    _invoke("analyse", str(src), "-o", str(tmp_path / "a.jsonl"), "--frames", str(tmp_path / "f"))
    docs = pd.read_parquet(tmp_path / "f" / "documents.parquet")
    assert docs.set_index("id")["year"].to_dict() == {"j": "2026", "c": "2026"}
    assert docs.set_index("id")["ok"].to_dict()["j"] is True  # one type: left as it is
    recs = {r["id"]: r for r in _jsonl(tmp_path / "a.jsonl")}
    assert recs["j"]["fields"]["year"] == 2026 and recs["c"]["fields"]["year"] == "2026"


def test_api_clean_files_reads_every_format_and_reports_bad_files(tmp_path):
    """``reportnlp.clean(docx_bytes)`` cannot know a Word file; ``reportnlp.clean_files`` reads files and
    folders as the commands do: Word, PDF, HTML and record corpora, failures as values."""
    pytest.importorskip("pdfminer")
    import reportnlp
    from reportnlp.pipeline.readers import Failure

    src = tmp_path / "in"
    src.mkdir()
    for p in (DOCX, REAL / "2025_beijing_report_p1-4.pdf", NEWS):
        shutil.copy(p, src / p.name)
    (src / "cut.pdf").write_bytes((REAL / "2025_beijing_report_p1-4.pdf").read_bytes()[:2000])
    (src / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    text = reportnlp.clean(GOV.read_bytes()).text
    (src / "r.jsonl").write_text(
        json.dumps({"key": "g1", "body": text, "year": 2026}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = list(reportnlp.clean_files(src, text_key="body", id_key="key"))
    docs = {d.id: d for d in out if not isinstance(d, Failure)}
    fails = {Path(f.where).name: f.message for f in out if isinstance(f, Failure)}
    assert set(docs) == {"2025_beijing_report", "2025_beijing_report_p1-4", "news_01", "g1"}
    assert docs["2025_beijing_report"].title == docs["2025_beijing_report_p1-4"].title
    assert any(d.reason == "pdf:page_number" for d in docs["2025_beijing_report_p1-4"].dropped)
    assert docs["news_01"].title == "八部委如何玩转互联网+：打造万物互联新生态"
    assert docs["g1"].fields == {"key": "g1", "year": 2026} and docs["g1"].text == text
    assert "damaged or truncated" in fails["cut.pdf"] and "convert it first" in fails["old.doc"]


def test_frames_files_get_the_users_umask(tmp_path):
    import os
    import stat

    pytest.importorskip("pyarrow")
    old = os.umask(0o022)
    try:
        _invoke(
            "analyse", str(GOV), "-o", str(tmp_path / "a.jsonl"), "--frames", str(tmp_path / "f")
        )
    finally:
        os.umask(old)
    for name in ("a.jsonl", "f/documents.parquet", "f/spans.parquet"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_a_tag_escaped_into_a_meta_title_is_not_part_of_the_title():
    """The ``ArticleTitle`` of Liaoning's 2026 report page (gov-portal-pages/raw/2026_LN.html, quoted as
    is): the CMS escaped a ``<br/>`` into it without its semicolon."""
    from reportnlp.readers.html import extract

    head = (
        '<html><head><meta name="ArticleTitle" content="2026年省政府工作报告&ltbr/>——2026年1月27日'
        '在辽宁省第十四届人民代表大会第五次会议上"><meta name="description" content="a &lt;br&gt; b">'
        "</head><body><p>各位代表：现在，我代表省人民政府，向大会报告政府工作。</p></body></html>"
    )
    page = extract(head)
    assert (
        page.title == "2026年省政府工作报告 ——2026年1月27日在辽宁省第十四届人民代表大会第五次会议上"
    )
    assert page.meta["html_description"] == "a b"


def test_a_record_without_the_text_field_names_the_fields_it_has(tmp_path):
    from reportnlp.pipeline.readers import Failure, read_inputs

    src = tmp_path / "c.csv"
    src.write_text(
        "key,正文,年份\nk1,各位代表：今年以来，全市开展宣讲30余场次。,2024\n", encoding="utf-8"
    )
    [fail] = read_inputs([str(src)])  # one error for the table, not one a row
    assert isinstance(fail, Failure) and fail.where == str(src)
    assert "columns: key, 正文, 年份" in fail.message and "--text-field" in fail.message
    [rec] = read_inputs([str(src)], text_key="正文", id_key="key")
    assert rec.id == "k1" and rec.fields == {"key": "k1", "年份": "2024"}
    lines = tmp_path / "c.jsonl"  # JSON lines each have their own fields: one error a line
    lines.write_text(
        '{"key": "k1", "正文": "各位代表"}\n{"text": "各位代表：今年以来。"}\n', encoding="utf-8"
    )
    fail, rec = read_inputs([str(lines)])
    assert fail.where.endswith("c.jsonl:1") and "fields: key, 正文" in fail.message
    assert rec.data == "各位代表：今年以来。"


def test_gbk_file_names_of_a_windows_zip_are_read_as_chinese(tmp_path, monkeypatch):
    """A zip made on a Chinese Windows system and unpacked on Linux names its files in GBK bytes: they
    come out as the Chinese names they are (not U+FFFD, which made two files' ids collide)."""
    import os

    folder = os.path.join(os.fsencode(tmp_path), b"in", "广东".encode("gbk"))
    os.makedirs(folder)
    shutil.copy(NEWS, os.path.join(folder, "新闻.html".encode("gbk")))
    shutil.copy(DOCX, os.path.join(folder, "报告.DOCX".encode("gbk")))
    monkeypatch.chdir(tmp_path)
    for extra in ([], ["-j", "2"]):
        _invoke("clean", "in", "-o", "o.jsonl", *extra)
        recs = {r["id"]: r for r in _jsonl(tmp_path / "o.jsonl")}
        assert set(recs) == {"新闻", "报告"}
        assert recs["报告"]["source"] == "in/广东/报告.DOCX"
        assert recs["新闻"]["title"] == "八部委如何玩转互联网+：打造万物互联新生态"


def test_a_browser_saved_page_folder_is_not_read_as_pages(tmp_path):
    """ "Save as: web page, complete" writes ``X.html`` and ``X_files/`` (images, scripts, iframe pages):
    the folder's files are counted as the page's resources and skipped, never read as documents; a
    ``_files`` folder with no page beside it is read."""
    src = tmp_path / "in"
    (src / "news_01_files").mkdir(parents=True)
    (src / "other_files").mkdir()
    shutil.copy(NEWS, src / "news_01.html")
    shutil.copy(NEWS, src / "news_01_files" / "ad_frame.htm")
    (src / "news_01_files" / "main.js").write_text("var a;", encoding="utf-8")
    (src / "news_01_files" / "logo.gif").write_bytes(b"GIF89a")
    shutil.copy(GOV, src / "other_files" / "gov.html")
    r = CliRunner().invoke(main, ["clean", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 0, r.output
    assert {x["id"] for x in _jsonl(tmp_path / "o.jsonl")} == {"news_01", "gov"}
    assert "3 files in the folders a browser saved beside a page (X_files/) skipped" in r.output


def test_a_page_saved_as_one_file_mhtml_reads_as_the_page(tmp_path):
    """A real page (news_01, GBK) wrapped as a browser's "web page, single file" (MHTML: a multipart
    message, the page quoted-printable): the same clean text as the page itself. A mechanism test."""
    import email.mime.base
    import email.mime.multipart
    import quopri

    import reportnlp

    page = NEWS.read_bytes()
    msg = email.mime.multipart.MIMEMultipart("related", type="text/html")
    part = email.mime.base.MIMEBase("text", "html")
    part.set_payload(quopri.encodestring(page).decode("ascii"))
    part["Content-Transfer-Encoding"] = "quoted-printable"
    msg.attach(part)
    (tmp_path / "page.MHTML").write_bytes(msg.as_bytes())
    (tmp_path / "empty.mht").write_bytes(b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n")
    out = list(reportnlp.clean_files(tmp_path))
    [fail] = [d for d in out if not hasattr(d, "text")]
    [doc] = [d for d in out if hasattr(d, "text")]
    assert "no text/html part" in fail.message and fail.where.endswith("empty.mht")
    assert doc.id == "page" and doc.text == reportnlp.clean(page).text
    assert doc.title == "八部委如何玩转互联网+：打造万物互联新生态"


def test_parquet_bytes_columns_keep_their_encoding(tmp_path):
    """A parquet corpus that stores pages as bytes (a binary ``html`` or ``text`` column): a GBK page is
    decoded by its own declaration or detection, not as UTF-8 with U+FFFD."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    import reportnlp

    page = NEWS.read_bytes()  # GBK, declares gb2312
    body = reportnlp.clean(page).text.encode("gb18030")
    pq.write_table(pa.table({"id": ["n1", "n2"], "html": [page, None], "text": [None, body]}),
                   tmp_path / "p.parquet")  # fmt: skip
    d1, d2 = reportnlp.clean_files(tmp_path / "p.parquet")
    assert d1.title == "八部委如何玩转互联网+：打造万物互联新生态" and d1.encoding == "gb18030"
    assert d2.text == reportnlp.clean(page).text and "\ufffd" not in d2.text


# --- the corpus signal counts the lines clean() reads: a page's lines, GBK decoded ------------------------
def test_corpus_signal_counts_gbk_files_and_pages_as_clean_reads_them(tmp_path):
    """The first pass counted raw bytes decoded as UTF-8 (a GBK file's lines never matched the lines
    clean() read) and a page's markup: the corpus signal never acted on GBK files or HTML. The same 24
    report excerpts (corpora/gwr) with one repeated line, as GBK and as UTF-8 files: the same output."""
    recs = [json.loads(ln) for ln in
            (ROOT / "corpora" / "gwr" / "government_work_reports.jsonl").read_text("utf-8").splitlines()]  # fmt: skip
    outs = {}
    for enc in ("gb18030", "utf-8"):
        src = tmp_path / enc
        src.mkdir()
        for i, r in enumerate(recs[:24]):
            body = "\n\n".join(r["content"].split("\n\n")[:6])
            text = f"{r['title']}\n\n{body}\n\n政府工作报告全文数据库收录\n"
            (src / f"r{i:02d}.txt").write_bytes(text.encode(enc))
        _invoke("clean", str(src), "-o", str(tmp_path / f"{enc}.jsonl"),
                "--explain", str(tmp_path / f"{enc}.explain.jsonl"))  # fmt: skip
        outs[enc] = [(r["id"], r["text"]) for r in _jsonl(tmp_path / f"{enc}.jsonl")]
        reasons = {
            (x["id"], x["text"]): x["reason"] for x in _jsonl(tmp_path / f"{enc}.explain.jsonl")
        }
        assert reasons[("r00", "政府工作报告全文数据库收录")] == "repeated_across_corpus", enc
    assert outs["gb18030"] == outs["utf-8"]
    # a forced --encoding reaches the first pass too
    _invoke(
        "clean",
        str(tmp_path / "gb18030"),
        "-o",
        str(tmp_path / "forced.jsonl"),
        "--encoding",
        "gb18030",
    )
    assert [(r["id"], r["text"]) for r in _jsonl(tmp_path / "forced.jsonl")] == outs["utf-8"]


def test_corpus_line_counts_of_a_page_are_its_rendered_lines():
    from reportnlp.boilerplate.corpus import count_lines
    from reportnlp.pipeline.readers import read_inputs
    from reportnlp.pipeline.run import corpus_line_counts
    from reportnlp.readers.html import extract

    items = list(read_inputs([str(NEWS), str(GOV)]))
    counts, n = corpus_line_counts(items)
    want = count_lines(extract(NEWS.read_bytes()).text) + count_lines(
        extract(GOV.read_bytes()).text
    )
    assert n == 2 and counts == want


def test_rendered_text_is_the_text_extract_gives():
    from reportnlp.readers.html import extract, rendered_text

    for page in (NEWS, GOV, REAL / "news_44.html"):
        data = page.read_bytes()
        assert rendered_text(data) == extract(data).text
        assert rendered_text(data.decode(extract(data).encoding)) == extract(data).text


def test_json_arrays_of_records_and_legacy_spreadsheets(tmp_path, caplog):
    """``scrapy crawl -o items.json`` writes an array of records: each one a document (``file:#n``); a
    ``.json`` with no text field anywhere (a metadata file beside the corpus, as gov-portal-pages'
    ``sources.json``) is skipped with a warning, not failed; ``.xls`` gets the convert hint."""
    import reportnlp

    text = reportnlp.clean(GOV.read_bytes()).text
    items = [{"url": "https://www.beijing.gov.cn/x.html", "content": text, "title": "2026年政府工作报告"},
             {"url": "u2", "content": text[:300]}, "not a record"]  # fmt: skip
    src = tmp_path / "in"
    src.mkdir()
    (src / "items.JSON").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (src / "sources.json").write_text(json.dumps({"note": "x", "provinces": [{"code": "BJ"}]}),
                                      encoding="utf-8")  # fmt: skip
    (src / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with caplog.at_level("WARNING", logger="reportnlp"):
        r = CliRunner().invoke(main, ["clean", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 1  # the array's third item and the .xls failed, the rest is written
    recs = _jsonl(tmp_path / "o.jsonl")
    assert [x["id"] for x in recs] == ["items-1", "items-2"]
    assert recs[0]["source"].endswith("items.JSON:#1") and recs[0]["title"] == "2026年政府工作报告"
    assert recs[0]["fields"]["url"] == "https://www.beijing.gov.cn/x.html"
    assert "items.JSON:#3: array item is not a record" in r.output
    assert "convert-to xlsx" in r.output
    assert r.output.count("sources.json: skipped: no record with") == 1  # in the run's summary


def test_no_clean_reports_a_page_with_no_visible_text_as_clean_does(tmp_path):
    """An anti-bot challenge page (gov-portal-pages' GS and QH are such pages: obfuscated script, no
    text) is an error under --no-clean too, not an empty document. Markup in that shape: a mechanism test."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "challenge.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><script>$_ts=window["$_ts"];</script>'
        "</head><body><script>eval(atob('x'))</script></body></html>",
        encoding="utf-8",
    )
    shutil.copy(GOV, tmp_path / "in" / "gov_BJ.html")
    for extra in ([], ["--no-clean"]):
        out = tmp_path / f"a{len(extra)}.jsonl"
        r = CliRunner().invoke(main, ["analyse", str(tmp_path / "in"), "-o", str(out), *extra])
        assert r.exit_code == 1 and "challenge.html: HTML page with no visible text" in r.output
        assert [x["id"] for x in _jsonl(out)] == ["gov_BJ"]


def test_a_dateline_after_the_browser_titles_dash_is_no_site():
    # 河北新闻网's page: <title>政府工作报告——2026年1月26日在河北省第十四届人民代表大会第四次会议上</title>
    page = (ROOT / "tests" / "fixtures" / "gov_pages" / "gov_HE.html").read_bytes()
    from reportnlp import clean

    doc = clean(page)
    assert doc.meta["speech_date"] == "2026-01-26" and doc.meta["author"] == "王正谱"
    assert "会议上" not in doc.meta.get("site", "") and not doc.meta.get("site", "").startswith("2026")
