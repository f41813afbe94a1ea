"""Funding: money raised per year, the largest rounds, the investors and who they invest with, the deals.

Each chart has its takeaway, its table and a CSV, as on the insights; a click on an investor lists its rounds.
"""

import streamlit as st

from ecosystem import ui
from ecosystem.exports import build_listing_csv
from ecosystem.funding import (
    build_deal_table,
    build_investor_figure,
    build_investor_table,
    build_largest_figure,
    build_round_table,
    build_year_figure,
    build_year_points,
    build_year_table,
    count_investors,
    describe_deals,
    describe_investors,
    describe_largest,
    describe_total,
    filter_rounds_by_investor,
    pick_largest,
    select_deals,
    select_rounds,
)
from ecosystem.views import measure_table_height

NO_BAR = {"displayModeBar": False}  # plotly's tool bar would cover titles and takeaways

page = ui.page_setup()
if page:
    lang, dataset = page.lang, page.dataset
    taxonomy = dataset.taxonomy
    st.title(page.t("page_funding"))
    st.caption(page.t("funding_intro") + " " + page.t("showing", shown=len(page.ids), total=len(dataset.actors)))
    rounds = select_rounds(dataset, page.ids)

    st.subheader(page.t("chart_funding_years_title"), divider="gray")
    st.markdown(describe_total(rounds, lang))
    st.plotly_chart(
        build_year_figure(build_year_points(rounds, taxonomy, lang), taxonomy, lang, titled=False),
        width="stretch",
        key="funding_years_chart",
        config=NO_BAR,
    )
    ui.render_chart_data(page, build_year_table(rounds, lang), key="funding_years", file_name="rounds-by-year.csv")

    st.subheader(page.t("chart_largest_rounds_title"), divider="gray")
    largest = pick_largest(rounds)
    st.markdown(describe_largest(dataset, largest, lang))
    if len(largest):
        st.plotly_chart(
            build_largest_figure(dataset, largest, lang, titled=False),
            width="stretch",
            key="funding_largest_chart",
            config=NO_BAR,
        )
    ui.render_chart_data(
        page, build_round_table(dataset, largest, lang), key="funding_largest", file_name="largest-rounds.csv"
    )

    st.subheader(page.t("chart_investors_title"), divider="gray")
    investors = count_investors(dataset, rounds)
    st.markdown(describe_investors(investors, lang))
    chosen = None
    if len(investors):
        st.caption(page.t("funding_investor_hint"))
        picked = st.session_state.get(ui.INVESTOR_KEY)
        chosen = ui.render_investor_chart(page, build_investor_figure(investors, lang, selected=picked, titled=False))
    ui.render_chart_data(
        page, build_investor_table(investors, lang), key="funding_investors", file_name="investors.csv"
    )

    st.subheader(page.t("chart_rounds_title"), divider="gray")
    if chosen and chosen in set(investors["investor"]):
        listed = filter_rounds_by_investor(rounds, chosen)
        name = dataset.names().get(chosen, chosen)
        st.markdown(page.t("rounds_of_investor", name=name, count=len(listed)))
        st.button(page.t("clear_investor"), on_click=ui.clear_investor, key="funding_clear", icon=":material/close:")
    else:
        listed = rounds
    table = build_round_table(dataset, listed, lang)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=measure_table_height(len(table)),
        placeholder="",
        key="funding_rounds_table",
    )
    st.download_button(
        page.t("download_table"),
        data=build_listing_csv(table),
        file_name="rounds.csv",
        mime="text/csv",
        icon=":material/download:",
        key="funding_rounds_download",
    )

    st.subheader(page.t("chart_deals_title"), divider="gray")
    deals = select_deals(dataset, page.ids)
    st.markdown(describe_deals(deals, taxonomy, lang))
    ui.render_chart_data(
        page, build_deal_table(dataset, deals, lang), key="funding_deals", file_name="deals.csv", expanded=True
    )
