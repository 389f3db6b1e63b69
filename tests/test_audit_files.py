"""Audit files a person can read: ``--explain`` rows carry the line's text, ``--stats`` is UTF-8 as written."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT

from reportnlp.cli import main

SAMPLES = ROOT / "corpora" / "samples"


def test_explain_rows_carry_the_line_and_stats_read_as_written(tmp_path):
    res = CliRunner().invoke(
        main,
        [
            "clean",
            str(SAMPLES),
            "-o",
            str(tmp_path / "c.jsonl"),
            "--explain",
            str(tmp_path / "e.jsonl"),
            "--stats",
            str(tmp_path / "s.json"),
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    bad = tmp_path / "坏文件.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = CliRunner().invoke(
        main,
        ["clean", str(bad), "-o", str(tmp_path / "b.jsonl"), "--stats", str(tmp_path / "b.json")],
    )
    assert res.exit_code == 1
    failed = (tmp_path / "b.json").read_text(encoding="utf-8")
    assert "坏文件.txt" in failed and "\\u" not in failed  # Chinese as written, not \uXXXX
    rows = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all(set(r) == {"id", "line", "action", "reason", "text"} for r in rows)
    assert all(
        r["text"].strip() for r in rows
    )  # blank lines have no row; every row says what it was
    page = (SAMPLES / "001_cc577889387c504c.txt").read_text(encoding="utf-8").splitlines()
    mine = [r for r in rows if r["id"] == "001_cc577889387c504c"]
    same = sum(r["text"] == page[r["line"] - 1] for r in mine)
    assert same >= 0.9 * len(mine)  # the page's own line (normalised: width, script)
    dropped = {(r["id"], r["line"]): r["text"] for r in rows if r["action"] == "drop"}
    for rec in map(json.loads, (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()):
        for d in rec["dropped"]:
            assert dropped[(rec["id"], d["line"])] == d["text"]
    stats = (tmp_path / "s.json").read_text(encoding="utf-8")
    assert "\\u" not in stats
    assert json.loads(stats)["documents"] == 5
    assert "\n  " in stats  # indented, one field a line


def test_analyse_says_what_it_found_and_wrote(tmp_path):
    out, stats = tmp_path / "a.jsonl", tmp_path / "s.json"
    res = CliRunner().invoke(main, ["analyse", str(SAMPLES), "-o", str(out), "--stats", str(stats)])
    assert res.exit_code == 0, res.output
    err = res.stderr if hasattr(res, "stderr") else res.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    found = json.loads(stats.read_text(encoding="utf-8"))["found"]
    for key in ("placeholders", "metrics", "slogans", "headings"):
        assert found[key] == sum(len(r[key]) for r in records) > 0
    assert f"found: {found['placeholders']} placeholders, " in err
    assert f"wrote {out}, {stats}" in err
