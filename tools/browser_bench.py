"""How fast the map draws in a real browser, and what the server keeps per session.

    python tools/browser_bench.py [--sizes real,1000,10000] [--sessions 40] [--json PATH] [--expire]

For each size a server runs on its own dataset (`ECOSYSTEM_DATA_DIR`; synthetic
sizes are generated as in `python -m tools.bench`). After one warm-up
visit, fresh browser contexts open `/map` and time, from navigation: the app's
sidebar, the map's element, Leaflet's container and the first marker (or
cluster) drawn; the resource timings of the map's files show where the time goes.
Then, at the real size, `--sessions` visits open and close one after another
and the server's resident memory is read. Every request beyond loopback is
refused, as in the browser tests.
"""

import argparse
import json
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
REPEAT = 3


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


def visit_map(browser, base: str, path: str = "", waterfall: bool = False) -> dict:
    """One fresh visitor: milliseconds from navigation to each stage of the map."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", block_external)
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
    context.close()
    return marks


def measure_server(browser, data_dir: Path | None, sessions: int, expire: bool) -> dict:
    env = {"ECOSYSTEM_DATA_DIR": str(data_dir)} if data_dir else {}
    with start_app_server(timeout=120, env=env) as (base, process):
        visit_map(browser, base)  # the first visit after start loads and checks the data
        visits = [visit_map(browser, base, waterfall=True) for _ in range(REPEAT)]
        result = {
            key: statistics.median(visit[key] for visit in visits)
            for key in ("sidebar_ms", "map_element_ms", "leaflet_ms", "first_marker_ms")
        }
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


def run_browser_bench(sizes=("real", "1000", "10000"), sessions: int = 40, expire: bool = False) -> dict:
    executable = find_chromium()
    if executable is None:
        raise RuntimeError("chromium is needed: apt-get install chromium")
    report: dict = {"sizes": {}, "sessions": sessions}
    with tempfile.TemporaryDirectory(prefix="ecosystem-browser-bench-") as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for label in sizes:
                data_dir = None if label == "real" else generate_dataset(int(label), Path(work) / label)
                print(f"browser: {label}…", file=sys.stderr, flush=True)
                result = measure_server(browser, data_dir, sessions if label == "real" else 0, expire)
                for key in ("rss_idle_mb", "rss_after_sessions_mb", "rss_after_expiry_mb"):
                    if key in result:
                        report[key] = result.pop(key)
                report["sizes"][label] = result
        finally:
            browser.close()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="real,1000,10000")
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--json", default="browser-bench.json")
    parser.add_argument("--expire", action="store_true", help="also wait for closed sessions to expire (2 minutes)")
    args = parser.parse_args()
    report = run_browser_bench(tuple(args.sizes.split(",")), args.sessions, args.expire)
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    for label, figures in report["sizes"].items():
        print(
            f"{label:>6}: sidebar {figures['sidebar_ms']:,.0f} ms, map element {figures['map_element_ms']:,.0f} ms, "
            f"Leaflet {figures['leaflet_ms']:,.0f} ms, first marker {figures['first_marker_ms']:,.0f} ms"
        )
        for row in figures["waterfall"]:
            print(f"        {row['start_ms']:>6} → {row['end_ms']:>6} ms  {row['bytes']:>9,} B  {row['resource']}")
    for key in ("rss_idle_mb", "rss_after_sessions_mb", "rss_after_expiry_mb"):
        if key in report:
            print(f"{key}: {report[key]:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
