"""The learned chooser of a metric's thing (reportnlp.analysers.thing): real dev sentences it fixes, its model
file, and the training script that writes it."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

from reportnlp.analysers import metrics
from reportnlp.analysers.metrics import find_metrics
from reportnlp.analysers.thing import (
    MODEL_PATH,
    STACKED_PATH,
    candidates,
    choose,
    explain,
    learned_things,
    load_model,
)

ROOT = Path(__file__).resolve().parent.parent


def _things(text: str) -> dict[str, str | None]:
    return {m.text: m.thing for m in find_metrics(text) if m.kind == "quantity"}


def _rules_only(text: str) -> dict[str, str | None]:
    metrics.LEARNED_CHOOSER = False
    try:
        return _things(text)
    finally:
        metrics.LEARNED_CHOOSER = True


# Real sentences of the dev excerpts (corpora/analysers-real, never the held-out parts) where the rules name no
# thing and the chooser names the labelled one.
@pytest.mark.parametrize(
    ("text", "quantity", "thing"),
    [
        # State Council 1956: the object of 完成 past 已经, before the share's 的
        (
            "贯通西南的宝鸡——成都线已经完成全线铺轨任务的73%；贯通西北的兰州——新疆线已经达到张掖以西135公里。",
            "73%",
            "全线铺轨任务",
        ),
        # State Council 1956: the money of a clause that opens with 共 (the label: 支出)
        (
            "1955年地方财政共收入7，443，491，000元，占预算数的102.74%；共支出6，432，453，000元，占预算数的94.35%。",
            "6，432，453，000元",
            "共支出",
        ),
        # Heilongjiang 2026: the noun after a percentage that opens no noun phrase the rules read
        ("保交房项目提前3个月实现100%交付，政府", "100%", "交付"),
    ],
)
def test_chooser_names_the_thing_the_rules_miss(text, quantity, thing):
    assert _rules_only(text)[quantity] is None
    assert _things(text)[quantity] == thing


def test_chooser_runs_only_where_the_rules_name_nothing():
    text = "国内生产总值比上年增长5%，城镇新增就业1256万人，过去5年，粮食产量1.4万亿斤。"
    assert _things(text) == _rules_only(text)
    # a span of time keeps no thing and stays a span: the chooser never runs on one
    assert [(m.text, m.kind, m.thing) for m in find_metrics(text) if m.kind == "span"] == [
        ("5年", "span", None)
    ]


def test_candidates_have_exact_offsets_and_no_digits():
    text = "1955年地方财政共收入7，443，491，000元，占预算数的102.74%；共支出6，432，453，000元。"
    start = text.index("6，432")
    found = candidates(text, start, text.index("元", start) + 1, None, text.index("；"))
    assert found
    for c in found:
        assert text[c.start : c.end] == c.text
        assert not any(ch.isdigit() for ch in c.text)


def test_model_loads_and_scores_deterministically():
    bias, weights = load_model()
    assert math.isfinite(bias) and len(weights) > 100
    assert all(math.isfinite(w) for w in weights.values())
    raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert set(raw) == {"bias", "weights"}
    text = "保交房项目提前3个月实现100%交付，政府"
    start = text.index("100%")
    picks = {choose(text, start, start + 4, "%", 0) for _ in range(3)}
    assert len(picks) == 1
    rows = explain(text, start, start + 4, "%", 0)
    assert rows[0]["thing"] == "交付" and rows[0]["evidence"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_training_script_reproduces_the_shipped_weights():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import train_thing
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert train_thing.model_json() == MODEL_PATH.read_text(encoding="utf-8")
    assert train_thing.stacked_json() == STACKED_PATH.read_text(encoding="utf-8")


def test_learned_things_keep_spans_and_change_only_things():
    """The opt-in stacked chooser: same metrics, same offsets and kinds; the thing from its clause."""
    text = (
        "城乡居民基础养老金调增19.6%，地产品出口增长15%，全省小型水库除险加固1.5万座。"
        "今年地方财政共支出6，432，453，000元，占预算数的94.35%。"
    )
    found = find_metrics(text)
    learned = learned_things(text, found)
    assert [(m.start, m.end, m.kind, m.value) for m in learned] == [
        (m.start, m.end, m.kind, m.value) for m in found
    ]
    for m in learned:
        assert m.thing is None or m.thing in text
    bias, weights = load_model(stacked=True)
    assert (
        "is_rule" in weights and weights["is_rule"] > 0
    )  # the rules' pick is one feature, trusted


# Real dev sentences where the opt-in stacked chooser names the labelled thing and the rules do not.
@pytest.mark.parametrize(
    ("text", "quantity", "thing"),
    [
        # State Council 1956: the base of the comparison is what grew
        ("全国公路共修建8，138公里，比1954年的修建里数增长了40%。", "40%", "修建里数"),
        # Shandong 2026: the subject of 惠及 (the rules read the earlier 就业)
        (
            "城镇新增就业124.9万人，以工代赈带动就业16.4万人，新就业形态人员职业伤害保障试点惠及165.3万人。",
            "165.3万人",
            "新就业形态人员职业伤害保障试点",
        ),
        # (State Council 1959, 生活资料工业的产值在一九五八年一年中间也增长了百分之三十四: the rules name 产值 since
        # session 14, tests/test_metrics.py)
    ],
)
def test_stacked_chooser_on_real_sentences(text, quantity, thing):
    found = find_metrics(text)
    rules = {m.text: m.thing for m in found}
    learned = {m.text: m.thing for m in learned_things(text, found)}
    assert rules[quantity] != thing
    assert learned[quantity] == thing


def test_analyse_things_learned_in_the_api_and_the_command(tmp_path):
    from click.testing import CliRunner

    import reportnlp
    from reportnlp.cli import main

    gwr = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    rec = json.loads(open(gwr, encoding="utf-8").readlines()[60])  # a State Council report, as clean takes it
    doc = reportnlp.clean(rec["content"], title=rec["title"], id="r")
    rules, learned = reportnlp.analyse(doc), reportnlp.analyse(doc, things="learned")
    spans = [(m.start, m.end, m.kind) for m in rules.metrics]
    assert spans == [(m.start, m.end, m.kind) for m in learned.metrics]  # the same metrics
    changed = [(a.thing, b.thing) for a, b in zip(rules.metrics, learned.metrics) if a.thing != b.thing]
    assert changed and len(changed) < len(spans) // 2, changed  # some things re-picked, most kept
    with pytest.raises(ValueError, match="things must be one of"):
        reportnlp.analyse(doc, things="both")
    page = tmp_path / "r.jsonl"
    page.write_text(json.dumps({"id": "r", "title": rec["title"], "text": rec["content"]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")  # fmt: skip
    for how in ("rules", "learned"):
        out = tmp_path / f"{how}.jsonl"
        res = CliRunner().invoke(main, ["analyse", str(page), "-o", str(out), "--things", how, "-q"])
        assert res.exit_code == 0, res.output
        got = [m["thing"] for m in json.loads(out.read_text(encoding="utf-8"))["metrics"]]
        assert got == [m.thing for m in (rules if how == "rules" else learned).metrics]


def _exact_pick(text, m, rule, prev_end, stacked):
    """The chooser as first written: every candidate's features summed one by one, the first best wins."""
    from reportnlp.analysers.thing import _context, _features

    bias, weights = load_model(stacked=stacked)
    best = None
    context = _context(text, m.start, m.unit)
    for c in candidates(text, m.start, m.end, rule, prev_end):
        fs = _features(text, m.start, c, rule, context)
        s = bias + sum(weights.get(f, 0.0) for f in fs)
        if best is None or s > best[0]:
            best = (s, c)
    return best


