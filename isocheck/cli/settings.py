"""Defaults from the environment and the working folder: ``ISOCHECK_LANG`` and ``isocheck.toml``.

Which value an option takes, first found wins: the command line; ``ISOCHECK_LANG`` (the language only);
``isocheck.toml`` in the working folder; the built-in default (Vietnamese, the command's own profile, no
overlay). ``isocheck.toml`` (read with :mod:`tomllib`, ``tomli`` on Python 3.10)::

    lang = "vi"                  # or "en"
    overlay = "ha-tinh.example"  # a province overlay: a YAML file or a shipped overlay's name
    profile = "inspection"       # the default --profile of every command that has one

A malformed file, an unknown key or a value outside the choices is bad input (exit code 2), reported
with the file, line and column.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from isocheck.base.errors import InputError
from isocheck.pack.rules import PROFILES
from isocheck.text.cli_messages import TOML_VI, TOML_VI_OTHER
from isocheck.text.problems import Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover — Python 3.10
    import tomli as tomllib

FILE_NAME = "isocheck.toml"
ENV_LANG = "ISOCHECK_LANG"
LANGS = ("vi", "en")
KEYS = ("lang", "overlay", "profile")


@dataclass(frozen=True)
class Settings:
    """The defaults in force for one run."""

    lang: str = "vi"
    overlay: str | None = None
    profile: str | None = None
    source: str | None = None  # the isocheck.toml read, if any


def load_settings(folder: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """The defaults of ``folder`` (the working folder) and ``environ`` (the process environment)."""
    environ = os.environ if environ is None else environ
    path = (folder or Path.cwd()) / FILE_NAME
    values = _read(path) if path.is_file() else {}
    env_lang = environ.get(ENV_LANG, "").strip()
    if env_lang:
        if env_lang.lower() not in LANGS:
            raise InputError.of(ENV_LANG, "settings.env_lang", {"value": env_lang})
        values["lang"] = env_lang.lower()
    return Settings(
        lang=values.get("lang", "vi"),
        overlay=values.get("overlay"),
        profile=values.get("profile"),
        source=str(path) if path.is_file() else None,
    )


def _read(path: Path) -> dict[str, str]:
    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line, column = _position(str(exc))
        raise InputError.of(name, "settings.toml", {"reason": _reason(str(exc))}, line=line, column=column) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.of(name, "settings.unreadable", {"reason": exc}) from None
    for key, value in data.items():
        if key not in KEYS:
            raise InputError.of(name, "settings.unknown_key", {"key": key, "keys": ", ".join(KEYS)}, field=key)
        if not isinstance(value, str) or not value.strip():
            raise InputError.of(name, "settings.not_text", {"key": key}, field=key)
    for key, choices in (("lang", LANGS), ("profile", (*PROFILES, "all"))):
        if key in data and data[key] not in choices:
            params = {"key": key, "value": data[key], "choices": ", ".join(choices)}
            raise InputError.of(name, "settings.choice", params, field=key)
    return dict(data)


def _reason(message: str) -> Problem:
    """tomllib's problem text (without its position) and its Vietnamese."""
    english = message.split(" (at ")[0]
    return Problem.plain(english, next((vi for start, vi in TOML_VI if english.startswith(start)), TOML_VI_OTHER))


def _position(message: str) -> tuple[int | None, int | None]:
    """Line and column of a TOMLDecodeError, from its message ("… (at line 3, column 7)")."""
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match[1]), int(match[2])) if match else (None, None)
