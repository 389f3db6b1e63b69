"""How a run writes its output: the fast JSON encoder, the pool kept between passes, and the output
assembled from the parts while the workers run (issue 14)."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest
from conftest import GWR, SEEDS
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


def _real_docs():
    """Clean documents of real pages: State Council reports with their titles (edits, paragraphs), the
    seed pages (dropped lines, metadata) and fixtures of HTML pages, as ``clean`` gives them."""
    from reportnlp.cleaning import clean

    with open(GWR, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh][:20]
    docs = [
        clean(r["content"], title=r["title"], id=r["title"], fields={"year": r.get("year")})
        for r in recs
    ]
    seeds = sorted(p for p in SEEDS.iterdir() if p.is_file())
    docs += [clean(p.read_bytes(), id=p.stem, source=str(p)) for p in seeds]
    return docs


@pytest.mark.skipif(writers.orjson is None, reason="orjson not installed")
def test_clean_doc_line_is_dumps_line_of_to_dict_on_real_documents(monkeypatch):
    """A cleaned document written from itself (orjson over its paragraphs' and edits' dataclasses, the
    escaped characters looked for in its strings) gives the bytes of its record through dumps_line, and
    takes the fast path (to_dict is not called) on every real document."""
    docs = _real_docs()
    assert sum(len(d.edits) for d in docs) > 1000 and sum(len(d.dropped) for d in docs) > 20
    expected = [dumps_line(d.to_dict()) for d in docs]
    from reportnlp.types import CleanDoc

    def no_to_dict(self):
        raise AssertionError("the slow path was taken")

    monkeypatch.setattr(CleanDoc, "to_dict", no_to_dict)
    assert [writers.clean_doc_line(d) for d in docs] == expected


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\ud83d"])
def test_clean_doc_line_escapes_as_dumps_in_every_string(char):
    """Each place of a clean record that holds a string, given a character dumps() escapes (or a lone
    surrogate): the same bytes as dumps_line(to_dict()) (a synthetic mark in a real document: the
    mechanism, each place at a time)."""
    from dataclasses import replace

    from reportnlp.types import new_edit, new_paragraph

    doc = next(d for d in _real_docs() if d.edits and d.dropped and d.meta)
    para, edit = doc.paragraphs[0], doc.edits[0]
    drop = next(i for i, d in enumerate(doc.lines) if d.action == "drop")
    lines = list(doc.lines)
    lines[drop] = replace(lines[drop], text=lines[drop].text + char)
    variants = [
        replace(doc, id=doc.id + char),
        replace(doc, title=(doc.title or "") + char),
        replace(doc, text=doc.text + char),
        replace(doc, source=(doc.source or "") + char),
        replace(doc, warnings=(*doc.warnings, "警告" + char)),
        replace(doc, meta={**doc.meta, "author": char}),
        replace(doc, meta={**doc.meta, "作者" + char: "某"}),
        replace(doc, fields={"tags": ["a", {"k": "值" + char}]}),
        replace(doc, paragraphs=(new_paragraph(0, 1, para.text + char, para.lines),)),
        replace(doc, edits=(new_edit(edit.step, 0, 1, char, edit.after, edit.reason),)),
        replace(doc, edits=(new_edit(edit.step, 0, 1, edit.before, char, edit.reason),)),
        replace(doc, lines=tuple(lines)),
    ]
    for v in variants:
        assert writers.clean_doc_line(v) == dumps_line(v.to_dict()) == reference(v.to_dict())
        assert char.encode("utf-8", "surrogatepass") not in writers.clean_doc_line(v)


def test_a_clean_result_makes_its_record_when_read():
    """clean_record's Result keeps the document; its record, json line and warnings are those of
    doc.to_dict() (made once, when read), and it pickles (a worker's results travel back so)."""
    import pickle

    from reportnlp.pipeline.readers import read_inputs
    from reportnlp.pipeline.run import Result, clean_record

    rec = next(r for r in read_inputs([str(SEEDS)]) if not isinstance(r, Exception))
    res = clean_record(rec, {})
    assert res.doc is not None and res.__dict__["_record"] is None
    assert res.record_warnings() == res.doc.warnings
    assert res.json_line() == dumps_line(res.doc.to_dict())
    assert res.__dict__["_record"] is None  # writing it made no record
    assert res.record == res.doc.to_dict() and res.record is res.record
    assert pickle.loads(pickle.dumps(res)).record == res.record
    res.record = {"id": "x"}  # a record set by hand is the one written
    assert res.json_line() == b'{"id":"x"}\n'
    assert Result("a", "b", {"k": 1}).record == {"k": 1}


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


def concat(paths, target):
    out = driver.Concatenation(target)
    for p in paths:
        out.append(p)
    out.commit()


def test_concatenation_without_copy_file_range(tmp_path, monkeypatch):
    parts = []
    for i in range(3):
        p = tmp_path / f"p{i}"
        p.write_bytes(f"第{i}部分\n".encode() * (50_000 * (i + 1)))
        parts.append(p)
    concat(parts, str(tmp_path / "kernel.jsonl"))

    def refuse(*a, **k):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    concat(parts + [tmp_path / "missing"], str(tmp_path / "memory.jsonl"))
    expected = b"".join(p.read_bytes() for p in parts)
    assert (tmp_path / "kernel.jsonl").read_bytes() == expected
    assert (tmp_path / "memory.jsonl").read_bytes() == expected


# --- what a new user met (session 8's trial): outputs named anyhow, cut archives, outputs read back ---


def run_cli(*args: str):
    from click.testing import CliRunner

    from reportnlp.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_standard_output_and_output_names(tmp_path):
    ref = tmp_path / "ref.jsonl"
    assert run_cli("clean", str(SEEDS), "-o", str(ref), "-q").exit_code == 0
    res = run_cli("clean", str(SEEDS), "-o", "-", "-q")
    assert res.exit_code == 0 and res.stdout_bytes == ref.read_bytes()
    upper = tmp_path / "Z.JSONL"  # suffixes in any case
    assert run_cli("clean", str(SEEDS), "-o", str(upper), "-q").exit_code == 0
    assert upper.is_file() and upper.read_bytes() == ref.read_bytes()
    for name in ("y.csv", "z.json", "z.jsonl.gz"):
        res = run_cli("clean", str(SEEDS), "-o", str(tmp_path / name), "-q")
        assert res.exit_code == 2 and "write OUT.jsonl" in res.output
        assert not (tmp_path / name).exists()  # refused, not made a directory
    res = run_cli("analyse", str(SEEDS), "-o", "-", "-q")
    assert res.exit_code == 0 and len(res.stdout_bytes.splitlines()) == len(list(SEEDS.glob("*.txt")))


@pytest.mark.parametrize("suffix, tool", [(".gz", "gzip"), (".bz2", "bz2"), (".xz", "lzma")])
def test_a_cut_archive_keeps_its_complete_records_and_names_the_line(tmp_path, suffix, tool):
    import importlib

    lines = open(GWR, "rb").read().splitlines(keepends=True)  # bz2 inflates by 900 kB blocks
    packed = importlib.import_module(tool).compress(b"".join(lines))
    cut = tmp_path / f"cut.jsonl{suffix}"
    cut.write_bytes(packed[: len(packed) * 2 // 3])
    out = tmp_path / "out.jsonl"
    res = run_cli("clean", str(cut), "-o", str(out), "-q")
    assert res.exit_code == 1
    got = [json.loads(line) for line in out.open(encoding="utf-8")]
    assert 0 < len(got) < len(lines)
    assert [r["title"] for r in got] == [json.loads(x)["title"] for x in lines[: len(got)]]
    assert f"cut.jsonl{suffix}:{len(got) + 1}: the compressed file ends early" in res.output


def test_a_directory_output_is_read_back_as_written(tmp_path):
    ref, folder, back = tmp_path / "ref.jsonl", tmp_path / "dir", tmp_path / "back.jsonl"
    assert run_cli("clean", str(SEEDS), "-o", str(ref), "-q").exit_code == 0
    assert run_cli("clean", str(SEEDS), "-o", str(folder) + "/", "-q").exit_code == 0
    assert run_cli("clean", str(folder), "-o", str(back), "-q").exit_code == 0
    keys = ("id", "title", "meta", "text", "source")
    want = [{k: r[k] for k in keys} for r in map(json.loads, ref.open(encoding="utf-8"))]
    got = [{k: r[k] for k in keys} for r in map(json.loads, back.open(encoding="utf-8"))]
    assert got == want and any(r["meta"] for r in got)
    # a rerun with fewer documents removes the files of the earlier run, never a file of the user's
    (folder / "notes.txt").write_text("我的笔记\n", encoding="utf-8")
    one = sorted(SEEDS.glob("*.txt"))[0]
    assert run_cli("clean", str(one), "-o", str(folder), "-q").exit_code == 0
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted([f"{one.stem}.txt", "notes.txt"])


def test_a_record_read_back_keeps_its_first_source_and_an_empty_text_is_said(tmp_path):
    three = tmp_path / "three.jsonl"
    three.write_bytes(b"".join(open(GWR, "rb").readlines()[:3]))
    first, again = tmp_path / "first.jsonl", tmp_path / "again.jsonl"
    assert run_cli("clean", str(three), "-o", str(first), "-q").exit_code == 0
    assert run_cli("clean", str(first), "-o", str(again), "-q").exit_code == 0
    sources = [json.loads(line)["source"] for line in again.open(encoding="utf-8")]
    assert sources == [f"{three}:{n}" for n in (1, 2, 3)]
    page = tmp_path / "furniture.txt"
    page.write_text("首页 > 新闻中心\n版权所有 某某网 京ICP备12345678号\n", encoding="utf-8")
    res = run_cli("clean", str(page), "-o", str(tmp_path / "f.jsonl"))
    assert res.exit_code == 0 and "no text left" in res.output


def test_a_reader_warning_is_said_once_in_the_summary_and_the_stats(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "settings.json").write_text('{"name": "x", "version": 1}', encoding="utf-8")
    (folder / "a.jsonl").write_bytes(b"".join(open(GWR, "rb").readlines()[:2]))
    stats = tmp_path / "stats.json"
    res = run_cli("clean", str(folder), "-o", str(tmp_path / "o.jsonl"), "--stats", str(stats))
    assert res.exit_code == 0 and res.output.count("settings.json: skipped") == 1
    warned = json.loads(stats.read_text(encoding="utf-8"))["warnings"]
    assert [w for w in warned if "settings.json: skipped" in w] == [
        f"{folder / 'settings.json'}: skipped: no record with a 'content' or 'text' (or 'html') field"
        " (--text-field names another)"
    ]


def test_clean_files_names_a_bad_file_as_a_reader_does(tmp_path):
    from reportnlp import clean_files
    from reportnlp.pipeline.readers import Failure

    (tmp_path / "bin.txt").write_bytes(b"abc\x00\x00def\n")
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "正文。"}\n{not json\n', encoding="utf-8")
    got = [x for x in clean_files(tmp_path) if isinstance(x, Failure)]
    where = sorted((Path(f.where).name, str(tmp_path) in f.message) for f in got)
    assert where == [("bad.jsonl:2", False), ("bin.txt:1", False)]  # file:line, the message alone


def test_standard_input_compressed_or_a_word_file(tmp_path):
    import gzip

    from click.testing import CliRunner

    from reportnlp.cli import main

    three = b"".join(open(GWR, "rb").readlines()[:3])
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(main, ["clean", "-", "-o", str(out), "-q"], input=gzip.compress(three))
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["title"] for x in out.open(encoding="utf-8")] == [
        json.loads(x)["title"] for x in three.splitlines()
    ]
    docx = Path(GWR).parent.parent.parent / "tests" / "fixtures" / "real_inputs" / "2025_beijing_report.docx"
    res = CliRunner().invoke(main, ["clean", "-", "-o", str(out), "-q"], input=docx.read_bytes())
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "2025年北京市政府工作报告"


def test_a_csv_quote_never_closed_is_an_error_not_one_swallowed_cell(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text('id,text\n1,第一篇正文。\n2,"第二篇正文，有内容。\n3,第三篇正文。\n4,第四篇。\n', encoding="utf-8")
    good = tmp_path / "good.csv"  # a quoted cell over two lines is fine
    good.write_text('id,text\n1,"第一篇\n正文，有内容。"\n2,第二篇正文。\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    res = run_cli("clean", str(bad), str(good), "-o", str(out), "-q")
    assert res.exit_code == 1
    assert "bad.csv:3: a quote opened in this row is never closed: the 3 lines" in res.output
    assert [json.loads(x)["id"] for x in out.open(encoding="utf-8")] == ["1", "1#2", "2"]


def test_metadata_a_record_states_wins_in_the_library_and_the_command_alike(tmp_path):
    import reportnlp
    from reportnlp.pipeline.readers import clean_files

    rec = json.loads(open(GWR, encoding="utf-8").readline())
    rec["meta"] = {"date": "1954-09-23", "source": "人民日报", "pages": 3}  # a number is not metadata
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    want = {"date": "1954-09-23", "source": "人民日报"}
    doc = next(iter(clean_files(path)))
    assert {k: doc.meta[k] for k in want} == want and "pages" not in doc.meta
    out = tmp_path / "out.jsonl"
    assert run_cli("clean", str(path), "-o", str(out), "-q").exit_code == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["meta"] == doc.meta
    plain = reportnlp.clean(rec["content"] if "content" in rec else rec["text"])
    assert plain.meta.get("source") != "人民日报"  # it came from the record, not the page


def test_a_page_with_no_text_left_says_so_in_its_warnings():
    import reportnlp

    doc = reportnlp.clean("首页 > 新闻中心\n版权所有 某某网 京ICP备12345678号\n")
    assert doc.text == "" and any(w.startswith("no text left") for w in doc.warnings)


def test_summary_counts_actions_and_reasons_in_line_order_on_real_documents():
    """Summary.add counts each non-blank line's action and each dropped line's reason as one loop over
    the lines does, keys in order of first appearance (the parts' stats records keep that order)."""
    from collections import Counter

    from reportnlp.pipeline.run import Result, Summary

    docs = _real_docs()
    summary, actions, dropped = Summary(), Counter(), Counter()
    for d in docs:
        summary.add(Result(d.id, d.source or "", None, d.lines, d.encoding, d.script, doc=d))
        for line in d.lines:
            if line.action != "blank":
                actions[line.action] += 1
            if line.action == "drop":
                dropped[line.reason] += 1
    assert list(summary.actions.items()) == list(actions.items()) and len(actions) >= 3
    assert list(summary.dropped.items()) == list(dropped.items()) and len(dropped) >= 5
