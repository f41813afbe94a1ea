"""The benchmark runs end to end on small sizes; the map stays within its bytes budget. Never a time."""

import json

import pytest

from ecosystem import bench
from ecosystem.load import load_dataset
from ecosystem.synthetic import generate_dataset
from ecosystem.validate import validate
from tools import bench as runner
from tools.appserver import is_outside


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "results.json"
    code = runner.main(["--sizes", "100", "--json", str(out)])  # the smallest size, most bytes per actor
    return code, json.loads(out.read_text())


def test_quick_run_writes_every_figure(quick, capsys):
    _, report = quick
    assert list(report["sizes"]) == ["100"]
    for label, figures in report["sizes"].items():
        assert figures["actors"] == int(label)
        for key in ("load_ms", "validate_ms", "filter_typical_ms", "filter_worst_ms", "filter_search_ms", "map_ms"):
            assert figures[key] > 0, key
        for page in bench.list_pages():
            name = page.rsplit("/", 1)[-1].removesuffix(".py")
            assert f"page_{name}_first_ms" in figures
            if name != "present":  # the presentation has no sidebar to filter from
                assert f"page_{name}_rerun_ms" in figures
        assert figures["ratio_bytes"] > 5  # the naive map sends far more per actor
        assert figures["peak_rss_mb"] > 0
    assert report["machine"]["cpus"] >= 1


def test_bytes_per_actor_within_budget(quick):
    code, report = quick
    checks = [b for b in report["budgets"] if b["budget"].startswith("bytes per actor")]
    assert len(checks) == 1  # one per size
    assert all(check["holds"] for check in checks), checks
    assert code == 0  # small sizes check no time budget, so only the bytes can fail it


def test_table_lists_sizes_and_rows():
    results = {"100": {"actors": 100, "bytes_per_actor": 61.0, "page_map_rerun_ms": 40.0}, "real": {"actors": 150}}
    table = bench.format_table(results)
    assert table.splitlines()[0].split() == ["100", "real"]
    assert "bytes per actor" in table
    assert "61.0" in table
    assert "map warm rerun" in table
    assert "–" in table


@pytest.mark.parametrize(
    ("results", "holds"),
    [
        ({"real": {"page_map_rerun_ms": 80}, "10000": {"page_map_rerun_ms": 150}}, [True, True]),
        ({"real": {"page_map_rerun_ms": 120}, "10000": {"page_map_rerun_ms": 150}}, [False, True]),
        ({"real": {"page_map_rerun_ms": 50}, "10000": {"page_map_rerun_ms": 101}}, [True, False]),
        ({"100": {"bytes_per_actor": 250}}, [False]),
    ],
)
def test_budgets(results, holds):
    assert [ok for *_, ok in bench.check_budgets(results)] == holds


def test_browser_budgets():
    browser = {
        "sizes": {"real": {"first_marker_ms": 900}, "10000": {"first_marker_ms": 1600}},
        "rss_after_sessions_mb": 150,
    }
    checks = {name: ok for name, _, _, ok in bench.check_budgets({}, browser)}
    assert checks == {
        "first marker at real (ms)": True,
        "first marker at 10000 (ms)": False,
        "server memory after 40 sessions (MB)": True,
    }


def test_synthetic_dataset_is_valid_and_spread(tmp_path):
    data = generate_dataset(300, tmp_path / "data")
    assert validate(data) == []
    dataset = load_dataset(data)
    assert len(dataset.actors) == 300
    positions = dataset.actors[["lat", "lon"]].dropna().round(4).drop_duplicates()
    assert len(positions) > 250  # spread around the places, not stacked on them
    assert dataset.actors["therapeutic_areas"].astype(str).str.len().gt(2).any()
    assert len(dataset.relations) > 0
    assert len(dataset.milestones) > 0


@pytest.mark.parametrize(
    ("url", "outside"),
    [
        ("http://127.0.0.1:8501/map", False),
        ("ws://127.0.0.1:8501/_stcore/stream", False),
        ("http://localhost:8501/app/static/map/markers.js", False),
        ("https://tile.openstreetmap.org/11/1054/749.png", True),
        ("http://127.0.0.1.example.org/", True),  # a host that only starts like loopback
        ("http://[::1]:8501/map", False),
        ("wss://example.org/stream", True),
        ("data:image/svg+xml,<svg/>", False),
        ("blob:http://127.0.0.1:8501/5b1c", False),
    ],
)
def test_the_browser_tools_tell_outside_requests(url, outside):
    assert is_outside(url) is outside
