"""How many readers one app (or a cluster behind its balancer) holds: sessions driven over Streamlit's own websocket.

    python -m tools.loadtest URL [--sessions N] [--mode read|suggest|memory] [--pid PID ...] [--json PATH]

Each session does what a reader does, over the protocol the browser speaks
(`BackMsg`/`ForwardMsg`, shipped with the `streamlit` package): it fetches the
page (which keeps the balancer's sticky cookie), opens `/_stcore/stream`, asks
for a run of the map with a filter in the query string and waits for the
script-finished message, changes the filter (a run with the new query, as a
link or a widget's callback does), then opens an actor page. In `suggest` mode
each session then sends a suggestion through the actor page's form, from its
own loopback address (127.0.0.x: the inbox limits suggestions per client).
`memory` mode opens and closes sessions one after another and reads the
server's memory after the first 5 and after all. `--browser` has one real
browser time the map's first marker while the load runs.

Bounded: at most 500 sessions, every wait and the whole run have deadlines, and
only loopback addresses are accepted. Server memory and CPU come from /proc for
the processes given with `--pid` (by default, whoever listens on the URL's port).
"""

import argparse
import asyncio
import csv
import ipaddress
import json
import math
import os
import re
import sys
import threading
import time
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from ecosystem import columns as C
from ecosystem.config import resolve_data_dir
from ecosystem.navigation import get_page
from ecosystem.schema import load_schema
from ecosystem.taxonomy import load_taxonomy

MAX_SESSIONS = 500
MAX_DURATION = 900.0  # seconds, the whole run
STEP_TIMEOUT = 60.0  # seconds, one interaction
FETCH_THREADS = 100
MODES = ("read", "suggest", "memory")
INTERACTIONS = ("open_map", "change_filter", "open_actor", "suggest")
EVIDENCE = "https://example.org/load-test"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SERVER_COOKIE = "SERVERID"  # the balancer's sticky cookie (deploy/haproxy.cfg.template)
REFERENCE = re.compile(r"S-(\d+)")  # a suggestion's reference as the form shows it (inbox.format_reference)


class NotLoopback(ValueError):
    """The target is not on this machine: a load test is never aimed elsewhere."""


