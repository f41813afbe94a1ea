"""Presentation: full-screen scenes for a projector, moved by a timer, buttons, arrows or a clicker."""

import html

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.formatting import format_count
from ecosystem.maps import build_map_spec
from ecosystem.matrix import build_matrix_figure, build_matrix_points, describe_matrix
from ecosystem.network import describe_network
from ecosystem.present import (
    build_landmark_lines,
    build_landmarks_markdown,
    build_laureates_markdown,
    build_qr_data_uri,
    build_scene_url,
    fit_height,
    select_landmarks,
    select_laureates,
)
from ecosystem.views import build_headline_figures

BODY_HEIGHT = 700  # pixels left for a scene's chart or map on a 1080-pixel-high screen

setup = ui.present_setup()
if setup:
    page, show = setup
    lang, actors, dataset = page.lang, page.filtered, page.dataset
    taxonomy = dataset.taxonomy

    heading, code = st.columns([6, 1], vertical_alignment="top")
    lead_values = {}
    if show.name == "history":
        landmarks = select_landmarks(
            dataset.milestones, dataset.actors, dataset.taxonomy, until_year=int(dataset.data_as_of[:4] or 0)
        )
        lead_values = {"count": len(landmarks), "start": str(landmarks[C.DATE].iloc[0])[:4] if len(landmarks) else ""}
    elif show.name == "laureates":
        laureates = select_laureates(actors)
        lead_values = {"count": format_count(len(laureates), lang)}
    elif show.name == "network":
        lead_values = {"count": format_count(len(dataset.relations), lang)}
    with heading:
        st.title(page.t(f"scene_{show.name}"), anchor=False)
        st.caption(page.t(f"scene_{show.name}_lead", **lead_values))
        ui.render_present_controls(page, show)
    live = build_scene_url(ui.get_public_base(), show.name, page.state, dataset)
    with code:
        if live:
            alt = html.escape(page.t("present_qr_alt", url=live), quote=True)
            st.html(f'<img src="{build_qr_data_uri(live)}" alt="{alt}" width="140" height="140">')
            st.caption(page.t("present_qr"))
        else:
            st.caption(page.t("present_no_qr"))

    if show.name == "figures":
        figures = build_headline_figures(dataset, actors, lang)
        for column, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
            column.metric(label, format_count(value, lang))
        goals = ui.build_cached_goals_view(dataset.version, lang, dataset)
        if goals is not None:
            st.subheader(page.t("goals_title"), anchor=False)
            ui.render_goal_cards(goals.cards, detailed=False)
    elif show.name == "map":
        view, _ = ui.get_map_view(page, fit_all=False)  # cached per data version and filters
        markers = ui.get_marker_data(page)
        legend = page.t("map_legend")
        ui.show_map(build_map_spec(markers, taxonomy, lang, view=view, legend_title=legend, height=BODY_HEIGHT), "map")
    elif show.name == "matrix":
        points = build_matrix_points(actors, taxonomy, lang)
        st.markdown(describe_matrix(points, len(actors), lang))
        if len(points):
            chart = build_matrix_figure(points, lang, titled=False)
            st.plotly_chart(
                fit_height(chart, BODY_HEIGHT - 60, marker_size=52), width="stretch", config={"displayModeBar": False}
            )
    elif show.name == "history":
        st.markdown(build_landmarks_markdown(build_landmark_lines(landmarks, dataset.actors, lang)))
    elif show.name == "laureates":
        st.markdown(build_laureates_markdown(laureates, taxonomy, lang))
    elif show.name == "network":
        shown = tuple(actors.index)
        nodes, edges, chart, _ = ui.build_cached_network(dataset.version, shown, lang, BODY_HEIGHT - 60, dataset)
        st.markdown(describe_network(nodes, edges, lang))
        if len(edges):
            st.plotly_chart(
                fit_height(chart, BODY_HEIGHT - 60, font_size=18), width="stretch", config={"displayModeBar": False}
            )
