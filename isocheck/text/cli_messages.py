"""The Vietnamese of the problem texts of Python's TOML reader (``isocheck.toml``, :mod:`isocheck.cli.settings`).

The pairs are the gettext catalog's entries of context ``toml:NN`` (:mod:`isocheck.text.catalog`): the start of
tomllib's English text and its Vietnamese, tried in the order of NN; ``toml:other`` the Vietnamese of any
other. The command line's own lines and settings problems, once tables here, are catalog entries too (keys
``usage.*``, ``init.*``, ``import.*``; ``problem:settings.*``).
"""

from __future__ import annotations

from isocheck.text.catalog import keyed, ordered

TOML_VI: tuple[tuple[str, str], ...] = ordered("toml:")
TOML_VI_OTHER: str = keyed("toml:")["other"]["vi"]
