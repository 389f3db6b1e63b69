"""Fuzzing every stage with hypothesis: no exception, exact offsets, ``clean`` idempotent, bounded time.

Inputs: random Unicode (lone surrogates included), report-like Chinese made of fragments (masks such as
``××市``, ``xx次``, ``202x年``, ``***``; pinyin annotations; mojibake; full-width forms; zero-width and
control characters; document numbers; numbers and slogans), the same encoded in every supported encoding
and cut at a random byte, and long inputs (up to 100 kB) that repeat a random piece.

Profiles (``HYPOTHESIS_PROFILE``): ``quick`` (default, in the test suite: 10 examples a stage, 2 for the
slow ones; the 100 kB stages are marked ``slow``) and ``long`` (10,000 examples a stage). ``bench/fuzz.py``
runs the same checks and counts crashes, hangs and invariant violations per stage instead of stopping at
the first.

A call is a hang when it takes over ``FUZZ_LIMIT`` seconds of CPU time (default 1 s for inputs up to
100 kB, times ``FUZZ_MARGIN``, default 3, for a slow or shared machine), not counting the garbage collector's
time during the call; each function's first call, which loads its tables, is not timed.
"""

from __future__ import annotations

import gc
import json
import os
import time
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportnlp import clean
from reportnlp.analysers.headings import find_headings
from reportnlp.analysers.metrics import find_metrics
from reportnlp.analysers.placeholders import find_placeholders
from reportnlp.analysers.slogans import find_slogans
from reportnlp.analysis import analyse
from reportnlp.boilerplate.classify import decide_lines
from reportnlp.codes import ACTIONS, BLANK, DROP
from reportnlp.errors import InputError
from reportnlp.normalise import normalise_newlines, strip_invisible
from reportnlp.normalise.decode import ENCODINGS, decode
from reportnlp.normalise.edits import apply_edits
from reportnlp.normalise.mojibake import repair_mojibake
from reportnlp.normalise.pinyin import strip_pinyin
from reportnlp.normalise.script import detect_and_simplify
from reportnlp.normalise.width import normalise_width

