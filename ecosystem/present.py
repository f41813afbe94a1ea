"""The presentation's logic: its scenes, their order and timing, and what each shows.

Plain functions, so the sequence, the URL parsing and the scene contents are
tested without Streamlit; pages/present.py only draws them.
"""

import math
import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .filters import F2030
from .load import Dataset
from .navigation import get_page
from .share import build_public_url
from .taxonomy import Taxonomy
from .urlstate import INTERVAL, SCENE, ViewState, encode_state


@dataclass(frozen=True)
class Scene:
    """A scene of the show: its name (its title in the catalogue is "scene_<name>", its drawing in the page's
    `DRAW`), the registered page that tells more, and the flags that page opens with."""

    name: str
    page: str
    flags: tuple[str, ...] = ()


# The show, in order. A new scene is one line here, its title and lead in the catalogue, and its drawing.
REGISTRY = (
    Scene("opening", "home"),
    Scene("figures", "home"),
    Scene("map", "map"),
    Scene("matrix", "insights"),
    Scene("pipeline", "pipeline"),
    Scene("history", "insights"),
    Scene("funding", "funding"),
    Scene("laureates", "directory", (F2030,)),
    Scene("network", "network"),
    Scene("closing", "map"),
)
SCENES = tuple(scene.name for scene in REGISTRY)
SCENE_LINKS: dict[str, tuple[str, tuple[str, ...]]] = {scene.name: (scene.page, scene.flags) for scene in REGISTRY}
DEFAULT_INTERVAL = 20  # seconds per scene; 0 keeps the current scene until someone moves on
MIN_INTERVAL = 5  # shorter would not leave time to read
MAX_INTERVAL = 600

# Landmarks: the kinds of event and of actor that make the story (taxonomy `landmark` columns),
# and the rounds large enough to tell.
LANDMARK = "landmark"
LANDMARK_MIN_EUR = 40_000_000
LANDMARK_ORIGINS = 2
LANDMARK_YEARS = 50
LANDMARK_LIMIT = 12


@dataclass(frozen=True)
class Show:
    """Where the presentation is: scene number (1-based) and seconds per scene (0: manual)."""

    scene: int = 1
    interval: int = DEFAULT_INTERVAL
    paused: bool = False

    @property
    def name(self) -> str:
        return SCENES[self.scene - 1]

    @property
    def advances(self) -> bool:
        return self.interval > 0 and not self.paused


