"""Checks on Server Objects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.rules.context import Context

__all__ = ["server_url_trailing_slash"]


def _server_lists(document: Any) -> Iterator[tuple[str, Any]]:
    """(pointer, servers list) at the top level, on path items and on operations."""
    if not isinstance(document, dict):
        return
    yield "/servers", document.get("servers")
    for section in ("paths", "webhooks"):
        items = document.get(section)
        if not isinstance(items, dict):
            continue
        for path, item in items.items():
            if not isinstance(item, dict):
                continue
            base = f"/{section}/{escape(str(path))}"
            yield f"{base}/servers", item.get("servers")
            for method, operation in item.items():
                if isinstance(operation, dict) and "servers" in operation:
                    yield f"{base}/{escape(str(method))}/servers", operation["servers"]


def server_url_trailing_slash(ctx: Context) -> Iterator[Finding]:
    """A server URL does not end with ``/``: joined with a path (which starts with one) it
    would give ``//``. The bare ``/`` (the document's own host) is fine."""
    for pointer, servers in _server_lists(ctx.document):
        if not isinstance(servers, list):
            continue
        for i, server in enumerate(servers):
            url = server.get("url") if isinstance(server, dict) else None
            if isinstance(url, str) and len(url) > 1 and url.endswith("/"):
                yield Finding(
                    "server-url-trailing-slash",
                    f"{pointer}/{i}/url",
                    f"server URL {url!r} ends with '/': joined with a path such as "
                    f"'/items' it gives {url + '/items'!r}",
                    hint=f"write {url.rstrip('/') or '/'!r}",
                )
