"""The mojibake repair's work budget (issue 14, session 14): one per document, shared by its title's and its
text's repair, growing with its length; counted in work done, never in time (no timed unit test).

The inputs over budget are the fuzz run's slowest of session 13 (``bench/fuzz-results.json``): a 16-character
page of lone surrogates, read as GB18030, whose title and text each spent the whole per-call budget (1.3-1.9 s
of CPU on session 13's VM), and a 2,000-character repetition of ``日?qǐng)?bào)`` (its unit rebuilt from the
recorded start of the input). The real side: the damaged seed pages must fit with room to spare.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reportnlp import clean
from reportnlp.normalise import mojibake

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from test_fuzz import _page  # noqa: E402

#: bench/fuzz-results.json, stage clean_html, "slowest_input" (session 13, commit 31bd7b6): 1.84 s of CPU
FUZZ_HTML = _page(
    "𤺒\ud822=\x06\ud822\udf98\x9a\ud8c0È\U0004f097\ud883\ud822\ud800\ud800\ud800\ud883"
)
#: stage long_mojibake, "slowest_100kb_input" (1.40 s): a piece repeated to 2,000 characters
FUZZ_LONG = ("零一二三四五六七八九××市。××市日?qǐng)?bào)" * 100)[:2000]


class Spent:
    """Counts the work every re-reading of one call spends, and the budgets it spends it from."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.work = 0
        self.budgets: list[list[int]] = []
        viterbi = mojibake._viterbi

        def counted(ctx, *args):
            before = ctx.budget[0]
            if not any(b is ctx.budget for b in self.budgets):
                self.budgets.append(ctx.budget)
            try:
                return viterbi(ctx, *args)
            finally:
                self.work += before - ctx.budget[0]

        monkeypatch.setattr(mojibake, "_viterbi", counted)


def test_a_pages_title_and_text_share_one_budget(monkeypatch):
    spent = Spent(monkeypatch)
    doc = clean(FUZZ_HTML)
    assert doc.title and doc.encoding == "gb18030"  # both the title and the text were read again
    assert len(spent.budgets) == 1  # session 13: two, 70,000 candidates each
    # the page's text and title hold under 100 characters: their budget, and a unit past it at most
    assert spent.work <= 1.25 * mojibake.repair_budget(100)[0]


def test_the_budget_grows_with_the_length_up_to_its_cap():
    sizes = [mojibake.repair_budget(n)[0] for n in (0, 42, 645, 2_000, 100_000)]
    assert sizes == sorted(sizes) and sizes[0] == mojibake._BUDGET_FLOOR
    assert sizes[-1] == mojibake._BUDGET and sizes[1] < sizes[-1]


@pytest.mark.parametrize("text", [FUZZ_LONG, FUZZ_LONG * 10], ids=["2k", "20k"])
def test_a_long_damaged_input_stops_at_the_cap(monkeypatch, text):
    spent = Spent(monkeypatch)
    out = clean(text).text
    assert spent.work <= 1.1 * mojibake._BUDGET  # one unit past the cap at most
    assert "qǐng)" not in out  # past the budget the damage is removed, not left
    assert clean(out).text == out


def test_a_short_input_gets_a_short_budget(monkeypatch):
    """bench/fuzz-results.json, stage mojibake (42 characters, 0.36 s): its own share, not the cap."""
    spent = Spent(monkeypatch)
    text = "介亣垊交亘酬ㄒ***┮介亣垊交亘酬介亣垊交亘酬介亣垊交亘酬┮ㄒ亿饮们享丘乎于上京锬乖"
    mojibake.repair_mojibake(text)
    assert spent.work <= 1.25 * mojibake.repair_budget(len(text))[0] < mojibake._BUDGET


@pytest.mark.parametrize("seed", ["002_17ed8b2d14d05a44", "004_d50d7a5837c946da"])
def test_the_damaged_seeds_fit_their_budget_with_room(monkeypatch, seed):
    """The two real pages that need the most work (bench/dump_clean.py --stats --unlimited: 126,272 and
    134,239 units, the most of every real document we hold) are read whole, a third under the budget."""
    cleared = []
    monkeypatch.setattr(mojibake, "_clear_window", lambda *a: cleared.append(a[1:3]))
    spent = Spent(monkeypatch)
    raw = (TESTS / "fixtures" / "seeds" / f"{seed}.txt").read_bytes()
    clean(raw)
    assert not cleared
    assert spent.work * 1.4 <= mojibake.repair_budget(len(raw.decode("utf-8")))[0]
