"""The notebooks run from top to bottom (nbclient, a real kernel) and are committed without outputs.

Each notebook finds the repository root itself, so it is run here once from ``notebooks/`` and the first
one also from the root. Marked ``slow`` (run by the plain ``python -m pytest -q``; ``-m 'not slow'`` skips
them): about 10 s for 01 and 20 s for 02 on this project's 2-core machine.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_the_notebooks_are_there():
    names = [p.name for p in ALL]
    assert names[:2] == ["01_seeds.ipynb", "02_state_council_reports.ipynb"], names


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                path.name,
                cell.source[:60],
            )


def _execute(path: Path, cwd: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any failure
    return nb


@pytest.mark.slow
@pytest.mark.parametrize(
    "path, cwd",
    [(p, NOTEBOOKS) for p in ALL] + [(NOTEBOOKS / "01_seeds.ipynb", ROOT)],
    ids=lambda x: x.stem if x.suffix else ("from notebooks/" if x == NOTEBOOKS else "from root"),
)
def test_notebook_runs(path: Path, cwd: Path):
    nb = _execute(path, cwd)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "a notebook without its plots"
