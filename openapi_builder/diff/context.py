"""What every operation check needs: both resolvers, the schema comparer, "today" and the
deprecation policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.checks.lifecycle import NO_POLICY, DeprecationPolicy
from openapi_builder.diff.compare import SchemaComparer
from openapi_builder.diff.resolve import Resolved, Resolver, Unresolved


@dataclass(frozen=True, slots=True)
class Context:
    """Shared state of one diff run (the comparer accumulates schema uses)."""

    base: Resolver
    revision: Resolver
    schemas: SchemaComparer
    today: date
    policy: DeprecationPolicy = NO_POLICY

    def resolve_pair(
        self,
        old: object,
        old_pointer: str,
        new: object,
        new_pointer: str,
        operation: str,
    ) -> tuple[Resolved | None, Resolved | None, list[Change]]:
        """Resolve a node on each side; an unresolvable ``$ref`` becomes a change instead."""
        problems: list[Change] = []
        old_target = _resolve(self.base, old, old_pointer)
        new_target = _resolve(self.revision, new, new_pointer)
        if isinstance(old_target, Unresolved):
            problems.append(unresolvable(old_target, None, operation))
            old_target = None
        if isinstance(new_target, Unresolved):
            problems.append(unresolvable(None, new_target, operation))
            new_target = None
        return old_target, new_target, problems


def _resolve(resolver: Resolver, node: object, pointer: str) -> Resolved | Unresolved | None:
    if not isinstance(node, Mapping):
        return None
    return resolver.resolve(node, pointer)


def unresolvable(old: Unresolved | None, new: Unresolved | None, operation: str) -> Change:
    """The ``ref-unresolvable`` change for a ``$ref`` on one side."""
    side = old or new
    assert side is not None
    return make_change(
        "ref-unresolvable",
        base=old.pointer if old else None,
        revision=new.pointer if new else None,
        operations=(operation,),
        ref=side.ref,
    )


def mapping(node: object, key: str) -> Mapping[str, Any]:
    """``node[key]`` when both are mappings, else an empty mapping."""
    if isinstance(node, Mapping):
        value = node.get(key)
        if isinstance(value, Mapping):
            return value
    return {}
