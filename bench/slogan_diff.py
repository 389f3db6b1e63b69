"""What a change of the slogan finder does on real reports no held-out part comes from (eighth slogan pass).

    python bench/slogan_diff.py [--old main] [--kind four_char]

Runs ``find_slogans`` of revision ``--old`` (its ``reportnlp`` extracted with ``git archive``, as
``paired_analyse.py`` does) and of this tree on the State Council and CPC reports of ``corpora/gwr`` (without the
sources of the slogan held-out excerpts, :func:`held_out_sources`) and the provincial reports of
``corpora/structure`` (without the provinces of held-out excerpts), and prints every span added or removed with
its context: the precision check of a rule on text it was not written from. (Before review12 it read the sources
of heldout2, 十四大, 十六大 and 2019, and Guangdong's 2025 report, the first held-out part's docx_guangdong.)
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# provinces of the held-out excerpts (heldout: docx_guangdong, the 2025 report; heldout4: prov2026_hb; heldout5: he,
# ln; heldout6: sh, xj; heldout7: zj)
HELD_OUT_PROVINCES = ("2025-GD", "2026-HB", "2026-HE", "2026-LN", "2026-SH", "2026-XJ", "2026-ZJ")
# the sources of heldout2's excerpts (cpc1992, cpc2002, gwr2019): in the formula table's counts (documented there),
# but no text a rule is checked on may hold a held-out excerpt
HELDOUT2_SOURCES = ("十四大", "十六大", "2019年")


def held_out_sources() -> tuple[str, ...]:
    """Title words of the State Council and CPC reports left out: every slogan held-out part's source."""
    sys.path.insert(0, str(ROOT / "reportnlp" / "data"))
    from build_slogan_formulas import HELD_OUT_SOURCES

    return HELD_OUT_SOURCES + HELDOUT2_SOURCES


def texts() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "reportnlp" / "data"))
    from build_slogan_phrases import report_texts

    out = [(f"gwr{i}", t) for i, t in enumerate(report_texts(held_out_sources()))]
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            if rec["id"] not in HELD_OUT_PROVINCES:
                out.append((rec["id"], rec["text"]))
    return out


def old_finder(
    rev: str, docs: list[tuple[str, str]], kind: str = "four_char"
) -> list[set[tuple[int, int]]]:
    """The spans of ``kind`` that revision ``rev``'s finder reports on each text of ``docs``."""
    tmp = tempfile.mkdtemp(prefix="slogan_diff_")
    blob = subprocess.run(
        ["git", "archive", rev, "reportnlp"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    tarfile.open(fileobj=io.BytesIO(blob)).extractall(tmp)
    sys.path.insert(0, tmp)
    for name in [m for m in sys.modules if m == "reportnlp" or m.startswith("reportnlp.")]:
        del sys.modules[name]
    module = importlib.import_module("reportnlp.analysers.slogans")
    assert module.__file__.startswith(tmp), module.__file__
    spans = [{(s.start, s.end) for s in module.find_slogans(t) if s.kind == kind} for _, t in docs]
    for name in [m for m in sys.modules if m == "reportnlp" or m.startswith("reportnlp.")]:
        del sys.modules[name]
    sys.path.remove(tmp)
    return spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="main")
    ap.add_argument("--kind", default="four_char")
    args = ap.parse_args()
    docs = texts()
    # the old module reads its data files (resources.files("reportnlp.data")) on first use: run it on every text
    # before this tree's package takes the name
    old = old_finder(args.old, docs, args.kind)
    sys.path.insert(0, str(ROOT))
    from reportnlp.analysers.slogans import find_slogans as new

    added: Counter = Counter()
    removed: Counter = Counter()
    for (doc, text), a in zip(docs, old):
        b = {(s.start, s.end) for s in new(text) if s.kind == args.kind}
        for sign, spans, tally in (("+", b - a, added), ("-", a - b, removed)):
            for s, e in sorted(spans):
                tally[text[s:e]] += 1
                ctx = text[max(0, s - 12) : e + 12].replace("\n", " ")
                print(f"{sign} {doc:8} {text[s:e]}  {ctx}")
    print(f"{len(docs)} reports: {sum(added.values())} added, {sum(removed.values())} removed")
    print("added:", " ".join(f"{w} {n}" for w, n in added.most_common()))
    print("removed:", " ".join(f"{w} {n}" for w, n in removed.most_common()))


if __name__ == "__main__":
    main()
