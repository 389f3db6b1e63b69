"""A new user's command lines on real pages (helper ux4, session 10).

Real input: ``tests/fixtures/real_inputs/news_01.html`` (a 2015 网易 news page, GBK; provenance in that
folder's PROVENANCE.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportnlp
from reportnlp.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "real_inputs" / "news_01.html"


def _run(tmp_path, monkeypatch, *args: str):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def test_explain_to_standard_output(tmp_path, monkeypatch):
    """``--explain -`` wrote a file named ``-`` in the working folder; it is standard output now."""
    res = _run(tmp_path, monkeypatch, "clean", str(PAGE), "-o", "out.jsonl", "--explain", "-")
    assert res.exit_code == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["action"] for r in rows} >= {"keep", "drop", "title"}
    assert all(r["id"] == "news_01" for r in rows)
    (record,) = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert record["title"] == "八部委如何玩转互联网+：打造万物互联新生态"
    assert not (tmp_path / "-").exists()
    assert "wrote out.jsonl, standard output" in res.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["clean", str(PAGE), "-o", "out.jsonl"],
        ["analyse", str(PAGE), "-o", "out.jsonl"],
        ["placeholders", str(PAGE), "--json", "report.json"],
    ],
)
def test_stats_to_standard_output(tmp_path, monkeypatch, args):
    """``--stats -`` wrote a file named ``-`` (clean, analyse, placeholders; the corpus commands already
    wrote standard output)."""
    res = _run(tmp_path, monkeypatch, *args, "--stats", "-")
    assert res.exit_code == 0, res.stderr
    stats = json.loads(res.stdout)
    assert stats["documents"] == 1 and stats["per_document"][0]["encoding"] == "gb18030"
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["clean", str(PAGE), "-o", "-", "--explain", "-"],
        ["clean", str(PAGE), "-o", "out.jsonl", "--explain", "-", "--stats", "-"],
        ["analyse", str(PAGE), "-o", "-", "--stats", "-"],
        ["placeholders", str(PAGE), "--json", "-", "--stats", "-"],
    ],
)
def test_two_outputs_on_standard_output_is_a_usage_error(tmp_path, monkeypatch, args):
    res = _run(tmp_path, monkeypatch, *args)
    assert (
        res.exit_code == 2
        and "can be - (standard output); give the other a file name" in res.stderr
    )
    assert not list(tmp_path.iterdir())


ANTIBOT = ROOT / "tests" / "fixtures" / "ux4" / "gov_QH_antibot.html"


@pytest.mark.parametrize(
    "args, outputs",
    [
        (
            ["placeholders", str(ANTIBOT), "--json", "report.json", "--html", "report.html"],
            ["report.json", "report.html"],
        ),
        (["templates", str(ANTIBOT), "-o", "families.jsonl"], ["families.jsonl"]),
        (["clean", str(ANTIBOT), "-o", "out.jsonl"], ["out.jsonl"]),
    ],
)
def test_a_run_in_which_every_input_failed_leaves_the_earlier_output(
    tmp_path, monkeypatch, args, outputs
):
    """The Qinghai portal's anti-bot page is all a run got: placeholders and templates replaced an earlier
    run's good report or families with empty ones (clean already left its output as it was)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / outputs[0]).write_text("an earlier run's output\n", encoding="utf-8")
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 1
    assert (
        "2026_QH" not in res.stderr
        and "gov_QH_antibot.html: HTML page with no visible text" in res.stderr
    )
    assert f"every input failed: nothing written, {outputs[0]} left as it was" in res.stderr
    assert (tmp_path / outputs[0]).read_text(encoding="utf-8") == "an earlier run's output\n"
    assert all(not (tmp_path / o).exists() for o in outputs[1:])


@pytest.mark.parametrize(
    "command, name",
    [("cluster", "clusters.jsonl"), ("cluster", "clusters"), ("templates", "families.csv")],
)
def test_an_output_name_the_command_does_not_write_is_refused(tmp_path, monkeypatch, command, name):
    """``cluster -o clusters.jsonl`` wrote CSV under that name and ``templates -o families.csv`` wrote
    JSON lines (``similar`` and ``periods`` already refused such names)."""
    pages = [str(PAGE), str(ROOT / "tests" / "fixtures" / "real_inputs" / "news_44.html")]
    res = _run(tmp_path, monkeypatch, command, *pages, "-o", name)
    assert res.exit_code == 2 and "Invalid value for -o" in res.stderr and name in res.stderr
    assert not list(tmp_path.iterdir())


SOURCES = ROOT / "tests" / "fixtures" / "ux4" / "gov_portal_sources.json"


