"""The learned line model: a plain JSON file, retrained to the same weights by ``bench/train_lines.py``."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from reportnlp.boilerplate.classify import decide_lines
from reportnlp.boilerplate.features import FEATURE_NAMES
from reportnlp.boilerplate.model import LineModel, load_model

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def shipped() -> dict:
    text = resources.files("reportnlp.data").joinpath("line_model.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_model_file_is_plain_json_with_its_provenance():
    d = shipped()
    assert d["features"] == list(FEATURE_NAMES)
    assert len(d["weights"]) == len(d["mean"]) == len(d["scale"]) == len(FEATURE_NAMES)
    assert all(s > 0 for s in d["scale"])
    assert 0.0 <= d["keep_below"] <= 0.5 <= d["drop_above"] <= 1.0
    assert len(d["training"]["data_sha256"]) == 64
    assert d["training"]["pages"]["real"] >= 100
    scores = d["scores"]
    # the model may not cost the rules recall or F1 out of fold (see bench/train_lines.py)
    assert (
        scores["real_dev_out_of_fold"]["content_recall"]
        >= scores["real_dev_rules_only"]["content_recall"]
    )
    assert (
        scores["real_dev_out_of_fold"]["boilerplate_f1"]
        >= scores["real_dev_rules_only"]["boilerplate_f1"]
    )
    assert isinstance(load_model(), LineModel)


@pytest.mark.slow
def test_retraining_gives_the_shipped_weights():
    from train_lines import train

    model = train(ROOT / "corpora" / "real-pages")
    d = shipped()
    assert model["training"]["data_sha256"] == d["training"]["data_sha256"]
    for key in ("mean", "scale", "weights"):
        assert np.allclose(model[key], d[key], rtol=0, atol=1e-9), key
    assert abs(model["bias"] - d["bias"]) <= 1e-9
    assert (model["keep_below"], model["drop_above"]) == (d["keep_below"], d["drop_above"])
    assert model["strong_rules"] == d["strong_rules"]


def test_model_explains_and_revises_within_its_cuts():
    m = load_model()
    row = [0.0] * len(FEATURE_NAMES)
    row[FEATURE_NAMES.index("log_len")] = 1.0
    why = m.explain(row, True)
    assert why.startswith("model:")
    assert all(name in FEATURE_NAMES or name == "bias" for name in why[6:].split(","))
    # rules alone vs rules + model on a page: the model only turns a rules' drop into keep
    lines = (ROOT / "corpora" / "real-pages" / "pages" / "forum_05.txt").read_text().split("\n")
    rules = decide_lines(lines, model=False)
    both = decide_lines(lines, model=m)
    for a, b in zip(rules, both):
        if a.action != b.action and a.action != "title" and b.action != "title":
            assert a.action == "drop" and b.action == "keep" and b.reason.startswith("model:")
