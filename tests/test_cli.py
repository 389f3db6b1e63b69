"""The clean-corpus CLI as a user runs it: formats, bad input, exit codes, atomic and deterministic output."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from reportnlp.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["clean", *args], catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    shutil.copytree(SEEDS, d)
    return d


def test_jsonl_output_fields(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    res = run(str(corpus), "-o", str(out), "-q")
    assert res.exit_code == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for r in recs:
        assert {"id", "title", "meta", "text", "dropped", "edits"} <= set(r)
        for d in r["dropped"]:
            assert d["reason"] and isinstance(d["line"], int)


def test_parquet_and_txt_dir_outputs(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    res = run(str(corpus), "-o", str(tmp_path / "out.parquet"), "-q")
    assert res.exit_code == 0
    df = pd.read_parquet(tmp_path / "out.parquet")
    assert len(df) == 5 and {"id", "text", "title"} <= set(df.columns)
    res = run(str(corpus), "-o", str(tmp_path / "txt"), "-q")
    assert res.exit_code == 0
    files = sorted(p.name for p in (tmp_path / "txt").glob("*.txt"))
    assert files == sorted(p.name for p in SEEDS.glob("*.txt"))
    first = (tmp_path / "txt" / "000_61eaccc42b378d20.txt").read_text(encoding="utf-8")
    assert first.startswith("关于全市理论宣讲工作汇报\n\n")


def test_bad_inputs_reported_others_processed(corpus, tmp_path):
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "truncated.txt").write_bytes("第一行\n关于全市理论宣讲".encode()[:-1])
    (corpus / "docs.jsonl").write_text(
        '{"id": "ok1", "text": "正文第一段,内容完整。"}\n{"id": "bad", "text": \n{"id": "ok2", "text": "正文。"}\n',
        encoding="utf-8",
    )
    before = {p.name: digest(p) for p in corpus.iterdir()}
    out = tmp_path / "out.jsonl"
    res = run(str(corpus), "-o", str(out))
    assert res.exit_code == 1
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert "binary.txt" in err and "binary" in err
    assert "empty.txt" in err and "empty" in err
    assert "truncated.txt:2" in err and "truncated" in err
    assert "docs.jsonl:2" in err and "malformed JSON" in err
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert "ok1" in ids and "ok2" in ids and len(ids) == 7
    assert {p.name: digest(p) for p in corpus.iterdir()} == before  # inputs untouched


def test_same_input_same_output_any_jobs(corpus, tmp_path):
    run(
        str(corpus), "-o", str(tmp_path / "a.jsonl"), "--explain", str(tmp_path / "a.explain"), "-q"
    )
    run(
        str(corpus),
        "-o",
        str(tmp_path / "b.jsonl"),
        "--explain",
        str(tmp_path / "b.explain"),
        "-q",
        "--jobs",
        "2",
    )
    assert digest(tmp_path / "a.jsonl") == digest(tmp_path / "b.jsonl")
    assert digest(tmp_path / "a.explain") == digest(tmp_path / "b.explain")


def test_stdin_and_stats(tmp_path):
    data = (SEEDS / "003_bd26fd21e8274dde.txt").read_bytes()
    res = CliRunner().invoke(
        main,
        ["clean", "-", "-o", str(tmp_path / "o.jsonl"), "--stats", str(tmp_path / "s.json"), "-q"],
        input=data,
    )
    assert res.exit_code == 0
    rec = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))
    assert rec["id"] == "stdin" and rec["title"] == "某市人大办202x年度宣传思想文化工作汇报"
    stats = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert stats["documents"] == 1 and stats["encodings"] == {"utf-8": 1}
    assert stats["dropped_by_reason"] == {"breadcrumb": 1, "paywall_tail": 1}


def test_no_partial_output_on_crash(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    import reportnlp.pipeline.run as runmod

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(runmod, "clean_record", boom)
    with pytest.raises(RuntimeError):
        CliRunner().invoke(
            main, ["clean", str(corpus), "-o", str(out), "-q"], catch_exceptions=False
        )
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_console_script_runs(tmp_path):
    exe = shutil.which("reportnlp")
    cmd = [exe] if exe else [sys.executable, "-m", "reportnlp.cli"]
    proc = subprocess.run(
        [*cmd, "clean", str(SEEDS), "-o", str(tmp_path / "o.jsonl")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "documents: 5 cleaned, 0 failed" in proc.stderr
    assert "dropped by reason:" in proc.stderr