@pytest.mark.parametrize(
    "args, output",
    [
        (["clean", str(SOURCES), "-o", "out.jsonl"], "out.jsonl"),
        (["analyse", str(SOURCES), "-o", "out.jsonl"], "out.jsonl"),
        (["clean", "empty_folder", "-o", "out.jsonl"], "out.jsonl"),
        (["placeholders", str(SOURCES), "--json", "report.json"], "report.json"),
        (["templates", "empty_folder", "-o", "families.jsonl"], "families.jsonl"),
    ],
)
def test_a_run_that_read_no_document_writes_nothing(tmp_path, monkeypatch, args, output):
    """A metadata JSON beside a corpus (the portal pages' sources.json; so is a scrapy items.json under a
    --text-field no item has), an empty folder: the run read no document, exited 0 and replaced an earlier
    output with an empty one."""
    (tmp_path / "empty_folder").mkdir()
    (tmp_path / output).write_text("an earlier run's output\n", encoding="utf-8")
    res = _run(tmp_path, monkeypatch, *args)
    assert res.exit_code == 1, res.stderr
    assert f"no document read: nothing written, {output} left as it was" in res.stderr
    assert (tmp_path / output).read_text(encoding="utf-8") == "an earlier run's output\n"


GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
PROVINCIAL = ROOT / "corpora" / "structure" / "provincial_reports.jsonl"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_id_field_no_record_has_is_said_once(tmp_path, monkeypatch, jobs):
    """``--id-field nope`` (a typo for ``url``) gave every State Council report the id
    ``government_work_reports-<n>`` without a word; it is said once, with the fields the records have,
    whatever the partitions (``-j 2`` reads the file in ranges)."""
    res = _run(
        tmp_path,
        monkeypatch,
        "clean",
        str(GWR),
        "-o",
        "out.jsonl",
        "--id-field",
        "nope",
        "-j",
        jobs,
    )
    assert res.exit_code == 0, res.stderr
    said = [line for line in res.stderr.splitlines() if "no record has the id field 'nope'" in line]
    assert len(said) == 1 and "(fields: title, url, content, year)" in said[0], res.stderr
    ids = [
        json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert ids[:2] == ["government_work_reports-1", "government_work_reports-2"] and len(ids) == 72
    res = _run(
        tmp_path, monkeypatch, "clean", str(GWR), "-o", "out.jsonl", "--id-field", "url", "-j", jobs
    )
    assert res.exit_code == 0 and "no record has the id field" not in res.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_given_twice_is_read_once(tmp_path, monkeypatch, jobs):
    """``reportnlp clean folder/news_01.html folder`` cleaned the page twice (``news_01`` and
    ``news_01#2``): a file given twice is read once, and the summary says so."""
    import shutil

    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("news_01.html", "news_44.html"):
        shutil.copy(ROOT / "tests" / "fixtures" / "real_inputs" / name, folder / name)
    page = str(folder / "news_01.html")
    res = _run(
        tmp_path, monkeypatch, "clean", page, str(folder), page, "-o", "out.jsonl", "-j", jobs
    )
    assert res.exit_code == 0, res.stderr
    ids = [
        json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert ids == ["news_01", "news_44"]
    assert res.stderr.count(f"{page}: given more than once") == 1 and "renamed" not in res.stderr


def test_a_text_file_cut_short_mid_character_says_what_to_do(tmp_path, monkeypatch):
    """A sample page (UTF-8 text) cut inside a character, as an interrupted download leaves it: the error
    said "cut short" for GB18030 files only, and neither said what to do."""
    data = (ROOT / "corpora" / "samples" / "000_61eaccc42b378d20.txt").read_bytes()
    cut = data.index("理论宣讲".encode()) + 1  # inside 理
    (tmp_path / "cut.txt").write_bytes(data[:cut])
    res = _run(tmp_path, monkeypatch, "clean", "cut.txt", "-o", "out.jsonl")
    assert res.exit_code == 1
    assert (
        f"truncated multi-byte UTF-8 sequence at byte {cut - 1}: the file is cut short"
        in res.stderr
    )
    assert "fetch or copy it again" in res.stderr


def test_a_utf8_page_cut_short_mid_character_is_not_read_as_gb18030():
    """The Beijing portal page (UTF-8, declared so) cut inside a character: GB18030 decodes most UTF-8
    bytes too, so the whole page was read as GB18030, every character garbled (title included)."""
    data = (ROOT / "tests" / "fixtures" / "real_inputs" / "gov_BJ.html").read_bytes()
    cut = data.index("各位代表".encode()) + 1  # inside 各
    whole = reportnlp.clean(data, id="gov_BJ")
    doc = reportnlp.clean(data[:cut], id="gov_BJ")
    assert doc.encoding == whole.encoding == "utf-8"
    assert doc.title == whole.title == "2026年政府工作报告"
    assert doc.text == "2026年1月25日在北京市第十六届人民代表大会第四次会议上"
    assert whole.text.startswith(doc.text)
    # what was not read is said, not passed over in silence
    said = f"cut short inside its last character (an interrupted download?): read up to byte {cut - 1}"
    assert doc.warnings[0] == said and not whole.warnings
    # undeclared (the <meta charset> taken out): the same page, not GB18030, the same warning
    bare = data[:cut].replace(b'charset="utf-8"', b"").replace(b"charset=utf-8", b"")
    undeclared = reportnlp.clean(bare, id="gov_BJ")
    assert undeclared.text == doc.text and undeclared.encoding == "utf-8"
    assert undeclared.warnings[0].startswith("cut short inside its last character")


def test_an_encoding_the_user_forces_on_a_page_is_kept_and_its_misreadings_said(tmp_path, monkeypatch):
    """``--encoding utf-8`` on a GBK page (the Beijing portal page saved as GBK): it was read as GB18030
    anyway, the user's choice ignored in silence. It is read as the user said, and the bytes that are not
    UTF-8 are counted in a warning; without ``--encoding`` the page is still read right."""
    page = (ROOT / "tests" / "fixtures" / "real_inputs" / "gov_BJ.html").read_text("utf-8")
    (tmp_path / "gbk.html").write_bytes(page.encode("gb18030"))
    res = _run(tmp_path, monkeypatch, "clean", "gbk.html", "-o", "out.jsonl", "--encoding", "utf-8")
    assert res.exit_code == 0
    rec = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    assert rec["title"] != "2026年政府工作报告"
    assert "not utf-8 (the encoding forced): " in rec["warnings"][0]
    assert "characters read as U+FFFD" in res.stderr
    res = _run(tmp_path, monkeypatch, "clean", "gbk.html", "-o", "out.jsonl")
    rec = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    assert rec["title"] == "2026年政府工作报告" and not rec["warnings"]


def test_a_workbooks_notes_sheet_is_skipped_with_a_warning(tmp_path, monkeypatch):
    """A workbook of reports with a 说明 sheet of notes (a common layout) failed the run (exit 1) for the
    notes sheet; a sheet without a text column beside one with it is skipped with a warning. Texts: three
    real provincial reports (corpora/structure/provincial_reports.jsonl)."""
    openpyxl = pytest.importorskip("openpyxl")
    reports = [json.loads(line) for line in PROVINCIAL.read_text(encoding="utf-8").splitlines()][:3]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报告"
    sheet.append(["id", "title", "text"])
    for r in reports:
        sheet.append([r["id"], r["title"], r["text"][:3000]])
    book.create_sheet("说明").append(["字段", "含义"])
    book.save(tmp_path / "reports.xlsx")
    res = _run(tmp_path, monkeypatch, "clean", "reports.xlsx", "-o", "out.jsonl")
    assert res.exit_code == 0, res.stderr
    assert "warning: reports.xlsx:说明: sheet skipped: no 'text' or 'content'" in res.stderr
    ids = [
        json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert ids == [r["id"] for r in reports]
    # a workbook in which no sheet has a text column is still an error naming its columns
    book.remove(book["报告"])
    book.save(tmp_path / "notes.xlsx")
    res = _run(tmp_path, monkeypatch, "clean", "notes.xlsx", "-o", "notes.jsonl")
    assert res.exit_code == 1 and "notes.xlsx:说明: no 'text' or 'content'" in res.stderr
    assert "(columns: 字段, 含义); name the text column with --text-field" in res.stderr


def test_a_forced_encoding_is_known_by_any_of_its_names():
    """``--encoding UTF-8`` or ``utf8`` is UTF-8: a page cut short is read up to its last character, as with
    ``utf-8`` (the name was compared as given, so the page got a U+FFFD and a misleading warning)."""
    from reportnlp.readers.html import decode_page

    data = (ROOT / "tests" / "fixtures" / "real_inputs" / "gov_BJ.html").read_bytes()
    cut = data.index("各位代表".encode()) + 1  # inside 各
    text, enc, warning = decode_page(data[:cut], "utf-8")
    assert enc == "utf-8" and warning.startswith("cut short") and "\ufffd" not in text
    for name in ("UTF-8", "utf8", "U8"):
        assert decode_page(data[:cut], name) == (text, enc, warning)
    one = decode_page("<p>政府工作报告</p>".encode("gbk")[:-1] + b"\x81<", "GBK")
    assert one[2] == "not gbk (the encoding forced): 1 character read as U+FFFD"


def test_what_a_declared_encoding_cannot_read_is_said():
    """A page whose ``<meta charset>`` is wrong (Big5 declared, UTF-8 saved): its characters became U+FFFD in
    silence; the warning names the encoding and where it came from."""
    from reportnlp.readers.html import decode_page

    page = '<meta charset="big5"><p>政府工作报告</p>'.encode()
    text, enc, warning = decode_page(page)
    assert enc == "big5" and "\ufffd" in text
    assert warning == f"not big5 (the encoding the page declares): {text.count(chr(0xFFFD))} characters read as U+FFFD"
    doc = reportnlp.clean(page)
    assert doc.warnings[0] == warning