def check_loopback(url: str) -> str:
    """The URL's host when it is a loopback address (127.0.0.0/8, ::1, localhost); NotLoopback otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise NotLoopback(f"{url!r}: an http(s) URL is needed")
    host = parts.hostname or ""
    if host == "localhost":
        return host
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise NotLoopback(f"{url!r}: {host or 'no host'} is not a loopback address") from None
    if not address.is_loopback:
        raise NotLoopback(f"{url!r}: {host} is not a loopback address")
    return host


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1): a value that was measured, never an interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def summarise(durations: dict[str, list[float]], errors: dict[str, int]) -> dict[str, dict]:
    """p50, p95 and max (ms) and error count per interaction, in the order readers do them."""
    summary = {}
    for name in INTERACTIONS:
        values = durations.get(name, [])
        if not values and not errors.get(name):
            continue
        summary[name] = {
            "count": len(values),
            "errors": errors.get(name, 0),
            "p50_ms": round(percentile(values, 0.50)) if values else None,
            "p95_ms": round(percentile(values, 0.95)) if values else None,
            "max_ms": round(max(values)) if values else None,
        }
    return summary


def format_table(summary: dict[str, dict]) -> str:
    """The summary as a Markdown table (the README's)."""
    lines = ["| interaction | done | errors | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
    for name, row in summary.items():
        cells = [row["count"], row["errors"], *(("—" if row[k] is None else f"{row[k]:,}") for k in KEYS)]
        lines.append(f"| {name} | " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


KEYS = ("p50_ms", "p95_ms", "max_ms")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, checked: loopback target, bounded sessions and time."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the app's base URL, e.g. http://127.0.0.1:8501 (loopback only)")
    parser.add_argument("--sessions", type=int, default=10, help=f"concurrent sessions (1..{MAX_SESSIONS})")
    parser.add_argument("--mode", choices=MODES, default="read")
    parser.add_argument("--ramp", type=float, default=2.0, help="seconds over which sessions start")
    parser.add_argument("--duration", type=float, default=300.0, help=f"deadline of the whole run (≤ {MAX_DURATION} s)")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server process to watch (repeatable)")
    parser.add_argument("--browser", action="store_true", help="a real browser times the map's first marker meanwhile")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--json", help="write the report there too")
    args = parser.parse_args(argv)
    try:
        check_loopback(args.url)
    except NotLoopback as refused:
        parser.error(str(refused))
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}")
    if not 0 < args.duration <= MAX_DURATION:
        parser.error(f"--duration must be within (0, {MAX_DURATION}] seconds")
    if not 0 <= args.ramp < args.duration:
        parser.error("--ramp must be shorter than --duration")
    args.url = args.url.rstrip("/")
    return args


# --- what readers ask for -------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """The query strings of one reader's visit, taken from the dataset's own vocabularies and actors."""

    map_query: str
    changed_query: str
    actor_query: str
    actor: str


def build_scenarios(count: int, lang: str, data_dir: Path | None = None) -> list[Scenario]:
    """`count` visits, each with its own filter and actor, cycling through the dataset's types, areas and actors."""
    data_dir = resolve_data_dir(data_dir)
    schema = load_schema(data_dir)
    taxonomy = load_taxonomy(data_dir, schema.paths)
    type_facet, area_facet = schema.facet(schema.facet_name(C.TYPE)), schema.facet(schema.facet_name(C.AREAS))
    if type_facet is None or area_facet is None:
        raise ValueError("the dataset has no type or area facet")
    types, areas = taxonomy.ids(type_facet.vocabulary), taxonomy.ids(area_facet.vocabulary)
    with (data_dir / schema.paths["actors"]).open(encoding="utf-8", newline="") as handle:
        actors = [row[C.ID] for row in csv.DictReader(handle)]
    scenarios = []
    for number in range(count):
        kind, area, actor = types[number % len(types)], areas[number % len(areas)], actors[number % len(actors)]
        scenarios.append(
            Scenario(
                map_query=urlencode({type_facet.name: kind, "lang": lang}),
                changed_query=urlencode({type_facet.name: kind, area_facet.name: area, "lang": lang}),
                actor_query=urlencode({"actor": actor, "lang": lang}),
                actor=actor,
            )
        )
    return scenarios


# --- one session over the websocket ----------------------------------------------------------


class StepFailed(Exception):
    """An interaction that did not finish cleanly: a traceback or error on screen, a lost socket, a timeout."""


@dataclass
class Run:
    """What one script run sent: its widgets (by key) and its messages (alerts by kind)."""

    widgets: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (widget id, element kind)
    alerts: list[tuple[int, str]] = field(default_factory=list)
    options: dict[str, list[str]] = field(default_factory=dict)  # a select box's key → its options as shown


def _widget_key(widget_id: str) -> str:
    """The user's key at the end of Streamlit's widget id (`$$ID-<hash>-<key>`)."""
    return widget_id.split("-", 2)[-1] if widget_id.startswith("$$ID-") else widget_id


class Session:
    """One reader: a page fetch (for the balancer's cookie), then a websocket carrying script runs."""

    def __init__(self, base: str, source: str | None = None):
        self.base = base
        self.source = source
        self.cookie = ""
        self.socket = None

    def fetch_page(self, path: str) -> None:
        """What the browser fetches first; keeps the balancer's cookie as the browser would."""
        headers = {"Cookie": self.cookie} if self.cookie else {}
        request = urllib.request.Request(f"{self.base}/{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=STEP_TIMEOUT) as response:
            response.read()
            cookies = response.headers.get_all("Set-Cookie") or []
        if cookies:
            self.cookie = "; ".join(cookie.split(";", 1)[0] for cookie in cookies)

    @property
    def server(self) -> str:
        """The server the balancer's cookie names (empty without a balancer)."""
        for cookie in self.cookie.split("; "):
            name, _, value = cookie.partition("=")
            if name == SERVER_COOKIE:
                return value
        return ""

    async def open(self) -> None:
        parts = urlsplit(self.base)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Cookie": self.cookie} if self.cookie else {}
        extra = {"local_addr": (self.source, 0)} if self.source else {}
        self.socket = await connect(
            f"{scheme}://{parts.netloc}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=self.base,
            additional_headers=headers,
            max_size=None,
            open_timeout=STEP_TIMEOUT,
            **extra,
        )

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def rerun(self, page: str, query: str, widgets: Sequence = ()) -> Run:
        """Ask for a run of `page` with `query` (and widget values); wait for its successful end."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_name = page
        state.context_info.timezone = "Europe/Paris"
        state.context_info.url = f"{self.base}/{page}?{query}"
        state.widget_states.widgets.extend(widgets)
        assert self.socket is not None
        await self.socket.send(message.SerializeToString())
        return await asyncio.wait_for(self._read_run(), STEP_TIMEOUT)

    async def _read_run(self) -> Run:
        run = Run()
        assert self.socket is not None
        while True:
            raw = await self.socket.recv()
            msg = ForwardMsg()
            msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                name = element.WhichOneof("type")
                if name == "exception":
                    raise StepFailed(f"exception on screen: {element.exception.message[:200]}")
                if name == "alert":
                    if element.alert.format == Alert.ERROR:
                        raise StepFailed(f"error on screen: {element.alert.body[:200]}")
                    run.alerts.append((element.alert.format, element.alert.body))
                inner = getattr(element, name) if name else None
                widget_id = getattr(inner, "id", "") if inner is not None else ""
                if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
                    run.widgets[_widget_key(widget_id)] = (widget_id, name)
                    if name == "selectbox":
                        run.options[_widget_key(widget_id)] = list(element.selectbox.options)
            elif kind == "page_not_found":
                raise StepFailed("page not found")
            elif kind == "script_finished":
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return run
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise StepFailed("the script did not compile")
                # FINISHED_EARLY_FOR_RERUN: the app asked for another run (a deep link); wait for its end.


def suggestion_widgets(run: Run, actor: str, number: int) -> list:
    """The form's values and its submit button, as the browser sends them when the form is submitted."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    key = f"suggest_{actor}"
    values = {
        f"{key}_value": f"load test {number}",
        f"{key}_evidence": EVIDENCE,
        f"{key}_note": "sent by tools/loadtest.py",
    }
    field_key = f"{key}_field"
    options = run.options.get(field_key) or []
    if field_key not in run.widgets or not options:
        raise StepFailed("no choice of fact in the suggestion form")
    # The select box sends the option as shown; the website is a fact every actor has.
    chosen = next((option for option in options if option.endswith(f"({C.WEBSITE})")), options[0])
    states = [WidgetState(id=run.widgets[field_key][0], string_value=chosen)]
    for name, value in values.items():
        if name not in run.widgets:
            raise StepFailed(f"no widget {name} on the actor page")
        states.append(WidgetState(id=run.widgets[name][0], string_value=value))
    submit = next((wid for k, (wid, kind) in run.widgets.items() if key in k and kind == "button"), None)
    if submit is None:
        raise StepFailed("no submit button in the suggestion form")
    states.append(WidgetState(id=submit, trigger_value=True))
    return states


# --- the run ---------------------------------------------------------------------------------


@dataclass
class Tally:
    durations: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in INTERACTIONS})
    errors: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    accepted: list[int] = field(default_factory=list)  # suggestion numbers the app confirmed
    limited: int = 0

    def fail(self, name: str, problem: object) -> None:
        self.errors[name] = self.errors.get(name, 0) + 1
        if len(self.messages) < 20:
            self.messages.append(f"{name}: {problem}")


