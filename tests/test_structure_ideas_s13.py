"""The evidence-accumulation helpers of ``bench/structure_ideas_s13.py`` (session 13, issue 13): a mechanism
test on toy partitions (no quality figure; the figures are in docs/structure-history.md)."""

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _ideas():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import structure_ideas_s13 as module
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


def test_coassociation_is_the_weighted_share_of_partitions_together():
    ideas = _ideas()
    parts = [np.array([0, 0, 1, 1]), np.array([0, 1, 1, 1])]
    M = ideas.coassociation(parts, [3.0, 1.0])
    assert M[0, 1] == 0.75 and M[1, 2] == 0.25 and M[2, 3] == 1.0 and np.all(np.diag(M) == 1.0)


def test_lifetime_cut_picks_the_longest_lived_level_and_a_given_k():
    ideas = _ideas()
    # three groups {0,1,2} {3,4} {5,6,7}: always together inside, the last two groups three times in seven
    parts = [np.array([0, 0, 0, 1, 1, 2, 2, 2]), np.array([0, 0, 0, 1, 1, 1, 1, 1])]
    M = ideas.coassociation(parts * 3 + [np.array([0, 0, 0, 1, 1, 2, 2, 2])])
    k, labels = ideas.lifetime_cut(M, 6)
    assert k == 3 and labels.tolist() == [0, 0, 0, 1, 1, 2, 2, 2]
    k2, labels2 = ideas.lifetime_cut(M, 6, 2)
    assert k2 == 2 and len(set(labels2[3:].tolist())) == 1 and labels2[0] != labels2[3]
