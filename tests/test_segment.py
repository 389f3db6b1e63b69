"""The jieba backend's own loop (``segment._jieba_lcut``) gives ``jieba.Tokenizer.lcut``'s tokens, HMM on and off.

Real text: State Council reports of three decades (``corpora/gwr``), the raw scrape and its clean text; random
text: cut-outs of them, strings over their characters, and strings of the characters jieba treats apart (Latin,
digits, ``\\r\\n``, spaces, tabs, ×, punctuation), with the private dictionary of the segmenter (user words
included, so a word's frequency and the total it is scored against are the segmenter's).
"""

from __future__ import annotations

import json
import random

import pytest
from conftest import ROOT

from reportnlp import clean
from reportnlp.analysers.segment import Segmenter, _jieba_lcut

GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"


@pytest.fixture(scope="module")
def reports() -> list[str]:
    with open(GWR, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    # 1954, a middle year, the latest
    picked = [records[0], records[len(records) // 2], records[-1]]
    raw = [r.get("text") or r["content"] for r in picked]
    return raw + [clean(t).text for t in raw]


@pytest.mark.parametrize("hmm", [True, False])
def test_the_loop_gives_jiebas_tokens_on_real_reports(reports: list[str], hmm: bool) -> None:
    impl = Segmenter("jieba", hmm=hmm)._impl
    for text in reports:
        tokens = _jieba_lcut(impl, text, hmm)
        assert tokens == impl.lcut(text, HMM=hmm)
        assert "".join(tokens) == text


@pytest.mark.parametrize("hmm", [True, False])
def test_the_loop_gives_jiebas_tokens_on_random_text(reports: list[str], hmm: bool) -> None:
    impl = Segmenter("jieba", hmm=hmm)._impl
    rnd = random.Random(12)
    alphabet = sorted(set(reports[0][:20000]))
    apart = list("aZ09xX×+#&._%-，。、“”（） \t\r\n\u3000") + ["\r\n", "一二", "中国", "的了"]
    for i in range(600):
        if i % 3 == 0:
            text = rnd.choice(reports)
            a = rnd.randrange(len(text))
            s = text[a : a + rnd.randrange(1, 400)]
        elif i % 3 == 1:
            s = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 80)))
        else:
            s = "".join(rnd.choice(apart + alphabet[:40]) for _ in range(rnd.randrange(0, 60)))
        assert _jieba_lcut(impl, s, hmm) == impl.lcut(s, HMM=hmm), s
