"""The load test's own logic: the loopback guard, its bounds, the statistics, reading the app's answers."""

import math
import os

import pytest
from streamlit.proto.Alert_pb2 import Alert

from ecosystem import columns as C
from ecosystem.inbox import format_reference
from tests.conftest import DATA
from tests.urls import AREA, TYPE
from tools.loadtest import (
    MAX_DURATION,
    MAX_SESSIONS,
    NotLoopback,
    Run,
    Session,
    StepFailed,
    build_scenarios,
    check_loopback,
    format_table,
    parse_args,
    percentile,
    read_cpu_seconds,
    read_outcome,
    read_rss_mb,
    suggestion_widgets,
    summarise,
)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://127.0.0.1:8501", "127.0.0.1"),
        ("http://127.0.0.42:8501/", "127.0.0.42"),
        ("http://localhost:8501", "localhost"),
        ("http://[::1]:8501", "::1"),
        ("https://127.0.0.1", "127.0.0.1"),
    ],
)
def test_loopback_targets_are_accepted(url, host):
    assert check_loopback(url) == host


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1:8501",
        "http://192.168.1.10",
        "http://example.org",
        "http://localhost.example.org",
        "http://0.0.0.0:8501",
        "http://[::]:8501",
        "ftp://127.0.0.1",
        "127.0.0.1:8501",
        "http://",
    ],
)
def test_other_targets_are_refused(url):
    with pytest.raises(NotLoopback):
        check_loopback(url)


@pytest.mark.parametrize(
    "argv",
    [
        ["http://93.184.216.34"],
        ["http://127.0.0.1", "--sessions", "0"],
        ["http://127.0.0.1", "--sessions", str(MAX_SESSIONS + 1)],
        ["http://127.0.0.1", "--duration", "0"],
        ["http://127.0.0.1", "--duration", str(MAX_DURATION + 1)],
        ["http://127.0.0.1", "--duration", "10", "--ramp", "10"],
        ["http://127.0.0.1", "--mode", "attack"],
    ],
)
def test_the_command_line_refuses_what_is_unbounded_or_elsewhere(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        parse_args(argv)
    assert stopped.value.code == 2
    assert "error" in capsys.readouterr().err


def test_the_command_line_keeps_a_bounded_loopback_run():
    args = parse_args(["http://127.0.0.1:8501/", "--sessions", "100", "--mode", "suggest", "--pid", "12"])
    assert (args.url, args.sessions, args.mode, args.pid) == ("http://127.0.0.1:8501", 100, "suggest", [12])


@pytest.mark.parametrize(
    ("values", "share", "expected"),
    [
        ([5.0], 0.5, 5.0),
        ([5.0], 0.95, 5.0),
        ([1.0, 2.0], 0.5, 1.0),
        ([3.0, 1.0, 2.0], 0.5, 2.0),
        ([float(n) for n in range(1, 101)], 0.95, 95.0),
        ([float(n) for n in range(1, 101)], 0.50, 50.0),
        ([float(n) for n in range(1, 21)], 0.95, 19.0),
        ([float(n) for n in range(1, 11)], 0.95, 10.0),
        ([10.0, 10.0, 10.0, 500.0], 0.5, 10.0),
        ([10.0, 10.0, 10.0, 500.0], 0.95, 500.0),
    ],
)
def test_percentiles_are_values_that_were_measured(values, share, expected):
    assert percentile(values, share) == expected


def test_no_value_has_no_percentile():
    assert math.isnan(percentile([], 0.5))


def test_the_summary_follows_the_readers_order_and_counts_errors():
    durations = {"open_actor": [30.0], "open_map": [100.0, 300.0, 200.0], "change_filter": []}
    summary = summarise(durations, {"change_filter": 2})
    assert list(summary) == ["open_map", "change_filter", "open_actor"]
    assert summary["open_map"] == {"count": 3, "errors": 0, "p50_ms": 200, "p95_ms": 300, "max_ms": 300}
    assert summary["change_filter"] == {"count": 0, "errors": 2, "p50_ms": None, "p95_ms": None, "max_ms": None}
    table = format_table(summary).splitlines()
    assert table[2] == "| open_map | 3 | 0 | 200 | 300 | 300 |"
    assert table[3] == "| change_filter | 0 | 2 | — | — | — |"


def test_scenarios_use_the_dataset_s_own_facets_and_actors():
    scenarios = build_scenarios(3, "en", DATA)
    assert len({scenario.actor for scenario in scenarios}) == 3
    for scenario in scenarios:
        assert scenario.map_query.startswith(f"{TYPE}=")
        assert "lang=en" in scenario.map_query
        assert f"{AREA}=" in scenario.changed_query
        assert scenario.actor_query.startswith(f"actor={scenario.actor}")


@pytest.mark.parametrize(
    ("alerts", "expected"),
    [
        ([(Alert.SUCCESS, f"Thank you. Your reference: {format_reference(42)}.")], 42),
        ([(Alert.INFO, "note"), (Alert.SUCCESS, f"Merci. Votre référence : {format_reference(7)}.")], 7),
        ([(Alert.WARNING, "You have sent many suggestions this hour")], None),
    ],
)
def test_the_form_s_outcome_is_read_from_what_the_app_shows(alerts, expected):
    assert read_outcome(Run(alerts=alerts)) == expected


def test_a_form_without_outcome_is_a_failure():
    with pytest.raises(StepFailed):
        read_outcome(Run(alerts=[(Alert.INFO, "nothing")]))


def test_a_suggestion_fills_the_form_and_presses_its_button():
    key = "suggest_abreos"
    run = Run(
        widgets={
            f"{key}_field": ("$$ID-1-f", "selectbox"),
            f"{key}_value": ("$$ID-2-v", "text_area"),
            f"{key}_evidence": ("$$ID-3-e", "text_input"),
            f"{key}_note": ("$$ID-4-n", "text_area"),
            f"FormSubmitter:{key}-Send": ("$$ID-5-s", "button"),
        },
        options={f"{key}_field": ["Name (name)", f"Website ({C.WEBSITE})"]},
    )
    states = {state.id: state for state in suggestion_widgets(run, "abreos", 1)}
    assert states["$$ID-1-f"].string_value == f"Website ({C.WEBSITE})"
    assert states["$$ID-3-e"].string_value.startswith("https://")
    assert states["$$ID-5-s"].trigger_value is True


def test_a_form_missing_a_field_is_a_failure():
    with pytest.raises(StepFailed):
        suggestion_widgets(Run(widgets={"suggest_abreos_value": ("$$ID-2-v", "text_area")}), "abreos", 1)


@pytest.mark.parametrize(
    ("cookie", "server"),
    [("SERVERID=app2", "app2"), ("_xsrf=abc; SERVERID=app1", "app1"), ("", ""), ("other=1", "")],
)
def test_the_server_is_read_from_the_balancer_s_cookie(cookie, server):
    session = Session("http://127.0.0.1")
    session.cookie = cookie
    assert session.server == server


def test_a_process_that_is_gone_has_no_memory_nor_cpu():
    gone = 2**22 + 1  # above Linux's largest process id
    assert math.isnan(read_rss_mb(gone))
    assert math.isnan(read_cpu_seconds(gone))


def test_this_process_memory_and_cpu_are_read():
    assert read_rss_mb(os.getpid()) > 1
    assert read_cpu_seconds(os.getpid()) > 0
