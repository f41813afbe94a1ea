"""Network: the relations between the filtered actors; a click on a node opens its profile."""

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.network import build_relation_list, select_edges

page = ui.page_setup()
if page:
    dataset = page.dataset
    st.title(page.t("page_network"))
    ui.render_network(page)
    st.subheader(page.t("network_list"))
    edges = select_edges(dataset.relations, page.filtered[C.ID])
    table = build_relation_list(edges, dataset.actors, dataset.taxonomy, page.lang)
    ui.render_chart_data(page, table, key="relations", file_name="relations.csv", expanded=True)
