"""Train the learned ranker of four-character slogans in running text (issue 12, fourth pass).

    python bench/train_slogans.py --cv-only  # cross-validation by document on dev (the figures of the README)
    python bench/train_slogans.py            # the same, then write the phrase model (not shipped, see below)

The hand rules of ``reportnlp/analysers/slogans.py`` find a slogan by its form (series, quotes, clause runs,
rhythm) or by a lexicon (idioms, the reports' bound formulas); a political formula in running text with neither
(``政企分开``, ``安定团结``, ``依法行政``) is missed. This script ranks every other four-character window of the
reports by what the corpus says about the phrase: its frequency and spread over the reports, how often it stands
as an item of a four-character series, the entropy of its neighbours (a set phrase is free at both ends), how
bound its halves are to it, idiom-lexicon membership, its jieba tag, a noun head (``政策``, ``教育``), whether its
halves are common words, its rhythm, classical or function characters inside. A scikit-learn logistic regression
is trained on the dev labels of ``corpora/analysers-real`` (a window is positive when a four-character slogan is
labelled there; windows the rules already find are left out: the model only adds), evaluated by leave-one-
document-out cross-validation against the rules alone, and applied to every phrase of the corpus: the phrases
whose probability reaches the threshold chosen in the cross-validation are shipped, with the weights, in
``reportnlp/data/slogan_ranker.json`` (JSON, no pickle), and the finder reports them in running text with the
evidence ``learned``. Deterministic (sorted inputs, lbfgs from zero).

A second design is cross-validated too (``cross_validate_all``): the model decides every candidate, the rules'
own included, with the rules that fire (the evidence), the phrase features and the neighbours as features.

Result (fourth pass, README): neither beats the rules by more than noise in the cross-validation (F1 within a
point, recall lower at the best threshold), so no model is shipped and the finder stays rule-based; the file
this script would write is not in the package.

The corpus statistics leave out the State Council and CPC reports of the slogan held-out parts (1984, 2013, 十九大; 十四大,
十六大, 2019; 1997, 2023; 2000; 1980; 1955, 十大: heldout, heldout2, heldout4, heldout5, heldout6, heldout7).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "corpora" / "analysers-real"
OUT = ROOT / "reportnlp" / "data" / "slogan_ranker.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))

HELD_OUT_SOURCES = (
    "1984年",
    "2013年",
    "十九大",
    "十四大",
    "十六大",
    "2019年",
    "1997年",
    "2023年",
    "2000年",
    "1980年",
    "1955年",
    "第十次全国代表大会",
)
HAN = re.compile(r"[\u4e00-\u9fff]+")
SERIES = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{4}(?:[、，,；;][\u4e00-\u9fff]{4})+(?![\u4e00-\u9fff])"
)
FUNCTION = set("的了和与及或是在对等之也都而被把将从由为就并其所以于着过这那个")
CLASSICAL = set("不而之以其于无有所可百千万一非者乃与若如亦皆既又")
NUMERALS = set("一二两三四五六七八九十百千万")
NOUN_TAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "vn"}
MIN_COUNT = 3  # a phrase seen at least this often in the corpus is a candidate
FEATURES = (
    "log_count",
    "log_reports",
    "log_series",
    "series_share",
    "min_entropy",
    "max_entropy",
    "bound",
    "idiom",
    "jieba_noun",
    "jieba_idiom",
    "jieba_verb",
    "jieba_other",
    "noun_head",
    "first_word",
    "last_word",
    "rhythm",
    "classical",
    "function",
    "numeral",
)


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    return -sum(c / total * math.log2(c / total) for c in counts.values())


def corpus_stats() -> dict[str, tuple]:
    """Per four-character phrase of the reports (count >= MIN_COUNT): count, reports, series count, left and right
    entropy, and the share of its rarer-bound half's occurrences inside it."""
    from reportnlp.data.build_slogan_phrases import report_texts

    texts = list(report_texts(HELD_OUT_SOURCES))
    count: Counter = Counter()
    docs: Counter = Counter()
    pairs: Counter = Counter()
    series: Counter = Counter()
    for text in texts:
        seen = set()
        for m in SERIES.finditer(text):
            series.update(re.split("[、，,；;]", m.group()))
        for run in HAN.findall(text):
            pairs.update(run[i : i + 2] for i in range(len(run) - 1))
            grams = [run[i : i + 4] for i in range(len(run) - 3)]
            count.update(grams)
            seen.update(grams)
        docs.update(seen)
    keep = {w for w, c in count.items() if c >= MIN_COUNT}
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for m in HAN.finditer(text):
            run, s = m.group(), m.start()
            for i in range(len(run) - 3):
                w = run[i : i + 4]
                if w in keep:
                    left[w][run[i - 1] if i else text[s - 1 : s] or "#"] += 1
                    right[w][run[i + 4] if i + 4 < len(run) else "#"] += 1
    return {
        w: (
            count[w],
            docs[w],
            series[w],
            _entropy(left[w]),
            _entropy(right[w]),
            count[w] / max(pairs[w[:2]], pairs[w[2:]]),
        )
        for w in sorted(keep)
    }


