"""Acceptance on the hand-labelled seeds: every scored line decision, the titles and the metadata."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, seed_paths

from reportnlp import clean
from reportnlp.cli import main

GOLD_TO_ACTIONS = {"content": {"keep", "title"}, "drop": {"drop"}, "meta": {"meta"}}
# The titles as the clean stage returns them (normalised: simplified, pinyin removed).
TITLES = {
    "000_61eaccc42b378d20": "关于全市理论宣讲工作汇报",
    "001_cc577889387c504c": "聚焦学习宣传贯彻习近平新时代中国特色社会主义思想 学党史 悟原理 肇庆深入开展“六进”宣讲行动",
    "002_17ed8b2d14d05a44": None,
    "003_bd26fd21e8274dde": "某市人大办202x年度宣传思想文化工作汇报",
    "004_d50d7a5837c946da": "慈利县东岳观镇:“三微”活动让党的二十大宣讲“热气腾腾”",
}


@pytest.fixture(scope="module")
def explained(tmp_path_factory) -> dict[str, dict[int, dict]]:
    """Run the CLI with --explain over the seeds, as a user would."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        main,
        [
            "clean",
            str(SEEDS),
            "-o",
            str(out / "clean.jsonl"),
            "--explain",
            str(out / "explain.jsonl"),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    rows: dict[str, dict[int, dict]] = {}
    for line in (out / "explain.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows.setdefault(row["id"], {})[row["line"]] = row
    return rows


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_explain_actions_match_gold(path, gold, explained):
    labels = gold[path.stem]["lines"]
    rows = explained[path.stem]
    wrong = []
    if labels["title"]:
        if rows[labels["title"]]["action"] != "title":
            wrong.append((labels["title"], "title", rows[labels["title"]]))
    for kind, allowed in GOLD_TO_ACTIONS.items():
        for line in labels[kind]:
            if rows[line]["action"] not in allowed:
                wrong.append((line, kind, rows[line]))
    assert not wrong
    # every non-blank raw line has exactly one row, with a reason
    raw_lines = path.read_text(encoding="utf-8").split("\n")
    assert sorted(rows) == [i + 1 for i, t in enumerate(raw_lines) if t.strip(" \t\u3000\u200b")]
    assert all(r["reason"] for r in rows.values())


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_title_and_metadata(path, gold):
    doc = clean(path.read_bytes(), id=path.stem)
    assert doc.title == TITLES[path.stem]
    for field, value in gold[path.stem]["meta"].items():
        assert doc.meta.get(field) == value, field


def test_dropped_lines_carry_reasons(gold):
    doc = clean((SEEDS / "001_cc577889387c504c.txt").read_bytes())
    reasons = {d.line: d.reason for d in doc.dropped}
    assert set(reasons) == set(gold["001_cc577889387c504c"]["lines"]["drop"])
    assert reasons[73] == "icp_licence"
    assert reasons[3] == "share_widget"
