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
(``×××``, ``xx``, ``X`` → ``××``), and so is a run of ``*`` in a name, number or year mask (``***镇``,
``201*年`` → ``××镇``, ``201×年``); a ``*`` redaction is ``***``; ``某``/``某某`` stay as they are. The
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
import copy
import gzip
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
from reportnlp.types import CleanDoc, finite

__all__ = [
    "DENSITY_EDGES",
    "FORMAT",
    "build_report",
    "context_key",
    "document_entry",
    "document_year",
    "embedded_report",
    "link_families",
    "pack",
    "make_report",
    "summarise",
    "to_html",
    "to_json",
    "unpack",
    "user_fields",
]

#: Version of the report's JSON layout (2: year, site, fields, families; the page embeds it packed).
FORMAT = 2
#: Upper edges of the density histogram's bins (masks per 1,000 characters); the first bin is exactly 0.
DENSITY_EDGES = (1, 2, 5, 10, 20, 50)
#: Jaccard threshold of a template family (as ``reportnlp templates``).
FAMILY_THRESHOLD = 0.5
#: A family member at least this similar to the family's medoid is a near-duplicate of it.
DUPLICATE = 0.9
#: How many masked contexts the summary lists.
TOP_CONTEXTS = 30
MASK_TYPES = tuple(sorted(TYPES))

_MASK_RUN = re.compile(r"[×xX＊*]+")
_MASK_CHAR = re.compile(r"[×xX＊*]")
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
        "×/x/X/＊ (or * in a name, number or year mask) is ××; a * redaction is ***; 某/某某 stay; then "
        "the next character if it is a letter, digit, Han character or %, or the next two for 街道 社区 地区 苏木 自治 小时 分钟 公里 周年"
    ),
    "year": (
        "a year field, else the year of a date field or of the date in the metadata, else the "
        "title's year"
    ),
    "families": (
        "documents whose texts share at least half their character 5-grams once masks and numbers are "
        "made alike (Jaccard >= 0.5, as reportnlp templates); a member at least 0.9 similar to its "
        "family's medoid is a near-duplicate"
    ),
}


# ------------------------------------------------------------------------------------------ one document


def _mask_form(surface: str, type: str) -> str:
    if type == "redaction" or (not type and set(surface) <= {"*"}):
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


#: Keys of an analysis record that are the toolkit's own; any other plain top-level value is a user field.
_RECORD_KEYS = frozenset(
    "id title meta text signature placeholders title_placeholders metrics slogans headings dropped "
    "paragraphs edits warnings script lines source fields encoding".split()
)


