"""spaCy spans equal their results: ``span.start_char``/``end_char`` are ``span._.report``'s offsets, on real text.

The real text: the three 2025 provincial Word reports (Beijing read from the .docx fixture through
``reportnlp.clean_files``; Sichuan and Guangdong, the same reports' clean text, from
``corpora/structure/provincial_reports.jsonl``) and the seed pages. Before the tokenizer cut at every result's
edge, 38 of their 2,367 spans were wider than their result (the metric ``14年`` of ``14年来``, ``超92%`` as
``率超92%``) and the four-character ``毫不动摇`` inside the numbered ``两个毫不动摇`` was a copy of the outer span.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, seed_paths
from spacy.tokens import Doc

import reportnlp
from reportnlp.analysers.nlp import ReportTokenizer

pytestmark = pytest.mark.slow  # spaCy over 80,000 characters of real reports

DOCX = Path(__file__).resolve().parent / "fixtures" / "real_inputs" / "2025_beijing_report.docx"


@pytest.fixture(scope="module")
def nlp():
    return reportnlp.load()


@pytest.fixture(scope="module")
def real_texts() -> dict[str, str]:
    texts = {d.id: d.text for d in reportnlp.clean_files(DOCX)}
    with open(ROOT / "corpora" / "structure" / "provincial_reports.jsonl", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            if rec["id"] in ("2025-SC", "2025-GD"):
                texts[rec["id"]] = rec["text"]
    for p in seed_paths():
        texts[p.stem] = reportnlp.clean(p.read_bytes(), id=p.stem).text
    return texts


def test_every_span_has_its_results_offsets(nlp, real_texts):
    n = 0
    for doc_id, text in real_texts.items():
        doc = nlp(text)
        plain = reportnlp.analyse(text)
        for kind in ("placeholders", "metrics", "slogans", "headings"):
            spans = list(doc.spans[kind])
            assert len(spans) == len(getattr(plain, kind)), (doc_id, kind)
            for span in spans:
                report = span._.report
                assert (span.start_char, span.end_char) == (report.start, report.end), (
                    doc_id,
                    kind,
                    span.text,
                    report.text,
                )
                assert span.text == report.text
                n += 1
            # no duplicate: one span per (offsets, label); one text span may be two kinds (一国两制)
            keys = Counter((s.start_char, s.end_char, s.label_) for s in spans)
            assert max(keys.values(), default=1) == 1, (doc_id, kind)
    assert n > 2000


def test_nested_and_overlapping_results_on_real_sentences(nlp):
    """Guangdong 2025 (real sentences): the numbered ``两个毫不动摇`` holds the four-character ``毫不动摇``: both keep
    their offsets, the outer span over two tokens; the overlapping ``绿护绿蔚`` and ``蔚然成风`` share the token
    ``蔚``; the metric of ``为近10年来最大降幅`` is ``10年`` (the span was ``10年来``)."""
    doc = nlp("我们坚持和落实“两个毫不动摇”，对各类经营主体一视同仁。全民植绿护绿蔚然成风。")
    slogans = [(s.text, s.label_, [t.text for t in s]) for s in doc.spans["slogans"]]
    assert ("两个毫不动摇", "numbered", ["两个", "毫不动摇"]) in slogans
    assert ("毫不动摇", "four_char", ["毫不动摇"]) in slogans
    assert ("蔚然成风", "four_char", ["蔚", "然成风"]) in slogans
    doc = nlp("道路交通事故死亡人数下降18.2%、为近10年来最大降幅。")
    assert [s.text for s in doc.spans["metrics"]] == ["18.2%", "10年"]


def test_masks_and_slogans_stay_whole_tokens(nlp):
    doc = nlp("今年以来，××市开展“六进”宣讲30余场次，坚持“三会一课”制度。")
    tokens = [t.text for t in doc]
    assert "××" in tokens and "三会一课" in tokens
    assert [s.text for s in doc.spans["metrics"]] == ["30余场次"]


def test_another_tokenizer_widens_and_keeps_each_result():
    """The documented exception: a tokenizer that cannot cut at a result's edges (here one token per line) widens
    the span to the enclosing tokens; ``span._.report`` keeps the exact offsets, and two results of one label
    widened onto the same tokens are two spans told apart by ``span.id``, each with its own result."""
    nlp = reportnlp.load()

    class OneTokenPerLine:
        def __call__(self, text):
            words = text.splitlines(keepends=True)
            return Doc(nlp.vocab, words=words, spaces=[False] * len(words))

    nlp.tokenizer = OneTokenPerLine()
    text = "开展宣讲30余场次、培训20余场次。\n坚持“两个毫不动摇”。"
    doc = nlp(text)
    metrics = list(doc.spans["metrics"])
    assert [(m.text, m.id) for m in metrics] == [(text[:19], 0), (text[:19], 1)]
    assert [m._.report.text for m in metrics] == ["30余场次", "20余场次"]
    slogans = {s.label_: s for s in doc.spans["slogans"]}
    assert slogans["four_char"]._.report.text == "毫不动摇"
    assert slogans["four_char"].start_char < slogans["four_char"]._.report.start
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [m._.report.text for m in back.spans["metrics"]] == ["30余场次", "20余场次"]


def test_protect_false_widens_with_the_report_exact():
    nlp = reportnlp.load()
    nlp.tokenizer = ReportTokenizer(nlp.vocab, protect=False)
    doc = nlp("广东省连续10年来保持全国第一。")
    (metric,) = doc.spans["metrics"]
    assert metric._.report.text == "10年"
    assert metric.text.startswith("10年") and metric.end_char >= metric._.report.end
