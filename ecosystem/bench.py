"""What the benchmark (`python -m tools.bench`, `make bench`) measures, and its budgets.

Generates datasets in the real schema (spread around the real places, with
real areas, modalities and text) and measures, for one of them: load and
check; filtering (a typical and a worst-case combination, a text search); the
map's build and the bytes it sends; the exports; peak memory. The same work
done the naive way (a folium Marker with an HTML popup per actor, no cache,
Python loops for filters) gives the ratios. Also the table, the budgets and
the machine's description.

The pages (AppTest) and the browser are timed by `tools/`, which passes its
page timer to `measure_size`: the package knows neither. Speed is measured
here, never asserted in tests.
"""

import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .config import DATA_DIR_ENV, ROOT
from .text import fold

SIZES = (100, 1_000, 10_000, 50_000)
QUICK_SIZES = (100, 1_000)
XLSX_LIMIT = 1_000
NAIVE_LIMIT = 10_000
REAL = "real"
DEFAULT_JSON = "bench-results.json"
# Budgets (README, "Performance"). Times in milliseconds.
BUDGET_RERUN_REAL_MS = 100
BUDGET_RERUN_10K_FACTOR = 2
BUDGET_BYTES_PER_ACTOR = 200
BUDGET_FIRST_MARKER_MS = 1500
BUDGET_RSS_40_SESSIONS_MB = 200

# --- the naive way, for the ratios --------------------------------------------------------


def filter_naively(dataset, filters) -> list[str]:
    """Python loops over rows: what filtering costs without pandas doing the work."""
    words = fold(filters.q).split()
    kept = []
    for row in dataset.actors.to_dict("records"):
        ok = True
        for facet in dataset.schema.facets:
            selected = filters.selected(facet.name)
            if selected:
                value = row[facet.column]
                values = value if isinstance(value, list | tuple) else [value]
                ok = ok and any(item in selected for item in values)
        if words:
            text = fold(" ".join(str(row[c]) for c in (C.NAME, C.ACRONYM, C.DESCRIPTION_EN, C.DESCRIPTION_FR, C.CITY)))
            ok = ok and all(word in text for word in words)
        if ok:
            kept.append(row[C.ID])
    return kept


def build_map_naively(actors: pd.DataFrame, taxonomy) -> str:
    """One folium Marker per actor with an HTML popup: the map as it was first written."""
    import html

    import folium
    from folium.plugins import MarkerCluster

    from .mapfile import use_local_assets
    from .maps import build_symbol_svg

    use_local_assets()
    fmap = folium.Map(tiles=None)
    cluster = MarkerCluster().add_to(fmap)
    for row in actors.dropna(subset=[C.LAT, C.LON]).to_dict("records"):
        info = taxonomy.row(V.TYPES, row[C.TYPE])
        popup = f"<b>{html.escape(row[C.NAME])}</b><br>{html.escape(row[C.DESCRIPTION_EN])}"
        folium.Marker(
            location=(row[C.LAT], row[C.LON]),
            icon=folium.DivIcon(html=build_symbol_svg(info.get("symbol", ""), info.get("colour", "")), class_name="m"),
            tooltip=html.escape(row[C.NAME]),
            popup=folium.Popup(popup, max_width=300),
        ).add_to(cluster)
    return fmap.get_root().render()


# --- measuring ------------------------------------------------------------------------


