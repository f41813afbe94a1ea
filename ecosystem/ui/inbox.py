"""The correction inbox in the app: a reader's suggestion form, and the curators' review desk.

Storage and checks are `ecosystem.inbox`'s; the patch is `ecosystem.patch`'s;
this module only draws and reads the widgets. A reader's text is always shown
as text (`st.text`, `st.code`), never as Markdown or HTML.
"""

import hmac
import secrets
from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from .. import columns as C
from ..curation import (
    QUIET_YEARS,
    STALE_MONTHS,
    count_sources,
    list_quiet_actors,
    list_records_by_age,
    list_without_registry,
)
from ..i18n import t
from ..inbox import (
    LIMITED,
    RateLimited,
    check_suggestion,
    hash_client,
    list_suggestions,
    open_inbox,
    resolve_db_url,
    review,
    submit,
)
from ..load import ACTORS
from ..patch import PROTECTED, build_patch_rows, write_patch
from .page import Page, read_setting

PASSWORD_ENV = "REVIEW_PASSWORD"
SALT_ENV = "SUGGESTIONS_SALT"
UNLOCKED_KEY = "review_unlocked"
HONEYPOT = "suggest_website"
# A field people never see (hidden by its key's class); a robot filling every field fills it too.
HONEYPOT_CSS = (
    f'<style>[class*="st-key-"][class$="_{HONEYPOT}"], [class*="_{HONEYPOT} "]{{display:none !important}}</style>'
)


@st.cache_resource(show_spinner=False)
def _open_inbox(url: str) -> Engine:
    return open_inbox(url)


def get_inbox() -> Engine:
    """The inbox's database, opened (and created or migrated) once per process and address."""
    return _open_inbox(resolve_db_url())


@st.cache_resource(show_spinner=False)
def _process_salt() -> str:
    return secrets.token_hex(16)


def hash_reader() -> str:
    """The reader's client, hashed with the deployment's salt: counted for the rate limit, not stored."""
    return hash_client(st.context.ip_address or "unknown", read_setting(SALT_ENV) or _process_salt())


def suggestible_columns(page: Page) -> list[str]:
    """The actors' columns a reader may propose a value for: all but the id and what the apply step writes."""
    return [column for column in page.dataset.schema.columns(ACTORS) if column not in PROTECTED]


def _column_label(page: Page, column: str) -> str:
    key = f"col_{column}"
    label = t(key, page.lang)
    return column if label == key else f"{label} ({column})"


def render_suggestion_form(page: Page, actor: pd.Series | None = None) -> None:
    """'Suggest a correction' (for an actor) or 'Suggest a missing actor', with what is stored and why.

    The form's button sends in its callback, before the page runs again: the
    outcome is kept in the session and shown under the form.
    """
    title = page.t("suggest_correction" if actor is not None else "suggest_actor")
    key = "suggest_" + (str(actor[C.ID]) if actor is not None else "new")
    outcome = st.session_state.get(f"{key}_outcome")
    with st.expander(title, icon=":material/edit_note:", expanded=outcome is not None):
        st.caption(page.t("suggest_privacy"))
        st.html(HONEYPOT_CSS)
        with st.form(key, clear_on_submit=False, border=False):
            current = ""
            if actor is not None:
                column = st.selectbox(
                    page.t("suggest_field"),
                    suggestible_columns(page),
                    format_func=lambda c: _column_label(page, c),
                    key=f"{key}_field",
                )
                current = _cell(actor, column)
                st.caption(page.t("suggest_current"))
                st.code(current or "—", language=None, wrap_lines=True)
            st.text_area(page.t("suggest_value" if actor is not None else "suggest_new_actor"), key=f"{key}_value")
            st.text_input(page.t("suggest_evidence"), placeholder="https://", key=f"{key}_evidence")
            st.text_input(page.t("suggest_contact"), key=f"{key}_contact")
            st.text_area(page.t("suggest_note"), key=f"{key}_note", height=80)
            st.text_input("website", key=f"{key}_{HONEYPOT}", label_visibility="collapsed")
            st.form_submit_button(
                page.t("suggest_send"),
                icon=":material/send:",
                on_click=_on_send,
                args=(key, None if actor is None else actor),
            )
        if outcome:
            kind, messages = outcome
            for message in messages:
                getattr(st, kind)(t(message[0], page.lang, **message[1]))


def _cell(actor: pd.Series, column: str) -> str:
    value = actor.get(column, "")
    if isinstance(value, tuple):
        return ";".join(value)
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _on_send(key: str, actor: pd.Series | None) -> None:
    state = st.session_state
    column = state.get(f"{key}_field", "") if actor is not None else ""
    form = {
        "kind": "correction" if actor is not None else "new_actor",
        "actor_id": str(actor[C.ID]) if actor is not None else "",
        "field": column or "",
        "current_value": _cell(actor, column) if actor is not None and column else "",
        "proposed_value": state.get(f"{key}_value", ""),
        "evidence_url": state.get(f"{key}_evidence", ""),
        "contact": state.get(f"{key}_contact", ""),
        "note": state.get(f"{key}_note", ""),
    }
    state[f"{key}_outcome"] = _send(form, state.get(f"{key}_{HONEYPOT}", ""))


