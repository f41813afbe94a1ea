"""Start the app with `streamlit run` on a free loopback port, and a headless Chromium.

Shared by the browser tests and the screenshot script, so both see the real app.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# For measurements: the browser itself refuses every request beyond loopback. Playwright's routing
# (`block_external`) would turn its HTTP cache off and pass each request through the driver, so a
# returning visitor would fetch every file again, a round trip slower each.
OFFLINE_ARGS = [
    "--proxy-server=http://127.0.0.1:9",  # nothing listens there: any other host fails at once
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


def find_chromium() -> str | None:
    """Debian's chromium (never a downloaded browser)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def run_app_server(timeout: float = 60.0, env: dict[str, str] | None = None):
    """Yield the base URL of a running app; stop it afterwards."""
    with start_app_server(timeout, env) as (base, _):
        yield base


@contextmanager
def start_app_server(timeout: float = 60.0, env: dict[str, str] | None = None, script: Path | None = None):
    """Yield the base URL and the server's process (to read its memory); stop it afterwards.

    `script` runs another Streamlit script instead of the app (the benchmark's one-line page).
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard.py"),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        # Two malloc arenas instead of one per script thread: about 8 MB less, as `make run` does.
        env=_server_env(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited early: {process.stderr.read() if process.stderr else ''}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.read().decode() == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not answer its health check in time")
            time.sleep(0.3)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _server_env(extra: dict[str, str] | None) -> dict[str, str]:
    """The server's environment: this one's, without a test process's release folder (a server publishes its own)."""
    env = {"MALLOC_ARENA_MAX": "2", **os.environ, **(extra or {})}
    env.pop("ECOSYSTEM_RELEASE_DIR", None)
    return env


def is_outside(url: str) -> bool:
    """Whether a request leaves the machine: a network address on another host (data: and blob: stay home)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOOPBACK_HOSTS


def block_external(route) -> None:
    """Let loopback requests through and refuse everything else, so 'offline' is real."""
    if is_outside(route.request.url):
        route.abort()
    else:
        route.continue_()
