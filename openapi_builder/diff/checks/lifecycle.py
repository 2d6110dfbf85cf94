"""Deprecation and ``x-sunset``: the dates that say when a deprecated thing may go.

``x-sunset`` is an ISO 8601 date (``2024-06-30``) or date-time (its date part is used), as text
or as the date a YAML loader already made of it. The sunset day itself counts as reached. The
same judgement applies to endpoints, parameters and properties: removing a deprecated thing
before its sunset breaks the promise its deprecation made; after it, it is expected.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[Tt ].*)?$")


def sunset_date(value: object) -> date | None:
    """The date of an ``x-sunset`` value, or None when it is missing or not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE.match(value.strip())
        if match:
            try:
                return date.fromisoformat(match.group(1))
            except ValueError:
                return None
    return None
