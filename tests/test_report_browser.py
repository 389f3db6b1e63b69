"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` + ``chromedriver``) via Selenium.

Skipped when Selenium or the browser is missing, except in CI (``CI`` set), where they must run:
``.ci/run`` installs the browser. Timings are printed (``-s``), never asserted; see bench/bench_report.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

import reportnlp
from reportnlp.cli import main
from reportnlp.report import build_report, document_entry, to_html

HOSTILE_PAGE = """首页 > 工作总结 > <img src=x onerror="window.__pwned=2">
××市<script>window.__pwned=1</script>宣讲工作汇报

今年以来，××市开展宣讲<img src=x onerror="window.__pwned=1">30余场次，覆盖群众xx万人次，各项工作取得明显成效。

二是加强队伍建设，组建宣讲团xx支，推动理论宣讲进机关、进企业、进农村、进社区。
版权所有 <script>window.__pwned=3</script> 备案号：京ICP备12345678号
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"browser tests must run in CI, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not binary or not os.path.exists(driver):
        _unavailable(
            "chromium or chromedriver is missing (apt-get install chromium chromium-driver)"
        )
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
    ):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver), options=opts)
    yield drv
    drv.quit()


def js(drv, expr: str, *args):
    return drv.execute_script(f"return {expr};", *args)


def wait(drv, expr: str, timeout: float = 60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = js(drv, expr)
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {expr}")


def load(drv, path: Path) -> float:
    """Open a report and wait until it is drawn; the script's own load-to-rendered milliseconds."""
    drv.get("about:blank")
    drv.get(path.as_uri())
    wait(drv, "document.documentElement.getAttribute('data-ready')")
    return js(drv, "window.__reportTimings.ready")


def click(drv, selector: str) -> None:
    js(drv, "document.querySelector(arguments[0]).click()", selector)


def open_doc(drv, i: int) -> None:
    js(drv, "location.hash = arguments[0]", f"doc={i}")
    wait(
        drv,
        f"((document.querySelector('#doc h2') || {{}}).textContent || '').startsWith('Document {i + 1} of ')",
    )


def row_ids(drv) -> list[str]:
    return js(drv, "[...document.querySelectorAll('#doc-rows tr')].map(tr => tr.dataset.id)")


def marks(drv, where: str) -> list[list[str]]:
    return js(
        drv,
        "[...document.querySelectorAll(arguments[0] + ' mark.ph')].map(e => [e.textContent, e.className])",
        where,
    )


