"""About the data: who is in and why, how to correct a row, what changed, what each column means."""

import streamlit as st

from ecosystem import ui
from ecosystem.about import CONTACT_SETTING, PUBLISHER_SETTING, SECTIONS, describe_publisher
from ecosystem.formatting import format_day, format_size
from ecosystem.presskit import find_presskit
from ecosystem.release import build_release_list, release_url

page = ui.page_setup()
if page:
    st.title(page.t("page_about"))
    release, (files, error) = page.release, ui.publish_release(page.dataset)
    st.header(page.t("release_heading"))
    st.markdown(page.t("release_intro", version=release.version, date=format_day(release.date, page.lang)))
    if files:
        label = page.t("release_zip", size=format_size(files.zip.size, page.lang))
        st.markdown(f":material/download: [{label}]({release_url(files.zip.path, page.base or '')})")
        with st.expander(page.t("release_files", count=len(files.files))):
            st.markdown(build_release_list(files, page.base or "", lambda size: format_size(size, page.lang)))
    else:
        st.warning(page.t("release_unavailable", error=error))
        st.download_button(
            page.t("release_zip_download"),
            data=lambda: ui.build_release_zip(page.dataset.data_dir, page.dataset.version),
            file_name=f"{release.name}-{release.version}.zip",
            mime="application/zip",
        )
    presskit = find_presskit(page.lang)
    if presskit:
        st.download_button(
            page.t("presskit_download"),
            data=presskit.read_bytes,
            file_name=presskit.name,
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            help=page.t("presskit_help"),
        )
    st.header(page.t("publisher_heading"))
    contributors = ", ".join(release.authors)  # the descriptor's, as citations name them
    st.markdown(
        describe_publisher(
            ui.read_setting(PUBLISHER_SETTING), ui.read_setting(CONTACT_SETTING), contributors, page.lang
        )
    )
    with st.expander(page.t("cite_dataset"), icon=":material/format_quote:"):
        ui.render_dataset_citation(page)
    about = ui.load_cached_about(page.dataset.data_dir, page.lang)
    for key, headings in SECTIONS.items():
        if key in about:
            st.header(headings[page.lang])
            st.markdown(about[key])
    st.header(page.t("data_dictionary"))
    dictionary = ui.load_cached_dictionary(page.dataset.data_dir, page.lang)
    column, kind = dictionary.columns[:2]
    st.dataframe(
        dictionary,
        hide_index=True,
        width="stretch",
        height="content",
        placeholder="",
        column_config={column: st.column_config.TextColumn(width=150), kind: st.column_config.TextColumn(width=120)},
    )
    st.caption(page.t("data_licence", licence=page.dataset.schema.licence_name))
