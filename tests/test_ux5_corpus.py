"""A new user's next steps after ``clean`` (helper ux5, session 11): the corpus commands' outputs read back
by strict tools.

Real input: the five seed pages of ``tests/fixtures/seeds`` (provenance in ``corpora/samples/PROVENANCE.md``);
seed 002 has no title (its page states none).
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import SEEDS

from reportnlp.corpus.cli import cluster_cmd


def _strict(text: str):
    """JSON as JavaScript's JSON.parse, jq or a browser read it: NaN and Infinity are errors."""

    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_cluster_describe_is_valid_json_when_a_prototype_has_no_title(tmp_path):
    """--describe wrote ``"title": NaN`` for a prototype without a title (seed 002), which no JSON
    reader but Python's accepts."""
    out, desc = tmp_path / "c.csv", tmp_path / "c.json"
    r = CliRunner().invoke(
        cluster_cmd, [str(SEEDS), "-o", str(out), "--describe", str(desc), "--k", "4", "-q"]
    )
    assert r.exit_code == 0, r.output
    data = _strict(desc.read_text(encoding="utf-8"))
    titles = {c["prototype"]["id"]: c["prototype"]["title"] for c in data["clusters"]}
    rows = {line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert set(titles) <= rows
    for title in titles.values():
        assert title is None or isinstance(title, str)
    # the untitled seed is a prototype at k = 4 on these five pages, so the case is exercised
    assert None in titles.values()