def user_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The user's own fields of a record, unchanged: its ``fields`` dict (what the readers carry
    through) and any other top-level value the toolkit does not write itself, sorted by name.

    >>> user_fields({"id": "a", "text": "…", "url": "u", "fields": {"province": "山东"}, "n": 3})
    {'n': 3, 'province': '山东', 'url': 'u'}
    """
    out: dict[str, Any] = dict(record.get("fields") or {})
    out.update((k, v) for k, v in record.items() if k not in _RECORD_KEYS and k not in out)
    return {k: finite(v) for k, v in sorted(out.items(), key=lambda kv: str(kv[0]))}


def document_year(
    fields: Mapping[str, Any], meta: Mapping[str, Any], title: Optional[str] = None
) -> Optional[int]:
    """A document's year for the report (:func:`reportnlp.corpus.years.year_of` with ``date_first``): a
    ``year`` field, else the year of its ``date`` (field or metadata: when the page was published), else its
    title's year (``2025年政府工作报告``); ``None`` when none says.

    >>> document_year({}, {"date": "2024-02-09"}), document_year({"year": "1954"}, {}, "2025年报告")
    (2024, 1954)
    """
    from reportnlp.corpus.years import year_of

    return year_of({"fields": dict(fields), "meta": dict(meta), "title": title}, date_first=True)


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
    meta = dict(sorted((record.get("meta") or {}).items()))
    fields = user_fields(record)
    return {
        "id": record["id"],
        "title": title,
        "source": source if source is not None else record.get("source"),
        "year": document_year(fields, meta, title),
        "site": meta.get("site") or None,
        "meta": meta,
        "fields": fields,
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


def _groups(documents: Sequence[Mapping[str, Any]], key: str) -> list[dict[str, Any]]:
    """Masks by type per value of ``key`` (``year``, ``site``): documents, characters, masks, density."""
    groups: dict[Any, dict[str, Any]] = {}
    for d in documents:
        value = d.get(key)
        if value in (None, ""):
            continue
        g = groups.get(value)
        if g is None:
            g = groups[value] = {
                key: value,
                "documents": 0,
                "characters": 0,
                "masks": 0,
                "by_type": dict.fromkeys(MASK_TYPES, 0),
                "with_masks": 0,
            }
        g["documents"] += 1
        g["characters"] += d["characters"]
        g["masks"] += d["counts"]["placeholders"]
        g["with_masks"] += 1 if d["counts"]["placeholders"] else 0
        for t in MASK_TYPES:
            g["by_type"][t] += d["counts"]["by_type"][t]
    for g in groups.values():
        chars = g["characters"]
        g["per_1000"] = round(1000.0 * g["masks"] / chars, 4) if chars else 0.0
        g["per_1000_by_type"] = {
            t: round(1000.0 * n / chars, 4) if chars else 0.0 for t, n in g["by_type"].items()
        }
    if key == "year":
        return [groups[k] for k in sorted(groups)]
    return sorted(groups.values(), key=lambda g: (-g["documents"], str(g[key])))


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
        "by_year": _groups(documents, "year"),
        "by_site": _groups(documents, "site"),
        "fields": sorted({k for d in documents for k in d.get("fields") or {}}),
    }


def link_families(
    documents: Sequence[dict[str, Any]], *, threshold: float = FAMILY_THRESHOLD
) -> list[dict[str, Any]]:
    """Template families of the documents (:func:`reportnlp.corpus.templates.find_families` on their
    clean texts), linked both ways: each document gets ``family`` (``None`` alone, else ``{"family",
    "size", "similarity", "duplicate"}``: its Jaccard similarity to the family's medoid, and whether that
    is at least :data:`DUPLICATE` — a near-copy rather than another fill of the template); the list
    returned gives each family's ``members`` and ``medoid`` as indices into ``documents``.
    """
    from reportnlp.corpus.templates import find_families

    found = find_families(
        {str(i): d["text"] for i, d in enumerate(documents)}, threshold=threshold, align=False
    )
    for d in documents:
        d["family"] = None
    families = []
    for fam in found:
        members = sorted(int(m) for m in fam.members)
        medoid = int(fam.medoid)
        sims = [round(fam.jaccard[str(m)], 4) for m in members]
        for m, sim in zip(members, sims):
            documents[m]["family"] = {
                "family": fam.family,
                "size": len(members),
                "similarity": sim,
                "duplicate": m != medoid and sim >= DUPLICATE,
            }
        families.append(
            {
                "family": fam.family,
                "size": len(members),
                "medoid": medoid,
                "members": members,
                "similarity": sims,
                "duplicates": sum(
                    1 for m, x in zip(members, sims) if m != medoid and x >= DUPLICATE
                ),
            }
        )
    return families


def build_report(
    documents: Iterable[Mapping[str, Any]],
    *,
    failures: Sequence[str] = (),
    families: bool = True,
) -> dict[str, Any]:
    """The report: ``about`` (format and offset notes), ``summary``, ``documents`` in input order and
    ``families`` (template families and near-duplicates, see :func:`link_families`; empty when
    ``families`` is false)."""
    from reportnlp import __version__

    docs = [dict(d) for d in documents]
    fams = link_families(docs) if families else []
    if not families:
        for d in docs:
            d["family"] = None
    about = {"generator": f"reportnlp {__version__}", **_ABOUT}
    summary = summarise(docs, failures)
    summary["families"] = {
        "families": len(fams),
        "documents": sum(f["size"] for f in fams),
        "duplicates": sum(f["duplicates"] for f in fams),
        "threshold": FAMILY_THRESHOLD,
        "duplicate": DUPLICATE,
    }
    return {"about": about, "summary": summary, "documents": docs, "families": fams}


def make_report(docs: Iterable[Union[CleanDoc, str, Mapping[str, Any]]]) -> dict[str, Any]:
    """A report over clean documents, clean strings or analysis records (the library's one-call form).

    A string gets the id ``doc-<n>`` (its position, from 1) and no title. A mapping that is no analysis
    record yet (``id``, ``text`` or ``content``, ``title``, ``meta`` and fields of the user's own) is
    analysed first; its other values are kept as the document's fields.
    """
    from reportnlp.analysis import analyse

    entries = []
    for n, doc in enumerate(docs, start=1):
        if isinstance(doc, Mapping) and "placeholders" not in doc:
            text = doc.get("text")
            text = doc.get("content") if text is None else text
            title = doc.get("title")
            record = analyse(
                str(text or ""), title=title if isinstance(title, str) else None,
                id=str(doc["id"]) if doc.get("id") is not None else f"doc-{n}",
            ).to_dict()  # fmt: skip
            if isinstance(doc.get("meta"), Mapping):
                record["meta"] = dict(doc["meta"])
            for key, value in doc.items():  # the user's own fields (see user_fields)
                if key not in record and key != "content":
                    record[key] = value
        elif isinstance(doc, Mapping):
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


#: The span lists of a document that :func:`pack` stores once when another document has the same.
_POOLED_LISTS = ("placeholders", "title_placeholders", "metrics", "slogans", "giveaways", "leaks")


def pack(report: Mapping[str, Any]) -> dict[str, Any]:
    """The report as the HTML page embeds it, with repeated text stored once: every paragraph of the
    texts and every dropped line in ``pool`` (a document's ``text`` becomes the list of its paragraphs'
    indices, joined by a blank line; a dropped line's ``text`` its index), and every distinct span list
    (masks, metrics, slogans, giveaways, leaks) in ``lists`` (the document keeps its index). The same
    report from two sites, or boilerplate shared by a site's pages, then costs indices only.
    :func:`unpack` reverses it.
    """
    pool: list[str] = []
    index: dict[str, int] = {}
    lists: list[Any] = []
    list_index: dict[str, int] = {}

    def ref(piece: str) -> int:
        i = index.get(piece)
        if i is None:
            i = index[piece] = len(pool)
            pool.append(piece)
        return i

    def ref_list(value: list) -> int:
        key = json.dumps(value, ensure_ascii=False, sort_keys=True)
        i = list_index.get(key)
        if i is None:
            i = list_index[key] = len(lists)
            lists.append(value)
        return i

    docs = []
    for d in report["documents"]:
        p = dict(d)
        p["text"] = [ref(x) for x in d["text"].split("\n\n")]
        p["dropped"] = [{**r, "text": ref(r["text"])} for r in d["dropped"]]
        for key in _POOLED_LISTS:
            p[key] = ref_list(d[key])
        docs.append(p)
    return {**report, "documents": docs, "pool": pool, "lists": lists}


def unpack(packed: Mapping[str, Any]) -> dict[str, Any]:
    """The report back from :func:`pack`'s form (what :func:`embedded_report` reads from a page)."""
    pool, lists = packed["pool"], packed["lists"]
    docs = []
    for p in packed["documents"]:
        d = dict(p)
        d["text"] = "\n\n".join(pool[i] for i in p["text"])
        d["dropped"] = [{**r, "text": pool[r["text"]]} for r in p["dropped"]]
        for key in _POOLED_LISTS:
            d[key] = copy.deepcopy(lists[p[key]])
        docs.append(d)
    return {
        k: (docs if k == "documents" else v)
        for k, v in packed.items()
        if k not in ("pool", "lists")
    }


def _encode(report: Mapping[str, Any]) -> str:
    raw = json.dumps(pack(report), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return base64.b64encode(gzip.compress(raw.encode("utf-8"), compresslevel=6, mtime=0)).decode()


def embedded_report(html: str) -> dict[str, Any]:
    """The report embedded in an HTML page written by :func:`to_html` (decoded and unpacked)."""
    m = re.search(
        r'<script type="application/octet-stream" id="report-data"[^>]*>([^<]*)</script>', html
    )
    if not m:
        raise ValueError("no embedded report data in this page")
    return unpack(json.loads(gzip.decompress(base64.b64decode(m.group(1)))))


def to_html(report: Mapping[str, Any], *, json_text: Optional[str] = None) -> str:
    """The HTML report: one self-contained page with the report embedded as data.

    The data is :func:`pack`'s form of the report, as JSON, gzip-compressed and base64-encoded (the page
    decodes it with the browser's own ``DecompressionStream``): repeated text costs little, and base64
    holds no ``<``, so no document text can end the ``<script>`` element it sits in. ``json_text`` is
    accepted for compatibility and not needed.
    """
    del json_text
    data = _encode(report)
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
