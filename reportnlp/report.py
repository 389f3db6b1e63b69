"""The placeholder report: a corpus's masks, leaks and dropped boilerplate as JSON and as one offline HTML page.

The JSON report is the source of truth; the HTML page embeds the same JSON (escaped so no text can close
its ``<script>`` element) and a small vanilla script renders it: corpus summary, a sortable, paginated
table of documents, a document view built on click (text nodes only: document text is never parsed as
HTML) and the leaks. Nothing is fetched, so the page opens offline; a Content-Security-Policy allows only
the page's own script and style.

Shape (more fields than these are present; see :func:`document_entry` and :func:`summarise`)::

    {"about": {...}, "summary": {...},
     "documents": [{"id", "title", "placeholders": [{"start", "end", "text", "type"}],
                    "title_placeholders": [...], "leaks": [{"source", "mask": {"start", "end", "text"},
                    "candidates": [{"place", "level", "score", "path", "evidence": [{"start", "end",
                    "text"}]}]}], ...}]}

Offsets: ``placeholders``, ``metrics``, ``slogans``, ``giveaways`` and all leak ``evidence`` index the
document's ``text``; ``title_placeholders`` index its ``title``, and so does a leak's ``mask`` when its
``source`` is ``"title"``. Candidates are best first.

Masked contexts (the summary's ``top_contexts``) group a mask with what follows it, by this rule: a mask
holding a digit keeps its digits and shows each masked digit as one ``×`` (``202x`` → ``202×``,
``20XX`` → ``20××``); any other run of ``×``/``x``/``X``/``＊`` is ``××`` whatever its length or letter
(``×××``, ``xx``, ``X`` → ``××``); a ``*`` redaction is ``***``; ``某``/``某某`` stay as they are. The
mask is followed by the next character if it is a letter, digit, Han character or ``%``, or by the next
two for the two-character units ``街道 社区 地区 苏木 自治 小时 分钟 公里 周年``.

>>> rep = make_report(["今年以来，××市开展宣讲xx场次，202x年覆盖××镇。"])
>>> rep["summary"]["masks"]["by_type"]
{'name': 2, 'number': 1, 'redaction': 0, 'year': 1}
>>> [c["context"] for c in rep["summary"]["top_contexts"]]  # equal counts: sorted by context
['202×年', '××场', '××市', '××镇']
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from types import SimpleNamespace
from typing import Any, Optional, Union

from reportnlp.analysers.leaks import giveaways, leaks
from reportnlp.analysers.placeholders import TYPES, Placeholder, find_placeholders
from reportnlp.types import CleanDoc

__all__ = [
    "DENSITY_EDGES",
    "FORMAT",
    "build_report",
    "context_key",
    "document_entry",
    "make_report",
    "summarise",
    "to_html",
    "to_json",
]

#: Version of the report's JSON layout.
FORMAT = 1
#: Upper edges of the density histogram's bins (masks per 1,000 characters); the first bin is exactly 0.
DENSITY_EDGES = (1, 2, 5, 10, 20, 50)
#: How many masked contexts the summary lists.
TOP_CONTEXTS = 30
MASK_TYPES = tuple(sorted(TYPES))

_MASK_RUN = re.compile(r"[×xX＊]+")
_MASK_CHAR = re.compile(r"[×xX＊]")
_TWO_CHARACTER_UNITS = ("街道", "社区", "地区", "苏木", "自治", "小时", "分钟", "公里", "周年")
_FOLLOWER = re.compile(r"[0-9A-Za-z%\u3400-\u9fff\uf900-\ufaff]")

_ABOUT = {
    "format": FORMAT,
    "offsets": (
        "placeholders, metrics, slogans, giveaways and leak evidence index the document's text; "
        "title_placeholders index its title, and so does a leak's mask when the leak's source is 'title'"
    ),
    "density": "masks in the text per 1,000 characters of text (title masks are counted apart)",
    "contexts": (
        "a mask with a digit keeps its digits and shows each masked digit as one ×; any other run of "
        "×/x/X/＊ is ××; a * redaction is ***; 某/某某 stay; then the next character if it is a letter, "
        "digit, Han character or %, or the next two for 街道 社区 地区 苏木 自治 小时 分钟 公里 周年"
    ),
}


# ------------------------------------------------------------------------------------------ one document


def _mask_form(surface: str, type: str) -> str:
    if type == "redaction" or set(surface) <= {"*"}:
        return "***"
    if surface.startswith("某"):
        return surface
    if any(c.isdigit() for c in surface):
        return _MASK_CHAR.sub("×", surface)
    return _MASK_RUN.sub("××", surface)


def _follower(source: str, end: int) -> str:
    after = source[end : end + 2]
    if after in _TWO_CHARACTER_UNITS:
        return after
    return after[:1] if after[:1] and _FOLLOWER.match(after[:1]) else ""


def context_key(source: str, start: int, end: int, type: str = "") -> str:
    """The normalised masked context of ``source[start:end]`` (see the module docstring for the rule).

    >>> [context_key(s, 0, n) for s, n in [("×××市", 3), ("xx次", 2), ("202x年", 4), ("XX街道办", 2)]]
    ['××市', '××次', '202×年', '××街道']
    """
    return _mask_form(source[start:end], type) + _follower(source, end)


def _span(d: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    return {k: d[k] for k in ("start", "end", "text", *keys)}


def document_entry(record: Mapping[str, Any], *, source: Optional[str] = None) -> dict[str, Any]:
    """One document of the report, from an analysis record (``reportnlp analyse``'s JSONL row).

    ``record`` needs ``id``, ``title``, ``text`` and the span lists of
    :meth:`reportnlp.analysis.Analysis.to_dict`; ``meta`` and ``dropped`` are used when present. Leaks
    and giveaways are found here. ``source`` (``file`` or ``file:line``) is kept for the reader.
    """
    text: str = record["text"]
    title: Optional[str] = record.get("title")
    masks = [
        Placeholder(p["start"], p["end"], p["text"], p["type"]) for p in record["placeholders"]
    ]
    title_masks = record.get("title_placeholders")
    if title_masks is None:  # a hand-made record: find them as analyse() does
        title_masks = [_span(vars(p), "type") for p in find_placeholders(title or "")]
    found = leaks(text, masks, title=title)
    given = giveaways(SimpleNamespace(text=text, title=title), masks)
    by_type = Counter(p.type for p in masks)
    density = round(1000.0 * len(masks) / len(text), 4) if text else 0.0
    leak_rows = []
    for leak in found:
        where = title if leak.source == "title" else text
        mask = leak.mask
        leak_rows.append(
            {
                "source": leak.source,
                "mask": {
                    "start": mask.start,
                    "end": mask.end,
                    "text": mask.text,
                    "type": mask.type,
                },
                "context": context_key(where or "", mask.start, mask.end, mask.type),
                "level": leak.level,
                "candidates": [
                    {
                        "place": c.place,
                        "level": c.level,
                        "score": c.score,
                        "path": list(c.path),
                        "evidence": [
                            {"start": e.start, "end": e.end, "text": e.text} for e in c.evidence
                        ],
                    }
                    for c in leak.candidates
                ],
            }
        )
    dropped = [
        {"line": d["line"], "reason": d["reason"], "text": d["text"]}
        for d in record.get("dropped") or []
    ]
    return {
        "id": record["id"],
        "title": title,
        "source": source,
        "meta": dict(sorted((record.get("meta") or {}).items())),
        "fields": dict(record.get("fields") or {}),  # the input's own fields, unchanged
        "characters": len(text),
        "density": density,
        "counts": {
            "placeholders": len(masks),
            "title_placeholders": len(title_masks),
            "by_type": {t: by_type.get(t, 0) for t in MASK_TYPES},
            "metrics": len(record.get("metrics") or []),
            "slogans": len(record.get("slogans") or []),
            "leaks": len(leak_rows),
            "giveaways": len(given),
            "dropped": len(dropped),
        },
        "signature": record.get("signature", ""),
        "text": text,
        "placeholders": [_span(p, "type") for p in record["placeholders"]],
        "title_placeholders": [_span(p, "type") for p in title_masks],
        "metrics": [dict(m) for m in record.get("metrics") or []],
        "slogans": [_span(s, "kind", "expansion") for s in record.get("slogans") or []],
        "leaks": leak_rows,
        "giveaways": [
            {"start": g.start, "end": g.end, "text": g.text, "kind": g.kind} for g in given
        ],
        "dropped": dropped,
    }


# ------------------------------------------------------------------------------------------------ corpus


def _bins(densities: Sequence[float]) -> list[dict[str, Any]]:
    bins = [{"low": 0, "high": 0, "label": "0", "documents": 0}]
    low: float = 0
    for high in DENSITY_EDGES:
        bins.append({"low": low, "high": high, "label": f"{low}–{high}", "documents": 0})
        low = high
    bins.append({"low": low, "high": None, "label": f"> {low}", "documents": 0})
    for d in densities:
        if d <= 0:
            bins[0]["documents"] += 1
            continue
        for b in bins[1:]:
            if b["high"] is None or d <= b["high"]:
                b["documents"] += 1
                break
    return bins


def summarise(
    documents: Sequence[Mapping[str, Any]], failures: Sequence[str] = ()
) -> dict[str, Any]:
    """The corpus summary of a list of :func:`document_entry` results (and the inputs that failed)."""
    chars = sum(d["characters"] for d in documents)
    by_type: Counter = Counter()
    title_by_type: Counter = Counter()
    contexts: dict[str, dict[str, Any]] = {}
    leak_levels: Counter = Counter()
    top_places: dict[str, dict[str, Any]] = {}
    give_kinds: Counter = Counter()
    for i, d in enumerate(documents):
        by_type.update(p["type"] for p in d["placeholders"])
        title_by_type.update(p["type"] for p in d["title_placeholders"])
        spans = [(d["text"], p) for p in d["placeholders"]]
        spans += [(d["title"] or "", p) for p in d["title_placeholders"]]
        for where, p in spans:
            follower = _follower(where, p["end"])
            key = _mask_form(p["text"], p["type"]) + follower
            c = contexts.get(key)
            if c is None:
                c = contexts[key] = {
                    "count": 0,
                    "docs": set(),
                    "types": Counter(),
                    "forms": Counter(),
                }
            c["count"] += 1
            c["docs"].add(i)
            c["types"][p["type"]] += 1
            c["forms"][p["text"] + follower] += 1
        for leak in d["leaks"]:
            leak_levels[leak["level"]] += 1
        seen = set()
        for leak in d["leaks"]:
            best = leak["candidates"][0]
            if best["place"] in seen:
                continue
            seen.add(best["place"])
            t = top_places.setdefault(
                best["place"], {"place": best["place"], "path": best["path"], "documents": 0}
            )
            t["documents"] += 1
        give_kinds.update(g["kind"] for g in d["giveaways"])
    densities = [d["density"] for d in documents]
    ranked = sorted(contexts.items(), key=lambda kv: (-kv[1]["count"], -len(kv[1]["docs"]), kv[0]))
    total = sum(by_type.values())
    per_1000 = {
        t: round(1000.0 * by_type.get(t, 0) / chars, 4) if chars else 0.0 for t in MASK_TYPES
    }
    return {
        "documents": len(documents),
        "failed": len(failures),
        "failures": list(failures),
        "characters": chars,
        "documents_with_masks": sum(1 for d in documents if d["placeholders"]),
        "documents_with_title_masks": sum(1 for d in documents if d["title_placeholders"]),
        "masks": {
            "total": total,
            "by_type": {t: by_type.get(t, 0) for t in MASK_TYPES},
            "per_1000": round(1000.0 * total / chars, 4) if chars else 0.0,
            "per_1000_by_type": per_1000,
        },
        "title_masks": {
            "total": sum(title_by_type.values()),
            "by_type": {t: title_by_type.get(t, 0) for t in MASK_TYPES},
        },
        "metrics": sum(d["counts"]["metrics"] for d in documents),
        "slogans": sum(d["counts"]["slogans"] for d in documents),
        "density": {
            "unit": "masks per 1,000 characters",
            "mean": round(statistics.fmean(densities), 4) if densities else 0.0,
            "median": round(statistics.median(densities), 4) if densities else 0.0,
            "max": max(densities) if densities else 0.0,
            "bins": _bins(densities),
        },
        "top_contexts": [
            {
                "context": key,
                "count": c["count"],
                "documents": len(c["docs"]),
                "type": sorted(c["types"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
                "forms": [
                    {"text": f, "count": n}
                    for f, n in sorted(c["forms"].items(), key=lambda kv: (-kv[1], kv[0]))[:5]
                ],
            }
            for key, c in ranked[:TOP_CONTEXTS]
        ],
        "distinct_contexts": len(contexts),
        "leaks": {
            "masks": sum(leak_levels.values()),
            "documents": sum(1 for d in documents if d["leaks"]),
            "by_level": dict(sorted(leak_levels.items())),
            "top_places": sorted(top_places.values(), key=lambda t: (-t["documents"], t["place"]))[
                :TOP_CONTEXTS
            ],
        },
        "giveaways": {
            "total": sum(give_kinds.values()),
            "documents": sum(1 for d in documents if d["giveaways"]),
            "by_kind": dict(sorted(give_kinds.items())),
        },
        "dropped_lines": sum(d["counts"]["dropped"] for d in documents),
    }


def build_report(
    documents: Iterable[Mapping[str, Any]], *, failures: Sequence[str] = ()
) -> dict[str, Any]:
    """The report: ``about`` (format and offset notes), ``summary`` and ``documents`` in input order."""
    from reportnlp import __version__

    docs = list(documents)
    about = {"generator": f"reportnlp {__version__}", **_ABOUT}
    return {"about": about, "summary": summarise(docs, failures), "documents": docs}


def make_report(docs: Iterable[Union[CleanDoc, str, Mapping[str, Any]]]) -> dict[str, Any]:
    """A report over clean documents, clean strings or analysis records (the library's one-call form).

    A string gets the id ``doc-<n>`` (its position, from 1) and no title.
    """
    from reportnlp.analysis import analyse

    entries = []
    for n, doc in enumerate(docs, start=1):
        if isinstance(doc, Mapping):
            record = doc
        elif isinstance(doc, CleanDoc):
            record = analyse(doc).to_dict()
            record["dropped"] = [
                {"line": d.line, "reason": d.reason, "text": d.text} for d in doc.dropped
            ]
        else:
            record = analyse(doc, id=f"doc-{n}").to_dict()
        entries.append(document_entry(record))
    return build_report(entries)


# ------------------------------------------------------------------------------------------- rendering


def to_json(report: Mapping[str, Any]) -> str:
    """The JSON report: UTF-8 text, compact, one line, keys in a fixed order (same report, same bytes)."""
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def _asset(name: str) -> str:
    return resources.files("reportnlp.data").joinpath("report", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
        + "'"
    )


def to_html(report: Mapping[str, Any], *, json_text: Optional[str] = None) -> str:
    """The HTML report: one self-contained page with the JSON report embedded as data.

    ``<``, ``>`` and ``&`` in the embedded JSON are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``,
    so no document text can end the ``<script type="application/json">`` element it sits in.
    ``json_text`` is :func:`to_json`'s result when it is at hand (it is not built twice).
    """
    data = (json_text if json_text is not None else to_json(report)).rstrip("\n")
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    css, js = _asset("report.css"), _asset("report.js")
    summary = report["summary"]
    values = {
        "css": css,
        "js": js,
        "data": data,
        "csp": (
            f"default-src 'none'; script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        ),
        "heading": (
            f"Placeholder report: {summary['documents']:,} documents, "
            f"{summary['masks']['total']:,} masks"
        ),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], _asset("report.html"))
