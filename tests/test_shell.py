"""The page's HTML as the server sends it: which paths get a head, what it holds, and what passes untouched."""

import asyncio
import gzip
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import streamlit

from ecosystem.maps import list_map_assets
from ecosystem.navigation import PAGES
from ecosystem.paths import OUTLINES_URL
from ecosystem.shell import (
    ShellMiddleware,
    add_head,
    build_head,
    build_page_heads,
    find_head,
    find_module_chunks,
)

HEADS = {"map": "<!--map-->", "actor": "<!--actor-->"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/map", "<!--map-->"),
        ("/map/", "<!--map-->"),
        ("/actor", "<!--actor-->"),
        ("/ecosystem/map", "<!--map-->"),  # a proxy's prefix before the page
        ("/", None),  # the root is the base: Streamlit asks nothing else
        ("", None),
        ("/maps", None),
        ("/_stcore/health", None),
        ("/app/static/map/markers.js", None),
    ],
)
def test_a_head_goes_to_the_pages_at_a_path_only(path, expected):
    assert find_head(path, HEADS) == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (b"<html><head><title>x</title></head>", b"<html><head>HEAD<title>x</title></head>"),
        (b'<html lang="en">\n  <HEAD class="a">\n', b'<html lang="en">\n  <HEAD class="a">HEAD\n'),
        (b"<html><header>no head</header></html>", b"<html><header>no head</header></html>"),
        (b"not html at all", b"not html at all"),
        (b"", b""),
    ],
)
def test_the_head_goes_just_after_the_head_tag(document, expected):
    assert add_head(document, "HEAD") == expected


def test_every_head_says_where_the_server_is_and_only_the_map_loads_its_files():
    heads = build_page_heads(
        ((page.url_path, page.draws_map) for page in PAGES), Path(streamlit.__file__).parent / "static"
    )
    assert "" not in heads  # the root
    assert set(heads) == {page.url_path for page in PAGES if page.url_path}
    for path, head in heads.items():
        assert f"}})({json.dumps(path)});</script>" in head  # the base script, given the page's segment
        assert "BACKEND_BASE_URL" in head
        drawn = any(page.draws_map for page in PAGES if page.url_path == path)
        assert ("ecosystemAssets" in head) is drawn
        assert (OUTLINES_URL in head) is drawn
    assert "leaflet.js" in heads["map"]
    assert "modulepreload" in heads["map"]


def test_the_map_head_loads_each_of_the_components_files_in_the_components_order():
    head = build_head("map", list_map_assets())
    assets = list_map_assets()
    loaded = json.loads(head.split("})(", 2)[2].split(");</script>", 1)[0])
    assert loaded == assets
    assert f'<link rel="preload" as="fetch" href="{OUTLINES_URL}" crossorigin>' in head


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # what the page loads already is left out; imports are followed, each once
            {
                "index.html": '<script type="module" src="./static/js/index.A1.js"></script>'
                '<link rel="modulepreload" crossorigin href="./static/js/react.B2.js">',
                "static/js/BidiComponent.C3.js": 'import{a}from"./react.B2.js";import"./util.D4.js";'
                'import{b}from"./index.A1.js";import{c}from"./arrow.E5.js";',
                "static/js/util.D4.js": 'import{c}from"./arrow.E5.js";export const u=1;',
                "static/js/arrow.E5.js": "export const c=1;",
            },
            ["BidiComponent.C3.js", "util.D4.js", "arrow.E5.js"],
        ),
        (  # an import of a file that is not there is skipped
            {
                "index.html": "<html></html>",
                "static/js/BidiComponent.C3.js": 'import"./gone.F6.js";',
            },
            ["BidiComponent.C3.js"],
        ),
        ({"index.html": "<html></html>", "static/js/Other.A1.js": ""}, []),  # another build: nothing preloaded
        ({"static/js/BidiComponent.C3.js": ""}, []),  # no page
    ],
)
def test_the_maps_modules_are_found_with_what_they_import(tmp_path, files, expected):
    assert find_module_chunks(_write(tmp_path, files), ["BidiComponent"]) == expected


def test_streamlits_own_build_has_the_maps_module():
    found = find_module_chunks(Path(streamlit.__file__).parent / "static", ["BidiComponent"])
    assert found
    assert found[0].startswith("BidiComponent.")
    static = Path(streamlit.__file__).parent / "static" / "static" / "js"
    assert all((static / name).is_file() for name in found)


PAGE = b'<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body></body></html>'


def _serve(status: int, content_type: bytes, body: bytes, seen: list):
    """A stand-in for Streamlit's server: one answer, sent in two parts; notes the request headers it got."""

    async def app(scope, receive, send):
        seen.append(dict(scope.get("headers", [])))
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        headers += [(b"etag", b'"abc"'), (b"cache-control", b"no-cache")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    return app


def _run(make_coroutine) -> None:
    """Run a coroutine to its end on a thread of its own: the browser tests' driver may hold this one's loop."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: asyncio.run(make_coroutine())).result()


def _call(middleware, path: str, method: str = "GET", headers=()):
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "headers": list(headers)}
    _run(lambda: middleware(scope, receive, send))
    start = sent[0]
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


@pytest.mark.parametrize("accept", [b"gzip, deflate, br", b""])
def test_a_pages_html_gets_its_head_whole_and_plain_to_the_server(accept):
    seen: list = []
    middleware = ShellMiddleware(_serve(200, b"text/html; charset=utf-8", PAGE, seen), HEADS)
    request = [(b"accept-encoding", accept), (b"if-none-match", b'"abc"'), (b"cookie", b"a=1")]
    status, headers, body = _call(middleware, "/map", headers=request)
    assert status == 200
    # Streamlit is asked for its page whole and plain: no 304, no gzip to undo; the rest of the request stays.
    assert seen == [{b"cookie": b"a=1"}]
    if accept:
        assert headers["content-encoding"] == "gzip"
        body = gzip.decompress(body)
    else:
        assert "content-encoding" not in headers
    assert body == PAGE.replace(b"<head>", b"<head><!--map-->")
    assert int(headers["content-length"]) == len(gzip.compress(body, mtime=0) if accept else body)
    assert "etag" not in headers  # Streamlit's validator described its own bytes
    assert headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    ("path", "method", "status", "content_type"),
    [
        ("/static/js/index.js", "GET", 200, b"application/javascript"),  # not a page
        ("/", "GET", 200, b"text/html"),  # the root
        ("/map", "POST", 200, b"text/html"),
        ("/map", "GET", 404, b"text/html"),  # Streamlit's answer is kept as it is
        ("/map", "GET", 200, b"application/json"),
    ],
)
def test_anything_else_passes_untouched(path, method, status, content_type):
    seen: list = []
    middleware = ShellMiddleware(_serve(status, content_type, PAGE, seen), HEADS)
    request = [(b"accept-encoding", b"gzip"), (b"if-none-match", b'"abc"')]
    got_status, headers, body = _call(middleware, path, method, request)
    assert (got_status, body, headers["etag"]) == (status, PAGE, '"abc"')
    if find_head(path, HEADS) is None or method != "GET":
        assert seen == [dict(request)]  # the request itself went on as it came


def test_a_websocket_passes_untouched():
    calls: list = []

    async def app(scope, receive, send):
        calls.append(scope)

    middleware = ShellMiddleware(app, HEADS)
    scope = {"type": "websocket", "path": "/map", "headers": [(b"accept-encoding", b"gzip")]}
    _run(lambda: middleware(scope, None, None))
    assert calls == [scope]