def time_median(work: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def list_pages() -> list[str]:
    try:
        from .navigation import PAGES  # the page registry, once it exists
    except ImportError:
        names = sorted(path.name for path in (ROOT / "pages").glob("*.py"))
        return [f"pages/{name}" for name in sorted(names, key=lambda n: n != "home.py")]
    return [page.file for page in PAGES]


def measure_size(data_dir: Path, naive: bool, measure_pages: Callable[..., dict] | None = None) -> dict:
    """Everything for one dataset; runs in its own process.

    `measure_pages(actor_id, type_ids, changes=...)` times every page on this dataset
    (`tools/page_bench.py`); without it the pages are left out.
    """
    from .datacache import validate_with_cache
    from .filters import Filters, filter_actors, filter_ids
    from .load import load_dataset
    from .mapdownload import build_map_download
    from .maps import build_home_view, build_map_spec, build_marker_data, build_marker_index
    from .markers import select_marker_data

    out: dict = {}
    start = time.perf_counter()
    dataset = load_dataset(data_dir)
    out["load_ms"] = (time.perf_counter() - start) * 1000
    # Large sizes are timed once: their figures are long enough to be stable, and the run must stay short.
    repeat = 3 if len(dataset.actors) < 10_000 else 1
    actors, taxonomy = dataset.actors, dataset.taxonomy
    out["actors"] = len(actors)
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    os.environ["ECOSYSTEM_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    problems = validate_with_cache(data_dir)
    out["validate_ms"] = (time.perf_counter() - start) * 1000
    out["problems"] = len(problems)
    out["validate_cached_ms"] = time_median(lambda: validate_with_cache(data_dir), repeat=repeat)

    # typical: the headline types in the first therapeutic area (companies in oncology, on the real data)
    typical = Filters(
        type=frozenset(taxonomy.ids_where(V.TYPES, C.HEADLINE)), area=frozenset(taxonomy.ids(V.AREAS)[:1])
    )
    worst = Filters(
        type=frozenset(taxonomy.ids(V.TYPES)[:6]),
        area=frozenset(taxonomy.ids(V.AREAS)[:4]),
        modality=frozenset(taxonomy.ids(V.MODALITIES)[:5]),
        founded=(1950, 2025),
        q="immun cell",
        scope=dataset.home_scope,
    )
    text = Filters(q="anticorps")
    for name, filters in (("typical", typical), ("worst", worst), ("search", text)):
        out[f"filter_{name}_ms"] = time_median(partial(filter_actors, dataset, filters), repeat=repeat + 2)
    view = build_home_view(actors, dataset.home_scope)
    out["marker_index_ms"] = time_median(lambda: build_marker_index(actors, taxonomy), repeat=repeat)
    index = build_marker_index(actors, taxonomy)
    typical_ids = filter_ids(dataset, typical).tolist()
    out["markers_ms"] = time_median(lambda: select_marker_data(index, typical_ids), repeat=repeat + 2)
    markers = select_marker_data(index, actors[C.ID].tolist())

    def send_map(data=markers) -> str:  # what a rerun of the map page does: the spec, encoded for the browser
        return json.dumps(build_map_spec(data, taxonomy, "fr", view=view, legend_title="Types", clickable=True))

    out["map_ms"] = time_median(send_map, repeat=repeat)
    full, empty = send_map(), send_map(build_marker_data(actors.iloc[:0], taxonomy))
    located = int(actors[C.LAT].notna().sum())
    out["map_bytes"] = len(full.encode())
    out["bytes_per_actor"] = len(full.encode()) / max(located, 1)
    out["marginal_bytes_per_actor"] = (len(full.encode()) - len(empty.encode())) / max(located, 1)

    from .about import build_dictionary
    from .exports import Provenance, build_export_csv, build_export_xlsx
    from .views import build_directory_table

    out["directory_table_ms"] = time_median(lambda: build_directory_table(dataset, actors, "fr"), repeat=repeat)
    out["export_csv_ms"] = time_median(lambda: build_export_csv(dataset, actors), repeat=repeat)
    provenance = Provenance(url="https://example.org/", citation="", licence="", release="", data_as_of="")
    if len(actors) <= XLSX_LIMIT:  # openpyxl writes cell by cell: 8 s at 10,000, for little insight
        dictionary = build_dictionary(dataset.data_dir)
        out["export_xlsx_ms"] = time_median(
            lambda: build_export_xlsx(dataset, actors, dictionary, provenance, "", "fr"), repeat=repeat
        )
    out["map_file_ms"] = time_median(
        lambda: build_map_download(
            markers, taxonomy, "fr", view=view, legend_title="", title="map", provenance=provenance
        ),
        repeat=repeat,
    )

    if measure_pages is not None:
        type_ids = [t for t in taxonomy.ids(V.TYPES) if t in set(actors[C.TYPE])]
        os.environ[DATA_DIR_ENV] = str(data_dir)
        # the same eight changes (four new filters, then the same four again) up to 10,000, so reruns compare
        changes = 8 if len(actors) <= NAIVE_LIMIT else 4
        out.update(measure_pages(str(actors[C.ID].iloc[0]), type_ids, changes=changes))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if naive:
        out["naive_filter_typical_ms"] = time_median(lambda: filter_naively(dataset, typical), repeat=repeat)
        out["naive_filter_search_ms"] = time_median(lambda: filter_naively(dataset, text), repeat=repeat)
        start = time.perf_counter()
        page = build_map_naively(actors, taxonomy)
        out["naive_map_ms"] = (time.perf_counter() - start) * 1000
        out["naive_bytes_per_actor"] = len(page.encode()) / max(located, 1)
    shutil.rmtree(cache, ignore_errors=True)
    return out


# --- the run --------------------------------------------------------------------------


ROWS = [
    ("actors", "actors", "{:,.0f}"),
    ("load_ms", "load (ms)", "{:,.0f}"),
    ("validate_ms", "check, full (ms)", "{:,.0f}"),
    ("validate_cached_ms", "check, cached (ms)", "{:,.1f}"),
    ("problems", "problems found", "{:,.0f}"),
    ("filter_typical_ms", "filter typical (ms)", "{:,.1f}"),
    ("filter_worst_ms", "filter worst (ms)", "{:,.1f}"),
    ("filter_search_ms", "text search (ms)", "{:,.1f}"),
    ("marker_index_ms", "marker rows, once per version (ms)", "{:,.1f}"),
    ("markers_ms", "marker rows of a filter (ms)", "{:,.1f}"),
    ("map_ms", "map spec, encoded (ms)", "{:,.1f}"),
    ("map_new_filter_ms", "map for a new filter (ms)", "{:,.1f}"),
    ("map_bytes", "map data bytes", "{:,.0f}"),
    ("bytes_per_actor", "bytes per actor", "{:,.1f}"),
    ("marginal_bytes_per_actor", "bytes per added actor", "{:,.1f}"),
    ("map_component_bytes", "map sent per rerun", "{:,.0f}"),
    ("directory_table_ms", "directory table (ms)", "{:,.1f}"),
    ("export_csv_ms", "CSV export (ms)", "{:,.1f}"),
    ("export_xlsx_ms", "Excel export (ms)", "{:,.0f}"),
    ("map_file_ms", "map file download (ms)", "{:,.0f}"),
    ("cold_start_ms", "cold start (ms)", "{:,.0f}"),
    ("page_*_first_ms", "{page} first run (ms)", "{:,.0f}"),
    ("page_*_rerun_ms", "{page} warm rerun (ms)", "{:,.0f}"),
    ("peak_rss_mb", "peak memory (MB)", "{:,.0f}"),
    ("naive_filter_typical_ms", "naive filter (ms)", "{:,.1f}"),
    ("naive_filter_search_ms", "naive search (ms)", "{:,.1f}"),
    ("naive_map_ms", "naive map (ms)", "{:,.0f}"),
    ("naive_bytes_per_actor", "naive bytes per actor", "{:,.0f}"),
    ("ratio_filter", "× filter, naive/now", "{:,.1f}"),
    ("ratio_search", "× search, naive/now", "{:,.1f}"),
    ("ratio_map", "× map time, naive/now", "{:,.1f}"),
    ("ratio_bytes", "× map bytes, naive/now", "{:,.1f}"),
]


def add_ratios(result: dict) -> None:
    pairs = {
        "ratio_filter": ("naive_filter_typical_ms", "filter_typical_ms"),
        "ratio_search": ("naive_filter_search_ms", "filter_search_ms"),
        "ratio_map": ("naive_map_ms", "map_new_filter_ms"),
        "ratio_bytes": ("naive_bytes_per_actor", "bytes_per_actor"),
    }
    if "markers_ms" in result and "map_ms" in result:  # a new filter: filtered, its rows picked, then sent
        result["map_new_filter_ms"] = result["filter_typical_ms"] + result["markers_ms"] + result["map_ms"]
    for name, (naive, now) in pairs.items():
        if naive in result and result.get(now):
            result[name] = result[naive] / result[now]


def format_table(results: dict[str, dict]) -> str:
    labels = list(results)
    keys: list[tuple[str, str, str]] = []
    for key, title, fmt in ROWS:
        if "*" in key:
            stems = [Path(p).stem for p in list_pages()]
            keys += [(key.replace("*", stem), title.format(page=stem), fmt) for stem in stems]
        else:
            keys.append((key, title, fmt))
    width = max(len(title) for _, title, _ in keys)
    lines = [f"{'':<{width}}" + "".join(f"{label:>12}" for label in labels)]
    for key, title, fmt in keys:
        if not any(key in results[label] for label in labels):
            continue
        cells = [fmt.format(results[label][key]) if key in results[label] else "–" for label in labels]
        lines.append(f"{title:<{width}}" + "".join(f"{cell:>12}" for cell in cells))
    return "\n".join(lines)


def check_budgets(results: dict[str, dict], browser: dict | None = None) -> list[tuple[str, float, float, bool]]:
    """(budget, measured, limit, holds) for every budget this run can check."""
    checks: list[tuple[str, float, float, bool]] = []
    for label, result in results.items():
        if "bytes_per_actor" in result:
            value = result["bytes_per_actor"]
            checks.append(
                (f"bytes per actor at {label}", value, BUDGET_BYTES_PER_ACTOR, value <= BUDGET_BYTES_PER_ACTOR)
            )
    real = results.get(REAL, {}).get("page_map_rerun_ms")
    if real is not None:
        checks.append(("map warm rerun at real size (ms)", real, BUDGET_RERUN_REAL_MS, real <= BUDGET_RERUN_REAL_MS))
        large = results.get("10000", {}).get("page_map_rerun_ms")
        if large is not None:
            limit = BUDGET_RERUN_10K_FACTOR * real
            checks.append(("map warm rerun at 10,000 (ms)", large, limit, large <= limit))
    for label, figures in (browser or {}).get("sizes", {}).items():
        value = figures.get("first_marker_ms")
        if value is not None and label in (REAL, "10000"):
            ok = value <= BUDGET_FIRST_MARKER_MS
            checks.append((f"first marker at {label} (ms)", value, BUDGET_FIRST_MARKER_MS, ok))
    rss = (browser or {}).get("rss_after_sessions_mb")
    if rss is not None:
        checks.append(
            ("server memory after 40 sessions (MB)", rss, BUDGET_RSS_40_SESSIONS_MB, rss <= BUDGET_RSS_40_SESSIONS_MB)
        )
    return checks


def describe_machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kb = 0
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_average_1min": round(os.getloadavg()[0], 1),  # other work on the machine skews every time
    }


def format_browser(browser: dict) -> str:
    lines = ["", "In Chromium (warm server, network cut):"]
    for label, figures in browser.get("sizes", {}).items():
        lines.append(f"  first marker at {label}: {figures['first_marker_ms']:,.0f} ms")
    if browser.get("rss_after_sessions_mb") is not None:
        lines.append(
            f"  server memory: {browser['rss_idle_mb']:,.0f} MB idle, "
            f"{browser['rss_after_sessions_mb']:,.0f} MB after {browser['sessions']} sessions"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit("The benchmark runs from tools/, which also times the pages and the browser: python -m tools.bench")
