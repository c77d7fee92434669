"""The HTML report at 100 and 10,000 claims: page size, render time and interaction times in chromium.

A synthetic but realistic batch: the demo report's articles and rows (made by the real CLI into
out/html-bench on first use) are copied until the batch holds N claims, each copy an article of its
own (``ARTICLE~00042``) whose evidence cites a document of its own, so the page holds N distinct
evidence passages as a large real run would, not 12 shared ones. The page is rendered by the
package's builder (``build_html_report``, as ``vericlaim report`` does), then opened in Debian's
headless chromium through selenium, one fresh page load per repeat:

- load: navigation start to DOMContentLoaded (the page's script has run: filters and clicks work)
  and to the load event;
- verdict filter: one click on the "supported" checkbox until the next frame after it (script,
  style and layout of the whole page included);
- article filter: choosing one article in the article menu, likewise;
- select a claim: a click on a claim in the middle of the page until its evidence is in the panel
  and the next frame is drawn.

Medians of --repeats runs; a Markdown table on stdout, --json for the raw figures.

    python bench/html_report.py --claims 100 10000 --repeats 3 --json out/html-bench/bench.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "out" / "html-bench"
# As the browser test's fixture (tests/browser/test_report_browser.py): a fresh profile and no
# background connections, which a closed network refuses.
CHROMIUM_ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                      "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions",
                      "--window-size=1400,1000", "--enable-precise-memory-info")

# Runs in the page: does one interaction, forces style and layout, then waits for the next frame.
TIMED = """
var done = arguments[arguments.length - 1], what = arguments[0], t0 = performance.now();
if (what === "filter") { document.getElementById("f-supported").click(); }
else if (what === "article") {
  var menu = document.getElementById("f-article");
  menu.selectedIndex = Math.floor(menu.options.length / 2);
  menu.dispatchEvent(new Event("change", {bubbles: true}));
}
else { document.getElementById(arguments[1]).click(); }
var ok = what !== "select" || document.getElementById("detail").textContent.indexOf("Evidence") >= 0;
void document.body.offsetHeight;
var sync = performance.now() - t0;
requestAnimationFrame(function () { setTimeout(function () {
  done({ms: performance.now() - t0, sync_ms: sync, ok: ok,
        shown: document.getElementById("shown").textContent});
}, 0); });
"""

# (No first-paint figure: chromium holds paint across a navigation, so it can come after the load event.)
LOAD = """
var nav = performance.getEntriesByType("navigation")[0];
return {ready_ms: nav.domContentLoadedEventEnd, load_ms: nav.loadEventEnd,
        nodes: document.getElementsByTagName("*").length,
        claims: document.querySelectorAll("#articles .claim").length,
        heap_mb: performance.memory.usedJSHeapSize / 1048576};
