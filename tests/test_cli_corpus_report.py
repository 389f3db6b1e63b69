"""The corpus commands (cluster, similar, periods, templates) report their reading as ``clean`` does: a
file skipped is a warning on standard error, and ``--stats`` writes the reading run's summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from reportnlp.cli import main

COMMANDS = {
    "cluster": ["--k", "2"],
    "similar": ["--top", "1"],
    "periods": ["--years-from-title", "--k", "1"],
    "templates": [],
}


#: three of the real pages (news_07.html, added to the folder later, would be a fourth)
THREE_PAGES = ("gov_BJ", "news_01", "news_44")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample corpus (the five real seed pages) with its PROVENANCE.md (not an input format: skipped, with a warning)."""
    d = tmp_path_factory.mktemp("in") / "seeds"
    shutil.copytree(ROOT / "corpora" / "samples", d)
    assert (d / "PROVENANCE.md").exists()
    return d


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_stats_written_and_skipped_files_warned(command, corpus, tmp_path):
    out = tmp_path / ("families.jsonl" if command == "templates" else "table.csv")
    stats = tmp_path / "stats.json"
    res = CliRunner().invoke(
        main,
        [command, str(corpus), "-o", str(out), "--stats", str(stats), *COMMANDS[command]],
        catch_exceptions=False,
    )
    # the seeds' titles carry no year: periods has nothing to cut, but the reading is reported
    if command == "periods":
        assert res.exit_code == 1 and "0 documents with a year (5 without)" in res.stderr
    else:
        assert res.exit_code == 0 and out.exists(), res.stderr
    assert "warning: 1 .md file skipped: not an input format" in res.stderr
    data = json.loads(stats.read_text(encoding="utf-8"))
    assert data["documents"] == 5 and data["failed"] == 0
    assert data["warnings"] == ["1 .md file skipped: not an input format"]
    assert sum(data["encodings"].values()) == 5


def test_quiet_hides_warnings_not_errors(corpus, tmp_path):
    (tmp_path / "in").mkdir()
    for p in corpus.iterdir():
        shutil.copy(p, tmp_path / "in" / p.name)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(
        main, ["cluster", str(tmp_path / "in"), "-o", str(tmp_path / "c.csv"), "-q", "--k", "2"]
    )
    assert res.exit_code == 1
    assert "empty.txt: empty file" in res.stderr and "warning:" not in res.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_stats_on_the_output_is_refused_before_any_work(command, corpus, tmp_path):
    out = tmp_path / ("families.jsonl" if command == "templates" else "table.csv")
    res = CliRunner().invoke(
        main, [command, str(corpus), "-o", str(out), "--stats", str(out), *COMMANDS[command]]
    )
    assert res.exit_code == 2 and "the same path as -o" in res.stderr
    assert not out.exists()


def test_periods_reads_the_year_of_a_date_field(tmp_path):
    """``--years-field date``: the pages' meta dates (2015-05-21) give their years (every page was left
    out as undated before)."""
    pages = [str(ROOT / "tests" / "fixtures" / "real_inputs" / f"{n}.html") for n in THREE_PAGES]
    out = tmp_path / "periods.csv"
    res = CliRunner().invoke(
        main,
        ["periods", *pages, "--years-field", "date", "--min-size", "1", "--k", "2", "-o", str(out)],
        catch_exceptions=False,
    )
    assert res.exit_code == 0, res.stderr
    assert "3 in periods, 0 without a year" in res.stderr
    rows = out.read_text(encoding="utf-8-sig").splitlines()  # a file starts with a BOM, for Excel
    assert rows[0].startswith("id,year,period")
    assert [r.split(",")[:3] for r in rows[1:]] == [
        ["news_01", "2015", "0"],
        ["news_44", "2015", "0"],
        ["gov_BJ", "2026", "1"],
    ]


