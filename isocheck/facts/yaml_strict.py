"""The strict YAML path: PyYAML's libyaml-backed safe loader (YAML 1.1), with isocheck's own rules.

Every file a fast path cannot vouch for is read here, and every YAML error comes from here, so its
messages and positions are the same whichever path a file first took. On top of PyYAML's safe
loader, :class:`_Walker` builds the data from the node tree and:

- rejects duplicate keys (naming both lines) and keys that are not text or whole numbers;
- records the line and column of every key and scalar (:class:`~isocheck.facts.positions.LineMap`);
- stops at :data:`~isocheck.facts.limits.MAX_DEPTH` levels and
  :data:`~isocheck.facts.limits.MAX_VALUES` nodes (aliases counted at each use: the "billion laughs");
- normalises every text to Unicode NFC (a name typed in decomposed form, NFD, is the same name);
- refuses the numbers YAML 1.1 and YAML 1.2 read differently — a leading zero (``010``: octal 8 in
  1.1, ten in 1.2) and base 60 (``1:20``: 80 in 1.1, text in 1.2) — and whole numbers of more than
  :data:`~isocheck.facts.limits.MAX_DIGITS` digits, with isocheck's words rather than Python's.

libyaml's composer recurses on the C stack and its scanner has a nesting limit of its own, so a text
with many nesting characters is composed (or scanned too) by PyYAML's Python code, which checks the
depth of every node.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
from yaml.composer import Composer

from isocheck.base.errors import InputError
from isocheck.facts import limits
from isocheck.facts.positions import LineMap, path_text
from isocheck.text.problems import Count, Found, Problem, glossed, impossible_date

# libyaml's composer recurses on the C stack (it crashed at ~25,000 levels with an 8 MB stack); a text
# with more nesting characters than this is composed by PyYAML's composer, which checks the depth.
_C_COMPOSER_SAFE = 5_000
# libyaml's scanner reads flow brackets ahead of the parser and stops at its own nesting limit (1,000 in the
# libyaml of PyYAML 6.0.4): a text with more brackets than this is read by PyYAML's pure-Python scanner.
_C_SCANNER_SAFE = 900

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NOT_DIGITS = re.compile(r"^[-+]?0[xob]|[^0-9a-fA-F]")  # the sign, a base prefix, '_' and ':' are not digits
_OCTAL = re.compile(r"[-+]?0[0-7_]+")  # what PyYAML's YAML 1.1 resolver reads as an octal number


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader; :class:`_Walker` rejects duplicate keys and records positions."""


class _TooDeep(Exception):
    def __init__(self, mark):
        self.mark = mark


class _DepthGuard:
    """Mixed into a loader: PyYAML's composer, stopping at MAX_DEPTH levels with isocheck's message."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > limits.MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[attr-defined]
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


_PythonComposer = (
    type("_PythonComposer", (Composer, _BaseLoader), {}) if _BaseLoader is not yaml.SafeLoader else yaml.SafeLoader
)


class _GuardedLoader(_DepthGuard, _PythonComposer):  # type: ignore[misc, valid-type]
    """libyaml's events composed by PyYAML's composer, which checks the depth of every node."""

    def __init__(self, stream: str):
        _BaseLoader.__init__(self, stream)
        Composer.__init__(self)


class _PureLoader(_DepthGuard, yaml.SafeLoader):
    """PyYAML's own scanner, parser and composer: for a text with many flow brackets, which libyaml's
    scanner would read ahead past its own nesting limit (1,000 in libyaml 0.2.5) before the composer
    reached isocheck's."""


