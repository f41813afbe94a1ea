"""Map building: local assets only, one marker per actor, views, clicks and hostile names."""

import json

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem import maps
from ecosystem.filters import Filters, filter_actors
from ecosystem.mapfile import build_map, build_marker_layer
from ecosystem.maps import (
    ACTOR_ZOOM,
    View,
    build_actor_map_spec,
    build_home_view,
    build_map_spec,
    build_symbol_svg,
    build_view,
    count_outside,
)
from ecosystem.markers import (
    build_marker_data,
    build_marker_rows,
    find_member_sites,
    list_member_sites,
    read_marker_layers,
    read_marker_rows,
    short_label,
)
from tests.conftest import ROOT


def render(fmap) -> str:
    return fmap.get_root().render()


def test_no_cdn_in_map(mini):
    html = render(build_map(mini.actors, mini.taxonomy, "en", view=None))
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "netdna", "bootstrapcdn", "unpkg"):
        assert cdn not in html
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "/app/static/vendor/markercluster/leaflet.markercluster.js" in html
    assert "/app/static/map/markers.js" in html


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(type=frozenset({"biotech"})), Filters(scope="elsewhere"), Filters(q="zebra")],
)
def test_one_marker_per_actor(mini, filters):
    actors = filter_actors(mini, filters)
    html = render(build_map(actors, mini.taxonomy, "en", view=None))
    rows = read_marker_rows(html)
    assert sorted(row[0] for row in rows) == sorted(actors[C.ID])
    assert html.count("L.ecosystemMarkers(") == 1
    assert "L.marker(" not in html  # markers are built in the browser, not sent one by one


def test_marker_rows_carry_position_type_and_name(mini):
    html = render(build_map(mini.actors, mini.taxonomy, "en", view=None))
    types = mini.taxonomy.ids("types")
    by_id = {row[0]: row for row in read_marker_rows(html)}
    for actor in mini.actors.itertuples():
        row = by_id[actor.id]
        assert row[1:3] == pytest.approx([actor.lat, actor.lon], abs=1e-5)
        assert types[row[3]] == actor.type
        assert row[4] == actor.name


def test_unlocated_actors_and_unknown_types(mini):
    actors = mini.actors.copy()
    actors.iloc[0, actors.columns.get_loc(C.LAT)] = None
    actors.iloc[1, actors.columns.get_loc(C.TYPE)] = "not-a-type"
    rows = {row[0]: row for row in build_marker_rows(actors, mini.taxonomy.ids("types"))}
    assert actors.iloc[0][C.ID] not in rows
    assert rows[actors.iloc[1][C.ID]][3] == len(mini.taxonomy.ids("types"))  # the grey fallback
    assert len(rows) == len(actors) - 1


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Short", "Short"),
        ("  spaced\n out  ", "spaced out"),
        ("x" * 48, "x" * 48),
        ("x" * 60, "x" * 47 + "…"),
        ("", ""),
    ],
)
def test_short_label(name, label):
    assert short_label(name) == label


def test_selected_actor_is_passed_to_the_browser(mini):
    html = render(build_map(mini.actors, mini.taxonomy, "en", view=None, selected="beta-bio"))
    [(_, options)] = read_marker_layers(html)
    assert options["selected"] == "beta-bio"
    assert options["selectedSize"] > options["size"]


def test_marker_bytes_per_actor(mini):
    """The compact rows stay far below a folium Marker's kilobyte per actor."""
    data = build_marker_data(mini.actors, mini.taxonomy.ids("types"))
    assert len(data.rows_json.encode()) / data.count < 100


def test_vendor_files_exist():
    from ecosystem.config import ROOT
    from ecosystem.mapfile import MarkerLayer
    from ecosystem.maps import vendor_assets

    for group in [*vendor_assets().values(), MarkerLayer.default_js, MarkerLayer.default_css]:
        for _, url in group:
            assert (ROOT / url.removeprefix("/app/")).is_file(), url


@pytest.mark.parametrize("name", ['<img src=x onerror="alert(1)">', "</script><script>alert(1)</script>", "A & B"])
def test_hostile_name_stays_data(mini, name):
    actors = mini.actors.copy()
    actors.iloc[0, actors.columns.get_loc(C.NAME)] = name
    html = render(build_map(actors.iloc[:1], mini.taxonomy, "en", view=None))
    assert "<img src=x" not in html
    assert "</script><script>" not in html
    assert read_marker_rows(html)[0][4] == name  # intact once decoded; the browser escapes it for display


