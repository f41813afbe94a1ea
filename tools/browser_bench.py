"""How fast the map draws in a real browser, against a one-line Streamlit page, and what the server keeps per session.

    python tools/browser_bench.py [--sizes real,10000] [--sessions 40] [--json PATH] [--expire]

A one-line Streamlit app (`st.write` of one word) is served for the whole run:
the floor any Streamlit page stands on. For each size a server runs on its own
dataset (`ECOSYSTEM_DATA_DIR`; synthetic sizes are generated as in `python -m
tools.bench`). After one warm-up visit, each round times the one-line page's
text (a fresh browser context, then a second visit in it), then opens a fresh
context on the map and times, from navigation: the map's element, Leaflet's
container, the first marker (or cluster) drawn and the sidebar's filters (a
first visit); then a second visit in the same context, its cache filled (a
returning visitor). The floor is thus measured in the same minutes as the map,
under the same load of a shared machine. Every time is noted inside
the page (a MutationObserver installed before the page's own scripts, reading
`performance.now()`), for the one-line page as for the map: one stage never
waits for another, and no round trip to the browser is counted. The ratio of
the map's first marker to the one-line page's text is the figure to hold
(≤ 1.25). The resource timings of the map's files show where the time goes.
Then, at the real size, `--sessions` visits open and close one after another
and the server's resident memory is read. Chromium itself refuses every request
beyond loopback (`OFFLINE_ARGS`; the run fails if one is answered): Playwright's
routing would turn its cache off, and a returning visit would not be one. The
share of Streamlit's scripts a returning visit took from the cache is reported.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecosystem.navigation import get_page
from ecosystem.paths import static_url
from ecosystem.synthetic import generate_dataset
from tools.appserver import CHROMIUM_ARGS, OFFLINE_ARGS, find_chromium, is_outside, start_app_server

MAP = ".ecosystem-map"
FIRST_MARKER = f"{MAP} .ecosystem-marker, {MAP} .marker-cluster"
# What is timed on the map page: (figure, CSS selector, text the element must contain or "").
MAP_STAGES = [
    ("map_element_ms", MAP, ""),
    ("leaflet_ms", f"{MAP} .leaflet-container", ""),
    ("first_marker_ms", FIRST_MARKER, ""),
    ("filters_ms", '[data-testid="stSidebar"] [data-testid="stTextInput"]', ""),
]
# Installed before any script of the page: when each stage first appears, in ms from the page's navigation.
WATCH = """((stages) => {
  const seen = (window.__benchStages = {});
  const observer = new MutationObserver(() => {
    const now = performance.now();
    for (const [name, selector, text] of stages) {
      if (name in seen) continue;
      if ([...document.querySelectorAll(selector)].some((el) => !text || el.textContent.includes(text))) seen[name] = now;
    }
    if (Object.keys(seen).length === stages.length) observer.disconnect();
  });
  observer.observe(document, {childList: true, subtree: true, characterData: true});
})(%s);"""
TIMEOUT = 180_000
REPEAT = int(os.environ.get("BROWSER_BENCH_REPEAT", "5"))
ONE_LINE_TEXT = "Bonjour"
ONE_LINE_APP = f"import streamlit as st\n\nst.write({ONE_LINE_TEXT!r})\n"
ONE_LINE_STAGES = [("text_ms", '[data-testid="stMarkdownContainer"]', ONE_LINE_TEXT)]
LIMIT_RATIO = 1.25


def read_rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _map_waterfall(page) -> list[dict]:
    """When the map's own files arrived, in ms from the page's navigation."""
    entries = page.evaluate(
        "(prefix) => performance.getEntriesByType('resource').filter(e => e.name.includes(prefix))"
        ".map(e => [e.name, e.startTime, e.responseEnd, e.transferSize || e.encodedBodySize || 0])",
        static_url(""),
    )
    return [
        {
            "resource": name.split("?")[0].rsplit("/", 1)[-1],
            "start_ms": round(start),
            "end_ms": round(end),
            "bytes": size,
        }
        for name, start, end, size in entries
    ]


# Requests beyond loopback the browser got an answer to (the browser refuses them: `OFFLINE_ARGS`).
ANSWERED_OUTSIDE: list[str] = []


def note_outside(request) -> None:
    if is_outside(request.url):
        ANSWERED_OUTSIDE.append(request.url)


def new_context(browser, stages=MAP_STAGES):
    """A fresh visitor (an empty cache) whose pages note when each of `stages` appears."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.on("requestfinished", note_outside)
    context.add_init_script(WATCH % json.dumps(stages))
    return context


