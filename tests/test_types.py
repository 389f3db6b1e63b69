"""The fast constructors of the records made by the thousand build the very record the class would."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest

from reportnlp import codes
from reportnlp.types import (
    Edit,
    LineDecision,
    Paragraph,
    new_decision,
    new_edit,
    new_paragraph,
)

CASES = [
    (Edit, new_edit, (codes.STEP_SCRIPT, 3, 5, "發展", "发展", codes.T2S)),
    (LineDecision, new_decision, (7, codes.DROP, codes.R_COPYRIGHT, "版权所有:上派范文网")),
    (Paragraph, new_paragraph, (0, 5, "多年来,全市", (3, 4))),
]


@pytest.mark.parametrize("cls, make, args", CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_fast_constructor_equals_init(cls, make, args):
    # a field added to the class must be added to its constructor
    fields = [f.name for f in dataclasses.fields(cls)]
    assert list(inspect.signature(make).parameters) == fields
    made, built = make(*args), cls(*args)
    assert type(made) is cls and made == built and hash(made) == hash(built)
    assert repr(made) == repr(built) and made.to_dict() == built.to_dict()
    assert made.to_dict() == {
        k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(built).items()
    }
    assert pickle.loads(pickle.dumps(made)) == built and copy.copy(made) == built
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0], 1)
