"""About the data: who is in and why, how to correct a row, what changed, what each column means."""

import streamlit as st

from ecosystem import ui
from ecosystem.about import SECTIONS

page = ui.page_setup()
if page:
    st.title(page.t("page_about"))
    about = ui.load_cached_about(page.dataset.data_dir, page.lang)
    for key, headings in SECTIONS.items():
        if key in about:
            st.header(headings[page.lang])
            st.markdown(about[key])
    st.header(page.t("data_dictionary"))
    st.dataframe(ui.load_cached_dictionary(page.dataset.data_dir), hide_index=True, width="stretch")
    st.caption(page.t("data_licence", licence=page.dataset.schema.licence_name))
