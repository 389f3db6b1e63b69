"""One page, any encoding: the clean output is byte-identical to the UTF-8 one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_paths

from reportnlp import clean
from reportnlp.normalise.decode import decode
from reportnlp.normalise.mojibake import repair_mojibake
from reportnlp.normalise.pinyin import strip_pinyin
from reportnlp.pipeline.writers import dumps

TRADITIONAL = ("002_17ed8b2d14d05a44", "004_d50d7a5837c946da")


def record(data) -> str:
    return dumps(clean(data, id="x").to_dict())


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_seed_in_other_encoding_gives_identical_output(path, encoding):
    text = path.read_text(encoding="utf-8")
    data = text.encode(encoding)
    decoded, detected = decode(data)
    assert decoded == text
    assert detected.replace("-sig", "").startswith(encoding.replace("-sig", "")[:6])
    assert record(data) == record(text.encode("utf-8"))


@pytest.mark.parametrize("stem", TRADITIONAL)
def test_traditional_seed_in_big5(stem):
    # Big5 has no pinyin tone letters, no GBK mojibake and no simplified characters: a Big5 page is the seed
    # as a Big5 site serves it, i.e. without annotations and damage, and only its lines Big5 can encode.
    path = next(p for p in seed_paths() if p.stem == stem)
    text, edits = strip_pinyin(path.read_text(encoding="utf-8"))
    text, _ = repair_mojibake(text, pinyin_edits=edits)
    lines = []
    for line in text.split("\n"):
        try:
            line.encode("big5")
            lines.append(line)
        except UnicodeEncodeError:
            pass
    text = "\n".join(lines)
    assert len(text) > 2000
    decoded, detected = decode(text.encode("big5"))
    assert (decoded, detected) == (text, "big5")
    assert record(text.encode("big5")) == record(text.encode("utf-8"))


def test_a_word_or_pdf_file_given_to_clean_says_where_it_is_read():
    import reportnlp
    from reportnlp.errors import InputError

    real = Path(__file__).resolve().parent / "fixtures" / "real_inputs"
    for name, what in (("2025_beijing_report.docx", r"\.docx"), ("2025_beijing_report_p1-4.pdf", r"\.pdf")):
        with pytest.raises(InputError, match=f"{what}.*clean_files"):
            reportnlp.clean((real / name).read_bytes())
