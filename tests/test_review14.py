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