def _jieba_tags() -> dict[str, str]:
    import jieba

    tags = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            if len(word) == 4:
                tags[word] = tag
    return tags


def features(w: str, stats: dict, tags: dict) -> list[float]:
    from reportnlp.analysers import slogans

    c, r, s, hl, hr, bound = stats[w]
    tag = tags.get(w, "")
    words = slogans._words()
    return [
        math.log1p(c),
        math.log1p(r),
        math.log1p(s),
        s / c,
        min(hl, hr),
        max(hl, hr),
        bound,
        float(w in slogans.idioms()),
        float(tag in NOUN_TAGS),
        float(tag in ("i", "l")),
        float(tag.startswith("v") and tag != "vn"),
        float(
            bool(tag) and tag not in NOUN_TAGS and tag not in ("i", "l") and not tag.startswith("v")
        ),
        float(w[2:] in slogans.NOUN_HEADS),
        float(w[:2] in words),
        float(w[2:] in words),
        float(slogans._rhythmic(w) or (w[0] == w[1] and w[2] == w[3])),
        float(bool(set(w) & CLASSICAL)),
        float(bool(set(w) & FUNCTION)),
        float(w[0] in NUMERALS),
    ]


def boundary_ok(text: str, i: int) -> bool:
    """The window ``text[i:i+4]`` does not start or end inside a common word (the finder's own test)."""
    from reportnlp.analysers.slogans import _is_han, _words

    words = _words()
    if i and _is_han(text[i - 1]) and text[i - 1 : i + 1] in words and text[i : i + 2] not in words:
        return False
    j = i + 4
    return not (
        j < len(text)
        and _is_han(text[j])
        and text[j - 1 : j + 1] in words
        and text[j - 2 : j] not in words
    )


def rules(text: str) -> set[tuple[int, int]]:
    """The rules' four-character slogans."""
    from reportnlp.analysers import find_slogans

    return {(s.start, s.end) for s in find_slogans(text) if s.kind == "four_char"}


