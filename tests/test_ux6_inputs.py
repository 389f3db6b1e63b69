"""A demanding new user's messy folder (helper ux6, session 12): files whose extension says another format
than their bytes, Ctrl-C, and the CSV a journalist opens in Excel.

Real inputs: ``tests/fixtures/real_inputs`` (the Beijing 2025 report as ``.docx`` and as a four-page ``.pdf``,
a 网易 news page; provenance in its ``PROVENANCE.md``), copied under a wrong name as a user's download
folder has them (范文 sites serve HTML pages as ``.doc``; a renamed or mislabelled download).
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT

from reportnlp.cli import main

REAL = ROOT / "tests" / "fixtures" / "real_inputs"


def _clean(tmp_path, *names: str) -> tuple[int, str, list[dict]]:
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["clean", *(str(tmp_path / "in" / n) for n in names), "-o", str(out)])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return r.exit_code, r.output, records


def _copy(tmp_path, src: str, name: str) -> None:
    (tmp_path / "in").mkdir(exist_ok=True)
    shutil.copy(REAL / src, tmp_path / "in" / name)


@pytest.mark.parametrize(
    "src, name, kind",
    [
        ("2025_beijing_report.docx", "report.pdf", "a Word .docx file"),
        ("news_44.html", "page.doc", "an HTML page"),
        ("news_44.html", "page.docx", "an HTML page"),
        ("2025_beijing_report_p1-4.pdf", "report.docx", "a PDF file"),
        # these two were cleaned as text: 18,000 characters of ZIP or PDF bytes, exit code 0
        ("2025_beijing_report.docx", "report.html", "a Word .docx file"),
        ("2025_beijing_report_p1-4.pdf", "report.html", "a PDF file"),
        # these two failed as "binary file … read it with … the reportnlp commands", which they were
        ("2025_beijing_report.docx", "report.txt", "a Word .docx file"),
        ("2025_beijing_report_p1-4.pdf", "report.txt", "a PDF file"),
    ],
)
def test_a_file_whose_extension_lies_is_read_as_what_it_is_with_a_warning(tmp_path, src, name, kind):
    """A .docx named .pdf failed with ``not a PDF file (no %PDF- header)``, an HTML page named .doc (as 范文
    sites serve them) with ``binary Word (.doc) files are not read``: the file is read as what its bytes
    are, and the warning names both."""
    _copy(tmp_path, src, name)
    _copy(tmp_path, src, "right" + src[src.rindex(".") :])
    code, output, records = _clean(tmp_path, name, "right" + src[src.rindex(".") :])
    assert code == 0, output
    misnamed, right = records
    assert misnamed["text"] == right["text"] and len(misnamed["text"]) > 1000
    assert misnamed["title"] == right["title"]
    assert f"{name}: {kind} named {name[name.rindex('.'):]}: read as such" in output


def test_a_binary_word_file_named_docx_still_says_what_to_do(tmp_path):
    (tmp_path / "in").mkdir()
    # the first bytes of an OLE2 compound file (every .doc): nothing the readers can read
    (tmp_path / "in" / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, output, _ = _clean(tmp_path, "old.docx")
    assert code == 1
    assert "a binary Word (.doc) file named .docx" in output and "libreoffice" in output


def test_ctrl_c_exits_130_says_so_and_leaves_the_earlier_output(tmp_path):
    """Ctrl-C printed click's ``Aborted!`` and exited 1, the code of a failed input (SIGTERM: 143), with
    no word on the output. Real input: the State Council reports (``corpora/gwr``) three times over."""
    import os
    import signal
    import subprocess
    import sys
    import time

    src = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    for i in range(3):
        shutil.copy(src, tmp_path / f"gwr{i}.jsonl")
    out = tmp_path / "an.jsonl"
    out.write_text('{"id": "earlier run"}\n', encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.Popen(
        [sys.executable, "-m", "reportnlp.cli", "analyse", *(str(tmp_path / f"gwr{i}.jsonl") for i in range(3)),
         "-o", str(out)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    plan = tmp_path / ".an.jsonl.parts" / "plan.json"
    start = time.monotonic()
    while not plan.exists() and p.poll() is None and time.monotonic() - start < 60:
        time.sleep(0.02)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err.decode()
    assert "interrupted: no file was left half-written; run the same command again" in err.decode()
    assert "Aborted!" not in err.decode()
    assert out.read_text(encoding="utf-8") == '{"id": "earlier run"}\n'


def test_corpus_csvs_open_in_excel_as_utf8(tmp_path):
    """``cluster`` and ``similar`` wrote UTF-8 CSV without a byte-order mark, which Excel opens in the system
    code page (GBK on a Chinese Windows): every title garbled. The HTML report's CSV download had the mark
    already. Real input: the five seed pages."""
    import pandas as pd
    from conftest import SEEDS

    for command, extra in (("cluster", ["--k", "2"]), ("similar", ["--top", "1"])):
        out = tmp_path / f"{command}.csv"
        r = CliRunner().invoke(main, [command, str(SEEDS), "-o", str(out), "-q", *extra])
        assert r.exit_code == 0, r.output
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        table = pd.read_csv(out, keep_default_na=False)
        assert table.columns[0] == "id"
        assert "关于全市理论宣讲工作汇报" in set(table["title"])
        piped = CliRunner().invoke(main, [command, str(SEEDS), "-o", "-", "-q", *extra])
        assert piped.stdout_bytes == data[3:]  # standard output, for pipes: no mark


def test_a_full_disk_is_one_line_not_a_traceback(tmp_path):
    """``clean -o - > /dev/full`` (standard output on a full disk) ended in an ``OSError`` traceback."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    page = REAL / "news_44.html"
    with open("/dev/full", "wb") as full:
        p = subprocess.run(
            [sys.executable, "-m", "reportnlp.cli", "clean", str(page), "-o", "-", "-q"],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=full, stderr=subprocess.PIPE,
        )
    assert p.returncode == 1
    assert p.stderr.decode().strip() == "error: No space left on device"


