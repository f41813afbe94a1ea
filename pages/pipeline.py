"""Pipeline: the companies' programmes by phase; a click on a phase filters the table; registry links; exports."""

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.exports import build_listing_csv, build_table_xlsx
from ecosystem.pipeline import (
    STACK_LABELS,
    build_phase_figure,
    build_phase_points,
    build_phase_table,
    build_programme_columns,
    build_programme_export,
    build_programme_table,
    describe_pipeline,
    filter_by_text,
    list_choices,
    select_programmes,
)
from ecosystem.share import describe_filters
from ecosystem.views import measure_table_height

PROGRAMMES = "programmes"

page = ui.page_setup()
if page:
    lang, dataset = page.lang, page.dataset
    st.title(page.t("page_pipeline"))
    st.caption(page.t("pipeline_intro"))
    stage = dataset.schema.facet_name(C.STAGE)
    chosen_phases = page.state.filters.selected(stage)
    every_phase = select_programmes(dataset, page.state.filters.without(stage))

    st.subheader(page.t("chart_pipeline_title"), divider="gray")
    st.markdown(describe_pipeline(every_phase, dataset.taxonomy, lang))
    by = st.segmented_control(
        page.t("pipeline_stack_by"),
        options=list(STACK_LABELS),
        default="modality",
        format_func=lambda item: page.t(STACK_LABELS[item]),
        key="pipeline_stack",
    )
    by = by or "modality"
    points = build_phase_points(every_phase, dataset.taxonomy, lang, by=by)
    st.caption(page.t("pipeline_hint"))
    ui.render_phase_funnel(
        page, build_phase_figure(points, dataset.taxonomy, lang, by=by, selected=chosen_phases, titled=False)
    )
    ui.render_chart_data(
        page,
        build_phase_table(points, dataset.taxonomy, lang, by=by),
        key="phases",
        file_name="programmes-by-phase.csv",
    )

    st.subheader(page.t("section_programmes"), divider="gray")
    shown = select_programmes(dataset, page.state.filters)
    left, right = st.columns(2)
    targets = left.multiselect(
        page.t("filter_target"), list_choices(shown, C.TARGET), key="pipeline_target", placeholder=page.t("choose")
    )
    names = dataset.names()
    partners = right.multiselect(
        page.t("filter_partner"),
        list_choices(shown, C.PARTNER_ID),
        format_func=lambda item: names.get(item, item),
        key="pipeline_partner",
        placeholder=page.t("choose"),
    )
    shown = filter_by_text(filter_by_text(shown, C.TARGET, targets), C.PARTNER_ID, partners)
    st.caption(page.t("programmes_shown", shown=len(shown), total=len(dataset.programmes)))
    table = build_programme_table(dataset, shown, lang, lambda actor: page.view_url("actor", actor=actor))
    columns = build_programme_columns(lang)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=measure_table_height(len(table)),
        placeholder="",
        key="pipeline_table",
        column_config=ui.build_column_config(columns),
        column_order=[column.column for column in columns],
    )
    export = build_programme_export(dataset, shown, lang)
    provenance = page.provenance
    filter_words = describe_filters(page.state.filters, dataset, lang)
    dictionary = ui.load_cached_dictionary(dataset.data_dir, lang, PROGRAMMES)
    left, right = st.columns(2)
    left.download_button(
        page.t("download_programmes_csv"),
        data=lambda: build_listing_csv(export),
        file_name="marseille-immunology-programmes.csv",
        mime="text/csv",
        icon=":material/download:",
    )
    right.download_button(
        page.t("download_programmes_xlsx"),
        data=lambda: build_table_xlsx(export, PROGRAMMES, dictionary, provenance, filter_words, lang),
        file_name="marseille-immunology-programmes.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table:",
    )
