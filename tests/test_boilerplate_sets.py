"""The line decisions against the labelled development pages (``bench/eval_boilerplate.py`` scores them).

Floors are the figures measured when they were pinned, rounded down: lower one only with a reason. Each set's
README says how it was written; ``tests/cases/pages_blind4`` is the held-out set and is not run here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "cases"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# set, labels, floors of: content recall, boilerplate F1, title accuracy, metadata field accuracy
SETS = [
    ("seeds", FIXTURES / "seeds", FIXTURES / "gold" / "seeds.jsonl", 1.0, 1.0, 1.0, 1.0),
    # synthetic pages written before the rules; tuned on
    ("pages", CASES / "pages", None, 1.0, 0.99, 1.0, 1.0),
    # written blind; first run F1 0.807, tuned on since
    ("pages_blind", CASES / "pages_blind", None, 1.0, 0.98, 0.85, 0.81),
    # written blind; first run: content recall 0.994, F1 0.847, metadata 0.614; tuned on since. Recall 0.996:
    # its one caption written as ``…现场。邵云帆 摄`` is labelled content there, while real pages' captions of that
    # shape are drop (issue 11; corpora/real-pages guide: captions are drop), and the real labels win
    ("pages_blind3", CASES / "pages_blind3", None, 0.996, 0.995, 0.95, 0.84),
]


@pytest.mark.parametrize(
    "name, pages, labels, recall, f1, titles, fields", SETS, ids=[s[0] for s in SETS]
)
def test_boilerplate_floors(name, pages, labels, recall, f1, titles, fields):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_boilerplate import score_set

    _, overall = score_set(pages, labels)
    assert overall["content_recall"] >= recall, overall
    assert overall["boilerplate_f1"] >= f1, overall
    assert overall["title_accuracy"] >= titles, overall
    assert overall["meta_field_accuracy"] >= fields, overall
