"""Presentation: full-screen scenes for a projector, moved by a timer, keys, a clicker or controls; `print=true`
lays every scene one per A4 landscape page for the browser's print."""

import streamlit as st

from ecosystem import ui
from ecosystem.present import SCENES
from ecosystem.scenes import Room

setup = ui.present_setup()
if setup:
    page, show, goal_ids, printing = setup
    room = Room(state=page.state, goal_ids=goal_ids, public_base=ui.get_public_base())
    names = SCENES if printing else (show.name,)
    # Markdown rather than st.html: the scenes' SVG (map, lineage) would not survive st.html's sanitising.
    # Every string in it is escaped by the drawing functions.
    html = "".join(ui.draw_cached_scene(page.dataset.version, name, page.ids, room, page) for name in names)
    st.markdown(html, unsafe_allow_html=True)
