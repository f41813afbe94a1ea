"""A server lost under load: readers and suggestions through the balancer, one server killed midway.

    python -m deploy.replica_loss [--servers 3] [--readers 60] [--writers 15] [--seconds 30]

Starts the cluster (`deploy.cluster`), then readers loop over the map, a
filter change and an actor page, and writers send suggestions through the
actor page's form (each from its own loopback address, as the inbox limits
suggestions per client), all over Streamlit's websocket (`tools.loadtest`).
A third of the way in, the server holding the most sessions is killed (SIGKILL).
A session on it reconnects as the browser does: through the balancer (its
cookie now names a dead server, so it is sent to a live one), asking for the
same view. It prints, and `--json` keeps:

- errors on the surviving servers (must be 0);
- sessions of the lost server that came back on another, on the same view;
- suggestions the app confirmed and how many of them are in PostgreSQL (lost must be 0).

Bounded: loopback only, at most 300 sessions, a deadline on every step and on the run.
"""

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.cluster import Cluster, kill_server, running_cluster
from ecosystem.navigation import get_page
from tools.loadtest import (
    Scenario,
    Session,
    build_scenarios,
    percentile,
    read_outcome,
    suggestion_widgets,
)

MAX_SESSIONS = 300
MAX_SECONDS = 300.0
SUGGESTIONS_PER_WRITER = 8  # under the inbox's limit per client and hour


@dataclass
class Outcome:
    """What the sessions saw, by server."""

    done: Counter = field(default_factory=Counter)  # server → interactions finished
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (server, interaction, problem)
    moved: list[tuple[str, str]] = field(default_factory=list)  # (from, to): back on the same view
    accepted: list[int] = field(default_factory=list)
    unconfirmed: int = 0  # sent, then the server died before answering
    limited: int = 0
    durations: list[float] = field(default_factory=list)


async def _connect(base: str, source: str | None, page: str, query: str, cookie: str) -> Session:
    """What the browser does on (re)connecting: the page with its cookie, then the websocket."""
    session = Session(base, source)
    session.cookie = cookie
    await asyncio.to_thread(session.fetch_page, f"{page}?{query}")
    await session.open()
    return session


async def reader(base: str, scenario: Scenario, number: int, writer: bool, until: float, outcome: Outcome) -> None:
    """Loop over a reader's interactions until `until`; when the socket is lost, reconnect and ask for the same view."""
    map_page, actor_page = get_page("map").url_path, get_page("actor").url_path
    source = f"127.0.0.{2 + number % 250}" if writer else None
    steps = (
        [(actor_page, scenario.actor_query)]
        if writer
        else [(map_page, scenario.map_query), (map_page, scenario.changed_query), (actor_page, scenario.actor_query)]
    )
    session: Session | None = None
    cookie, lost_on, sent, step = "", "", 0, 0
    while time.monotonic() < until:
        page, query = steps[step % len(steps)]
        name = f"{page or 'home'}?{query}"
        try:
            if session is None:
                session = await _connect(base, source, page, query, cookie)
            start = time.perf_counter()
            run = await session.rerun(page, query)
            outcome.durations.append((time.perf_counter() - start) * 1000)
            outcome.done[session.server] += 1
            if lost_on:  # back, on another server, on the view it was showing
                outcome.moved.append((lost_on, session.server))
                lost_on = ""
            if writer and sent < SUGGESTIONS_PER_WRITER:
                name = "suggest"
                sent += 1
                widgets = suggestion_widgets(run, scenario.actor, number * 100 + sent)
                try:
                    answer = await session.rerun(page, query, widgets)
                except Exception:
                    outcome.unconfirmed += 1
                    raise
                reference = read_outcome(answer)
                if reference is None:
                    outcome.limited += 1
                else:
                    outcome.accepted.append(reference)
            step += 1
        except Exception as problem:
            server = session.server if session is not None else _named(cookie)
            outcome.errors.append((server, name, f"{type(problem).__name__}: {problem}"[:200]))
            if session is not None:
                cookie = session.cookie
                with suppress(Exception):
                    await asyncio.wait_for(session.close(), 2)
            session, lost_on = None, server
            await asyncio.sleep(0.5)  # the browser waits a moment before reconnecting
        await asyncio.sleep(0.2)
    if session is not None:
        with suppress(Exception):
            await asyncio.wait_for(session.close(), 5)