"""


def _cli(*args) -> None:
    subprocess.run([sys.executable, "-m", "vericlaim", *map(str, args), "-q"], check=True)


def demo_report(folder: Path, articles: Path) -> Path:
    """The demo report made by the real CLI (reused when it is already there)."""
    report = folder / "demo-report.csv"
    if not report.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        _cli("index", ROOT / "examples" / "reports", "--index", folder / "demo-index")
        _cli("check", articles, "--index", folder / "demo-index", "--out", report, "--force")
    return report


def synthetic_batch(report: Path, articles: Path, claims: int, folder: Path):
    """Rows and an articles file for ``claims`` claims, copied from the demo report and its articles."""
    from vericlaim.report_html.build import read_articles
    from vericlaim.report_read import read_report

    rows = read_report(report)
    documents, _ = read_articles(articles)
    by_article: dict[str, list] = {}
    for row in rows:
        by_article.setdefault(row.article_id, []).append(row)
    out_rows, out_docs, copy = [], [], 0
    while len(out_rows) < claims:
        for article_id, article_rows in by_article.items():
            if len(out_rows) >= claims:
                break
            doc = documents[article_id]
            new_id = f"{article_id}~{copy:05d}"
            out_docs.append({"id": new_id, "title": f"{doc.title} ({copy})", "text": doc.text,
                             "source": doc.source, "date": doc.date})
            for row in article_rows[:claims - len(out_rows)]:
                suffix = f"~{copy:05d}"
                out_rows.append(replace(
                    row, article_id=new_id, claim_id=new_id + ":" + row.claim_id.rsplit(":", 1)[-1],
                    evidence_doc_id=row.evidence_doc_id + suffix if row.evidence_doc_id else "",
                    counter_evidence_doc_id=(row.counter_evidence_doc_id + suffix
                                             if row.counter_evidence_doc_id else "")))
        copy += 1
    path = folder / f"articles-{claims}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for doc in out_docs:
            handle.write(json.dumps(doc) + "\n")
    return out_rows, path, len(out_docs)


def start_chromium(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        sys.exit("html_report.py: chromium and chromedriver are needed: bash scripts/install_chromium.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (*CHROMIUM_ARGUMENTS, f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(300)
    return driver


def measure_page(driver, page: Path, claims: int) -> dict:
    """One fresh load of ``page`` and one of each interaction."""
    driver.get("about:blank")
    started = time.perf_counter()
    driver.get(page.resolve().as_uri())
    wall = (time.perf_counter() - started) * 1000
    loaded = driver.execute_script(LOAD)
    if loaded["claims"] != claims:
        raise SystemExit(f"html_report.py: {loaded['claims']} claims in the page, {claims} expected")
    middle = f"c-{claims // 2}"
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", middle)
    select = driver.execute_async_script(TIMED, "select", middle)
    verdict = driver.execute_async_script(TIMED, "filter")
    article = driver.execute_async_script(TIMED, "article")
    if not (select["ok"] and verdict["ok"]):
        raise SystemExit("html_report.py: the selected claim's evidence did not show")
    return {"get_ms": wall, **loaded, "select_ms": select["ms"], "select_sync_ms": select["sync_ms"],
            "filter_ms": verdict["ms"], "filter_sync_ms": verdict["sync_ms"], "filter_shown": verdict["shown"],
            "article_ms": article["ms"], "article_sync_ms": article["sync_ms"]}


def bench_size(claims: int, report: Path, articles: Path, folder: Path, driver, repeats: int,
               with_text: bool = True) -> dict:
    from vericlaim.report_html.build import build_html_report, read_articles

    rows, articles_file, n_articles = synthetic_batch(report, articles, claims, folder)
    page = folder / f"report-{claims}{'' if with_text else '-listed'}.html"
    if not with_text:
        articles_file = None  # claims listed per article, as for a claim list
    renders, reads = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        build_html_report(page, rows=rows, articles=articles_file, quiet=True)
        renders.append(time.perf_counter() - started)
        started = time.perf_counter()
        if articles_file is not None:
            read_articles(articles_file)  # the part of the render spent reading the articles back
        reads.append(time.perf_counter() - started)
    runs = [measure_page(driver, page, claims) for _ in range(repeats)]
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0] if isinstance(runs[0][key], int | float)}
    return {"claims": claims, "articles": n_articles, "article_text": with_text, "bytes": page.stat().st_size,
            "render_s": statistics.median(renders), "renders_s": renders, "read_articles_s": statistics.median(reads),
            "median": median, "runs": runs}


def table(results: list[dict]) -> str:
    lines = ["| claims | articles | page size | render (s), of which reading articles | DOMContentLoaded (ms) "
             "| load event (ms) | verdict filter (ms) | article filter (ms) | select claim + evidence (ms) "
             "| DOM elements | JS heap (MB) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        m = r["median"]
        size = f"{r['bytes'] / 1024:.0f} KB" if r["bytes"] < 1 << 20 else f"{r['bytes'] / (1 << 20):.1f} MB"
        lines.append(f"| {r['claims']:,} | {r['articles']:,} | {size} | {r['render_s']:.2f}, "
                     f"{r['read_articles_s']:.2f} | {m['ready_ms']:.0f} | {m['load_ms']:.0f} "
                     f"| {m['filter_ms']:.0f} | {m['article_ms']:.0f} | {m['select_ms']:.0f} | {m['nodes']:,.0f} "
                     f"| {m['heap_mb']:.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=DEMO, help="the demo report and the pages (default %(default)s)")
    parser.add_argument("--articles", type=Path, default=ROOT / "examples" / "articles")
    parser.add_argument("--no-articles", action="store_true",
                        help="render without the article text (claims listed per article, as for --claims lists)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    report = demo_report(args.folder, args.articles)
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile))
        try:
            results = [bench_size(n, report, args.articles, args.folder, driver, args.repeats,
                                  with_text=not args.no_articles) for n in sorted(args.claims)]
        finally:
            driver.quit()
    print(f"medians of {args.repeats} runs (render: build_html_report; the rest: headless chromium, "
          "one fresh load per run)\n")
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