def span_keys(drv, layer: str) -> set[int]:
    keys = js(
        drv, "[...document.querySelectorAll('#doc-text [data-spans]')].map(e => e.dataset.spans)"
    )
    return {int(k.split(":")[1]) for ks in keys for k in ks.split() if k.startswith(layer + ":")}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser")
    res = CliRunner().invoke(
        main,
        [
            "placeholders",
            str(SEEDS),
            "--html",
            str(out / "r.html"),
            "--json",
            str(out / "r.json"),
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    return out / "r.html", json.loads((out / "r.json").read_text(encoding="utf-8"))


@pytest.fixture()
def page(browser, seeds):
    path, rep = seeds
    load(browser, path)
    return browser, rep


# --- opening and counting -----------------------------------------------------------------------


def test_opens_offline_without_errors(page):
    drv, rep = page
    assert js(drv, "performance.getEntriesByType('resource').length") == 0  # nothing fetched
    errors = [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []  # no script error, no CSP violation
    summary = js(drv, "document.getElementById('summary').textContent")
    assert "143" in summary and "masks in the texts" in summary
    assert len(row_ids(drv)) == 5
    assert js(drv, "document.querySelectorAll('#summary svg.hist rect.bar').length") == len(
        rep["summary"]["density"]["bins"]
    )


def test_highlighted_masks_equal_the_json_count(page):
    drv, rep = page
    total = title_total = 0
    for i, d in enumerate(rep["documents"]):
        open_doc(drv, i)
        text_marks = marks(drv, "#doc-text")
        assert len(text_marks) == len(d["placeholders"])
        assert text_marks == [[p["text"], f"ph t-{p['type']}"] for p in d["placeholders"]]
        assert js(drv, "document.getElementById('doc-text').textContent") == d["text"]
        title_marks = marks(drv, "#doc-title")
        assert len(title_marks) == len(d["title_placeholders"])
        total += len(text_marks)
        title_total += len(title_marks)
    assert total == rep["summary"]["masks"]["total"] == 143
    assert title_total == rep["summary"]["title_masks"]["total"] == 2
    cells = js(
        drv, "[...document.querySelectorAll('#doc-rows tr')].map(tr => tr.cells[4].textContent)"
    )
    assert cells == [str(d["counts"]["placeholders"]) for d in rep["documents"]]


def test_tooltips_name_the_mask_and_its_leak(page):
    drv, rep = page
    open_doc(drv, 3)  # seed 003: 某市 in the title
    tip = js(drv, "document.querySelector('#doc-title mark.ph').getAttribute('title')")
    assert tip.startswith("mask 某 · name") and "韩城市" in tip
    open_doc(drv, 0)
    tips = js(drv, "[...document.querySelectorAll('#doc-text mark.ph')].map(e => e.title)")
    assert all(t.startswith("mask ") for t in tips)
    assert sum("龙口市" in t for t in tips) == 3


# --- sorting, switching, dropped lines, leaks ---------------------------------------------------


def test_sorting_by_density(page):
    drv, rep = page
    docs = rep["documents"]
    click(drv, "#col-density")
    desc = sorted(range(len(docs)), key=lambda i: (-docs[i]["density"], i))
    assert row_ids(drv) == [docs[i]["id"] for i in desc]
    assert (
        js(drv, "document.getElementById('col-density').getAttribute('aria-sort')") == "descending"
    )
    click(drv, "#col-density")
    asc = sorted(range(len(docs)), key=lambda i: (docs[i]["density"], i))
    assert row_ids(drv) == [docs[i]["id"] for i in asc]
    assert (
        js(drv, "document.getElementById('col-density').getAttribute('aria-sort')") == "ascending"
    )
    click(drv, "#col-index")
    assert row_ids(drv) == [d["id"] for d in docs]


def test_switching_metrics_and_slogans(page):
    drv, rep = page
    d = rep["documents"][0]
    open_doc(drv, 0)
    n_masks = len(marks(drv, "#doc-text"))
    assert js(drv, "document.querySelectorAll('#doc-text .metric, #doc-text .slogan').length") == 0
    click(drv, "#toggle-metrics")
    assert span_keys(drv, "metric") == set(range(len(d["metrics"]))) and d["metrics"]
    assert js(drv, "document.querySelectorAll('#doc-text .slogan').length") == 0
    click(drv, "#toggle-slogans")
    assert span_keys(drv, "slogan") == set(range(len(d["slogans"]))) and d["slogans"]
    click(drv, "#toggle-metrics")
    assert js(drv, "document.querySelectorAll('#doc-text .metric').length") == 0
    assert span_keys(drv, "slogan") == set(range(len(d["slogans"])))
    assert len(marks(drv, "#doc-text")) == n_masks  # masks are never cut or lost by the layers
    assert js(drv, "document.getElementById('doc-text').textContent") == d["text"]
    click(drv, "#toggle-slogans")
    evidence = js(
        drv, "[...document.querySelectorAll('#doc-text .evidence')].map(e => e.textContent)"
    )
    expected = {e["text"] for leak in d["leaks"] for e in leak["candidates"][0]["evidence"]}
    assert set(evidence) == expected == {"黄山馆镇", "东江街道"}  # leak evidence: on by default
    click(drv, "#toggle-giveaways")
    assert span_keys(drv, "giveaway") == set(range(len(d["giveaways"])))
    click(drv, "#toggle-giveaways")


def test_dropped_boilerplate_on_demand(page):
    drv, rep = page
    d = rep["documents"][0]
    open_doc(drv, 0)
    assert js(drv, "document.querySelectorAll('#dropped table').length") == 0  # not drawn yet
    click(drv, "#dropped summary")
    wait(drv, "document.querySelectorAll('#dropped table').length")
    texts = js(
        drv,
        "[...document.querySelectorAll('#dropped tbody tr')].map(tr => tr.cells[2].textContent)",
    )
    assert texts == [r["text"] for r in d["dropped"]] and len(texts) == 7


def test_leaks_section_opens_the_mask(page):
    drv, rep = page
    rows = js(
        drv, "[...document.querySelectorAll('#leak-rows tr')].map(tr => tr.cells[4].textContent)"
    )
    expected = [leak["candidates"][0]["place"] for d in rep["documents"] for leak in d["leaks"]]
    assert rows == expected and "韩城市" in rows and "胡埭镇" in rows and "龙口市" in rows
    k = rows.index("韩城市")
    js(drv, "document.querySelectorAll('#leak-rows tr')[arguments[0]].click()", k)
    wait(
        drv,
        "document.getElementById('tph-0') && document.getElementById('tph-0').classList.contains('flash')",
    )
    assert js(drv, "document.getElementById('tph-0').textContent") == "某"


# --- hostile text -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    src = tmp_path_factory.mktemp("hostile-in")
    (src / "page.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    (src / "docs.jsonl").write_text(
        json.dumps(
            {
                "id": '<img src=x onerror="window.__pwned=4">',
                "title": "</script><script>window.__pwned=5</script>××市汇报",
                "text": '今年以来，××市<svg onload="window.__pwned=6"></svg>开展宣讲xx场次。',
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("hostile-out")
    res = CliRunner().invoke(main, ["placeholders", str(src), "--html", str(out / "r.html"), "-q"])
    assert res.exit_code == 0, res.output
    html = (out / "r.html").read_text(encoding="utf-8")
    # The same page without its Content-Security-Policy: the rendering itself must keep text inert.
    bare = out / "no-csp.html"
    bare.write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8"
    )
    return [out / "r.html", bare]


@pytest.mark.parametrize("variant", [0, 1], ids=["with-csp", "without-csp"])
def test_hostile_text_shows_as_text_and_nothing_executes(browser, hostile, variant):
    drv = browser
    load(drv, hostile[variant])
    assert js(drv, "typeof window.__pwned") == "undefined"
    titles = js(
        drv, "[...document.querySelectorAll('#doc-rows tr')].map(tr => tr.cells[2].textContent)"
    )
    assert "</script><script>window.__pwned=5</script>××市汇报" in titles
    ids = row_ids(drv)
    assert '<img src=x onerror="window.__pwned=4">' in ids
    for i in range(2):
        open_doc(drv, i)
        click(drv, "#dropped summary")
        click(drv, "#toggle-giveaways")
        click(drv, "#toggle-metrics")
    open_doc(drv, 1)  # page.txt
    text = js(drv, "document.getElementById('doc-text').textContent")
    assert '<img src=x onerror="window.__pwned=1">' in text
    title = js(drv, "document.getElementById('doc-title').textContent")
    # as the title or as the first line of the text, whichever the boilerplate stage judges it: as text
    assert "××市<script>window.__pwned=1</script>宣讲工作汇报" in title + text
    dropped = js(drv, "document.getElementById('dropped').textContent")
    assert (
        "<script>window.__pwned=3</script>" in dropped and 'onerror="window.__pwned=2"' in dropped
    )
    open_doc(drv, 0)
    assert '<svg onload="window.__pwned=6"></svg>' in js(
        drv, "document.getElementById('doc-text').textContent"
    )
    time.sleep(0.3)  # an image error or onload would fire by now
    assert js(drv, "typeof window.__pwned") == "undefined"
    assert (
        js(drv, "document.querySelectorAll('img, svg:not(.hist):not(.plot), iframe').length") == 0
    )
    assert js(drv, "document.scripts.length") == 2
    tags = js(
        drv, "[...document.querySelectorAll('#doc-text *, #doc-title *')].map(e => e.tagName)"
    )
    assert set(tags) <= {"MARK", "SPAN"}


# --- 10,000 documents ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    entries = []
    for i in range(10_000):
        place = "佛堂镇、稠城街道" if i % 3 == 0 else "各镇街"
        text = (
            f"今年以来，××市{place}开展宣讲{i}场次，覆盖群众xx万人次。"
            + "推进理论宣讲进机关。" * (i % 7)
        )
        rec = reportnlp.analyse(text, id=f"doc-{i:05d}", title=f"第{i}号汇报").to_dict()
        entries.append(document_entry(rec))
    rep = build_report(entries)
    out = tmp_path_factory.mktemp("many") / "r.html"
    out.write_text(to_html(rep), encoding="utf-8")
    return out, rep


def test_ten_thousand_documents_paginate(browser, many):
    drv = browser
    path, rep = many
    ms = load(drv, path)
    print(f"\n10,000 documents, {path.stat().st_size / 1e6:.1f} MB: load-to-rendered {ms:.0f} ms")
    assert js(drv, "document.getElementById('page-info').textContent").startswith("page 1 of 200 ")
    assert len(row_ids(drv)) == 50
    click(drv, "#page-last")
    assert js(drv, "document.getElementById('page-info').textContent").startswith(
        "page 200 of 200 "
    )
    assert row_ids(drv)[-1] == "doc-09999"
    click(drv, "#col-density")
    docs = rep["documents"]
    desc = sorted(range(len(docs)), key=lambda i: (-docs[i]["density"], i))
    assert row_ids(drv) == [docs[i]["id"] for i in desc[:50]]  # back to page 1, sorted
    print(f"sort 10,000 rows by density: {js(drv, 'window.__reportTimings.rows'):.0f} ms")
    drv.execute_script(
        "const f = document.getElementById('doc-filter'); f.value = 'doc-09998';"
        "f.dispatchEvent(new Event('input'));"
    )
    assert row_ids(drv) == ["doc-09998"]
    js(drv, "document.querySelector('#doc-rows tr').click()")
    open_doc(drv, 9998)
    assert len(marks(drv, "#doc-text")) == len(docs[9998]["placeholders"]) == 2
    assert js(drv, "document.querySelectorAll('#leak-rows tr').length") == 50
    assert js(drv, "document.getElementById('leak-page-info').textContent").startswith("page 1 of ")
    rows = group_by(drv, "family")
    print(f"group 10,000 documents by family: {js(drv, 'window.__reportTimings.views'):.0f} ms")
    assert sum(int(r[1].replace(",", "")) for r in rows) <= 10_000 and len(rows) <= 50
    click(drv, "#facet-clear") if js(drv, "document.getElementById('facet-clear')") else None
    drv.execute_script(
        "const f = document.getElementById('doc-filter'); f.value = '';"
        "f.dispatchEvent(new Event('input'));"
    )
    t = time.perf_counter()
    rows = csv_of_view(drv)
    print(f"CSV of 10,000 rows: {1000 * (time.perf_counter() - t):.0f} ms")
    assert len(rows) == 10_001 and len({r[1] for r in rows[1:]}) == 10_000


# --- views, plots, CSV, families ----------------------------------------------------------------


def group_by(drv, by: str) -> list[list[str]]:
    drv.execute_script(
        "const s = document.getElementById('group-by'); s.value = arguments[0];"
        "s.dispatchEvent(new Event('change'));",
        by,
    )
    return js(
        drv,
        "[...document.querySelectorAll('#view-rows tr')].map(tr => [...tr.cells].map(c => c.textContent))",
    )


def test_views_by_year_and_site_filter_the_table(page):
    drv, rep = page
    docs = rep["documents"]
    rows = group_by(drv, "year")
    years = sorted({d["year"] for d in docs if d["year"] is not None})
    assert [r[0] for r in rows] == [str(y) for y in years] + ["(none)"]
    assert [int(r[1]) for r in rows] == [sum(d["year"] == y for d in docs) for y in years + [None]]
    js(drv, "document.querySelector('#view-rows tr').click()")  # the first year
    assert row_ids(drv) == [d["id"] for d in docs if d["year"] == years[0]]
    assert "year = " + str(years[0]) in js(drv, "document.getElementById('facet').textContent")
    click(drv, "#facet-clear")
    assert len(row_ids(drv)) == 5
    rows = group_by(drv, "site")
    assert {r[0] for r in rows} == {d["site"] or "(none)" for d in docs}
    assert sum(int(r[1]) for r in rows) == 5
    masks = {r[0]: int(r[3]) for r in rows}
    for g in rep["summary"]["by_site"]:
        assert masks[g["site"]] == g["masks"]
    rows = group_by(drv, "meta:source")  # the pages' own 来源 line
    sources = [d["meta"].get("source") or "(none)" for d in docs]
    assert sorted((r[0], int(r[1])) for r in rows) == sorted(
        (v, sources.count(v)) for v in set(sources)
    )


def test_plots_are_drawn_from_the_summary(page):
    drv, rep = page
    s = rep["summary"]
    segs = sum(1 for g in s["by_year"] for t, n in g["by_type"].items() if n)
    assert js(drv, "document.querySelectorAll('#plot-years rect.seg').length") == segs > 0
    tips = js(
        drv, "[...document.querySelectorAll('#plot-years rect.seg title')].map(t => t.textContent)"
    )
    assert all(" masks, " in t for t in tips)
    assert js(drv, "document.querySelectorAll('#plot-sites rect.bar').length") == min(
        15, len(s["by_site"])
    )


def csv_of_view(drv) -> list[list[str]]:
    """Click Download CSV and read the Blob it makes (URL.createObjectURL is watched, nothing is saved)."""
    import csv
    import io

    drv.execute_script(
        "window.__blobs = []; const real = URL.createObjectURL;"
        "URL.createObjectURL = b => { window.__blobs.push(b); return real.call(URL, b); };"
    )
    click(drv, "#csv")
    head, text = drv.execute_async_script(
        "const done = arguments[arguments.length - 1], b = window.__blobs[0];"
        "b.arrayBuffer().then(a => b.text().then(t => done([[...new Uint8Array(a).slice(0, 3)], t])));"
    )
    assert head == [0xEF, 0xBB, 0xBF]  # a byte-order mark, so spreadsheets read it as UTF-8
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_export_is_the_current_view(page):
    drv, rep = page
    docs = rep["documents"]
    click(drv, "#col-density")  # sorted by density, descending
    rows = csv_of_view(drv)
    header = rows[0]
    assert header[:4] == ["index", "id", "title", "source"]
    assert {
        "meta_source",
        "masks_name",
        "masks_number",
        "masks_year",
        "masks_redaction",
        "family",
        "year",
        "site",
    } <= set(header)
    order = sorted(range(len(docs)), key=lambda i: (-docs[i]["density"], i))
    assert [r[1] for r in rows[1:]] == [docs[i]["id"] for i in order]
    col = {k: n for n, k in enumerate(header)}
    for r in rows[1:]:
        d = docs[int(r[col["index"]]) - 1]
        assert r[col["title"]] == (d["title"] or "")
        assert int(r[col["masks"]]) == d["counts"]["placeholders"]
        for t, n in d["counts"]["by_type"].items():
            assert int(r[col["masks_" + t]]) == n
    js(drv, "document.getElementById('only-leaks').click()")
    rows = csv_of_view(drv)
    assert [r[1] for r in rows[1:]] == [docs[i]["id"] for i in order if docs[i]["leaks"]]


@pytest.fixture(scope="module")
def families_page(tmp_path_factory):
    """The seeds twice (ids -0/-1), a hostile user field and site on one: families, fields, CSV."""
    base = [
        reportnlp.analyse(reportnlp.clean(p.read_bytes(), id=p.stem)).to_dict()
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    recs = [{**r, "id": f"{r['id'][:3]}-{k}"} for k in range(2) for r in base]
    recs[0]["fields"] = {
        "province": "山东",
        "note": '=HYPERLINK("x")<img src=x onerror="window.__pwned=7">',
    }
    recs[0]["meta"] = {**recs[0]["meta"], "site": "<script>window.__pwned=8</script>"}
    rep = build_report([document_entry(r) for r in recs])
    out = tmp_path_factory.mktemp("families") / "r.html"
    out.write_text(to_html(rep), encoding="utf-8")
    return out, rep


def test_families_are_linked_from_each_document(browser, families_page):
    drv = browser
    path, rep = families_page
    load(drv, path)
    assert (
        js(drv, "document.querySelectorAll('#fam-rows tr.fam-row').length")
        == len(rep["families"])
        == 5
    )
    fam = rep["documents"][0]["family"]
    open_doc(drv, 0)
    box = js(drv, "document.getElementById('doc-family').textContent")
    assert box.startswith(f"Template family F{fam['family']}: 2 documents")
    links = js(
        drv, "[...document.querySelectorAll('#doc-family a.doc-link')].map(a => a.dataset.index)"
    )
    assert links == ["5"]
    click(drv, "#doc-family a.doc-link")
    wait(drv, "(document.querySelector('#doc h2') || {}).textContent === 'Document 6 of 10'")
    cells = js(
        drv,
        "[...document.querySelectorAll('#doc-rows tr')].map(tr => tr.querySelector('td a') ? tr.querySelector('td a').textContent : '')",
    )
    assert cells.count("F0") + cells.count("F0 dup") == 2
    rows = group_by(drv, "family")
    assert [int(r[1]) for r in rows] == [2] * 5


def test_user_fields_are_columns_views_and_csv_and_stay_inert(browser, families_page):
    drv = browser
    path, rep = families_page
    load(drv, path)
    heads = js(drv, "[...document.querySelectorAll('#doc-table th')].map(th => th.textContent)")
    assert "province" in heads and "note" in heads
    rows = group_by(drv, "field:province")
    assert rows[0][:2] == ["山东", "1"] and rows[1][:2] == ["(none)", "9"]
    rows = csv_of_view(drv)
    col = {k: n for n, k in enumerate(rows[0])}
    first = rows[1]
    assert first[col["field_province"]] == "山东"
    # a cell that a spreadsheet would run as a formula is written as text
    assert first[col["field_note"]] == '\'=HYPERLINK("x")<img src=x onerror="window.__pwned=7">'
    assert first[col["site"]] == "<script>window.__pwned=8</script>"
    open_doc(drv, 0)
    assert 'onerror="window.__pwned=7"' in js(
        drv, "document.querySelector('#doc .meta').textContent"
    )
    time.sleep(0.3)
    assert js(drv, "typeof window.__pwned") == "undefined"
    assert (
        js(drv, "document.querySelectorAll('img, script:not([id]) ~ script, iframe').length") == 0
    )
    assert js(drv, "document.scripts.length") == 2


def test_font_note_only_without_a_cjk_font(page):
    drv, _ = page
    fc = shutil.which("fc-list")
    if not fc:
        pytest.skip("fc-list (fontconfig) is not here to say which fonts there are")
    import subprocess

    have_cjk = bool(subprocess.run([fc, ":lang=zh"], capture_output=True, text=True).stdout.strip())
    assert js(drv, "document.getElementById('font-note').hidden") == have_cjk
