"""The placeholder report (``reportnlp placeholders``): JSON shape and values, leaks, determinism, safety.

The browser half (highlights, sorting, switches, hostile text, 10,000 documents) is in
``test_report_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GWR, SEEDS

import reportnlp
from reportnlp.cli import main
from reportnlp.report import (
    DENSITY_EDGES,
    build_report,
    context_key,
    document_entry,
    embedded_report,
    make_report,
    pack,
    to_html,
    to_json,
    unpack,
)

HOSTILE_TEXT = (
    "今年以来，××市开展宣讲<script>window.__pwned=1</script>30余场次，覆盖群众xx万人次，"
    '各项工作取得明显成效。<img src=x onerror="window.__pwned=1">\n\n'
    "二是加强队伍建设，组建宣讲团xx支，推动理论宣讲进机关、进企业、进农村、进社区。"
)
HOSTILE_TITLE = "</script><script>window.__pwned=1</script>××市<b>汇报</b>"


def placeholders(*args: str):
    return CliRunner().invoke(main, ["placeholders", *args], catch_exceptions=False)


def embedded_data(html: str) -> str:
    m = re.search(
        r'<script type="application/octet-stream" id="report-data"[^>]*>(.*?)</script>', html, re.S
    )
    assert m, "no embedded report data"
    return m.group(1)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("report")
    res = placeholders(
        str(SEEDS), "--json", str(out / "r.json"), "--html", str(out / "r.html"), "-q"
    )
    assert res.exit_code == 0, res.output
    return {
        "json": json.loads((out / "r.json").read_text(encoding="utf-8")),
        "html": (out / "r.html").read_text(encoding="utf-8"),
        "dir": out,
    }


def by_id(report: dict) -> dict[str, dict]:
    return {d["id"][:3]: d for d in report["documents"]}


# --- shape ----------------------------------------------------------------------------------------


def test_json_shape_and_offsets(seed_report):
    rep = seed_report["json"]
    assert set(rep) == {"about", "summary", "documents", "families"}
    assert [d["id"] for d in rep["documents"]] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for d in rep["documents"]:
        assert {"id", "title", "text", "placeholders", "title_placeholders", "leaks"} <= set(d)
        text, title = d["text"], d["title"] or ""
        for kind, source in [
            ("placeholders", text),
            ("title_placeholders", title),
            ("metrics", text),
            ("slogans", text),
            ("giveaways", text),
        ]:
            for span in d[kind]:
                assert source[span["start"] : span["end"]] == span["text"], (kind, span)
        for p in d["placeholders"] + d["title_placeholders"]:
            assert set(p) == {"start", "end", "text", "type"}
        for leak in d["leaks"]:
            assert leak["source"] in ("text", "title")
            source = title if leak["source"] == "title" else text
            m = leak["mask"]
            assert {"start", "end", "text"} <= set(m)
            assert source[m["start"] : m["end"]] == m["text"]
            scores = [c["score"] for c in leak["candidates"]]
            assert scores == sorted(scores, reverse=True) and scores
            for c in leak["candidates"]:
                assert {"place", "level", "score", "evidence", "path"} <= set(c)
                assert c["path"][-1] == c["place"]
                for e in c["evidence"]:  # evidence always indexes the text
                    assert text[e["start"] : e["end"]] == e["text"]
        assert d["density"] == round(1000 * len(d["placeholders"]) / len(text), 4)
    json.dumps(rep, allow_nan=False)


def test_counts_equal_analyse(seed_report):
    rep = seed_report["json"]
    total = title_total = 0
    for p in sorted(SEEDS.glob("*.txt")):
        a = reportnlp.analyse(reportnlp.clean(p.read_bytes(), id=p.stem))
        d = by_id(rep)[p.stem[:3]]
        assert [(x["start"], x["end"], x["type"]) for x in d["placeholders"]] == [
            (x.start, x.end, x.type) for x in a.placeholders
        ]
        assert len(d["title_placeholders"]) == len(a.title_placeholders)
        assert d["counts"]["metrics"] == len(a.metrics) == len(d["metrics"])
        assert d["counts"]["slogans"] == len(a.slogans) == len(d["slogans"])
        assert sum(d["counts"]["by_type"].values()) == len(a.placeholders)
        total += len(a.placeholders)
        title_total += len(a.title_placeholders)
    s = rep["summary"]
    assert (total, title_total) == (143, 2)  # the 145 gold masks, two of them in seed 003's title
    assert s["masks"]["total"] == total and s["title_masks"]["total"] == title_total
    assert sum(s["masks"]["by_type"].values()) == total
    assert s["documents"] == 5 and s["documents_with_masks"] == 3 and s["failed"] == 0
    assert s["characters"] == sum(d["characters"] for d in rep["documents"])
    assert s["masks"]["per_1000"] == round(1000 * total / s["characters"], 4)
    assert sum(b["documents"] for b in s["density"]["bins"]) == 5
    assert len(s["density"]["bins"]) == len(DENSITY_EDGES) + 2
    assert s["leaks"]["masks"] == sum(len(d["leaks"]) for d in rep["documents"]) == 8


def test_top_contexts(seed_report):
    s = seed_report["json"]["summary"]
    ctx = {c["context"]: c for c in s["top_contexts"]}
    assert {"××市", "××次", "202×年", "××篇"} <= set(ctx)
    assert ctx["××市"]["type"] == "name" and ctx["202×年"]["type"] == "year"
    assert ctx["××次"]["count"] == sum(f["count"] for f in ctx["××次"]["forms"])  # XX次, xx次…
    counts = [c["count"] for c in s["top_contexts"]]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(
    "source,start,end,key",
    [
        ("×××市", 0, 3, "××市"),
        ("xx次", 0, 2, "××次"),
        ("X个", 0, 1, "××个"),
        ("202x年", 0, 4, "202×年"),
        ("20XX年", 0, 4, "20××年"),
        ("xx街道办", 0, 2, "××街道"),
        ("某市", 0, 1, "某市"),
        ("***总书记", 0, 3, "***总"),
        ("××”", 0, 2, "××"),
        ("×-××个", 0, 4, "××-××个"),
    ],
)
def test_context_rule(source, start, end, key):
    assert context_key(source, start, end) == key


# --- leaks ----------------------------------------------------------------------------------------


def _leaks_by_context(d: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for leak in d["leaks"]:
        out.setdefault(leak["context"], []).append(leak)
    return out


def test_leak_top1_on_the_seeds(seed_report):
    docs = by_id(seed_report["json"])
    city = _leaks_by_context(docs["000"])["××市"]
    assert len(city) == 3 and all(x["candidates"][0]["place"] == "龙口市" for x in city)
    (title,) = docs["003"]["leaks"]
    assert title["source"] == "title" and title["context"] == "某市"
    assert docs["003"]["title"][title["mask"]["start"] : title["mask"]["end"]] == "某"
    assert title["candidates"][0]["place"] == "韩城市"
    town = _leaks_by_context(docs["002"])["××镇"]
    assert len(town) == 2
    for x in town:
        best = x["candidates"][0]
        assert best["place"] == "胡埭镇" and best["level"] == "township"
        assert best["path"][-3:] == ["无锡市", "滨湖区", "胡埭镇"]  # the district and city above it
    assert docs["001"]["leaks"] == [] and docs["004"]["leaks"] == []  # no masks, no leak


def test_no_leak_claimed_for_the_state_council(tmp_path):
    res = placeholders(str(GWR), "--json", str(tmp_path / "g.json"), "-q")
    assert res.exit_code == 0
    rep = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert rep["summary"]["documents"] == 72
    assert rep["summary"]["leaks"]["masks"] == 0
    assert all(d["leaks"] == [] for d in rep["documents"])
    assert rep["summary"]["masks"]["total"] == 0


# --- HTML -----------------------------------------------------------------------------------------


def test_html_embeds_the_json(seed_report):
    html = seed_report["html"]
    data = embedded_data(html)
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", data)  # base64: nothing in it can end the element
    assert embedded_report(html) == seed_report["json"]
    assert html.count("<script") == 2  # the data and the page's own script, nothing else
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html  # nothing fetched, no CDN


def test_csp_allows_only_the_pages_own_script_and_style(seed_report):
    html = seed_report["html"]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    js = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    for source in (js, css):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_hostile_text_cannot_break_out_of_the_data_element(tmp_path):
    rep = make_report([reportnlp.clean(HOSTILE_TEXT, title=HOSTILE_TITLE, id="</script><b>x")])
    html = to_html(rep)
    assert html.count("</script>") == 2
    assert "window.__pwned" not in html and "<b>" not in html
    back = embedded_report(html)
    assert back["documents"][0]["title"] == HOSTILE_TITLE
    assert "<script>window.__pwned=1</script>" in back["documents"][0]["text"]


def test_library_and_cli_agree(seed_report):
    docs = [reportnlp.clean(p.read_bytes(), id=p.stem) for p in sorted(SEEDS.glob("*.txt"))]
    rep = make_report(docs)
    cli = seed_report["json"]
    assert rep["summary"] == cli["summary"]
    for a, b in zip(rep["documents"], cli["documents"]):
        assert {k: v for k, v in a.items() if k != "source"} == {
            k: v for k, v in b.items() if k != "source"
        }


def test_entry_from_an_analyse_record():
    rec = reportnlp.analyse("今年以来，××市的佛堂镇、稠城街道开展宣讲xx场次。", id="a").to_dict()
    d = document_entry(rec)
    assert d["leaks"][0]["candidates"][0]["place"] == "义乌市"
    hand_made = {
        "id": "b",
        "title": "某市汇报",
        "text": "韩城开展宣讲，韩城市民踊跃参加。",
        "placeholders": [],
    }
    d2 = document_entry(hand_made)  # no title_placeholders given: found as analyse() finds them
    assert d2["title_placeholders"] == [{"start": 0, "end": 1, "text": "某", "type": "name"}]
    assert d2["leaks"][0]["source"] == "title"
    assert d2["leaks"][0]["candidates"][0]["place"] == "韩城市"
    rep = build_report([d], failures=["x.jsonl:3: malformed JSON line"])
    assert rep["summary"]["failed"] == 1 and rep["summary"]["masks"]["total"] == 2


# --- CLI: determinism, bad input, atomic output -------------------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_input_same_bytes_any_jobs(tmp_path):
    for name, jobs in (("a", "1"), ("b", "2")):
        res = placeholders(
            str(SEEDS),
            "--html",
            str(tmp_path / f"{name}.html"),
            "--json",
            str(tmp_path / f"{name}.json"),
            "--jobs",
            jobs,
            "-q",
        )
        assert res.exit_code == 0
    assert digest(tmp_path / "a.json") == digest(tmp_path / "b.json")
    assert digest(tmp_path / "a.html") == digest(tmp_path / "b.html")


def test_bad_input_named_others_reported(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "docs.jsonl").write_text(
        '{"id": "ok1", "text": "今年以来，××市开展宣讲xx场次。"}\n{"id": "bad", "text": \n',
        encoding="utf-8",
    )
    res = placeholders(
        str(corpus), "--json", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.html")
    )
    assert res.exit_code == 1
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert "binary.txt" in err and "docs.jsonl:2" in err
    rep = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert rep["summary"]["documents"] == 6 and rep["summary"]["failed"] == 2
    assert any("docs.jsonl:2" in f for f in rep["summary"]["failures"])
    assert "ok1" in [d["id"] for d in rep["documents"]]
    assert embedded_report((tmp_path / "r.html").read_text(encoding="utf-8")) == rep


def test_an_output_is_required(tmp_path):
    res = CliRunner().invoke(main, ["placeholders", str(SEEDS)])
    assert res.exit_code == 2 and "--html" in res.output


def test_no_partial_output_on_crash(tmp_path, monkeypatch):
    out = tmp_path / "r.html"
    out.write_text("previous run\n", encoding="utf-8")
    import reportnlp.report as report_mod

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(report_mod, "to_html", boom)
    with pytest.raises(RuntimeError):
        placeholders(str(SEEDS), "--html", str(out), "--json", str(tmp_path / "r.json"), "-q")
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert not (tmp_path / "r.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_to_json_is_one_line_and_stable():
    rep = make_report(["今年以来，××市开展宣讲xx场次。"])
    text = to_json(rep)
    assert text.endswith("\n") and text.count("\n") == 1
    assert to_json(json.loads(text)) == text


# --- views, user fields, families, size -------------------------------------------------------


def test_year_site_and_user_fields_of_a_document():
    rec = reportnlp.analyse(
        "今年以来，××市开展宣讲xx场次。", id="a", title="2021年工作汇报"
    ).to_dict()
    rec["meta"] = {"site": "某范文网", "date": "2023-05-01"}
    rec["fields"] = {"province": "山东", "tags": ["宣讲", "基层"]}
    rec["url"] = "https://example.org/a"
    d = document_entry(rec)
    assert d["year"] == 2023 and d["site"] == "某范文网"  # the date wins over the title's year
    assert d["fields"] == {
        "province": "山东",
        "tags": ["宣讲", "基层"],  # unchanged (the page shows a nested value as JSON)
        "url": "https://example.org/a",
    }
    rec["meta"] = {}
    assert document_entry(rec)["year"] == 2021  # no date: the title's leading year
    rec["fields"]["year"] = "1998"
    assert document_entry(rec)["year"] == 1998  # a year field first
    del rec["title"], rec["fields"]["year"]
    assert document_entry(rec)["year"] is None and document_entry(rec)["site"] is None


def test_views_by_year_and_site_sum_to_the_corpus(seed_report):
    rep = seed_report["json"]
    s = rep["summary"]
    dated = [d for d in rep["documents"] if d["year"] is not None]
    assert dated and [g["year"] for g in s["by_year"]] == sorted({d["year"] for d in dated})
    assert sum(g["documents"] for g in s["by_year"]) == len(dated)
    for g in s["by_year"]:
        docs = [d for d in dated if d["year"] == g["year"]]
        assert g["masks"] == sum(d["counts"]["placeholders"] for d in docs)
        assert sum(g["by_type"].values()) == g["masks"]
        assert g["per_1000"] == round(1000 * g["masks"] / sum(d["characters"] for d in docs), 4)
    sites = [d["site"] for d in rep["documents"] if d["site"]]
    assert sum(g["documents"] for g in s["by_site"]) == len(sites) > 0
    assert {g["site"] for g in s["by_site"]} == set(sites)


def _copies(n: int) -> list[dict]:
    """The five seeds analysed, then ``n`` copies of each under other ids (a corpus of repeated text)."""
    base = [
        reportnlp.analyse(reportnlp.clean(p.read_bytes(), id=p.stem)).to_dict()
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    return [{**r, "id": f"{r['id']}-{k}"} for k in range(n) for r in base]


def test_families_and_duplicates_are_linked_both_ways():
    entries = [document_entry(r) for r in _copies(2)]
    # one more: seed 000 with a paragraph dropped, the same template, not a near-copy
    first = entries[0]
    shorter = "\n\n".join(first["text"].split("\n\n")[::2])
    entries.append(
        document_entry({**reportnlp.analyse(shorter, id="x").to_dict(), "title": first["title"]})
    )
    rep = build_report(entries)
    fams = rep["families"]
    assert len(fams) == 5 and rep["summary"]["families"]["families"] == 5
    for f in fams:
        for m, sim in zip(f["members"], f["similarity"]):
            d = rep["documents"][m]
            assert d["family"]["family"] == f["family"] and d["family"]["size"] == f["size"]
            assert d["family"]["similarity"] == sim
    (f0,) = [f for f in fams if 0 in f["members"]]
    assert f0["members"] == [0, 5, 10]
    docs = rep["documents"]
    dup = [docs[i]["family"]["duplicate"] for i in (0, 5)]
    assert dup.count(True) == 1  # the copy, not the medoid
    assert docs[10]["family"]["duplicate"] is False and docs[10]["family"]["similarity"] < 0.9
    assert rep["summary"]["families"]["duplicates"] == 5
    alone = build_report(entries[:5])
    assert alone["families"] == [] and all(d["family"] is None for d in alone["documents"])


def test_pack_stores_repeated_text_once_and_unpacks_exactly():
    rep = build_report([document_entry(r) for r in _copies(3)])
    packed = pack(rep)
    assert unpack(packed) == rep
    paragraphs = [p for d in rep["documents"] for p in d["text"].split("\n\n")]
    assert len(packed["pool"]) <= len(set(paragraphs)) + len(
        {r["text"] for d in rep["documents"] for r in d["dropped"]}
    )
    assert unpack(json.loads(json.dumps(pack(make_report(["", "一\n\n\n\n二"]))))) == make_report(
        ["", "一\n\n\n\n二"]
    )


def test_page_size_grows_sublinearly_in_repeated_text():
    one = len(to_html(build_report([document_entry(r) for r in _copies(1)])).encode())
    ten = len(to_html(build_report([document_entry(r) for r in _copies(10)])).encode())
    raw_ten = len(to_json(build_report([document_entry(r) for r in _copies(10)])).encode())
    assert ten < 2.5 * one, (one, ten)  # ten times the documents, not ten times the bytes
    assert ten < raw_ten / 4, (ten, raw_ten)


def test_the_page_is_the_same_bytes_every_time():
    rep = make_report(["今年以来，××市开展宣讲xx场次。", "今年以来，××市开展宣讲xx场次。"])
    assert to_html(rep) == to_html(json.loads(to_json(rep)))
    assert rep["documents"][1]["family"]["duplicate"] is True
