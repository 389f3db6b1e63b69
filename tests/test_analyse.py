"""The analysis layer end to end: analyse(), the spaCy pipeline, frames and ``reportnlp analyse``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, seed_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import TEXT

import reportnlp
from reportnlp.analysis import KINDS
from reportnlp.cli import main

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def seed_docs():
    return {p.stem: reportnlp.clean(p.read_bytes(), id=p.stem) for p in seed_paths()}


@pytest.fixture(scope="module")
def nlp():
    return reportnlp.load()


def _check_offsets(rec: dict) -> None:
    for kind in KINDS:
        for span in rec[kind]:
            assert rec["text"][span["start"] : span["end"]] == span["text"], (kind, span)


# --- analyse() -------------------------------------------------------------------------------------


def test_analyse_seed_record_shape(seed_docs):
    for doc in seed_docs.values():
        rec = reportnlp.analyse(doc).to_dict()
        assert rec["id"] == doc.id and rec["text"] == doc.text and rec["title"] == doc.title
        _check_offsets(rec)
        for p in rec["placeholders"]:
            assert set(p) >= {"start", "end", "text", "type"}
        for m in rec["metrics"]:
            assert set(m) >= {"start", "end", "text", "value", "qualifier", "unit", "masked"}
        for s in rec["slogans"]:
            assert set(s) >= {"start", "end", "text", "kind"}
        for h in rec["headings"]:
            assert set(h) >= {"start", "end", "level", "marker", "text"}
        json.dumps(rec)  # plain JSON types only


def test_analyse_finds_every_kind_on_the_seeds(seed_docs):
    totals = {kind: 0 for kind in KINDS}
    for doc in seed_docs.values():
        a = reportnlp.analyse(doc)
        for kind in KINDS:
            totals[kind] += len(getattr(a, kind))
    assert totals["placeholders"] == 145 - 2  # two of the 145 gold masks sit in seed 003's title
    assert all(n > 0 for n in totals.values()), totals
    title_masks = reportnlp.analyse(seed_docs["003_bd26fd21e8274dde"]).title_placeholders
    assert [p.text for p in title_masks] == ["某", "202x"]


# --- spaCy ----------------------------------------------------------------------------------------


def test_load_pipeline_components(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == [
        "report_placeholders",
        "report_metrics",
        "report_slogans",
        "report_headings",
    ]


def test_spans_match_the_plain_functions(nlp, seed_docs):
    for doc in seed_docs.values():
        sdoc = nlp(doc.text)
        assert sdoc.text == doc.text
        plain = reportnlp.analyse(doc)
        for kind in KINDS:
            reports = [s._.report for s in sdoc.spans[kind]]
            assert reports == getattr(plain, kind), kind


def test_masks_and_slogans_are_whole_tokens(nlp, seed_docs):
    """The tokenizer cuts the text at masks and slogans: their spans fall exactly on tokens."""
    n = 0
    for doc in seed_docs.values():
        sdoc = nlp(doc.text)
        for kind in ("placeholders", "slogans"):
            for span in sdoc.spans[kind]:
                if kind == "slogans" and span._.report.kind == "parallel_pair":
                    continue  # a pair is two slogan tokens and the 、 between them
                assert span.text == span._.report.text
                assert len(span) == 1, (span.text, [t.text for t in span])
                n += 1
    assert n > 150


def test_numbered_terms_are_one_token(nlp):
    doc = nlp("坚持“三会一课”制度，推进一镇一品，建好两微一端。")
    tokens = [t.text for t in doc]
    for term in ("三会一课", "一镇一品", "两微一端"):
        assert term in tokens


def test_other_kinds_align_to_token_boundaries_on_the_seeds(nlp, seed_docs):
    exact = total = 0
    for doc in seed_docs.values():
        sdoc = nlp(doc.text)
        for kind in ("metrics", "headings"):
            for span in sdoc.spans[kind]:
                total += 1
                exact += span.text == span._.report.text
    assert (
        total > 0 and exact == total
    )  # the tokenizer cuts at every result's edge (tests/test_nlp_spans.py)


def test_docs_serialise_and_run_in_worker_processes(nlp):
    """Results live in doc.user_data as plain data: to_bytes and nlp.pipe(n_process=2) keep them."""
    from spacy.tokens import Doc

    text = "今年以来，××市开展“六进”宣讲30余场次，落实“三会一课”。"
    doc = nlp(text)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for kind in KINDS:
        assert [s._.report for s in back.spans[kind]] == [s._.report for s in doc.spans[kind]]
    piped = list(nlp.pipe([text] * 4, n_process=2, batch_size=2))
    assert [s._.report for s in piped[-1].spans["metrics"]] == [
        s._.report for s in doc.spans["metrics"]
    ]


def test_factories_work_in_a_users_blank_pipeline():
    """Entry points: the components are found by name in a pipeline that did not build reportnlp's."""
    user_nlp = spacy.blank("zh")
    user_nlp.add_pipe("report_placeholders")
    user_nlp.add_pipe("report_metrics")
    doc = user_nlp("今年以来，××市开展宣讲30余场次。")
    assert [s._.report.text for s in doc.spans["placeholders"]] == ["××"]
    assert [s._.report.value for s in doc.spans["metrics"]] == [30.0]
    # the char tokenizer splits everything, so spans align here too
    assert [s.text for s in doc.spans["placeholders"]] == ["××"]


