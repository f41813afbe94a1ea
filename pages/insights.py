"""Insights: the filtered actors in four charts, each with its takeaway, its table and a CSV download."""

import streamlit as st

from ecosystem import ui
from ecosystem.insights import (
    build_founding_figure,
    build_founding_points,
    build_founding_table,
    build_stage_figure,
    build_stage_points,
    build_stage_table,
    build_timeline_figure,
    build_timeline_points,
    build_timeline_table,
    describe_founding,
    describe_stages,
    describe_timeline,
)

NO_BAR = {"displayModeBar": False}  # plotly's tool bar would cover titles and takeaways

page = ui.page_setup()
if page:
    lang, actors, dataset = page.lang, page.filtered, page.dataset
    taxonomy = dataset.taxonomy
    st.title(page.t("page_insights"))
    st.caption(page.t("insights_intro") + " " + page.t("showing", shown=len(actors), total=len(dataset.actors)))

    st.subheader(page.t("chart_matrix_title"), divider="gray")
    ui.render_matrix(page, key="insights_matrix", titled=False)

    st.subheader(page.t("chart_stage_title"), divider="gray")
    stages = build_stage_points(actors, taxonomy, lang)
    st.markdown(describe_stages(stages, taxonomy, lang))
    st.plotly_chart(
        build_stage_figure(stages, taxonomy, lang, titled=False), width="stretch", key="stage_chart", config=NO_BAR
    )
    ui.render_chart_data(page, build_stage_table(stages, lang), key="stage", file_name="stages-by-type.csv")

    st.subheader(page.t("chart_founding_title"), divider="gray")
    founding = build_founding_points(actors, taxonomy, lang)
    st.markdown(describe_founding(founding, lang))
    st.plotly_chart(
        build_founding_figure(founding, taxonomy, lang, titled=False),
        width="stretch",
        key="founding_chart",
        config=NO_BAR,
    )
    ui.render_chart_data(page, build_founding_table(founding, lang), key="founding", file_name="founding-years.csv")

    st.subheader(page.t("chart_timeline_title"), divider="gray")
    timeline = build_timeline_points(dataset.milestones, actors, taxonomy, lang)
    st.markdown(describe_timeline(timeline, taxonomy, lang))
    st.plotly_chart(
        build_timeline_figure(timeline, taxonomy, lang, titled=False),
        width="stretch",
        key="timeline_chart",
        config=NO_BAR,
    )
    ui.render_chart_data(page, build_timeline_table(timeline, lang), key="timeline", file_name="milestones.csv")
