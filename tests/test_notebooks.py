"""The notebooks are committed with their outputs, and those outputs are current.

``python notebooks/execute.py`` runs every notebook deterministically and saves its outputs and figures
(``docs/figures``). Quick checks (no kernel): every code cell ran, in order, without an error; the
outputs belong to the cells as they are now (the source digest the script records); every notebook shows
a figure, and ``docs/figures`` holds exactly the notebooks' figures. Slow checks (a real kernel, about a
minute on this project's 2-core machine): a fresh run gives the same outputs (text equal once durations
are masked, figures of the same size), and the walkthrough also runs from the repository root.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))
RERUN = "run python notebooks/execute.py and commit the notebooks and docs/figures"


def _script():
    spec = importlib.util.spec_from_file_location("notebooks_execute", NOTEBOOKS / "execute.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


execute = _script()


def test_the_notebooks_are_there():
    names = [p.name for p in ALL]
    assert names[:3] == [
        "00_walkthrough.ipynb",
        "01_seeds.ipynb",
        "02_state_council_reports.ipynb",
    ], names


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_committed_with_current_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    meta = nb.metadata.get("reportnlp", {})
    assert meta.get("source_sha256") == execute.source_digest(nb), (
        f"{path.name}: cells edited; {RERUN}"
    )
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), RERUN
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"], (
        "warnings in a committed notebook"
    )
    assert all("execution" not in c.metadata for c in nb.cells)  # no timestamps
    pngs = execute.images(nb)
    assert pngs, "a notebook without its plots"
    figures = execute.figure_paths(path, len(pngs))
    assert [f.read_bytes() if f.exists() else None for f in figures] == pngs, RERUN


def test_no_stray_figures():
    expected = {
        f.name
        for p in ALL
        for f in execute.figure_paths(p, len(execute.images(nbformat.read(p, as_version=4))))
    }
    assert {f.name for f in (ROOT / "docs" / "figures").glob("*.png")} == expected


def test_differences_sees_a_changed_output():
    path = NOTEBOOKS / "01_seeds.ipynb"
    nb = nbformat.read(path, as_version=4)
    changed = nbformat.read(path, as_version=4)
    cell = next(c for c in changed.cells if c.cell_type == "code" and c.outputs)
    out = cell.outputs[0]
    if out.output_type == "stream":
        out.text += "x"
    else:
        out.data["text/plain"] += "x"
    assert execute.differences(nb, nb) == []
    assert execute.differences(nb, changed)
    timed = nbformat.read(path, as_version=4)
    stream = nbformat.v4.new_output("stream", name="stdout", text="done in 1.2 s\n")
    later = nbformat.v4.new_output("stream", name="stdout", text="done in 31.7 s\n")
    timed.cells[1].outputs, nb.cells[1].outputs = [stream], [later]
    assert execute.differences(nb, timed) == []  # durations are masked


@pytest.mark.slow
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_outputs_are_current(path: Path):
    fresh = execute.execute(path)
    problems = execute.differences(nbformat.read(path, as_version=4), fresh)
    assert not problems, f"{path.name}: {RERUN}\n" + "\n".join(problems)


@pytest.mark.slow
def test_walkthrough_runs_from_the_root():
    nb = execute.execute(NOTEBOOKS / "00_walkthrough.ipynb", cwd=ROOT)
    assert execute.images(nb)
