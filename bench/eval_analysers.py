"""Score the analysers on the real hand-labelled set (corpora/analysers-real), dev and held-out apart.

    python bench/eval_analysers.py [--heldout] [--errors dev|heldout] [--record-first-run]
    python bench/eval_analysers.py --false-masks   # masks on every real unmasked report (each one is false)
    python bench/eval_analysers.py --set dev --set heldout2   # one line of figures per part
    python bench/eval_analysers.py --labels original --set dev   # the report labels before the fifth slogan pass

* slogans: four-character and numbered slogans, a detection counts when its offsets equal a label's (a
  four-character detection that is a labelled numbered slogan, ``一国两制``, is scored as numbered only);
* metrics: spans of time (``kind == "span"``) are typed apart and not scored; a detection counts when it overlaps a labelled metric (one to one, in text order); the thing is right
  when it equals one of the label's accepted names or one ends with the other (``比重`` for
  ``非化石能源发电量占总发电量的比重``);
* ``thing_accuracy_learned``: the same with the things of the opt-in stacked chooser
  (``reportnlp.analysers.thing.learned_things``, sixth pass);
* an excerpt with a ``labelled`` list (the second-pass dev excerpts) is scored on those kinds only;
* masks: as ``bench/eval_placeholders.py`` (offsets equal), with type accuracy.

The held-out part (a third of the excerpts and pages, fixed in PROVENANCE.md) is never looked at while tuning;
``first_run.json`` keeps the figures of the detectors as they were before any tuning on this set (on the first dev
part), and the script prints them next to the current ones; ``second_pass.json`` keeps the figures before and after
the second pass (issue 12) on the widened dev part and the held-out part. ``heldout2`` is the fourth pass's held-out
part (three report excerpts, four-character slogans only; ``fourth_pass.json``), scored only with ``--set``;
``heldout3`` the fifth pass's (three report excerpts, metrics only; ``fifth_pass.json``), likewise; ``heldout4`` the
sixth slogan pass's (three report excerpts, four-character slogans only; ``sixth_slogan_pass.json``), likewise, and
``dev6`` that pass's six new dev excerpts alone (they are in ``dev`` too); ``heldout5`` the seventh slogan pass's
(three report excerpts, four-character slogans only; ``seventh_slogan_pass.json``) and ``dev7`` its six new dev
excerpts alone; ``heldout6`` and ``dev8`` the eighth slogan pass's (``eighth_slogan_pass.json``); ``heldout6m`` the
eighth metric pass's (four report excerpts, metrics only; ``eighth_pass.json``) and ``dev8m`` its four new dev
excerpts alone; ``heldout7m`` session 13's (four city, county and township pages, metrics only; ``ninth_pass.json``) and
``dev13m`` its four new dev pages alone; ``heldout7`` and ``dev9`` the ninth slogan pass's (``ninth_slogan_pass.json``);
``heldout8`` and ``dev10`` the tenth slogan pass's (local governments' reports, four-character slogans only;
``tenth_slogan_pass.json``); ``heldout8m`` session 14's (two provincial report excerpts and two pages, metrics only;
``tenth_pass.json``) and ``dev14m`` its four new dev excerpts alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "corpora" / "analysers-real"
sys.path.insert(0, str(Path(__file__).resolve().parent))

HELDOUT_REPORTS = {"gwr1984", "gwr2013", "cpc2017", "docx_guangdong"}
# The fourth pass's held-out part (``extract_third.py``: every third new excerpt, fixed before reading).
NEW_HELDOUT_REPORTS = {"cpc1992", "cpc2002", "gwr2019"}
# The fifth pass's held-out part (``extract_fifth.py``: every third new excerpt, metrics only, fixed before reading).
HELDOUT3_REPORTS = {"gwr1986", "gwr2004", "gwr2022"}
# The sixth slogan pass's held-out part (``extract_slogans6.py``: every third new excerpt, four-character slogans only,
# fixed before reading) and its six new dev excerpts (scored inside ``dev``; ``--set dev6`` scores them alone).
HELDOUT4_REPORTS = {"gwr1997", "gwr2023", "prov2026_hb"}
DEV6_REPORTS = {"cpc1977", "gwr1987", "gwr2007", "gwr2017", "prov2026_cq", "prov2026_fj"}
# The seventh slogan pass's held-out part (``extract_slogans7.py``: every third new excerpt, fixed before reading) and
# its six new dev excerpts (in ``dev``; ``--set dev7`` scores them alone).
HELDOUT5_REPORTS = {"gwr2000", "prov2026_he", "prov2026_ln"}
DEV7_REPORTS = {"gwr1978", "gwr1985", "gwr2012", "gwr2016", "prov2026_hn", "prov2026_jl"}
# The eighth slogan pass's held-out part (``extract_slogans8.py``: every third new excerpt, fixed before reading) and
# its six new dev excerpts (in ``dev``; ``--set dev8`` scores them alone).
HELDOUT6_REPORTS = {"gwr1980", "prov2026_sh", "prov2026_xj"}
DEV8_REPORTS = {"gwr1958", "gwr1964", "gwr1982", "gwr2002", "prov2026_sx", "prov2026_tj"}
# The eighth metric pass's held-out part (``extract_metrics8.py``: every other new excerpt, metrics only, fixed before
# reading) and its four new dev excerpts (in ``dev``; ``--set dev8m`` scores them alone).
HELDOUT6M_REPORTS = {"gwr1982_m", "prov2026_sh_m", "prov2026_tj_m", "prov2026_xz_m"}
DEV8M_REPORTS = {"gwr1980_m", "gwr2002_m", "prov2026_sx_m", "prov2026_xj_m"}
# Session 13's held-out part (``extract_metrics13.py``: every other of eight city, county and township pages, metrics
# only, fixed before reading) and its four new dev pages (in ``dev``; ``--set dev13m`` scores them alone).
HELDOUT7M_REPORTS = {"page_changshaxian_m", "page_xxshi2023_m", "page_xxxian_m", "page_xxqi2006_m"}
DEV13M_REPORTS = {"page_shanghang_m", "page_changsha_m", "page_longfu_m", "page_zaoqiang_m"}
# Session 14's held-out part (``extract_metrics14.py``: every other of four provincial report excerpts and four pages,
# metrics only, fixed before reading) and its four new dev excerpts (in ``dev``; ``--set dev14m`` scores them alone).
HELDOUT8M_REPORTS = {"prov2026_sc_m", "docx_sichuan_m", "page_zhen2007_m", "page_miaoshuo_m"}
DEV14M_REPORTS = {"prov2026_gd_m", "docx_beijing_m", "page_xxzhen200x_m", "page_chaozhou_m"}
# The ninth slogan pass's held-out part (``extract_slogans9.py``: every third new excerpt from the second, fixed before
# reading) and its five new dev excerpts (in ``dev``; ``--set dev9`` scores them alone).
HELDOUT7_REPORTS = {"gwr1955", "cpc1973", "prov2026_zj"}
DEV9_REPORTS = {"gwr1954", "gwr1975", "cpc1969", "prov2026_bj", "prov2026_xz"}
# The tenth slogan pass's held-out part (``extract_slogans10.py``: every third of twelve local reports from the first,
# fixed before reading) and its eight new dev excerpts (in ``dev``; ``--set dev10`` scores them alone).
HELDOUT8_REPORTS = {"local_govr_01", "local_govr_10", "local_govr_22", "local_govr_31"}
DEV10_REPORTS = {
    "local_govr_04",
    "local_govr_07",
    "local_govr_11",
    "local_govr_13",
    "local_govr_27",
    "local_govr_29",
    "local_govr_35",
    "local_govr_37",
}
PARTS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "dev6",
    "dev7",
    "dev8",
    "heldout6m",
    "dev8m",
    "heldout7m",
    "dev13m",
    "dev9",
    "dev10",
    "heldout8m",
    "dev14m",
)
DEV_SUBSETS = {
    "dev6": DEV6_REPORTS,
    "dev7": DEV7_REPORTS,
    "dev8": DEV8_REPORTS,
    "dev8m": DEV8M_REPORTS,
    "dev13m": DEV13M_REPORTS,
    "dev14m": DEV14M_REPORTS,
    "dev9": DEV9_REPORTS,
    "dev10": DEV10_REPORTS,
}
# The slogan labels scored: ``reports.jsonl`` (adjudicated after the blind second labelling of the fifth slogan pass)
# or ``reports_original.jsonl`` (the labels before it, frozen) with ``--labels original``.
LABEL_FILES = {"adjudicated": "reports.jsonl", "original": "reports_original.jsonl"}
LABELS = LABEL_FILES["adjudicated"]
# ``--numbered-apart`` (seventh slogan pass): in an excerpt labelled for four-character slogans only, a span the
# finder also reports as a numbered slogan (一带一路, 五位一体: two numerals, documented as both kinds) is a numbered
# slogan by the guide, which that excerpt does not label, and is left out of the four-character score (found and
# gold alike), as a labelled numbered slogan is in the fully labelled excerpts. Off by default.
NUMBERED_APART = False


def part_of(file: str) -> str:
    """The part of a labelled file: ``dev``, ``heldout`` (the first split), ``heldout2`` (the fourth pass's),
    ``heldout3`` (the fifth pass's), ``heldout4`` (the sixth slogan pass's), ``heldout5`` (the seventh's),
    ``heldout6`` (the eighth's), ``heldout6m`` (the eighth metric pass's), ``heldout7`` (the ninth slogan pass's),
    ``heldout7m`` (session 13's metric pages), ``heldout8`` (the tenth slogan pass's local reports) or ``heldout8m``
    (session 14's metric excerpts)."""
    if Path(file).stem in NEW_HELDOUT_REPORTS and file.startswith("reports/"):
        return "heldout2"
    if Path(file).stem in HELDOUT3_REPORTS and file.startswith("reports/"):
        return "heldout3"
    if Path(file).stem in HELDOUT4_REPORTS and file.startswith("reports/"):
        return "heldout4"
    if Path(file).stem in HELDOUT5_REPORTS and file.startswith("reports/"):
        return "heldout5"
    if Path(file).stem in HELDOUT6_REPORTS and file.startswith("reports/"):
        return "heldout6"
    if Path(file).stem in HELDOUT6M_REPORTS and file.startswith("reports/"):
        return "heldout6m"
    if Path(file).stem in HELDOUT7M_REPORTS and file.startswith("reports/"):
        return "heldout7m"
    if Path(file).stem in HELDOUT7_REPORTS and file.startswith("reports/"):
        return "heldout7"
    if Path(file).stem in HELDOUT8_REPORTS and file.startswith("reports/"):
        return "heldout8"
    if Path(file).stem in HELDOUT8M_REPORTS and file.startswith("reports/"):
        return "heldout8m"
    return "heldout" if heldout(file) else "dev"


def heldout(file: str) -> bool:
    """The first split: four report excerpts, and the template pages whose number ends in 0, 3, 6 or 9."""
    stem = Path(file).stem
    if file.startswith("reports/"):
        return stem in HELDOUT_REPORTS
    if stem.startswith("d"):
        return False  # pages added to dev in the second pass (dNN), never held out
    return stem[-1] in "0369"


def _ratio(a: int, b: int) -> float | None:
    """``a / b``, or None (not applicable: printed ``n/a``) when there is nothing to count, as a part with no gold
    item of a kind (``dev8``'s numbered slogans and metrics): not a perfect 1.0."""
    return a / b if b else None


def _cell(key: str, v: float | None) -> str:
    """One printed figure: a count, a ratio to three places, or ``n/a`` for a figure with nothing to count."""
    if v is None:
        return "n/a"
    return f"{v:.0f}" if key.endswith("gold") else f"{v:.3f}"


def match_metrics(found: list, gold: list[dict]) -> list[int | None]:
    """For each labelled metric, the index of the first found quantity not matched yet that overlaps it
    (None: missed); every found quantity left unmatched is a false positive."""
    used: set[int] = set()
    hits: list[int | None] = []
    for g in gold:
        hit = next(
            (
                i
                for i, m in enumerate(found)
                if i not in used and m.start < g["end"] and g["start"] < m.end
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        hits.append(hit)
    return hits


def _thing_ok(found: str | None, gold: list[str]) -> bool:
    if not found:
        return False
    return any(
        found == g or (len(found) >= 2 and (g.endswith(found) or found.endswith(g))) for g in gold
    )


def score_reports(part: str, errors: bool = False) -> dict[str, float | None]:
    from reportnlp.analysers import find_metrics, find_slogans
    from reportnlp.analysers.thing import learned_things

    c = dict.fromkeys(
        (
            "fc_tp",
            "fc_fp",
            "fc_fn",
            "nb_tp",
            "nb_fp",
            "nb_fn",
            "m_tp",
            "m_fp",
            "m_fn",
            "thing",
            "thing_learned",
        ),
        0,
    )
    for line in (SET / LABELS).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if part_of(rec["file"]) != part and not (
            part in DEV_SUBSETS and Path(rec["file"]).stem in DEV_SUBSETS[part]
        ):
            continue
        text = (SET / rec["file"]).read_text(encoding="utf-8")

        def ctx(s: int, e: int, text: str = text) -> str:
            return text[max(0, s - 8) : e + 8].replace("\n", " ")

        gold_nb = {(s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "numbered"}
        gold_fc = {(s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "four_char"}
        slogans = find_slogans(text)
        found_nb = {(s.start, s.end) for s in slogans if s.kind == "numbered"}
        found_fc = {(s.start, s.end) for s in slogans if s.kind == "four_char"} - gold_nb
        labelled = rec.get("labelled", ("four_char", "numbered", "metrics"))
        if NUMBERED_APART and "numbered" not in labelled:
            found_fc -= found_nb
            gold_fc -= found_nb
        scored = [("fc", gold_fc, found_fc)] if "four_char" in labelled else []
        if "numbered" in labelled:
            scored.append(("nb", gold_nb, found_nb))
        for key, gold, found in scored:
            c[f"{key}_tp"] += len(gold & found)
            c[f"{key}_fp"] += len(found - gold)
            c[f"{key}_fn"] += len(gold - found)
            if errors:
                for s, e in sorted(found - gold):
                    print(f"FP {key} {rec['file']} {text[s:e]!r} in {ctx(s, e)!r}")
                for s, e in sorted(gold - found):
                    print(f"FN {key} {rec['file']} {text[s:e]!r} in {ctx(s, e)!r}")
        if "metrics" not in labelled:
            continue
        all_metrics = find_metrics(text)
        metrics = [m for m in all_metrics if m.kind == "quantity"]  # spans of time apart
        # the opt-in stacked chooser's things (thing.learned_things), same spans
        learned = [m.thing for m in learned_things(text, all_metrics) if m.kind == "quantity"]
        hits = match_metrics(metrics, rec["metrics"])
        used = {h for h in hits if h is not None}
        for g, hit in zip(rec["metrics"], hits):
            if hit is None:
                c["m_fn"] += 1
                if errors:
                    print(f"FN metric {rec['file']} {g['text']!r} in {ctx(g['start'], g['end'])!r}")
                continue
            c["m_tp"] += 1
            m = metrics[hit]
            c["thing_learned"] += _thing_ok(learned[hit], g["thing"])
            if _thing_ok(m.thing, g["thing"]):
                c["thing"] += 1
            elif errors:
                print(
                    f"THING {rec['file']} {m.text!r} found {m.thing!r} gold {'/'.join(g['thing'])!r}"
                )
        for i, m in enumerate(metrics):
            if i not in used:
                c["m_fp"] += 1
                if errors:
                    print(f"FP metric {rec['file']} {m.text!r} in {ctx(m.start, m.end)!r}")
    return {
        "four_char_precision": _ratio(c["fc_tp"], c["fc_tp"] + c["fc_fp"]),
        "four_char_recall": _ratio(c["fc_tp"], c["fc_tp"] + c["fc_fn"]),
        "numbered_precision": _ratio(c["nb_tp"], c["nb_tp"] + c["nb_fp"]),
        "numbered_recall": _ratio(c["nb_tp"], c["nb_tp"] + c["nb_fn"]),
        "metric_precision": _ratio(c["m_tp"], c["m_tp"] + c["m_fp"]),
        "metric_recall": _ratio(c["m_tp"], c["m_tp"] + c["m_fn"]),
        "thing_accuracy": _ratio(c["thing"], c["m_tp"]),
        "thing_accuracy_learned": _ratio(c["thing_learned"], c["m_tp"]),
        "four_char_gold": c["fc_tp"] + c["fc_fn"],
        "numbered_gold": c["nb_tp"] + c["nb_fn"],
        "metric_gold": c["m_tp"] + c["m_fn"],
    }


def score_masks(part: str, errors: bool = False) -> dict[str, float]:
    from eval_placeholders import score

    files = {
        json.loads(line)["file"]
        for line in (SET / "masks.jsonl").read_text(encoding="utf-8").splitlines()
    }
    files = {f for f in files if part_of(f) == part}
    s = score(SET, verbose=errors, labels="masks.jsonl", files=files)
    return {
        "mask_precision": s["precision"],
        "mask_recall": s["recall"],
        "mask_type_accuracy": s["type_accuracy"],
        "mask_gold": s["gold"],
    }


def unmasked_reports() -> dict[str, list[tuple[str, str]]]:
    """Every real unmasked report we hold, by source: ``(id, text)`` pairs.

    The State Council and CPC corpora (cleaned as the test of false masks does), the 22 provincial reports of
    ``corpora/structure`` (17 of 2026 from the provinces' portals, five from .docx and GitHub), and the three
    provincial .docx reports of ``../shared/corpora/docx`` read through ``reportnlp.clean_files`` when that folder
    exists (the same three reports as the jsonl's 2025 entries, read by the docx reader instead).
    """
    from reportnlp import clean, clean_files

    sources: dict[str, list[tuple[str, str]]] = {}
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        with open(ROOT / "corpora" / "gwr" / name, encoding="utf-8") as fh:
            sources[name.split("_")[0]] = [
                (rec["title"], clean(rec["content"], title=rec["title"]).text)
                for rec in map(json.loads, fh)
            ]
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        sources["provincial"] = [(rec["id"], rec["text"]) for rec in map(json.loads, fh)]
    docx = ROOT.parent / "shared" / "corpora" / "docx"
    if not docx.is_dir():
        docx = Path("/work/shared/corpora/docx")
    if docx.is_dir():
        sources["docx"] = [
            (Path(d.id).name, d.text) for d in clean_files(sorted(docx.glob("*.docx")))
        ]
    return sources


def false_masks(verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Masks found on real unmasked reports (every one is false), by source: ``(characters, masks)``."""
    from reportnlp.analysers import find_placeholders

    out = {}
    for source, docs in unmasked_reports().items():
        chars = hits = 0
        for doc_id, text in docs:
            found = find_placeholders(text)
            chars += len(text)
            hits += len(found)
            if verbose:
                for p in found:
                    ctx = text[max(0, p.start - 12) : p.end + 12].replace("\n", " ")
                    print(f"FALSE MASK {source} {doc_id} {p.text!r} {p.type} in {ctx!r}")
        out[source] = (chars, hits)
    return out


def evaluate(part: str, errors: bool = False) -> dict[str, float | None]:
    if part not in ("dev", "heldout"):  # the later parts are report excerpts only (slogans; metrics), no pages
        return score_reports(part, errors)
    return {**score_reports(part, errors), **score_masks(part, errors)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--errors", choices=("dev", "heldout", "heldout2"), help="print every error of that part"
    )
    ap.add_argument(
        "--heldout", action="store_true", help="also score the held-out part now (not while tuning)"
    )
    ap.add_argument(
        "--set",
        choices=PARTS,
        action="append",
        help="score only these parts and print their figures (heldout2, heldout3: the fourth and fifth passes')",
    )
    ap.add_argument(
        "--record-first-run", action="store_true", help="write first_run.json (once, before tuning)"
    )
    ap.add_argument(
        "--false-masks",
        action="store_true",
        help="count the masks found on every real unmasked report (State Council, CPC, provincial, docx)",
    )
    ap.add_argument(
        "--labels",
        choices=tuple(LABEL_FILES),
        default="adjudicated",
        help="the report labels: adjudicated (default) or original (before the fifth slogan pass's relabelling)",
    )
    ap.add_argument(
        "--numbered-apart",
        action="store_true",
        help="leave spans the finder reports as numbered out of the four-character score where numbered "
        "slogans are not labelled",
    )
    args = ap.parse_args()
    global LABELS, NUMBERED_APART
    LABELS = LABEL_FILES[args.labels]
    NUMBERED_APART = args.numbered_apart
    if args.false_masks:
        figures = false_masks(verbose=True)
        for source, (chars, hits) in figures.items():
            print(
                f"{source:12} {chars:>9,} characters {hits:>3} false masks {hits / chars * 1e5:.2f} per 100,000"
            )
        # the docx folder holds the same three reports as the provincial jsonl's 2025 entries: count them once
        unique = {k: v for k, v in figures.items() if k != "docx"}
        chars = sum(c for c, _ in unique.values())
        hits = sum(h for _, h in unique.values())
        print(
            f"{'total':12} {chars:>9,} characters {hits:>3} false masks {hits / chars * 1e5:.2f} per 100,000"
        )
        return
    if args.set:
        for part in args.set:
            figures = evaluate(part, errors=args.errors == part)
            print(part, json.dumps({k: "n/a" if v is None else round(v, 3) for k, v in figures.items()}))
        return
    parts = ("dev", "heldout") if args.heldout or args.record_first_run else ("dev",)
    now = {part: evaluate(part, errors=args.errors == part) for part in parts}
    parts_scored = set(now)
    now.setdefault("heldout", dict.fromkeys(now["dev"]))
    first_path = SET / "first_run.json"
    if args.record_first_run:
        first_path.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    first = json.loads(first_path.read_text(encoding="utf-8")) if first_path.exists() else {}
    print(f"{'figure':22} {'dev first':>9} {'dev now':>8} {'held first':>10} {'held now':>9}")
    for key in now["dev"]:
        row = [
            first.get("dev", {}).get(key),
            now["dev"][key],
            first.get("heldout", {}).get(key),
            now["heldout"][key],
        ]
        # "-": not recorded (no first run; the held-out part not scored now); "n/a": nothing to count
        cells = [
            "-" if row[0] is None else _cell(key, row[0]),
            _cell(key, row[1]),
            "-" if row[2] is None else _cell(key, row[2]),
            _cell(key, row[3]) if "heldout" in parts_scored else "-",
        ]
        print(f"{key:22} {cells[0]:>9} {cells[1]:>8} {cells[2]:>10} {cells[3]:>9}")


if __name__ == "__main__":
    main()