def _named(cookie: str) -> str:
    session = Session("http://127.0.0.1")
    session.cookie = cookie
    return session.server


async def warm_up(cluster: Cluster) -> None:
    """One visit to each server directly: its first run loads the data, as it would before readers arrive."""
    scenario = build_scenarios(1, "fr")[0]
    for server in cluster.servers:
        session = await _connect(f"http://127.0.0.1:{server.port}", None, get_page("map").url_path, "", "")
        await session.rerun(get_page("map").url_path, scenario.map_query)
        await session.close()


async def drive(cluster: Cluster, readers: int, writers: int, seconds: float, kill_after: float) -> tuple[Outcome, str]:
    scenarios = build_scenarios(readers + writers, "fr")
    until = time.monotonic() + seconds
    outcome = Outcome()
    await warm_up(cluster)
    tasks = [
        asyncio.create_task(reader(cluster.url, scenario, number, number >= readers, until, outcome))
        for number, scenario in enumerate(scenarios)
    ]
    await asyncio.sleep(kill_after)
    busiest = (outcome.done.most_common(1) or [(cluster.servers[0].name, 0)])[0][0]
    await asyncio.to_thread(kill_server, cluster, busiest)
    print(f"killed {busiest} after {kill_after:.0f} s", file=sys.stderr, flush=True)
    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), seconds + 120)
    return outcome, busiest


def count_stored(db_url: str, numbers: list[int]) -> int:
    """How many of these suggestion numbers PostgreSQL holds."""
    if not numbers:
        return 0
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT id FROM suggestions")).scalars()
            stored = set(rows)
    finally:
        engine.dispose()
    return len(set(numbers) & stored)


def run(servers: int, readers: int, writers: int, seconds: float) -> dict:
    with running_cluster(servers) as cluster:
        outcome, killed = asyncio.run(drive(cluster, readers, writers, seconds, seconds / 3))
        stored = count_stored(cluster.db_url, outcome.accepted)
    survivors = [error for error in outcome.errors if error[0] != killed]
    return {
        "servers": servers,
        "readers": readers,
        "writers": writers,
        "seconds": seconds,
        "killed": killed,
        "interactions_by_server": dict(outcome.done),
        "p95_ms": round(percentile(outcome.durations, 0.95)) if outcome.durations else None,
        "errors_on_survivors": len(survivors),
        "errors_on_killed": len(outcome.errors) - len(survivors),
        "error_samples": [list(error) for error in outcome.errors[:5]],
        "survivor_error_samples": [list(error) for error in survivors[:10]],
        "sessions_moved": len(outcome.moved),
        "moved_to": dict(Counter(to for _, to in outcome.moved)),
        "suggestions_confirmed": len(outcome.accepted),
        "suggestions_stored": stored,
        "suggestions_lost": len(set(outcome.accepted)) - stored,
        "suggestions_unconfirmed": outcome.unconfirmed,
        "suggestions_limited": outcome.limited,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=3)
    parser.add_argument("--readers", type=int, default=60)
    parser.add_argument("--writers", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json")
    args = parser.parse_args()
    if args.servers < 2:
        parser.error("at least 2 servers: one is lost")
    if not 1 <= args.readers + args.writers <= MAX_SESSIONS:
        parser.error(f"between 1 and {MAX_SESSIONS} sessions")
    if not 5 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds within [5, {MAX_SECONDS}]")
    report = run(args.servers, args.readers, args.writers, args.seconds)
    for key, value in report.items():
        print(f"{key}: {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if report["errors_on_survivors"] == 0 and report["suggestions_lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
