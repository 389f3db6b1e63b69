"""Issue 15's reproducers, one regression test each: bad input is one clear error, the rest of the batch lands.

(Items 2 and 9's analyser parts are in the analysers' tests; items 8, 10 and the kill -9 leftovers of 11
in the executor's.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportnlp import clean, codes
from reportnlp.cli import main
from reportnlp.errors import InputError, OutputError
from reportnlp.normalise.decode import decode
from reportnlp.pipeline.readers import expand_inputs, read_inputs
from reportnlp.pipeline.writers import TxtDirWriter, dumps, file_name, read_txt_dir

ROOT = Path(__file__).resolve().parent.parent
BODY = "一年来，我们坚持稳中求进工作总基调，经济社会发展取得新成效。"


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def jsonl(path: Path, rows: list[str]) -> Path:
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def read_out(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- 1. one bad line never loses the batch ------------------------------------------------------------
def test_lone_surrogate_in_text_is_repaired_with_an_edit(tmp_path):
    src = jsonl(
        tmp_path / "s.jsonl",
        [
            json.dumps({"id": "a", "text": "正文一，有内容。"}, ensure_ascii=False),
            '{"id":"b","text":"\\ud83d正文二。"}',
            json.dumps({"id": "c", "text": "正文三。"}, ensure_ascii=False),
        ],
    )
    out = tmp_path / "out.jsonl"
    res = cli("clean", str(src), "-o", str(out), "-q")
    assert res.exit_code == 0, res.output
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["a", "b", "c"]
    assert recs[1]["text"] == "正文二。"
    assert any(e["reason"] == codes.LONE_SURROGATE for e in recs[1]["edits"])


def test_lone_surrogate_in_id_and_title_is_replaced_and_reported(tmp_path):
    src = jsonl(
        tmp_path / "s.jsonl",
        [
            '{"id":"x\\udc00","title":"标题\\ud800","meta":{"k":"\\uDC01"},"text":"××市正文，有内容。"}',
            '{"id":"y","text":"正文。"}',
        ],
    )
    out = tmp_path / "out.jsonl"
    res = cli("clean", str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in read_out(out)] == ["x\ufffd", "y"]
    assert "s.jsonl:1: lone surrogate in 'id'" in res.output  # the summary's warnings
    res = cli("placeholders", str(src), "--json", str(tmp_path / "r.json"), "-q")
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert "标题\ufffd" in json.dumps(report, ensure_ascii=False)


def test_a_record_that_cannot_be_written_fails_alone(tmp_path):
    w = TxtDirWriter(str(tmp_path / "d"))
    w.write({"id": "a", "title": None, "text": "一"})
    with pytest.raises(OutputError, match="duplicate id"):
        w.write({"id": "a", "title": None, "text": "二"})
    with pytest.raises(OutputError):
        w.write({"id": "b", "title": None, "text": "半\ud800"})
    w.write({"id": "c", "title": None, "text": "三"})
    w.close()
    assert [(r["id"], r["text"]) for r in read_txt_dir(str(tmp_path / "d"))] == [
        ("a", "一"),
        ("c", "三"),
    ]
    assert not [p for p in (tmp_path / "d").iterdir() if p.name.endswith(".tmp")]


def test_a_record_json_cannot_hold_fails_alone(tmp_path):
    from reportnlp.pipeline.writers import JsonlWriter

    w = JsonlWriter(str(tmp_path / "o.jsonl"))
    with pytest.raises(OutputError, match="'a'"):
        w.write({"id": "a", "meta": {"when": object()}})
    w.write({"id": "b"})
    w.close()
    assert read_out(tmp_path / "o.jsonl") == [{"id": "b"}]


def test_file_name_not_utf8_works_end_to_end(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    bad = os.fsdecode(b"report-\xff\xfe.txt")
    try:
        Path(d, bad).write_bytes(BODY.encode("gb18030"))
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 names")
    for out in (tmp_path / "out.jsonl", tmp_path / "txt"):
        res = cli("clean", str(d), "-o", str(out), "-q")
        assert res.exit_code == 0, res.output
    (rec,) = read_out(tmp_path / "out.jsonl")
    assert rec["id"] == "report-\ufffd\ufffd" and rec["text"] == BODY
    (back,) = read_txt_dir(str(tmp_path / "txt"))
    assert back["id"] == "report-\ufffd\ufffd" and back["text"] == BODY


# --- 3. and 4. directory outputs: one file per document, whatever the ids ---------------------------
IDS = ["a/b", "a_b", "..", ".", "dup", "dup", "dup#2", "中" * 90, "A", "a", "x~0123456789"]


def test_directory_output_keeps_every_document(tmp_path):
    rows = [
        json.dumps({"id": i, "text": f"第{n}篇。{BODY}"}, ensure_ascii=False)
        for n, i in enumerate(IDS)
    ]
    src = jsonl(tmp_path / "ids.jsonl", rows)
    out = tmp_path / "txt"
    res = cli("clean", str(src), "-o", str(out))
    back = list(read_txt_dir(str(out)))
    files = [p for p in out.iterdir() if p.suffix == ".txt"]
    if os.path.exists(out / "A.txt") and os.path.samefile(out / "A.txt", out / "a.txt"):
        pytest.skip("case-insensitive file system")  # pragma: no cover
    assert res.exit_code == 0, res.output
    assert len(files) == len(IDS) == len(back)
    assert sorted(r["text"].split("。")[0] for r in back) == sorted(
        f"第{n}篇" for n in range(len(IDS))
    )
    assert [r["id"] for r in back][:5] == ["a/b", "a_b", "..", ".", "dup"]
    assert len({r["id"] for r in back}) == len(IDS)
    assert "duplicate id 'dup'" in res.output  # reported in the summary, never silently merged
    assert all(len(p.name.encode()) <= 255 for p in files)


def test_file_name_is_one_to_one_and_short():
    ids = IDS[:5] + [
        "a:b",
        "a*b",
        " a",
        "a ",
        "a\x00b",
        "a\ud800",
        "a?b",
        "中" * 200,
        "中" * 201,
        "",
    ]
    names = [file_name(i) for i in ids]
    assert len(set(names)) == len(ids)
    for name in names:
        assert len(name.encode("utf-8")) <= 255 and "/" not in name and not name.startswith(".")


def test_title_meta_and_id_read_back(tmp_path):
    w = TxtDirWriter(str(tmp_path / "d"))
    rec = {
        "id": "南京/2024",
        "title": "政府工作报告",
        "meta": {"date": "2024-01-01"},
        "text": "正文。\n\n二。",
    }
    w.write(rec)
    w.close()
    assert list(read_txt_dir(str(tmp_path / "d"))) == [rec]


# --- 5. inputs are never overwritten; usage errors before any work ----------------------------------
def test_output_equal_to_input_is_refused(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": BODY}, ensure_ascii=False)])
    before = src.read_bytes()
    res = cli("clean", str(src), "-o", str(src))
    assert res.exit_code == 2 and "input" in res.output
    assert src.read_bytes() == before
    res = cli("clean", str(tmp_path), "-o", str(tmp_path / "out.jsonl"))
    assert res.exit_code == 2 and "inside the input folder" in res.output
    assert not (tmp_path / "out.jsonl").exists()
    res = cli("clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--stats", str(src))
    assert res.exit_code == 2 and src.read_bytes() == before


def test_bad_output_path_is_one_usage_error(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": BODY}, ensure_ascii=False)])
    (tmp_path / "afile").write_text("x")
    for out in (str(tmp_path / "afile" / "out.jsonl"), str(tmp_path)):
        res = cli("clean", str(src), "-o", out)
        assert res.exit_code == 2, res.output
        assert "Traceback" not in res.output and "-o" in res.output


def test_unknown_encoding_is_one_usage_error(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for n in range(3):
        (d / f"{n}.txt").write_bytes(BODY.encode("gb18030"))
    res = cli("clean", str(d), "-o", str(tmp_path / "o.jsonl"), "--encoding", "nonsense")
    assert res.exit_code == 2 and res.output.count("nonsense") == 1
    assert not (tmp_path / "o.jsonl").exists()


# --- 6. and 9. input discovery ----------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_subdirectory_is_a_failure(tmp_path):
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "ok.txt").write_text(BODY, encoding="utf-8")
    (d / "locked" / "hidden.txt").write_text(BODY, encoding="utf-8")
    os.chmod(d / "locked", 0)
    try:
        res = cli("clean", str(d), "-o", str(tmp_path / "o.jsonl"))
    finally:
        os.chmod(d / "locked", 0o755)
    assert res.exit_code == 1
    assert "locked" in res.output and "cannot list folder" in res.output
    assert len(read_out(tmp_path / "o.jsonl")) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_txt_does_not_block(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "reportnlp.cli", "clean", str(d), "-o", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 1
    assert "pipe.txt" in proc.stderr and "named pipe" in proc.stderr
    assert len(read_out(tmp_path / "o.jsonl")) == 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_device_is_refused_with_its_kind():
    (failure,) = list(expand_inputs(["/dev/zero"]))
    assert "character device" in str(failure) and "no such file" not in str(failure)


# --- 7. one pass of clean is its own fixed point -----------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("今年以来(l\u200bái)，我们扎实工作。", "今年以来，我们扎实工作。"),
        ("加强意识┬\x1b形态工作。", "加强意识形态工作。"),
        ("今年以来（ｌáｉ），我们扎实工作。", "今年以来，我们扎实工作。"),
    ],
)
def test_clean_reaches_the_fixed_point_in_one_pass(raw, expected):
    once = clean(raw).text
    assert once == expected
    assert clean(once).text == once


def test_document_number_is_metadata_on_the_first_pass():
    raw = "关于印发2024年工作要点的通知\n城南政发〔2024〕3号\n  " + BODY
    doc = clean(raw)
    assert doc.text == BODY and clean(doc.text).text == doc.text
    assert not doc.dropped and [(d.line, d.action) for d in doc.lines][1] == (2, codes.META)
    assert doc.meta["doc_number"] == "城南政发〔2024〕3号"
    assert not clean(
        "根据城南政发〔2024〕3号文件精神，" + BODY
    ).dropped  # inside a sentence it stays


# --- 9. bounded work per document (generous CPU-time bounds: these took 11-175 s) ------------------
@pytest.mark.parametrize(
    "text",
    [
        "ㄒ" * 200,
        "\ue427" * 200,
        "。ㄒ唬┮庾R" * 20,
        ("一二三四五六七八九" + "\ufffd") * 5300,
        "\ufffd" * 2000,  # session 5's fuzz hangs: a run of lost bytes, read at ~200 candidates a character
        "\ufffd" * 100_000,
    ],
    ids=["bopomofo", "private-use", "readme-mojibake", "fffd-53k", "fffd-2k", "fffd-100k"],
)
def test_mojibake_repair_is_bounded(text):
    clean("。ㄒ唬┮庾R")  # tables loaded
    t = time.process_time()  # CPU time: a loaded machine does not count
    doc = clean(text)
    assert time.process_time() - t < 5.0
    assert not doc.text or clean(doc.text).text == doc.text


def test_mojibake_still_repaired_within_the_budget():
    assert clean("。ㄒ唬┮庾R形態考核工作").text.startswith("（一）意识形态考核")


# --- 11. messages that name the real cause; consistent empties; ids; umask -------------------------
def test_gb18030_cut_at_its_end_is_named():
    data = "关于全市理论宣讲工作汇报".encode("gb18030")[:-1]
    with pytest.raises(InputError, match="GB18030.*cut short"):
        decode(data)


@pytest.mark.parametrize("text", ["政府工作报告", "。", "报告全文如下：", "第一", "2024年"])
@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_short_utf16_without_bom(text, enc):
    assert decode(text.encode(enc)) == (text, enc)


def test_empty_txt_and_empty_jsonl_text_fail_alike(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    jsonl(d / "e.jsonl", ['{"id":"e","text":""}', '{"id":"f","text":"正文。"}'])
    res = cli("clean", str(d), "-o", str(tmp_path / "o.jsonl"))
    assert res.exit_code == 1
    errors = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 2 and all("empty" in ln for ln in errors)
    assert any("e.jsonl:1" in ln for ln in errors)
    assert [r["id"] for r in read_out(tmp_path / "o.jsonl")] == ["f"]


def test_non_string_ids(tmp_path):
    src = jsonl(
        tmp_path / "ids.jsonl",
        [
            '{"id":["a","b"],"text":"正文。"}',
            '{"id":7,"text":"正文。"}',
            '{"id":true,"text":"正文。"}',
        ],
    )
    items = list(read_inputs([str(src)]))
    assert "ids.jsonl:1" in str(items[0]) and "must be a string" in str(items[0])
    assert items[1].id == "7"
    assert "ids.jsonl:3" in str(items[2])


def test_outputs_are_created_with_the_umask(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": BODY}, ensure_ascii=False)])
    old = os.umask(0o027)
    try:
        cli("clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--stats", str(tmp_path / "s.json"))
        cli("clean", str(src), "-o", str(tmp_path / "txt"), "-q")
    finally:
        os.umask(old)
    for p in (tmp_path / "o.jsonl", tmp_path / "s.json", tmp_path / "txt" / "a.txt"):
        assert p.stat().st_mode & 0o777 == 0o640, p


def test_dumps_is_valid_utf8_json():
    s = dumps({"id": "\ud83d", "text": "\ud83d\ude00"})
    assert json.loads(s.encode("utf-8")) == {"id": "\ud83d", "text": "\U0001f600"}


def test_unlistable_subdirectory_is_a_failure_even_as_root(tmp_path, monkeypatch):
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "ok.txt").write_text(BODY, encoding="utf-8")
    (d / "locked" / "hidden.txt").write_text(BODY, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(expand_inputs([str(d)]))
    assert items[-1] == str(d / "ok.txt") or str(d / "ok.txt") in items
    (failure,) = [i for i in items if not isinstance(i, str)]
    assert "locked" in str(failure) and "cannot list folder" in str(failure)


def test_missing_extra_is_a_usage_error_before_any_work(tmp_path, monkeypatch):
    import reportnlp.pipeline.driver as driver
    import reportnlp.pipeline.writers as writers

    src = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": BODY}, ensure_ascii=False)])
    monkeypatch.setattr(writers, "missing_modules", lambda mods: list(mods))  # no pandas, no pyarrow
    monkeypatch.setattr(driver, "installed", lambda module: False)  # no dask
    out = tmp_path / "o.jsonl"
    res = cli("analyse", str(src), "-o", str(out), "--frames", str(tmp_path / "frames"))
    assert res.exit_code == 2 and "reportnlp[parquet]" in res.output
    res = cli("clean", str(src), "-o", str(out), "--engine", "dask")
    assert res.exit_code == 2 and "reportnlp[dask]" in res.output
    assert not out.exists()


def test_past_the_mojibake_budget_damage_is_removed_with_a_reason(monkeypatch):
    import reportnlp.normalise.mojibake as mojibake

    text = "（一）意识形态。ㄒ唬┮庾R形態考核\n" * 3
    assert mojibake.repair_mojibake(text)[0].count("一）意識形態考核") == 3  # within the budget
    monkeypatch.setattr(mojibake, "_BUDGET", 0)
    out, edits = mojibake.repair_mojibake(text)
    assert "ㄒ" not in out and "┮" not in out
    assert {e.reason for e in edits} == {codes.MOJIBAKE_UNREPAIRABLE}
    assert mojibake.repair_mojibake(out) == (out, [])  # a fixed point: nothing left to read again


# The long fuzz run's non-idempotent inputs (bench/fuzz-results.json, 7 of 10,000; these are its samples): a
# line broken by a lone CR is joined on the first pass, and the second pass read the short first line above it
# as a title. The title choice now wants evidence beyond a line's shape on an all-text page (boilerplate/classify.py
# ``_retitle``), so the first pass leaves no title to find.
_FUZZ_HEAD = "其中F(xiàn)(1)亪坂並三(1)\n\n位上一篇了亐懣炶乡村振兴、仍穼"
_FUZZ_TAIL = "亭乞仐鄅产枛介乫他乹乥些乘仟严仆乳202x年\r！)\ud83e\x82\ud8cb\ud8d1"
_FUZZ_END = "\U0003ffc1\x9d\x98\ud81c\ud8e3\x9b\uda04\ud818\x86\ud8ae\ud972\U000dad47"


@pytest.mark.parametrize(
    "raw",
    [
        _FUZZ_HEAD + "丣些××市第下一篇進任亐丗临丈产" + _FUZZ_TAIL + "ÂòP" + _FUZZ_END,
        _FUZZ_HEAD + "丣些××市第下一篇進任亐丗临丈××市" + _FUZZ_TAIL + "ÂòP" + _FUZZ_END,
        _FUZZ_HEAD + "丣××市××市第下一篇進任亐丗临丈××市" + _FUZZ_TAIL + "ÂòP" + _FUZZ_END,
        _FUZZ_HEAD + "丣××市××市第下一篇進任亐丗临丈××市" + _FUZZ_TAIL + "Â\ud800P" + _FUZZ_END,
        _FUZZ_HEAD + "丣××市××市第下一篇進任亐丗临丈××市" + _FUZZ_TAIL + "Â\ud800P" + _FUZZ_END.replace("\x98\ud81c", "\x980"),
    ],
)
def test_non_idempotent_cases_found_by_the_fuzzer_reach_the_fixed_point_in_one_pass(raw):
    assert "\r！" in raw  # the lone CR that breaks the line
    doc = clean(raw)
    assert any(e.reason == "broken_line_joined" for e in doc.edits)
    assert doc.title is None  # the short first line is not a title, on either pass
    again = clean(doc.text)
    assert again.text == doc.text and again.title is None


# Session 5's long fuzz run (7 of 10,000 in `clean`): a box-drawing character ending a line (…仮┮ + a lone CR)
# read as a drawn table's edge, but once the paragraph step joined the next line (…仮┮一丈…) as mojibake.
# A line's ends now count as wide neighbours, so both passes read it alike.
@pytest.mark.parametrize(
    "raw",
    [
        "乢亹乳乖乪临买\t\U00020000丅亯铟飑为仃仮┮\x00\r\udc00三点五万丈什仫仃亩乌仕",
        "××市\t\x00丅亯铟飑为仃仮┮\x00\r\udc00一丈什仫仃亩乌仕",
        # the final run's: indentation before it (removed by the width step), and (1) before it (made （1）)
        " ┬\x00乿苃藝乂仩乜亊乐乐丑乆仿屪亭",
        "亓竘爏亗二丸付任丬譺五隤仓亁丧丟亨亸仞三丐介仛亜(1)┬乕慻両亻之仍为(1)之仍为",
    ],
)
def test_a_box_drawing_character_at_a_joined_line_end_reads_alike_on_both_passes(raw):
    doc = clean(raw)
    assert "┮" not in doc.text and "┬" not in doc.text  # wedged between the line's characters and the joined line's: mojibake
    assert clean(doc.text).text == doc.text


# Session 5's long fuzz run (5 of 10,000 in `clean`, on the final code): 著 is converted only in a line that holds
# a traditional character (or a trigger such as 沈, which only phrases change). A line of its own with 著 was
# left as it was, and once the paragraph step had joined it to such a line, the second pass converted it.
# The script step now reads each joined paragraph again.
@pytest.mark.parametrize(
    "raw, joined",
    [
        (
            "過去一年，全市經濟發展穩中有進，各項工作取得新成效。\n沈阳市坚持改革创新，推进各项工作，\n"
            "著力抓好三件大事，推动高质量发展。\n二〇二四年，全市上下要继续努力，推动各项工作再上新台阶。",
            "沈阳市坚持改革创新，推进各项工作，着力抓好三件大事，推动高质量发展。",
        ),
        (  # the fuzzer's sample, shortened: 𫓪 (a supplementary character) counts as a trigger
            "亙京乡村振兴、乁鈆樉並譏仕上亲乿习亷乪鑓仠\n<p>著返回顶部\r(l\u200bái)串不仐亦丘砥<p>乗乘乹丩",
            "<p>着返回顶部",
        ),
    ],
)
def test_a_line_with_zhu_joined_to_a_traditional_line_is_converted_on_the_first_pass(raw, joined):
    doc = clean(raw)
    assert joined in doc.text
    assert any(e.reason == "broken_line_joined" for e in doc.edits)
    assert doc.edits[-1].step == "script" and doc.edits[-1].before == "著"
    assert doc.text[doc.edits[-1].start] == "着"
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    assert clean(doc.text).text == doc.text


# Session 6's long fuzz run (1 of 10,000 in `clean`): a line opened by U+2028 (a Unicode line separator, no line
# break to `str.split("\n")`) then a box-drawing character: the mojibake step did not count U+2028 as the
# indentation the width step removes, so only the second pass read ┬ at the line's edge as mojibake.
@pytest.mark.parametrize("space", ["\u2028", "\u2029", "\u3000", "\u2003", "\xa0"])
def test_a_box_drawing_character_after_any_indentation_reads_alike_on_both_passes(space):
    doc = clean(space + "┬〔○○《仁")
    assert clean(doc.text).text == doc.text


def test_the_mojibake_step_skips_the_spaces_the_width_step_removes():
    import re

    from reportnlp.normalise import mojibake, width

    removed = re.compile(f"[{width._SPACE}]")
    assert mojibake._LINE_SPACE == {chr(c) for c in range(0x110000) if removed.match(chr(c))}


# Session 6's long fuzz run (2 of 10,000 in `clean`): a page furniture line (返回顶部返回顶部) under a long first
# line read as a sentence running on into it, so kept; that first line became the title, and the second pass,
# with nothing above the furniture line, dropped it. A weak rule cancelled only by the line above comes back
# when that line is not kept.
@pytest.mark.parametrize(
    "raw",
    [
        "鍿返回顶部二是二是仒中丱乃精们个乾丕仔丛乂四个意识\n返回顶部返回顶部\n二是",
        "鍿返回顶部二是999999999999999999999999999999仒中丱乃精们个乾丕仔丛乂四个意识\n返回顶部返回顶部\n二是",
    ],
)
def test_furniture_under_a_title_is_dropped_on_the_first_pass(raw):
    doc = clean(raw)
    assert "返回顶部返回顶部" not in doc.text
    assert clean(doc.text).text == doc.text


def test_a_drawn_table_edge_apart_from_text_is_kept():
    assert clean("第一章 ┃\n概述部分的正文。").text.startswith("第一章 ┃")


def test_spacy_pipeline_on_100_kb_of_one_rare_character_is_bounded():
    """The long fuzz run's hangs: jieba is superlinear on one long run of characters it does not know."""
    import reportnlp

    nlp = reportnlp.load()
    nlp("预热。")  # the first call loads the dictionary
    for text in ("仨" * 100_000, "仨𪚥" * 50_000, "今年仨" * 30_000 + "。"):
        t = time.process_time()
        doc = nlp(text)
        assert time.process_time() - t < 5.0  # over 30 s of CPU before the segmenter cut long pieces
        assert doc.text == text
        assert all(text[tok.idx : tok.idx + len(tok.text)] == tok.text for tok in doc)


