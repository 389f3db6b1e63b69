"""A new user's tables and exports, from a day with the README (helper ux7, session 13).

Real text: the first two records of ``corpora/gwr/government_work_reports.jsonl`` (the State Council's
2025 report and the NPC's resolution on it, from Wikisource; provenance in that folder), written as the
tables and exports a social scientist has: a GBK CSV with Chinese column names (标题, 正文, 年份), a CSV
separated by ``;``, a JSON API envelope ``{"data": [...], "total": 2}``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportnlp
from reportnlp.cli import main
from reportnlp.readers.base import text_field_hint

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"


def _records(n: int = 2) -> list[dict]:
    with GWR.open(encoding="utf-8") as fh:
        return [json.loads(next(fh)) for _ in range(n)]


def _run(tmp_path, monkeypatch, *args: str):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def _out(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _chinese_csv(path: Path) -> None:
    with path.open("w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["标题", "正文", "年份"])
        for r in _records():
            w.writerow([r["title"], r["content"], r.get("year") or ""])


def test_a_chinese_text_column_is_named_in_the_error(tmp_path, monkeypatch):
    """The error named the columns (标题, 正文, 年份) but left the user to guess which to give."""
    _chinese_csv(tmp_path / "导出.csv")
    res = _run(tmp_path, monkeypatch, "clean", "导出.csv", "-o", "out.jsonl")
    assert res.exit_code == 1
    assert (
        "导出.csv: no 'text' or 'content' (or 'html') column (columns: 标题, 正文, 年份); "
        "name the text column with --text-field 正文 (text_key='正文' in the API)"
    ) in res.stderr


def test_a_chinese_title_column_is_the_title(tmp_path, monkeypatch):
    """With ``--text-field 正文`` the resolution's title was its first line, a sentence cut at a
    Wikisource link (第十四届…李强所作的); its 标题 column is the title now, as a ``title`` field is."""
    _chinese_csv(tmp_path / "导出.csv")
    res = _run(
        tmp_path, monkeypatch, "clean", "导出.csv", "--text-field", "正文", "-o", "out.jsonl"
    )
    assert res.exit_code == 0, res.stderr
    recs = _out(tmp_path / "out.jsonl")
    assert [r["title"] for r in recs] == [
        "2025年中华人民共和国国务院政府工作报告",
        "第十四届全国人民代表大会第三次会议关于政府工作报告的决议",
    ]
    assert recs[1]["text"].startswith(
        "第十四届全国人民代表大会第三次会议听取和审议了国务院总理李强所作的"
    )
    assert recs[0]["fields"] == {"标题": "2025年中华人民共和国国务院政府工作报告", "年份": "2025"}
    # the API's records too
    docs = list(
        reportnlp.clean_stream(
            ({"标题": r["title"], "正文": r["content"]} for r in _records()), text_key="正文"
        )
    )
    assert [d.title for d in docs] == [r["title"] for r in recs]


@pytest.mark.parametrize(
    "names, hint",
    [
        (["标题", "正文", "年份"], "--text-field 正文 (text_key='正文' in the API)"),
        (["Title", "Content"], "--text-field Content (text_key='Content' in the API)"),
        (["内容摘要", "新闻内容"], "--text-field 新闻内容 (text_key='新闻内容' in the API)"),
        (["报告 全文"], "--text-field '报告 全文' (text_key='报告 全文' in the API)"),
        (["字段", "含义"], "--text-field (text_key= in the API)"),  # a notes sheet: no guess
    ],
)
def test_text_field_hint(names, hint):
    assert text_field_hint(names) == "name the text column with " + hint


def test_a_jsonl_without_text_names_its_likely_field(tmp_path, monkeypatch):
    lines = [
        json.dumps({"标题": r["title"], "正文": r["content"]}, ensure_ascii=False)
        for r in _records()
    ]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = _run(tmp_path, monkeypatch, "clean", "export.jsonl", "-o", "out.jsonl")
    assert res.exit_code == 1
    assert (
        "export.jsonl:1-2: no line has a 'text' or 'content' (or 'html') field (2 lines; fields: 标题, 正文); "
        "name the text field with --text-field 正文 (text_key='正文' in the API)" in res.stderr
    )


def test_a_json_envelope_is_read_as_its_records(tmp_path, monkeypatch):
    """``{"data": [...], "total": 2}`` (what an API or an exporter writes) was skipped: 'no record
    with a text field', though both records had one."""
    data = [{"title": r["title"], "content": r["content"], "url": r["url"]} for r in _records()]
    (tmp_path / "api.json").write_text(
        json.dumps({"code": 0, "data": data, "total": 2}, ensure_ascii=False), encoding="utf-8"
    )
    res = _run(tmp_path, monkeypatch, "clean", "api.json", "-o", "out.jsonl")
    assert res.exit_code == 0, res.stderr
    assert "api.json: the records are the list under 'data': read as such" in res.stderr
    recs = _out(tmp_path / "out.jsonl")
    assert [(r["id"], r["source"], r["title"]) for r in recs] == [
        ("api-1", "api.json:data#1", data[0]["title"]),
        ("api-2", "api.json:data#2", data[1]["title"]),
    ]
    assert recs[0]["fields"] == {"title": data[0]["title"], "url": data[0]["url"]}


