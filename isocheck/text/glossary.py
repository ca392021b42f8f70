"""The Vietnamese of the English problem texts of third-party parsers (PyYAML/libyaml, json, str.format).

:func:`isocheck.text.problems.glossed` looks a text up here (first match wins), so a YAML or JSON syntax
error reads in Vietnamese too. The pairs are the gettext catalog's entries of context ``glossary:NN``
(:mod:`isocheck.text.catalog`), tried in the order of NN. ``CLEARER`` rewords libyaml's English where it says
too little: English for English, so it stays here, not in a translation catalog.
"""

from __future__ import annotations

from isocheck.text.catalog import ordered

CLEARER = {  # libyaml's English where it says too little
    "but found another document": "the file holds more than one YAML document (a second '---'); one per file",
}
# (English needle, Vietnamese), in the order of the catalog's contexts glossary:01, glossary:02, …
GLOSSARY: tuple[tuple[str, str], ...] = ordered("glossary:")
