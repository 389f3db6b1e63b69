"""Build ``slogan_formulas.tsv``: the formulas the hand labels of the dev excerpts mark in running text.

Run from the repository root::

    python reportnlp/data/build_slogan_formulas.py

A consistency rule (issue 12, fifth slogan pass): a four-character phrase that the adjudicated dev labels of
``corpora/analysers-real`` mark as a slogan *in running text* is a slogan wherever it recurs in that use. An
entry needs:

- a labelled occurrence in running text in a dev excerpt: a Han character on at least one side, no ``、`` on
  either side, no quote around it and no four-character clause beside it (``要统一认识，统一步调``) (a series item or a quoted phrase is found by its form already, and a series
  item is often an ordinary phrase elsewhere: 协调发展, 提高质量, 结构优化);
- no unlabelled occurrence in running text in any dev excerpt labelled for four-character slogans (a phrase the
  labels take in one excerpt and leave in another is no formula the labels agree on);
- not mostly a series item in the excerpt of a labelled running use (``优化结构`` in ``gwr2007``: twice a series item,
  once in running text, labelled there by the rule that labels every occurrence of a phrase; sixth slogan pass);
- no counting numeral first (``两学一做`` is a numbered slogan), and not a held-out excerpt (the held-out parts are never read: ``HELD_OUT``).

Columns: phrase, kind (``formula``), the dev excerpts that label it in running text, labelled occurrences in
running text, and its count and number of reports in the State Council and CPC congress reports of
``corpora/gwr`` without the source reports of the ``heldout``, ``heldout4``, ``heldout5``, ``heldout6`` and ``heldout7``
parts (``HELD_OUT_SOURCES``; those of ``heldout2`` and ``heldout3`` are in the counts): evidence a reader can check,
never an input of the rule above, which reads the dev labels only. Deterministic (sorted rows).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = Path(__file__).resolve().parent
SET = ROOT / "corpora" / "analysers-real"
# bench/eval_analysers.py: HELDOUT_REPORTS, NEW_HELDOUT_REPORTS, HELDOUT3_REPORTS, HELDOUT4_REPORTS,
# HELDOUT5_REPORTS, HELDOUT6_REPORTS, HELDOUT7_REPORTS and HELDOUT8_REPORTS (local reports, in no corpus count)
HELD_OUT = frozenset(
    {"gwr1984", "gwr2013", "cpc2017", "docx_guangdong", "cpc1992", "cpc2002", "gwr2019"}
    | {"gwr1986", "gwr2004", "gwr2022"}
    | {"gwr1997", "gwr2023", "prov2026_hb"}
    | {"gwr2000", "prov2026_he", "prov2026_ln"}
    | {"gwr1980", "prov2026_sh", "prov2026_xj"}
    | {"gwr1955", "cpc1973", "prov2026_zj"}
    | {"local_govr_01", "local_govr_10", "local_govr_22", "local_govr_31"}
)
# The sources of the held-out excerpts left out of the corpus counts (the fifth slogan pass's, as
# ``build_slogan_phrases.py``; the sixth slogan pass adds the State Council reports of heldout4, the seventh that of
# heldout5, the eighth that of heldout6, the ninth those of heldout7: the State Council report of 1955 and the CPC
# report of the tenth congress, 第十次全国代表大会, 1973)
HELD_OUT_SOURCES = (
    "1984年", "2013年", "十九大", "1997年", "2023年", "2000年", "1980年", "1955年", "第十次全国代表大会"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMERALS = set(
    "一二两三四五六七八九十"
)  # counting numerals: a phrase opening with one is numbered
_RUN_AFTER = re.compile(r"[，,；;][\u4e00-\u9fff]{4}(?![\u4e00-\u9fff])")
_RUN_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{4}[，,；;]\Z")
_QUOTES = set("“”‘’「」『』\"'")
HEADER = """\
# Four-character formulas the adjudicated dev labels of corpora/analysers-real mark in running text, and never
# leave unlabelled there (issue 12, fifth slogan pass): a slogan wherever it recurs in running text.
# phrase, kind, dev excerpts, labelled occurrences in running text, count and reports in the State Council and CPC
# reports (corpora/gwr, public domain; the sources of the heldout, heldout4 to heldout7 parts left out;
# evidence only).
# Built by build_slogan_formulas.py.
"""


def running_use(text: str, start: int, end: int) -> bool:
    """A phrase at ``start:end`` is in running text: a Han character beside it, no 、 or quote on either side."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 1]
    if "、" in (before, after) or before in _QUOTES or after in _QUOTES:
        return False
    if _RUN_AFTER.match(text, end) or _RUN_BEFORE.search(text[max(0, start - 6) : start]):
        return False  # an item of a run of four-character clauses (要统一认识，统一步调)
    return bool(_HAN.match(before) or _HAN.match(after))


def dev_records(exclude: Iterable[str] = ()) -> list[tuple[str, str, set[tuple[int, int]]]]:
    """``(excerpt id, text, labelled four-character spans)`` of the dev excerpts labelled for four-character
    slogans, without ``exclude`` (a leave-one-out run) and never a held-out excerpt."""
    out = []
    skip = HELD_OUT | set(exclude)
    for line in (SET / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = Path(rec["file"]).stem
        if doc in skip or "four_char" not in rec.get("labelled", ("four_char",)):
            continue
        text = (SET / rec["file"]).read_text(encoding="utf-8")
        spans = {(s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "four_char"}
        out.append((doc, text, spans))
    return out


def formulas(exclude: Iterable[str] = ()) -> dict[str, tuple[list[str], int]]:
    """The formulas of the dev labels (see the module docstring): phrase -> (excerpts, labelled occurrences)."""
    records = dev_records(exclude)
    labelled: dict[str, tuple[set[str], int]] = {}
    for doc, text, spans in records:
        uses: dict[str, list[bool]] = {}
        for s, e in sorted(spans):
            uses.setdefault(text[s:e], []).append(running_use(text, s, e))
        for phrase, running in uses.items():
            n = sum(running)
            if phrase[0] in _NUMERALS or not n or len(running) - n > n:
                continue  # mostly a series item here: its running use is labelled by the phrase rule only
            docs, total = labelled.get(phrase, (set(), 0))
            labelled[phrase] = (docs | {doc}, total + n)
    conflicting = set()
    for phrase in labelled:
        for _, text, spans in records:
            for m in re.finditer(re.escape(phrase), text):
                if (m.start(), m.end()) not in spans and running_use(text, m.start(), m.end()):
                    conflicting.add(phrase)
    return {p: (sorted(d), n) for p, (d, n) in sorted(labelled.items()) if p not in conflicting}


def main() -> None:
    sys.path.insert(0, str(DATA))
    from build_slogan_phrases import report_texts

    table = formulas()
    counts = dict.fromkeys(table, 0)
    reports = dict.fromkeys(table, 0)
    for text in report_texts(HELD_OUT_SOURCES):
        for phrase in table:
            n = text.count(phrase)
            counts[phrase] += n
            reports[phrase] += n > 0
    with open(DATA / "slogan_formulas.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for phrase, (docs, n) in table.items():
            fh.write(
                f"{phrase}\tformula\t{','.join(docs)}\t{n}\t{counts[phrase]}\t{reports[phrase]}\n"
            )
    print(f"{len(table)} formulas")


if __name__ == "__main__":
    main()
