"""Acceptance on the damaged seeds: no pinyin, no mojibake residue, headings recovered, simplified only."""

from __future__ import annotations

import re

import opencc
import pytest
from conftest import SEEDS

from reportnlp import clean

DAMAGED = ["002_17ed8b2d14d05a44", "004_d50d7a5837c946da"]
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
RESIDUE = re.compile(
    r"[\u3100-\u312f\u2500-\u257f\ue000-\uf8ff\u2e80-\u2eff\ufffd]|(?<=[\u4e00-\u9fff])\?|\?!"
)


@pytest.fixture(scope="module", params=DAMAGED)
def doc(request):
    return clean((SEEDS / f"{request.param}.txt").read_bytes(), id=request.param)


def test_no_pinyin_and_no_mojibake_residue(doc):
    for text in (doc.text, doc.title or ""):
        assert not PINYIN.search(text)
        assert not RESIDUE.search(text), RESIDUE.search(text)


def test_no_traditional_character_left(doc):
    converter = opencc.OpenCC("t2s")
    assert converter.convert(doc.text) == doc.text
    assert converter.convert(doc.title or "") == (doc.title or "")


def test_seed_002_headings_in_order():
    doc = clean((SEEDS / "002_17ed8b2d14d05a44.txt").read_bytes())
    markers = re.findall(r"^（([一二三四五六七])）", doc.text, re.M)
    assert markers == list("一二三四五六七")
    assert "现将有关情况汇报如下" in doc.text and "（一）意识形态" in doc.text


def test_seed_004_damaged_sentence_repaired():
    doc = clean((SEEDS / "004_d50d7a5837c946da.txt").read_bytes())
    assert "宣扬党的方针政策。“三句半”以“学习党的二十大精神" in doc.text
    assert "把书面语变为“词曲谱”" in doc.text
