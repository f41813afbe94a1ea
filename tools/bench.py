"""`python -m tools.bench` (`make bench`): how the app holds up from the real dataset to 50,000 actors.

For each size it generates a dataset in the real schema (in a temporary
directory, spread around the real places, with real areas, modalities and
text), then measures, in a fresh process so that peak memory is its own:
load and check; filtering (a typical and a worst-case combination, a text
search); the map's build and the bytes it sends; a full run of every page
through AppTest, first run and warm rerun after a filter change. The same
work done the naive way (a folium Marker with an HTML popup per actor, no
cache, Python loops for filters) runs up to 10,000 actors, for the ratios.

Two sizes are measured at once (`--jobs 2`), each process on its own core,
the largest beside the others in turn; `--jobs 1` measures one at a time.
Prints a table, writes a JSON file, and exits 1 when a budget is exceeded.
Speed is measured here, never asserted in tests. What is measured, the table
and the budgets are in `ecosystem/bench.py`; the pages are timed by
`tools/page_bench.py` and, with `--browser`, the map in Chromium by
`tools/browser_bench.py`.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecosystem import columns as C
from ecosystem.bench import (
    DEFAULT_JSON,
    NAIVE_LIMIT,
    QUICK_SIZES,
    REAL,
    SIZES,
    add_ratios,
    check_budgets,
    describe_machine,
    format_browser,
    format_table,
    measure_size,
)
from ecosystem.config import ROOT
from ecosystem.synthetic import generate_dataset
from tools.page_bench import measure_pages


def run_child(data_dir: Path, naive: bool) -> dict:
    command = [sys.executable, "-m", "tools.bench", "--child", str(data_dir)] + (["--naive"] if naive else [])
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"measuring {data_dir} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 actors only (the smoke test)")
    parser.add_argument(
        "--sizes", help="comma-separated sizes, e.g. 100,1000 (default: real and " + ", ".join(map(str, SIZES)) + ")"
    )
    parser.add_argument("--json", default=DEFAULT_JSON, help=f"where to write the results (default: {DEFAULT_JSON})")
    parser.add_argument(
        "--browser", action="store_true", help="also time the first marker in Chromium (tools/browser_bench.py)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="sizes measured at once, each in its own process (default 2: the largest on one core, the rest on the other)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(measure_size(Path(args.child), args.naive, measure_pages=measure_pages)))
        return 0

    if args.quick:
        labels = [str(size) for size in QUICK_SIZES]
    elif args.sizes:
        labels = [label.strip() for label in args.sizes.split(",") if label.strip()]
    else:
        labels = [REAL, *map(str, SIZES)]
    started = time.perf_counter()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="ecosystem-bench-") as work:
        dirs = {
            label: ROOT / "data" if label == REAL else generate_dataset(int(label), Path(work) / label)
            for label in labels
        }
        sizes = {label: len(pd.read_csv(dirs[label] / "actors.csv", usecols=[C.ID])) for label in labels}

        def measure(label: str) -> dict:
            print(f"measuring {label} ({sizes[label]:,} actors)…", file=sys.stderr, flush=True)
            return run_child(dirs[label], naive=sizes[label] <= NAIVE_LIMIT)

        # The largest first: with two jobs it has a core to itself while the others run in turn on the second.
        order = sorted(labels, key=lambda label: -sizes[label])
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            measured = dict(zip(order, pool.map(measure, order), strict=True))
        for label in labels:
            results[label] = measured[label]
            add_ratios(results[label])
    browser = None
    if args.browser:
        from tools.browser_bench import run_browser_bench  # here: playwright comes with the test requirements

        browser = run_browser_bench()
    checks = check_budgets(results, browser)
    elapsed = time.perf_counter() - started
    report = {
        "machine": describe_machine(),
        "elapsed_s": round(elapsed, 1),
        "sizes": results,
        "browser": browser,
        "budgets": [
            {"budget": b, "measured": round(v, 1), "limit": round(limit, 1), "holds": ok} for b, v, limit, ok in checks
        ],
    }
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    machine = report["machine"]
    print(format_table(results))
    for label, figures in results.items():
        for key, message in figures.items():
            if key.endswith("_error"):
                print(f"{key.removeprefix('page_').removesuffix('_error')} page raised at {label}: {message}")
    if browser:
        print(format_browser(browser))
    print()
    for budget, value, limit, ok in checks:
        print(f"{'ok  ' if ok else 'OVER'} {budget}: {value:,.1f} (budget {limit:,.1f})")
    print(
        f"\n{machine['cpus']} CPUs ({machine['cpu']}), {machine['ram_gb']} GB RAM, load {machine['load_average_1min']}; {elapsed:.0f} s; results in {args.json}"
    )
    return 0 if all(ok for *_, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
