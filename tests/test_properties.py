"""Properties of clean() on any text: it never raises, it is idempotent, its offsets are valid."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportnlp import clean
from reportnlp.normalise.edits import apply_edits

# Text that looks like scraped reports: CJK, Chinese punctuation, masks, pinyin, brackets, mojibake
# characters, spaces of every width, newlines and boilerplate words, mixed with arbitrary Unicode.
PIECES = st.sampled_from(
    [
        "关于",
        "工作",
        "汇报",
        "宣讲",
        "。",
        "，",
        ",",
        "、",
        "“",
        "”",
        "(",
        ")",
        "（一）",
        "一、",
        "1.",
        "××",
        "xx",
        "202x年",
        "***",
        "某市",
        "來(lái)",
        "F(xiàn)",
        "。ㄒ唬┮庾R",
        "\ue427",
        "?",
        "!",
        "\u3000\u3000",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u200b",
        "版权所有",
        "ICP备",
        "推荐访问:",
        "相关文章",
        "来源:",
        "2024-02-09",
        "Powered by",
        "|",
        ">",
        "本作品",
        "公有领域",
        "法律",
        "Ａ１",
        "乾安县",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=80).map("".join),
    # a text that reads as a file's name is still a text (``clean("0.JSON")`` raised until session 14)
    st.tuples(st.text(max_size=12), st.sampled_from([".JSON", ".html", ".docx", ".jsonl.gz", ".csv"])).map(
        "".join
    ),
)
# the warning a file's name gets is tested in tests/test_ux7_inputs.py
pytestmark = pytest.mark.filterwarnings("ignore:clean got .* which reads as a file's name")
SETTINGS = settings(
    max_examples=int(os.environ.get("REPORTNLP_HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(TEXT)
def test_clean_never_raises_and_offsets_are_valid(text):
    doc = clean(text)
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
        assert p.lines and all(1 <= n <= len(doc.lines) for n in p.lines)
    assert "\n\n".join(p.text for p in doc.paragraphs) == doc.text
    assert len(doc.lines) == text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


@SETTINGS
@given(TEXT)
def test_edits_replay_to_the_output(text):
    doc = clean(text)
    current = text
    steps = []
    for e in doc.edits:
        if not steps or steps[-1][0] != e.step:
            steps.append((e.step, []))
        steps[-1][1].append(e)
    joined = False  # the steps after the paragraph step (script again) refer to the clean text
    for step, edits in steps:
        if step == "paragraphs":
            lines = current.split("\n")
            kept = "\n\n".join(lines[d.line - 1].strip() for d in doc.lines if d.action == "keep")
            current = apply_edits(kept, edits)
            joined = True
            continue
        for e in edits:
            assert current[e.start : e.end] == e.before
        current = apply_edits(current, edits)
    if not joined:
        lines = current.split("\n")
        current = "\n\n".join(lines[d.line - 1].strip() for d in doc.lines if d.action == "keep")
    assert current == doc.text


@SETTINGS
@given(TEXT)
def test_clean_is_idempotent_on_its_own_output(text):
    doc = clean(text)
    again = clean(doc.text, title=doc.title)
    assert again.text == doc.text
