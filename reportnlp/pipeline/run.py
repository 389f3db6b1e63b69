"""Run the clean step over a stream of records, on one core or several, and keep the run's statistics.

The same step function serves both executors: :func:`clean_record` takes a :class:`Record` and returns a
small, picklable :class:`Result` (output record, explain rows, or an error), so worker processes return
compact results (PERF-NOTES: shipping large objects back eats the parallel gain). Output order is input
order, whatever ``jobs`` is, so the same input gives the same output byte for byte.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

from reportnlp import codes
from reportnlp.boilerplate.corpus import count_lines, min_documents
from reportnlp.cleaning import clean
from reportnlp.errors import ReportNLPError
from reportnlp.normalise.decode import decode
from reportnlp.pipeline.readers import Failure, Item, Record


@dataclass
class Result:
    """What one document gives: its output record and explain rows, or the error that stopped it."""

    id: str
    source: str
    record: Optional[dict[str, Any]] = None
    explain: list[dict[str, Any]] = field(default_factory=list)
    encoding: str = ""
    script: str = ""
    error: Optional[str] = None


@dataclass
class Summary:
    """Counts over a run, printed at its end and written by ``--stats``."""

    documents: int = 0
    failures: list[str] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)
    scripts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    per_document: list[dict[str, str]] = field(default_factory=list)

    def add(self, res: Result) -> None:
        if res.error is not None:
            self.failures.append(res.error)
            return
        self.documents += 1
        self.encodings[res.encoding] += 1
        self.scripts[res.script] += 1
        for row in res.explain:
            self.actions[row["action"]] += 1
            if row["action"] == codes.DROP:
                self.dropped[row["reason"]] += 1
        for w in (res.record or {}).get("warnings", []):
            self.warnings.append(f"{res.source}: {w}")
        self.per_document.append(
            {"id": res.id, "source": res.source, "encoding": res.encoding, "script": res.script}
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "failed": len(self.failures),
            "failures": self.failures,
            "lines": dict(sorted(self.actions.items())),
            "dropped_by_reason": dict(self.dropped.most_common()),
            "encodings": dict(sorted(self.encodings.items())),
            "scripts": dict(sorted(self.scripts.items())),
            "warnings": self.warnings,
            "per_document": self.per_document,
        }


def clean_record(
    rec: Record, options: Mapping[str, Any], counts: Optional[Mapping[int, int]] = None
) -> Result:
    """Clean one record; an unreadable input becomes a :class:`Result` with ``error``, never an exception."""
    try:
        doc = clean(
            rec.data,
            id=rec.id,
            title=rec.title,
            source=rec.source,
            corpus_counts=counts,
            **_reader_options(rec),
            **options,
        )
    except ReportNLPError as err:
        return Result(rec.id, rec.source, error=str(err))
    except Exception as err:  # a bug must not sink the batch: report it against the input
        return Result(
            rec.id, rec.source, error=f"{rec.source}: internal error ({type(err).__name__}: {err})"
        )
    record = doc.to_dict()
    explain = [
        {"id": doc.id, "line": d.line, "action": d.action, "reason": d.reason}
        for d in doc.lines
        if d.action != codes.BLANK
    ]
    return Result(doc.id, rec.source, record, explain, doc.encoding, doc.script)


def _reader_options(rec: Record) -> dict[str, Any]:
    """What the reader knows for clean(): HTML or not, per-line hints, the record's own fields."""
    return {
        "html": True if rec.format == "html" else (False if rec.hints else None),
        "hints": rec.hints,
        "fields": rec.fields,
    }


def _carry(record: dict[str, Any], rec: Record) -> dict[str, Any]:
    """The input's source and own fields on an output record (last keys, unchanged values)."""
    record["source"] = rec.source
    record["fields"] = dict(rec.fields or {})
    return record