def test_a_json_object_with_two_lists_of_records_is_still_skipped(tmp_path, monkeypatch):
    """Which list would be the corpus is not ours to guess: the file is skipped with the warning."""
    r = _records(1)[0]
    one = [{"content": r["content"]}]
    (tmp_path / "two.json").write_text(
        json.dumps({"a": one, "b": one}, ensure_ascii=False), "utf-8"
    )
    res = _run(tmp_path, monkeypatch, "clean", "two.json", "-o", "out.jsonl")
    assert res.exit_code == 1
    assert "two.json: skipped: no record with a 'content' or 'text'" in res.stderr


def test_a_semicolon_separated_csv_is_read(tmp_path, monkeypatch):
    """Excel writes ';' for "CSV" where the decimal mark is a comma: the header ``id;text`` was one
    column, and the file an error."""
    with (tmp_path / "semi.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["id", "title", "text"])
        for n, r in enumerate(_records()):
            w.writerow([f"r{n}", r["title"], r["content"]])
    res = _run(tmp_path, monkeypatch, "clean", "semi.csv", "-o", "out.jsonl")
    assert res.exit_code == 0, res.stderr
    recs = _out(tmp_path / "out.jsonl")
    assert [(r["id"], r["title"]) for r in recs] == [
        ("r0", _records()[0]["title"]),
        ("r1", _records()[1]["title"]),
    ]
    assert "扎实推动高质量发展" in recs[0]["text"]


def test_a_comma_csv_with_semicolons_in_its_header_stays_comma_separated(tmp_path, monkeypatch):
    r = _records(1)[0]
    with (tmp_path / "c.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "note;x"])
        w.writerow(["a", r["content"], "1;2"])
    res = _run(tmp_path, monkeypatch, "clean", "c.csv", "-o", "out.jsonl")
    assert res.exit_code == 0, res.stderr
    assert _out(tmp_path / "out.jsonl")[0]["fields"] == {"id": "a", "note;x": "1;2"}


@pytest.mark.parametrize("name", ["explain.csv", "explain.json", "explain.txt", "explain.xlsx"])
def test_an_explain_name_of_another_format_is_refused(tmp_path, monkeypatch, name):
    """``--explain explain.csv`` wrote JSON lines under a spreadsheet's name (``-o`` refused such names)."""
    page = ROOT / "tests" / "fixtures" / "real_inputs" / "news_01.html"
    res = _run(tmp_path, monkeypatch, "clean", str(page), "-o", "out.jsonl", "--explain", name)
    assert res.exit_code == 2
    assert "--explain writes JSON lines: name it FILE.jsonl" in res.stderr
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / name).exists()


@pytest.mark.parametrize("args", [["-o", "-q"], ["-o", "out.jsonl", "--explain", "-q"]])
def test_an_output_name_that_reads_as_an_option_is_refused(tmp_path, monkeypatch, args):
    """``-o -q`` (for ``-o - -q``) wrote a folder named ``-q`` of .txt files."""
    page = ROOT / "tests" / "fixtures" / "real_inputs" / "news_01.html"
    res = _run(tmp_path, monkeypatch, "clean", str(page), *args)
    assert res.exit_code == 2
    assert (
        "'-q' looks like an option, not a file name (- is standard output); write ./-q"
        in res.stderr
    )
    assert list(tmp_path.iterdir()) == []


def test_a_semicolon_separated_csv_on_standard_input_is_a_table(tmp_path, monkeypatch):
    """On standard input the same table was one text document titled ``id;title;text``."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["id", "title", "text"])
    for n, r in enumerate(_records()):
        w.writerow([f"r{n}", r["title"], r["content"]])
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(
        main, ["clean", "-", "-o", "out.jsonl"], input=buf.getvalue().encode("utf-8")
    )
    assert res.exit_code == 0, res.stderr
    assert [r["id"] for r in _out(tmp_path / "out.jsonl")] == ["r0", "r1"]


def test_periods_names_the_documents_without_a_year(tmp_path, monkeypatch):
    """``20 without a year`` left the user to find which: the State Council corpus's NPC resolutions,
    which have no ``year`` field. The summary names the first three."""
    lines = [json.dumps(r, ensure_ascii=False) for r in _records(5)]
    (tmp_path / "gwr.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = _run(
        tmp_path, monkeypatch, "periods", "gwr.jsonl", "--years-field", "year",
        "--k", "2", "--min-size", "1", "-o", "periods.csv",
    )  # fmt: skip
    assert res.exit_code == 0, res.stderr
    assert (
        "documents: 3 in periods, 2 without a year (gwr-2, gwr-4: not in the table), 0 failed"
        in (res.stderr)
    )


DOCX = ROOT / "tests" / "fixtures" / "real_inputs" / "2025_beijing_report.docx"
NEWS = ROOT / "tests" / "fixtures" / "real_inputs" / "news_01.html"


@pytest.mark.parametrize(
    "given", [str(NEWS), "2025年北京市政府工作报告.docx", " pages/news_01.HTML\n"]
)
def test_a_file_name_given_to_clean_says_what_to_do(given):
    """``reportnlp.clean("news_01.html")`` cleaned the name as a one-line page: an empty document whose
    warning, "no text left … (see --explain)", sent the user the wrong way. It is still cleaned as a text
    (clean never refuses a text: ``0.JSON`` is a text as much as a name), with a warning that says what to
    do, in the document's warnings and as a Python ``UserWarning``."""
    with pytest.warns(UserWarning, match=r"which reads as a file's name, .*read the file first"):
        doc = reportnlp.clean(given)
    assert doc.warnings[0].startswith(f"clean got {given.strip()!r}, which reads as a file's name")
    assert "clean_files(p)" in doc.warnings[0]
    # analyse takes any string as a text (tests/test_analysers_bounded.py: it never raises on one, and
    # ``0.JSON`` is a text as much as a name); a Path is refused (below)
    assert reportnlp.analyse(given).text == given


def test_a_path_given_to_clean_says_what_to_do():
    """``reportnlp.clean(Path(...))`` raised ``TypeError: 'PosixPath' object is not subscriptable``."""
    with pytest.raises(TypeError, match="clean takes a page's text or bytes, not a path"):
        reportnlp.clean(NEWS)
    with pytest.raises(TypeError, match="analyse takes a CleanDoc or a clean text, not a path"):
        reportnlp.analyse(DOCX)
    # what the message says to do works
    doc = reportnlp.clean(NEWS.read_bytes())
    assert doc.title == "八部委如何玩转互联网+：打造万物互联新生态"
    assert [d.title for d in reportnlp.clean_files(DOCX)] == ["2025年北京市政府工作报告"]


def test_a_one_line_text_that_ends_like_a_file_name_is_still_text():
    """Prose that mentions an attachment is not a path (Chinese punctuation), nor is a record's text
    the readers give with its source, nor a text given with an id."""
    line = "附件：2025年重点工作任务分解表.xlsx"
    assert reportnlp.clean(line).lines[0].reason == "attachment_link"  # cleaned, not refused
    assert reportnlp.clean("news_01.html", source="a.jsonl:3").source == "a.jsonl:3"
    assert reportnlp.analyse("news_01.html", id="x").text == "news_01.html"


def _titled_workbook(path: Path, header: list[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["国务院政府工作报告汇总（2024—2025年）"])  # a sheet's title in A1, above its header
    ws.append([])
    ws.append(header)
    for r in _records(3):
        ws.append([r["title"], r.get("year"), r["content"]])
    wb.save(path)


def test_a_sheets_title_above_its_header_is_not_the_header(tmp_path, monkeypatch):
    """A Chinese workbook's sheet often opens with its title (merged over the columns) and the header
    below: the title was taken as the header, and the error named its cell and column2, column3."""
    _titled_workbook(tmp_path / "汇总.xlsx", ["标题", "年份", "正文"])
    res = _run(tmp_path, monkeypatch, "clean", "汇总.xlsx", "-o", "out.jsonl")
    assert res.exit_code == 1
    assert (
        "汇总.xlsx:汇总: no 'text' or 'content' (or 'html') column (columns: "
        "国务院政府工作报告汇总（2024—2025年）, column2, column3), and row 3 below the sheet's title reads "
        "as its header (标题, 年份, 正文); name the text column with --text-field 正文"
    ) in res.stderr
    res = _run(
        tmp_path, monkeypatch, "clean", "汇总.xlsx", "--text-field", "正文", "-o", "out.jsonl"
    )
    assert res.exit_code == 0, res.stderr
    assert (
        "汇总.xlsx:汇总: the header is row 3; the rows above it are the sheet's title, not "
        "records: 国务院政府工作报告汇总（2024—2025年）" in res.stderr
    )
    recs = _out(tmp_path / "out.jsonl")
    assert [(r["id"], r["source"], r["title"]) for r in recs] == [
        (f"汇总-{n}", f"汇总.xlsx:汇总:{n}", rec["title"]) for n, rec in zip((4, 5, 6), _records(3))
    ]


def test_a_sheet_with_a_text_header_under_its_title_is_read(tmp_path, monkeypatch):
    _titled_workbook(tmp_path / "t.xlsx", ["title", "year", "content"])
    res = _run(tmp_path, monkeypatch, "clean", "t.xlsx", "-o", "out.jsonl")
    assert res.exit_code == 0, res.stderr
    recs = _out(tmp_path / "out.jsonl")
    assert [r["title"] for r in recs] == [r["title"] for r in _records(3)]
    assert recs[0]["fields"] == {"title": recs[0]["title"], "year": "2025"}