def _spec(mini, actors=None, **kwargs):
    actors = mini.actors if actors is None else actors
    data = maps.build_marker_data(actors, mini.taxonomy)
    return build_map_spec(data, mini.taxonomy, "en", view=None, **kwargs)


def test_map_spec_asks_only_for_shipped_files(mini):
    """Every script and stylesheet of the app's map is a local file that exists: no CDN, nothing missing."""
    spec = _spec(mini)
    urls = spec["assets"]["css"] + [url for group in spec["assets"]["js"] for url in group]
    urls.append(spec["backdrop"]["outlinesUrl"])
    for url in urls:
        assert url.startswith("/app/static/"), url
        assert (ROOT / url.removeprefix("/app/")).is_file(), url
    first, *later = spec["assets"]["js"]
    assert first == ["/app/static/vendor/leaflet/leaflet.js"]  # what the others need loads first
    assert "/app/static/map/markers.js" in later[-1]


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(type=frozenset({"biotech"})), Filters(scope="elsewhere"), Filters(q="zebra")],
)
def test_map_spec_has_one_row_per_located_actor(mini, filters):
    actors = filter_actors(mini, filters)
    spec = _spec(mini, actors)
    rows = json.loads(spec["rows"])
    assert sorted(row[0] for row in rows) == sorted(actors.dropna(subset=[C.LAT, C.LON])[C.ID])
    assert json.loads(json.dumps(spec)) == spec  # plain JSON, as the component receives it


def test_map_spec_keeps_hostile_names_as_text(mini):
    actors = mini.actors.copy()
    actors.iloc[0, actors.columns.get_loc(C.NAME)] = "</script><img src=x onerror=alert(1)>"
    text = json.dumps(_spec(mini, actors))
    assert "<img" not in text
    assert "</script>" not in text
    assert json.loads(_spec(mini, actors)["rows"])[0][4].startswith("</script><img")


@pytest.mark.parametrize(("selected", "clickable"), [(None, False), ("beta-bio", True)])
def test_map_spec_carries_selection_and_clicks(mini, selected, clickable):
    spec = _spec(mini, selected=selected, clickable=clickable)
    assert spec["options"]["selected"] == selected
    assert spec["clickable"] is clickable


def test_actor_map_spec_zooms_on_the_one_actor(mini):
    spec = build_actor_map_spec(mini.actors, "beta-bio", mini.taxonomy, "en")
    assert [row[0] for row in json.loads(spec["rows"])] == ["beta-bio"]
    assert spec["options"]["selected"] == "beta-bio"
    assert spec["maxZoom"] == ACTOR_ZOOM
    south, west = spec["view"][0]
    assert south < mini.actors.loc["beta-bio", C.LAT]
    assert west < mini.actors.loc["beta-bio", C.LON]
    assert json.loads(build_actor_map_spec(mini.actors, "no-such-id", mini.taxonomy, "en")["rows"]) == []


def test_marseille_view_holds_marseille_actors_only(mini):
    view = build_home_view(mini.actors, mini.home_scope)
    marseille = mini.actors[mini.actors[C.SCOPE] == "marseille_area"]
    assert all(view.contains(lat, lon) for lat, lon in zip(marseille[C.LAT], marseille[C.LON], strict=True))
    assert count_outside(mini.actors, view) == 2  # the two Paris actors


@pytest.mark.parametrize(
    ("points", "view", "outside"),
    [
        ([(43.3, 5.4)], View(43.0, 5.0, 44.0, 6.0), 0),
        ([(43.3, 5.4), (48.8, 2.3)], View(43.0, 5.0, 44.0, 6.0), 1),
        ([(43.3, 5.4), (None, None)], View(43.0, 5.0, 44.0, 6.0), 0),
        ([(43.3, 5.4)], None, 0),
    ],
)
def test_count_outside(points, view, outside):
    frame = pd.DataFrame({C.LAT: [p[0] for p in points], C.LON: [p[1] for p in points]}, dtype=float)
    assert count_outside(frame, view) == outside


