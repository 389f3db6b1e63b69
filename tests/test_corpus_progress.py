"""Progress of the corpus compute steps (issue 16): the ``progress(stage, done, total)`` callback of
``cluster_documents``, ``nearest_documents``, ``find_periods`` and ``find_families``, the terminal bar
(:class:`reportnlp.corpus.cli.ComputeProgress`), and each command's summary after it. Real documents:
corpora/samples and the government work reports in corpora/gwr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

import reportnlp.corpus.cli as corpus_cli
from reportnlp.corpus.eras import is_resolution
from reportnlp.corpus.periods import find_periods
from reportnlp.corpus.structure import cluster_documents, nearest_documents
from reportnlp.corpus.templates import find_families

SAMPLES = ROOT / "corpora" / "samples"


class Recorder:
    """A progress callback that keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.calls.append((stage, done, total))

    def stages(self) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for stage, done, total in self.calls:
            out.setdefault(stage, []).append((done, total))
        return out


def assert_rising(rec: Recorder) -> dict[str, list[tuple[int, int]]]:
    """Each stage runs once, in one block of calls, from 0 up to its fixed total."""
    stages = rec.stages()
    order = [s for i, (s, _, _) in enumerate(rec.calls) if i == 0 or rec.calls[i - 1][0] != s]
    assert len(order) == len(set(order)), f"a stage came back: {order}"
    for stage, calls in stages.items():
        totals = {t for _, t in calls}
        assert len(totals) == 1, (stage, totals)
        done = [d for d, _ in calls]
        assert done[0] == 0 and done[-1] == calls[0][1], (stage, done)
        assert all(a <= b for a, b in zip(done, done[1:])), (stage, done)
    return stages


@pytest.fixture(scope="module")
def samples() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="module")
def reports(gwr_records) -> list[dict]:
    recent = [r for r in gwr_records if not is_resolution(r) and int(r["year"]) >= 2008][:12]
    return [{"id": r["year"], "title": r["title"], "text": r["content"]} for r in recent]


def test_cluster_documents_reports_features_then_each_k(samples):
    rec = Recorder()
    plain = cluster_documents(list(samples.values()), k="auto", k_max=4)
    c = cluster_documents(list(samples.values()), k="auto", k_max=4, progress=rec)
    stages = assert_rising(rec)
    assert list(stages) == ["features", "clustering k=2..4"]
    assert stages["clustering k=2..4"][-1] == (3, 3)  # k = 2, 3, 4
    assert (
        c.k == plain.k
        and c.assignments["cluster"].tolist() == plain.assignments["cluster"].tolist()
    )


def test_nearest_documents_reports_each_document(samples):
    rec = Recorder()
    nn = nearest_documents(list(samples.values()), top=2, progress=rec)
    stages = assert_rising(rec)
    assert list(stages) == ["features", "neighbours"]
    n = len(samples)
    assert [d for d, _ in stages["neighbours"]] == list(range(n + 1))
    assert len(nn) == 2 * n


def test_find_periods_reports_each_k(reports):
    rec = Recorder()
    p = find_periods(reports, years=[r["id"] for r in reports], k_max=5, progress=rec)
    stages = assert_rising(rec)
    assert list(stages) == ["features", "segmenting k=2..5"]
    assert stages["segmenting k=2..5"][-1] == (4, 4) and sorted(p.k_scores) == [2, 3, 4, 5]


def test_find_families_reports_shingles_and_alignment(samples):
    docs = dict(samples)
    first = next(iter(docs))
    docs["copy"] = docs[first]  # a real document and its copy: one family to align
    rec = Recorder()
    fams = find_families(docs, progress=rec)
    stages = assert_rising(rec)
    assert list(stages) == ["shingles", "minhash", "linking", "aligning"]
    assert [d for d, _ in stages["shingles"]] == list(range(len(docs) + 1))
    assert stages["aligning"][-1] == (len(fams), len(fams)) and len(fams) >= 1


def test_terminal_bar_shows_the_total(capsys):
    bar = corpus_cli.ComputeProgress()
    for done in range(4):
        bar("clustering k=2..4", done, 3)
    bar("neighbours", 0, 5)
    bar("aligning", 0, 0)  # an empty stage draws no bar
    bar.close()
    err = capsys.readouterr().err
    assert "clustering k=2..4: 100%" in err and "3/3" in err and "0/5" in err
    assert "aligning" not in err


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    "command, args, first_stage",
    [
        ("cluster", ["--k-max", "3"], "features"),
        ("similar", ["--top", "2"], "features"),
        ("templates", [], "shingles"),
        ("periods", ["--years-field", "id", "--k-max", "3"], "features"),
    ],
)
def test_commands_show_progress_then_their_summary(
    command, args, first_stage, reports, tmp_path, monkeypatch
):
    rec = Recorder()
    monkeypatch.setattr(corpus_cli, "compute_progress", lambda opts: None if opts.quiet else rec)
    src = _jsonl(tmp_path / "reports.jsonl", reports)
    out = tmp_path / ("out.jsonl" if command == "templates" else "out.csv")
    cmd = getattr(corpus_cli, f"{command}_cmd")
    r = CliRunner().invoke(cmd, [str(src), "-o", str(out), *args])
    assert r.exit_code == 0, r.output
    stages = assert_rising(rec)
    assert next(iter(stages)) == first_stage and out.exists()
    lines = r.output.strip().splitlines()
    assert lines[0].startswith("documents: ") and lines[-1] == f"wrote {out}"
    rec.calls.clear()  # --quiet: no progress and no summary
    r = CliRunner().invoke(cmd, [str(src), "-o", str(out), "-q", *args])
    assert r.exit_code == 0 and rec.calls == [] and r.output == ""


def test_no_bar_when_standard_error_is_not_a_terminal(reports, tmp_path):
    src = _jsonl(tmp_path / "reports.jsonl", reports)
    out = tmp_path / "clusters.csv"
    r = CliRunner().invoke(corpus_cli.cluster_cmd, [str(src), "-o", str(out), "--k-max", "3"])
    assert r.exit_code == 0, r.output
    assert "it/s" not in r.output and "%|" not in r.output
    assert r.output.strip().splitlines()[-1] == f"wrote {out}"
