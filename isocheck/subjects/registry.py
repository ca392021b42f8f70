"""Subject kinds and their derived fields, each declared once: the registry every catalogue is read from.

A *subject kind* (:class:`SubjectKind`) says what one subject is (its title in both languages, the
fact-file list its subjects come from), which values its messages may show as ``{placeholders}``
(``display``) and which item lists a rule may expand into one finding per item (``items``).

A *derived field* is declared with :func:`derived_field` — the one extension point for adding a field
(CONTRIBUTING.md, "Add an obligation") — on the function that computes it, in the module of its subject
kind (``isocheck/subjects/<kind>.py``)::

    @derived_field(
        "legal_document", "built_in", "bool",
        sources=["legal_documents[].built_in_on"],
        en="the change has been built into the procedures",
    )
    def built_in(doc: LegalDocumentFacts) -> Derived:
        ...

``sources`` are the fact-file paths the field is computed from (``[]`` marks a list's items); ``en`` says
what it means, in English: the source text of its Vietnamese, which is in the gettext catalog
(``isocheck/locale/vi/LC_MESSAGES/isocheck.po``, ``msgctxt "field:legal_document.built_in"``, whose
``msgid`` is that English; ``scripts/catalogs extract`` harvests it, CONTRIBUTING.md "Dịch / Translating").
The computation returns a :class:`Derived` with the paths of this very subject (``legal_documents[2]…``).
The rule loader's field catalogue (``isocheck.subjects.fields.FIELDS``), ``explain`` and the fact
reference (``docs/facts.md``, "Fields rules test") all read these declarations, the way OpenFisca declares
each variable once with its metadata and formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from isocheck.text.catalog import pairs

if TYPE_CHECKING:
    from isocheck.subjects.context import Derivation, SubjectFacts

FieldType = Literal["int", "bool", "str"]
FIELD_TYPES: tuple[str, ...] = ("int", "bool", "str")  # a bool travels to the engine as 0/1


class Derived(NamedTuple):
    """One derived field of one subject: its value and the fact-file paths it was computed from.

    ``value`` None means unknown; ``missing`` then names the paths that would tell (default: ``sources``).
    ``note`` gives how the value was computed, ``(Vietnamese, English)``, when called: only ``explain`` shows
    it, so its dates are written only then. ``attested``: the inspector's judgement the value is (a record of
    :func:`isocheck.subjects.judgements.record`), which ``explain`` shows as the evidence.
    """

    value: bool | int | str | None
    sources: list[str]
    missing: list[str] | None = None
    note: Callable[[], tuple[str, str]] | None = None
    attested: dict[str, Any] | None = None


Compute = TypeVar("Compute", bound=Callable[[Any], Derived])


@dataclass(frozen=True)
class DerivedField:
    """A field rules may test: its subject kind, name, type, fact-file sources, meaning and computation."""

    kind: str
    name: str
    type: FieldType
    sources: tuple[str, ...]
    vi: str
    en: str
    compute: Callable[[Any], Derived]

    def meaning(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class SubjectKind:
    """What one finding can be about, with its derived fields, display values and item lists.

    ``title``: what one subject of the kind is, ``(vi, en)``. ``display``: the values a message may name
    as ``{placeholder}`` besides the fields, each with what it holds (a display value named like a field
    shows the count or text even where the field is unknown). ``items``: the lists a rule
    may expand with ``findings_per``, each with the keys of its items. ``fact_list``: the fact-file list
    whose entries are the subjects (left out: a rule on this kind is not evaluable). ``none_on_record``:
    why a rule on this kind does not apply when there is no subject, ``(vi, en)``.
    """

    def __init__(
        self,
        name: str,
        *,
        title: tuple[str, str],
        display: Mapping[str, str],
        items: Mapping[str, Sequence[str]] | None = None,
        fact_list: str | None = None,
        none_on_record: tuple[str, str] | None = None,
    ):
        if name in KINDS:
            raise ValueError(f"subject kind {name!r} is declared twice")
        self.name = name
        self.title = title
        self.display = dict(display)
        self.items = {key: tuple(keys) for key, keys in (items or {}).items()}
        self.fact_list = fact_list
        self.none_on_record = none_on_record
        self.fields: dict[str, DerivedField] = {}
        self._find: Callable[[Derivation], Iterable[SubjectFacts]] | None = None
        KINDS[name] = self

    def subjects(
        self, find: Callable[[Derivation], Iterable[SubjectFacts]]
    ) -> Callable[[Derivation], Iterable[SubjectFacts]]:
        """Decorator: the function listing this kind's subjects of one agency (one :class:`SubjectFacts` each)."""
        self._find = find
        return find

    def find(self, derivation: Derivation) -> Iterable[SubjectFacts]:
        if self._find is None:
            raise LookupError(f"subject kind {self.name!r} has no @subjects function")
        return self._find(derivation)

    def add(self, field: DerivedField) -> None:
        if field.name in self.fields:
            raise ValueError(f"derived field {self.name}.{field.name} is declared twice")
        if field.type not in FIELD_TYPES:
            raise ValueError(f"derived field {self.name}.{field.name}: type {field.type!r} is not one of {FIELD_TYPES}")
        self.fields[field.name] = field

    def placeholders(self) -> list[str]:
        """Every name a message on this kind may use: the fields, then the other display values."""
        return list(dict.fromkeys([*self.fields, *self.display]))


_VI: dict[str, tuple[str, str]] = pairs("field:")  # {"kind.name": (vi, en)}, from the gettext catalog
KINDS: dict[str, SubjectKind] = {}  # in declaration order (isocheck/subjects/kinds.py imports them in order)


def derived_field(
    kind: str, name: str, type: FieldType, *, sources: Sequence[str], en: str
) -> Callable[[Compute], Compute]:
    """Declare the derived field ``kind.name`` on the function that computes it (the extension point).

    The function takes the :class:`~isocheck.subjects.context.SubjectFacts` of one subject of ``kind`` and
    returns a :class:`Derived`. ``sources`` are the fact-file paths it reads (``legal_documents[].effective_on``;
    empty when only the as-of date counts); ``en`` says what the field means (its Vietnamese: the catalog's
    ``field:<kind>.<name>``, "" until a translator gives it — ``tests/test_catalogs.py`` names it).
    """
    vi = _VI[f"{kind}.{name}"][0] if f"{kind}.{name}" in _VI else ""

    def register(compute: Compute) -> Compute:
        KINDS[kind].add(DerivedField(kind, name, type, tuple(sources), vi, en, compute))
        return compute

    return register
