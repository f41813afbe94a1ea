"""The correction inbox: readers' suggestions, checked, rate-limited and kept in a database.

The one write path of the product. A reader suggests a change (or a missing
actor) with an evidence URL; a curator reviews it later. Suggestions never
touch `data/`: accepted ones leave as a patch that the curator applies.

Storage goes through SQLAlchemy: an embedded SQLite file by default (WAL, a
path outside the repository, created on first use), PostgreSQL when
`SUGGESTIONS_DB_URL` points to one (several app servers share it). The schema
is created or migrated when the inbox opens, by numbered steps.
"""

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import Engine

DB_URL_ENV = "SUGGESTIONS_DB_URL"
DB_FILE = "suggestions.sqlite3"
KINDS = ("correction", "new_actor")
STATUSES = ("pending", "accepted", "rejected")
# How much a reader may write: enough for a paragraph and a long URL, not a dump.
LIMITS = {"actor_id": 120, "field": 60, "proposed_value": 2000, "evidence_url": 2000, "contact": 200, "note": 2000}
# The catalogue's message for each field that is too long, and for each limit reached.
TOO_LONG = {
    "actor_id": "inbox_error_long_actor_id",
    "field": "inbox_error_long_field",
    "proposed_value": "inbox_error_long_proposed_value",
    "evidence_url": "inbox_error_long_evidence_url",
    "contact": "inbox_error_long_contact",
    "note": "inbox_error_long_note",
}
LIMITED = {"client": "inbox_limited_client", "overall": "inbox_limited_overall"}
# Suggestions a client may make, and the whole inbox may take, per window.
RATE_WINDOW = timedelta(hours=1)
RATE_PER_CLIENT = 10
RATE_OVERALL = 300
METADATA = sa.MetaData()
SUGGESTIONS = sa.Table(
    "suggestions",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("client", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("actor_id", sa.Text, nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("current_value", sa.Text, nullable=False),
    sa.Column("proposed_value", sa.Text, nullable=False),
    sa.Column("evidence_url", sa.Text, nullable=False),
    sa.Column("contact", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("reviewed_at", sa.DateTime),
    sa.Column("reviewer_note", sa.Text, nullable=False),
    sa.Column("accepted_value", sa.Text, nullable=False),
    sa.Column("added_source", sa.Text, nullable=False),
    sa.Index("suggestions_client_time", "client", "created_at"),
    sa.Index("suggestions_time", "created_at"),
    sa.Index("suggestions_status", "status"),
    sqlite_autoincrement=True,  # a rolled-back or deleted number is never given again
)
# The schema's steps, in order; the database records how many it has taken. The table above is the schema.
MIGRATIONS: tuple[Callable[[sa.Connection], object], ...] = (METADATA.create_all,)

# A key for PostgreSQL's transaction lock: submissions take turns to count and insert.
_PG_LOCK = 0x5E6A_17B0


class RateLimited(Exception):
    """Too many suggestions: `scope` says whose limit ('client' or 'overall')."""

    def __init__(self, scope: str):
        super().__init__(scope)
        self.scope = scope


@dataclass(frozen=True)
class Suggestion:
    """What a reader proposes: a new value for one field of an actor, or a missing actor."""

    kind: str
    proposed_value: str
    evidence_url: str
    actor_id: str = ""
    field: str = ""
    current_value: str = ""
    contact: str = ""
    note: str = ""


@dataclass(frozen=True)
class Stored(Suggestion):
    """A suggestion as the inbox keeps it."""

    id: int = 0
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    status: str = "pending"
    reviewed_at: datetime | None = None
    reviewer_note: str = ""
    accepted_value: str = ""
    added_source: str = ""

    @property
    def reference(self) -> str:
        """The number a reader is given to quote: S-000042."""
        return format_reference(self.id)


def format_reference(number: int) -> str:
    return f"S-{number:06d}"


# --- checking what a reader sent ----------------------------------------------------------


def is_web_url(value: str) -> bool:
    """An http or https URL with a host: the only evidence a curator can open."""
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not re.search(r"\s", value.strip())


def check_suggestion(form: dict[str, str], honeypot: str = "") -> tuple[Suggestion | None, list[str]]:
    """The suggestion a form describes, or the problems with it as catalogue keys (nothing is raised).

    `honeypot` is a field hidden from people: a robot that fills it is refused.
    """
    problems = []
    if honeypot.strip():
        problems.append("inbox_error_robot")
    values = {name: str(form.get(name) or "").strip() for name in (*LIMITS, "kind", "current_value")}
    kind = values["kind"] or "correction"
    if kind not in KINDS:
        problems.append("inbox_error_kind")
    if not values["proposed_value"]:
        problems.append("inbox_error_value")
    if not values["evidence_url"]:
        problems.append("inbox_error_evidence")
    elif not is_web_url(values["evidence_url"]):
        problems.append("inbox_error_url")
    if kind == "correction" and not (values["actor_id"] and values["field"]):
        problems.append("inbox_error_target")
    problems += [TOO_LONG[name] for name, limit in LIMITS.items() if len(values[name]) > limit]
    if problems:
        return None, problems
    return (
        Suggestion(
            kind=kind,
            proposed_value=values["proposed_value"],
            evidence_url=values["evidence_url"],
            actor_id=values["actor_id"],
            field=values["field"],
            current_value=values["current_value"][: LIMITS["proposed_value"]],
            contact=values["contact"],
            note=values["note"],
        ),
        [],
    )


def hash_client(address: str, salt: str = "") -> str:
    """A reader's client as a one-way hash: enough to count their suggestions, not to find them."""
    return hashlib.sha256(f"{salt}:{address}".encode()).hexdigest()[:32]


# --- the database -------------------------------------------------------------------------


def default_db_path() -> Path:
    """Outside the repository, where the system keeps a user's data (`XDG_DATA_HOME`)."""
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(home) / "marseille-immunology" / DB_FILE


def resolve_db_url(env: dict[str, str] | None = None) -> str:
    """`SUGGESTIONS_DB_URL` (any SQLAlchemy URL: PostgreSQL for several servers), else the SQLite file."""
    url = (env if env is not None else os.environ).get(DB_URL_ENV, "").strip()
    return url or f"sqlite:///{default_db_path()}"


def open_inbox(url: str | None = None) -> Engine:
    """An engine on the inbox, its schema created or migrated; SQLite's file and folder made on first use."""
    url = url or resolve_db_url()
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        sa.event.listen(engine, "connect", _tune_sqlite)
        # Transactions are opened by BEGIN IMMEDIATE (below): writers queue instead of failing.
        sa.event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    else:
        engine = sa.create_engine(url, pool_pre_ping=True)
    migrate(engine)
    return engine


def _tune_sqlite(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # the driver opens no transaction of its own
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine) -> int:
    """Take the schema's steps the database has not taken yet; returns its version."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK + 1})
        connection.execute(sa.text("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
        version = connection.execute(sa.text("SELECT MAX(version) FROM schema_version")).scalar() or 0
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            step(connection)
            connection.execute(sa.text("INSERT INTO schema_version (version) VALUES (:v)"), {"v": number})
        return len(MIGRATIONS)


def submit(
    engine: Engine,
    suggestion: Suggestion,
    client: str,
    *,
    now: datetime | None = None,
    per_client: int = RATE_PER_CLIENT,
    overall: int = RATE_OVERALL,
) -> Stored:
    """Keep a checked suggestion, or raise RateLimited; counting and inserting happen in one transaction."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    since = now - RATE_WINDOW
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        recent = sa.select(sa.func.count()).select_from(SUGGESTIONS).where(SUGGESTIONS.c.created_at > since)
        if connection.execute(recent.where(SUGGESTIONS.c.client == client)).scalar_one() >= per_client:
            raise RateLimited("client")
        if connection.execute(recent).scalar_one() >= overall:
            raise RateLimited("overall")
        values = {
            **{name: getattr(suggestion, name) for name in Suggestion.__dataclass_fields__},
            "created_at": now,
            "client": client,
            "status": "pending",
            "reviewer_note": "",
            "accepted_value": "",
            "added_source": "",
        }
        number = connection.execute(SUGGESTIONS.insert().values(**values).returning(SUGGESTIONS.c.id)).scalar_one()
    return Stored(
        **{name: getattr(suggestion, name) for name in Suggestion.__dataclass_fields__}, id=number, created_at=now
    )


def list_suggestions(engine: Engine, status: str | None = None) -> list[Stored]:
    """The inbox, oldest first; only those with `status` when given."""
    query = sa.select(SUGGESTIONS).order_by(SUGGESTIONS.c.id)
    if status:
        query = query.where(SUGGESTIONS.c.status == status)
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    fields = set(Stored.__dataclass_fields__)
    return [Stored(**{key: value for key, value in row.items() if key in fields}) for row in rows]


def count_suggestions(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(SUGGESTIONS)).scalar_one()


# --- review ---------------------------------------------------------------------------------


def review(
    engine: Engine,
    number: int,
    *,
    accept: bool,
    note: str = "",
    value: str | None = None,
    source: str = "",
    now: datetime | None = None,
) -> bool:
    """Accept (optionally with an edited value and an added source) or reject a pending suggestion.

    Returns False when there is no such pending suggestion (already reviewed, or never made).
    """
    now = now or datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as connection:
        row = connection.execute(
            sa.select(SUGGESTIONS.c.proposed_value).where(SUGGESTIONS.c.id == number, SUGGESTIONS.c.status == "pending")
        ).first()
        if row is None:
            return False
        changes = {
            "status": "accepted" if accept else "rejected",
            "reviewed_at": now,
            "reviewer_note": note.strip(),
            "accepted_value": ((value if value is not None else row.proposed_value).strip() if accept else ""),
            "added_source": source.strip() if accept else "",
        }
        connection.execute(SUGGESTIONS.update().where(SUGGESTIONS.c.id == number).values(**changes))
    return True
