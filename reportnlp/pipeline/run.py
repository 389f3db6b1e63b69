"""The record-level steps and the run's statistics.

:func:`clean_record`, :func:`analyse_record`, :func:`report_record` and :func:`text_record` take one
:class:`Record` and return a small :class:`Result` (output record, explain rows, or an error: bad input never
raises). The tasks of :mod:`reportnlp.pipeline.tasks` apply them to a partition and write the results
themselves; :class:`Summary` is the stats record a task returns and the parent merges in input order
(:func:`merge_summaries`), so the same input gives the same output and stats byte for byte whatever runs it.
:func:`run_clean` is the in-process API over an iterable of records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

from reportnlp import codes
from reportnlp.boilerplate.corpus import count_lines, min_documents
from reportnlp.cleaning import clean
from reportnlp.errors import ReportNLPError
from reportnlp.normalise.script import detect_script
from reportnlp.pipeline.readers import Failure, Item, Record, as_read, record_text, scan_text
from reportnlp.pipeline.writers import clean_doc_line, dumps_line
from reportnlp.types import CleanDoc


@dataclass
class Result:
    """What one document gives: its output record and explain rows, or the error that stopped it.

    A cleaned document keeps its line ``decisions``; its explain rows are made from them only when asked
    for (:meth:`explain_rows`: a run without ``--explain`` does not build them)."""

    id: str
    source: str
    record: Optional[dict[str, Any]] = None
    decisions: tuple = ()
    encoding: str = ""
    script: str = ""
    error: Optional[str] = None
    #: the document's warnings when its record does not carry them (an analysis record has no ``warnings``)
    warnings: tuple = ()
    #: a cleaned document, whose record (``doc.to_dict()``) is made only when ``record`` is read: a task
    #: writing JSON lines writes it from the document (:meth:`json_line`)
    doc: Optional[CleanDoc] = field(default=None, repr=False, compare=False)

    def json_line(self) -> bytes:
        """The record as one JSON line (UTF-8, with its line end), the bytes of ``dumps_line(record)``."""
        if self.doc is not None and self.__dict__.get("_record") is None:
            return clean_doc_line(self.doc)
        return dumps_line(self.record)

    def record_warnings(self) -> tuple:
        """The warnings the record carries (``warnings``), or else the result's own."""
        if self.doc is not None and self.__dict__.get("_record") is None:
            return self.doc.warnings
        return (self.record or {}).get("warnings", self.warnings)

    def explain_rows(self) -> list[dict[str, Any]]:
        """The explain rows: one per non-blank line decision (``id``, ``line``, ``action``, ``reason``,
        ``text``)."""
        blank = codes.BLANK
        return [
            {"id": self.id, "line": d.line, "action": d.action, "reason": d.reason, "text": d.text}
            for d in self.decisions
            if d.action != blank
        ]


