"""Directory: the filtered actors as a sortable table; a selected row opens its profile."""

import streamlit as st

from ecosystem import ui
from ecosystem.exports import build_export_csv, build_export_xlsx
from ecosystem.share import describe_filters
from ecosystem.views import build_directory_columns, build_directory_table, measure_table_height

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
        height=measure_table_height(len(table)),
        placeholder="",
        on_select="rerun",
        selection_mode="single-row",
        key="directory_table",
        column_config=ui.build_column_config(build_directory_columns(dataset, lang)),
    )
    provenance, dictionary = page.provenance, ui.load_cached_dictionary(dataset.data_dir, lang)
    filter_words = describe_filters(page.state.filters, dataset, lang)
    left, right = st.columns(2)
    left.download_button(
        page.t("download_csv"),
        data=lambda: build_export_csv(dataset, actors, lang),
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
    ui.render_suggestion_form(page)
    row = ui.take_selected_row(event, "directory_table")
    if row is not None:
        ui.go_to_actor(page, table.index[row])