async def _timed(tally: Tally, name: str, step) -> object:
    start = time.perf_counter()
    result = await step
    tally.durations[name].append((time.perf_counter() - start) * 1000)
    return result


async def visit(base: str, scenario: Scenario, number: int, mode: str, tally: Tally, delay: float) -> None:
    """One reader's visit; every failure is counted against the interaction it happened in."""
    await asyncio.sleep(delay)
    source = f"127.0.0.{2 + number % 250}" if mode == "suggest" else None
    session = Session(base, source)
    map_page, actor_page = get_page("map").url_path, get_page("actor").url_path
    name = "open_map"
    try:

        async def open_map():
            await asyncio.to_thread(session.fetch_page, f"{map_page}?{scenario.map_query}")
            await session.open()
            return await session.rerun(map_page, scenario.map_query)

        await _timed(tally, name, open_map())
        if mode == "memory":
            return
        name = "change_filter"
        await _timed(tally, name, session.rerun(map_page, scenario.changed_query))
        name = "open_actor"
        run = await _timed(tally, name, session.rerun(actor_page, scenario.actor_query))
        if mode == "suggest":
            name = "suggest"
            assert isinstance(run, Run)
            widgets = suggestion_widgets(run, scenario.actor, number)
            sent = await _timed(tally, name, session.rerun(actor_page, scenario.actor_query, widgets))
            assert isinstance(sent, Run)
            reference = read_outcome(sent)
            if reference is None:
                tally.limited += 1
            else:
                tally.accepted.append(reference)
    except Exception as problem:  # a lost socket, a timeout, an error on screen: all count
        tally.fail(name, f"{type(problem).__name__}: {problem}")
    finally:
        with suppress(Exception):  # the socket may be gone already
            await asyncio.wait_for(session.close(), 5)


