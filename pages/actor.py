"""Actor profile: every fact with its sources, relations both ways, milestones, a small map."""

import streamlit as st
from streamlit_folium import st_folium

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.formatting import format_day
from ecosystem.maps import build_actor_map
from ecosystem.views import (
    build_actor_facts,
    build_milestones,
    build_relations,
    build_source_links,
    escape_markdown,
    find_actor,
)

page = ui.page_setup()
if page:
    lang, dataset, taxonomy = page.lang, page.dataset, page.dataset.taxonomy
    actors = dataset.actors
    actor = find_actor(actors, page.state.actor)
    names = dict(zip(actors[C.ID], actors[C.NAME], strict=True))
    choice = st.selectbox(
        page.t("choose_actor"),
        options=list(actors[C.ID]),
        index=None if actor is None else list(actors[C.ID]).index(actor[C.ID]),
        format_func=lambda item: names.get(item, item),
        key=f"actor_choice_{page.state.actor}",
    )
    if choice and (actor is None or choice != actor[C.ID]):
        ui.go_to_actor(page, choice)

    if actor is None:
        requested = st.query_params.get("actor")
        if requested:
            st.warning(page.t("actor_not_found", actor=requested))
        st.page_link(
            "pages/directory.py",
            label=page.t("back_directory"),
            icon=":material/list:",
            query_params=ui.link_params(page, actor=None),
        )
    else:
        title = actor[C.NAME] + (f" ({actor[C.ACRONYM]})" if actor[C.ACRONYM] else "")
        st.title(escape_markdown(title), anchor=False)
        st.caption(escape_markdown(f"{taxonomy.label('types', actor[C.TYPE], lang)} · {actor[C.CITY]}"))
        st.text(actor[f"description_{lang}"])

        facts, where = st.columns([3, 2])
        with facts:
            for label, value in build_actor_facts(actor, dataset, lang):
                st.markdown(f"**{label}** — {value}")
        with where:
            fmap = build_actor_map(actors, actor[C.ID], taxonomy, lang)
            st_folium(fmap, key=f"actor_map_{actor[C.ID]}", height=300, use_container_width=True, returned_objects=[])

        st.subheader(page.t("section_relations"))
        links = build_relations(dataset, actor[C.ID], lang)
        if not links:
            st.caption(page.t("no_relations"))
        for link in links:
            year = f" ({link.year})" if link.year else ""
            line = st.columns([1, 2])
            line[0].text(f"{link.label}{year}")
            line[1].page_link(
                "pages/actor.py", label=link.other_name, query_params=ui.link_params(page, actor=link.other_id)
            )

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
                    "sources": st.column_config.LinkColumn(page.t("col_source")),
                },
            )

        st.subheader(page.t("section_sources"))
        st.markdown("\n".join(f"- {link}" for link in build_source_links(actor)))
        st.caption(page.t("last_verified", date=format_day(actor[C.LAST_VERIFIED], lang)))
