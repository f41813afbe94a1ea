"""Actor profile: every fact with its sources, relations both ways with theirs, milestones, a small map."""

import functools

import streamlit as st

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.exports import build_actor_csv, build_actor_json, build_actor_record
from ecosystem.formatting import format_day
from ecosystem.funding import build_portfolio_table, build_round_table
from ecosystem.history import describe_history
from ecosystem.pipeline import build_programme_columns, build_programme_table
from ecosystem.references import build_reference_list, list_references, mark_facts
from ecosystem.views import (
    HOST_DISPLAY,
    build_actor_facts,
    build_milestones,
    build_relation_line,
    build_relation_sources,
    build_relations,
    escape_markdown,
)
from ecosystem.vocabularies import TYPES

page = ui.page_setup()
if page:
    lang, dataset, taxonomy = page.lang, page.dataset, page.dataset.taxonomy
    actor = dataset.find_actor(page.state.actor)
    ids, names = list(dataset.actors.index), dataset.names()
    choice = st.selectbox(
        page.t("choose_actor"),
        options=ids,
        index=None if actor is None else ids.index(actor[C.ID]),
        format_func=lambda item: names.get(item, item),
        placeholder=page.t("choose_actor_placeholder"),
        key=f"actor_choice_{page.state.actor}",
    )
    if choice and (actor is None or choice != actor[C.ID]):
        ui.go_to_actor(page, choice)

    if actor is None:
        requested = ui.requested_actor()
        if requested:
            st.warning(page.t("actor_not_found", actor=requested))
        ui.page_link(page, "directory", label=page.t("back_directory"), actor=None)
    else:
        title = actor[C.NAME] + (f" ({actor[C.ACRONYM]})" if actor[C.ACRONYM] else "")
        st.title(escape_markdown(title), anchor=False)
        references = list_references(dataset, actor)
        marks = mark_facts(dataset, actor, references)
        kind = escape_markdown(taxonomy.label(TYPES, actor[C.TYPE], lang))
        st.caption(
            " · ".join(
                (
                    f"{kind} {marks[C.TYPE]}" if C.TYPE in marks else kind,
                    escape_markdown(actor[C.CITY]),
                    page.t("last_verified", date=format_day(actor[C.LAST_VERIFIED], lang)),
                )
            )
        )
        st.text(actor[f"description_{lang}"])

        facts, where = st.columns([3, 2])
        with facts:
            for label, value in build_actor_facts(actor, dataset, lang, marks):
                st.markdown(f"**{label}** — {value}")
        with where:
            spec = ui.build_cached_actor_map_spec(dataset.version, actor[C.ID], lang, dataset)
            ui.show_map(spec, f"actor_map_{actor[C.ID]}")

        st.subheader(page.t("section_relations"))
        links = build_relations(dataset, actor[C.ID], lang)
        if not links:
            st.caption(page.t("no_relations"))
        for link in links:
            line = st.columns([2, 3, 3])
            line[0].text(build_relation_line(link))
            ui.page_link(page, "actor", label=link.other_name, container=line[1], actor=link.other_id)
            line[2].caption(build_relation_sources(link, lang))

        milestones = build_milestones(dataset, actor[C.ID], lang)
        if len(milestones):
            st.subheader(page.t("section_milestones"))
            st.dataframe(
                milestones,
                hide_index=True,
                width="stretch",
                column_config={
                    "date": page.t("col_date"),
                    "kind": page.t("col_kind"),
                    "title": page.t("col_event"),
                    "amount": page.t("col_amount"),
                    "sources": st.column_config.LinkColumn(page.t("col_source"), display_text=HOST_DISPLAY),
                },
            )

        programmes = dataset.programmes_of(actor[C.ID])
        if len(programmes):
            st.subheader(page.t("section_programmes"))
            st.dataframe(
                build_programme_table(dataset, programmes, lang, lambda other: page.view_url("actor", actor=other)),
                hide_index=True,
                width="stretch",
                key="actor_programmes",
                column_config=ui.build_column_config(columns := build_programme_columns(lang)),
                column_order=[column.column for column in columns],
            )
        deals = dataset.deals_of(actor[C.ID])
        if len(deals):
            st.subheader(page.t("section_deals"))
            st.dataframe(build_round_table(dataset, deals, lang), hide_index=True, width="stretch", key="actor_deals")
        if len(dataset.portfolio_of(actor[C.ID])):
            st.subheader(page.t("section_portfolio"))
            st.dataframe(
                build_portfolio_table(dataset, actor[C.ID], lang),
                hide_index=True,
                width="stretch",
                key="actor_portfolio",
            )

        st.subheader(page.t("section_history"))
        history = ui.build_cached_record_history(str(dataset.data_dir), dataset.version, actor[C.ID])
        since, changes = describe_history(history, lang, ui.build_cached_wording(dataset.version, dataset))
        st.caption(since)
        if len(changes):
            st.dataframe(
                changes,
                hide_index=True,
                width="stretch",
                column_config={
                    "release": page.t("col_release"),
                    "field": page.t("col_field"),
                    "old": page.t("col_old"),
                    "new": page.t("col_new"),
                    "source": st.column_config.LinkColumn(page.t("col_source"), display_text=HOST_DISPLAY),
                },
            )

        st.subheader(page.t("section_sources"))
        st.caption(page.t("references_intro"))
        st.markdown(build_reference_list(dataset, references, lang))
        ui.render_actor_citation(page, actor)

        # built when a reader asks for it, not on every run of the page
        record = functools.partial(build_actor_record, dataset, actor[C.ID], lang, page.provenance)
        left, right = st.columns(2)
        left.download_button(
            page.t("download_actor_csv"),
            data=lambda: build_actor_csv(record()),
            file_name=f"{actor[C.ID]}.csv",
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
        )
        right.download_button(
            page.t("download_actor_json"),
            data=lambda: build_actor_json(record()),
            file_name=f"{actor[C.ID]}.json",
            mime="application/json",
            icon=":material/data_object:",
            on_click="ignore",
        )
        ui.render_suggestion_form(page, actor)
