"""Map: every filtered actor as a marker; clicking one shows its card beside the map."""

import streamlit as st
from streamlit_folium import st_folium

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.maps import build_map, build_marseille_view, build_view, count_outside, find_clicked_actor
from ecosystem.urlstate import with_actor
from ecosystem.views import escape_markdown, find_actor

FIT_ALL_KEY = "map_fit_all"
LAST_CLICK_KEY = "map_last_click"

page = ui.page_setup()
if page:
    lang, actors, dataset = page.lang, page.filtered, page.dataset
    st.title(page.t("page_map"))
    fit_all = st.session_state.get(FIT_ALL_KEY, False)
    marseille = build_marseille_view(dataset.actors)
    view = build_view(actors) if fit_all else marseille
    outside = count_outside(actors, view)

    info, action = st.columns([3, 1])
    info.caption(
        page.t("map_markers", count=len(actors.dropna(subset=[C.LAT, C.LON]))) + " · " + page.t("map_click_hint")
    )
    if fit_all:
        action.button(page.t("map_back_marseille"), on_click=lambda: st.session_state.update({FIT_ALL_KEY: False}))
    elif outside:
        info.caption(page.t("map_outside", count=outside))
        action.button(
            page.t("map_fit_all", count=len(actors)), on_click=lambda: st.session_state.update({FIT_ALL_KEY: True})
        )

    map_column, card_column = st.columns([3, 1])
    with map_column:
        fmap = build_map(
            actors, dataset.taxonomy, lang, view=view, selected=page.state.actor, legend_title=page.t("map_legend")
        )
        returned = st_folium(
            fmap,
            key=f"actors_map_{'all' if fit_all else 'marseille'}",
            height=560,
            use_container_width=True,
            returned_objects=["last_object_clicked_tooltip"],
        )
    clicked = (returned or {}).get("last_object_clicked_tooltip")
    selected = page.state.actor
    if clicked and clicked != st.session_state.get(LAST_CLICK_KEY):
        st.session_state[LAST_CLICK_KEY] = clicked
        selected = find_clicked_actor(clicked, dataset.actors) or selected
        if selected != page.state.actor:
            ui.write_state(with_actor(page.state, selected), dataset)

    actor = find_actor(dataset.actors, selected)
    with card_column:
        if actor is not None:
            with st.container(border=True):
                st.subheader(escape_markdown(actor[C.NAME]), anchor=False)
                st.caption(dataset.taxonomy.label("types", actor[C.TYPE], lang))
                st.text(actor[f"description_{lang}"])
                st.caption(", ".join(dataset.taxonomy.labels("areas", actor[C.AREAS], lang)))
                st.page_link(
                    "pages/actor.py",
                    label=page.t("open_profile"),
                    icon=":material/person_search:",
                    query_params=ui.link_params(page, actor=actor[C.ID]),
                )
                st.button(
                    page.t("close_card"),
                    key="close_card",
                    on_click=lambda: ui.write_state(with_actor(ui.current_state(), None), dataset),
                )
