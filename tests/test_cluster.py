"""The trial cluster's balancer configuration (deploy/); the cluster run with a real browser is
tests/browser/test_cluster_browser.py."""

from deploy.cluster import render_config
from tools.loadtest import SERVER_COOKIE


def test_the_balancer_s_configuration_names_every_server_with_its_cookie():
    config = render_config(8600, [("app1", 8701), ("app2", 8702)])
    assert "bind 127.0.0.1:8600" in config
    assert "server app1 127.0.0.1:8701 cookie app1" in config
    assert "server app2 127.0.0.1:8702 cookie app2" in config
    assert f"cookie {SERVER_COOKIE} insert" in config
    assert "${" not in config
