"""K identical app servers behind HAProxy, sharing one PostgreSQL for the correction inbox: a trial on loopback.

    python -m deploy.cluster start [--servers K] [--port PORT]   # runs until Ctrl-C, then stops everything
    python -m deploy.cluster stop                                # stops a set left running (from its pid file)

Every process listens on 127.0.0.1 only. The servers run the same code and data
(`streamlit run dashboard.py`), the same cookie secret, and `SUGGESTIONS_DB_URL`
pointing to one PostgreSQL database made afresh for the trial
(`ecosystem_cluster`, on Debian's cluster that `tools/postgres.py` starts).
HAProxy (`deploy/haproxy.cfg.template`) keeps each reader on one server with a
cookie, sends them to another when theirs fails its health check, and serves
static files from its cache with caching headers.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.appserver import free_port  # noqa: E402
from tools.postgres import PASSWORD, ROLE, _check, _clusters, _psql, ensure_postgres  # noqa: E402

TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
DATABASE = "ecosystem_cluster"
RUN_DIR = Path(tempfile.gettempdir()) / "ecosystem-cluster"
PIDS_FILE = "pids.json"
START_TIMEOUT = 90.0
MAX_SERVERS = 8


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen


@dataclass
class Cluster:
    """A running set: its balancer's URL, its servers, the inbox's database."""

    url: str
    db_url: str
    run_dir: Path
    servers: list[Server] = field(default_factory=list)
    balancer: subprocess.Popen | None = None

    def server(self, name: str) -> Server:
        return next(server for server in self.servers if server.name == name)

    def pids(self) -> list[int]:
        return [server.process.pid for server in self.servers if server.process.poll() is None]


def make_database(name: str = DATABASE) -> str:
    """A fresh trial database for the inbox on the local PostgreSQL; its SQLAlchemy URL."""
    clusters = _clusters() if ensure_postgres() is not None and os.geteuid() == 0 else []
    if not clusters:
        raise RuntimeError("PostgreSQL is needed (Debian's postgresql package, as root): see tools/postgres.py")
    port = clusters[0][2]
    _check(_psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", port))
    _check(_psql(f"CREATE DATABASE {name} OWNER {ROLE}", port))
    return f"postgresql+psycopg://{ROLE}:{PASSWORD}@127.0.0.1:{port}/{name}"


def render_config(bind_port: int, servers: list[tuple[str, int]]) -> str:
    """HAProxy's configuration for these servers, from the template."""
    lines = [f"    server {name} 127.0.0.1:{port} cookie {name}" for name, port in servers]
    static = [f"    server {name} 127.0.0.1:{port}" for name, port in servers]
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        BIND=f"127.0.0.1:{bind_port}", SERVERS="\n".join(lines), STATIC_SERVERS="\n".join(static)
    )


def _server_command(port: int) -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def _wait_healthy(url: str, process: subprocess.Popen, deadline: float) -> None:
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited ({process.returncode})")
        with suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            if response.read().decode() == "ok":
                return
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer its health check in time")
        time.sleep(0.3)