def test_build_view_pads_and_handles_empty(mini):
    view = build_view(mini.actors[mini.actors[C.ID] == "beta-bio"], padding=0.01)
    assert [view.south, view.west, view.north, view.east] == pytest.approx([43.22, 5.43, 43.24, 5.45])
    assert build_view(mini.actors.iloc[:0]) is None


def _declared_symbols() -> list[str]:
    """The marker symbols the descriptor allows for a type."""
    from ecosystem.schema import load_schema
    from tests.conftest import DATA

    field = next(f for f in load_schema(DATA).fields("types") if f["name"] == "symbol")
    return field["constraints"]["enum"]


@pytest.mark.parametrize("symbol", _declared_symbols())
def test_every_declared_symbol_has_a_distinct_drawing(symbol):
    from ecosystem.maps import SHAPES

    assert symbol in SHAPES
    svg = build_symbol_svg(symbol, "#123456")
    assert svg.startswith("<svg")
    assert "#123456" in svg
    others = [build_symbol_svg(other, "#123456") for other in _declared_symbols() if other != symbol]
    assert svg not in others


def test_bad_colour_falls_back():
    assert 'fill="#555555"' in build_symbol_svg("circle", "red;}</style>")


def test_legend_lists_only_shown_types(mini):
    actors = mini.actors[mini.actors[C.TYPE].isin(["biotech", "pharma"])]
    layer = build_marker_layer(build_marker_data(actors, mini.taxonomy.ids("types")), mini.taxonomy, "fr")
    options = json.loads(layer.options_json)
    legend = [options["types"][index][1] for index in options["legend"]]
    assert legend == ["Biotech", "Groupe pharmaceutique"]


@pytest.mark.parametrize(
    ("actor", "approximate"),
    [("beta-bio", False), ("epsilon-hospital", False), ("delta-pharma", True), ("mib", True)],
)
def test_marker_rows_flag_points_that_stand_for_an_area(mini, actor, approximate):
    """A district or city point is flagged, so the browser draws it dashed and the legend says why."""
    approximate_precisions = mini.taxonomy.ids_where("precisions", C.APPROXIMATE)
    rows = {row[0]: row for row in build_marker_rows(mini.actors, mini.taxonomy.ids("types"), approximate_precisions)}
    assert (len(rows[actor]) == 6 and rows[actor][5] == 1) is approximate


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "Dashed: at its district"), ("fr", "En tirets : au centre de son quartier")]
)
def test_legend_explains_approximate_points_only_when_shown(mini, lang, words):
    from ecosystem.maps import build_marker_data as build_for_map

    for rows, shown in ((mini.actors, True), (mini.actors.loc[["beta-bio"]], False)):
        layer = build_marker_layer(build_for_map(rows, mini.taxonomy), mini.taxonomy, lang)
        assert (words in json.loads(layer.options_json)["approximateLabel"]) is shown


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(type=frozenset({"biotech"})), Filters(scope="elsewhere"), Filters(q="zebra")],
)
def test_marker_index_picks_the_same_rows_as_building_them(mini, filters):
    """Rows encoded once per data version, then picked per filter, equal rows built for that filter."""
    from ecosystem.markers import select_marker_data

    actors = filter_actors(mini, filters)
    picked = select_marker_data(maps.build_marker_index(mini.actors, mini.taxonomy), actors[C.ID].tolist())
    assert picked == maps.build_marker_data(actors, mini.taxonomy)


def test_marker_index_on_the_real_data(real):
    from ecosystem.markers import select_marker_data

    index = maps.build_marker_index(real.actors, real.taxonomy)
    companies = real.actors[real.actors[C.TYPE].isin(["biotech", "pharma"])]
    assert select_marker_data(index, companies[C.ID].tolist()) == maps.build_marker_data(companies, real.taxonomy)
    assert select_marker_data(index, real.actors[C.ID].tolist()) == maps.build_marker_data(real.actors, real.taxonomy)


