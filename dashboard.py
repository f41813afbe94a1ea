"""Entry point: `streamlit run dashboard.py`. Navigation with titles in the reader's language."""

import streamlit as st

from ecosystem import ui
from ecosystem.i18n import t

st.set_page_config(page_title="Marseille Immunology Ecosystem", page_icon=":material/biotech:", layout="wide")

ui.mark_entrypoint()
dataset, _ = ui.get_dataset()
lang = ui.sync_state(dataset).lang
navigation = st.navigation(
    [
        st.Page("pages/home.py", title=t("page_home", lang), icon=":material/home:", default=True),
        st.Page("pages/map.py", title=t("page_map", lang), icon=":material/map:", url_path="map"),
        st.Page("pages/directory.py", title=t("page_directory", lang), icon=":material/list:", url_path="directory"),
        st.Page("pages/actor.py", title=t("page_actor", lang), icon=":material/person_search:", url_path="actor"),
        st.Page("pages/about.py", title=t("page_about", lang), icon=":material/info:", url_path="about"),
    ]
)
navigation.run()
