"""Benchmark: the placeholder report (``reportnlp placeholders``) built and opened in headless Chromium.

    python bench/bench_report.py [--repeat 3] [--docs 10000] [--screenshot docs/report.png]

Three corpora:

* ``gwr+seeds`` — the State Council reports (``corpora/gwr/government_work_reports.jsonl``) and the five
  seed pages (``corpora/samples``), read, cleaned, analysed and reported as the CLI does;
* ``gwr x5`` — the State Council records five times under other ids (360 documents: repeated text, the
  case where the page used to grow as fast as the corpus; ``--copies``, 0 to skip);
* ``synthetic`` — ``--docs`` documents made from the seeds' clean texts (each a random, seeded selection of
  one seed's paragraphs, so masks, metrics, slogans and leaks are as dense as on real template reports),
  reported from clean text (``--no-clean``); then the same with a mark of its own on every paragraph, so
  that no paragraph repeats (the page cannot share any text: its worst case).

For each: build time (the whole ``reportnlp placeholders`` command, in-process, ``--jobs``), JSON and HTML
size, then in the browser (Debian's ``chromium`` and ``chromedriver`` through Selenium): load-to-rendered
time (navigation start to the end of the first drawing: HTML parsed, data decompressed and parsed,
summary, plots, views, first table page, families and leaks drawn), and the time to sort the table by density, go to the last page, open the longest
document and switch its metrics on (each the script's own drawing time, median of ``--repeat``).

``--screenshot FILE`` saves a picture of the seeds' report (summary, table and one document) for the README;
the picture needs a CJK font (Debian: ``fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "corpora" / "gwr" / "government_work_reports.jsonl"
SEEDS = ROOT / "corpora" / "samples"


def chrome(width: int = 1280, height: int = 1000):
    """A headless Chromium driven by Selenium through Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not binary or not os.path.exists(driver):
        sys.exit(
            "needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)"
        )
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
    ):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=opts)