def test_placeholder_report_json_to_standard_output(corpus, tmp_path, monkeypatch):
    """``--json -`` writes the report on standard output, as ``-o -`` does for clean and analyse (it
    wrote a file named ``-`` in the working folder)."""
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(
        main,
        ["placeholders", str(corpus), "--json", "-", "--html", "r.html"],
        catch_exceptions=False,
    )
    assert res.exit_code == 0, res.stderr
    report = json.loads(res.stdout)
    assert len(report["documents"]) == 5 and report["summary"]["masks"]["total"] > 100
    assert not (tmp_path / "-").exists() and (tmp_path / "r.html").exists()
    assert "wrote standard output" in res.stderr
    res = CliRunner().invoke(main, ["placeholders", str(corpus), "--json", "-", "--html", "-"])
    assert res.exit_code == 2 and "only one of --json and --html" in res.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_output_dash_is_standard_output(command, tmp_path, monkeypatch):
    """``-o -`` writes the table (or the families) on standard output, as clean and analyse do (it wrote
    a file named ``-`` in the working folder)."""
    monkeypatch.chdir(tmp_path)
    pages = [str(ROOT / "tests" / "fixtures" / "real_inputs" / f"{n}.html") for n in THREE_PAGES]
    args = {"periods": ["--years-field", "date", "--min-size", "1", "--k", "2"]}.get(
        command, COMMANDS[command]
    )
    res = CliRunner().invoke(
        main, [command, *pages, "-o", "-", "--singletons" if command == "templates" else "-q", *args],
        catch_exceptions=False,
    )  # fmt: skip
    assert res.exit_code == 0, res.stderr
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == []
    if command == "templates":
        fams = [json.loads(ln) for ln in res.stdout.splitlines()]
        assert sorted(m for f in fams for m in f["members"]) == ["gov_BJ", "news_01", "news_44"]
        assert "wrote standard output" in res.stderr
    else:
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(res.stdout)))
        assert {r["id"] for r in rows} == {"gov_BJ", "news_01", "news_44"}


def test_skip_title_leaves_the_npc_resolutions_out_of_periods_and_says_so(tmp_path):
    """The State Council corpus holds 20 NPC resolutions on the reports beside the reports: ``periods``
    over it mixed the resolutions' two-paragraph texts into the reports' periods. ``--skip-title 决议``
    leaves them out and counts them; a pattern that is no regular expression is a usage error."""
    src = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    reports = [r for r in rows if str(r.get("year")) in ("1978", "1979", "2014", "2015")]
    resolutions = [r for r in rows if "第十二届" in r["title"] and "决议" in r["title"]][:3]
    data = tmp_path / "gwr.jsonl"
    data.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports + resolutions),
        encoding="utf-8",
    )
    out = tmp_path / "periods.csv"
    args = ["periods", str(data), "--years-from-title", "--k", "2", "-o", str(out)]
    res = CliRunner().invoke(main, [*args, "--skip-title", "决议"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    assert "skipped: 3 documents whose title matches '决议' (--skip-title)" in res.stderr
    assert "4 in periods" in res.stderr
    years = [r.split(",")[1:3] for r in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert years == [["1978", "0"], ["1979", "0"], ["2014", "1"], ["2015", "1"]]

    res = CliRunner().invoke(main, args, catch_exceptions=False)  # without: the resolutions are in
    assert "7 in periods" in res.stderr and "skipped" not in res.stderr

    res = CliRunner().invoke(main, [*args, "--skip-title", "决("], catch_exceptions=False)
    assert res.exit_code == 2 and "is no regular expression" in res.stderr


def test_periods_leaves_a_year_field_that_is_no_number_undated(tmp_path):
    """``--years-field year`` on records whose ``year`` is NaN (JSON written by pandas) or ``true``: those
    documents are counted without a year, not ordered as year ``nan`` or 1 (``periods: 2: 1–2015.0 …
    2016–nan``)."""
    src = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    reports = [r for r in rows if str(r.get("year")) in ("1978", "1979", "2014", "2015", "2016")]
    lines = []
    for r in reports:
        year = {"1978": "NaN", "1979": "true"}.get(str(r["year"]), json.dumps(r["year"]))
        rest = json.dumps({k: v for k, v in r.items() if k != "year"}, ensure_ascii=False)
        lines.append(rest[:-1] + f', "year": {year}}}\n')
    data = tmp_path / "years.jsonl"
    data.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "periods.csv"
    args = ["periods", str(data), "--years-field", "year", "--k", "2", "--min-size", "1"]
    res = CliRunner().invoke(main, [*args, "-o", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    assert "3 in periods, 2 without a year" in res.stderr and "nan" not in res.stderr
    years = [r.split(",")[1] for r in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert years == ["2014", "2015", "2016"]


def test_two_outputs_on_standard_output_are_one_usage_error_naming_both(tmp_path):
    """``cluster -o - --stats -`` said ``--stats -: the same path as -o``; it now says, as ``clean`` does,
    that only one output can be standard output. ``-o -`` alone still writes the table there."""
    samples = str(ROOT / "corpora" / "samples")
    for command in ("cluster", "similar", "templates"):
        res = CliRunner().invoke(main, [command, samples, "-o", "-", "--stats", "-"])
        assert res.exit_code == 2, (command, res.output)
        assert "only one of -o and --stats can be - (standard output)" in res.output
    res = CliRunner().invoke(main, ["cluster", samples, "-o", "-", "-q"], catch_exceptions=False)
    assert res.exit_code == 0 and res.stdout.startswith("id,cluster,")
