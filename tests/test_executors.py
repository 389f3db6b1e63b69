"""One plan, three executors: same bytes whatever runs it, dead workers noticed, kills survived, resumable.

The corpora here are the State Council reports (``corpora/gwr``) repeated with distinct ids: a mechanism
test (partitions, processes, signals), not a quality figure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GWR, ROOT, SEEDS

from reportnlp.cli import main
from reportnlp.pipeline import driver
from reportnlp.pipeline.executors import ProcessExecutor, SerialExecutor, WorkerDied

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def build_corpus(path: Path, copies: int) -> Path:
    """The State Council reports repeated ``copies`` times (distinct ids), as one JSONL file."""
    with open(GWR, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    with open(path, "w", encoding="utf-8") as out:
        for k in range(copies):
            for i, r in enumerate(recs):
                rec = {"id": f"gwr-{k:03d}-{i:02d}", "title": r["title"], "text": r["content"]}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "reportnlp.cli", *args],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the test can kill it and its workers
    )


@pytest.fixture()
def gwr30(tmp_path: Path) -> Path:
    """The first 30 State Council records (enough for the corpus signal, 1.3 MB): a quick corpus."""
    path = tmp_path / "in" / "gwr30.jsonl"
    path.parent.mkdir()
    with open(GWR, encoding="utf-8") as fh:
        path.write_text("".join(line for _, line in zip(range(30), fh)), encoding="utf-8")
    return path


def hidden(d: Path) -> list[str]:
    return sorted(p.name for p in d.rglob("*") if p.name.startswith("."))


# -- same bytes -----------------------------------------------------------------------------------------


def test_same_bytes_any_executor_and_partition_size(tmp_path, gwr30):
    inputs = [str(gwr30), str(SEEDS)]
    outs = []
    for name, executor, size in (
        ("serial-big", SerialExecutor(), None),
        ("serial-small", SerialExecutor(), 100_000),
        ("pool-small", ProcessExecutor(2), 150_000),
    ):
        out = tmp_path / f"{name}.jsonl"
        ex = tmp_path / f"{name}.explain.jsonl"
        s = driver.run_to_output(
            "clean", inputs, str(out), executor, explain=str(ex), partition_size=size
        )
        outs.append((out.read_bytes(), ex.read_bytes(), json.dumps(s.to_dict())))
    assert outs[0] == outs[1] == outs[2]
    recs = outs[0][0].decode().splitlines()
    assert len(recs) == 30 + 5
    assert json.loads(outs[0][2])["dropped_by_reason"]  # the corpus signal and rules acted
    assert hidden(tmp_path) == []  # no staging, no temporary file left


def test_cli_jobs_and_txt_dir_and_parts(tmp_path, gwr30):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out, jobs in ((a, "1"), (b, "2")):
        res = CliRunner().invoke(main, ["clean", str(gwr30), "-o", str(out), "-q", "--jobs", jobs])
        assert res.exit_code == 0, res.output
    assert a.read_bytes() == b.read_bytes()
    parts = tmp_path / "parts"
    res = CliRunner().invoke(main, ["clean", str(gwr30), "-o", str(parts), "--parts", "-j", "2"])
    assert res.exit_code == 0, res.output
    files = sorted(parts.iterdir())
    assert files[0].name == driver.SUCCESS and all(p.name.startswith("part-") for p in files[1:])
    assert b"".join(p.read_bytes() for p in files if p.name.startswith("part-")) == a.read_bytes()
    txt = tmp_path / "txt"
    res = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(txt), "-q", "-j", "2"])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in txt.iterdir() if p.name != ".index.jsonl")  # the ids' index
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))


# -- dead workers ---------------------------------------------------------------------------------------


def _dies_once(arg):
    """Kill its own process the first time it sees ``arg`` (a marker file remembers), else square it."""
    n, marker = arg
    if n == 3 and not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def _always_dies(n):
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def test_dead_worker_is_replaced_and_its_task_retried(tmp_path):
    marker = str(tmp_path / "died")
    got = dict(ProcessExecutor(2).map(_dies_once, [(n, marker) for n in range(8)]))
    assert os.path.exists(marker)  # a worker did die
    assert got == {n: n * n for n in range(8)}


def test_worker_dying_twice_fails_its_task_alone():
    t0 = time.monotonic()
    got = dict(ProcessExecutor(2, retries=1).map(_always_dies, list(range(6))))
    assert time.monotonic() - t0 < 60  # never hangs
    assert isinstance(got.pop(3), WorkerDied)
    assert got == {n: n * n for n in range(6) if n != 3}


def _freeze_count(_):
    import gc

    return gc.get_freeze_count()


def test_pool_workers_keep_what_they_inherited_out_of_the_collector():
    assert all(n > 1000 for _, n in ProcessExecutor(2).map(_freeze_count, [0, 1, 2]))


def test_task_error_is_raised_in_the_parent():
    with pytest.raises(ZeroDivisionError):
        list(ProcessExecutor(2).map(lambda_free_divide, [1, 0, 2]))


def lambda_free_divide(n):
    return 1 / n


@pytest.mark.slow
def test_killing_a_worker_of_the_cli_run(tmp_path):
    """``kill -9`` of one worker of ``reportnlp clean --jobs 2`` (as the OOM killer would): the run
    finishes, exit 0, with the same bytes as a serial run (issue 15, item 8: it used to hang forever)."""
    psutil = pytest.importorskip("psutil")
    src = build_corpus(tmp_path / "in.jsonl", 12)  # long enough on a quiet machine to kill mid-run
    ref = tmp_path / "ref.jsonl"
    assert CliRunner().invoke(main, ["clean", str(src), "-o", str(ref), "-q"]).exit_code == 0
    out = tmp_path / "out.jsonl"
    proc = cli("clean", str(src), "-o", str(out), "-q", "--jobs", "2")
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        kids = psutil.Process(proc.pid).children()
        if len(kids) == 2:
            time.sleep(0.2)
            try:
                os.kill(kids[0].pid, signal.SIGKILL)
                killed = kids[0].pid
            except ProcessLookupError:  # that worker had just ended: try the next one
                pass
        time.sleep(0.05)
    _, err = proc.communicate(timeout=300)
    assert killed is not None, err
    assert proc.returncode == 0, err
    assert out.read_bytes() == ref.read_bytes()


# -- kill -9, SIGTERM, leftovers, resume ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "engine",
    [
        [],
        ["--jobs", "2"],
        pytest.param(
            ["--engine", "dask", "--workers", "2"],
            marks=pytest.mark.skipif(
                importlib.util.find_spec("distributed") is None, reason="no dask"
            ),
        ),
    ],
    ids=["serial", "jobs2", "dask2"],
)
def test_kill_9_mid_run_then_rerun_same_bytes(tmp_path, engine):
    src = build_corpus(tmp_path / "in.jsonl", 3)
    ref = tmp_path / "ref.jsonl"
    assert CliRunner().invoke(main, ["clean", str(src), "-o", str(ref), "-q"]).exit_code == 0
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    proc = cli("clean", str(src), "-o", str(out), "-q", "--explain", str(out) + ".ex", *engine)
    staging = out.parent / ".o.jsonl.parts"
    deadline = time.monotonic() + 120
    while not list(staging.glob("part-*.stats.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers
    proc.wait()
    _wait_group_gone(proc.pid)  # a worker holds the output's lock until it is gone
    assert not out.exists()  # nothing under the final name
    done = len(list(staging.glob("part-*.stats.json")))
    assert done >= 1
    res = CliRunner().invoke(
        main, ["clean", str(src), "-o", str(out), "-q", "--explain", str(out) + ".ex", *engine]
    )
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == ref.read_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["o.jsonl", "o.jsonl.ex"]


def _wait_group_gone(pgid: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_sigterm_ends_the_run_and_its_workers_cleanly(tmp_path):
    psutil = pytest.importorskip("psutil")
    src = build_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    proc = cli("clean", str(src), "-o", str(out), "-q", "--jobs", "2")
    staging = out.parent / ".o.jsonl.parts"
    deadline = time.monotonic() + 120
    while not list(staging.glob("part-*.stats.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    kids = psutil.Process(proc.pid).children()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    gone, alive = psutil.wait_procs(kids, timeout=10)
    assert not alive
    assert not out.exists()
    # a worker stopped while it wrote may leave its temporary file in the staging folder (the finished
    # parts stay to resume); none is ever next to the output, and the next run removes every one
    assert not list(out.parent.glob("*.tmp"))
    again = cli("clean", str(src), "-o", str(out), "-q", "--jobs", "2")
    assert again.wait(timeout=300) == 0
    assert out.exists() and not list(out.parent.rglob("*.tmp"))


def test_resume_skips_finished_parts(tmp_path, gwr30):
    class StopAfter(SerialExecutor):
        """Runs the scan, then ``n`` process tasks, then stops as a kill would."""

        def __init__(self, n):
            self.n, self.calls = n, 0

        def map(self, fn, args):
            process = getattr(fn, "func", None) is driver.process_task
            for i, arg in enumerate(args):
                if process:
                    if self.calls == self.n:
                        raise KeyboardInterrupt
                    self.calls += 1
                yield i, fn(arg)

    out = tmp_path / "o.jsonl"
    with pytest.raises(KeyboardInterrupt):
        driver.run_to_output("clean", [str(gwr30)], str(out), StopAfter(2), partition_size=150_000)
    assert not out.exists()
    again = StopAfter(10**6)
    s = driver.run_to_output("clean", [str(gwr30)], str(out), again, partition_size=150_000)
    n_parts = len(driver.plan_partitions([str(gwr30)], 150_000))
    assert again.calls == n_parts - 2  # the two finished parts were kept
    ref = tmp_path / "ref.jsonl"
    s2 = driver.run_to_output("clean", [str(gwr30)], str(ref), SerialExecutor())
    assert out.read_bytes() == ref.read_bytes() and s.to_dict() == s2.to_dict()
    # another plan (other options) does not reuse them
    with pytest.raises(KeyboardInterrupt):
        driver.run_to_output("clean", [str(gwr30)], str(out), StopAfter(2), partition_size=150_000)
    other = StopAfter(10**6)
    driver.run_to_output(
        "clean", [str(gwr30)], str(out), other, partition_size=150_000, corpus_signal="off"
    )
    assert other.calls == n_parts


def test_leftovers_of_interrupted_runs_are_removed(tmp_path):
    out = tmp_path / "o.jsonl"
    (tmp_path / ".o.jsonl.k3j2.tmp").write_text("half a file")
    (tmp_path / ".o.jsonl.parts-x1y2").mkdir()  # the former Dask engine's staging folder
    (tmp_path / ".o.jsonl.parts-x1y2" / "part-00000.jsonl").write_text("{}\n")
    (tmp_path / ".o.jsonl.parts").mkdir()
    (tmp_path / ".o.jsonl.parts" / ".part-00000.jsonl.abc.tmp").write_text("half a part")
    (tmp_path / ".other.jsonl.k3j2.tmp").write_text("not ours")
    res = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.jsonl.k3j2.tmp", "o.jsonl"]


def test_two_runs_on_one_output_are_refused(tmp_path):
    out = tmp_path / "o.jsonl"
    first = driver.Staging(str(out)).open()
    try:
        res = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(out), "-q"])
        assert res.exit_code == 1 and "another run is writing" in res.output
        assert not out.exists()
    finally:
        first.close(remove=True)


# -- options checked first, progress, start-up cost ---------------------------------------------------


def test_usage_errors_before_any_work(tmp_path, monkeypatch):
    out = tmp_path / "o.jsonl"
    for args, words in (
        (["--encoding", "nonsense"], "unknown text encoding"),
        (["--workers", "2"], "--engine dask"),
        (["--engine", "dask", "--jobs", "2"], "--workers"),
    ):
        res = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(out), *args])
        assert res.exit_code == 2 and words in res.output, (args, res.output)
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(  # parquet's extra missing
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a)
    )
    res = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(tmp_path / "o.parquet")])
    assert res.exit_code == 2 and "pip install 'reportnlp[parquet]'" in res.output
    assert list(tmp_path.iterdir()) == []  # checked before any work: nothing staged


def test_progress_has_a_total(tmp_path, gwr30):
    seen = []
    inputs = [str(gwr30), str(SEEDS)]
    driver.run_to_output(
        "clean",
        inputs,
        str(tmp_path / "o.jsonl"),
        SerialExecutor(),
        partition_size=200_000,
        progress=lambda *a: seen.append(a),
    )
    total = gwr30.stat().st_size + sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    phases = [a[0] for a in seen]
    assert phases[0] == "scan" and phases[-1] == "clean"
    assert {a[2] for a in seen} == {total}  # every call knows the total: percentage and ETA
    assert seen[-1][1] == total and seen[-1][3] == 35
    assert len([a for a in seen if a[0] == "clean"]) > 5  # it moves part by part


def _imported_after(code: str) -> set[str]:
    heavy = ("pandas", "sklearn", "spacy", "dask", "distributed", "pyarrow", "jieba", "numpy")
    # a serial run has no workers (multiprocessing's import: 1 % of a 33 MB run)
    heavy += ("multiprocessing",)
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sorted(sys.modules)))"],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {m for m in out if m.split(".")[0] in heavy}


def test_start_up_imports_only_what_it_uses(tmp_path):
    assert _imported_after("import reportnlp.cli") == set()
    assert (
        _imported_after(
            "from reportnlp.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
        )
        == set()
    )
    one = tmp_path / "one.txt"
    one.write_bytes((SEEDS / "003_bd26fd21e8274dde.txt").read_bytes())
    loaded = _imported_after(
        "from reportnlp.cli import main\n"
        f"try:\n    main(['clean', {str(one)!r}, '-o', {str(tmp_path / 'o.jsonl')!r}, '-q'])\n"
        "except SystemExit:\n    pass"
    )
    assert not loaded & {"pandas", "sklearn", "spacy", "dask", "distributed", "pyarrow"}, loaded
    assert "multiprocessing" not in loaded, loaded
    assert (tmp_path / "o.jsonl").exists()


# -- memory flat in corpus size ------------------------------------------------------------------------


def _peak_rss(args: list[str]) -> int:
    """Peak RSS (bytes) of the largest process of one CLI run (``ru_maxrss`` of the waited child)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportnlp.cli", *args], env=ENV, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, proc.stderr.read()
    return usage.ru_maxrss * 1024


