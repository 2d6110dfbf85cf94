"""Hypothesis profiles for the reliability suite, and helpers shared by its tests.

Profiles (``--hypothesis-profile=NAME``; ``ci`` when none is given):

- ``ci``: bounded example counts so the whole directory runs in well under a minute on two
  shared cores; no deadline (timing on a loaded CI box is noise, not a finding); no example
  database, so a CI run never depends on an earlier one.
- ``long``: forty times more examples, for a deep local run before a release.

Each test scales the profile's ``max_examples`` by its own cost with ``examples(fraction)``.
The profiles are registered when this file is imported; run the long profile on this
directory (``pytest tests/reliability --hypothesis-profile=long``) so they exist before
hypothesis reads the option.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

CI_EXAMPLES = 50
LONG_EXAMPLES = 2000

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "database": None,
    "print_blob": True,
}
settings.register_profile("ci", max_examples=CI_EXAMPLES, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=LONG_EXAMPLES, **_COMMON)  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    # The hypothesis plugin loads an explicitly chosen profile itself; only pick the default.
    if not config.getoption("--hypothesis-profile", default=None):
        settings.load_profile("ci")
