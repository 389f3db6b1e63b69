"""Session 13's review (review13): each defect found on a real input, fixed, with its real line or part here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_eval_analysers_says_n_a_for_a_figure_with_no_gold_item():
    """``dev8`` (six real report excerpts labelled for four-character slogans only) has no numbered slogan and no
    metric labelled: its numbered and metric figures were printed as a perfect 1.0; they are n/a (None)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_analysers import evaluate

    figures = evaluate("dev8")
    assert figures["numbered_gold"] == 0 and figures["metric_gold"] == 0
    for key in ("numbered_precision", "numbered_recall", "metric_recall", "thing_accuracy"):
        assert figures[key] is None, key
    assert figures["four_char_gold"] > 0 and 0 < figures["four_char_recall"] <= 1
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_analysers.py"), "--set", "dev8"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    ).stdout
    assert '"numbered_recall": "n/a"' in out and '"numbered_recall": 1.0' not in out