class _Walker:
    """Builds the data from the node tree: positions, duplicate keys, depth and size limits."""

    def __init__(self, loader: Any, file: str):  # one of the loaders above
        self.loader, self.file, self.lines, self.count = loader, file, LineMap(), 0

    def walk(self, node: yaml.Node) -> Any:
        self.lines.mark((), node.start_mark)
        return self.value(node, (), 1)

    def value(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        self.count += 1
        if depth > limits.MAX_DEPTH:  # the position, not the field path: that would be a hundred levels long
            raise self.error(node, (), Problem("doc.too_deep", limit=limits.MAX_DEPTH))
        if self.count > limits.MAX_VALUES:
            raise self.error(node, (), Problem("doc.too_many_values", limit=Count(limits.MAX_VALUES)))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                self.lines.mark((*path, i), child.start_mark)
                items.append(self.value(child, (*path, i), depth + 1))
            return items
        self.lines.scalars[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        self.loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else key_node.value
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                raise self.error(key_node, path, Problem("key.not_text", found=Found(key)))
            here = (*path, key)
            if key in result:
                raise self.error(key_node, here, Problem("key.duplicate", key=key, first=self.lines[here]))
            self.lines.mark(here, key_node.start_mark)  # point at the key, not the value below it
            result[key] = self.value(value_node, here, depth + 1)
        return result

    def scalar(self, node: yaml.Node, path: tuple) -> Any:
        if node.tag in (_INT_TAG, _FLOAT_TAG):
            problem = _number_problem(node.value, node.tag)
            if problem is not None:
                raise self.error(node, path, problem)
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError:
            raise
        except Exception as exc:
            # value: an impossible date such as 2021-02-30, a value its explicit tag refuses (!!int abc, !!int '')
            dated = impossible_date(node.value) if node.tag.endswith(":timestamp") else None
            raise self.error(
                node, path, dated or Problem("value.invalid", value=Found(node.value), detail=glossed(str(exc)))
            ) from None
        if ":" in node.value and isinstance(value, (int, float)) and not isinstance(value, bool):
            raise self.error(node, path, Problem("yaml.base60", value=node.value, number=Found(value)))
        if type(value) is str and not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        return value

    def error(self, node: yaml.Node, path: tuple, problem: Problem) -> InputError:
        return InputError(
            self.file, problem, path_text(path) or None, node.start_mark.line + 1, node.start_mark.column + 1
        )


def _number_problem(text: str, tag: str) -> Problem | None:
    """Why isocheck refuses a scalar tagged as a number before PyYAML converts it, or None."""
    digits = len(_NOT_DIGITS.sub("", text)) if len(text) > limits.MAX_DIGITS else 0
    if tag == _INT_TAG and digits > limits.MAX_DIGITS:
        return Problem("doc.long_number", digits=Count(digits), limit=Count(limits.MAX_DIGITS))
    if tag == _INT_TAG and _OCTAL.fullmatch(text):
        plain = text.replace("_", "")
        if int(plain, 8) != int(plain):  # 00 and 07 mean the same to both
            return Problem("yaml.octal", value=text, octal=int(plain, 8), decimal=int(plain))
    return None


def load_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse ``text`` strictly; return ``(data, lines)``. Raises :class:`InputError`."""
    brackets = text.count("[") + text.count("{")
    nesting = brackets + sum(map(text.count, "-:?"))  # every nesting level needs one of these characters
    if brackets > _C_SCANNER_SAFE:
        loader = _PureLoader(text)
    elif nesting > _C_COMPOSER_SAFE or not limits.shallow(text):  # the composer checks the depth of every node too
        loader = _GuardedLoader(text)
    else:
        loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError.of(file, "file.empty")
        walker = _Walker(loader, file)
        return walker.walk(node), walker.lines
    except _TooDeep as exc:
        raise InputError.of(
            file, "doc.too_deep", {"limit": limits.MAX_DEPTH}, line=exc.mark.line + 1, column=exc.mark.column + 1
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:  # a control character
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        before = text[: exc.position]
        raise InputError.of(
            file,
            "yaml.invalid",
            {"detail": glossed(f"character U+{char:04X}: {exc.reason}")},
            line=before.count("\n") + 1,
            column=exc.position - before.rfind("\n"),
        ) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise InputError.of(file, "yaml.invalid", {"detail": glossed(str(exc))}) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return InputError.of(file, "yaml.invalid", {"detail": glossed(exc.problem or exc.context or "")})
    line = (text.splitlines()[mark.line : mark.line + 1] or [""])[0]
    tab = line[mark.column : mark.column + 1] == "\t"
    detail = Problem("yaml.tab") if tab else glossed(exc.problem or exc.context or "")
    return InputError.of(file, "yaml.invalid", {"detail": detail}, line=mark.line + 1, column=mark.column + 1)