def start_cluster(
    count: int, port: int | None = None, run_dir: Path = RUN_DIR, env: dict | None = None, database: str = DATABASE
) -> Cluster:
    """Start PostgreSQL's trial database, `count` servers and HAProxy; stop what started if anything fails."""
    if not 1 <= count <= MAX_SERVERS:
        raise ValueError(f"between 1 and {MAX_SERVERS} servers")
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise RuntimeError("haproxy is needed: apt-get install haproxy")
    run_dir.mkdir(parents=True, exist_ok=True)
    db_url = make_database(database)
    port = port or free_port()
    cluster = Cluster(url=f"http://127.0.0.1:{port}", db_url=db_url, run_dir=run_dir)
    server_env = {
        "MALLOC_ARENA_MAX": "2",
        **os.environ,
        **(env or {}),
        "SUGGESTIONS_DB_URL": db_url,
        # One secret for every server: a cookie one signed, another accepts.
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
    }
    server_env.pop("ECOSYSTEM_RELEASE_DIR", None)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        for number in range(1, count + 1):
            server_port = free_port()
            process = subprocess.Popen(
                _server_command(server_port),
                cwd=ROOT,
                env=server_env,
                stdout=subprocess.DEVNULL,
                stderr=(run_dir / f"app{number}.log").open("w"),
                start_new_session=True,
            )
            cluster.servers.append(Server(f"app{number}", server_port, process))
        _write_pids(cluster)
        for server in cluster.servers:
            _wait_healthy(f"http://127.0.0.1:{server.port}", server.process, deadline)
        config = run_dir / "haproxy.cfg"
        config.write_text(render_config(port, [(s.name, s.port) for s in cluster.servers]), encoding="utf-8")
        checked = subprocess.run([haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"haproxy refused its configuration: {checked.stderr.strip()}")
        cluster.balancer = subprocess.Popen(
            [haproxy, "-db", "-f", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=(run_dir / "haproxy.log").open("w"),
            start_new_session=True,
        )
        _write_pids(cluster)
        _wait_healthy(cluster.url, cluster.balancer, deadline)
        return cluster
    except BaseException:
        stop_cluster(cluster)
        raise


def _write_pids(cluster: Cluster) -> None:
    """Who to stop: the process that started the set (it stops the rest), then each of the rest."""
    pids = {"manager": os.getpid(), **{server.name: server.process.pid for server in cluster.servers}}
    if cluster.balancer is not None:
        pids["haproxy"] = cluster.balancer.pid
    (cluster.run_dir / PIDS_FILE).write_text(json.dumps({"url": cluster.url, "pids": pids}), encoding="utf-8")


def stop_cluster(cluster: Cluster) -> None:
    """The balancer first (no new sessions), then the servers: TERM, then KILL after 10 s."""
    processes = ([cluster.balancer] if cluster.balancer else []) + [server.process for server in cluster.servers]
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    with suppress(FileNotFoundError):
        (cluster.run_dir / PIDS_FILE).unlink()


def kill_server(cluster: Cluster, name: str) -> None:
    """A server lost as a machine is lost: SIGKILL, no goodbye to its readers."""
    process = cluster.server(name).process
    process.kill()
    process.wait(timeout=10)


@contextmanager
def running_cluster(
    count: int, port: int | None = None, run_dir: Path = RUN_DIR, database: str = DATABASE
) -> Iterator[Cluster]:
    """A cluster for the length of a `with` block, stopped even when the block fails."""
    cluster = start_cluster(count, port, run_dir, database=database)
    try:
        yield cluster
    finally:
        stop_cluster(cluster)


def stop_from_file(run_dir: Path = RUN_DIR) -> int:
    """Stop a set started by another process (its pid file): how many processes were still running."""
    path = run_dir / PIDS_FILE
    if not path.exists():
        return 0
    pids = json.loads(path.read_text(encoding="utf-8"))["pids"]
    manager = pids.pop("manager", None)
    if manager and manager != os.getpid() and _signal(manager, signal.SIGTERM):
        _wait_gone([manager], 20)  # it stops the balancer and the servers itself
    running = [pid for pid in pids.values() if _signal(pid, signal.SIGTERM)]
    for pid in _wait_gone(running, 10):
        _signal(pid, signal.SIGKILL)
    path.unlink(missing_ok=True)
    return len(pids)


def _signal(pid: int, number: int) -> bool:
    """Send a signal; False when the process is gone already."""
    try:
        os.kill(pid, number)
    except ProcessLookupError:
        return False
    return True


def _wait_gone(pids: list[int], timeout: float) -> list[int]:
    """Wait for processes to end; those still running after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while pids and time.monotonic() < deadline:
        pids = [pid for pid in pids if Path(f"/proc/{pid}").exists() and not _is_zombie(pid)]
        time.sleep(0.2)
    return pids


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("--servers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8501, help="the balancer's port on 127.0.0.1")
    args = parser.parse_args()
    if args.action == "stop":
        print(f"stopped {stop_from_file()} processes")
        return 0
    stop_from_file()  # a set left behind would hold the ports
    cluster = start_cluster(args.servers, args.port)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True) or sys.exit(0))
    try:
        print(f"{cluster.url}  ({len(cluster.servers)} servers: {', '.join(str(s.port) for s in cluster.servers)})")
        print(f"inbox: {cluster.db_url.replace(PASSWORD, '***')}  logs: {cluster.run_dir}  Ctrl-C stops it all")
        while cluster.balancer is not None and cluster.balancer.poll() is None:
            time.sleep(1)
        print("haproxy exited", file=sys.stderr)
        return 0 if stopping else 1
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        stop_cluster(cluster)
    return 0


if __name__ == "__main__":
    sys.exit(main())