def wait(drv, script: str, timeout: float = 120.0):
    """Poll ``script`` (a JS expression) until it is truthy; return its value."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = drv.execute_script(f"return {script};")
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError(script)


def synthetic_corpus(path: Path, n: int, unique: bool = False) -> int:
    """Write ``n`` synthetic clean documents as JSONL; return their characters. ``unique``: every
    paragraph gets a mark of its own (``（第i-j段）``), so no paragraph repeats (the page's worst case)."""
    import reportnlp

    seeds = [reportnlp.clean(p.read_bytes(), id=p.stem) for p in sorted(SEEDS.glob("*.txt"))]
    chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rng = random.Random(i)
            doc = seeds[i % len(seeds)]
            paras = doc.text.split("\n\n")
            keep = [p for p in paras if rng.random() < 0.6] or paras[:1]
            if unique:
                keep = [f"{p}（第{i + 1}-{j + 1}段）" for j, p in enumerate(keep)]
            text = "\n\n".join(keep)
            chars += len(text)
            title = f"{doc.title or '工作汇报'}（{i + 1}）"
            row = {"id": f"syn-{i + 1:05d}", "title": title, "text": text}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return chars


def copies(path: Path, n: int) -> None:
    """The State Council records ``n`` times, each copy under its own ids, as JSONL."""
    with open(GWR, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    with open(path, "w", encoding="utf-8") as out:
        for k in range(n):
            for i, row in enumerate(rows):
                out.write(json.dumps({**row, "id": f"c{k}-{i:02d}"}, ensure_ascii=False) + "\n")


def build(inputs: list[str], out: Path, *extra: str) -> float:
    """Run ``reportnlp placeholders`` in-process; return its wall time in seconds."""
    from reportnlp.cli import main

    t = time.perf_counter()
    main.main(
        [
            "placeholders",
            *inputs,
            "--html",
            str(out / "r.html"),
            "--json",
            str(out / "r.json"),
            "-q",
            *extra,
        ],
        standalone_mode=False,
    )
    return time.perf_counter() - t


def browse(drv, html: Path, longest: int) -> dict[str, float]:
    """One load of the report and the four interactions; milliseconds."""
    t = time.perf_counter()
    drv.get(html.as_uri())
    wait(drv, "document.documentElement.getAttribute('data-ready')")
    wall = (time.perf_counter() - t) * 1000
    timings = drv.execute_script("return window.__reportTimings")
    out = {
        "load": timings["ready"],
        "load_wall": wall,
        "html_parsed": timings["script"],
        "decode": timings["decode"],
        "json_parse": timings["parse"] - timings["decode"],
    }
    drv.execute_script("document.getElementById('col-density').click()")
    out["sort"] = drv.execute_script("return window.__reportTimings.rows")
    drv.execute_script("document.getElementById('page-last').click()")
    out["last_page"] = drv.execute_script("return window.__reportTimings.rows")
    drv.execute_script(
        "const s = document.getElementById('group-by'); s.value = 'family';"
        "s.dispatchEvent(new Event('change'));"
    )
    out["group"] = drv.execute_script("return window.__reportTimings.views")
    drv.execute_script(f"location.hash = 'doc={longest}'")
    wait(drv, "document.getElementById('doc-text')")
    out["open"] = drv.execute_script("return window.__reportTimings.open")
    drv.execute_script("document.getElementById('toggle-metrics').click()")
    out["metrics_on"] = drv.execute_script("return window.__reportTimings.text")
    return out


def measure(name: str, inputs: list[str], extra: tuple[str, ...], repeat: int, drv) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        times = [build(inputs, out, *extra) for _ in range(repeat)]
        report = json.loads((out / "r.json").read_text(encoding="utf-8"))
        docs = report["documents"]
        longest = max(range(len(docs)), key=lambda i: docs[i]["characters"])
        html_mb = (out / "r.html").stat().st_size / 1e6
        json_mb = (out / "r.json").stat().st_size / 1e6
        print(
            f"\n{name}: {len(docs):,} documents, {report['summary']['characters']:,} characters, "
            f"{report['summary']['masks']['total']:,} masks, {report['summary']['leaks']['masks']:,} leaks"
        )
        workers = extra[extra.index("--jobs") + 1] if "--jobs" in extra else "1"
        print(
            f"  build (reportnlp placeholders --jobs {workers}): median {statistics.median(times):.2f} s"
        )
        print(f"  JSON {json_mb:.2f} MB, HTML {html_mb:.2f} MB")
        if drv is None:
            return
        runs = [browse(drv, out / "r.html", longest) for _ in range(repeat)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(
            f"  browser: load-to-rendered {med['load']:.0f} ms (wall {med['load_wall']:.0f} ms; HTML read "
            f"{med['html_parsed']:.0f} ms, base64 + gunzip {med['decode']:.0f} ms, "
            f"JSON.parse {med['json_parse']:.0f} ms), "
            f"sort by density {med['sort']:.0f} ms, last page {med['last_page']:.0f} ms, "
            f"group by family {med['group']:.0f} ms, "
            f"open the longest document ({docs[longest]['characters']:,} chars) {med['open']:.0f} ms, "
            f"metrics on {med['metrics_on']:.0f} ms"
        )


def screenshot(drv, target: Path) -> None:
    """The seeds' report with seed 000 open, as a PNG (summary, table and the document view)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        build([os.path.relpath(SEEDS)], out)  # the page shows each document's source as given
        drv.set_window_size(1280, 1000)
        drv.get((out / "r.html").as_uri() + "#doc=0")
        wait(drv, "document.documentElement.getAttribute('data-ready')")
        drv.execute_script("document.getElementById('toggle-metrics').click()")
        height = drv.execute_script("return document.documentElement.scrollHeight")
        drv.set_window_size(1280, min(height, 3000))
        drv.execute_script("window.scrollTo(0, 0)")
        target.parent.mkdir(parents=True, exist_ok=True)
        drv.save_screenshot(str(target))
        print(f"\nscreenshot: {target}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--docs", type=int, default=10_000, help="synthetic documents (0: skip)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--screenshot", type=Path)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the build")
    ap.add_argument(
        "--copies", type=int, default=5, help="gwr x N: the State Council records N times (0: skip)"
    )
    args = ap.parse_args()
    if args.screenshot and args.no_browser:
        ap.error("--screenshot needs the browser")

    drv = None if args.no_browser else chrome()
    try:
        if args.screenshot:
            screenshot(drv, args.screenshot)
        jobs = ("--jobs", str(args.jobs))
        measure("gwr+seeds", [str(GWR), str(SEEDS)], jobs, args.repeat, drv)
        if args.copies:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "copies.jsonl"
                copies(path, args.copies)
                measure(f"gwr x{args.copies}", [str(path)], jobs, args.repeat, drv)
        if args.docs:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "synthetic.jsonl"
                for unique in (False, True):
                    chars = synthetic_corpus(path, args.docs, unique=unique)
                    name = "synthetic, no paragraph repeated" if unique else "synthetic"
                    print(f"\n({name}: {args.docs:,} documents, {chars:,} characters)")
                    measure(name, [str(path)], ("--no-clean", *jobs), args.repeat, drv)
    finally:
        if drv is not None:
            drv.quit()


if __name__ == "__main__":
    main()
