"""How fast the map draws in a real browser, against a one-line Streamlit page, and what the server keeps per session.

    python tools/browser_bench.py [--sizes real,10000] [--sessions 40] [--json PATH] [--expire]

First a one-line Streamlit app (`st.write` of one word) is timed to its text:
the floor any Streamlit page stands on, in the same browser and run. Then for
each size a server runs on its own dataset (`ECOSYSTEM_DATA_DIR`; synthetic
sizes are generated as in `python -m tools.bench`). After one warm-up visit,
each round opens a fresh browser context and times, from navigation: the
app's sidebar, the map's element, Leaflet's container and the first marker (or
cluster) drawn (a first visit); then a second visit in the same context, its
cache filled (a returning visitor). The ratio of the map's first marker to the
one-line page's text is the figure to hold (≤ 1.25). The resource timings of
the map's files show where the time goes. Then, at the real size, `--sessions`
visits open and close one after another and the server's resident memory is
read. Every request beyond loopback is refused, as in the browser tests.
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
from tools.appserver import CHROMIUM_ARGS, block_external, find_chromium, start_app_server

MAP = ".ecosystem-map"
FIRST_MARKER = f"{MAP} .ecosystem-marker, {MAP} .marker-cluster"
TIMEOUT = 180_000
REPEAT = int(os.environ.get("BROWSER_BENCH_REPEAT", "5"))
ONE_LINE_TEXT = "Bonjour"
ONE_LINE_APP = f"import streamlit as st\n\nst.write({ONE_LINE_TEXT!r})\n"
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


def new_context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", block_external)
    return context


def visit_map(browser, base: str, path: str = "", waterfall: bool = False, context=None) -> dict:
    """One visitor (a fresh one unless `context` is given): milliseconds from navigation to each stage of the map."""
    own = context is None
    context = context or new_context(browser)
    page = context.new_page()
    marks: dict[str, float | list[dict]] = {}
    start = time.perf_counter()
    page.goto(base + (path or "/" + get_page("map").url_path), wait_until="commit", timeout=TIMEOUT)
    page.wait_for_selector('[data-testid="stSidebar"]', state="attached", timeout=TIMEOUT)
    marks["sidebar_ms"] = (time.perf_counter() - start) * 1000
    page.wait_for_selector(MAP, state="attached", timeout=TIMEOUT)
    marks["map_element_ms"] = (time.perf_counter() - start) * 1000
    page.wait_for_selector(f"{MAP} .leaflet-container", state="attached", timeout=TIMEOUT)
    marks["leaflet_ms"] = (time.perf_counter() - start) * 1000
    page.wait_for_selector(FIRST_MARKER, state="attached", timeout=TIMEOUT)
    marks["first_marker_ms"] = (time.perf_counter() - start) * 1000
    if waterfall:
        marks["waterfall"] = _map_waterfall(page)
    page.close()
    if own:
        context.close()
    return marks


def visit_text(context, base: str, text: str) -> float:
    """Milliseconds from navigation to `text` shown by a page."""
    page = context.new_page()
    start = time.perf_counter()
    page.goto(base, wait_until="commit", timeout=TIMEOUT)
    page.get_by_text(text).wait_for(timeout=TIMEOUT)
    elapsed = (time.perf_counter() - start) * 1000
    page.close()
    return elapsed


def measure_one_line(browser, work: Path) -> dict:
    """The one-line Streamlit page: its text's median time, first visit and returning."""
    script = work / "one_line.py"
    script.write_text(ONE_LINE_APP, encoding="utf-8")
    firsts, returns = [], []
    with start_app_server(timeout=120, script=script) as (base, _):
        visit_text(new_context(browser), base, ONE_LINE_TEXT)  # warm-up
        for _ in range(REPEAT):
            context = new_context(browser)
            firsts.append(visit_text(context, base, ONE_LINE_TEXT))
            returns.append(visit_text(context, base, ONE_LINE_TEXT))
            context.close()
    return {"first_ms": statistics.median(firsts), "returning_ms": statistics.median(returns)}


def measure_server(browser, data_dir: Path | None, sessions: int, expire: bool) -> dict:
    env = {"ECOSYSTEM_DATA_DIR": str(data_dir)} if data_dir else {}
    with start_app_server(timeout=120, env=env) as (base, process):
        visit_map(browser, base)  # the first visit after start loads and checks the data
        visits, returns = [], []
        for _ in range(REPEAT):
            context = new_context(browser)
            visits.append(visit_map(browser, base, waterfall=True, context=context))
            returns.append(visit_map(browser, base, context=context))
            context.close()
        result = {
            key: statistics.median(visit[key] for visit in visits)
            for key in ("sidebar_ms", "map_element_ms", "leaflet_ms", "first_marker_ms")
        }
        result["returning_marker_ms"] = statistics.median(visit["first_marker_ms"] for visit in returns)
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
    with tempfile.TemporaryDirectory(prefix="ecosystem-browser-bench-") as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            print("browser: one-line page…", file=sys.stderr, flush=True)
            report["one_line"] = one_line = measure_one_line(browser, Path(work))
            for label in sizes:
                data_dir = None if label == "real" else generate_dataset(int(label), Path(work) / label)
                print(f"browser: {label}…", file=sys.stderr, flush=True)
                result = measure_server(browser, data_dir, sessions if label == "real" else 0, expire)
                for key in ("rss_idle_mb", "rss_after_sessions_mb", "rss_after_expiry_mb"):
                    if key in result:
                        report[key] = result.pop(key)
                result["ratio_first"] = round(result["first_marker_ms"] / one_line["first_ms"], 2)
                result["ratio_returning"] = round(result["returning_marker_ms"] / one_line["returning_ms"], 2)
                report["sizes"][label] = result
        finally:
            browser.close()
    report["load_average_end"] = round(os.getloadavg()[0], 2)
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
    line = report["one_line"]
    print(
        f"one-line page: text at {line['first_ms']:,.0f} ms (first visit), {line['returning_ms']:,.0f} ms (returning)"
    )
    for label, figures in report["sizes"].items():
        print(
            f"{label:>6}: sidebar {figures['sidebar_ms']:,.0f} ms, map element {figures['map_element_ms']:,.0f} ms, "
            f"Leaflet {figures['leaflet_ms']:,.0f} ms, first marker {figures['first_marker_ms']:,.0f} ms "
            f"(×{figures['ratio_first']}), returning {figures['returning_marker_ms']:,.0f} ms (×{figures['ratio_returning']})"
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
