"""The learned line model: a logistic regression over :mod:`reportnlp.boilerplate.features`, shipped as JSON.

``reportnlp/data/line_model.json`` holds the feature names, their standardisation (mean, scale), the weights,
the bias and the two decision cuts, with the hash of the training data and the scores measured when it was
trained (``bench/train_lines.py`` writes it; ``tests/test_boilerplate_model.py`` retrains and compares). No
pickle, no scikit-learn at run time: one numpy matrix product per page.

The model gives P(boilerplate) for the candidate lines of a page. Its explanation of a line is the features
that pushed it hardest towards the side it chose (``model:rule=navigation,above_body``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import numpy as np

from reportnlp.boilerplate.features import FEATURE_NAMES

MODEL_FILE = "line_model.json"


@dataclass(frozen=True)
class LineModel:
    """Weights over standardised features. The model revises the rules where it is confident: a rules'
    drop becomes keep when P(boilerplate) < ``keep_below``, a rules' keep drop when it is > ``drop_above``."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    keep_below: float
    drop_above: float
    strong_rules: frozenset[str]

    @classmethod
    def from_dict(cls, d: dict) -> LineModel:
        names = tuple(d["features"])
        if names != FEATURE_NAMES:
            raise ValueError("line model: its features differ from the code's; retrain it")
        return cls(
            names,
            np.asarray(d["mean"], dtype=float),
            np.asarray(d["scale"], dtype=float),
            np.asarray(d["weights"], dtype=float),
            float(d["bias"]),
            float(d["keep_below"]),
            float(d["drop_above"]),
            frozenset(d.get("strong_rules", ())),
        )

    def logits(self, rows: list[list[float]]) -> np.ndarray:
        x = (np.asarray(rows, dtype=float) - self.mean) / self.scale
        return x @ self.weights + self.bias

    def explain(self, row: list[float], boilerplate: bool, k: int = 3) -> str:
        """``model:`` and the ``k`` features that pushed ``row`` hardest towards its side."""
        contrib = (np.asarray(row, dtype=float) - self.mean) / self.scale * self.weights
        order = np.argsort(-contrib if boilerplate else contrib, kind="stable")
        top = [
            self.names[j] for j in order[:k] if (contrib[j] > 0) == boilerplate and contrib[j] != 0
        ]
        return "model:" + ",".join(top or ["bias"])


@lru_cache(maxsize=1)
def load_model() -> Optional[LineModel]:
    """The shipped model, or ``None`` when the package holds none (the rules alone decide then)."""
    try:
        text = resources.files("reportnlp.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return LineModel.from_dict(json.loads(text))
