"""The base of every fact model (unknown fields are an error) and the test that tells a field left out of the fact
file (unknown) from one written as null or [] (known to be none)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every fact model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def is_known(model: BaseModel | None, field: str) -> bool:
    """True when ``field`` was written in the fact file (even as ``null``), False when left out."""
    return model is not None and field in model.model_fields_set
