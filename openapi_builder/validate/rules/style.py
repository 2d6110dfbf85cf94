"""Style checks, off by default: things a published API usually has."""

from __future__ import annotations

from collections.abc import Iterator

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.rules.context import Context

__all__ = ["info_contact"]


def info_contact(ctx: Context) -> Iterator[Finding]:
    """``info`` names a contact."""
    info = ctx.document.get("info")
    if isinstance(info, dict) and not isinstance(info.get("contact"), dict):
        yield Finding(
            "info-contact",
            "/info",
            "info has no contact",
            hint="add info.contact with a name, url or email",
        )
