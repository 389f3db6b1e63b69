"""Issue 15, items 2 and 9: the analysers never raise on numerals and take linear time on hostile input."""

from __future__ import annotations

import time

import pytest

import reportnlp
from reportnlp.analysers import find_metrics, find_placeholders, find_slogans
from reportnlp.analysers.headings import find_headings

# Inputs that made a scan backtrack over a whole run at every start (``'9' * 8000`` took 35 s in
# find_metrics, ``'乡村振兴、' * 20000`` 2 s in find_slogans), and other long runs of each trigger.
HOSTILE = [
    "9" * 100_000,
    "一" * 100_000,
    "三点五万" * 25_000,
    "1." * 50_000,
    "1,000" * 20_000,
    "x" * 100_000,
    "×" * 100_000,
    "*" * 100_000,
    "某" * 100_000,
    "_" * 100_000,
    "乡村振兴、" * 20_000,
    "乡村振兴，" * 20_000,
    "一二" * 50_000,
    "两学一做" * 25_000,
    "“绿水青山”" * 16_000,
    "百分之" * 33_000,
    "个百分点" * 25_000,
    "20**年" * 20_000,
]
FINDERS = [find_metrics, find_slogans, find_placeholders, find_headings]


@pytest.mark.parametrize("text", HOSTILE, ids=[t[:6] for t in HOSTILE])
@pytest.mark.parametrize("finder", FINDERS, ids=lambda f: f.__name__)
def test_no_call_over_one_second_on_100k(finder, text):
    t0 = time.process_time()  # CPU time: a loaded machine does not make it fail
    spans = finder(text)
    assert time.process_time() - t0 < 1.0
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize("finder", FINDERS[:3], ids=lambda f: f.__name__)
def test_time_grows_linearly(finder):
    """Ten times the input takes well under a hundred times as long (a quadratic scan would)."""
    for piece in ("9", "乡村振兴、", "一", "×"):
        small, big = piece * 4_000, piece * 40_000
        t0 = time.process_time()
        for _ in range(5):
            finder(small)
        t_small = (time.process_time() - t0) / 5
        t0 = time.process_time()
        finder(big)
        t_big = time.process_time() - t0
        assert t_big < 30 * max(t_small, 1e-3), (piece, t_small, t_big)


def test_chinese_decimal_with_magnitude_is_read():
    """``三点五万`` raised KeyError '万' and sank the record."""
    (m,) = reportnlp.analyse("共有三点五万人参加。").metrics
    assert (m.text, m.value, m.unit) == ("共有三点五万人", 35_000.0, "人")
    values = [m.value for m in find_metrics("投资一点二亿元，贷款三点零五万亿元。")]
    assert values == [120_000_000.0, 3_050_000_000_000.0]
