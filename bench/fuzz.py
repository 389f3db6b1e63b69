"""The long fuzz profile: every stage of tests/test_fuzz.py on N random inputs, counting instead of stopping.

    PYTHONPATH=. python bench/fuzz.py --examples 10000 [--examples-long 1000] --out bench/fuzz-results.json
                                      [--stages a,b]

Per stage: examples run, crashes (an exception), hangs (a call over ``FUZZ_LIMIT`` × ``FUZZ_MARGIN``
seconds, default 1 s × 3), invariant violations (offsets, replayed edits, idempotency, ...), the slowest
whole check and the slowest library call without garbage-collector time (``slowest_call_cpu_s``, with its
input and its size; ``slowest_call_100kb_cpu_s`` over inputs of at most 100 kB in UTF-8), the first call apart
(tables are warmed up before any stage), and the first few failing inputs
(``repr``, cut to 300 characters) to turn into regression tests.
Hypothesis generates the inputs (no shrinking: each failure is counted as found).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_fuzz  # noqa: E402

#: One page of every kind the library reads lazily (OpenCC's tables on the first traditional character,
#: pinyin, mojibake, HTML, numbers, masks, headings): loaded before any stage, so that the slowest call of a
#: stage is the cost of its input, not a table loaded on the first input that needs it.
_WARM_TEXT = (
    "關於經濟發展的報告\n來(lái)著乾。ㄒ唬┮庾R，意识┬形态，\ufffd\n一、共有三点五万人，增长5.2%，××市202x年。\n"
    "（一）坚持稳中求进，乡村振兴、“三农”工作。\n版权所有：上派范文网 城南政发〔2024〕3号 ｌáｉ"
)


def _warm_up() -> None:
    import reportnlp
    from reportnlp import analyse, clean

    for encoding in ("utf-8", "gb18030", "big5", "utf-16"):
        clean(_WARM_TEXT.encode(encoding, "replace"))
    clean(("<html><head><title>标题</title></head><body><p>" + _WARM_TEXT + "</p></body></html>").encode())
    analyse(_WARM_TEXT)
    reportnlp.load()(_WARM_TEXT)


def run_stage(name: str, examples: int, progress=None) -> dict:
    strategy, check = test_fuzz.STAGES[name]
    counts: Counter = Counter()
    samples: list[dict] = []
    slowest = slowest_cpu = first_cpu = slowest_call = slowest_100kb = 0.0
    slowest_input = slowest_fn = slowest_100kb_input = ""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def body(x):
        nonlocal slowest, slowest_cpu, first_cpu, slowest_input, slowest_call, slowest_fn
        nonlocal slowest_100kb, slowest_100kb_input
        counts["examples"] += 1
        t, cpu = time.perf_counter(), time.process_time()
        test_fuzz.SLOWEST[:] = [0.0, "", 0]
        test_fuzz.SLOWEST_100KB[:] = [0.0, "", 0]
        kind, error = None, ""
        try:
            check(x)
        except test_fuzz.Hang:
            kind, error = "hangs", traceback.format_exc()[-600:]
        except AssertionError:
            kind, error = "violations", traceback.format_exc()[-600:]
        except Exception:
            kind, error = "crashes", traceback.format_exc()[-600:]
        if counts["examples"] == 1:  # the first call loads tables (jieba, OpenCC, ...): apart
            first_cpu = time.process_time() - cpu
        else:
            slowest = max(slowest, time.perf_counter() - t)
            if time.process_time() - cpu > slowest_cpu:
                slowest_cpu = time.process_time() - cpu
            if test_fuzz.SLOWEST[0] > slowest_call:  # the library's call alone, not the checks around it
                slowest_call, slowest_fn, size = test_fuzz.SLOWEST
                slowest_input = f"{slowest_fn} on {len(x)} characters ({size:,} bytes): {repr(x)[:200]}"
            if test_fuzz.SLOWEST_100KB[0] > slowest_100kb:
                slowest_100kb, fn, size = test_fuzz.SLOWEST_100KB
                slowest_100kb_input = f"{fn} on {len(x)} characters ({size:,} bytes): {repr(x)[:200]}"
        if progress and counts["examples"] % 500 == 0:
            progress(figures(done=False))
        if kind:
            counts[kind] += 1
            if len(samples) < 5:
                samples.append({"kind": kind, "input": repr(x)[:300], "error": error})

    def figures(done: bool) -> dict:
        return _figures(
            counts,
            slowest,
            slowest_cpu,
            time.perf_counter() - t0,
            samples,
            done=done,
            first_cpu=first_cpu,
            slowest_input=slowest_input,
            slowest_call=slowest_call,
            slowest_100kb=slowest_100kb,
            slowest_100kb_input=slowest_100kb_input,
        )

    t0 = time.perf_counter()
    body()
    return figures(done=True)


def _figures(
    counts: Counter,
    slowest: float,
    slowest_cpu: float,
    seconds: float,
    samples: list,
    done: bool,
    first_cpu: float = 0.0,
    slowest_input: str = "",
    slowest_call: float = 0.0,
    slowest_100kb: float = 0.0,
    slowest_100kb_input: str = "",
) -> dict:
    return {
        "examples": counts["examples"],
        "crashes": counts["crashes"],
        "hangs": counts["hangs"],
        "violations": counts["violations"],
        "slowest_s": round(slowest, 3),  # wall time, as the machine's load makes it
        "slowest_cpu_s": round(slowest_cpu, 3),  # CPU time of a whole check (the call and its checks)
        "slowest_call_cpu_s": round(slowest_call, 3),  # the slowest timed library call: what the limit reads
        "first_call_cpu_s": round(first_cpu, 3),  # the first input, with table loading (not timed)
        "slowest_input": slowest_input,  # that call's function, its input's length and repr's start
        # the same over inputs of at most 100 kB in UTF-8: what "no input under 100 kB over 1 s" reads
        "slowest_call_100kb_cpu_s": round(slowest_100kb, 3),
        "slowest_100kb_input": slowest_100kb_input,
        "seconds": round(seconds, 1),
        "finished": done,
        "samples": list(samples),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument(
        "--examples-long",
        type=int,
        default=None,
        help="for the long_* stages (inputs up to 100 kB)",
    )
    ap.add_argument("--stages", default=",".join(test_fuzz.STAGES))
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    args = ap.parse_args()
    results: dict = {}
    root = Path(__file__).resolve().parent.parent
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True, text=True
    ).stdout.strip()

    def save() -> None:
        if args.out:  # after every stage and every 500 examples: a run cut short keeps its figures
            report = {
                "examples_per_stage": args.examples,
                "limit_s": test_fuzz.LIMIT,
                "python": platform.python_version(),
                "commit": commit,  # the code every stage of this run ran on
                "stages": results,
            }
            Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")

    _warm_up()
    for name in args.stages.split(","):

        def progress(figures: dict, name: str = name) -> None:
            results[name] = figures
            save()

        n = args.examples_long if args.examples_long and name in test_fuzz.LONG else args.examples
        results[name] = run_stage(name, n, progress)
        save()
        r = results[name]
        print(
            f"{name:16} {r['examples']:6} examples  {r['crashes']:3} crashes  {r['hangs']:3} hangs  "
            f"{r['violations']:3} violations  slowest {r['slowest_s']:.2f} s "
            f"({r['slowest_cpu_s']:.2f} s CPU; slowest call {r['slowest_call_cpu_s']:.2f} s CPU)  "
            f"({r['seconds']} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