def _send(form: dict[str, str], trap: str) -> tuple[str, list[tuple[str, dict]]]:
    """(Streamlit message kind, [(catalogue key, values)]) for what became of the suggestion."""
    suggestion, problems = check_suggestion(form, honeypot=trap)
    if suggestion is None:
        return "error", [(problem, {}) for problem in problems]
    try:
        stored = submit(get_inbox(), suggestion, hash_reader())
    except RateLimited as limited:
        return "warning", [(LIMITED[limited.scope], {})]
    except SQLAlchemyError:
        return "error", [("inbox_unavailable", {})]
    return "success", [("suggest_thanks", {"reference": stored.reference})]


# --- the review desk -------------------------------------------------------------------------


def review_password() -> str:
    """The desk's password, from the environment or the secrets; empty (the desk locked) when unset."""
    return read_setting(PASSWORD_ENV)


def unlock_desk(page: Page) -> bool:
    """The password form, compared in constant time; True once this session has given the right one."""
    if not review_password():
        st.warning(page.t("review_locked"))
        return False
    if st.session_state.get(UNLOCKED_KEY):
        return True
    with st.form("review_login", border=False):
        st.text_input(page.t("review_password"), type="password", key="review_given")
        st.form_submit_button(page.t("review_open"), on_click=_on_password)
    if st.session_state.get("review_refused"):
        st.error(page.t("review_wrong"))
    return False


def _on_password() -> None:
    given = str(st.session_state.get("review_given") or "")
    expected = review_password()
    right = bool(expected) and hmac.compare_digest(given.encode(), expected.encode())
    st.session_state[UNLOCKED_KEY] = right
    st.session_state["review_refused"] = not right
    st.session_state["review_given"] = ""


def _on_decide(number: int, accept: bool) -> None:
    state = st.session_state
    review(
        get_inbox(),
        number,
        accept=accept,
        value=state.get(f"decide_{number}_value"),
        source=state.get(f"decide_{number}_source", ""),
        note=state.get(f"decide_{number}_note", ""),
    )


def render_review_desk(page: Page) -> None:
    """Pending suggestions beside the current values, accept or reject each; the patch; what to re-check."""
    try:
        suggestions = list_suggestions(get_inbox())
    except SQLAlchemyError:
        st.error(page.t("inbox_unavailable"))
        return
    pending = [item for item in suggestions if item.status == "pending"]
    names = page.dataset.names()
    st.subheader(page.t("review_pending", count=len(pending)))
    for item in pending:
        with st.container(border=True, key=f"pending_{item.id}"):
            target = names.get(item.actor_id, item.actor_id) if item.actor_id else page.t("suggest_actor")
            st.markdown(f"**{item.reference}**")
            st.text(f"{target} · {item.field}" if item.field else target)
            left, right = st.columns(2)
            left.caption(page.t("review_current"))
            left.code(item.current_value or "—", language=None, wrap_lines=True)
            right.caption(page.t("review_proposed"))
            right.code(item.proposed_value, language=None, wrap_lines=True)
            st.caption(page.t("suggest_evidence"))
            st.code(item.evidence_url, language=None, wrap_lines=True)
            if item.note or item.contact:
                st.code(" · ".join(part for part in (item.note, item.contact) if part), language=None, wrap_lines=True)
            with st.form(f"decide_{item.id}", border=False):
                st.text_input(page.t("review_value"), value=item.proposed_value, key=f"decide_{item.id}_value")
                st.text_input(page.t("review_source"), placeholder="https://", key=f"decide_{item.id}_source")
                st.text_input(page.t("review_note"), key=f"decide_{item.id}_note")
                accept, reject = st.columns(2)
                with accept:
                    st.form_submit_button(
                        page.t("review_accept"), icon=":material/check:", on_click=_on_decide, args=(item.id, True)
                    )
                with reject:
                    st.form_submit_button(
                        page.t("review_reject"), icon=":material/close:", on_click=_on_decide, args=(item.id, False)
                    )
    st.download_button(
        page.t("review_patch"),
        data=write_patch(build_patch_rows(suggestions)),
        file_name="suggestions-patch.csv",
        mime="text/csv",
        icon=":material/download:",
    )
    st.caption(page.t("review_apply"))
    render_curation(page)


def render_curation(page: Page) -> None:
    """What to re-check next: the oldest records, quiet or planned actors, missing registry ids, top sources."""
    dataset, today = page.dataset, date.today()
    ages = list_records_by_age(dataset, today)
    st.subheader(page.t("review_recheck"))
    st.caption(page.t("review_stale", count=int(ages["stale"].sum()), total=len(ages), months=STALE_MONTHS))
    st.dataframe(ages.head(40), hide_index=True, width="stretch", key="curation_ages")
    st.caption(page.t("review_quiet", years=QUIET_YEARS))
    st.dataframe(list_quiet_actors(dataset, today), hide_index=True, width="stretch", key="curation_quiet")
    st.caption(page.t("review_no_registry"))
    st.dataframe(list_without_registry(dataset), hide_index=True, width="stretch", key="curation_registry")
    st.caption(page.t("review_sources"))
    st.dataframe(count_sources(dataset), hide_index=True, width="stretch", key="curation_sources")
