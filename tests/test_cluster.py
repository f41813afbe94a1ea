"""Several servers behind HAProxy (deploy/): a reader whose server dies comes back on another, on the same view.

Starts two app servers, PostgreSQL's trial database and the balancer through
`deploy.cluster`, opens the map in Debian's chromium, kills the server holding
the page's session, and watches the page reconnect. Everything started here is
stopped by `running_cluster`, whatever the test's outcome.
"""

import os
import re
import shutil
import time

import pytest

from deploy.cluster import kill_server, render_config, running_cluster
from ecosystem import columns as C
from tests.urls import LANG, TYPE, page_path_pattern, page_url, param_pattern
from tools.appserver import CHROMIUM_ARGS, block_external, find_chromium
from tools.browser_bench import FIRST_MARKER
from tools.loadtest import SERVER_COOKIE

TIMEOUT_MS = 30_000
APP = '[data-testid="stApp"]'
SIDEBAR = '[data-testid="stSidebar"]'


def test_the_balancer_s_configuration_names_every_server_with_its_cookie():
    config = render_config(8600, [("app1", 8701), ("app2", 8702)])
    assert "bind 127.0.0.1:8600" in config
    assert "server app1 127.0.0.1:8701 cookie app1" in config
    assert "server app2 127.0.0.1:8702 cookie app2" in config
    assert f"cookie {SERVER_COOKIE} insert" in config
    assert "${" not in config


def _require(found: bool, what: str) -> None:
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI: .ci/run installs it")
        pytest.skip(f"{what} is not installed here")


def _server_of(context) -> str:
    return next((cookie["value"] for cookie in context.cookies() if cookie["name"] == SERVER_COOKIE), "")


@pytest.mark.slow
def test_a_reader_of_a_lost_server_lands_on_the_same_view_on_another(tmp_path, real):
    _require(find_chromium() is not None, "chromium")
    _require(bool(shutil.which("haproxy") or os.path.exists("/usr/sbin/haproxy")), "haproxy")
    _require(os.geteuid() == 0 and bool(shutil.which("pg_ctlcluster")), "PostgreSQL (as root)")
    from playwright.sync_api import sync_playwright

    with (
        running_cluster(2, run_dir=tmp_path, database="ecosystem_cluster_test") as cluster,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
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
            assert page.url == view
            assert re.search(param_pattern(TYPE, most_common_type), page.url)
            assert re.search(page_path_pattern("map"), page.url)
            assert page.locator('[role="dialog"]').count() == 0
            assert page.locator('[data-testid="stException"]').count() == 0
        finally:
            browser.close()
