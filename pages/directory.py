"""Directory: the filtered actors as a sortable table; a selected row opens its profile."""

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.exports import build_export_csv, build_export_xlsx
from ecosystem.share import describe_filters
from ecosystem.views import REGISTRY, REGISTRY_DISPLAY, build_directory_table

page = ui.page_setup()
if page:
    lang, actors, dataset = page.lang, page.filtered, page.dataset
    st.title(page.t("page_directory"))
    st.caption(page.t("showing", shown=len(actors), total=len(dataset.actors)) + " · " + page.t("directory_hint"))
    table = build_directory_table(dataset, actors, lang)
    event = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="directory_table",
        column_config={
            C.NAME: st.column_config.TextColumn(page.t("col_name"), pinned=True),
            C.TYPE: page.t("col_type"),
            C.AREAS: st.column_config.ListColumn(page.t("col_areas")),
            C.MODALITIES: st.column_config.ListColumn(page.t("col_modalities")),
            C.CITY: page.t("col_city"),
            C.FOUNDED: st.column_config.NumberColumn(page.t("col_founded"), format="%d"),
            C.STATUS: page.t("col_status"),
            C.STAGE: page.t("col_stage"),
            REGISTRY: st.column_config.LinkColumn(page.t("col_identifiers"), display_text=REGISTRY_DISPLAY),
        },
    )
    provenance, dictionary = page.provenance, ui.load_cached_dictionary(dataset.data_dir)
    filter_words = describe_filters(page.state.filters, dataset, lang)
    left, right = st.columns(2)
    left.download_button(
        page.t("download_csv"),
        data=lambda: build_export_csv(dataset, actors),
        file_name="marseille-immunology-actors.csv",
        mime="text/csv",
        icon=":material/download:",
    )
    right.download_button(
        page.t("download_xlsx"),
        data=lambda: build_export_xlsx(dataset, actors, dictionary, provenance, filter_words, lang),
        file_name="marseille-immunology-actors.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table:",
    )
    row = ui.take_selected_row(event, "directory_table")
    if row is not None:
        ui.go_to_actor(page, table.index[row])