def analyse_record(
    rec: Record, options: Mapping[str, Any], counts: Optional[Mapping[int, int]] = None
) -> Result:
    """Clean one record (unless ``options["no_clean"]``) and analyse it; errors as in :func:`clean_record`.

    The record is :meth:`reportnlp.analysis.Analysis.to_dict` plus, after cleaning, the dropped lines.
    """
    from reportnlp.analysis import analyse

    options = dict(options)
    no_clean = options.pop("no_clean", False)
    try:
        if no_clean:
            data, enc = rec.data, "text"
            if isinstance(data, bytes):
                data, enc = decode(data, source=rec.source, encoding=options.get("encoding"))
            record = analyse(data, title=rec.title, id=rec.id).to_dict()
            record["meta"] = dict(rec.meta or {})
            return Result(rec.id, rec.source, _carry(record, rec), [], enc, "")
        doc = clean(
            rec.data,
            id=rec.id,
            title=rec.title,
            source=rec.source,
            corpus_counts=counts,
            **_reader_options(rec),
            **options,
        )
        record = analyse(doc).to_dict()
    except ReportNLPError as err:
        return Result(rec.id, rec.source, error=str(err))
    except Exception as err:  # a bug must not sink the batch: report it against the input
        return Result(
            rec.id, rec.source, error=f"{rec.source}: internal error ({type(err).__name__}: {err})"
        )
    record["dropped"] = [{"line": d.line, "reason": d.reason, "text": d.text} for d in doc.dropped]
    return Result(doc.id, rec.source, _carry(record, rec), [], doc.encoding, doc.script)


def report_record(
    rec: Record, options: Mapping[str, Any], counts: Optional[Mapping[int, int]] = None
) -> Result:
    """Analyse one record as :func:`analyse_record` does, then make it a document of the placeholder
    report (:func:`reportnlp.report.document_entry`: leaks and giveaways found here, in the worker).
    Errors as in :func:`clean_record`."""
    res = analyse_record(rec, options, counts)
    if res.error is not None or res.record is None:
        return res
    from reportnlp.report import document_entry

    try:
        res.record = document_entry(res.record, source=rec.source)
    except Exception as err:  # a bug must not sink the batch: report it against the input
        return Result(
            rec.id, rec.source, error=f"{rec.source}: internal error ({type(err).__name__}: {err})"
        )
    return res


STEPS = ("clean", "analyse", "placeholders")


def corpus_line_counts(items: Iterable[Item]) -> tuple[Counter, int]:
    """First pass of the corpus-level signal: in how many documents each raw line occurs."""
    total: Counter = Counter()
    n = 0
    for item in items:
        if isinstance(item, Failure):
            continue
        data = item.data
        if item.format == "html":  # the page's lines as clean() reads them, not its markup
            from reportnlp.readers.html import extract

            data = extract(data).text
        elif isinstance(data, bytes):
            data = data.decode("utf-8", "replace")
        total.update(count_lines(data))
        n += 1
    return total, n


# Worker-process state, set once per worker by the pool initializer (not shared, not mutated).
_WORKER: dict[str, Any] = {}


def _init_worker(
    options: Mapping[str, Any], counts: Optional[Mapping[int, int]], step: str = "clean"
) -> None:
    _WORKER["options"] = dict(options)
    _WORKER["counts"] = counts
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}; choose one of {STEPS}")
    _WORKER["step"] = step


def _work(item: Item) -> Result:
    if isinstance(item, Failure):
        return Result("", item.where, error=str(item))
    name = _WORKER["step"]
    if name == "placeholders":
        return report_record(item, _WORKER["options"], _WORKER["counts"])
    step = clean_record if name == "clean" else analyse_record
    return step(item, _WORKER["options"], _WORKER["counts"])


def run_clean(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    options: Optional[Mapping[str, Any]] = None,
    counts: Optional[Mapping[int, int]] = None,
    step: str = "clean",
) -> Iterator[Result]:
    """Results in input order; ``jobs > 1`` runs ``step`` (one of :data:`STEPS`) in worker processes."""
    options = dict(options or {})
    if jobs <= 1:
        _init_worker(options, counts, step)
        for item in items:
            yield _work(item)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(options, counts, step)) as pool:
        yield from pool.imap(_work, items, chunksize=4)


__all__ = [
    "STEPS",
    "Result",
    "Summary",
    "analyse_record",
    "clean_record",
    "corpus_line_counts",
    "min_documents",
    "report_record",
    "run_clean",
]