def test_a_csv_piped_in_is_read_as_its_table(tmp_path):
    """``reportnlp clean - < table.csv`` read the table as one text document: its header row and quotes
    kept, its rows run together under the id ``stdin``. A header row naming the text column makes it a
    table, read as the same file is. Real text: two seed pages (``tests/fixtures/seeds``)."""
    import csv
    import io

    from conftest import SEEDS

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "title", "content", "url"])
    for name in ("001_cc577889387c504c", "004_d50d7a5837c946da"):
        w.writerow([name[:3], "", (SEEDS / f"{name}.txt").read_text(encoding="utf-8"), "http://example.org"])
    data = buf.getvalue().encode("utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "t.csv").write_bytes(data)
    code, output, as_file = _clean(tmp_path, "t.csv")
    assert code == 0, output
    r = CliRunner().invoke(main, ["clean", "-", "-o", "-", "-q"], input=data)
    assert r.exit_code == 0, r.output
    piped = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["id"] for d in piped] == ["001", "004"]
    for a, b in zip(piped, as_file):
        assert a["text"] == b["text"] and a["fields"] == b["fields"] and a["source"].startswith("-:")
    assert "id,title,content" not in piped[0]["text"]


def test_a_zip_of_pages_says_to_unpack_it(tmp_path):
    """A .zip of pages (what a Windows user sends) failed as ``binary file: NUL bytes and not UTF-16
    text`` when given, and was ``skipped: not an input format`` in a folder, with no word on what to do.
    Real content: two of the real pages, zipped."""
    import zipfile

    (tmp_path / "in").mkdir()
    with zipfile.ZipFile(tmp_path / "in" / "pages.zip", "w") as z:
        for name in ("news_01.html", "news_44.html"):
            z.write(REAL / name, name)
    code, output, _ = _clean(tmp_path, "pages.zip")
    assert code == 1
    assert "pages.zip:1: binary file" in output and "unzip FILE -d FOLDER, and give the folder" in output
    _copy(tmp_path, "news_01.html", "news_01.html")
    r = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 0, r.output
    assert "1 .zip file skipped: not an input format (archives are not read: unpack them first" in r.output


def test_excel_unicode_text_saved_as_csv_is_read(tmp_path):
    """Excel's "Unicode text" (UTF-16, TAB-separated), which the README says a .csv may be, failed as a
    table with one column ``id<TAB>title<TAB>content``. Real text: two seed pages."""
    import csv
    import io

    from conftest import SEEDS

    def table(delimiter: str) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(["id", "title", "content"])
        for name in ("001_cc577889387c504c", "004_d50d7a5837c946da"):
            w.writerow([name[:3], "", (SEEDS / f"{name}.txt").read_text(encoding="utf-8")])
        return buf.getvalue()

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "unicode.csv").write_bytes(table("\t").encode("utf-16"))  # with a BOM, as Excel
    (tmp_path / "in" / "utf8.csv").write_text(table(","), encoding="utf-8")
    # and under the name Excel gives it, .txt: one document had held both rows, header and quotes
    (tmp_path / "in" / "unicode.txt").write_bytes(table("\t").encode("utf-16"))
    code, output, records = _clean(tmp_path, "unicode.csv", "utf8.csv", "unicode.txt")
    assert code == 0, output
    assert len(records) == 6
    for a, b, c in zip(records[:2], records[2:4], records[4:]):
        assert a["text"] == b["text"] == c["text"] and len(a["text"]) > 500
    assert "unicode.txt: a TAB-separated table whose header row names its text column" in output
