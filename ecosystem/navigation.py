"""The page registry: every page of the app, declared once.

`dashboard.py` builds the navigation from it, pages link to each other by key,
and the tests run every page it lists. A new page is one line here and one thin
file in `pages/` (plus its title in the catalogue, `ecosystem/i18n.py`).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    file: str
    url_path: str
    icon: str
    title_key: str
    listed: bool = True
    # Whether its first paint is a map: the page's HTML then asks for the map's files (`ecosystem.shell`).
    draws_map: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "pages/home.py", "", ":material/home:", "page_home"),
    PageSpec("map", "pages/map.py", "map", ":material/map:", "page_map", draws_map=True),
    PageSpec("directory", "pages/directory.py", "directory", ":material/list:", "page_directory"),
    PageSpec("actor", "pages/actor.py", "actor", ":material/person_search:", "page_actor"),
    PageSpec("insights", "pages/insights.py", "insights", ":material/insights:", "page_insights"),
    PageSpec("network", "pages/network.py", "network", ":material/hub:", "page_network"),
    PageSpec("pipeline", "pages/pipeline.py", "pipeline", ":material/science:", "page_pipeline"),
    PageSpec("funding", "pages/funding.py", "funding", ":material/payments:", "page_funding"),
    PageSpec("about", "pages/about.py", "about", ":material/info:", "page_about"),
    PageSpec("present", "pages/present.py", "present", ":material/slideshow:", "page_present", listed=False),
    PageSpec("review", "pages/review.py", "review", ":material/rate_review:", "page_review", listed=False),
)
# The page a bare address opens.
HOME = PAGES[0]


def get_page(key: str) -> PageSpec:
    """The registered page `key`; a KeyError names a page that was never registered."""
    for page in PAGES:
        if page.key == key:
            return page
    raise KeyError(f"no page {key!r} in ecosystem.navigation.PAGES")
