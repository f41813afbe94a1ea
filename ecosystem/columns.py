"""Column names, declared once so that code and tests agree.

Which columns a file has, and in which order, is the descriptor's to say
(`ecosystem.schema`); these are the names the code refers to.
"""

# actors.csv
ID = "id"
NAME = "name"
ACRONYM = "acronym"
TYPE = "type"
AREAS = "therapeutic_areas"
MODALITIES = "modalities"
DESCRIPTION_EN = "description_en"
DESCRIPTION_FR = "description_fr"
ADDRESS = "address"
POSTCODE = "postcode"
CITY = "city"
SCOPE = "scope"
SITE = "site"
LAT = "lat"
LON = "lon"
PRECISION = "location_precision"
FOUNDED = "founded"
STATUS = "status"
STATUS_YEAR = "status_year"
STAGE = "stage"
WEBSITE = "website"
FRANCE2030 = "france2030"
SOURCES = "sources"
LAST_VERIFIED = "last_verified"
NOTES = "notes"

# places.csv
PLACE_KIND = "kind"
RADIUS_KM = "radius_km"

# relations.csv
SOURCE_ID = "source_id"
TARGET_ID = "target_id"
KIND = "kind"
YEAR = "year"

# milestones.csv
DATE = "date"
ACTOR_ID = "actor_id"
TITLE_EN = "title_en"
TITLE_FR = "title_fr"
AMOUNT_EUR = "amount_eur"

# programmes.csv (ID, ACTOR_ID, NAME, AREAS, STATUS, SOURCES… as above)
TARGET = "target"
MODALITY = "modality"
INDICATION = "indication"
PHASE = "phase"
PARTNER_ID = "partner_id"
TRIAL_IDS = "trial_ids"

# deals.csv (ID, ACTOR_ID, DATE, KIND, AMOUNT_EUR, TITLE_EN, TITLE_FR… as above)
AMOUNT = "amount"
CURRENCY = "currency"
LEAD_IDS = "lead_ids"
INVESTOR_IDS = "investor_ids"
COUNTERPARTY_ID = "counterparty_id"
# The currency whose amounts are also euros.
EURO = "EUR"

# sources.csv (ID, KIND, NOTES… as above): one row per page read
URL = "url"
TITLE = "title"
PUBLISHER = "publisher"
AUTHOR = "author"
PUBLISHED = "published"
LANGUAGE = "language"
READ = "read"
ARCHIVE_URL = "archive_url"

# fact_sources.csv (ACTOR_ID, SOURCES, NOTES… as above): which sources state which fact of an actor
FIELD = "field"
# The fact `address` stands for these columns of actors.csv, and `status` for the status and its year.
FACT_ADDRESS = "address"

# taxonomy/scopes.csv: the sources of its communes
COMMUNES_SOURCES = "communes_sources"

# goals.csv: which actors a goal counts
GOAL_TYPES = "types"
GOAL_STAGES = "stages"

# taxonomy/*.csv: the columns that give an item a role in the code
ROLE = "role"
REQUIRES = "requires"
HEADLINE = "headline"
HOME = "home"
# taxonomy/scopes.csv: the communes a territory is made of (';'-separated names)
COMMUNES = "communes"
PLACE_KINDS = "place_kinds"
APPROXIMATE = "approximate"

# Derived when the dataset is loaded (never stored in data/).
MIB_MEMBER = "mib_member"
PARENT = "parent"
ACQUIRED_BY = "acquired_by"
SEARCH_TEXT = "search_text"
# Derived on every file that cites sources: their URLs, in the cell's order (what links and exports show).
SOURCE_URLS = "source_urls"
# Derived on deals: the lead and other investors together (and YEAR, the year of the date).
PARTICIPANT_IDS = "participant_ids"
DERIVED = (MIB_MEMBER, ACQUIRED_BY, PARENT, STAGE)  # STAGE: the most advanced active programme (programmes.csv)

# Relation roles (taxonomy/relation_kinds.csv `role`) and the derived column each fills.
ROLE_MEMBER = "member"
ROLE_ACQUIRER = "acquirer"
ROLE_PARENT = "parent"
ROLE_FUNDER = "funder"
# Status roles (taxonomy/statuses.csv `role`).
ROLE_ACQUIRED = "acquired"
ROLE_ENDED = "ended"
ROLE_PLANNED = "planned"
# Place-kind role (taxonomy/place_kinds.csv `role`): a commune with its radius.
ROLE_CITY = "city"
# milestone kinds and stages (taxonomy/milestone_kinds.csv, taxonomy/stages.csv)
ROLE_FOUNDING = "founding"
ROLE_FUNDING = "funding"
ROLE_ACQUISITION = "acquisition"
ROLE_AWARD = "award"
ROLE_CLINICAL = "clinical"
ROLE_MARKETED = "marketed"
# deal kinds (taxonomy/deal_kinds.csv `role`): ROLE_FUNDING and ROLE_ACQUISITION above, and these
ROLE_GRANT = "grant"
ROLE_LICENCE = "licence"
ROLE_PARTNERSHIP = "partnership"
# source kinds (taxonomy/source_kinds.csv `role`): a copy of another publisher's page
ROLE_MIRROR = "mirror"
# programme statuses (taxonomy/programme_statuses.csv `role`): the programmes that make a company's stage
ROLE_ACTIVE = "active"

# The actor id of the Marseille Immunology Biocluster, whose members the app derives.
MIB_ID = "mib"


def item_key(column: str) -> str:
    """Derived column holding a multi-valued cell as ';a;b;', so filters match items without a Python loop."""
    return f"{column}_key"
