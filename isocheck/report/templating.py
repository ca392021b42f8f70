"""The Jinja2 environment of the HTML outputs: templates in ``isocheck/report/templates/``, autoescape on.

Every value a template prints is escaped (``<``, ``&``, quotes) unless it is :class:`markupsafe.Markup`
made here from a packaged file (the stylesheet); undefined names are errors, never empty text. The
templates ship inside the wheel (hatch packages the whole ``isocheck`` folder).
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

_TEMPLATES = "templates"


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("isocheck.report", _TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: Any) -> str:
    """Render one packaged template with ``context``."""
    return environment().get_template(name).render(**context)


@functools.cache
def packaged_text(name: str) -> Markup:
    """A packaged file of the templates folder (a stylesheet), as markup to inline verbatim."""
    text = resources.files("isocheck.report").joinpath(_TEMPLATES).joinpath(name).read_text(encoding="utf-8")
    return Markup(text)
