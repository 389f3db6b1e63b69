"""Run the notebooks and commit what they show: outputs saved in the notebooks, figures under docs/figures.

    python notebooks/execute.py                  # run every notebook, write outputs and figures
    python notebooks/execute.py 02_state_council_reports.ipynb
    python notebooks/execute.py --check          # run them and fail if the committed outputs differ

Needs the ``notebooks`` extra (``pip install -e '.[notebooks]'``: nbclient, ipykernel, matplotlib).
Runs are deterministic, so a notebook's file changes only when what it shows changes:

* each notebook runs in a fresh kernel from ``notebooks/`` with ``PYTHONHASHSEED=0``, ``TZ=UTC``, the
  ``random`` and numpy seeds set to 0, the debugger's frozen-modules warning off and progress bars
  off (``TQDM_DISABLE``);
* figures are PNG only, 100 dpi, without the ``Software`` metadata matplotlib writes (no version in the
  bytes), and no execution timestamps are recorded (``record_timing=False``);
* the notebook's metadata keeps the SHA-256 of its cells' sources (``reportnlp.source_sha256``), so a test
  sees at once when a cell was edited and the outputs were not regenerated;
* every PNG is also written as ``docs/figures/<notebook>-<n>.png``, for the README.

``--check`` compares a fresh run with the committed notebook: the same outputs in every cell, text equal
once durations (``12.3 s``, ``45 ms``) are masked, and every figure of the same size within 5 % (pixels
may differ between matplotlib and FreeType versions; the figures are regenerated, not compared).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIGURES = ROOT / "docs" / "figures"

#: Run in the kernel before the first cell (an IPython startup file): seeds and figure settings.
STARTUP = """\
import os as _os, random as _random
_random.seed(0)
try:
    import numpy as _np
    _np.random.seed(0)
except ImportError:
    pass
try:
    import matplotlib as _mpl
    _mpl.rcParams.update({"figure.dpi": 100, "savefig.dpi": 100, "svg.hashsalt": "reportnlp"})
    get_ipython().run_line_magic("matplotlib", "inline")
    from matplotlib_inline.backend_inline import set_matplotlib_formats as _formats

    _formats("png", bbox_inches="tight", metadata={"Software": None})
except ImportError:
    pass
"""

_DURATION = re.compile(r"\d+(?:\.\d+)?\s?(?:s|ms|seconds)\b")


def notebooks(names: list[str] | None = None) -> list[Path]:
    """The notebooks to run: those named (in ``notebooks/``), or all of them in name order."""
    if names:
        return [HERE / Path(n).name for n in names]
    return sorted(HERE.glob("*.ipynb"))


def source_digest(nb: Any) -> str:
    """SHA-256 of the notebook's cells: their types and sources, in order (outputs not included)."""
    h = hashlib.sha256()
    for cell in nb.cells:
        h.update(cell.cell_type.encode() + b"\0" + cell.source.encode("utf-8") + b"\0")
    return h.hexdigest()


def execute(path: Path, cwd: Path = HERE, timeout: int = 600) -> Any:
    """Run a notebook in a fresh kernel (deterministic settings above); the executed notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
    with tempfile.TemporaryDirectory() as ipython_dir:
        startup = Path(ipython_dir) / "profile_default" / "startup"
        startup.mkdir(parents=True)
        (startup / "00-reportnlp-notebooks.py").write_text(STARTUP, encoding="utf-8")
        env = {
            "IPYTHONDIR": ipython_dir,
            "PYTHONHASHSEED": "0",
            "TZ": "UTC",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "TQDM_DISABLE": "1",
        }
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            client = NotebookClient(
                nb,
                timeout=timeout,
                kernel_name="python3",
                record_timing=False,
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
                resources={"metadata": {"path": str(cwd)}},
            )
            client.execute()  # CellExecutionError, with the cell and its traceback, on any failure
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata["reportnlp"] = {
        "executed_by": "notebooks/execute.py",
        "source_sha256": source_digest(nb),
    }
    return nb


def images(nb: Any) -> list[bytes]:
    """The notebook's PNG outputs, in order."""
    return [
        base64.b64decode(o["data"]["image/png"])
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])


def figure_paths(path: Path, n: int) -> list[Path]:
    return [FIGURES / f"{path.stem}-{k + 1}.png" for k in range(n)]


def write(path: Path, nb: Any) -> list[Path]:
    """Save the executed notebook over ``path`` and its figures under docs/figures; the figure paths."""
    import nbformat

    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    pngs = images(nb)
    FIGURES.mkdir(parents=True, exist_ok=True)
    for old in FIGURES.glob(f"{path.stem}-*.png"):
        old.unlink()
    out = figure_paths(path, len(pngs))
    for png, target in zip(pngs, out):
        target.write_bytes(png)
    return out


def _text(output: Any) -> str:
    if output.output_type == "stream":
        text = output.text
    elif output.output_type in ("execute_result", "display_data"):
        data = output.get("data", {})
        text = data.get("text/plain", "") if "image/png" not in data else ""
    else:
        text = output.get("ename", "") + ": " + output.get("evalue", "")
    return _DURATION.sub("<duration>", text)


def differences(committed: Any, fresh: Any) -> list[str]:
    """How a fresh run differs from the committed notebook (empty when the outputs are current)."""
    problems = []
    old = [c for c in committed.cells if c.cell_type == "code"]
    new = [c for c in fresh.cells if c.cell_type == "code"]
    if [c.source for c in old] != [c.source for c in new]:
        return ["the cells' sources differ"]
    for n, (a, b) in enumerate(zip(old, new), start=1):
        kinds_a = [(o.output_type, "image/png" in o.get("data", {})) for o in a.outputs]
        kinds_b = [(o.output_type, "image/png" in o.get("data", {})) for o in b.outputs]
        if kinds_a != kinds_b:
            problems.append(f"code cell {n}: outputs {kinds_a} committed, {kinds_b} now")
            continue
        for oa, ob in zip(a.outputs, b.outputs):
            ta, tb = _text(oa), _text(ob)
            if ta != tb:
                problems.append(
                    f"code cell {n}: text output differs:\n--- committed\n{ta}\n--- now\n{tb}"
                )
    for k, (pa, pb) in enumerate(zip(images(committed), images(fresh)), start=1):
        (wa, ha), (wb, hb) = png_size(pa), png_size(pb)
        if abs(wa - wb) > 0.05 * wa or abs(ha - hb) > 0.05 * ha:
            problems.append(f"figure {k}: {wa}x{ha} committed, {wb}x{hb} now")
    return problems


def main(argv: list[str] | None = None) -> int:
    import nbformat

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", help="notebook file names (default: all)")
    ap.add_argument(
        "--check",
        action="store_true",
        help="run and compare with the committed outputs; write nothing",
    )
    args = ap.parse_args(argv)
    failed = 0
    for path in notebooks(args.notebooks):
        nb = execute(path)
        if args.check:
            problems = differences(nbformat.read(path, as_version=4), nb)
            if problems:
                failed += 1
                print(f"{path.name}: outputs are not current (run python notebooks/execute.py)")
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
            else:
                print(f"{path.name}: current")
            continue
        figures = write(path, nb)
        shown = ", ".join(str(f.relative_to(ROOT)) for f in figures) or "no figure"
        print(f"{path.name}: {len(nb.cells)} cells run; wrote {path.relative_to(ROOT)} and {shown}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
