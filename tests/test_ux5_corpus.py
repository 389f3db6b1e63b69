"""A new user's next steps after ``clean`` (helper ux5, session 11): the corpus commands' outputs read back
by strict tools.

Real input: the five seed pages of ``tests/fixtures/seeds`` (provenance in ``corpora/samples/PROVENANCE.md``);
seed 002 has no title (its page states none); two real template-site pages of ``corpora/analysers-real/pages``.
"""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from conftest import ROOT, SEEDS

import reportnlp
from reportnlp.cli import main
from reportnlp.corpus.cli import cluster_cmd, periods_cmd, similar_cmd, templates_cmd
from reportnlp.report import make_report


def _strict(text: str):
    """JSON as JavaScript's JSON.parse, jq or a browser read it: NaN and Infinity are errors."""

    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_cluster_describe_is_valid_json_when_a_prototype_has_no_title(tmp_path):
    """--describe wrote ``"title": NaN`` for a prototype without a title (seed 002), which no JSON
    reader but Python's accepts."""
    out, desc = tmp_path / "c.csv", tmp_path / "c.json"
    r = CliRunner().invoke(
        cluster_cmd, [str(SEEDS), "-o", str(out), "--describe", str(desc), "--k", "5", "-q"]
    )
    assert r.exit_code == 0, r.output
    data = _strict(desc.read_text(encoding="utf-8"))
    titles = {c["prototype"]["id"]: c["prototype"]["title"] for c in data["clusters"]}
    rows = {line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert set(titles) <= rows
    for title in titles.values():
        assert title is None or isinstance(title, str)
    # k = 5 on these five pages: every page is its own cluster's prototype, the untitled seed among them
    # (at k = 4 which pages are prototypes depends on the scikit-learn release), so the case is exercised
    assert None in titles.values()


# --- the placeholder report's masked contexts on real template pages ---------------------------------------

# provenance of the pages: corpora/analysers-real/PROVENANCE.md
REAL_PAGES = ROOT / "corpora" / "analysers-real" / "pages"


def _contexts(*names: str) -> dict[str, dict]:
    docs = [reportnlp.clean((REAL_PAGES / n).read_bytes(), id=n) for n in names]
    docs += [reportnlp.clean(p.read_bytes(), id=p.stem) for p in sorted(SEEDS.glob("*.txt"))]
    return {c["context"]: c for c in make_report(docs)["summary"]["top_contexts"]}


def test_a_year_masked_with_a_star_keeps_its_digits_as_documented():
    """p20 (bsmz.net) opens with ``201*年以来``: its context was ``201*年``, against the rule the report
    states (each masked digit of a mask with digits is one ×, as ``202x`` → ``202×``)."""
    ctx = _contexts("p20.txt")
    assert "201×年" in ctx and ctx["201×年"]["type"] == "year"
    assert ctx["201×年"]["forms"] == [{"text": "201*年", "count": 1}]


def test_a_place_masked_with_stars_is_grouped_with_the_same_place_masked_with_x():
    """p02 (wengzun.com) masks its town as ``*镇`` and ``***镇``: those were the context ``***镇``, the
    redactions' form, apart from the seeds' ``××镇``/``xx镇`` of the same masked town."""
    ctx = _contexts("p02.txt")
    forms = {f["text"] for f in ctx["××镇"]["forms"]}
    assert {"*镇", "***镇"} <= forms and ctx["××镇"]["type"] == "name"
    assert any(not f.startswith("*") for f in forms)  # the seeds' x-style forms in the same group
    for key, c in ctx.items():  # only a redaction keeps the *** form
        assert "*" not in key or c["type"] == "redaction", (key, c)


def test_templates_singletons_summary_says_what_the_file_holds(tmp_path):
    """With --singletons on the five seeds (no two from one template) the summary said ``families: 0``
    while the file held five families of one."""
    out = tmp_path / "families.jsonl"
    r = CliRunner().invoke(templates_cmd, [str(SEEDS), "-o", str(out), "--singletons"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5 and all(len(row["members"]) == 1 for row in rows)
    assert (
        "families: 0 (0 documents in families, 5 alone, each written as a family of one" in r.output
    )
    r = CliRunner().invoke(templates_cmd, [str(SEEDS), "-o", str(out)])
    assert "5 alone)" in r.output and out.read_text(encoding="utf-8") == ""


# --- a page with no text left is said by analyse and placeholders too, as by clean and templates ---------


def _furniture_only(tmp_path) -> tuple:
    """Seed 000's own furniture lines (promotion, links, copyright, ICP) without its body: what a scraper
    that lost the article saves. ``clean`` and ``templates`` warn that no text is left."""
    seed = sorted(SEEDS.glob("*.txt"))[0]
    doc = reportnlp.clean(seed.read_bytes())
    page = tmp_path / "furniture.txt"
    page.write_text(
        "\n".join(d.text for d in doc.dropped if d.reason != "repeated_title") + "\n",
        encoding="utf-8",
    )
    return page, sorted(SEEDS.glob("*.txt"))[1]


def test_analyse_and_placeholders_say_a_page_with_no_text_left(tmp_path):
    page, other = _furniture_only(tmp_path)
    stats = tmp_path / "stats.json"
    runs = {
        "analyse": ["analyse", str(page), str(other), "-o", str(tmp_path / "a.jsonl")],
        "placeholders": ["placeholders", str(page), str(other), "--json", str(tmp_path / "r.json")],
        "clean": ["clean", str(page), str(other), "-o", str(tmp_path / "c.jsonl")],
    }
    for name, args in runs.items():
        r = CliRunner().invoke(main, [*args, "--stats", str(stats)])
        assert r.exit_code == 0, (name, r.output)
        said = [line for line in r.output.splitlines() if "no text left" in line]
        assert said and str(page) in said[0], (name, r.output)  # named, on standard error
        warnings = json.loads(stats.read_text(encoding="utf-8"))["warnings"]
        assert any(str(page) in w and "no text left" in w for w in warnings), (name, warnings)
    rows = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] == "" for r in rows] == [True, False]  # the output itself is unchanged
    assert "warnings" not in rows[0]


def test_a_document_with_no_text_is_left_out_of_similar_and_cluster_and_said(tmp_path):
    """A page with no text left has no structure, so every feature is at its floor: it was the nearest
    neighbour of most documents (7 of 10 on a real mixed folder) and a cluster's prototype. It is left
    out and named, as ``--skip-title`` leaves documents out."""
    page, _ = _furniture_only(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for p in [page, *sorted(SEEDS.glob("*.txt"))]:
        (folder / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "similar.csv"
    r = CliRunner().invoke(similar_cmd, [str(folder), "-o", str(out), "--top", "1"])
    assert r.exit_code == 0, r.output
    assert "skipped: 1 document with no text (furniture)" in r.output
    table = out.read_text(encoding="utf-8")
    assert "furniture" not in table and len(table.splitlines()) == 1 + 5
    out = tmp_path / "clusters.csv"
    r = CliRunner().invoke(cluster_cmd, [str(folder), "-o", str(out), "-q"])
    assert r.exit_code == 0 and "skipped" not in r.output  # -q: nothing said
    ids = [line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert ids == sorted(p.stem for p in SEEDS.glob("*.txt"))


def _label_extent(x: float, anchor: str, text: str, size: float = 11.0) -> tuple[float, float]:
    """A label's horizontal extent, a Han character one em wide and any other about 0.6 em."""
    width = sum(size if ord(c) > 0x2E7F else 0.6 * size for c in text)
    return (x - width, x) if anchor == "end" else (x, x + width)


def test_similar_map_labels_stay_on_the_page_and_its_table_is_rounded(tmp_path):
    """On the seeds' map the ids of the points near the right edge (``002_17ed8b2d14d05a44``) were cut
    off at the SVG's border, and the table under the map printed distances as ``4.056640209170974``."""
    import html as html_lib
    import re

    page = tmp_path / "map.html"
    r = CliRunner().invoke(
        similar_cmd, [str(SEEDS), "-o", str(tmp_path / "s.csv"), "--plot", str(page), "-q"]
    )
    assert r.exit_code == 0, r.output
    doc = page.read_text(encoding="utf-8")
    width = float(re.search(r'<svg[^>]* width="(\d+)"', doc).group(1))
    labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+"( text-anchor="end")?>([^<]+)</text>', doc)
    assert len(labels) == 5
    for x, anchor, text in labels:
        lo, hi = _label_extent(float(x), "end" if anchor else "start", html_lib.unescape(text))
        assert 0 <= lo and hi <= width, (text, lo, hi, width)
    cells = re.findall(r"<td>([^<]*)</td>", doc)
    assert cells and not [c for c in cells if re.fullmatch(r"-?\d+\.\d{7,}", c)]


def test_a_bad_k_names_the_option():
    """``--k 0`` said ``Error: Invalid value: k must be at least 1``, naming no option."""
    for args, said in ((["--k", "0"], "k must be at least 1"), (["--k", "abc"], "nor 'auto'")):
        r = CliRunner().invoke(cluster_cmd, [str(SEEDS), "-o", "-", "-q", *args])
        assert r.exit_code == 2 and "Invalid value for --k" in r.output and said in r.output
        r = CliRunner().invoke(periods_cmd, [str(SEEDS), "--years-from-title", "-o", "-", *args])
        assert r.exit_code == 2 and "Invalid value for --k" in r.output and said in r.output


def test_placeholders_summary_counts_in_words_that_fit_the_count(tmp_path):
    """p20 holds one mask (``201*年``): the summary said ``1 masks … in 1 documents``."""
    r = CliRunner().invoke(
        main, ["placeholders", str(REAL_PAGES / "p20.txt"), "--json", str(tmp_path / "r.json")]
    )
    assert r.exit_code == 0, r.output
    assert "report: 1 mask in texts and 0 in titles" in r.output
    assert "in 1 document; 0 masks with a leak in 0 documents" in r.output


def test_placeholders_refuses_a_report_named_like_another_format(tmp_path):
    """``--json report.csv`` wrote JSON into a file a spreadsheet then failed to open, and
    ``--json r.html --html r.json`` swapped the two silently; nothing is read or written then."""
    for args, flag in (
        (["--json", str(tmp_path / "report.csv")], "--json"),
        (["--json", str(tmp_path / "r.html"), "--html", str(tmp_path / "r.json")], "--json"),
        (["--html", str(tmp_path / "r.json")], "--html"),
    ):
        r = CliRunner().invoke(main, ["placeholders", str(REAL_PAGES / "p20.txt"), *args])
        assert r.exit_code == 2 and f"Invalid value for {flag}" in r.output, r.output
        assert not list(tmp_path.iterdir())
    r = CliRunner().invoke(
        main,
        ["placeholders", str(REAL_PAGES / "p20.txt"), "--json", str(tmp_path / "r.JSON"), "-q"],
    )
    assert r.exit_code == 0 and (tmp_path / "r.JSON").exists()


def test_make_report_analyses_a_plain_record_and_keeps_its_fields():
    """``make_report([{"id", "text", "province"}])`` raised ``KeyError: 'placeholders'``: a record of the
    user's own (text and fields, not yet analysed) is analysed first, its fields kept."""
    seed = sorted(SEEDS.glob("*.txt"))[0]
    text = reportnlp.clean(seed.read_bytes()).text
    rec = {
        "id": "龙口",
        "title": "关于全市理论宣讲工作汇报",
        "text": text,
        "province": "山东",
        "year": 2024,
    }
    rep = make_report([rec])
    (doc,) = rep["documents"]
    want = reportnlp.analyse(text, title=rec["title"], id="龙口")
    assert doc["id"] == "龙口" and doc["title"] == rec["title"] and doc["year"] == 2024
    assert [(p["start"], p["end"], p["type"]) for p in doc["placeholders"]] == [
        (p.start, p.end, p.type) for p in want.placeholders
    ]
    assert doc["fields"] == {"province": "山东", "year": 2024}
    assert (
        len(doc["placeholders"]) == 32 and doc["leaks"]
    )  # the seed's masks and its leak to 龙口市


def test_placeholders_reads_a_record_whose_field_is_nan(tmp_path):
    """A JSONL line written by ``json.dumps`` from a pandas row carries ``NaN`` for an empty cell (Python
    reads it): ``placeholders`` stopped with a traceback (``Out of range float values are not JSON
    compliant``) and wrote nothing. A non-finite number in a user field is written as null."""
    page = (REAL_PAGES / "p02.txt").read_text(encoding="utf-8")
    src = tmp_path / "scores.jsonl"
    src.write_text(
        json.dumps({"id": "p02", "text": page, "score": float("nan"), "n": [1.5, float("inf")]})
        + "\n",
        encoding="utf-8",
    )
    out, page_out = tmp_path / "r.json", tmp_path / "r.html"
    r = CliRunner().invoke(
        main, ["placeholders", str(src), "--json", str(out), "--html", str(page_out), "-q"]
    )
    assert r.exit_code == 0, r.output
    (doc,) = _strict(out.read_text(encoding="utf-8"))["documents"]
    assert doc["fields"] == {"id": "p02", "n": [1.5, None], "score": None} and doc["placeholders"]
    from reportnlp.report import embedded_report

    assert (
        embedded_report(page_out.read_text(encoding="utf-8"))["documents"][0]["fields"]
        == doc["fields"]
    )


def test_clean_analyse_templates_write_a_nan_field_as_null(tmp_path):
    """The same record: ``clean``, ``analyse`` and ``templates`` wrote ``"score":NaN``, a line that
    JavaScript, jq, Spark or pandas' ``read_json`` refuse (orjson, used for plain records, writes null)."""
    page = (REAL_PAGES / "p02.txt").read_text(encoding="utf-8")
    src = tmp_path / "scores.jsonl"
    lines = [{"id": f"p02-{i}", "text": page, "score": float("nan"), "ok": 1.5} for i in (1, 2)]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    for cmd, out in (("clean", "c.jsonl"), ("analyse", "a.jsonl"), ("templates", "t.jsonl")):
        r = CliRunner().invoke(main, [cmd, str(src), "-o", str(tmp_path / out), "-q"])
        assert r.exit_code == 0, (cmd, r.output)
        rows = [_strict(x) for x in (tmp_path / out).read_text(encoding="utf-8").splitlines()]
        fields = [f for row in rows for f in (row.get("inputs") or {"": row}).values()]
        assert rows and [f["fields"]["score"] for f in fields] == [None, None], cmd
        assert [f["fields"]["ok"] for f in fields] == [1.5, 1.5]


def test_find_periods_names_the_documents_without_a_year():
    """The README's periods example on other reports (the seeds: ``record_year`` finds no year in three of
    them) raised ``TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'``."""
    import pytest

    from reportnlp.corpus import find_periods, record_year

    docs = [reportnlp.clean(p.read_bytes(), id=p.stem) for p in sorted(SEEDS.glob("*.txt"))]
    records = [{"id": d.id, "title": d.title, "meta": dict(d.meta), "text": d.text} for d in docs]
    years = [record_year(r) for r in records]
    assert None in years and any(years)
    with pytest.raises(ValueError, match=r"documents have no year \(") as err:
        find_periods([reportnlp.analyse(d) for d in docs], years=years, k=2, min_size=1)
    assert all(d.id in str(err.value) for d, y in zip(docs, years) if y is None)


def test_periods_rows_carry_their_titles(tmp_path):
    """Records without an id (the CPC congress reports: ``{"title", "url", "content", "congress"}``) are
    known by ``<file>-<line>``: the periods table gave ``cpc_congress_reports-3,3,1,u`` and no title."""
    src = tmp_path / "reports.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, p in enumerate(sorted(SEEDS.glob("*.txt"))):
            doc = reportnlp.clean(p.read_bytes())
            rec = {"title": doc.title or "", "content": doc.text, "congress": 10 + i}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for out in ("p.csv", "p.json"):
        r = CliRunner().invoke(
            periods_cmd,
            [str(src), "--no-clean", "--years-field", "congress", "--k", "2", "--min-size", "1",
             "-o", str(tmp_path / out), "-q"],
        )  # fmt: skip
        assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "p.csv").read_text(encoding="utf-8-sig"))))
    assert list(rows[0])[:5] == ["id", "year", "period", "signature", "title"]
    titles = [json.loads(x)["title"] for x in src.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in rows] == titles and any(titles)  # year order is input order here
    docs = _strict((tmp_path / "p.json").read_text(encoding="utf-8"))["documents"]
    assert [d["title"] for d in docs] == titles


def test_similar_says_when_top_is_more_than_the_others():
    """``--top 10`` over the five seeds gives four neighbours each: the summary said ``20 neighbour rows
    (top 10)``."""
    r = CliRunner().invoke(similar_cmd, [str(SEEDS), "--top", "10", "-o", "-"])
    assert r.exit_code == 0, r.output
    assert "20 neighbour rows (top 10; 4 others a document)" in r.output
    r = CliRunner().invoke(similar_cmd, [str(SEEDS), "--top", "2", "-o", "-"])
    assert "10 neighbour rows (top 2);" in r.output