def test_rjieba_backend_matches_jieba_without_hmm(seed_docs):
    pytest.importorskip("rjieba")
    from reportnlp.analysers.segment import Segmenter

    sj, sr = Segmenter("jieba", hmm=False), Segmenter("rjieba", hmm=False)
    for doc in seed_docs.values():
        assert sj.cut(doc.text) == sr.cut(doc.text)
    nlp_r = reportnlp.load(backend="rjieba")
    tokens = [t.text for t in nlp_r("推进一镇一品，落实三会一课，××镇")]
    assert "一镇一品" in tokens and "三会一课" in tokens and "××" in tokens


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_long_pieces_are_cut_where_the_segmenter_cuts_anyway(backend, monkeypatch):
    """The State Council reports' paragraphs over ``MAX_PIECE`` characters: the same tokens as segmented whole."""
    pytest.importorskip(backend)
    import reportnlp.analysers.segment as segment

    path = (
        Path(__file__).resolve().parent.parent / "corpora" / "gwr" / "government_work_reports.jsonl"
    )
    texts = [json.loads(line)["content"] for line in path.read_text(encoding="utf-8").splitlines()]
    long_pars = [p for t in texts for p in t.split("\n") if len(p) > segment.MAX_PIECE]
    assert len(long_pars) > 200  # hard cuts at 500 would change the tokens of 95 of the 247
    seg = segment.Segmenter(backend)
    cut = [seg.cut(p) for p in long_pars]
    monkeypatch.setattr(segment, "MAX_PIECE", 10**9)
    assert cut == [seg.cut(p) for p in long_pars]
    text = "仨" * 3000  # no safe end: hard cuts, every offset still exact
    assert "".join(seg.cut(text)) == text and max(map(len, segment._pieces(text))) == 500


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ValueError, match="backend"):
        reportnlp.load(backend="pkuseg")


# --- frames ---------------------------------------------------------------------------------------


def test_frames_from_analyses_records_and_docs(nlp, seed_docs, gold, tmp_path):
    pd = pytest.importorskip("pandas")
    analyses = [reportnlp.analyse(d) for d in seed_docs.values()]
    frames = reportnlp.to_frames(analyses)
    assert list(frames.documents["id"]) == list(seed_docs)
    n_spans = sum(len(getattr(a, k)) for a in analyses for k in KINDS)
    assert len(frames.spans) == n_spans
    texts = {a.id: a.text for a in analyses}
    for row in frames.spans.itertuples():
        assert texts[row.id][row.start : row.end] == row.text
    d000 = frames.documents.set_index("id").loc["000_61eaccc42b378d20"]
    n_gold = len(gold["000_61eaccc42b378d20"]["placeholders"])  # all in the body of seed 000
    assert d000.n_placeholders == n_gold
    assert d000.placeholders_per_1k == pytest.approx(1000 * n_gold / d000.length)
    # the same frames from the JSONL records and from spaCy docs
    from_records = reportnlp.to_frames([a.to_dict() for a in analyses])
    pd.testing.assert_frame_equal(from_records.spans, frames.spans)
    sdocs = []
    for a in analyses:
        sdoc = nlp(a.text)
        sdoc.user_data.update(id=a.id, title=a.title, meta=a.meta)
        sdocs.append(sdoc)
    from_docs = reportnlp.to_frames(sdocs)
    pd.testing.assert_frame_equal(from_docs.documents, frames.documents)
    pytest.importorskip("pyarrow")
    frames.to_parquet(tmp_path / "frames")
    back = pd.read_parquet(tmp_path / "frames" / "spans.parquet")
    assert len(back) == n_spans and set(back["kind"]) == set(KINDS)


