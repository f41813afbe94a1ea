"""Home: what this is, for whom, the headline figures, two charts and the biocluster's goals."""

import streamlit as st

from ecosystem import ui
from ecosystem.charts import build_type_chart
from ecosystem.formatting import format_count, format_day
from ecosystem.views import build_headline_figures

page = ui.page_setup()
if page:
    lang, actors, dataset = page.lang, page.filtered, page.dataset
    st.title(page.t("app_title"))
    st.markdown(page.t("home_intro"))
    st.caption(page.t("home_audience"))
    st.caption(page.t("data_as_of", date=format_day(dataset.data_as_of, lang)))

    figures = build_headline_figures(dataset, actors, lang)
    for column, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(label, format_count(value, lang))

    links = st.columns(3)
    for column, (key, label) in zip(
        links, (("map", "go_map"), ("directory", "go_directory"), ("actor", "go_actor")), strict=True
    ):
        ui.page_link(page, key, label=page.t(label), container=column)

    if len(actors):
        left, right = st.columns([2, 3])
        left.plotly_chart(
            build_type_chart(actors, dataset.taxonomy, lang, title=page.t("chart_by_type"), axis=page.t("count")),
            width="stretch",
            config={"displayModeBar": False},
        )
        with right:
            ui.render_matrix(page, key="home_matrix", with_data=False)
            ui.page_link(page, "insights", label=page.t("matrix_link"))
    else:
        st.info(page.t("no_results"))

    ui.render_goals(page)
