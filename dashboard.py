"""Entry point: `streamlit run dashboard.py`. Navigation over the page registry, titles in the reader's language."""

import streamlit as st

from ecosystem import ui

st.set_page_config(page_title="Marseille Immunology Ecosystem", page_icon=":material/biotech:", layout="wide")

ui.run_navigation()
