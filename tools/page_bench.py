"""Every page of the app through AppTest, for `python -m tools.bench`.

A new session's first run of each page on a warm process, then warm reruns
after filter changes (the type filter, as a reader would use it).
"""

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ecosystem.bench import list_pages
from ecosystem.config import ROOT


def _filter_widget(app):
    """The sidebar's type filter; None on a page without the sidebar (the presentation)."""
    for widget in app.sidebar.multiselect:
        if str(widget.key).endswith("type"):
            return widget
    return None


def measure_pages(actor_id: str, type_ids: list[str], changes: int = 4) -> dict:
    """Every page through AppTest: a new session's first run, then warm reruns after filter changes."""
    entry = str(ROOT / "dashboard.py")
    results: dict[str, float | str] = {}
    start = time.perf_counter()
    AppTest.from_file(entry, default_timeout=600).run()
    results["cold_start_ms"] = (time.perf_counter() - start) * 1000
    for page in list_pages():
        app = AppTest.from_file(entry, default_timeout=600)
        app.query_params["actor"] = actor_id
        app.run()
        start = time.perf_counter()
        if page != list_pages()[0]:
            app.switch_page(page).run()
        else:
            app.run()
        first = (time.perf_counter() - start) * 1000
        reruns = []
        choices = [type_ids[:1], type_ids[:2], type_ids[1:2], []]
        for choice in (choices * changes)[:changes]:
            widget = _filter_widget(app)
            if widget is None:
                break
            start = time.perf_counter()
            widget.set_value(choice).run()
            reruns.append((time.perf_counter() - start) * 1000)
        name = Path(page).stem
        if app.exception:  # reported with the figures rather than stopping the run
            results[f"page_{name}_error"] = str(app.exception[0].message)[:300]
        results[f"page_{name}_first_ms"] = first
        if reruns:
            results[f"page_{name}_rerun_ms"] = statistics.median(reruns)
        if name == "map":
            component = next(e for e in app.get("bidi_component") if e.proto.component_name == "ecosystem_map")
            results["map_component_bytes"] = len(component.proto.json.encode())
    return results
