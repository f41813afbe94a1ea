"""The page a browser receives first: Streamlit's own HTML, with a few lines added to its head.

Streamlit's page, opened at a path (`/map`), first asks `/map/_stcore/health`,
is refused, waits 100 ms and asks the root: it cannot tell a page from a base
path. The head added here tells it where the server is (`BACKEND_BASE_URL`, the
setting Streamlit reads from `window.__streamlit`), so a shared link opens its
connection at once. On the map, it also starts loading the map's scripts and
styles, the outlines, and the few of Streamlit's own modules the map's element
needs, while Streamlit's scripts are still loading; the map's component takes
the scripts from the same loader (`window.ecosystemAssets`), so nothing loads
twice. `ShellMiddleware` adds the head, as ASGI middleware of the app's server
(`st.App`, in `dashboard.py`).
"""

import gzip
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .maps import list_map_assets
from .paths import OUTLINES_URL

# Set before Streamlit's scripts run (they are modules, run once the page is parsed). The page's own segment
# is taken off the address, whatever prefix a proxy put before it; a setting the host already made is kept.
BASE_SCRIPT = """<script>(function (page) {
  var config = window.__streamlit || {};
  var path = window.location.pathname.replace(/\\/+$/, "");
  if (config.BACKEND_BASE_URL || path.slice(-page.length - 1) !== "/" + page) { return; }
  var base = window.location.origin + path.slice(0, -page.length - 1) + "/";
  window.__streamlit = Object.assign({}, config, {BACKEND_BASE_URL: base});
})(%s);</script>"""
# The map's files, loaded as `static/map/component.js` loads them and into the same map of promises: the
# scripts run in order as soon as they arrive, and the component, when it mounts, finds them done.
ASSETS_SCRIPT = """<script>(function (assets) {
  var loading = (window.ecosystemAssets = window.ecosystemAssets || new Map());
  function load(url, element) {
    if (loading.has(url)) { return; }
    var done = new Promise(function (resolve, reject) {
      element.onload = resolve;
      element.onerror = function () { reject(new Error("could not load " + url)); };
      document.head.appendChild(element);
    });
    done.catch(function () {});  // the component says which file failed
    loading.set(url, done);
  }
  assets.css.forEach(function (href) {
    load(href, Object.assign(document.createElement("link"), {rel: "stylesheet", href: href}));
  });
  assets.js.forEach(function (group) {
    group.forEach(function (src) { load(src, Object.assign(document.createElement("script"), {src: src, async: false})); });
  });
})(%s);</script>"""
HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
# A module's static imports, in Streamlit's built scripts: `import{t as a}from"./x.B3Zf.js"`, `import"./y.js"`.
MODULE_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["']\./([\w.-]+\.js)["']""")
# The modules Streamlit's page already loads or preloads (its entry's `src`, the `modulepreload` links).
PAGE_MODULE = re.compile(r"""(?:src|href)=["']\./static/js/([\w.-]+\.js)["']""")
# Streamlit's modules that draw the map's element (`st.components.v2`), loaded on first use otherwise.
MAP_MODULES = ("BidiComponent",)
# Request headers taken off before Streamlit answers: the shell is rewritten, so it must come whole and plain.
DROPPED_REQUEST_HEADERS = {b"accept-encoding", b"if-none-match", b"if-modified-since"}
# Response headers that described Streamlit's bytes, not the rewritten ones.
DROPPED_RESPONSE_HEADERS = {b"content-length", b"content-encoding", b"etag", b"last-modified"}


def find_module_chunks(static_dir: Path, names: Sequence[str]) -> list[str]:
    """The built files of Streamlit's modules `names` and every module they import, minus those its page
    already preloads: file names under `static/js/`. Empty when the files are not found (another build)."""
    js_dir = static_dir / "static" / "js"
    index = static_dir / "index.html"
    if not js_dir.is_dir() or not index.is_file():
        return []
    preloaded = set(PAGE_MODULE.findall(index.read_text(encoding="utf-8")))
    pending = [file.name for name in names for file in sorted(js_dir.glob(f"{name}.*.js"))]
    found: list[str] = []
    while pending:
        name = pending.pop(0)
        if name in found or name in preloaded or not (js_dir / name).is_file():
            continue
        found.append(name)
        pending.extend(MODULE_IMPORT.findall((js_dir / name).read_text(encoding="utf-8")))
    return found


def build_head(page: str, assets: Mapping[str, list] | None = None, modules: Sequence[str] = ()) -> str:
    """The lines added to the head of the page at path segment `page`: where the server is; with `assets`
    (from `maps.list_map_assets`), the map's files; `modules`, Streamlit's files to preload."""
    lines = [BASE_SCRIPT % json.dumps(page)]
    if assets is not None:
        lines.append(ASSETS_SCRIPT % json.dumps(assets))
        # fetch() asks in CORS mode: the preload must too, or the browser fetches the outlines twice.
        lines.append(f'<link rel="preload" as="fetch" href="{html.escape(OUTLINES_URL)}" crossorigin>')
    # Relative, as Streamlit's own: they follow the page under any base path.
    lines += [f'<link rel="modulepreload" crossorigin href="./static/js/{html.escape(name)}">' for name in modules]
    return "".join(lines)


def build_page_heads(pages: Iterable[tuple[str, bool]], streamlit_static: Path) -> dict[str, str]:
    """The head of each page at a path, from (url path, draws a map); the root needs none (it is the base).
    `streamlit_static`: Streamlit's built frontend, where the map's modules are found."""
    modules = find_module_chunks(streamlit_static, MAP_MODULES)
    return {
        path: build_head(path, list_map_assets(), modules) if has_map else build_head(path)
        for path, has_map in pages
        if path
    }


def find_head(path: str, heads: Mapping[str, str]) -> str | None:
    """The head for a request's path: its last segment names a page (`/map`, `/prefix/map/`), else None."""
    segment = path.rstrip("/").rsplit("/", 1)[-1]
    return heads.get(segment) if segment else None


def add_head(document: bytes, head: str) -> bytes:
    """`document` with `head` just after its `<head>` tag; unchanged when it has none."""
    match = HEAD.search(document)
    if match is None:
        return document
    return document[: match.end()] + head.encode("utf-8") + document[match.end() :]


def _is_html(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    return any(name.lower() == b"content-type" and value.startswith(b"text/html") for name, value in headers)


class ShellMiddleware:
    """ASGI middleware: the HTML of a page at a path gets its head (`heads`, from `build_page_heads`).

    Everything else (scripts, the websocket, health, files) passes untouched.
    The rewritten page is sent whole, gzipped when the browser accepts it, and
    never answered with 304: Streamlit's validators describe its own bytes.
    """

    def __init__(self, app, heads: Mapping[str, str]) -> None:
        self.app = app
        self.heads = dict(heads)

    async def __call__(self, scope, receive, send) -> None:
        head = None
        if scope["type"] == "http" and scope["method"] == "GET":
            head = find_head(scope["path"], self.heads)
        if head is None:
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        gzip_ok = any(name.lower() == b"accept-encoding" and b"gzip" in value.lower() for name, value in headers)
        inner = {**scope, "headers": [(n, v) for n, v in headers if n.lower() not in DROPPED_REQUEST_HEADERS]}
        start: dict = {}
        body: list[bytes] = []

        async def capture(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if not message.get("more_body", False):
                await _send_shell(send, start, b"".join(body), head, gzip_ok)

        await self.app(inner, receive, capture)


async def _send_shell(send, start: dict, content: bytes, head: str, gzip_ok: bool) -> None:
    """Send Streamlit's answer, its HTML given `head` when it is a page."""
    headers = list(start.get("headers", []))
    if start.get("status") == 200 and _is_html(headers):
        content = add_head(content, head)
        headers = [(n, v) for n, v in headers if n.lower() not in DROPPED_RESPONSE_HEADERS]
        if gzip_ok:
            content = gzip.compress(content, mtime=0)
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(content)).encode("ascii")))
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": content})
