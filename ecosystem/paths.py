"""Where the app's own files live on disk and at which URL Streamlit serves them.

Streamlit serves `static/` at `/app/static/` (`enableStaticServing` in
`.streamlit/config.toml`); every asset the pages load comes from there, so
the app works offline. Each path is declared here once.
"""

import os
from pathlib import Path

from .config import ROOT

STATIC_DIR = ROOT / "static"
# The URL of static/, relative to the app's root (a page's URL may sit under a proxy's prefix).
STATIC_URL = "app/static"


def static_url(path: str) -> str:
    """The absolute URL path of a file under static/: `map/markers.js` → `/app/static/map/markers.js`."""
    return f"/{STATIC_URL}/{path.lstrip('/')}"


VENDOR_URL = f"{STATIC_URL}/vendor"
# The tab's icon, drawn in the theme's colour: Streamlit inlines it, so no font host is asked for one.
FAVICON = STATIC_DIR / "favicon.svg"
MAP_COMPONENT_JS = STATIC_DIR / "map" / "component.js"
MARKERS_JS = static_url("map/markers.js")
BACKDROP_JS = static_url("map/backdrop.js")
GEO_DIR = STATIC_DIR / "geo"
OUTLINES_URL = static_url("geo/communes.geojson")
# Where the app publishes the data release (served at RELEASE_URL). `ECOSYSTEM_RELEASE_DIR` moves it for a
# process that serves nothing (the in-process app tests), so that it never overwrites a running server's copy.
RELEASE_DIR = Path(os.environ.get("ECOSYSTEM_RELEASE_DIR") or STATIC_DIR / "release")
RELEASE_URL = f"{STATIC_URL}/release"
