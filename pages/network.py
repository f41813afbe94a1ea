"""Network: the relations between the filtered actors, or one actor's neighbourhood; a click on a node opens its profile."""

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.network import build_relation_list, select_edges

NEIGHBOURHOOD, WHOLE = "neighbourhood", "whole"

page = ui.page_setup()
if page:
    dataset = page.dataset
    st.title(page.t("page_network"))
    actor = dataset.find_actor(page.state.actor)
    centre = None
    if actor is not None:
        name = actor[C.NAME]
        linked = len(select_edges(dataset.relations, [actor[C.ID]]))
        if linked:
            labels = {
                NEIGHBOURHOOD: page.t("network_view_neighbourhood", name=name),
                WHOLE: page.t("network_view_whole"),
            }
            view = st.segmented_control(
                page.t("network_view"),
                list(labels),
                format_func=labels.get,
                default=NEIGHBOURHOOD,
                key=f"network_view_{actor[C.ID]}",
            )
            centre = actor[C.ID] if view != WHOLE else None
        else:
            st.info(page.t("network_neighbourhood_none", name=name))
    ui.render_network(page, centre=centre)
    st.subheader(page.t("network_list"))
    edges = select_edges(dataset.relations, [centre] if centre else page.filtered[C.ID])
    table = build_relation_list(edges, dataset.actors, dataset.taxonomy, page.lang)
    ui.render_chart_data(page, table, key="relations", file_name="relations.csv", expanded=True)
