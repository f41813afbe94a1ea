"""A replica lost under a reader: the trial cluster (deploy/) with K=2 behind HAProxy, the map open in the
test browser, the server holding the session killed; the page reconnects to the other server and keeps its view.

Marked slow; it runs with the other browser tests (it shares their Chromium, see tests/browser/conftest.py).
"""

import os
import re
import shutil
import time

import pytest
from playwright.sync_api import Browser

from deploy.cluster import kill_server, running_cluster
from ecosystem import columns as C
from tests.urls import LANG, TYPE, page_path_pattern, page_url, param_pattern
from tools.appserver import block_external, find_chromium
from tools.browser_bench import FIRST_MARKER
from tools.loadtest import SERVER_COOKIE

TIMEOUT_MS = 30_000
APP = '[data-testid="stApp"]'
SIDEBAR = '[data-testid="stSidebar"]'


def _require(found: bool, what: str) -> None:
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI: .ci/run installs it")
        pytest.skip(f"{what} is not installed here")


def _server_of(context) -> str:
    return next((cookie["value"] for cookie in context.cookies() if cookie["name"] == SERVER_COOKIE), "")


@pytest.mark.slow
def test_a_reader_of_a_lost_server_lands_on_the_same_view_on_another(browser: Browser, tmp_path, real):
    _require(find_chromium() is not None, "chromium")
    _require(bool(shutil.which("haproxy") or os.path.exists("/usr/sbin/haproxy")), "haproxy")
    _require(os.geteuid() == 0 and bool(shutil.which("pg_ctlcluster")), "PostgreSQL (as root)")
    with running_cluster(2, run_dir=tmp_path, database="ecosystem_cluster_test") as cluster:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        try:
            context.route("**/*", block_external)
            page = context.new_page()
            most_common_type = real.actors[C.TYPE].value_counts().index[0]
            url = page_url(cluster.url, "map", {TYPE: most_common_type, LANG: "en"})
            page.goto(url, timeout=TIMEOUT_MS)
            page.wait_for_selector(FIRST_MARKER, timeout=TIMEOUT_MS)
            page.wait_for_selector(f'{APP}[data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
            before = _server_of(context)
            assert before in {server.name for server in cluster.servers}
            view = page.url

            sockets, frames = [], []

            def watch(socket) -> None:
                sockets.append(socket)
                socket.on("framereceived", lambda frame: frames.append(frame))

            page.on("websocket", watch)
            kill_server(cluster, before)

            # The browser opens a new websocket through the balancer, which sends it to the live server.
            deadline = time.monotonic() + TIMEOUT_MS / 1000
            while not sockets and time.monotonic() < deadline:
                page.wait_for_timeout(200)
            assert sockets, "the page never reconnected"
            page.wait_for_selector(f'{APP}[data-test-connection-state="CONNECTED"]', timeout=TIMEOUT_MS)
            assert page.url == view
            assert page.locator(FIRST_MARKER).count() > 0

            # The reader goes on (a click in the sidebar): the live server, which never saw this session,
            # runs the page for the view in the URL. (That first click itself is not applied: the live
            # server never drew the widget it belongs to.)
            page.locator(SIDEBAR).locator('[data-testid="stButtonGroup"] button', has_text="FR").click()
            while len(frames) < 5 and time.monotonic() < deadline:
                page.wait_for_timeout(200)
            assert len(frames) >= 5, "the live server sent no page"
            page.wait_for_selector(f'{APP}[data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
            page.wait_for_selector(FIRST_MARKER, state="visible", timeout=TIMEOUT_MS)
            # That run is the session's first on the live server: the open map reports its drawing again,
            # and the run after it brings the sidebar's filters back.
            page.wait_for_selector(f'{SIDEBAR} [data-testid="stTextInput"]', state="visible", timeout=TIMEOUT_MS)
            assert page.url == view
            assert re.search(param_pattern(TYPE, most_common_type), page.url)
            assert re.search(page_path_pattern("map"), page.url)
            assert page.locator('[role="dialog"]').count() == 0
            assert page.locator('[data-testid="stException"]').count() == 0
        finally:
            context.close()
