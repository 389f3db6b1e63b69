"""The README's code runs: every ```python and ```bash block, in a fresh directory beside the repository's data.

Each block runs in a temporary directory holding links to the repository's ``corpora/``, ``tests/`` and
``notebooks/`` (so the paths the README uses resolve), with this checkout on ``PYTHONPATH`` and a
``reportnlp`` command that runs it. In a bash block a leading ``pip install … &&`` is not run (the package
is installed already; nothing is downloaded), the rest of the line is. A block is left out, with its
reason, when the line before its fence says so::

    <!-- readme-test: skip (why) -->

A block that runs a script of ``bench/`` (benchmarks and evaluations: minutes, extra data or tools) is left
out too, and a block that reads the State Council corpus or loads a spaCy pipeline is marked ``slow``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

README = ROOT / "README.md"
FENCE = re.compile(
    r"(?:<!--\s*readme-test:\s*skip\s*(?P<why>.*?)-->\s*\n)?^```(?P<lang>python|bash)\n(?P<body>.*?)^```",
    re.S | re.M,
)
PIP = re.compile(r"^\s*pip install [^&\n]*(?:&&\s*|$)", re.M)


def blocks() -> list:
    text = README.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start("lang")) + 1
        marks = []
        if m.group("why") is not None:
            marks.append(pytest.mark.skip(reason=f"README: {m.group('why').strip() or 'marked'}"))
        elif re.search(r"\bbench/", m.group("body")):
            marks.append(pytest.mark.skip(reason="a benchmark or evaluation script (bench/)"))
        elif "corpora/gwr" in m.group("body") or "reportnlp.load(" in m.group("body"):
            marks.append(pytest.mark.slow)  # the State Council corpus, or a spaCy pipeline
        out.append(
            pytest.param(
                m.group("lang"), m.group("body"), id=f"line {line} {m.group('lang')}", marks=marks
            )
        )
    return out


def test_the_readme_has_code_to_run():
    params = blocks()
    assert len([p for p in params if p.values[0] == "python"]) >= 3
    assert len([p for p in params if p.values[0] == "bash"]) >= 3


def test_a_skip_needs_the_marker_on_the_line_before():
    text = "<!-- readme-test: skip (a benchmark) -->\n```bash\nls\n```\n```python\nx = 1\n```\n"
    found = [(m.group("why"), m.group("lang")) for m in FENCE.finditer(text)]
    assert found == [("(a benchmark) ", "bash"), (None, "python")]
    assert PIP.sub("", "pip install -e '.[test]' && python -m x\n") == "python -m x\n"


@pytest.fixture()
def sandbox(tmp_path):
    for name in ("corpora", "tests", "notebooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "reportnlp"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m reportnlp.cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["PATH"] = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), env["PATH"]])
    env["TQDM_DISABLE"] = "1"
    return tmp_path, env


@pytest.mark.parametrize("lang, body", blocks())
def test_readme_block_runs(lang, body, sandbox):
    cwd, env = sandbox
    if lang == "bash":
        script = cwd / "block.sh"
        script.write_text("set -euo pipefail\n" + PIP.sub("", body), encoding="utf-8")
        cmd = ["bash", str(script)]
    else:
        script = cwd / "block.py"
        script.write_text(body, encoding="utf-8")
        cmd = [sys.executable, str(script)]
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, f"README block failed:\n{body}\n--- stderr\n{res.stderr[-3000:]}"
