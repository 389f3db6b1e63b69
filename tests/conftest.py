"""Shared fixtures: the seed pages, their gold labels and the State Council corpus, all inside the repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    with open(FIXTURES / "gold" / "seeds.jsonl", encoding="utf-8") as fh:
        return {rec["doc"]: rec for rec in map(json.loads, fh)}


@pytest.fixture(scope="session")
def gwr_records() -> list[dict]:
    with open(GWR, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def case_params(cases: list[dict]) -> list:
    """pytest params for JSON cases: ``known_failure`` cases are strict xfails with their note as reason."""
    return [
        pytest.param(
            c,
            id=c["note"][:40],
            marks=[pytest.mark.xfail(strict=True, reason=c["note"])]
            if c["kind"] == "known_failure"
            else [],
        )
        for c in cases
    ]
