"""Tables as the reader sees them: headers in the reader's language, lists as lists, years without separators."""

import streamlit as st

from ..views import REGISTRY_DISPLAY, TableColumn


def build_column_config(columns: list[TableColumn]) -> dict:
    """`st.dataframe`'s column_config for `columns`, each at its width, in their order (the name first).

    No column is pinned: Streamlit draws a pinned column's cells greyed, as if disabled, and the
    columns a reader needs fit the page's width anyway.
    """
    config = {}
    for column in columns:
        width = column.width
        if column.kind == "list":
            config[column.column] = st.column_config.ListColumn(column.label, width=width)
        elif column.kind == "year":
            config[column.column] = st.column_config.NumberColumn(column.label, format="%d", width=width)
        elif column.kind == "link":
            config[column.column] = st.column_config.LinkColumn(
                column.label, display_text=column.display or REGISTRY_DISPLAY, width=width
            )
        else:
            config[column.column] = st.column_config.TextColumn(column.label, width=width)
    return config
