"""The names of the controlled vocabularies the code refers to (resources `taxonomy/<name>.csv` of the descriptor).

Which vocabularies exist, their ids and labels are the data's to say; these are
the names the code asks for, declared once (a test checks each against the descriptor).
"""

TYPES = "types"
AREAS = "areas"
MODALITIES = "modalities"
STATUSES = "statuses"
STAGES = "stages"
SCOPES = "scopes"
RELATION_KINDS = "relation_kinds"
MILESTONE_KINDS = "milestone_kinds"
PRECISIONS = "precisions"
PLACE_KINDS = "place_kinds"
DEAL_KINDS = "deal_kinds"
PROGRAMME_STATUSES = "programme_statuses"
SOURCE_KINDS = "source_kinds"
