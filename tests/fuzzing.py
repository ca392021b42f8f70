"""How hard the property and fuzz tests search: a few seconds by default, more on request.

``ISOCHECK_FUZZ=large`` multiplies every test's examples by 25 (minutes: for a night run or before a
release); ``ISOCHECK_FUZZ=<number>`` multiplies them by that number. The default keeps the whole suite
fast. Hypothesis keeps no example database (``database=None``): every run draws new documents.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SCALE = os.environ.get("ISOCHECK_FUZZ", "1")
SCALE = 25 if _SCALE == "large" else max(1, int(_SCALE)) if _SCALE.isdigit() else 1


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for ``examples`` examples (times :data:`SCALE`), without deadline or database."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
