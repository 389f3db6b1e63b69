"""Where the CPU time of one whole ``reportnlp`` command goes, step by step (session 13's profile table).

    PYTHONPATH=. python bench/process_phases.py clean CORPUS.jsonl -o OUT.jsonl -q

Runs the command in this process with timing wrappers (``time.process_time``) around each step of the
pipeline: the corpus-signal scan's reading and line hashing, the process pass's reading, ``clean()``, the
record and its JSON line, the parts' writing, ``Summary.add``, the output's assembly; prints each step's CPU
seconds, the imports' and the rest's, and the process total (``getrusage``). The wrappers cost a few
milliseconds; CPU seconds, not wall, so that a shared machine's load biases the shares less. Build the 33 MB
corpus as ``bench/bench_scale.py`` does (``build_corpus``) and compile the bytecode first (``python -m
compileall -q reportnlp``), or the imports include compiling the package.
"""

from __future__ import annotations

import time

T0 = time.process_time()

import resource  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402

ACC: dict[str, float] = defaultdict(float)


def _wrap(owner, name: str, key: str) -> None:
    if not hasattr(owner, name):
        return
    f = getattr(owner, name)

    def timed(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            ACC[key] += time.process_time() - t

    setattr(owner, name, timed)


def _wrap_iter(owner, name: str, key: str) -> None:
    f = getattr(owner, name)

    def timed(*a, **k):
        it = f(*a, **k)
        while True:
            t = time.process_time()
            try:
                x = next(it)
            except StopIteration:
                ACC[key] += time.process_time() - t
                return
            ACC[key] += time.process_time() - t
            yield x

    setattr(owner, name, timed)


def main() -> None:
    import reportnlp.cli as cli
    import reportnlp.pipeline.driver as driver
    import reportnlp.pipeline.run as run
    import reportnlp.pipeline.tasks as tasks
    import reportnlp.types as types

    t1 = time.process_time()
    _wrap(run, "clean", "clean()")
    _wrap(types.CleanDoc, "to_dict", "record dicts (to_dict)")
    _wrap(tasks, "dumps_line", "JSON line (dumps_line)")  # before session 13
    _wrap(run.Result, "json_line", "JSON line (Result.json_line)")  # session 13 on
    _wrap(tasks._PartFile, "write", "parts written")
    _wrap(run.Summary, "add", "Summary.add")
    _wrap(tasks, "line_keys", "scan: line hashes")
    _wrap(tasks, "scan_text", "scan: text of each record")
    _wrap_iter(tasks, "iter_items", "scan: reading and parsing")
    _wrap_iter(tasks, "read_partition", "process: reading and parsing")
    _wrap(driver.Concatenation, "append", "output: parts appended")
    _wrap(driver.Concatenation, "commit", "output: commit")
    _wrap(driver, "plan_partitions", "planning")
    try:
        cli.main(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
    t2 = time.process_time()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    total = ru.ru_utime + ru.ru_stime
    rows = [
        ("interpreter start", T0),
        ("imports", t1 - T0),
        *sorted(ACC.items(), key=lambda kv: -kv[1]),
    ]
    nested = {"record dicts (to_dict)"} if "JSON line (Result.json_line)" in ACC else set()
    rows.append(("the rest", t2 - t1 - sum(v for k, v in ACC.items() if k not in nested)))
    for name, sec in rows:
        print(f"{name:32s} {sec:7.3f} s  {100 * sec / total:5.1f} %", file=sys.stderr)
    print(f"{'process total (getrusage)':32s} {total:7.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