def _cached_share(page) -> float:
    """The share of Streamlit's own files the browser took from its cache (1.0 for a returning visitor)."""
    return page.evaluate(
        "() => { const files = performance.getEntriesByType('resource').filter(e => e.name.includes('/static/js/'));"
        " return files.length ? files.filter(e => e.transferSize === 0).length / files.length : 0; }"
    )


def _read_stages(page, count: int) -> dict[str, float]:
    """The stages' times noted in the page, once all `count` of them have appeared."""
    page.wait_for_function("(n) => Object.keys(window.__benchStages || {}).length >= n", arg=count, timeout=TIMEOUT)
    return page.evaluate("window.__benchStages")


def visit_map(browser, base: str, path: str = "", waterfall: bool = False, context=None) -> dict:
    """One visitor (a fresh one unless `context` is given): milliseconds from navigation to each stage of the map."""
    own = context is None
    context = context or new_context(browser)
    page = context.new_page()
    page.goto(base + (path or "/" + get_page("map").url_path), wait_until="commit", timeout=TIMEOUT)
    marks: dict[str, float | list[dict]] = dict(_read_stages(page, len(MAP_STAGES)))
    marks["cached_share"] = _cached_share(page)
    if waterfall:
        marks["waterfall"] = _map_waterfall(page)
    page.close()
    if own:
        context.close()
    return marks


def visit_text(context, base: str) -> float:
    """Milliseconds from navigation to the text a context's pages watch for (`measure_one_line`)."""
    page = context.new_page()
    page.goto(base, wait_until="commit", timeout=TIMEOUT)
    elapsed = _read_stages(page, 1)["text_ms"]
    page.close()
    return elapsed


def visit_one_line(browser, base: str) -> tuple[float, float]:
    """The one-line page's text: a fresh visitor's first visit, then a returning one."""
    context = new_context(browser, ONE_LINE_STAGES)
    try:
        return visit_text(context, base), visit_text(context, base)
    finally:
        context.close()


def measure_server(browser, data_dir: Path | None, sessions: int, expire: bool, one_line: str) -> dict:
    """The map at one size; each round times the one-line page (served at `one_line`) just before the map."""
    env = {"ECOSYSTEM_DATA_DIR": str(data_dir)} if data_dir else {}
    with start_app_server(timeout=120, env=env) as (base, process):
        visit_map(browser, base)  # the first visit after start loads and checks the data
        visits, returns, lines = [], [], []
        for _ in range(REPEAT):
            lines.append(visit_one_line(browser, one_line))  # the floor, under the same load as the map
            context = new_context(browser)
            visits.append(visit_map(browser, base, waterfall=True, context=context))
            returns.append(visit_map(browser, base, context=context))
            context.close()
        result = {key: statistics.median(visit[key] for visit in visits) for key in (name for name, _, _ in MAP_STAGES)}
        result["returning_marker_ms"] = statistics.median(visit["first_marker_ms"] for visit in returns)
        result["returning_cached_share"] = min(visit["cached_share"] for visit in returns)
        result["one_line_first_ms"] = statistics.median(first for first, _ in lines)
        result["one_line_returning_ms"] = statistics.median(again for _, again in lines)
        result["ratio_first"] = round(result["first_marker_ms"] / result["one_line_first_ms"], 2)
        result["ratio_returning"] = round(result["returning_marker_ms"] / result["one_line_returning_ms"], 2)
        result["waterfall"] = visits[-1].get("waterfall", [])
        if sessions:
            time.sleep(2)
            result["rss_idle_mb"] = read_rss_mb(process.pid)
            for _ in range(sessions):
                visit_map(browser, base)
            time.sleep(2)
            result["rss_after_sessions_mb"] = read_rss_mb(process.pid)
            if expire:  # closed sessions are kept two minutes for reconnection, then dropped
                time.sleep(125)
                visit_map(browser, base)
                time.sleep(2)
                result["rss_after_expiry_mb"] = read_rss_mb(process.pid)
    return result


