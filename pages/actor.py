"""Actor profile: every fact with its sources, relations both ways, milestones, a small map."""

import streamlit as st
from streamlit_folium import st_folium

from ecosystem import columns as C
from ecosystem import ui
from ecosystem.formatting import format_day
from ecosystem.maps import build_map, build_view
from ecosystem.views import build_milestones, build_registry_links, build_relations, describe_position, find_actor

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
        st.title(actor[C.NAME] + (f" ({actor[C.ACRONYM]})" if actor[C.ACRONYM] else ""))
        st.markdown(f"**{taxonomy.label('types', actor[C.TYPE], lang)}** · {actor[C.CITY]}")
        st.write(actor[f"description_{lang}"])

        facts, where = st.columns([3, 2])
        with facts:
            unknown = f"_{page.t('not_given')}_"
            areas = " ".join(f":blue-badge[{label}]" for label in taxonomy.labels("areas", actor[C.AREAS], lang))
            modalities = " ".join(
                f":violet-badge[{label}]" for label in taxonomy.labels("modalities", actor[C.MODALITIES], lang)
            )
            status = taxonomy.label("statuses", actor[C.STATUS], lang) if actor[C.STATUS] else unknown
            if actor[C.STATUS_YEAR] is not None and str(actor[C.STATUS_YEAR]) != "<NA>":
                status = page.t("status_since", status=status, year=actor[C.STATUS_YEAR])
            rows = [
                (page.t("fact_areas"), areas or unknown),
                (page.t("fact_modalities"), modalities or unknown),
                (page.t("fact_founded"), str(actor[C.FOUNDED]) if str(actor[C.FOUNDED]) != "<NA>" else unknown),
                (page.t("fact_status"), status),
            ]
            if actor[C.STAGE]:
                rows.append((page.t("fact_stage"), taxonomy.label("stages", actor[C.STAGE], lang)))
            if actor[C.ACQUIRED_BY]:
                rows.append((page.t("fact_acquired_by"), names.get(actor[C.ACQUIRED_BY], actor[C.ACQUIRED_BY])))
            if actor[C.PARENT]:
                rows.append((page.t("fact_parent"), names.get(actor[C.PARENT], actor[C.PARENT])))
            if actor[C.MIB_MEMBER]:
                rows.append((page.t("fact_mib"), page.t("fact_mib_member")))
            if actor[C.FRANCE2030]:
                rows.append((page.t("fact_france2030"), actor[C.FRANCE2030]))
            address = ", ".join(v for v in (actor[C.ADDRESS], actor[C.POSTCODE], actor[C.CITY]) if v)
            rows.append((page.t("fact_address"), address or unknown))
            rows.append((page.t("fact_location"), describe_position(actor, dataset.places, taxonomy, lang)))
            if actor[C.WEBSITE]:
                rows.append((page.t("fact_website"), f"[{actor[C.WEBSITE]}]({actor[C.WEBSITE]})"))
            registries = build_registry_links(actor)
            if registries:
                rows.append(
                    (
                        page.t("col_identifiers"),
                        " · ".join(f"{label} [{value}]({url})" for label, value, url in registries),
                    )
                )
            if actor[C.NOTES]:
                rows.append((page.t("fact_notes"), actor[C.NOTES]))
            for label, value in rows:
                st.markdown(f"**{label}** — {value}")
        with where:
            fmap = build_map(actors[actors[C.ID] == actor[C.ID]], taxonomy, lang, view=None, selected=actor[C.ID])
            view = build_view(actors[actors[C.ID] == actor[C.ID]], padding=0.01)
            if view is not None:
                fmap.fit_bounds(view.bounds, max_zoom=14)
            st_folium(fmap, key=f"actor_map_{actor[C.ID]}", height=300, use_container_width=True, returned_objects=[])

        st.subheader(page.t("section_relations"))
        links = build_relations(dataset, actor[C.ID], lang)
        if not links:
            st.caption(page.t("no_relations"))
        for link in links:
            year = f" ({link.year})" if link.year else ""
            line = st.columns([1, 2])
            line[0].markdown(f"{link.label}{year}")
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
                column_config={"sources": st.column_config.LinkColumn("source")},
            )

        st.subheader(page.t("section_sources"))
        for url in str(actor[C.SOURCES]).split(";"):
            if url:
                st.markdown(f"- [{url}]({url})")
        st.caption(page.t("last_verified", date=format_day(actor[C.LAST_VERIFIED], lang)))
