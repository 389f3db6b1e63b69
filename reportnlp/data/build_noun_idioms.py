"""Build ``slogan_noun_idioms.tsv``: phrases of the idiom lists that are noun terms of the reports (无产阶级, 统一战线).

Run from the repository root::

    python reportnlp/data/build_noun_idioms.py

The idiom lists (``idioms4.txt``) and the reports' attested idioms (``slogan_phrases.tsv``) hold some noun terms,
which in running text read as slogans (无产阶级 was the largest single class of false four-character slogans on the
dev excerpts of the 1960s and 1970s, ninth slogan pass). A phrase is one when three sources agree:

- jieba's dictionary (0.42.1, ``dict.txt``, MIT) tags it ``l`` (a fixed expression), not ``i`` (an idiom);
- its last two characters are a jieba noun (tag ``n``);
- those two characters close at least ``MIN_NOUNS`` four-character noun compounds of the State Council and CPC
  reports (``slogan_phrases.tsv``, kind ``noun``: 资产阶级, 工人阶级, 地主阶级, 剥削阶级 for 阶级), a productive head.

Columns: phrase, its head, the number of report nouns with that head. Reads no hand label. Deterministic (sorted).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent
MIN_NOUNS = 4
HEADER = """\
# Phrases of the idiom lists that are noun terms of the reports: jieba 0.42.1 (dict.txt, MIT) tags them l, not i;
# their last two characters are a jieba noun that closes at least 4 four-character nouns of the State Council and
# CPC reports (slogan_phrases.tsv). phrase, head, report nouns with that head. Built by build_noun_idioms.py.
"""


def _rows(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [
            line.rstrip("\n").split("\t")
            for line in fh
            if line.strip() and not line.startswith("#")
        ]


def build() -> list[tuple[str, str, int]]:
    import jieba

    tags: dict[str, str] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.split()
            tags[word] = tag
    phrases = _rows("slogan_phrases.tsv")
    heads: dict[str, set[str]] = defaultdict(set)
    for phrase, kind, *_ in phrases:
        if kind == "noun":
            heads[phrase[2:]].add(phrase)
    candidates = {row[0] for row in _rows("idioms4.txt")}
    candidates |= {phrase for phrase, kind, *_ in phrases if kind in ("idiom", "bound")}
    out = []
    for word in sorted(candidates):
        head = word[2:]
        n = len(heads.get(head, set()) - {word})
        if tags.get(word) == "l" and tags.get(head) == "n" and n >= MIN_NOUNS:
            out.append((word, head, n))
    return out


def main() -> None:
    rows = build()
    with open(DATA / "slogan_noun_idioms.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for word, head, n in rows:
            fh.write(f"{word}\t{head}\t{n}\n")
    print(f"{len(rows)} noun idioms")


if __name__ == "__main__":
    main()
