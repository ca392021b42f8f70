"""Output formats. Each module renders a :class:`isocheck.api.Report` as text in one language.

``FORMATS`` is the single registry the CLI offers; a test checks every format renders every fixture.
"""

from __future__ import annotations

from collections.abc import Callable

from isocheck.report import html, json_format, table

FORMATS: dict[str, Callable] = {
    "table": table.render,
    "json": json_format.render,
    "html": html.render,
}