def _first(params: dict, key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return None if value is None else str(value).strip()


def parse_scene(raw: str | None, count: int = len(SCENES)) -> tuple[int, bool]:
    """(scene number, whether `raw` was usable): a number 1..count or a scene name; else scene 1."""
    if raw is None or raw == "":
        return 1, True
    if raw in SCENES[:count]:
        return SCENES.index(raw) + 1, True
    if re.fullmatch(r"\d{1,4}", raw) and 1 <= int(raw) <= count:
        return int(raw), True
    return 1, False


def parse_interval(raw: str | None) -> tuple[int, bool]:
    """(seconds per scene, whether `raw` was usable): 0 for manual, else clamped to MIN..MAX."""
    if raw is None or raw == "":
        return DEFAULT_INTERVAL, True
    try:
        seconds = float(raw)
    except ValueError:
        return DEFAULT_INTERVAL, False
    if not math.isfinite(seconds) or seconds < 0:
        return DEFAULT_INTERVAL, False
    if seconds == 0:
        return 0, True
    return int(min(MAX_INTERVAL, max(MIN_INTERVAL, round(seconds)))), True


def parse_show(params: dict) -> tuple[Show, list[str]]:
    """The show asked for by the URL, and the `key=value` items that were ignored."""
    ignored = []
    scene, ok = parse_scene(_first(params, SCENE))
    if not ok:
        ignored.append(f"{SCENE}={_first(params, SCENE)}")
    interval, ok = parse_interval(_first(params, INTERVAL))
    if not ok:
        ignored.append(f"{INTERVAL}={_first(params, INTERVAL)}")
    return Show(scene=scene, interval=interval), ignored


def encode_show(show: Show) -> dict[str, str]:
    """URL parameters for `show` (the default interval is left out)."""
    params = {SCENE: str(show.scene)}
    if show.interval != DEFAULT_INTERVAL:
        params[INTERVAL] = str(show.interval)
    return params


def next_scene(show: Show, count: int = len(SCENES)) -> Show:
    """The following scene; after the last, the first again (the show loops)."""
    return Show(scene=show.scene % count + 1, interval=show.interval, paused=show.paused)


def previous_scene(show: Show, count: int = len(SCENES)) -> Show:
    return Show(scene=(show.scene - 2) % count + 1, interval=show.interval, paused=show.paused)


def toggle_pause(show: Show) -> Show:
    return Show(scene=show.scene, interval=show.interval, paused=not show.paused)


# --- the QR code to the live view ---------------------------------------------------------------


def build_live_url(base_url: str | None, path: str = "", params: dict[str, str] | None = None) -> str | None:
    """The public link to a view (the same as every other link the app prints), or None without a public base.

    A laptop presenting from localhost must never print a QR code that points to itself.
    """
    if not base_url:
        return None
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.hostname in ("localhost", "127.0.0.1", "0.0.0.0", "::1") or parts.hostname.endswith(".local"):
        return None
    return build_public_url(base_url.strip(), path, params or {})


def build_scene_url(base_url: str | None, scene: str, state: ViewState, dataset: Dataset) -> str | None:
    """The public link a scene's QR code gives: its page in `SCENE_LINKS`, with the show's view and filters."""
    key, flags = SCENE_LINKS[scene]
    view = replace(state, filters=state.filters.with_flags(*flags))
    return build_live_url(base_url, get_page(key).url_path, encode_state(view, dataset))


def build_qr_data_uri(url: str) -> str:
    """A QR code for `url` as an SVG data URI (black on white with its quiet zone; scales without blur)."""
    import segno  # here: only the presentation draws a QR code

    # no fixed size, a viewBox: the image scales to the box the scene gives it
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#000000", light="#ffffff", border=4, omitsize=True)


# --- what the scenes show --------------------------------------------------------------------


def _year(value: str) -> int | None:
    match = re.match(r"(\d{4})", str(value or ""))
    return int(match.group(1)) if match else None


def select_landmarks(
    milestones: pd.DataFrame,
    actors: pd.DataFrame,
    taxonomy: Taxonomy,
    *,
    until_year: int,
    years: int = LANDMARK_YEARS,
    limit: int = LANDMARK_LIMIT,
) -> pd.DataFrame:
    """The landmark events of the story, oldest first, at most `limit`.

    Candidates: events of labs, companies and France 2030 projects within `years` of `until_year`,
    the first of each kind per actor: acquisitions, clinical milestones, rounds and awards of at
    least LANDMARK_MIN_EUR (the years are counted back from `until_year`, that year included). A founding is kept for the ORIGINS oldest ones and for actors that made
    news afterwards. Past `limit`, the largest stated amounts stay, then the acquisitions and
    clinical steps, then the oldest events.
    """
    types = dict(zip(actors[C.ID], actors[C.TYPE], strict=True))
    roles = {kind: taxonomy.row(V.MILESTONE_KINDS, kind).get(C.ROLE, "") for kind in taxonomy.ids(V.MILESTONE_KINDS)}
    events = milestones.copy()
    events["_year"] = events[C.DATE].map(_year)
    events = events[
        events["_year"].notna()
        & (events["_year"] >= until_year - years)
        & (events["_year"] <= until_year)
        & events[C.ACTOR_ID].map(types).isin(taxonomy.ids_where(V.TYPES, LANDMARK))
        & events[C.KIND].isin(taxonomy.ids_where(V.MILESTONE_KINDS, LANDMARK))
    ]
    role = events[C.KIND].map(roles).fillna("")
    amount = pd.to_numeric(events[C.AMOUNT_EUR], errors="coerce").fillna(0)
    small = role.isin([C.ROLE_FUNDING, C.ROLE_AWARD]) & (amount < LANDMARK_MIN_EUR)
    events = events[~small].sort_values(C.DATE, kind="stable").drop_duplicates([C.ACTOR_ID, C.KIND], keep="first")
    role = role.reindex(events.index)
    founded = role == C.ROLE_FOUNDING
    news = ~founded
    origins = events[founded].head(LANDMARK_ORIGINS).index
    made_news = founded & events[C.ACTOR_ID].isin(set(events.loc[news, C.ACTOR_ID]))
    events = events[news | made_news | events.index.isin(origins)]
    if len(events) > limit:
        rank = pd.DataFrame(
            {
                "origin": events.index.isin(origins),
                "amount": amount.reindex(events.index),
                "step": role.isin([C.ROLE_ACQUISITION, C.ROLE_CLINICAL]),
                "date": events[C.DATE],
            },
            index=events.index,
        )
        ranked = rank.sort_values(["origin", "amount", "step", "date"], ascending=[False, False, False, True])
        events = events.loc[ranked.index[:limit]]
    return events.drop(columns="_year").sort_values(C.DATE, kind="stable").reset_index(drop=True)


def select_laureates(actors: pd.DataFrame) -> pd.DataFrame:
    """The France 2030 laureates, by name: the biocluster itself, IHUs, RHUs and companies."""
    return actors[actors[C.FRANCE2030] != ""].sort_values(C.NAME, kind="stable").reset_index(drop=True)


def shorten(text: str, limit: int = 70) -> str:
    """A name that fits one line on a slide: cut at a word, with an ellipsis."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-(")
    return cut + "…"


@dataclass(frozen=True)
class Landmark:
    """One line of the history scene: 2021 · HalioDx · Veracyte agrees to acquire HalioDx (about 260 M EUR)."""

    year: str
    actor: str
    text: str


def build_landmark_lines(events: pd.DataFrame, actors: pd.DataFrame, lang: str) -> list[Landmark]:
    """The landmarks in the reader's language, each with the actor it concerns."""
    names = dict(zip(actors[C.ID], actors[C.ACRONYM].where(actors[C.ACRONYM] != "", actors[C.NAME]), strict=True))
    title = C.TITLE_FR if lang == "fr" else C.TITLE_EN
    return [
        Landmark(
            year=str(row[C.DATE])[:4],
            actor=shorten(names.get(row[C.ACTOR_ID], row[C.ACTOR_ID]), 40),
            text=shorten(row[title], 150),
        )
        for _, row in events.iterrows()
        if str(row[title] or "").strip()  # an event told only in the other language stays off the scene
    ]