@pytest.mark.parametrize(
    ("scope", "fit_all", "outside"),
    [(None, False, 2), (None, True, 0), ("elsewhere", True, 0), ("nowhere", True, 0)],
)
def test_choose_map_view(mini, scope, fit_all, outside):
    """The territory's view, or one around every filtered actor; an empty filter keeps the territory's."""
    from ecosystem.maps import choose_map_view

    filtered = mini.actors if scope is None else mini.actors[mini.actors[C.SCOPE] == scope]
    view, left_out = choose_map_view(filtered, mini.actors, mini.home_scope, fit_all=fit_all)
    assert left_out == outside
    home = build_home_view(mini.actors, mini.home_scope)
    assert (view == home) is (not fit_all or filtered.empty)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Campus de Luminy / Parc scientifique et technologique de Luminy", "Campus de Luminy"),
        ("Palais du Pharo (and Jardin du Pharo), 58 boulevard Charles-Livon", "Palais du Pharo"),
        ("IHU Méditerranée Infection (building)", "IHU Méditerranée Infection"),
        ("Hôpital Nord (AP-HM), chemin des Bourrely", "Hôpital Nord"),
        ("Marseille", "Marseille"),
        ("  Hôpital de la   Timone ", "Hôpital de la Timone"),
        ("(only an aside)", "(only an aside)"),
        ("A very long place name that goes on and on without a break", "A very long place name that goe…"),
    ],
)
def test_short_place_name(name, short):
    from ecosystem.markers import short_place_name

    assert short_place_name(name) == short


def _groups(mini, actors=None):
    data = maps.build_marker_data(mini.actors if actors is None else actors, mini.taxonomy, mini.places)
    return {group.name: group for group in data.groups}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # place name: (its actors, whether the place stands for an area)
        (
            Filters(),
            {
                "South Campus": (("alpha-lab", "beta-bio"), False),
                "Paris": (("delta-pharma", "eta-fund"), True),
                "Marseille": (("mib", "zeta-cluster"), True),
                "North Campus": (("gamma-dx",), False),
            },
        ),
        (Filters(type=frozenset({"biotech"})), {"South Campus": (("beta-bio",), False)}),
        (Filters(scope="elsewhere"), {"Paris": (("delta-pharma", "eta-fund"), True)}),
        (Filters(q="zebra"), {}),
    ],
)
def test_actors_group_by_the_place_they_stand_at(mini, filters, expected):
    """Every actor drawn at a named place's point is in that place's group; one with its own address is in none."""
    groups = _groups(mini, filter_actors(mini, filters))
    assert {name: (tuple(sorted(g.ids)), g.approximate) for name, g in groups.items()} == expected
    assert "epsilon-hospital" not in {item for group in groups.values() for item in group.ids}


def test_a_group_counts_its_types_in_taxonomy_order(mini):
    types = mini.taxonomy.ids("types")
    south = _groups(mini)["South Campus"]
    assert south.mix == ((types.index("research_lab"), 1), (types.index("biotech"), 1))
    assert (south.lat, south.lon) == (43.23, 5.44)


def test_an_actor_with_its_own_point_leaves_its_site_group(mini):
    actors = mini.actors.copy()
    actors.loc["beta-bio", [C.LAT, C.LON]] = [43.2312, 5.4456]  # its building on the campus, not the campus's point
    assert _groups(mini, actors)["South Campus"].ids == ("alpha-lab",)


def test_groups_come_largest_first_and_travel_as_plain_rows(mini):
    data = maps.build_marker_data(mini.actors, mini.taxonomy, mini.places)
    counts = [len(group.ids) for group in data.groups]
    assert counts == sorted(counts, reverse=True)
    options = build_map_spec(data, mini.taxonomy, "fr", view=None)["options"]
    assert json.loads(json.dumps(options["groups"])) == options["groups"]
    by_name = {row[0]: row for row in options["groups"]}
    assert by_name["Paris"][3:] == [["delta-pharma", "eta-fund"], by_name["Paris"][4], 1]
    assert sum(count for _, count in by_name["Paris"][4]) == 2
    assert options["groupZoom"] < options["selectZoom"]
    assert "{name}" in options["groupName"]
    assert "{count}" in options["groupName"]


def test_without_places_no_actor_is_grouped(mini):
    """The profile's small map and the benchmark's synthetic actors (each at its own point) have no groups."""
    assert maps.build_marker_data(mini.actors, mini.taxonomy).groups == ()
    spec = build_actor_map_spec(mini.actors, "beta-bio", mini.taxonomy, "en")
    assert spec["options"]["groups"] == []
    assert spec["options"]["groupLegend"] == ""


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(type=frozenset({"biotech"})), Filters(scope="elsewhere"), Filters(q="zebra")],
)
def test_picked_groups_equal_groups_built_for_the_filter(mini, filters):
    from ecosystem.markers import select_marker_data

    actors = filter_actors(mini, filters)
    index = maps.build_marker_index(mini.actors, mini.taxonomy, mini.places)
    assert select_marker_data(index, actors[C.ID].tolist()) == maps.build_marker_data(
        actors, mini.taxonomy, mini.places
    )


