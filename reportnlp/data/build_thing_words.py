"""Build ``thing_words.txt``: the words a metric's thing must not be cut inside (issue 12, session 12).

    python reportnlp/data/build_thing_words.py   # jieba installed (its dict.txt is read, nothing else)

Two kinds, from jieba's ``dict.txt`` (jieba 0.42.1, MIT), nouns only (parts of speech n, ns, nz, nt, vn; j and b
too for the first kind, and the verbs that start with 来: 来华), frequency 100 or more:

- ``opening``: two-character words that start with 来 or 中, the last character of an opening time word of
  ``metrics._OPENING`` (五年来, 2019年中): ``2019年中国…`` opens with 2019年, not 2019年中;
- ``right``: words of three or four characters that start with a predicate word of ``metrics._RIGHT_STOP`` shorter
  than them (共同体, 增加值, 覆盖率): the noun after a classifier runs on through them.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "thing_words.txt"
OPENING_LAST = "来中"  # 年内, 年后, 年底…: their words (内参, 后期) are rarer than the opening
MIN_FREQ = 100
OPENING_POS = {"n", "ns", "nz", "nt", "vn", "j", "b"}


def build() -> str:
    import jieba

    from reportnlp.analysers.metrics import _RIGHT_STOP

    rows = []
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split()
        if int(freq) < MIN_FREQ:
            continue
        if (
            len(word) == 2
            and word[0] in OPENING_LAST
            and (pos in OPENING_POS or word[0] == "来" and pos == "v")
        ):
            rows.append(f"{word}\topening")
        elif 3 <= len(word) <= 4 and pos in {"n", "ns", "nz", "nt", "vn"}:
            m = _RIGHT_STOP.match(word)
            if m and m.end() < len(word):
                rows.append(f"{word}\tright")
    head = (
        "# Words a metric's thing is not cut inside (reportnlp.analysers.metrics), built by build_thing_words.py\n"
        "# from jieba 0.42.1 dict.txt (github.com/fxsjy/jieba, MIT): word<TAB>kind (opening | right)\n"
    )
    return head + "\n".join(sorted(rows)) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(OUT, len(OUT.read_text(encoding="utf-8").splitlines()) - 2, "words")