# --- CLI ------------------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, ["analyse", *args], catch_exceptions=False)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    shutil.copytree(SEEDS, d)
    return d


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_analyse_jsonl(corpus, tmp_path, seed_docs):
    out = tmp_path / "a.jsonl"
    res = run(str(corpus), "-o", str(out), "-q")
    assert res.exit_code == 0, res.output
    recs = _records(out)
    assert [r["id"] for r in recs] == sorted(seed_docs)
    for r in recs:
        assert {"id", "title", "text", "placeholders", "metrics", "slogans", "headings"} <= set(r)
        _check_offsets(r)
        assert r["text"] == seed_docs[r["id"]].text
        assert all(d["reason"] for d in r["dropped"])


def test_cli_no_clean_on_clean_output_gives_the_same_spans(corpus, tmp_path):
    cleaned = tmp_path / "clean.jsonl"
    assert CliRunner().invoke(main, ["clean", str(corpus), "-o", str(cleaned), "-q"]).exit_code == 0
    direct, again = tmp_path / "direct.jsonl", tmp_path / "again.jsonl"
    assert run(str(corpus), "-o", str(direct), "-q").exit_code == 0
    assert run(str(cleaned), "-o", str(again), "--no-clean", "-q").exit_code == 0
    for a, b in zip(_records(direct), _records(again)):
        assert a["meta"] == b["meta"]
        for kind in KINDS:
            assert a[kind] == b[kind]


def test_cli_parallel_output_is_byte_identical(corpus, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(str(corpus), "-o", str(one), "-q").exit_code == 0
    assert run(str(corpus), "-o", str(two), "-q", "--jobs", "2").exit_code == 0
    assert hashlib.sha256(one.read_bytes()).digest() == hashlib.sha256(two.read_bytes()).digest()


def test_cli_bad_input_is_reported_and_the_rest_written(corpus, tmp_path):
    (corpus / "broken.jsonl").write_bytes(
        b'{"id": "ok", "text": "\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb"}\n{bad\n'
    )
    out = tmp_path / "a.jsonl"
    res = CliRunner().invoke(main, ["analyse", str(corpus), "-o", str(out)])
    assert res.exit_code == 1
    assert "broken.jsonl:2" in res.output
    ids = [r["id"] for r in _records(out)]
    assert "ok" in ids and len(ids) == 6


def test_cli_parquet_and_frames(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    res = run(str(corpus), "-o", str(tmp_path / "a.parquet"), "--frames", str(tmp_path / "f"), "-q")
    assert res.exit_code == 0
    table = pd.read_parquet(tmp_path / "a.parquet")
    assert len(table) == 5
    docs = pd.read_parquet(tmp_path / "f" / "documents.parquet")
    assert docs["n_placeholders"].sum() == 143


def test_cli_rejects_other_outputs(corpus, tmp_path):
    res = CliRunner().invoke(main, ["analyse", str(corpus), "-o", str(tmp_path / "dir")])
    assert res.exit_code != 0


# --- properties -----------------------------------------------------------------------------------

SETTINGS = settings(
    max_examples=int(os.environ.get("REPORTNLP_HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(st.one_of(TEXT, TEXT.map(lambda t: reportnlp.clean(t).text)))
def test_no_analyser_raises_and_offsets_slice(text):
    rec = reportnlp.analyse(text).to_dict()
    _check_offsets(rec)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_spacy_pipeline_never_raises_and_keeps_the_text(text):
    doc = _NLP()(text)
    assert doc.text == text
    for kind in KINDS:
        for span in doc.spans[kind]:
            r = span._.report
            assert text[r.start : r.end] == r.text
            assert span.start_char <= r.start and r.end <= span.end_char


_CACHE: dict = {}


def _NLP():  # noqa: N802 - a cached pipeline for hypothesis (fixtures are per test function)
    if "nlp" not in _CACHE:
        _CACHE["nlp"] = reportnlp.load()
    return _CACHE["nlp"]