#: The span lists an analysis record holds, counted by :class:`Summary` (``found``).
FOUND = ("placeholders", "title_placeholders", "metrics", "slogans", "headings", "leaks")


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
    #: Spans found by ``analyse`` and ``placeholders``: placeholders, title_placeholders, metrics, …
    found: Counter = field(default_factory=Counter)
    #: The warnings said so far, as a set (kept between merges, made again when ``warnings`` changed besides)
    _said: set[str] = field(default_factory=set, repr=False, compare=False)

    def add(self, res: Result) -> None:
        if res.error is not None:
            self.failures.append(res.error)
            return
        self.documents += 1
        self.encodings[res.encoding] += 1
        self.scripts[res.script] += 1
        # counted by Counter.update (C), in the order of the lines as one loop counts them
        blank, drop = codes.BLANK, codes.DROP
        self.actions.update([d.action for d in res.decisions if d.action != blank])
        self.dropped.update([d.reason for d in res.decisions if d.action == drop])
        for w in res.record_warnings():
            self.warnings.append(f"{res.source}: {w}")
        if res.doc is None:  # a cleaned document's record holds none of them
            for key in FOUND:
                spans = (res.record or {}).get(key)
                if isinstance(spans, list):
                    self.found[key] += len(spans)
        self.per_document.append(
            {"id": res.id, "source": res.source, "encoding": res.encoding, "script": res.script}
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "failed": len(self.failures),
            "failures": self.failures,
            "lines": dict(sorted(self.actions.items())),
            "dropped_by_reason": dict(_by_count(self.dropped)),
            "encodings": dict(sorted(self.encodings.items())),
            "scripts": dict(sorted(self.scripts.items())),
            "warnings": self.warnings,
            **(
                {"found": {k: self.found[k] for k in FOUND if k in self.found}}
                if self.found
                else {}
            ),
            "per_document": self.per_document,
        }

    def to_state(self) -> dict[str, Any]:
        """Everything, as JSON-ready data (a part's stats record); :meth:`from_state` reads it back."""
        return {
            "documents": self.documents,
            "failures": self.failures,
            "dropped": dict(self.dropped),
            "actions": dict(self.actions),
            "encodings": dict(self.encodings),
            "scripts": dict(self.scripts),
            "warnings": self.warnings,
            "per_document": self.per_document,
            "found": dict(self.found),
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> Summary:
        return cls(
            state["documents"],
            list(state["failures"]),
            Counter(state["dropped"]),
            Counter(state["actions"]),
            Counter(state["encodings"]),
            Counter(state["scripts"]),
            list(state["warnings"]),
            list(state["per_document"]),
            Counter(state.get("found") or {}),
        )

    def merge(self, other: Summary) -> None:
        """Add ``other``'s counts and lists after this one's (parts merged in input order)."""
        self.documents += other.documents
        self.failures.extend(other.failures)
        self.dropped.update(other.dropped)
        self.actions.update(other.actions)
        self.encodings.update(other.encodings)
        self.scripts.update(other.scripts)
        # a file's warning said by each of its partitions is said once (the set of what was said is kept
        # between merges: a run merges one summary a partition)
        said = self._said
        if len(said) != len(self.warnings):
            said.clear()
            said.update(self.warnings)
        for w in other.warnings:
            if w not in said:
                said.add(w)
                self.warnings.append(w)
        self.per_document.extend(other.per_document)
        self.found.update(other.found)


def _get_record(self: Result) -> Optional[dict[str, Any]]:
    record = self.__dict__.get("_record")
    if record is None and self.doc is not None:
        record = self.__dict__["_record"] = self.doc.to_dict()
    return record


def _set_record(self: Result, value: Optional[dict[str, Any]]) -> None:
    self.__dict__["_record"] = value


# ``record`` read from the document on first use (the dataclass's __init__, __eq__ and __repr__ go through it)
Result.record = property(_get_record, _set_record)  # type: ignore[assignment]


def _by_count(counts: Counter) -> list[tuple[str, int]]:
    """Most frequent first, ties by name: the same order however the run was cut into parts."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def merge_summaries(parts: Iterable[Summary]) -> Summary:
    """One :class:`Summary` from the parts' summaries, in part order (the same as one sequential run)."""
    out = Summary()
    for p in parts:
        out.merge(p)
    return out


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
    return Result(doc.id, rec.source, None, doc.lines, as_read(doc.encoding, rec), doc.script, doc=doc)


def _reader_options(rec: Record) -> dict[str, Any]:
    """What the reader knows for clean(): HTML or not, per-line hints, the record's own fields, the
    metadata it states (a JSONL record's ``meta`` object, the index of a directory output read back)."""
    return {
        "html": True if rec.format == "html" else (False if rec.hints else None),
        "hints": rec.hints,
        "fields": rec.fields,
        "meta": rec.meta,
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
    things = options.pop("things", "rules")
    try:
        if no_clean:  # the text as read: an HTML page's text, not its markup
            read = record_text(rec, options.get("encoding"))
            record = analyse(read.text, title=read.title, id=rec.id, things=things).to_dict()
            record["meta"] = read.meta
            script = detect_script(read.text)  # the text as read: the script it is written in
            return Result(rec.id, rec.source, _carry(record, rec), (), read.encoding, script)
        doc = clean(
            rec.data,
            id=rec.id,
            title=rec.title,
            source=rec.source,
            corpus_counts=counts,
            **_reader_options(rec),
            **options,
        )
        record = analyse(doc, things=things).to_dict()
    except ReportNLPError as err:
        return Result(rec.id, rec.source, error=str(err))
    except Exception as err:  # a bug must not sink the batch: report it against the input
        return Result(
            rec.id, rec.source, error=f"{rec.source}: internal error ({type(err).__name__}: {err})"
        )
    record["dropped"] = [{"line": d.line, "reason": d.reason, "text": d.text} for d in doc.dropped]
    return Result(
        doc.id, rec.source, _carry(record, rec), (), as_read(doc.encoding, rec), doc.script,
        warnings=tuple(doc.warnings),
    )  # fmt: skip


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


def text_record(
    rec: Record, options: Mapping[str, Any], counts: Optional[Mapping[int, int]] = None
) -> Result:
    """The record's text as read (decoded, not cleaned): ``id``, ``title``, ``meta``, ``text``, then the
    input's ``source`` and ``fields``."""
    try:
        read = record_text(rec, options.get("encoding"))
    except ReportNLPError as err:
        return Result(rec.id, rec.source, error=str(err))
    except Exception as err:  # a bug must not sink the batch: report it against the input
        return Result(
            rec.id, rec.source, error=f"{rec.source}: internal error ({type(err).__name__}: {err})"
        )
    record = {"id": rec.id, "title": read.title, "meta": read.meta, "text": read.text}
    script = detect_script(read.text)
    return Result(rec.id, rec.source, _carry(record, rec), (), read.encoding, script)


#: The steps a run can apply to each record (see :data:`STEP_FUNCTIONS`).
STEPS = ("clean", "analyse", "placeholders", "text")


def corpus_line_counts(
    items: Iterable[Item], encoding: Optional[str] = None
) -> tuple[Counter, int]:
    """First pass of the corpus-level signal: in how many documents each raw line occurs (``encoding``:
    the run's forced input encoding, as :func:`reportnlp.pipeline.tasks.scan_task` takes it)."""
    total: Counter = Counter()
    n = 0
    for item in items:
        if isinstance(item, Failure):
            continue
        # the lines clean() will read: a page's, not its markup; GBK decoded
        data = scan_text(item, encoding)
        if data is not None:
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
    return step_function(_WORKER["step"])(item, _WORKER["options"], _WORKER["counts"])


def step_function(step: str):
    """The record function of ``step`` (looked up at call time, so a patched function is used)."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}; choose one of {STEPS}")
    return {
        "clean": clean_record,
        "analyse": analyse_record,
        "placeholders": report_record,
        "text": text_record,
    }[step]


def run_clean(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    options: Optional[Mapping[str, Any]] = None,
    counts: Optional[Mapping[int, int]] = None,
    step: str = "clean",
) -> Iterator[Result]:
    """Results in input order; ``jobs > 1`` runs ``step`` (one of :data:`STEPS`) in worker processes.

    An in-process API over an iterable of records (the results come back to this process); the command
    line runs the partition plan instead (:mod:`reportnlp.pipeline.driver`), where workers write their
    own parts."""
    options = dict(options or {})
    if jobs <= 1:
        _init_worker(options, counts, step)
        for item in items:
            yield _work(item)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # a worker that dies raises BrokenProcessPool here instead of hanging the run
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ProcessPoolExecutor(
        jobs, mp_context=ctx, initializer=_init_worker, initargs=(options, counts, step)
    ) as pool:
        yield from pool.map(_work, items, chunksize=4)


__all__ = [
    "STEPS",
    "Result",
    "Summary",
    "analyse_record",
    "clean_record",
    "corpus_line_counts",
    "merge_summaries",
    "min_documents",
    "report_record",
    "run_clean",
    "step_function",
    "text_record",
]
