"""The subject kinds, in the order their subjects are derived and their fields are listed.

Importing this module declares every kind and every derived field (each module registers its own with
:mod:`isocheck.subjects.registry`) and puts :data:`KINDS` in the order of :data:`ORDER`. A new kind is a
new module, added here.
"""

from __future__ import annotations

from isocheck.subjects import (
    agency,
    announcement,
    audit,
    consultant,
    inspection,
    judged,
    legal_document,
    mandatory_procedure,
    procedures,
    review,
    scope_change,
    year,
)
from isocheck.subjects.registry import KINDS

ORDER = (
    agency,
    year,
    procedures,
    legal_document,
    announcement,
    scope_change,
    audit,
    review,
    consultant,
    judged,
    inspection,
    mandatory_procedure,
)

for _module in ORDER:
    KINDS[_module.KIND.name] = KINDS.pop(_module.KIND.name)
if list(KINDS) != [m.KIND.name for m in ORDER]:
    raise ImportError(f"subject kinds missing from isocheck.subjects.kinds.ORDER: {sorted(KINDS)}")

__all__ = ["KINDS", "ORDER"]
