"""A new user's runs of the corpus commands on real reports (helper ux4, session 10).

Real input: ``corpora/structure/provincial_reports.jsonl`` (22 provincial government work reports, 19 of
2026 and 3 of 2025; provenance in ``corpora/structure/PROVENANCE.md``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from reportnlp.corpus.cli import periods_cmd

ROOT = Path(__file__).resolve().parent.parent
PROVINCIAL = ROOT / "corpora" / "structure" / "provincial_reports.jsonl"


def _periods(path: Path, *args: str) -> tuple[int, dict[str, int], str]:
    r = CliRunner().invoke(periods_cmd, [str(path), "--years-field", "year", "-o", "-", *args])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    return r.exit_code, {row["id"]: int(row["period"]) for row in rows}, r.output


def test_periods_never_split_a_year_and_do_not_depend_on_input_order(tmp_path):
    """22 reports of two years: 2026's 19 used to be cut into periods by the order of the input lines
    (reversing the file moved 2026 reports from one period to another)."""
    lines = PROVINCIAL.read_text(encoding="utf-8").splitlines()
    years = {json.loads(line)["id"]: json.loads(line)["year"] for line in lines}
    forward, backward = tmp_path / "forward.jsonl", tmp_path / "backward.jsonl"
    forward.write_text("\n".join(lines) + "\n", encoding="utf-8")
    backward.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    code_f, periods_f, _ = _periods(forward, "--no-clean", "-q")
    code_b, periods_b, _ = _periods(backward, "--no-clean", "-q")
    assert code_f == code_b == 0 and len(periods_f) == 22
    assert periods_f == periods_b
    for year in set(years.values()):
        assert len({periods_f[i] for i, y in years.items() if y == year}) == 1, year


def test_periods_k_that_the_years_cannot_give_is_an_error_saying_what_to_do():
    code, _, output = _periods(PROVINCIAL, "--no-clean", "--k", "3")
    assert code == 1 and "Traceback" not in output
    assert "2 different years" in output and "--k auto" in output
