"""Map: every filtered actor as a marker; clicking one shows its card beside the map (below it on a phone).

With `?embed=true` (a news site's iframe): the map, its legend and a one-line caption, nothing else.
"""

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem import vocabularies as V
from ecosystem.formatting import format_count, format_day
from ecosystem.mapdownload import build_map_download
from ecosystem.maps import EMBED_MAP_HEIGHT, PAGE_MAP_HEIGHT, build_map_spec
from ecosystem.markers import find_member_sites
from ecosystem.views import escape_markdown
from ecosystem.vocabularies import TYPES

# The sidebar is drawn after the map; on a session's first run, the sidebar's widgets and the download button
# come once the map has painted its markers: the map is on screen first. (The page's HTML asked for the map's
# files before Streamlit's scripts ran: `ecosystem.shell`.)
page = ui.page_setup(sidebar_later=True)
if page and page.embedded:
    lang, dataset = page.lang, page.dataset
    view, outside = ui.get_map_view(page, fit_all=False)
    markers = ui.get_marker_data(page)
    legend = page.t("map_legend")
    spec = build_map_spec(markers, dataset.taxonomy, lang, view=view, legend_title=legend, height=EMBED_MAP_HEIGHT)
    ui.show_map(spec, "map")
    date = format_day(dataset.data_as_of, lang)
    count = format_count(markers.count, lang)
    outside = page.t("embed_outside", count=format_count(outside, lang)) if outside else ""
    st.caption(page.t("embed_caption", count=count, outside=outside, date=date, url=page.view_url()))
elif page:
    lang, dataset = page.lang, page.dataset
    st.title(page.t("page_map"))
    fit_all = ui.map_fits_all()
    view, outside = ui.get_map_view(page, fit_all)

    info, action = st.columns([3, 1], vertical_alignment="center")
    markers = ui.get_marker_data(page)
    info.caption(page.t("map_markers", count=markers.count) + " · " + page.t("map_click_hint"))
    if fit_all:
        action.button(page.t("map_back_marseille"), on_click=ui.set_map_fit_all, args=(False,))
    elif outside:
        info.caption(page.t("map_outside", count=outside))
        action.button(page.t("map_fit_all", count=len(page.ids)), on_click=ui.set_map_fit_all, args=(True,))

    # The card takes a column only when an actor is selected: otherwise the map spans the page.
    actor = dataset.find_actor(page.state.actor)
    if actor is None:
        map_column, card_column = st.container(), None
    else:
        map_column, card_column = st.columns([3, 1])
    with map_column:
        # One key for the page's life: the browser keeps the map open and redraws only what changed.
        spec = build_map_spec(
            markers,
            dataset.taxonomy,
            lang,
            view=view,
            selected=page.state.actor,
            legend_title=page.t("map_legend"),
            height=PAGE_MAP_HEIGHT,
            clickable=True,
        )
        ui.show_map(spec, "map", dataset, report_drawn=page.waits_for_map)
        # On a session's first run, the download comes with the sidebar, once the map is drawn (under the map,
        # it moves nothing; the button above stays, as it would push the map down on a phone).
        if not page.waits_for_map:
            st.download_button(
                page.t("download_map_html"),
                data=lambda: build_map_download(
                    markers,
                    dataset.taxonomy,
                    lang,
                    view=view,
                    legend_title=page.t("map_legend"),
                    title=page.t("app_title"),
                    provenance=page.provenance,
                ),
                file_name="marseille-immunology-map.html",
                mime="text/html",
                icon=":material/download:",
                on_click="ignore",
            )
    if card_column is not None and actor is not None:
        with card_column, st.container(border=True):
            st.subheader(escape_markdown(actor[C.NAME]), anchor=False)
            st.caption(dataset.taxonomy.label(TYPES, actor[C.TYPE], lang))
            st.text(actor[f"description_{lang}"])
            st.caption(", ".join(dataset.taxonomy.labels(V.AREAS, actor[C.AREAS], lang)))
            if sites := find_member_sites(dataset, actor[C.ID]):
                st.caption(page.t("map_member_sites", sites=escape_markdown(", ".join(sites))))
            ui.page_link(page, "actor", label=page.t("open_profile"), actor=actor[C.ID])
            st.button(page.t("close_card"), key="close_card", on_click=ui.close_card, args=(dataset,))
    ui.render_sidebar(page)
