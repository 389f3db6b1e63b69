"""Build the plausibility tables of the mojibake repair: ``zh_char_scores.txt``, ``zh_word_pairs.txt``.

Run from the repository root (needs the ``bench`` extra, i.e. jieba, and OpenCC)::

    python reportnlp/data/build_mojibake_tables.py corpora/gwr/government_work_reports.jsonl

``zh_char_scores.txt``: every GBK double-byte character with evidence of use, grouped by
``score = round(10 * log10(p))`` of its relative frequency ``p``: one ``score<TAB>characters`` line per score,
then ``=<TAB>pairs`` lines of traditional→simplified character pairs (OpenCC ``t2s``), for word look-ups. Han characters take their frequency from the words of jieba's ``dict.txt`` (MIT), a traditional
character the frequency of its simplified form (OpenCC ``t2s``); punctuation and other symbols take theirs
from running text, the State Council reports (public domain), where jieba's word list has none.

``zh_word_pairs.txt``: the two-character Han words of jieba's ``dict.txt`` (simplified) with a frequency of
at least ``MIN_PAIR_FREQ``, grouped by ``round(10 * log10(frequency))``: ``score<TAB>words`` (no separator,
every word has two characters).
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import jieba
from opencc import OpenCC

MIN_PAIR_FREQ = 100
PAIRS_PER_LINE = 50
OUT = Path(__file__).resolve().parent

CHAR_HEADER = """\
# GBK characters with evidence of use: score<TAB>characters, score = round(10*log10(relative frequency));
# "=<TAB>pairs": traditional character followed by its simplified form (OpenCC t2s).
# Built by build_mojibake_tables.py from jieba dict.txt (MIT) word frequencies (Han characters; traditional
# ones via OpenCC t2s) and the State Council reports (public domain; punctuation and symbols).
"""
PAIR_HEADER = """\
# Two-character words of jieba dict.txt (MIT), simplified: score<TAB>words, score = round(10*log10(freq)).
# Built by build_mojibake_tables.py; frequencies below {min_freq} left out.
"""


def gbk_chars() -> list[str]:
    """Every character GBK encodes in two bytes, in code order."""
    out = []
    for lead in range(0x81, 0xFF):
        for trail in [*range(0x40, 0x7F), *range(0x80, 0xFF)]:
            try:
                out.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return out


def jieba_words() -> dict[str, int]:
    path = Path(jieba.__file__).parent / "dict.txt"
    words: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, freq = line.split(" ")[:2]
            words[word] = words.get(word, 0) + int(freq)
    return words


def running_text_counts(corpus: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            counts.update(json.loads(line)["content"])
    return counts


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def build(corpus: Path) -> tuple[list[str], list[str]]:
    words = jieba_words()
    han: Counter[str] = Counter()
    for word, freq in words.items():
        for ch in word:
            han[ch] += freq
    han_total = sum(han.values())
    text = running_text_counts(corpus)
    text_total = sum(text.values())
    t2s = OpenCC("t2s")

    by_score: dict[int, list[str]] = {}
    t2s_pairs: list[str] = []
    for ch in gbk_chars():
        simp = t2s.convert(ch)
        if _is_han(ch):
            freq, total = max(han.get(ch, 0), han.get(simp, 0)), han_total
        else:
            freq, total = text.get(ch, 0), text_total
        if freq <= 0:
            continue
        by_score.setdefault(round(10 * math.log10(freq / total)), []).append(ch)
        if simp != ch and len(simp) == 1:
            t2s_pairs.append(ch + simp)
    rows = [f"{score}\t{''.join(chars)}" for score, chars in sorted(by_score.items(), reverse=True)]
    rows += [
        "=\t" + "".join(t2s_pairs[i : i + PAIRS_PER_LINE])
        for i in range(0, len(t2s_pairs), PAIRS_PER_LINE)
    ]

    word_scores: dict[int, list[str]] = {}
    for w, f in sorted(words.items()):
        if len(w) == 2 and f >= MIN_PAIR_FREQ and all(_is_han(c) for c in w):
            word_scores.setdefault(round(10 * math.log10(f)), []).append(w)
    pairs = [f"{score}\t{''.join(ws)}" for score, ws in sorted(word_scores.items(), reverse=True)]
    return rows, pairs


def main(argv: list[str]) -> int:
    corpus = Path(argv[1] if len(argv) > 1 else "corpora/gwr/government_work_reports.jsonl")
    rows, pairs = build(corpus)
    (OUT / "zh_char_scores.txt").write_text(CHAR_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    header = PAIR_HEADER.format(min_freq=MIN_PAIR_FREQ)
    (OUT / "zh_word_pairs.txt").write_text(header + "\n".join(pairs) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
