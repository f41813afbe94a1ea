"""Home: what this is, for whom, the headline figures and the story in two charts."""

import streamlit as st

from ecosystem import ui
from ecosystem.charts import build_matrix_chart, build_type_chart
from ecosystem.formatting import format_count, format_day
from ecosystem.views import build_headline_figures

page = ui.page_setup()
if page:
    lang, actors, dataset = page.lang, page.filtered, page.dataset
    st.title(page.t("app_title"))
    st.markdown(page.t("home_intro"))
    st.caption(page.t("home_audience"))
    st.caption(page.t("data_as_of", date=format_day(dataset.data_as_of, lang)))

    figures = build_headline_figures(actors)
    for column, (key, value) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(page.t(key), format_count(value, lang))

    params = ui.link_params(page)
    links = st.columns(3)
    links[0].page_link("pages/map.py", label=page.t("go_map"), icon=":material/map:", query_params=params)
    links[1].page_link("pages/directory.py", label=page.t("go_directory"), icon=":material/list:", query_params=params)
    links[2].page_link("pages/actor.py", label=page.t("go_actor"), icon=":material/person_search:", query_params=params)

    if len(actors):
        left, right = st.columns(2)
        left.plotly_chart(
            build_type_chart(actors, dataset.taxonomy, lang, title=page.t("chart_by_type"), axis=page.t("count")),
            width="stretch",
        )
        right.plotly_chart(
            build_matrix_chart(actors, dataset.taxonomy, lang, title=page.t("chart_area_modality")),
            width="stretch",
        )
    else:
        st.info(page.t("no_results"))