@pytest.mark.slow
def test_memory_flat_in_corpus_size(tmp_path):
    small = build_corpus(tmp_path / "small.jsonl", 3)  # 10 MB
    large = build_corpus(tmp_path / "large.jsonl", 15)  # 50 MB
    growth = large.stat().st_size - small.stat().st_size
    for engine in ([], ["--jobs", "2"]):
        peaks = [
            _peak_rss(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "-q", *engine])
            for src in (small, large)
        ]
        assert peaks[1] - peaks[0] < 0.4 * growth, (engine, peaks, growth)


def test_a_record_that_cannot_be_written_fails_alone(tmp_path):
    """A lone surrogate in a JSONL text (issue 15, item 1): the record is repaired or fails alone, with
    its file and line; the records around it are written."""
    src = tmp_path / "s.jsonl"
    src.write_text(
        '{"id":"a","text":"正文一。"}\n{"id":"b","text":"\\ud83d正文二。"}\n{"id":"c","text":"正文三。"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "o.jsonl"
    for jobs in ("1", "2"):
        res = CliRunner().invoke(main, ["clean", str(src), "-o", str(out), "-q", "-j", jobs])
        ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
        assert ids in (["a", "c"], ["a", "b", "c"]), res.output
        if ids == ["a", "c"]:
            assert res.exit_code == 1 and f"{src}:2" in res.output


@pytest.mark.parametrize("many", [False, True], ids=["counter", "numpy"])
def test_ids_unique_across_partitions_as_a_sequential_read(tmp_path, monkeypatch, many, gwr30):
    from reportnlp.pipeline.readers import read_inputs

    if many:
        monkeypatch.setattr(driver, "MANY_IDS", 0)
    other, third = tmp_path / "copy", tmp_path / "copy2"
    for folder in (other, third):
        folder.mkdir()
        (folder / gwr30.name).write_bytes(gwr30.read_bytes())  # the same stem: every id recurs
    # (a third copy, not gwr30 again: a file given twice is read once)
    inputs = [str(gwr30), str(other), str(third / gwr30.name)]
    out = tmp_path / "o.jsonl"
    driver.run_to_output(
        "clean", inputs, str(out), SerialExecutor(), partition_size=200_000, corpus_signal="off"
    )
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [r.id for r in read_inputs(inputs)]
    assert len(set(ids)) == 90 and ids[-1].endswith("#3")


def test_progress_bar_shows_total_percentage_and_eta(monkeypatch):
    import io

    from reportnlp.pipeline.options import ProgressBar

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = ProgressBar()
    for done in (0, 2 << 20, 6 << 20):
        bar("clean", done, 8 << 20, done >> 16)
        time.sleep(0.05)
    bar.close()
    text = err.getvalue()
    assert "clean" in text and "75%" in text and "8.00M" in text and "96 docs" in text
    assert "<" in text  # tqdm's elapsed<remaining: the ETA


def test_run_clean_api_any_jobs():
    from reportnlp.pipeline.readers import read_inputs
    from reportnlp.pipeline.run import run_clean

    one = [r.record for r in run_clean(read_inputs([str(SEEDS)]))]
    two = [r.record for r in run_clean(read_inputs([str(SEEDS)]), jobs=2)]
    assert one == two and len(one) == 5


def test_reader_options_reach_every_partition(tmp_path):
    """--text-field/--id-field go to the readers of every partition, in worker processes too."""
    src = tmp_path / "in.jsonl"
    with open(GWR, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        for i, line in zip(range(25), fh):
            r = json.loads(line)
            row = {"key": f"k{i}", "正文": r["content"], "title": r["title"]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}.jsonl"
        args = ["clean", str(src), "-o", str(out), "-q", "-j", jobs]
        res = CliRunner().invoke(main, [*args, "--text-field", "正文", "--id-field", "key"])
        assert res.exit_code == 0, res.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    recs = [json.loads(line) for line in outs[0].decode().splitlines()]
    assert [r["id"] for r in recs] == [f"k{i}" for i in range(25)]


def test_every_reading_command_takes_the_shared_options(tmp_path):
    """templates and cluster read through the same path: --text-field/--id-field and --jobs reach them."""
    src = tmp_path / "in.jsonl"
    with open(GWR, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        for i, line in zip(range(6), fh):
            r = json.loads(line)
            out.write(json.dumps({"key": f"k{i}", "正文": r["content"]}, ensure_ascii=False) + "\n")
    fields = ["--text-field", "正文", "--id-field", "key", "-q", "-j", "2"]
    fam = tmp_path / "f.jsonl"
    res = CliRunner().invoke(main, ["templates", str(src), "-o", str(fam), "--singletons", *fields])
    assert res.exit_code == 0, res.output
    members = sorted(
        m for line in fam.read_text("utf-8").splitlines() for m in json.loads(line)["members"]
    )
    assert members == [f"k{i}" for i in range(6)]
    csv = tmp_path / "c.csv"
    res = CliRunner().invoke(main, ["cluster", str(src), "-o", str(csv), "--k", "2", *fields])
    assert res.exit_code == 0, res.output
    assert [row.split(",")[0] for row in csv.read_text("utf-8").splitlines()[1:]] == [
        f"k{i}" for i in range(6)
    ]


def test_a_worker_dead_before_its_next_task_is_replaced():
    """A worker killed between two tasks (as the OOM killer would): sending it the next task raised
    BrokenPipeError, which the CLI reads as a closed standard output (``| head``) and ended the run with exit 1
    and no message (``test_killing_a_worker_of_the_cli_run`` failed one run in three); the task goes to a new
    worker instead."""
    from reportnlp.pipeline.executors import ProcessExecutor

    ex = ProcessExecutor(2)
    try:
        assert sorted(ex.map(abs, [-1, -2])) == [(0, 1), (1, 2)]  # the pool is up, both workers idle
        victim = ex._pool[0].proc
        os.kill(victim.pid, signal.SIGKILL)
        victim.join()
        assert sorted(ex.map(abs, [-3, -4, -5])) == [(0, 3), (1, 4), (2, 5)]
    finally:
        ex.close()
