"""reportnlp.corpus.years: a document's year, read one way by clusters, periods, eras and the placeholder report.

The resolutions' titles are those of the State Council corpus (``corpora/gwr``, public domain); the later terms are
written the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportnlp.corpus.years import title_year, value_year, year_of
from reportnlp.report import document_year

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"


@pytest.mark.parametrize(
    "title",
    [
        "第二十届全国人民代表大会第一次会议关于政府工作报告的决议",  # a term past the table's (2063)
        "第十五届全国人民代表大会第一次会议关于政府工作报告的决议",  # not in the table yet (2028)
        "第十十届全国人民代表大会第一次会议关于政府工作报告的决议",  # no number
        "第一十届全国人民代表大会第二次会议关于政府工作报告的决议",
    ],
)
def test_a_resolution_of_a_term_the_table_does_not_hold_has_no_year(title):
    """The NPC term of a resolution's title was read with a table of 一 … 九 and 十X only: ``第二十届`` raised a
    KeyError, and since every command reads the year here, ``cluster``, ``periods`` and the placeholder report
    stopped on such a title. It now says no year."""
    assert title_year(title) is None
    assert year_of({"title": title, "year": None}) is None
    assert year_of({"title": title, "meta": {"date": "2063-03-05"}}) == 2063  # the date still says
    assert document_year({}, {}, title) is None


def test_the_state_council_resolutions_still_give_their_session_years():
    """The 20 resolutions on the reports in the State Council corpus: the years of their sessions, as before."""
    rows = [json.loads(line) for line in GWR.read_text(encoding="utf-8").splitlines()]
    titles = [r["title"] for r in rows if "决议" in r["title"]]
    assert len(titles) == 20
    assert sorted(title_year(t) for t in titles) == [1962, *range(2007, 2026)]
    assert title_year("第十四届全国人民代表大会第三次会议关于政府工作报告的决议") == 2025


def test_values_that_are_no_year():
    assert [value_year(v) for v in (True, None, float("nan"), 2025.5, "第3期", "20250114")] == [None] * 6
    assert [value_year(v) for v in (1954, "2025-01-14", "二〇二六年一月", "2025/1/14")] == [
        1954,
        2025,
        2026,
        2025,
    ]
