"""The fact file's JSON Schema (``docs/fact-file.schema.json``, ``isocheck schema facts``), from the model.

pydantic writes it from :class:`isocheck.facts.model.Agency`: field names, types, allowed values and the
model's English ``description`` of each field, for editors that check a fact file as it is typed.
"""

from __future__ import annotations

import json
from typing import Any

from isocheck.facts.model import Agency

SCHEMA_ID = "urn:isocheck:fact-file"
SCHEMA_TITLE = "isocheck fact file"


def fact_schema() -> dict[str, Any]:
    """The fact file's JSON Schema (draft 2020-12), for editors and other tools."""
    schema = Agency.model_json_schema()
    for key in ("title", "description"):
        schema.pop(key, None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": SCHEMA_TITLE,
        "description": "One agency's quality management system, as read by `isocheck check`. A field left out "
        "is unknown; an explicit null or [] is known to be none. Reference: docs/facts.md.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(fact_schema(), ensure_ascii=False, indent=2) + "\n"
