"""The ``binary`` idea of ``bench/structure_ideas_s14.py`` (session 14, issue 13): a mechanism test on toy
texts (no quality figure; the figures are in docs/structure-history.md)."""

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _ideas():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import structure_ideas_s14 as module
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


DOCS = [
    "各位代表：\n\n一、工作回顾\n\n一是稳增长，成效明显。\n\n二是促改革，成效明显。\n\n二、今年任务\n\n（一）扩大内需。",
    "各位代表：\n\n一、工作回顾\n\n一是稳增长，成效明显。\n\n一是稳增长，成效明显。\n\n一是稳增长，成效明显。"
    "\n\n二是促改革，成效明显。\n\n二、今年任务\n\n（一）扩大内需。",
    "各位代表：\n\n一、过去一年\n\n过去一年，稳中有进。\n\n二、今年任务\n\n（一）稳定就业。\n\n（二）扩大内需。",
]


def test_binary_counts_a_term_once_and_restores_the_library():
    ideas = _ideas()
    import reportnlp.corpus.structure as S

    original = S._text_vectorizer
    raw, blocks = ideas.features(DOCS, "binary")
    assert S._text_vectorizer is original
    pat = np.array(blocks) == "patterns"
    assert pat.any()
    # the second text repeats an item (``一是稳增长…``): the same heading templates as the first, once each
    assert np.allclose(raw[0, pat], raw[1, pat])
    tf, tf_blocks = ideas.features(DOCS, "none")
    assert tf_blocks == blocks and not np.allclose(tf[0, pat], tf[1, pat])
