"""Review desk (not in the menu): the curators' inbox behind a password, the patch to apply, what to re-check."""

import streamlit as st

from ecosystem import ui

page = ui.page_setup()
if page:
    st.title(page.t("page_review"))
    if ui.unlock_desk(page):
        ui.render_review_desk(page)
