"""The State Council reports: the Wikisource footer goes, every body paragraph stays."""

from __future__ import annotations

import re

import pytest

from reportnlp import clean, normalise_text

_CJK = re.compile(r"[\u3400-\u9fff]")
_SPACE = re.compile(r"[\s\u200b\ufeff\u200d]+")


def source_paragraphs(content: str) -> list[tuple[str, list[int]]]:
    """The report's paragraphs as the source has them, with their line numbers: blank-line blocks before
    the Wikisource public-domain template (whose first line starts 本作品), lines joined."""
    paras: list[tuple[str, list[int]]] = []
    block: list[tuple[int, str]] = []
    for n, line in enumerate(content.split("\n"), start=1):
        if line.startswith("本作品"):
            break
        text = line.strip(" \t\u3000\u200b\u200d")
        if text:
            block.append((n, text))
        elif block:
            paras.append(("".join(t for _, t in block), [m for m, _ in block]))
            block = []
    if block:
        paras.append(("".join(t for _, t in block), [m for m, _ in block]))
    return paras


def test_footer_dropped_from_every_record(gwr_records):
    with_footer = [r for r in gwr_records if "公有领域" in r["content"]]
    assert len(with_footer) >= 60
    for rec in with_footer:
        doc = clean(rec["content"], id=rec["url"], title=rec["title"])
        assert "公有领域" not in doc.text and "Public domain" not in doc.text, rec["title"]
        assert "维基文库" not in doc.text and not doc.text.endswith("false")
        reasons = {d.reason for d in doc.dropped}
        assert "public_domain_footer" in reasons, rec["title"]


def test_no_body_paragraph_lost(gwr_records):
    """Every source paragraph is an output paragraph, except the speech header (title, dateline, speaker),
    which must come out as title and metadata lines, never dropped."""
    lost, header = [], []
    for rec in gwr_records:
        doc = clean(rec["content"], id=rec["url"], title=rec["title"])
        actions = {d.line: d.action for d in doc.lines}
        # a source paragraph may come out as several (a heading line split from its text), never lose text
        out = "".join(_SPACE.sub("", p.text) for p in doc.paragraphs)
        body_chars = 0
        for para, lines in source_paragraphs(rec["content"]):
            if all(actions[n] in ("title", "meta") for n in lines):
                header.append(para)
                continue
            expected = _SPACE.sub("", normalise_text(para).text)
            body_chars += len(_CJK.findall(expected))
            if expected not in out:
                lost.append((rec["title"], lines, expected[:40]))
        # nothing dropped, nothing duplicated
        assert len(_CJK.findall(doc.text)) == body_chars, rec["title"]
    assert not lost, lost[:10]
    assert len(header) <= 60 and all(len(h) <= 60 for h in header), header


@pytest.mark.parametrize("year", ["1954", "2025"])
def test_title_from_record_and_script(gwr_records, year):
    rec = next(r for r in gwr_records if r.get("year") == year)
    doc = clean(rec["content"], title=rec["title"])
    assert doc.title == rec["title"]
    assert doc.script == ("traditional" if year == "1954" else "simplified")
    assert doc.text.startswith("各位代表：")
