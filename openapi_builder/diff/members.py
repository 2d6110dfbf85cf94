"""Composition members (``allOf``/``anyOf``/``oneOf``): which count, and how the two sides pair.

Members are paired by what they are, not where they stand: the same ``$ref`` first, then the
same type signature, then by position when as many remain on both sides. Pydantic's
``{"type": "null"}`` alternative and annotation-only ``allOf`` members are left out: null-ness
is judged by the nullable check, and an annotation accepts every instance.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from openapi_builder.diff.checks.schema import is_null_schema, types_of
from openapi_builder.diff.pointer import last_token
from openapi_builder.diff.resolve import Resolved, Resolver

Schema = Mapping[str, Any]

COMPOSITIONS = ("allOf", "anyOf", "oneOf")


def composed(schema: Schema) -> bool:
    return any(k in schema and members_of(schema, k) for k in COMPOSITIONS)


# Keywords that describe an instance without constraining it.
ANNOTATIONS = frozenset(
    {"title", "description", "$comment", "examples", "example", "deprecated", "externalDocs"}
)


def annotation_only(member: Schema) -> bool:
    """True for an ``allOf`` member that only annotates (accepts every instance)."""
    return all(k in ANNOTATIONS or str(k).startswith("x-") for k in member)


def as_member(schema: Schema, ref: object) -> Schema:
    """A plain schema standing in as a member: its original ``$ref`` when it had one, so it
    pairs with the same ``$ref`` on the other side."""
    return {"$ref": ref} if isinstance(ref, str) else schema


def members_of(schema: Schema, keyword: str) -> list[tuple[int | None, Schema]]:
    """Members of a composition keyword, without pydantic's ``{"type": "null"}`` alternative
    (null-ness is judged by the nullable check instead)."""
    members = schema.get(keyword)
    if not isinstance(members, list):
        return []
    return [
        (i, m)
        for i, m in enumerate(members)
        if isinstance(m, Mapping)
        and not (keyword != "allOf" and is_null_schema(m))
        and not (keyword == "allOf" and m and annotation_only(m))
    ]


def same_schema(a: object, a_resolver: Resolver, b: object, b_resolver: Resolver) -> bool:
    """Whether two schemas (each in its own document) are the same once every local ``$ref``
    is followed: ``Rabbit`` and ``Cat`` that both say ``{type: object, properties: {name:
    {type: string}}}``. Exact structure, annotations included; cycles count as equal."""
    assumed: set[tuple[int, int]] = set()
    pending = [(a, b)]
    while pending:
        left, right = pending.pop()
        if isinstance(left, Mapping):
            left = _followed(left, a_resolver)
        if isinstance(right, Mapping):
            right = _followed(right, b_resolver)
        if left is right:
            continue
        if isinstance(left, Mapping) and isinstance(right, Mapping):
            if (id(left), id(right)) in assumed:
                continue
            assumed.add((id(left), id(right)))
            if left.keys() != right.keys():
                return False
            pending.extend((left[k], right[k]) for k in left)
        elif isinstance(left, list) and isinstance(right, list):
            if len(left) != len(right):
                return False
            pending.extend(zip(left, right, strict=True))
        elif type(left) is not type(right) or left != right:
            return False
    return True


def _followed(node: Mapping[str, Any], resolver: Resolver) -> Mapping[str, Any]:
    target = resolver.resolve(node, "")
    return target.node if isinstance(target, Resolved) else node


def signature(member: Schema, resolver: Resolver) -> str:
    target = resolver.resolve(member, "")
    node = target.node if isinstance(target, Resolved) else member
    types = types_of(node)
    return "|".join(sorted(types)) if types else json.dumps(sorted(node.keys()))


def match_members(
    old: Sequence[Schema], new: Sequence[Schema], base: Resolver, revision: Resolver
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair composition members: same ``$ref`` first, then the same type signature (in
    order), then - when as many remain on both sides - by position (a renamed component
    keeps its place)."""
    pairs: list[tuple[int, int]] = []
    left, right = list(range(len(old))), list(range(len(new)))
    refs = {new[j].get("$ref"): j for j in right if isinstance(new[j].get("$ref"), str)}
    for i in list(left):
        j = refs.get(old[i].get("$ref")) if isinstance(old[i].get("$ref"), str) else None
        if j is not None and j in right:
            pairs.append((i, j))
            left.remove(i)
            right.remove(j)
    old_sig = {i: signature(old[i], base) for i in left}
    new_sig = {j: signature(new[j], revision) for j in right}
    for i in list(left):
        same = [j for j in right if new_sig[j] == old_sig[i]]
        if same:  # in order: the first still free member of the same type
            pairs.append((i, same[0]))
            left.remove(i)
            right.remove(same[0])
    if len(left) == len(right):
        pairs.extend(zip(left, right, strict=True))
        left, right = [], []
    return sorted(pairs), left, right


def describe(member: Schema) -> str:
    ref = member.get("$ref")
    if isinstance(ref, str):
        return last_token(ref.partition("#")[2]) or ref
    types = types_of(member)
    return "|".join(sorted(types)) if types else "schema"