def run_browser_bench(sizes=("real", "10000"), sessions: int = 40, expire: bool = False) -> dict:
    executable = find_chromium()
    if executable is None:
        raise RuntimeError("chromium is needed: apt-get install chromium")
    report: dict = {"sizes": {}, "sessions": sessions, "load_average_start": round(os.getloadavg()[0], 2)}
    ANSWERED_OUTSIDE.clear()  # this run's requests only
    with tempfile.TemporaryDirectory(prefix="ecosystem-browser-bench-") as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS + OFFLINE_ARGS)
        script = Path(work) / "one_line.py"
        script.write_text(ONE_LINE_APP, encoding="utf-8")
        try:
            with start_app_server(timeout=120, script=script) as (one_line, _):
                visit_one_line(browser, one_line)  # warm-up
                for label in sizes:
                    data_dir = None if label == "real" else generate_dataset(int(label), Path(work) / label)
                    print(f"browser: {label}…", file=sys.stderr, flush=True)
                    sessions_here = sessions if label == "real" else 0
                    result = measure_server(browser, data_dir, sessions_here, expire, one_line)
                    for key in ("rss_idle_mb", "rss_after_sessions_mb", "rss_after_expiry_mb"):
                        if key in result:
                            report[key] = result.pop(key)
                    report["sizes"][label] = result
        finally:
            browser.close()
    report["load_average_end"] = round(os.getloadavg()[0], 2)
    report["answered_outside"] = len(ANSWERED_OUTSIDE)
    if ANSWERED_OUTSIDE:
        raise RuntimeError(f"requests beyond loopback were answered: {ANSWERED_OUTSIDE[:5]}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="real,10000")
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--json", default="browser-bench.json")
    parser.add_argument("--expire", action="store_true", help="also wait for closed sessions to expire (2 minutes)")
    args = parser.parse_args()
    report = run_browser_bench(tuple(args.sizes.split(",")), args.sessions, args.expire)
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    for label, figures in report["sizes"].items():
        print(
            f"{label:>6}: one-line page's text {figures['one_line_first_ms']:,.0f} ms (first visit), "
            f"{figures['one_line_returning_ms']:,.0f} ms (returning), in the same rounds"
        )
        print(
            f"{label:>6}: map element {figures['map_element_ms']:,.0f} ms, Leaflet {figures['leaflet_ms']:,.0f} ms, "
            f"first marker {figures['first_marker_ms']:,.0f} ms (×{figures['ratio_first']}), "
            f"returning {figures['returning_marker_ms']:,.0f} ms (×{figures['ratio_returning']}), "
            f"filters {figures['filters_ms']:,.0f} ms"
        )
        print(
            f"{label:>6}: a returning visit took {figures['returning_cached_share']:.0%} of Streamlit's scripts from the cache"
        )
        for row in figures["waterfall"]:
            print(f"        {row['start_ms']:>6} → {row['end_ms']:>6} ms  {row['bytes']:>9,} B  {row['resource']}")
    for key in ("rss_idle_mb", "rss_after_sessions_mb", "rss_after_expiry_mb"):
        if key in report:
            print(f"{key}: {report[key]:,.0f} MB")
    print(f"load average: {report['load_average_start']} at the start, {report['load_average_end']} at the end")
    ratios = [figures[key] for figures in report["sizes"].values() for key in ("ratio_first", "ratio_returning")]
    return 0 if all(ratio <= LIMIT_RATIO for ratio in ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