def dev_docs() -> list[dict]:
    from eval_analysers import part_of

    docs = []
    for line in (SET / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if part_of(rec["file"]) != "dev" or "four_char" not in rec.get("labelled", ["four_char"]):
            continue
        text = (SET / rec["file"]).read_text(encoding="utf-8")
        gold_nb = {(s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "numbered"}
        gold = {(s["start"], s["end"]) for s in rec["slogans"] if s["kind"] == "four_char"}
        found = rules(text) - gold_nb
        docs.append({"file": rec["file"], "text": text, "gold": gold, "rules": found})
    return docs


def candidates(doc: dict, stats: dict) -> list[tuple[int, str]]:
    text = doc["text"]
    out = []
    for m in HAN.finditer(text):
        for i in range(m.start(), m.end() - 3):
            w = text[i : i + 4]
            if w in stats and (i, i + 4) not in doc["rules"] and boundary_ok(text, i):
                out.append((i, w))
    return out


def _fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit((x - mean) / scale, y)
    return model, mean, scale


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)


def cross_validate(docs: list[dict], stats: dict, tags: dict) -> tuple[float, dict]:
    """Leave one document out: the rules alone against the rules plus the phrases the model accepts."""
    cache = {w: features(w, stats, tags) for d in docs for _, w in candidates(d, stats)}
    per_doc = []
    for d in docs:
        cands = candidates(d, stats)
        per_doc.append(
            (
                cands,
                np.array([cache[w] for _, w in cands]).reshape(-1, len(FEATURES)),
                np.array([(i, i + 4) in d["gold"] for i, _ in cands], dtype=int),
            )
        )
    base = [0, 0, 0]
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for k, d in enumerate(docs):
        base[0] += len(d["rules"] & d["gold"])
        base[1] += len(d["rules"] - d["gold"])
        base[2] += len(d["gold"] - d["rules"])
        x = np.vstack([per_doc[j][1] for j in range(len(docs)) if j != k])
        y = np.concatenate([per_doc[j][2] for j in range(len(docs)) if j != k])
        model, mean, scale = _fit(x, y)
        cands, xk, _ = per_doc[k]
        # the decision is per phrase (the shipped list): the phrase's probability
        prob = model.predict_proba((xk - mean) / scale)[:, 1] if len(cands) else np.array([])
        for t in THRESHOLDS:
            found = set(d["rules"]) | {(i, i + 4) for (i, _), p in zip(cands, prob) if p >= t}
            counts[t][0] += len(found & d["gold"])
            counts[t][1] += len(found - d["gold"])
            counts[t][2] += len(d["gold"] - found)
    report = {"rules": dict(zip("prf", _prf(*base)))}
    for t in THRESHOLDS:
        report[f"rules+model@{t}"] = dict(zip("prf", _prf(*counts[t])))
    best = max(THRESHOLDS, key=lambda t: (report[f"rules+model@{t}"]["f"], t))
    return best, report


EVIDENCE = (
    "series",
    "clause_run",
    "quoted",
    "clause",
    "idiom",
    "rhythm",
    "bound",
    "template",
    "joined_pair",
    "coined",
    "recurrent",
    "numeral",
)
_PUNCT = set("，。；：、！？,;:\n“”‘’（）()《》")


def cross_validate_all(docs: list[dict], stats: dict, tags: dict) -> dict:
    """The second design: the model decides every candidate, the rules' own and the corpus phrases, with the
    rules that fire (the slogan's evidence), the phrase features and the neighbours (punctuation, 的, 、) as
    features; leave one document out, against the rules alone on the same candidates."""
    from reportnlp.analysers import find_slogans

    rows, n_gold = [], 0
    for k, d in enumerate(docs):
        text = d["text"]
        n_gold += len(d["gold"])
        ev = {
            (s.start, s.end): set(s.evidence)
            for s in find_slogans(text)
            if s.kind == "four_char" and (s.start, s.end) in d["rules"]
        }
        for i, e in sorted(set(ev) | {(i, i + 4) for i, _ in candidates(d, stats)}):
            w = text[i:e]
            before = text[i - 1] if i else "\n"
            after = text[e] if e < len(text) else "\n"
            x = features(w, stats, tags) if w in stats else [0.0] * len(FEATURES)
            x += [float(w in stats), float((i, e) in ev)]
            x += [float(name in ev.get((i, e), ())) for name in EVIDENCE]
            x += [float(before in _PUNCT), float(after in _PUNCT), float(after == "的")]
            rows.append((k, (i, e) in d["gold"], (i, e) in ev, x))
    y = np.array([r[1] for r in rows], dtype=int)
    group = np.array([r[0] for r in rows])
    by_rules = np.array([r[2] for r in rows])
    x = np.array([r[3] for r in rows])
    missed = n_gold - int(y.sum())  # gold windows that are no candidate
    report = {
        "rules": dict(
            zip(
                "prf",
                _prf(
                    int((by_rules & (y == 1)).sum()),
                    int((by_rules & (y == 0)).sum()),
                    missed + int((~by_rules & (y == 1)).sum()),
                ),
            )
        )
    }
    prob = np.zeros(len(y))
    for k in range(len(docs)):
        test = group == k
        if test.any():
            model, mean, scale = _fit(x[~test], y[~test])
            prob[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]
    for t in THRESHOLDS:
        sel = prob >= t
        tp, fp = int((sel & (y == 1)).sum()), int((sel & (y == 0)).sum())
        report[f"model@{t}"] = dict(zip("prf", _prf(tp, fp, missed + int((~sel & (y == 1)).sum()))))
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()
    stats = corpus_stats()
    tags = _jieba_tags()
    docs = dev_docs()
    best, report = cross_validate(docs, stats, tags)
    for name, fig in report.items():
        print(f"{name:18} P {fig['p']:.3f} R {fig['r']:.3f} F1 {fig['f']:.3f}")
    print("threshold", best)
    full = cross_validate_all(docs, stats, tags)
    for name, fig in full.items():
        print(f"all candidates {name:12} P {fig['p']:.3f} R {fig['r']:.3f} F1 {fig['f']:.3f}")
    if args.cv_only:
        return
    cands = [(d, i, w) for d in docs for i, w in candidates(d, stats)]
    x = np.array([features(w, stats, tags) for _, _, w in cands])
    y = np.array([(i, i + 4) in d["gold"] for d, i, _ in cands], dtype=int)
    model, mean, scale = _fit(x, y)
    from reportnlp.analysers import slogans

    phrases = sorted(stats)
    xs = np.array([features(w, stats, tags) for w in phrases])
    prob = model.predict_proba((xs - mean) / scale)[:, 1]
    accepted = {
        w: round(float(p), 3)
        for w, p in zip(phrases, prob)
        if p >= best and all(map(slogans._is_han, w))
    }
    payload = {
        "about": "Learned ranker of four-character slogans in running text: logistic regression on standardised "
        "phrase features (bench/train_slogans.py); 'phrases' are the corpus phrases whose probability reaches "
        "'threshold' (chosen by leave-one-document-out cross-validation on dev).",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": best,
        "cross_validation": {k: {m: round(v, 3) for m, v in f.items()} for k, f in report.items()},
        "phrases": accepted,
    }
    OUT.write_text(
        json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(
        f"{len(accepted)} phrases accepted of {len(phrases)}; {sum(y)} positives of {len(y)} dev windows"
    )
    for name, coef in sorted(zip(FEATURES, model.coef_[0]), key=lambda p: -abs(p[1])):
        print(f"  {name:14} {coef:+.3f}")


if __name__ == "__main__":
    main()
