"""Build ``slogan_word_tags.txt.gz``: the two-character nouns and noun modifiers of jieba's dictionary, by tag.

Run from the repository root (jieba installed)::

    python reportnlp/data/build_slogan_word_tags.py

Every two-character word of jieba's ``dict.txt`` (MIT) whose part-of-speech tag is a noun or a noun modifier
(``n vn nz ns nt an b``), any frequency (the rare ones are the new fields of the 2020s reports: 育儿, 郊野, 廊道):
one line per tag, ``tag<TAB>words`` with the words sorted and run together. ``find_slogans`` reads it to tell a
``、`` series of noun compounds before ``等`` (``育儿补贴、个税抵扣、生育保险等政策``) from a crafted one (tenth slogan
pass). Deterministic (sorted, gzip without a timestamp).
"""

from __future__ import annotations

import gzip
import os
from collections import defaultdict
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parent / "slogan_word_tags.txt.gz"
TAGS = frozenset("n vn nz ns nt an b".split())


def build() -> bytes:
    """The file's bytes."""
    by_tag: dict[str, list[str]] = defaultdict(list)
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _freq, tag = line.split()
            if len(word) == 2 and tag in TAGS:
                by_tag[tag].append(word)
    text = "".join(f"{tag}\t{''.join(sorted(set(words)))}\n" for tag, words in sorted(by_tag.items()))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> None:
    OUT.write_bytes(build())
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