def test_memoised_scoring_picks_what_the_feature_sums_pick():
    """learned_things and choose add the weights up by memoised parts (thing._pick): on two real State Council
    reports and the dev excerpts, every quantity gets the candidate that summing its features one by one
    picks, first run (memos empty) and second run (memos full)."""
    from reportnlp.analysers.thing import clear_caches

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from eval_analysers import SET, part_of
    finally:
        sys.path.remove(str(ROOT / "bench"))
    gwr = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    lines = open(gwr, encoding="utf-8").readlines()
    texts = [json.loads(lines[i])["content"] for i in (5, 66)]
    for line in (SET / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if part_of(rec["file"]) == "dev":
            texts.append((SET / rec["file"]).read_text(encoding="utf-8"))
    assert len(texts) > 20
    # the fuzz harness's slowest input (session 11), cut: every quantity a tie, scored again from its spans
    texts.append(("在在\ufeff在三点五万" * 40)[:280])
    checked = unnamed = 0
    for run in (0, 1):
        if run == 0:
            clear_caches()
        for text in texts:
            found = find_metrics(text)
            learned = learned_things(text, found)
            prev_end = 0
            for m, lm in zip(found, learned):
                if m.kind == "quantity":
                    best = _exact_pick(text, m, m.thing, prev_end, stacked=True)
                    assert lm.thing == (best[1].text if best else m.thing), (m.text, text[:30])
                    best = _exact_pick(text, m, None, prev_end, stacked=False)
                    got = choose(text, m.start, m.end, m.unit, prev_end)
                    want = best[1] if best and best[0] >= 0.0 else None
                    assert got == want, (m.text, text[:30])
                    checked += 1
                    unnamed += got is None
                prev_end = m.end
    assert checked > 1000 and 0 < unnamed < checked


def test_part_scores_are_the_feature_sums():
    """Every candidate's score added up by memoised parts (thing._part_scores) is the sum of the weights of its
    features (thing.features), both models, on a real State Council report: the parts hold every feature."""
    from reportnlp.analysers.thing import _context, _features, _part_scores, _scorer

    gwr = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
    text = json.loads(open(gwr, encoding="utf-8").readlines()[40])["content"]
    n = 0
    for stacked in (False, True):
        model = _scorer(stacked)
        bias, weights = load_model(stacked=stacked)
        prev_end = 0
        for m in find_metrics(text):
            rule = m.thing if stacked else None
            parts = sorted(
                _part_scores(model, text, m.start, m.end, m.unit, rule, prev_end),
                key=lambda x: (x[1], x[2]),
            )
            context = _context(text, m.start, m.unit)
            cands = candidates(text, m.start, m.end, rule, prev_end)
            assert [(a, b, tags) for _, a, b, tags in parts] == [(c.start, c.end, c.tags) for c in cands]
            for (score, *_), c in zip(parts, cands):
                fs = _features(text, m.start, c, rule, context)
                assert score == pytest.approx(bias + sum(weights.get(f, 0.0) for f in fs), abs=1e-9)
                n += 1
            prev_end = m.end
    assert n > 500


def test_gate_reads_the_rules_pick_by_the_choosers_word_features():
    """bench/train_thing.py's gate (how far to trust the rules' pick) sees the pick by the features of its own
    characters, the same as the chooser's (``thing._features``), on every pick of the rules in a real report."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import train_thing
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from reportnlp.analysers.thing import Candidate, _context, _features

    words = (
        "len:", "last:", "last2:", "first:", "starts_with_end_word", "holds_end_word", "ends_in_change",
        "starts_with_opening", "is_verb", "holds_numeral", "noun_last", "has_verb", "has_de",
    )  # fmt: skip
    text = (ROOT / "corpora" / "analysers-real" / "reports" / "gwr2011.txt").read_text(
        encoding="utf-8"
    )
    picks = {m.thing for m in find_metrics(text) if m.kind == "quantity"}
    assert len(picks) >= 10
    for rule in picks:
        if not rule:
            assert train_thing.gate_features(rule) == ["g:none"]
            continue
        c = Candidate(0, len(rule), rule, ("c0", "s:clause", "e:at_number"))
        expected = {
            f
            for f in _features(rule, len(rule), c, rule, _context(rule, 0, None))
            if f.startswith(words)
        }
        assert set(train_thing.gate_features(rule)) == expected, rule
