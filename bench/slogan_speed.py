"""find_slogans of revision ``--old`` against this tree's, interleaved in one process (eighth slogan pass).

    python bench/slogan_speed.py [--old main] [--rounds 21]

The texts are those of ``slogan_diff.py`` (State Council, CPC and provincial reports outside the held-out
sources). Both finders are warmed on every text first (lexicons loaded), then timed in alternating order, CPU time,
the fastest round of each kept: a ratio the load of a shared machine moves less than ``paired_analyse.py``'s.
"""

from __future__ import annotations

import argparse
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from slogan_diff import texts  # noqa: E402


def _drop_package() -> None:
    for name in [m for m in sys.modules if m == "reportnlp" or m.startswith("reportnlp.")]:
        del sys.modules[name]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="main")
    ap.add_argument("--rounds", type=int, default=21)
    args = ap.parse_args()
    docs = [t for _, t in texts()]
    tmp = tempfile.mkdtemp(prefix="slogan_speed_")
    blob = subprocess.run(
        ["git", "archive", args.old, "reportnlp"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    tarfile.open(fileobj=io.BytesIO(blob)).extractall(tmp)
    _drop_package()
    sys.path.insert(0, tmp)
    old = importlib.import_module("reportnlp.analysers.slogans").find_slogans
    for d in docs:  # warm: the old module loads its own data files now, before the name is reused
        old(d)
    _drop_package()
    sys.path.remove(tmp)
    sys.path.insert(0, str(ROOT))
    new = importlib.import_module("reportnlp.analysers.slogans").find_slogans
    for d in docs:
        new(d)
    best = {"old": float("inf"), "new": float("inf")}
    for r in range(args.rounds):
        order = (("old", old), ("new", new)) if r % 2 else (("new", new), ("old", old))
        for name, finder in order:
            t = time.process_time()
            for d in docs:
                finder(d)
            best[name] = min(best[name], time.process_time() - t)
    print(
        f"find_slogans on {len(docs)} reports ({sum(map(len, docs)):,} characters), fastest of {args.rounds}: "
        f"old {best['old']:.4f} s, new {best['new']:.4f} s, new/old {best['new'] / best['old']:.3f}"
    )


if __name__ == "__main__":
    main()
