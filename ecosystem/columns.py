"""Column names, declared once so that code, tests and the descriptor agree.

`tests/test_schema.py` checks these against `data/datapackage.json`.
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
SIREN = "siren"
ROR = "ror"
RNSR = "rnsr"
FINESS = "finess"
SOURCES = "sources"
LAST_VERIFIED = "last_verified"
NOTES = "notes"

ACTOR_COLUMNS = (
    ID, NAME, ACRONYM, TYPE, AREAS, MODALITIES, DESCRIPTION_EN, DESCRIPTION_FR,
    ADDRESS, POSTCODE, CITY, SCOPE, SITE, LAT, LON, PRECISION, FOUNDED, STATUS,
    STATUS_YEAR, STAGE, WEBSITE, FRANCE2030, SIREN, ROR, RNSR, FINESS, SOURCES,
    LAST_VERIFIED, NOTES,
)  # fmt: skip
MULTI_VALUED = (AREAS, MODALITIES)
REGISTRY_IDS = (SIREN, ROR, RNSR, FINESS)

# places.csv
PLACE_KIND = "kind"
RADIUS_KM = "radius_km"
PLACE_COLUMNS = (ID, NAME, PLACE_KIND, CITY, LAT, LON, RADIUS_KM, SOURCES, LAST_VERIFIED, NOTES)

# relations.csv
SOURCE_ID = "source_id"
TARGET_ID = "target_id"
KIND = "kind"
YEAR = "year"
RELATION_COLUMNS = (SOURCE_ID, TARGET_ID, KIND, YEAR, SOURCES, LAST_VERIFIED, NOTES)

# milestones.csv
DATE = "date"
ACTOR_ID = "actor_id"
TITLE_EN = "title_en"
TITLE_FR = "title_fr"
AMOUNT_EUR = "amount_eur"
MILESTONE_COLUMNS = (DATE, ACTOR_ID, KIND, TITLE_EN, TITLE_FR, AMOUNT_EUR, SOURCES, LAST_VERIFIED)

# Derived when the dataset is loaded (never stored in data/).
MIB_MEMBER = "mib_member"
PARENT = "parent"
ACQUIRED_BY = "acquired_by"
SEARCH_TEXT = "search_text"

# The actor id of the Marseille Immunology Biocluster, whose members the app derives.
MIB_ID = "mib"
