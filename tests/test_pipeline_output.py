"""How a run writes its output: the fast JSON encoder, the pool kept between passes, and the output
assembled from the parts while the workers run (issue 14)."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest
from conftest import GWR
from hypothesis import given, settings
from hypothesis import strategies as st

from reportnlp.pipeline import driver, writers
from reportnlp.pipeline.executors import ProcessExecutor, SerialExecutor
from reportnlp.pipeline.writers import dumps, dumps_line


def reference(obj) -> bytes:
    return (dumps(obj) + "\n").encode("utf-8")


@pytest.mark.skipif(writers.orjson is None, reason="orjson not installed")
def test_dumps_line_is_dumps_on_real_records(monkeypatch):
    """State Council reports as clean writes them, and every character but the three json leaves raw
    and we escape, through orjson alone (json is not called)."""
    from reportnlp.cleaning import clean

    with open(GWR, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh][:12]
    chars = "".join(
        chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and c not in (0x85, 0x2028, 0x2029)
    )
    objs = [clean(r["content"], title=r["title"], id=r["title"]).to_dict() for r in recs]
    objs.append({"text": chars, "fields": {"year": 2025, "tags": ["报告", None, True]}})
    expected = [reference(o) for o in objs]

    def no_json(obj):
        raise AssertionError("the json path was taken")

    monkeypatch.setattr(writers, "dumps", no_json)
    assert [dumps_line(o) for o in objs] == expected


@pytest.mark.skipif(writers.orjson is None, reason="orjson not installed")
def test_dumps_line_uses_orjson_only_where_it_writes_the_same():
    # what orjson refuses or writes otherwise goes through json, so the bytes are the same
    odd = [
        {"id": "b\ud83d", "text": "正文"},  # a lone surrogate: escaped
        {"text": "甲\u2028乙\x85丙"},  # line breaks of str.splitlines: escaped
        {"n": 2**70},  # past 64 bits
        {"fields": {"score": 1e-05, "big": 1e16}},  # the user's floats keep json's form
        {"fields": {"when": "2025-01-01", "n": [1, {"k": None}]}},
        {"fields": {1: "a key that is no string"}},
    ]
    for obj in odd:
        assert dumps_line(obj) == reference(obj)

    class Text(str):
        pass

    assert dumps_line({"t": Text("子类")}) == reference({"t": Text("子类")})
    with pytest.raises(TypeError):  # what json cannot write, dumps_line refuses too
        dumps_line({"fields": {"when": datetime.date(2025, 1, 1)}})
    with pytest.raises(TypeError):
        dumps({"fields": {"when": datetime.date(2025, 1, 1)}})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), json_values, max_size=5), json_values)
def test_dumps_line_equals_dumps_on_any_json(record, fields):
    record["fields"] = fields
    assert dumps_line(record) == reference(record)


def _pid(_):
    return os.getpid()


def test_the_pool_lives_from_the_first_map_to_close():
    ex = ProcessExecutor(2)
    first = {pid for _, pid in ex.map(_pid, list(range(6)))}
    second = {pid for _, pid in ex.map(_pid, list(range(6)))}
    assert first == second and os.getpid() not in first  # the scan and process passes share them
    workers = list(ex._pool)
    ex.close()
    assert not ex._pool and all(not w.proc.is_alive() for w in workers)
    third = {pid for _, pid in ex.map(_pid, list(range(4)))}
    assert third and not third & first  # new workers after close
    stopped = ex.map(_pid, list(range(6)))
    next(stopped)
    stopped.close()  # a map stopped early ends its workers
    assert not ex._pool
    ex.close()


class ReversedExecutor(SerialExecutor):
    """Finishes the tasks last to first: the output must still be in input order."""

    workers = 2

    def map(self, fn, args):
        for i in reversed(range(len(args))):
            yield i, fn(args[i])


def test_output_is_assembled_in_input_order_while_parts_finish(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(GWR, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        for line in list(fh)[:8]:
            out.write(line)
    ref, rev = tmp_path / "serial.jsonl", tmp_path / "reversed.jsonl"
    kw = dict(partition_size=50_000, corpus_signal="off")
    driver.run_to_output("clean", [str(src)], str(ref), SerialExecutor(), **kw, explain=str(ref) + ".x")
    seen = []
    real = driver.Concatenation.append

    def spy(self, path):
        seen.append(Path(path).name)
        return real(self, path)

    driver.Concatenation.append = spy
    try:
        driver.run_to_output(
            "clean", [str(src)], str(rev), ReversedExecutor(), **kw, explain=str(rev) + ".x"
        )
    finally:
        driver.Concatenation.append = real
    assert ref.read_bytes() == rev.read_bytes()
    assert Path(str(ref) + ".x").read_bytes() == Path(str(rev) + ".x").read_bytes()
    parts = [n for n in seen if not n.endswith(".explain.jsonl")]
    assert len(parts) > 2 and parts == sorted(parts)  # appended in input order, not finishing order
    assert [json.loads(line)["title"] for line in rev.open(encoding="utf-8")] == [
        json.loads(line)["title"] for line in list(open(GWR, encoding="utf-8"))[:8]
    ]


def test_concatenation_without_copy_file_range(tmp_path, monkeypatch):
    parts = []
    for i in range(3):
        p = tmp_path / f"p{i}"
        p.write_bytes(f"第{i}部分\n".encode() * (50_000 * (i + 1)))
        parts.append(p)
    driver.concat_files(parts, str(tmp_path / "kernel.jsonl"))

    def refuse(*a, **k):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    driver.concat_files(parts + [tmp_path / "missing"], str(tmp_path / "memory.jsonl"))
    expected = b"".join(p.read_bytes() for p in parts)
    assert (tmp_path / "kernel.jsonl").read_bytes() == expected
    assert (tmp_path / "memory.jsonl").read_bytes() == expected
