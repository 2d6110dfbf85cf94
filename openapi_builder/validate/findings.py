"""What a check yields before severity and file positions are known: ``Finding``."""

from __future__ import annotations

import json
from dataclasses import dataclass

__all__ = ["Finding", "short_repr"]

_LIMIT = 60


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's finding at a JSON pointer; ``validate`` turns it into a ``Problem``.

    Checks never pick a severity: the catalogue and the user's overrides do.
    """

    rule_id: str
    pointer: str
    message: str
    hint: str | None = None


def short_repr(value: object, limit: int = _LIMIT) -> str:
    """A one-line rendering of ``value``, cut to ``limit`` characters.

    Messages must stay short whatever the document holds: a finding never embeds a subdocument,
    so containers are summarised by their first keys or their length, never serialised whole.
    """
    if isinstance(value, dict):
        keys = ", ".join(str(key) for key in list(value)[:4])
        text = f"object {{{keys}{', ...' if len(value) > 4 else ''}}}" if value else "{}"
    elif isinstance(value, list):
        text = f"array of {len(value)} item(s)" if value else "[]"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=repr)
        except ValueError:  # NaN and friends are rendered by repr instead
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
