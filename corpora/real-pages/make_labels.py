"""Turn the hand-written label specs (``spec/*.txt``) into ``labels.jsonl`` (the eval_boilerplate format).

    python corpora/real-pages/make_labels.py

A spec block, written by hand after reading the page's numbered lines::

    [gov_BJ]
    kind: gov_report
    site: www.beijing.gov.cn
    split: dev
    source: ../shared/corpora/gov-portal-pages/raw/2026_BJ.html
    title: 3
    meta: 4, 8
    content: 6-7, 9-101
    either:
    m.date: 2026-02-02
    m.source: 北京日报

``title`` is one line number or ``-`` (none); ``meta``/``content``/``either`` are comma-separated numbers and
ranges (inclusive; blank lines inside a range are skipped); every other non-blank line of the page is ``drop``. ``m.<field>`` lines fill the ``meta``
object (date, source, author, site, doc_number, issuer, written_date); ``m.site`` is written only when the page
names its site. Line numbers count every
line of the page file from 1, as bench/eval_boilerplate.py does (split on ``\\n``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLANK = " \t\u3000\u200b\xa0"
META_FIELDS = ("date", "source", "author", "site", "doc_number", "issuer", "written_date")


def parse_ranges(spec: str) -> list[tuple[int, bool]]:
    """(line, written as part of a range) for every number of ``spec``."""
    out: list[tuple[int, bool]] = []
    for part in spec.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            out.extend((k, True) for k in range(int(a), int(b) + 1))
        else:
            out.append((int(part), False))
    return out


def parse_specs(text: str, origin: str) -> list[dict]:
    blocks: list[dict] = []
    cur: dict | None = None
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("[") and s.endswith("]"):
            cur = {"doc": s[1:-1], "_m": {}}
            blocks.append(cur)
            continue
        if cur is None or ":" not in s:
            raise SystemExit(f"{origin}:{n}: cannot read {s!r}")
        key, _, value = s.partition(":")
        key, value = key.strip(), value.strip()
        if key.startswith("m."):
            fld = key[2:]
            if fld not in META_FIELDS:
                raise SystemExit(f"{origin}:{n}: unknown meta field {fld}")
            cur["_m"][fld] = value
        else:
            cur[key] = value
    return blocks


def page_lines(doc: str) -> list[str]:
    raw = (HERE / "pages" / f"{doc}.txt").read_bytes().decode("utf-8", errors="replace")
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def to_row(block: dict) -> dict:
    doc = block["doc"]
    lines = page_lines(doc)
    t = block.get("title", "-").strip()
    title = None if t in ("", "-", "null", "none") else int(t)
    def nums(key: str) -> list[int]:
        # blank lines inside a written range are skipped; a single blank line number is an error below
        return [k for k, in_range in parse_ranges(block.get(key, ""))
                if not (in_range and 1 <= k <= len(lines) and not lines[k - 1].strip(BLANK))]

    meta, content, either = nums("meta"), nums("content"), nums("either")
    taken: dict[int, str] = {}
    for kind, nums in (("title", [title] if title else []), ("meta", meta), ("content", content), ("either", either)):
        for k in nums:
            if k in taken:
                raise SystemExit(f"{doc}: line {k} labelled {taken[k]} and {kind}")
            if not (1 <= k <= len(lines)) or not lines[k - 1].strip(BLANK):
                raise SystemExit(f"{doc}: line {k} ({kind}) is blank or past the end")
            taken[k] = kind
    drop = [k for k, s in enumerate(lines, 1) if s.strip(BLANK) and k not in taken]
    return {
        "doc": doc,
        "lines": {"title": title, "meta": sorted(meta), "content": sorted(content), "drop": drop,
                  "either": sorted(either)},
        "meta": {f: block["_m"][f] for f in META_FIELDS if f in block["_m"]},
        "site": block["site"],
        "kind": block["kind"],
        "split": block["split"],
        "source": block["source"],
        **({"raw": block["raw"]} if "raw" in block else {}),
    }


def main() -> int:
    rows = []
    seen = set()
    for spec in sorted((HERE / "spec").glob("*.txt")):
        for block in parse_specs(spec.read_text(encoding="utf-8"), spec.name):
            if block["doc"] in seen:
                raise SystemExit(f"{block['doc']} specified twice")
            seen.add(block["doc"])
            for key in ("site", "kind", "split", "source"):
                if key not in block:
                    raise SystemExit(f"{block['doc']}: no {key}")
            rows.append(to_row(block))
    with open(HERE / "labels.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
