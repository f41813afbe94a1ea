"""Page addresses and URL parameter names as the tests ask for them: from the code's own declarations.

A test names a page by its registry key (`ecosystem.navigation.PAGES`) and a parameter by its
declared name (`ecosystem.urlstate`, `ecosystem.filters`, the descriptor's facets), never by a
bare string, so that renaming a page path or a parameter changes what every test asks for,
and a key that is no longer registered fails loudly.
"""

import re
from collections.abc import Mapping
from urllib.parse import quote

from ecosystem import columns as C
from ecosystem.filters import F2030, FLAGS, MIB
from ecosystem.navigation import get_page
from ecosystem.schema import load_schema
from ecosystem.share import build_public_url
from ecosystem.urlstate import ACTOR, EMBED, FOUNDED, INTERVAL, LANG, SCENE, SCOPE, Q
from tests.conftest import DATA

# The facets' parameter names, as the real descriptor declares them.
SCHEMA = load_schema(DATA)
TYPE = SCHEMA.facet_name(C.TYPE)
AREA = SCHEMA.facet_name(C.AREAS)
MODALITY = SCHEMA.facet_name(C.MODALITIES)
STATUS = SCHEMA.facet_name(C.STATUS)
STAGE = SCHEMA.facet_name(C.STAGE)

Params = Mapping[str, object]


def page_path(key: str) -> str:
    """The URL path of the registered page `key` ("" for the home page)."""
    return get_page(key).url_path


def page_file(key: str) -> str:
    """The script of the registered page `key`, as `AppTest.switch_page` takes it."""
    return get_page(key).file


def page_url(base: str | None, key: str, params: Params | None = None) -> str:
    """The address of page `key` with `params` (in their order), built as the app builds every link.

    Without a base, the path alone: `page_url(None, "map", {LANG: "en"})` is the app-relative address.
    """
    return build_public_url(base, page_path(key), {name: str(value) for name, value in (params or {}).items()})


def page_path_pattern(key: str) -> str:
    """A regex fragment matching an address whose path ends at page `key`, whatever comes after (query, fragment)."""
    return rf"^[^?#]*/{re.escape(page_path(key))}(?=[?#]|$)"


def param_pattern(name: str, value: object = None) -> str:
    """A regex fragment matching the query parameter `name=value` whole (any value when `value` is None)."""
    wanted = r"[^&#]*" if value is None else re.escape(quote(str(value), safe=","))
    return rf"[?&]{re.escape(name)}={wanted}(?=[&#]|$)"


def url_pattern(key: str | None = None, params: Params | None = None) -> re.Pattern:
    """An address on page `key` (any page when None) whose query holds each of `params`, in any order.

    For `expect(page).to_have_url(...)`; a value of None asks only that the parameter be there.
    """
    start = page_path_pattern(key) if key is not None else ""
    return re.compile(start + "".join(f"(?=.*{param_pattern(name, value)})" for name, value in (params or {}).items()))


__all__ = [
    "ACTOR",
    "AREA",
    "EMBED",
    "F2030",
    "FLAGS",
    "FOUNDED",
    "INTERVAL",
    "LANG",
    "MIB",
    "MODALITY",
    "SCENE",
    "SCHEMA",
    "SCOPE",
    "STAGE",
    "STATUS",
    "TYPE",
    "Q",
    "page_file",
    "page_path",
    "page_path_pattern",
    "page_url",
    "param_pattern",
    "url_pattern",
]
