"""Entry point: `streamlit run dashboard.py`.

Streamlit runs this file for each reader (as `__main__`): navigation over the
page registry, titles in the reader's language. `streamlit run` first imports
it to find `app`, the server: Streamlit's own, with pages whose HTML says where
the server is and asks for the map's files early (`ecosystem.shell`).
"""

import streamlit as st

if __name__ == "__main__":
    from ecosystem import ui
    from ecosystem.paths import FAVICON

    st.set_page_config(page_title="Marseille Immunology Ecosystem", page_icon=str(FAVICON), layout="wide")
    ui.run_navigation()
else:
    from pathlib import Path

    from starlette.middleware import Middleware

    from ecosystem.navigation import PAGES
    from ecosystem.shell import ShellMiddleware, build_page_heads

    # Streamlit's built frontend: the page's HTML preloads the few of its modules the map's element needs.
    frontend = Path(st.__file__).parent / "static"
    heads = build_page_heads(((page.url_path, page.draws_map) for page in PAGES), frontend)
    app = st.App(__file__, middleware=[Middleware(ShellMiddleware, heads=heads)])
