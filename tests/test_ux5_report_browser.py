"""The placeholder report's page as a new user reads it (helper ux5, session 11), in headless Chromium.

Real input: ``corpora/analysers-real/pages/d03.txt`` (a real template page, one line of it dropped;
provenance in ``corpora/analysers-real/PROVENANCE.md``) and seed 000 (seven lines dropped).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS
from test_report_browser import browser, js, load, open_doc  # noqa: F401  (browser: the fixture)

from reportnlp.cli import main

pytestmark = pytest.mark.slow


def test_dropped_lines_are_counted_in_words_that_fit_the_count(browser, tmp_path):  # noqa: F811
    """A document with one dropped line said ``Dropped boilerplate: 1 lines``."""
    folder = tmp_path / "in"
    folder.mkdir()
    for p in (
        ROOT / "corpora" / "analysers-real" / "pages" / "d03.txt",
        sorted(SEEDS.glob("*.txt"))[0],
    ):
        (folder / p.name).write_bytes(Path(p).read_bytes())
    html = tmp_path / "report.html"
    r = CliRunner().invoke(main, ["placeholders", str(folder), "--html", str(html), "-q"])
    assert r.exit_code == 0, r.output
    load(browser, html)
    said = {}
    for i in range(2):
        open_doc(browser, i)
        said[i] = js(browser, "document.querySelector('#dropped summary').textContent")
    assert sorted([said[0], said[1]]) == [
        "Dropped boilerplate: 1 line",
        "Dropped boilerplate: 7 lines",
    ]