def test_a_window_of_lost_bytes_is_removed_without_reading():
    """A line of nothing but U+FFFD has nothing to decode: removed with a reason, no budget spent."""
    import reportnlp.normalise.mojibake as mojibake

    text = "正文。\n" + "\ufffd" * 3000 + "\n正文二。"
    budget = [mojibake._BUDGET]
    out, edits = mojibake._repair(text, {}, budget)
    assert out == "正文。\n\n正文二。" and budget == [mojibake._BUDGET]
    assert {e.reason for e in edits} == {codes.MOJIBAKE_UNREPAIRABLE}
    assert sum(e.end - e.start for e in edits) == 3000


_CASES = Path(__file__).resolve().parent / "cases"


@pytest.mark.parametrize(
    "case", ["pages_blind/gov_b03.txt", "masks_blind2/04_court_work_report.txt"]
)
def test_a_text_opening_with_a_dateline_is_its_own_fixed_point(case):
    """Cleaned, these pages open with their speech's dateline (``——在××县第×届人民代表大会…``: the title
    above it is doc.title); a second pass took the line under the dateline (``××县人民法院院长 ×××``, a
    related article's headline) for the title and dropped it. A dateline stands under its title."""
    first = clean((_CASES / case).read_bytes())
    assert first.text.startswith("——")
    second = clean(first.text)
    assert second.text == first.text
    assert second.title is None


def test_every_case_page_is_its_own_fixed_point():
    bad = []
    for path in sorted(_CASES.glob("*/*.txt")):
        first = clean(path.read_bytes())
        if first.text and clean(first.text).text != first.text:
            bad.append(path.name)
    assert not bad


@pytest.mark.parametrize("text", ["1.？\u3000\u30003", "第一段。\u3000\u3000第二段内容。\u3000\u30003\n下一行"])
def test_no_indent_split_before_a_piece_a_second_pass_drops(text):
    """Session 7's fuzz run: ``1.？\\u3000\\u30003`` was split at its inner indent into ``1.？`` and ``3``, and
    the second pass dropped the bare ``3`` as a page number. A piece the line rules drop on their own stays in
    the paragraph before it."""
    first = clean(text)
    assert clean(first.text).text == first.text
    assert "3" in first.text