def read_outcome(run: Run) -> int | None:
    """The form's outcome under it: the suggestion's number on success (S-000042), None when the inbox limits."""
    for kind, body in run.alerts:
        found = REFERENCE.search(body)
        if kind == Alert.SUCCESS and found:
            return int(found[1])
        if kind == Alert.WARNING:
            return None
    raise StepFailed("no outcome under the suggestion form")


# --- the server's side -----------------------------------------------------------------------


def find_listener(port: int) -> list[int]:
    """The processes listening on a loopback TCP port, from /proc (empty when not ours to see)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cells = row.split()
            if cells[3] == "0A" and int(cells[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(cells[9])
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            links = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        if any(link.startswith("socket:[") and link[8:-1] in inodes for link in links):
            pids.append(int(entry.name))
    return pids


def read_rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (NaN once it is gone)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return math.nan
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def read_cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (fields 14 and 15 of /proc/PID/stat; NaN once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Watch:
    """Memory and CPU of the server processes while the load runs (sampled every half second)."""

    def __init__(self, pids: Sequence[int]):
        self.pids = list(pids)
        self.peak: dict[int, float] = {}
        self.start_rss = self._rss()
        self.start_cpu = self._cpu()
        self.started = time.monotonic()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _rss(self) -> dict[int, float]:
        return {pid: read_rss_mb(pid) for pid in self._alive()}

    def _cpu(self) -> dict[int, float]:
        return {pid: read_cpu_seconds(pid) for pid in self._alive()}

    def _alive(self) -> list[int]:
        return [pid for pid in self.pids if Path(f"/proc/{pid}").exists()]

    def _sample(self) -> None:
        while not self.stop.wait(0.5):
            for pid, rss in self._rss().items():
                self.peak[pid] = max(self.peak.get(pid, 0.0), rss)

    def finish(self) -> dict:
        self.stop.set()
        self.thread.join(2)
        elapsed = time.monotonic() - self.started
        end_rss, end_cpu = self._rss(), self._cpu()
        return {
            str(pid): {
                "rss_start_mb": round(self.start_rss.get(pid, math.nan), 1),
                "rss_peak_mb": round(self.peak.get(pid, math.nan), 1),
                "rss_end_mb": round(end_rss.get(pid, math.nan), 1),
                "cpu_percent": round(100 * (end_cpu.get(pid, math.nan) - self.start_cpu[pid]) / elapsed, 1),
            }
            for pid in self.pids
            if pid in self.start_cpu
        }


# --- putting it together ---------------------------------------------------------------------


async def run_load(base: str, scenarios: Sequence[Scenario], mode: str, ramp: float, duration: float) -> Tally:
    """Every session at once (started over `ramp` seconds), within `duration`; what did not finish counts as an error."""
    tally = Tally()
    count = len(scenarios)
    # The page fetches run in threads: as many as a crowd of browsers would open at once (the default is 6).
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=min(FETCH_THREADS, count)))
    tasks = [
        asyncio.create_task(visit(base, scenario, number, mode, tally, ramp * number / max(1, count)))
        for number, scenario in enumerate(scenarios)
    ]
    _, pending = await asyncio.wait(tasks, timeout=duration)
    for task in pending:
        task.cancel()
        tally.fail("unfinished", "the run's deadline passed")
    await asyncio.gather(*pending, return_exceptions=True)
    return tally


async def run_memory(base: str, scenarios: Sequence[Scenario], pids: Sequence[int], tally: Tally) -> dict:
    """Sessions opened and closed one after another; the server's memory after the first 5 and after all."""
    figures: dict = {}
    for number, scenario in enumerate(scenarios):
        await visit(base, scenario, number, "memory", tally, 0)
        if number + 1 in (5, len(scenarios)):
            await asyncio.sleep(2)
            figures[f"rss_after_{number + 1}_mb"] = round(sum(read_rss_mb(pid) for pid in pids), 1)
    first, last = figures.get("rss_after_5_mb"), figures.get(f"rss_after_{len(scenarios)}_mb")
    if first is not None and last is not None:
        figures["growth_mb"] = round(last - first, 1)
    return figures


