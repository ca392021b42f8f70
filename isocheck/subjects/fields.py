"""The catalogue of the fields rules may test, read from the subject kinds' declarations.

Each field is declared once, in the module of its subject kind (``isocheck/subjects/<kind>.py``, with
:func:`isocheck.subjects.registry.derived_field`). The names below are views of those declarations,
for the rule loader (which checks each rule condition against :data:`FIELDS`, so a misspelt field or a
value of the wrong type is a load error, not a rule that silently never fires: the engine treats
``'5'`` and ``5`` as equal), ``explain`` and the generated docs:

- ``FIELDS[kind][name]`` = ``(type, English meaning)``; ``FIELDS_VI[name]`` = the Vietnamese meaning;
- ``SUBJECT_KINDS``: the kinds in order; :func:`readable`: an engine value back in its own type.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from isocheck.subjects.kinds import KINDS
from isocheck.subjects.registry import DerivedField
from isocheck.subjects.subject import Subject

__all__ = ["FIELDS", "FIELDS_VI", "KINDS", "SUBJECT_KINDS", "Subject", "derived", "readable"]


class _Fields(Mapping[str, Mapping[str, tuple[str, str]]]):
    """``FIELDS[kind][name]`` = ``(type, English meaning)``, in declaration order (a live view)."""

    def __getitem__(self, kind: str) -> Mapping[str, tuple[str, str]]:
        return {name: (f.type, f.en) for name, f in KINDS[kind].fields.items()}

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


class _FieldsVi(Mapping[str, str]):
    """``FIELDS_VI[name]`` = the Vietnamese meaning of the field ``name`` (of whichever kind declares it)."""

    def _all(self) -> dict[str, str]:
        return {name: f.vi for kind in KINDS.values() for name, f in kind.fields.items() if f.vi}

    def __getitem__(self, name: str) -> str:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


FIELDS: Mapping[str, Mapping[str, tuple[str, str]]] = _Fields()
FIELDS_VI: Mapping[str, str] = _FieldsVi()
SUBJECT_KINDS: tuple[str, ...] = tuple(KINDS)


def derived(kind_name: str, name: str) -> DerivedField:
    """The declaration of field ``name`` of subject kind ``kind_name``."""
    return KINDS[kind_name].fields[name]


def readable(kind_name: str, name: str, value: Any) -> Any:
    """An engine value back in its own type: booleans travel to the engine as 0/1."""
    return bool(value) if KINDS[kind_name].fields[name].type == "bool" else value
