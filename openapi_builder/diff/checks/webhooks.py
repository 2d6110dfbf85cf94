"""Webhook checks (OpenAPI 3.1 ``webhooks``): a webhook that disappears is one clients
subscribed to and will silently stop receiving."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.context import mapping
from openapi_builder.diff.pointer import join


def check_webhooks(base: Mapping[str, Any], revision: Mapping[str, Any]) -> Iterator[Change]:
    """Webhooks removed (breaking) and added (info), by name."""
    old, new = mapping(base, "webhooks"), mapping(revision, "webhooks")
    for name in sorted(old.keys() - new.keys()):
        yield make_change("webhook-removed", base=join("/webhooks", name), revision=None, name=name)
    for name in sorted(new.keys() - old.keys()):
        yield make_change("webhook-added", base=None, revision=join("/webhooks", name), name=name)
