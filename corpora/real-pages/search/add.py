"""Append search results (pasted JSON) to results.jsonl: python add.py QUERY < pasted.json (a JSON list of
{"rank","url","excerpt"} objects, or one object), skipping URLs already stored."""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
query = sys.argv[1]
items = json.loads(sys.stdin.read())
if isinstance(items, dict):
    items = [items]
path = HERE / "results.jsonl"
have = set()
if path.exists():
    have = {json.loads(s)["url"] for s in path.read_text(encoding="utf-8").splitlines() if s.strip()}
with open(path, "a", encoding="utf-8") as fh:
    for it in items:
        if it["url"] in have:
            continue
        fh.write(json.dumps({"url": it["url"], "query": query, "rank": it["rank"], "excerpt": it["excerpt"]},
                            ensure_ascii=False) + "\n")
        have.add(it["url"])
print(len(have), "stored")