_COMMON = dict(
    deadline=None,  # time is checked per call below, with a margin
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=False,
)
settings.register_profile("quick", max_examples=10, **_COMMON)
settings.register_profile("long", max_examples=10_000, **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
settings.load_profile(PROFILE)

LIMIT = float(os.environ.get("FUZZ_LIMIT", "1.0")) * float(os.environ.get("FUZZ_MARGIN", "3"))


class Hang(AssertionError):
    """A call over the time limit."""


_WARM: set[Any] = set()  # functions called once already: their first call loads tables, not timed
#: The slowest timed call since :func:`bench/fuzz.py` last reset it: ``[CPU seconds, function name, UTF-8
#: bytes of its input]``, over every input and over inputs of at most 100 kB (:data:`KB100`, what the issue's
#: "no input under 100 kB over 1 s" reads; the long stages also give 100,000 characters, up to 300 kB).
SLOWEST: list[Any] = [0.0, "", 0]
SLOWEST_100KB: list[Any] = [0.0, "", 0]
KB100 = 100_000


def _fn_name(fn: Any) -> str:
    """A function's name, or a callable object's class (the spaCy pipeline: ``Chinese``)."""
    return getattr(fn, "__name__", None) or type(fn).__name__


def utf8_size(args: tuple) -> int:
    """The size of a call's text and bytes arguments in UTF-8 (a lone surrogate counts 3 bytes)."""
    return sum(
        len(a.encode("utf-8", "surrogatepass")) if isinstance(a, str) else len(a)
        for a in args
        if isinstance(a, (str, bytes))
    )


_GC = [0.0, 0.0]  # [CPU seconds spent in the cyclic garbage collector, when the running collection began]


def _gc_clock(phase: str, info: dict) -> None:
    if phase == "start":
        _GC[1] = time.process_time()
    else:
        _GC[0] += time.process_time() - _GC[1]


gc.callbacks.append(_gc_clock)


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args)``, raising :class:`Hang` past the limit: CPU time of this process, so that the load
    of a shared machine does not count (a runaway loop or regex burns CPU all the same). The limit and the
    slowest call are both taken without the time the garbage collector took during the call: a full
    collection walks every object of a fuzzing process (hundreds of MB after thousands of inputs), whichever
    call triggers it (session 10: a 0.98 s clean counted 4.56 s with a collection, and was called a hang)."""
    t, g = time.process_time(), _GC[0]
    out = fn(*args, **kwargs)
    took = time.process_time() - t
    first = fn not in _WARM
    _WARM.add(fn)
    net = took - (_GC[0] - g)
    if not first and (net > SLOWEST[0] or net > SLOWEST_100KB[0]):
        size = utf8_size(args)
        record = [net, _fn_name(fn), size]
        if net > SLOWEST[0]:
            SLOWEST[:] = record
        if net > SLOWEST_100KB[0] and size <= KB100:
            SLOWEST_100KB[:] = record
    if net > LIMIT and not first:  # a full collection of the fuzzing process's heap is not the call's
        size = sum(len(a) for a in args if isinstance(a, (str, bytes)))
        raise Hang(f"{_fn_name(fn)} took {net:.2f} s on {size} characters ({took:.2f} s with the GC)")
    return out


# --- inputs ---------------------------------------------------------------------------------------
FRAGMENTS = [
    "××市", "××县", "xx次", "XX镇", "202x年", "20xx年", "***", "○○", "×××同志", "某某",
    "今年以来", "我们", "坚持", "全面推进", "乡村振兴、", "“三农”", "两个确保", "四个意识",
    "。", "，", "、", "；", "：", "！", "？", "“", "”", "（", "）", "(", ")", "《", "》", "〔", "〕",
    "一、", "（一）", "1.", "(1)", "第一章", "二是", "\n", "\n\n", "\r\n", "\r", "\u3000\u3000", " ", "\t",
    "来(lái)", "F(xiàn)", "日?qǐng)?bào)", "（ｌáｉ）", "(l\u200bái)", "。ㄒ唬┮庾R", "┬", "┮", "\ufffd", "?",
    "\ue427", "ㄒ", "城南政发〔2024〕3号", "版权所有：上派范文网", "来源：网友投稿", "时间：2024-02-09",
    "3.5万", "三点五万", "共有三点五万人", "增长5.2%", "９９９", "1,256万元", "9" * 30, "一二三四五",
    "ＧＤＰ", "１２３", "Ａｂｃ", "\u200b", "\u200d", "\ufeff", "\u00ad", "\x1b", "\x00", "\x7f", "\x85",
    "\u2028", "\u202e", "\ud83d", "\udc00", "😀", "𠀀", "關於", "經濟發展", "著", "乾", "PM2.5", "GDP",
    "<p>", "&nbsp;", "http://x.cn/a?b=1", "上一篇", "下一篇", "返回顶部", "打印本页", "【字体：大 中 小】",
]  # fmt: skip
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY_CHAR = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
)
piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(CJK, min_size=1, max_size=12))
report_text = st.lists(piece, max_size=60).map("".join)
random_text = st.text(ANY_CHAR, max_size=200)
texts = st.one_of(report_text, random_text, st.tuples(report_text, random_text).map("".join))


def _encode(text: str, enc: str) -> bytes:
    return text.encode(enc, "ignore" if enc in ("gb18030", "big5") else "surrogatepass")


@st.composite
def raw_bytes(draw) -> bytes:
    """Text in any supported encoding (BOM or not), perhaps cut at a random byte; or random bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=300))
    text = draw(texts)
    enc = draw(st.sampled_from([*ENCODINGS, "utf-16"]))
    data = _encode(text, enc)
    if data and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def long_text(draw) -> str:
    """A random piece repeated (where quadratic or backtracking patterns show) to 2,000, 20,000 or 100,000
    characters, or to at most 100 kB in UTF-8 (100,000 characters of Chinese are ~300 kB)."""
    unit = draw(st.one_of(report_text, random_text).filter(bool))
    size = draw(st.sampled_from([2_000, 20_000, 100_000, "100 kB"]))
    if size == "100 kB":
        text = unit * (KB100 // len(unit) + 1)
        sizes = list(accumulate(len(c.encode("utf-8", "surrogatepass")) for c in text))
        return text[: bisect_right(sizes, KB100)]
    return (unit * (size // len(unit) + 1))[:size]


# --- checks (shared with bench/fuzz.py) ------------------------------------------------------------
def check_decode(data: bytes) -> None:
    try:
        text, enc = timed(decode, data)
    except InputError:
        return
    assert isinstance(text, str) and enc in ENCODINGS


def _check_step(step: Callable, text: str, *, keeps_lines: bool = True) -> None:
    out, edits = timed(step, text)
    assert apply_edits(text, edits) == out, "edits do not replay"
    if keeps_lines:
        assert out.count("\n") == text.count("\n"), "a line was added or removed"


def check_newlines(text: str) -> None:
    _check_step(normalise_newlines, text, keeps_lines=False)


def _lf(text: str) -> str:
    return normalise_newlines(text)[0]


def check_invisible(text: str) -> None:
    _check_step(strip_invisible, _lf(text))
    out = strip_invisible(_lf(text))[0]
    out.encode("utf-8")  # no lone surrogate left


def check_pinyin(text: str) -> None:
    _check_step(strip_pinyin, _lf(text))


def check_mojibake(text: str) -> None:
    _check_step(repair_mojibake, _lf(text))


def check_script(text: str) -> None:
    text = _lf(text)
    _script, out, edits = timed(detect_and_simplify, text)
    assert apply_edits(text, edits) == out


def check_width(text: str) -> None:
    _check_step(normalise_width, _lf(text))


def check_lines(text: str) -> None:
    lines = _lf(text).split("\n")
    decisions = timed(decide_lines, lines)
    assert [d.line for d in decisions] == list(range(1, len(lines) + 1))
    for d in decisions:
        assert d.action in (*ACTIONS, BLANK)
        assert d.action != DROP or d.reason


def _spans_exact(text: str, spans) -> None:
    for s in spans:
        assert text[s.start : s.end] == s.text, f"span {s.start}:{s.end} is not {s.text!r}"


def check_placeholders(text: str) -> None:
    _spans_exact(text, timed(find_placeholders, text))


def check_metrics(text: str) -> None:
    _spans_exact(text, timed(find_metrics, text))


def check_slogans(text: str) -> None:
    _spans_exact(text, timed(find_slogans, text))


def check_headings(text: str) -> None:
    _spans_exact(text, timed(find_headings, text))


def check_clean(text: str) -> None:
    doc = timed(clean, text)
    doc.text.encode("utf-8")
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    if doc.text:
        assert timed(clean, doc.text).text == doc.text, "clean is not idempotent"


def check_clean_bytes(data: bytes) -> None:
    try:
        doc = timed(clean, data)
    except InputError:
        return
    doc.text.encode("utf-8")


def _page(text: str) -> bytes:
    """``text`` as a small HTML page (split into paragraphs at its line breaks), in UTF-8."""
    body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    page = f"<html><head><title>{text[:20]}</title></head><body>{body}</body></html>"
    return page.encode("utf-8", "surrogatepass")


def check_clean_html(text: str) -> None:
    check_clean_bytes(_page(text))


def check_analyse(text: str) -> None:
    a = timed(analyse, text)
    for kind in ("placeholders", "metrics", "slogans", "headings"):
        _spans_exact(text, getattr(a, kind))
    json.dumps(a.to_dict(), ensure_ascii=False)


@lru_cache(maxsize=1)
def _nlp():
    from reportnlp.analysers.nlp import load

    return load()


def check_spacy(text: str) -> None:
    try:
        doc = timed(_nlp(), text)
    except InputError:
        assert any("\ud800" <= c <= "\udfff" for c in text), "only a lone surrogate may be refused"
        return
    assert doc.text == text
    for key in doc.spans:
        for span in doc.spans[key]:
            assert text[span.start_char : span.end_char] == span.text


def check_cli(files: list[tuple[str, bytes]]) -> None:
    """``reportnlp clean`` on a folder of random files: exit 0 or 1, never a traceback; every input
    is either written or named in an error (and a run that wrote no document writes no file)."""
    import tempfile
    from pathlib import Path

    from reportnlp.cli import main
    from reportnlp.readers.tabular import table_delimiter

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp, "in")
        d.mkdir()
        for name, data in files:
            (d / name).write_bytes(data)
        out = Path(tmp, "out.jsonl")
        t = time.process_time()
        res = CliRunner().invoke(main, ["clean", str(d), "-o", str(out), "-q"])
        if time.process_time() - t > LIMIT * max(1, len(files)):
            raise Hang(f"clean on {len(files)} files took {time.process_time() - t:.2f} s")
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            raise res.exception
        assert res.exit_code in (0, 1), res.output
        # a run that wrote no document (every input failed, or none held one) writes no file at all
        written = (
            [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            if out.exists()
            else []
        )
        failed = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
        # a .txt whose first line is a TAB-separated header naming its text column is a table (Excel's
        # "Unicode text"), one document a row: its count is the reader's, so only a lower bound is checked
        tables = [name for name, data in files if name.endswith(".txt") and table_delimiter(data, None, "\t")]
        docs = sum(
            1 if name.endswith(".txt") else sum(1 for ln in data.split(b"\n") if ln.strip())
            for name, data in files
            if name not in tables
        )
        if tables:
            assert len(written) + len(failed) >= docs, res.output
        else:
            assert len(written) + len(failed) == docs, res.output
        assert out.exists() == bool(written), res.output
        assert (res.exit_code == 1) == (bool(failed) or not written), res.output


def _jsonl_line(text: str, n: int) -> bytes:
    return (json.dumps({"id": f"d{n}", "text": text}) + "\n").encode("ascii")


cli_files = st.lists(
    st.one_of(
        raw_bytes().map(lambda b: ("txt", b)),
        st.lists(texts, min_size=1, max_size=3).map(
            lambda ts: ("jsonl", b"".join(_jsonl_line(t, i) for i, t in enumerate(ts)))
        ),
    ),
    min_size=1,
    max_size=3,
).map(lambda fs: [(f"f{i}.{kind}", data) for i, (kind, data) in enumerate(fs)])

#: stage -> (strategy, check): the same table drives the tests and bench/fuzz.py
STAGES: dict[str, tuple[Any, Callable[[Any], None]]] = {
    "decode": (raw_bytes(), check_decode),
    "newlines": (texts, check_newlines),
    "invisible": (texts, check_invisible),
    "pinyin": (texts, check_pinyin),
    "mojibake": (texts, check_mojibake),
    "script": (texts, check_script),
    "width": (texts, check_width),
    "line_decisions": (texts, check_lines),
    "placeholders": (texts, check_placeholders),
    "metrics": (texts, check_metrics),
    "slogans": (texts, check_slogans),
    "headings": (texts, check_headings),
    "clean": (texts, check_clean),
    "clean_bytes": (raw_bytes(), check_clean_bytes),
    "clean_html": (texts, check_clean_html),
    "analyse": (texts, check_analyse),
    "spacy": (texts, check_spacy),
    "cli": (cli_files, check_cli),
    # long inputs: each stage that reads a whole document, on up to 100 kB
    "long_mojibake": (long_text(), check_mojibake),
    "long_clean": (long_text(), lambda t: timed(clean, t)),
    "long_analyse": (long_text(), lambda t: timed(analyse, t)),
    "long_spacy": (long_text(), check_spacy),
}
LONG = {name for name in STAGES if name.startswith("long_")}


def _analysers_fixed() -> bool:
    """Issue 15 item 2 (``三点五万``: KeyError) and 9 (``'9' * 8000``: quadratic) are fixed on the
    analysers' branch; until it is merged, the stages that run find_metrics may fail here."""
    try:
        find_metrics("共有三点五万人")
    except KeyError:
        return False
    return True


_METRICS = {"metrics", "analyse", "spacy", "long_analyse", "long_spacy"}


def _make_test(name: str):
    strategy, check = STAGES[name]
    examples = settings().max_examples
    if name in LONG or name in ("cli", "spacy"):
        examples = max(2, examples // 5)  # slower calls: fewer examples in the quick profile

    @pytest.mark.xfail(
        name in _METRICS and not _analysers_fixed(),
        reason="find_metrics fixes are on the analysers' branch (issue 15 items 2, 9)",
        strict=False,
    )
    @pytest.mark.parametrize(
        "stage", [pytest.param(name, marks=[pytest.mark.slow] if name in LONG else [])]
    )
    @settings(max_examples=examples)
    @given(strategy)
    def test(stage, x):
        check(x)

    return test


for _name in STAGES:
    globals()[f"test_fuzz_{_name}"] = _make_test(_name)