def _browser_probe(base: str, stop: threading.Event, marks: list[float]) -> None:
    """One real browser opening the map again and again while the load runs: its first marker, in ms."""
    from playwright.sync_api import sync_playwright

    from tools.appserver import CHROMIUM_ARGS, find_chromium
    from tools.browser_bench import visit_map

    executable = find_chromium()
    if executable is None:
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            while not stop.is_set():
                marks.append(visit_map(browser, base)["first_marker_ms"])
        except Exception as problem:  # a probe that fails is reported, not fatal
            print(f"browser probe: {problem}", file=sys.stderr)
        finally:
            browser.close()


def run(args: argparse.Namespace) -> dict:
    pids = args.pid or find_listener(urlsplit(args.url).port or 80)
    scenarios = build_scenarios(args.sessions, args.lang)
    watch = Watch(pids)
    started = time.monotonic()
    report: dict = {
        "url": args.url,
        "mode": args.mode,
        "sessions": args.sessions,
        "load_average": os.getloadavg()[0],
        "cpus": os.cpu_count(),
    }
    stop, marks = threading.Event(), []
    probe = None
    if args.browser:
        probe = threading.Thread(target=_browser_probe, args=(args.url, stop, marks), daemon=True)
        probe.start()
    if args.mode == "memory":
        tally = Tally()
        report["memory"] = asyncio.run(asyncio.wait_for(run_memory(args.url, scenarios, pids, tally), args.duration))
    else:
        tally = asyncio.run(run_load(args.url, scenarios, args.mode, args.ramp, args.duration))
    stop.set()
    if probe is not None:
        probe.join(STEP_TIMEOUT * 3)
    report["elapsed_s"] = round(time.monotonic() - started, 1)
    report["interactions"] = summarise(tally.durations, tally.errors)
    report["errors"] = sum(tally.errors.values())
    report["error_samples"] = tally.messages
    if args.mode == "suggest":
        report["suggestions_accepted"] = tally.accepted
        report["suggestions_limited"] = tally.limited
    if marks:
        report["browser_first_marker_ms"] = {
            "count": len(marks),
            "p50_ms": round(percentile(marks, 0.5)),
            "max_ms": round(max(marks)),
        }
    report["server"] = watch.finish()
    return report


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    report = run(args)
    print(format_table(report["interactions"]))
    print(f"errors: {report['errors']}  elapsed: {report['elapsed_s']} s  load average: {report['load_average']:.2f}")
    for sample in report["error_samples"][:5]:
        print(f"  {sample}")
    for pid, figures in report["server"].items():
        print(
            f"server {pid}: RSS {figures['rss_start_mb']} → peak {figures['rss_peak_mb']} → "
            f"{figures['rss_end_mb']} MB, CPU {figures['cpu_percent']} %"
        )
    if "browser_first_marker_ms" in report:
        marks = report["browser_first_marker_ms"]
        print(f"browser first marker: p50 {marks['p50_ms']} ms, max {marks['max_ms']} ms ({marks['count']} visits)")
    if "memory" in report:
        print("memory: " + ", ".join(f"{k} {v}" for k, v in report["memory"].items()))
    if args.mode == "suggest":
        print(f"suggestions accepted: {len(report['suggestions_accepted'])}, limited: {report['suggestions_limited']}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
