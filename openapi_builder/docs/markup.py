"""Small HTML helpers shared by the pages: escaping, anchors and bounded JSON for examples.

Every piece of text that comes from a document goes through :func:`esc` (or
:func:`json_block`, which escapes too), so a description holding ``<script>`` stays text.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

#: An example longer than this is cut, with a note saying how much was left out.
MAX_EXAMPLE_CHARS = 20_000

_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")


def esc(value: object) -> str:
    """Text made safe for HTML content and attribute values (quotes included)."""
    return html.escape(value if isinstance(value, str) else str(value), quote=True)


def to_json_text(value: Any, *, indent: int | None = 2) -> str:
    """JSON text of a value from a document, or a short note when it cannot be shown.

    Documents are loaded with a depth bound, but a dict handed to us directly may be deeper
    than the encoder's recursion limit; such a value gets a note, never an exception.
    """
    try:
        return json.dumps(value, indent=indent, ensure_ascii=False, default=str)
    except (RecursionError, ValueError):
        return "(too deeply nested to show)"


def json_block(value: Any, *, limit: int = MAX_EXAMPLE_CHARS) -> str:
    """A ``<pre>`` block with the value as indented JSON, cut at ``limit`` characters."""
    text = to_json_text(value)
    if len(text) > limit:
        text = f"{text[:limit]}\n… {len(text) - limit} more characters not shown"
    return f'<pre class="json">{esc(text)}</pre>'


def short_json(value: Any, limit: int = 120) -> str:
    """One-line JSON of a value (a default, an enum member), cut at ``limit`` characters."""
    text = to_json_text(value, indent=None)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Anchors:
    """Unique, stable HTML ids: the same key always gets the same id within one page."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()

    def get(self, kind: str, key: str) -> str:
        """The id for ``key`` of ``kind`` (``op``, ``tag``, ``schema``...), made on first use."""
        found = self._ids.get((kind, key))
        if found is not None:
            return found
        slug = _SLUG.sub("-", key).strip("-") or "x"
        candidate = f"{kind}-{slug}"
        number = 2
        while candidate in self._taken:
            candidate = f"{kind}-{slug}-{number}"
            number += 1
        self._taken.add(candidate)
        self._ids[(kind, key)] = candidate
        return candidate
