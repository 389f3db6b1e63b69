"""The line rules' compiled form answers as the patterns they were written as."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportnlp.boilerplate import rules

ROOT = Path(__file__).resolve().parent
GWR = ROOT.parent / "corpora" / "gwr" / "government_work_reports.jsonl"


def _lines() -> list[str]:
    """Every distinct line of the labelled pages, the seeds and the State Council reports."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in ROOT.glob("cases/*/*.txt")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "fixtures" / "seeds").glob("*.txt")]
    with open(GWR, encoding="utf-8") as fh:
        texts += [json.loads(line)["content"] for line in fh]
    return sorted({ln.strip() for t in texts for ln in t.splitlines() if ln.strip()})


LINES = _lines()


@pytest.mark.parametrize("index", range(len(rules._RULES)), ids=[r[0] for r in rules._RULES])
def test_split_rule_equals_its_pattern(index):
    reason, pattern, _ = rules._RULES[index]
    whole = re.compile(pattern, re.IGNORECASE)
    _, head, rest, _ = rules._COMPILED[index]
    split = [bool((head and head(t)) or (rest and rest(t))) for t in LINES]
    assert split == [bool(whole.search(t)) for t in LINES]


def test_split_meta_line_equals_its_pattern():
    whole = re.compile(rules.META_LINE)
    head, rest = rules._META_HEAD, rules._META_REST
    split = [bool((head and head(t)) or (rest and rest(t))) for t in LINES]
    assert split == [bool(whole.search(t)) for t in LINES]


def test_top_level_alternatives():
    assert rules._top_level_alternatives(r"^a|(b|c)|[|(]x|\|y") == ["^a", "(b|c)", "[|(]x", r"\|y"]
