"""The whole-process speed work of session 11 (sp11) changes how, never what: each fast path is held here to
the plain path it replaces, on real text (the State Council and CPC reports, ``corpora/gwr``) and on the
inputs where the two could part (JSON that orjson reads otherwise or refuses)."""

from __future__ import annotations

import gc
import json

import pytest
from click.testing import CliRunner
from conftest import GWR, ROOT

from reportnlp.boilerplate.corpus import count_lines, line_key, line_keys
from reportnlp.cli import main
from reportnlp.readers.jsonl import JsonlReader, _loads

CPC = ROOT / "corpora" / "gwr" / "cpc_congress_reports.jsonl"


def _texts() -> list[str]:
    out = []
    for path in (GWR, CPC):
        with open(path, encoding="utf-8") as fh:
            out += [json.loads(line)["content"] for line in fh]
    return out


def test_line_keys_are_the_keys_of_line_key_on_real_reports():
    texts = _texts()
    assert len(texts) >= 80
    for text in texts:
        lines = text.replace("\r", "\n").split("\n")
        expected = {line_key(ln) for ln in lines} - {0}
        assert line_keys(text) == expected
        assert count_lines(text) == {k: 1 for k in expected}


def test_line_keys_strip_and_blank_lines_as_line_key_does():
    text = "\ufeff相关文章\r\n\u3000相关文章\xa0\n \t\n正文。\r末行\ud83d"  # a lone surrogate too
    assert line_keys(text) == {line_key("相关文章"), line_key("正文。"), line_key("末行\ud83d")}


@pytest.mark.parametrize(
    "raw",
    [
        b'{"id":"a","text":"\xe6\xad\xa3\xe6\x96\x87"}',
        b'{"id":1,"n":123456789012345678901234567890,"text":"x"}',  # past 64 bits: orjson gives a float
        b'{"id":1,"n":-9223372036854775809,"text":"x"}',
        b'{"id":1,"n":18446744073709551615,"m":[1.5,-0.0,1e-7,1e300],"text":"x"}',
        b'{"id":"a","id":"b","text":"x"}',  # duplicate keys: the last value, the first place
        b'{"id":"a","text":"\\ud83d\\ude00 \\u2028"}',
        b'{"id":"a","meta":{"deep":[{"x":[1,2,{"y":2e400}]}]},"text":"x"}',
        b'  {"id":"a","text":"x"}\r',
    ],
)
def test_loads_reads_what_json_reads(raw):
    got = _loads(raw, False)
    want = json.loads(raw.decode("utf-8"))
    assert repr(got) == repr(want)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"id":"a","text":"\\ud83d"}',  # a lone surrogate escape: json reads it, orjson refuses
        b'{"id":"a","n":NaN,"text":"x"}',
        b'{"id":"a","n":1e400,"text":"x"}',
    ],
)
def test_loads_falls_back_to_json_where_orjson_refuses(raw):
    assert repr(_loads(raw, False)) == repr(json.loads(raw.decode("utf-8")))


def test_loads_fails_as_json_fails():
    with pytest.raises(json.JSONDecodeError):
        _loads(b'{"id":"a",', False)
    with pytest.raises(json.JSONDecodeError):
        _loads(b'\xef\xbb\xbf{"id":"a"}', False)  # a BOM past the first line
    assert _loads(b'\xef\xbb\xbf{"id":"a"}', True) == {"id": "a"}
    with pytest.raises(UnicodeDecodeError):
        _loads(b'{"id":"\xff"}', False)


def test_reader_keeps_a_big_integer_field_exact():
    data = b'{"id":"a","n":123456789012345678901234567890,"text":"\xe6\xad\xa3\xe6\x96\x87"}\n'
    (rec,) = JsonlReader().read_lines(data, "x.jsonl", "x")
    assert rec.fields["n"] == 123456789012345678901234567890
    assert type(rec.fields["n"]) is int


def test_a_run_restores_the_collector_settings(tmp_path):
    before = gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()
    src = tmp_path / "in.jsonl"
    with open(GWR, encoding="utf-8") as fh:
        src.write_text(fh.readline(), encoding="utf-8")
    res = CliRunner().invoke(main, ["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q"])
    assert res.exit_code == 0, res.output
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before


def test_scans_and_their_reduction_are_the_same_without_numpy(monkeypatch, tmp_path):
    from reportnlp.pipeline import tasks
    from reportnlp.pipeline.plan import plan_partitions

    src = tmp_path / "in.jsonl"
    with open(GWR, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        recs = [json.loads(line) for line in fh]
        for k in range(3):  # every line recurs: counts of 3 and more across partitions
            for i, r in enumerate(recs[:30]):
                out.write(json.dumps({"id": f"{k}-{i}", "text": r["content"]}, ensure_ascii=False))
                out.write("\n")
    parts = plan_partitions([str(src)], 256 << 10)
    assert len(parts) >= 4

    def scans_and_counts(small: int):
        monkeypatch.setattr(tasks, "SMALL_SCAN", small)
        scans = [tasks.scan_task(p) for p in parts]
        return scans, tasks.reduce_scans(scans), tasks.reduce_scans(scans, prune=False)

    python, numpy = scans_and_counts(1 << 30), scans_and_counts(0)
    assert python == numpy
    counts, n = python[1]
    assert n == 90 and len(counts) >= 10 and min(counts.values()) >= 5
    assert len(python[2][0]) > 1000 and min(python[2][0].values()) >= 3  # unpruned: each line 3+ times
    assert list(counts) == sorted(counts)


def test_edit_records_keep_their_fields_in_order_on_real_reports():
    import dataclasses

    import reportnlp
    from reportnlp.types import Edit, new_edit

    names = [f.name for f in dataclasses.fields(Edit)]
    made = [Edit("width", 0, 1, "Ａ", "A", "fullwidth_ascii"), new_edit("width", 0, 1, "Ａ", "A", "x")]
    made.append(dataclasses.replace(made[0], start=2))
    with open(GWR, encoding="utf-8") as fh:
        for line in list(fh)[:30]:
            rec = json.loads(line)
            made += reportnlp.clean(rec["content"], title=rec["title"]).edits
    assert len(made) > 100
    for e in made:
        d = e.to_dict()
        assert list(d) == names and d == {n: getattr(e, n) for n in names}
        assert d is not e.__dict__  # a copy: the record's dict may be changed by its user


def test_concatenation_syncs_behind_and_gives_the_parts_in_order(tmp_path):
    import threading

    from reportnlp.pipeline.driver import Concatenation

    parts = []
    with open(GWR, "rb") as fh:
        lines = fh.read().splitlines(keepends=True)
    for k in range(6):
        p = tmp_path / f"part-{k}.jsonl"
        p.write_bytes(b"".join(lines[k * 12 : (k + 1) * 12]))
        parts.append(p)
    before = threading.active_count()
    out = Concatenation(str(tmp_path / "out.jsonl"))
    for p in parts:
        out.append(p)
    out.append(tmp_path / "missing.jsonl")  # a part of a worker that died adds nothing
    out.commit()
    assert (tmp_path / "out.jsonl").read_bytes() == b"".join(lines[:72])
    assert out._sync is None and threading.active_count() == before
    gone = Concatenation(str(tmp_path / "gone.jsonl"))
    gone.append(parts[0])
    gone.abort()
    assert not (tmp_path / "gone.jsonl").exists() and threading.active_count() == before
    assert not list(tmp_path.glob(".gone.jsonl.*"))
