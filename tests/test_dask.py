"""The Dask engine against the one-machine engine: same bytes, same counts, same failures, atomic output."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from click.testing import CliRunner  # noqa: E402
from conftest import GWR, SEEDS  # noqa: E402

from reportnlp.cli import main  # noqa: E402
from reportnlp.pipeline import dask_engine as de  # noqa: E402
from reportnlp.pipeline.readers import read_inputs  # noqa: E402
from reportnlp.pipeline.run import corpus_line_counts  # noqa: E402

# bytes per partition: the State Council corpus (3.3 MB) becomes a dozen line ranges
SMALL = 300_000


@pytest.fixture(scope="module")
def cluster():
    client, cl = de.local_cluster(2)
    yield client, cl
    client.close()
    cl.close()


@pytest.fixture(scope="module")
def client(cluster):
    return cluster[0]


def local(step: str, inputs: list[str], out: Path, *extra: str) -> tuple[int, dict]:
    """The ``--jobs 1`` engine through the CLI; returns the exit code and the ``--stats`` summary."""
    stats = out.with_suffix(".stats.json")
    res = CliRunner().invoke(
        main, [step, *inputs, "-o", str(out), "--stats", str(stats), "-q", *extra]
    )
    return res.exit_code, json.loads(stats.read_text(encoding="utf-8"))


def dask_run(client, step, inputs, output, **kw):
    return de.run_dask(step, inputs, str(output), client=client, partition_size=SMALL, **kw)


@pytest.fixture()
def bad_corpus(tmp_path: Path) -> Path:
    """The seeds, bad files of every kind, and a JSONL file with a malformed line far into it."""
    d = tmp_path / "in"
    shutil.copytree(SEEDS, d)
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "empty.txt").write_bytes(b"")
    (d / "truncated.txt").write_bytes("第一行\n关于全市理论宣讲".encode()[:-1])
    lines = GWR.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(49, '{"id": "bad", "text": \n')  # line 50, in a later partition than line 1
    lines.insert(60, "[1, 2]\n")
    (d / "gwr.jsonl").write_text("".join(lines), encoding="utf-8")
    return d


def test_plan_covers_every_byte_with_line_numbers(tmp_path):
    parts = de.plan_partitions([str(GWR), str(SEEDS)], SMALL)
    ranges = [u for p in parts for u in p.units if isinstance(u, de.JsonlRange)]
    assert len(ranges) > 8 and ranges[0].start == 0 and ranges[-1].end == GWR.stat().st_size
    data = GWR.read_bytes()
    for a, b in zip(ranges, ranges[1:]):
        assert a.end == b.start and data[a.end - 1 : a.end] == b"\n"
        assert b.first_line == data[: b.start].count(b"\n") + 1
    files = [u.path for p in parts for u in p.units if isinstance(u, de.WholeFile)]
    assert files == [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    assert [p.index for p in parts] == list(range(len(parts)))


def test_items_equal_read_inputs(bad_corpus):
    parts = de.plan_partitions([str(bad_corpus)], SMALL)
    assert len(parts) > 5
    ours = [item for p in parts for item in de.unique_items(p)]
    assert ours == list(read_inputs([str(bad_corpus)]))


@pytest.mark.slow  # a Dask cluster
def test_corpus_counts_reduction_equals_one_machine(client):
    inputs = [str(GWR), str(SEEDS)]
    counts, n = de.corpus_line_counts_dask(inputs, client=client, partition_size=SMALL)
    expected, n_expected = corpus_line_counts(read_inputs(inputs))
    assert n == n_expected == 77
    assert counts == expected


def _worker_state() -> tuple[bool, int]:
    import gc
    import sys

    return "reportnlp.pipeline.tasks" in sys.modules, gc.get_freeze_count()


@pytest.mark.slow  # a Dask cluster
def test_local_cluster_workers_are_forked_and_frozen(tmp_path):
    """The workers of a local cluster are copies of this process (reportnlp already imported, nothing to
    import again before the first task) and keep what they inherited out of the garbage collector."""
    import sys

    if not sys.platform.startswith("linux"):  # pragma: no cover
        pytest.skip("workers are forked on Linux only")
    import reportnlp.pipeline.tasks  # noqa: F401  (in this process, so in its forked workers)

    client, cl = de.local_cluster(2)
    try:
        states = client.run(_worker_state)
        assert len(states) == 2
        assert all(imported and frozen > 1000 for imported, frozen in states.values())
        # the fork was for the start only: the config is back to the default for what comes after
        import dask

        assert dask.config.get("distributed.worker.multiprocessing-method") == "spawn"
        seeds = sorted(SEEDS.glob("*.txt"))[:3]
        de.run_dask("clean", [str(p) for p in seeds], str(tmp_path / "a.jsonl"), client=client)
        code, _ = local("clean", [str(p) for p in seeds], tmp_path / "b.jsonl")
        assert code == 0
        assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    finally:
        client.close()
        cl.close()


@pytest.fixture()
def furnished(tmp_path: Path) -> Path:
    """The State Council reports with a site's separator line in mid-body: only the corpus signal
    (a line in 72 of 72 documents) drops it."""
    path = tmp_path / "furnished.jsonl"
    with open(GWR, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            rec = json.loads(line)
            paras = rec["content"].split("\n\n")
            k = len(paras) // 2
            text = "\n\n".join([*paras[:k], "◆ ◆ ◆", *paras[k:]])
            dst.write(json.dumps({"id": f"r{i}", "title": rec["title"], "text": text}) + "\n")
    return path


@pytest.mark.slow  # a Dask cluster
def test_single_jsonl_same_bytes_as_jobs_1(client, tmp_path, furnished):
    inputs = [str(furnished), str(SEEDS)]
    code, stats = local("clean", inputs, tmp_path / "a.jsonl", "--explain", str(tmp_path / "a.ex"))
    assert code == 0
    summary = dask_run(
        client, "clean", inputs, tmp_path / "b.jsonl", explain=str(tmp_path / "b.ex")
    )
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.ex").read_bytes() == (tmp_path / "b.ex").read_bytes()
    assert summary.to_dict() == stats
    assert stats["dropped_by_reason"]["repeated_across_corpus"] >= 60  # the corpus signal acted
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.ex", "a.jsonl", "a.stats.json", "b.ex", "b.jsonl", "furnished.jsonl"
    ]  # fmt: skip


@pytest.mark.slow  # a Dask cluster
def test_bad_input_named_rest_processed(client, bad_corpus, tmp_path):
    code, stats = local("clean", [str(bad_corpus)], tmp_path / "a.jsonl")
    assert code == 1
    summary = dask_run(client, "clean", [str(bad_corpus)], tmp_path / "b.jsonl")
    assert summary.failures == stats["failures"]
    where = " ".join(summary.failures)
    for name in ("binary.txt", "empty.txt", "truncated.txt:2", "gwr.jsonl:50", "gwr.jsonl:61"):
        assert name in where
    assert summary.documents == stats["documents"] == 5 + 72
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


@pytest.mark.slow  # a Dask cluster
def test_duplicate_ids_across_partitions(client, tmp_path):
    other = tmp_path / "copy"
    other.mkdir()
    shutil.copy(GWR, other / GWR.name)  # same stem: every id recurs, in other partitions
    dup = tmp_path / "dup.jsonl"
    dup.write_text(
        "".join(
            json.dumps({"id": "x", "text": f"第{i}段正文，内容完整。"}) + "\n" for i in range(3)
        ),
        encoding="utf-8",
    )
    again = tmp_path / "dup_again.jsonl"  # the same ids again (a file given twice is read once)
    again.write_bytes(dup.read_bytes())
    inputs = [str(GWR), str(dup), str(other), str(again)]
    local("clean", inputs, tmp_path / "a.jsonl", "--corpus-signal", "off")
    dask_run(client, "clean", inputs, tmp_path / "b.jsonl", corpus_signal="off")
    a = (tmp_path / "a.jsonl").read_bytes()
    assert a == (tmp_path / "b.jsonl").read_bytes()
    ids = [json.loads(line)["id"] for line in a.decode().splitlines()]
    assert len(ids) == len(set(ids)) == 150 and "x#6" in ids


@pytest.mark.slow  # a Dask cluster
def test_partitioned_output_success_marker_and_stale_parts(client, tmp_path):
    out = tmp_path / "parts"
    dask_run(client, "clean", [str(GWR)], f"{out}/")
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) > 8 and (out / de.SUCCESS).exists()
    dask_run(client, "clean", [str(GWR)], tmp_path / "one.jsonl")
    assert b"".join(p.read_bytes() for p in parts) == (tmp_path / "one.jsonl").read_bytes()
    # a later run with fewer partitions leaves no part of the earlier one behind
    de.run_dask("clean", [str(GWR)], str(out), client=client, partition_size=2_000_000)
    again = sorted(out.glob("part-*.jsonl"))
    assert len(again) == 2 and (out / de.SUCCESS).exists()
    assert b"".join(p.read_bytes() for p in again) == (tmp_path / "one.jsonl").read_bytes()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.slow  # a Dask cluster
def test_parquet_parts_and_file(client, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    inputs = [str(GWR), str(SEEDS)]
    dask_run(client, "clean", inputs, tmp_path / "ref.jsonl")
    ref = [json.loads(line) for line in (tmp_path / "ref.jsonl").read_text("utf-8").splitlines()]
    dask_run(client, "clean", inputs, tmp_path / "pq", fmt="parquet")
    assert (tmp_path / "pq" / de.SUCCESS).exists()
    parts = sorted((tmp_path / "pq").glob("part-*.parquet"))
    df = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    dask_run(client, "clean", inputs, tmp_path / "one.parquet")
    one = pd.read_parquet(tmp_path / "one.parquet")
    for frame in (df, one):
        assert list(frame["id"]) == [r["id"] for r in ref]
        assert list(frame["text"]) == [r["text"] for r in ref]
        assert json.loads(frame["edits"][3]) == ref[3]["edits"]


@pytest.mark.slow  # a Dask cluster
def test_analyse_same_bytes_as_jobs_1(client, tmp_path):
    inputs = [str(SEEDS), str(GWR)]
    code, stats = local("analyse", inputs, tmp_path / "a.jsonl")
    assert code == 0
    summary = dask_run(client, "analyse", inputs, tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert summary.to_dict() == stats


@pytest.mark.slow  # a Dask cluster
def test_crash_leaves_previous_output(client, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")

    def breaks(on: bool) -> None:
        import reportnlp.pipeline.run as runmod

        if on:
            runmod._saved = runmod.clean_record

            def boom(*a, **k):
                raise RuntimeError("disk on fire")

            runmod.clean_record = boom
        else:
            runmod.clean_record = runmod._saved

    client.run(breaks, True)
    try:
        with pytest.raises(RuntimeError, match="disk on fire"):
            dask_run(client, "clean", [str(GWR)], out, explain=str(tmp_path / "ex.jsonl"))
    finally:
        client.run(breaks, False)
    assert out.read_text(encoding="utf-8") == "previous run\n"  # the output is untouched
    # no temporary file; only the staging folder of the parts already written, for a rerun to resume
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.jsonl.parts", "out.jsonl"]
    for _ in range(100):  # a cancelled task still running on a worker removes its own when it fails
        if not list((tmp_path / ".out.jsonl.parts").glob(".*.tmp")):
            break
        time.sleep(0.1)
    assert not list((tmp_path / ".out.jsonl.parts").glob(".*.tmp"))
    dask_run(client, "clean", [str(GWR)], out, explain=str(tmp_path / "ex.jsonl"))
    dask_run(client, "clean", [str(GWR)], tmp_path / "fresh.jsonl")
    assert out.read_bytes() == (tmp_path / "fresh.jsonl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ex.jsonl", "fresh.jsonl", "out.jsonl"]


@pytest.mark.slow  # a Dask cluster
def test_own_cluster_and_scheduler_address(cluster, tmp_path):
    client, cl = cluster
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    inputs = [str(p) for p in seeds]
    s1 = de.run_dask("clean", inputs, str(tmp_path / "a.jsonl"), workers=1)
    s2 = de.run_dask("clean", inputs, str(tmp_path / "b.jsonl"), scheduler=cl.scheduler_address)
    assert s1.documents == s2.documents == 2
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


@pytest.mark.slow  # a Dask cluster
def test_cli_engine_dask_matches_the_local_engine(tmp_path):
    """``reportnlp clean --engine dask`` writes the same bytes as the one-machine engine."""
    from click.testing import CliRunner

    from reportnlp.cli import main

    samples = str(Path(__file__).resolve().parent.parent / "corpora" / "samples")
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert CliRunner().invoke(main, ["clean", samples, "-o", str(local), "-q"]).exit_code == 0
    res = CliRunner().invoke(
        main, ["clean", samples, "-o", str(dask_out), "--engine", "dask", "--workers", "1", "-q"]
    )
    assert res.exit_code == 0, res.output
    assert dask_out.read_bytes() == local.read_bytes()
    bad = CliRunner().invoke(main, ["clean", samples, "-o", str(local), "--workers", "2"])
    assert bad.exit_code == 2 and "--engine dask" in bad.output


@pytest.mark.slow  # a Dask cluster
def test_every_reading_command_runs_on_dask(cluster, tmp_path):
    """The shared option group: cluster, templates and placeholders take --engine dask too, and give
    what the local engine gives."""
    from click.testing import CliRunner

    from reportnlp.cli import main

    samples = str(Path(__file__).resolve().parent.parent / "corpora" / "samples")
    for cmd, out in (("cluster", "c.csv"), ("templates", "t.jsonl"), ("placeholders", "p.json")):
        flag = "--json" if cmd == "placeholders" else "-o"
        outs = []
        for engine in (
            ["--jobs", "1"],
            ["--engine", "dask", "--scheduler", cluster[1].scheduler_address],
        ):
            target = tmp_path / f"{engine[-2]}-{out}"
            res = CliRunner().invoke(main, [cmd, samples, flag, str(target), "-q", *engine])
            assert res.exit_code == 0, (cmd, res.output)
            outs.append(target.read_bytes())
        assert outs[0] == outs[1], cmd
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.slow  # a Dask cluster
def test_text_and_id_fields_on_dask(cluster, tmp_path):
    src = tmp_path / "in.jsonl"
    with open(GWR, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        for i, line in zip(range(10), fh):
            r = json.loads(line)
            out.write(json.dumps({"key": f"k{i}", "正文": r["content"]}, ensure_ascii=False) + "\n")
    fields = ["--text-field", "正文", "--id-field", "key", "-q"]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert CliRunner().invoke(main, ["clean", str(src), "-o", str(a), *fields]).exit_code == 0
    address = cluster[1].scheduler_address
    res = CliRunner().invoke(
        main, ["clean", str(src), "-o", str(b), *fields, "--engine", "dask", "--scheduler", address]
    )
    assert res.exit_code == 0, res.output
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_text(encoding="utf-8").splitlines()[3])["id"] == "k3"