def test_real_places_group_most_local_actors(real):
    """On the real data: the big sites are groups with their short names, and every actor stands in one."""
    data = maps.build_marker_data(real.actors, real.taxonomy, real.places)
    names = {group.name: len(group.ids) for group in data.groups}
    assert names["Campus de Luminy"] == int((real.actors[C.SITE] == "luminy").sum())
    assert names["Hôpital de la Timone"] == int((real.actors[C.SITE] == "timone").sum())
    placed_by_site = real.actors[C.SITE].isin(real.places[C.ID]) & real.actors[C.PRECISION].ne("address")
    assert sum(names.values()) == int(placed_by_site.sum())


@pytest.mark.parametrize(("lang", "words"), [("en", "Ring: the actors at one place"), ("fr", "Anneau : les acteurs")])
def test_legend_explains_the_place_rings_only_when_drawn(mini, lang, words):
    with_places = maps.build_marker_data(mini.actors, mini.taxonomy, mini.places)
    without = maps.build_marker_data(mini.actors, mini.taxonomy)
    assert words in build_map_spec(with_places, mini.taxonomy, lang, view=None)["options"]["groupLegend"]
    assert build_map_spec(without, mini.taxonomy, lang, view=None)["options"]["groupLegend"] == ""


@pytest.mark.parametrize("height", [300, maps.PAGE_MAP_HEIGHT, maps.EMBED_MAP_HEIGHT])
def test_map_height_in_pixels_or_following_the_window(mini, height):
    spec = _spec(mini, height=height)
    assert spec["height"] == height
    assert isinstance(height, int) or height.startswith("calc(100vh - ")
    assert spec["minHeight"] > 0


def _programme_frames():
    """A programme led from the north campus, whose members stand on campuses, in a district or elsewhere."""
    actors = pd.DataFrame(
        {
            C.ID: ["prog", "lab-a", "lab-b", "clinic", "firm", "far", "local-dx"],
            C.SCOPE: ["home", "home", "home", "home", "home", "away", "home"],
            C.SITE: ["north", "south", "south", "hospital", "north", "south", "district-9"],
        }
    )
    places = pd.DataFrame(
        {
            C.ID: ["north", "south", "hospital", "district-9"],
            C.NAME: ["North Campus / Science park", "South Campus", "City Hospital, 1 main street", "9th district"],
            C.PLACE_KIND: ["campus", "campus", "hospital", "district"],
        }
    )
    relations = pd.DataFrame(
        {
            C.SOURCE_ID: ["lab-a", "lab-b", "prog", "firm", "far", "local-dx", "clinic"],
            C.TARGET_ID: ["prog", "prog", "clinic", "prog", "prog", "prog", "lab-a"],
            C.KIND: [
                "member_of",
                "founding_member_of",
                "partner_of",
                "member_of",
                "member_of",
                "member_of",
                "partner_of",
            ],
        }
    )
    return actors, places, relations


@pytest.mark.parametrize(
    ("actor", "kinds", "sites"),
    [
        # two members on the south campus, a partner (linked from the programme's side) at the hospital;
        # the member on the lead site, the one elsewhere and the one at a district point are not named
        ("prog", ("member_of", "founding_member_of", "partner_of"), ("South Campus", "City Hospital")),
        ("prog", ("member_of",), ("South Campus",)),
        ("prog", ("operates",), ()),
        ("lab-a", ("partner_of",), ("City Hospital",)),
        ("nobody", ("member_of",), ()),
    ],
)
def test_member_sites_of_a_programme(actor, kinds, sites):
    actors, places, relations = _programme_frames()
    assert list_member_sites(actor, actors, places, relations, kinds, area_kinds=("district", "city")) == sites


def test_member_sites_on_the_real_data(real):
    # the biocluster is drawn at its lead institution's seat and names where its founding members work
    sites = find_member_sites(real, "mib")
    assert "Campus de Luminy" in sites
    assert "Institut Paoli-Calmettes" in sites
    assert find_member_sites(real, "innate-pharma") == ()  # a company on one site has no member sites
