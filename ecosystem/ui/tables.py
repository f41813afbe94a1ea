"""Tables as the reader sees them: headers in the reader's language, lists as lists, years without separators."""

import streamlit as st

from ..views import REGISTRY_DISPLAY, TableColumn


def build_column_config(columns: list[TableColumn]) -> dict:
    """`st.dataframe`'s column_config for `columns`; the first (the name) stays in view when scrolling sideways."""
    config = {}
    for number, column in enumerate(columns):
        if column.kind == "list":
            config[column.column] = st.column_config.ListColumn(column.label)
        elif column.kind == "year":
            config[column.column] = st.column_config.NumberColumn(column.label, format="%d")
        elif column.kind == "link":
            config[column.column] = st.column_config.LinkColumn(column.label, display_text=REGISTRY_DISPLAY)
        else:
            config[column.column] = st.column_config.TextColumn(column.label, pinned=number == 0)
    return config
