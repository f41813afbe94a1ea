"""Entry point: `streamlit run dashboard.py`. Navigation over the page registry, titles in the reader's language."""

import streamlit as st

from ecosystem import ui
from ecosystem.paths import FAVICON

st.set_page_config(page_title="Marseille Immunology Ecosystem", page_icon=str(FAVICON), layout="wide")

ui.run_navigation()
