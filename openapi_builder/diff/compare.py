"""The schema walk: resolved, memoized per ``$ref`` pair, cycle-safe, without recursion.

Schemas are compared in *units*. A unit is one pair of resolved schemas (base, revision) plus
the inline subtree below it, up to the next ``$ref`` on either side; every ``$ref`` pair
found there becomes a child unit, created once per (base target, revision target, direction,
subject) and shared by every place that reaches it. Units form a graph (cycles included), walked
with an explicit worklist, so neither a circular component nor a schema nested 10,000 levels
deep needs Python recursion.

Findings are recorded at the pointers where the schemas are *defined* (inside the component,
not at each use), and each unit collects the operations that reach it; a finding therefore
comes out once, listing every affected operation. Because both sides are resolved before they
are compared, a ``$ref`` to an equal schema, an inline schema moved into a component, and a
renamed component all compare equal.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from openapi_builder.diff.change import Args, Change, show
from openapi_builder.diff.checks.lifecycle import NO_POLICY, DeprecationPolicy
from openapi_builder.diff.checks.schema import (
    KEYWORD_CHECKS,
    check_nullable,
    text_widened,
)
from openapi_builder.diff.members import (
    as_member,
    composed,
    describe,
    match_members,
    members_of,
    same_schema,
)
from openapi_builder.diff.pairs import Pair, child_pair, member_tokens, subschemas
from openapi_builder.diff.pointer import join
from openapi_builder.diff.property_lifecycle import (
    Deprecation,
    removed_deprecated,
    stability_changes,
)
from openapi_builder.diff.resolve import Resolved, Resolver, Unresolved

Schema = Mapping[str, Any]

# Property presence and requiredness, by direction: (change, required?) -> rule id.
_PROPERTY_RULES: Mapping[tuple[str, str, bool], str] = {
    ("request", "added", True): "new-required-request-property",
    ("request", "added", False): "new-optional-request-property",
    ("request", "removed", True): "request-property-removed",
    ("request", "removed", False): "request-property-removed",
    ("response", "added", True): "response-required-property-added",
    ("response", "added", False): "response-optional-property-added",
    ("response", "removed", True): "response-required-property-removed",
    ("response", "removed", False): "response-optional-property-removed",
}
_REQUIRED_RULES: Mapping[tuple[str, bool], str] = {
    ("request", True): "request-property-became-required",
    ("request", False): "request-property-became-optional",
    ("response", True): "response-property-became-required",
    ("response", False): "response-property-became-optional",
}
# Composition members without a partner: (keyword family, side) -> rule id suffix; the
# direction is prefixed (`request-property-any-of-added`).
_MEMBER_RULES: Mapping[tuple[str, str], str] = {
    ("anyOf", "added"): "any-of-added",
    ("anyOf", "removed"): "any-of-removed",
    ("allOf", "added"): "all-of-added",
    ("allOf", "removed"): "all-of-removed",
}

_Finding = tuple[str, Args, "str | None", "str | None"]


@dataclass(slots=True)
class _Unit:
    base: Resolved
    revision: Resolved
    direction: str
    subject: str
    label: str
    subject_args: Args
    refs: tuple[object, object] = (None, None)  # the raw $ref strings that led here
    textual: bool = False  # see Pair.textual
    findings: list[_Finding] = field(default_factory=list)
    # deprecated properties, judged once the operations (and so the notice owed) are known
    deprecations: list[Deprecation] = field(default_factory=list)
    children: set[int] = field(default_factory=set)
    bits: int = 0


class SchemaComparer:
    """Compares every schema pair the operation checks hand it, each ``$ref`` pair once.

    Call :meth:`use` for each place a schema is used (a parameter, a body media type, a
    response header) with the operation it belongs to, then :meth:`changes` once.
    """

    def __init__(
        self,
        base: Resolver,
        revision: Resolver,
        today: date | None = None,
        policy: DeprecationPolicy = NO_POLICY,
        threshold: int = 0,
    ) -> None:
        self.today = today or date.today()
        self.policy = policy
        self.threshold = threshold  # properties less stable than this: no stability change
        self._base = base
        self._revision = revision
        # Only within one document is a shared object certain to mean the same schema: two
        # documents sharing a sub-dict may still resolve its `$ref`s to different targets.
        self._same_document = base.document is revision.document
        self._units: list[_Unit] = []
        self._memo: dict[tuple[object, ...], int] = {}
        self._pending: list[int] = []
        self._operations: dict[str, int] = {}
        self._notice: dict[str, int] = {}  # operation -> days of notice its policy asks
        self._unresolved: list[tuple[int, _Finding]] = []

    def use(
        self,
        base: Schema,
        base_pointer: str,
        revision: Schema,
        revision_pointer: str,
        *,
        direction: str,
        subject: str,
        label: str,
        operation: str,
        subject_args: Args = (),
        textual: bool = False,
    ) -> None:
        """Register one use of a schema pair by ``operation`` (``METHOD /path``); ``textual``
        for the schema of a parameter serialized as text."""
        bit = self._operations.setdefault(operation, len(self._operations))
        unit = self._unit(
            base,
            base_pointer,
            revision,
            revision_pointer,
            direction,
            subject,
            label,
            subject_args,
            textual,
        )
        self._units[unit].bits |= 1 << bit

    def owe_notice(self, operation: str, days: int) -> None:
        """The days of notice deprecating a property of ``operation`` must give (the policy
        for the operation's stability; ``stable``'s for operations never named here)."""
        self._notice[operation] = days

    def changes(self) -> list[Change]:
        """Walk every registered pair and return the findings, one per definition."""
        while self._pending:
            self._walk(self._pending.pop())
        self._propagate()
        labels = sorted(self._operations, key=self._operations.__getitem__)
        merged: dict[_Finding, int] = {}
        for unit in self._units:
            for finding in unit.findings:
                merged[finding] = merged.get(finding, 0) | unit.bits
            if unit.deprecations:
                for finding, bits in self._judge_deprecations(unit, labels):
                    merged[finding] = merged.get(finding, 0) | bits
        changes = []
        for (rule_id, args, base_pointer, revision_pointer), bits in merged.items():
            if not bits:
                continue
            operations = tuple(sorted(labels[i] for i in _bit_indices(bits)))
            changes.append(
                Change(
                    rule_id=rule_id,
                    args=args,
                    base_pointer=base_pointer,
                    revision_pointer=revision_pointer,
                    operations=operations,
                )
            )
        return changes

    # -- units ----------------------------------------------------------------------------

    def _unit(
        self,
        base: Schema,
        base_pointer: str,
        revision: Schema,
        revision_pointer: str,
        direction: str,
        subject: str,
        label: str,
        subject_args: Args,
        textual: bool = False,
    ) -> int:
        old = self._base.resolve(base, base_pointer)
        new = self._revision.resolve(revision, revision_pointer)
        if isinstance(old, Unresolved) or isinstance(new, Unresolved):
            return self._unresolved_unit(old, new)
        if subject != "request-parameter":
            label = old.name or new.name or label
            subject_args = (("property", label),)
        key = (id(old.node), id(new.node), direction, subject, subject_args, textual)
        found = self._memo.get(key)
        if found is not None:
            return found
        index = len(self._units)
        refs = (base.get("$ref"), revision.get("$ref"))
        unit = _Unit(old, new, direction, subject, label, subject_args, refs, textual)
        self._units.append(unit)
        self._memo[key] = index
        self._pending.append(index)
        return index

    def _unresolved_unit(self, old: Resolved | Unresolved, new: Resolved | Unresolved) -> int:
        findings: list[_Finding] = []
        for side in (old, new):
            if isinstance(side, Unresolved):
                base_pointer = side.pointer if side is old else None
                revision_pointer = side.pointer if side is new else None
                args = (("ref", side.ref),)
                findings.append(("ref-unresolvable", args, base_pointer, revision_pointer))
        key = ("unresolved", *findings)
        found = self._memo.get(key)
        if found is not None:
            return found
        empty = Resolved({}, "", None)
        unit = _Unit(empty, empty, "none", "", "", (), findings=findings)
        self._units.append(unit)
        self._memo[key] = len(self._units) - 1
        return len(self._units) - 1

    def _walk(self, index: int) -> None:
        unit = self._units[index]
        start = Pair(
            unit.base.node,
            unit.base.pointer,
            unit.revision.node,
            unit.revision.pointer,
            unit.label,
            unit.subject,
            unit.subject_args,
            unit.refs,
            unit.direction,
            unit.textual,
        )
        stack = [start]
        seen: set[tuple[int, int]] = set()
        while stack:
            pair = stack.pop()
            if (id(pair.base), id(pair.revision)) in seen:
                continue  # a YAML alias can make one object appear twice below a unit
            if pair.base is pair.revision and self._same_document:
                continue  # one object in one document (a self-diff) cannot differ from itself
            seen.add((id(pair.base), id(pair.revision)))
            for child in self._compare(unit, pair):
                if "$ref" in child.base or "$ref" in child.revision:
                    unit.children.add(
                        self._unit(
                            child.base,
                            child.base_pointer,
                            child.revision,
                            child.revision_pointer,
                            child.direction,
                            child.subject,
                            child.label,
                            child.subject_args,
                            child.textual,
                        )
                    )
                else:
                    stack.append(child)

    def _propagate(self) -> None:
        """Push each unit's operation bits down to every unit it reaches (cycles included)."""
        incoming = [unit.bits for unit in self._units]
        queue = deque(i for i, bits in enumerate(incoming) if bits)
        done = [0] * len(self._units)
        queued = set(queue)
        while queue:
            index = queue.popleft()
            queued.discard(index)
            fresh = incoming[index] & ~done[index]
            if not fresh:
                continue
            done[index] |= fresh
            for child in self._units[index].children:
                # incoming & ~done != 0 implies queued, so only bits new to `incoming` matter.
                if fresh & ~incoming[child]:
                    incoming[child] |= fresh
                    if child not in queued:
                        queued.add(child)
                        queue.append(child)
        for unit, bits in zip(self._units, done, strict=True):
            unit.bits = bits

    # -- one pair ---------------------------------------------------------------------------

    def _compare(self, unit: _Unit, pair: Pair) -> Iterator[Pair]:
        """Record ``pair``'s own findings in ``unit``; yield the child pairs to compare."""
        base, revision, direction = pair.base, pair.revision, pair.direction
        wrapped = _wrapped_in_one_of(pair, dict(pair.subject_args).get("name", pair.label))
        if wrapped is not None:
            unit.findings.append(wrapped)
            return
        if pair.textual:
            widened = text_widened(base, revision)
            if widened is not None:
                unit.findings.append(
                    (
                        f"{pair.subject}-type-generalized",
                        _args(pair.subject_args, widened),
                        pair.base_pointer,
                        pair.revision_pointer,
                    )
                )
                # The type is judged; the other keywords are still compared.
                base = {k: v for k, v in base.items() if k not in ("type", "format")}
                base.update({k: revision[k] for k in ("type", "format") if k in revision})
        # A plain schema against a union: the plain side is compared with its matching member
        # (see _members), so comparing its properties with the union's would be noise.
        mixed = composed(base) != composed(revision)
        keys = base.keys() | revision.keys()
        checks = (
            (check_nullable,)
            if mixed
            else [check for triggers, check in KEYWORD_CHECKS if not triggers.isdisjoint(keys)]
        )
        for check in checks:
            for suffix, args in check(base, revision, direction):
                unit.findings.append(
                    (
                        f"{pair.subject}-{suffix}",
                        _args(pair.subject_args, args),
                        pair.base_pointer,
                        pair.revision_pointer,
                    )
                )
        subject = "request-property" if pair.subject == "request-parameter" else pair.subject
        label = dict(pair.subject_args).get("name", pair.label)
        if not mixed:
            yield from self._properties(unit, pair, subject, label)
            yield from subschemas(pair, subject, label)
        for keyword in ("allOf", "anyOf", "oneOf"):
            yield from self._members(unit, pair, keyword, subject, label)

    def _properties(self, unit: _Unit, pair: Pair, subject: str, label: str) -> Iterator[Pair]:
        old_props, new_props = pair.base.get("properties"), pair.revision.get("properties")
        old_props = old_props if isinstance(old_props, Mapping) else {}
        new_props = new_props if isinstance(new_props, Mapping) else {}
        if not old_props and not new_props:
            return
        old_required, new_required = _required(pair.base), _required(pair.revision)
        direction = pair.direction
        # A readOnly property is never sent, a writeOnly one never returned: skip them there.
        hidden = "readOnly" if direction == "request" else "writeOnly"
        for name in sorted(old_props.keys() | new_props.keys()):
            old, new = old_props.get(name), new_props.get(name)
            child_label = f"{label}.{name}" if label else name
            args = (("property", child_label),)
            old_pointer = join(pair.base_pointer, "properties", name)
            new_pointer = join(pair.revision_pointer, "properties", name)
            if isinstance(old, Mapping) and isinstance(new, Mapping):
                was, now = name in old_required, name in new_required
                if was != now and not (new.get(hidden) is True or old.get(hidden) is True):
                    rule = _REQUIRED_RULES[(direction, now)]
                    unit.findings.append((rule, args, old_pointer, new_pointer))
                for rule, extra in stability_changes(direction, old, new, self.threshold):
                    unit.findings.append(
                        (rule, tuple(sorted((*args, *extra))), old_pointer, new_pointer)
                    )
                if old.get("deprecated") is True or new.get("deprecated") is True:
                    pointers = (old_pointer, new_pointer)
                    unit.deprecations.append(Deprecation(direction, old, new, args, pointers))
                yield child_pair(pair, ("properties", name), old, new, child_label, subject)
            elif isinstance(new, Mapping) and new.get(hidden) is not True:
                rule = _PROPERTY_RULES[(direction, "added", name in new_required)]
                unit.findings.append((rule, args, pair.base_pointer, new_pointer))
            elif isinstance(old, Mapping) and old.get(hidden) is not True:
                rule = _PROPERTY_RULES[(direction, "removed", name in old_required)]
                found: Args = args
                if old.get("deprecated") is True:
                    rule, found = removed_deprecated(direction, rule, args, old, self.today)
                unit.findings.append((rule, found, old_pointer, pair.revision_pointer))

    def _judge_deprecations(self, unit: _Unit, labels: list[str]) -> Iterator[tuple[_Finding, int]]:
        """The unit's deprecated properties judged per notice owed: operations sharing the
        schema may owe different notice, and each finding names only those it concerns."""
        by_notice: dict[int, int] = {}
        for index in _bit_indices(unit.bits):
            notice = self._notice.get(labels[index], self.policy.days("stable"))
            by_notice[notice] = by_notice.get(notice, 0) | 1 << index
        for notice, bits in sorted(by_notice.items()):
            for entry in unit.deprecations:
                judged = entry.judge(notice, self.today)
                if judged is not None:
                    rule, extra = judged
                    args = tuple(sorted((*entry.args, *extra)))
                    yield (rule, args, *entry.pointers), bits

    def _twin(
        self,
        keyword: str,
        side: str,
        member: Schema,
        old_list: list[tuple[int | None, Schema]],
        new_list: list[tuple[int | None, Schema]],
    ) -> Schema | None:
        """For a member added (removed), a member the same schema that was there before (is
        still there), if any. A ``oneOf`` alternative removed beside its twin is left to the
        usual rules: the instances both matched were invalid before."""
        if keyword == "oneOf" and side == "removed":
            return None
        resolver = self._revision if side == "added" else self._base
        others = old_list if side == "added" else new_list
        other_resolver = self._base if side == "added" else self._revision
        for _, other in others:
            if other is not member and same_schema(member, resolver, other, other_resolver):
                return other
        return None

    def _members(
        self, unit: _Unit, pair: Pair, keyword: str, subject: str, label: str
    ) -> Iterator[Pair]:
        old_list, new_list = members_of(pair.base, keyword), members_of(pair.revision, keyword)
        if not old_list and not new_list:
            return
        # `X` -> `anyOf: [X, Y]` (and back): the plain side counts as its own single member,
        # so only Y is reported, not a whole new union.
        if not old_list and not composed(pair.base):
            old_list = [(None, as_member(pair.base, pair.refs[0]))]
        if not new_list and not composed(pair.revision):
            new_list = [(None, as_member(pair.revision, pair.refs[1]))]
        pairs, removed, added = match_members(
            [m for _, m in old_list], [m for _, m in new_list], self._base, self._revision
        )
        family = "allOf" if keyword == "allOf" else "anyOf"
        for i, j in pairs:
            (oi, old), (nj, new) = old_list[i], new_list[j]
            old = pair.base if oi is None else old
            new = pair.revision if nj is None else new
            child = child_pair(
                pair,
                member_tokens(keyword, oi),
                old,
                new,
                label,
                subject,
                member_tokens(keyword, nj),
            )
            if pair.subject == "request-parameter":
                # An alternative of a parameter's schema is still the parameter's value.
                child = replace(child, subject=pair.subject, subject_args=pair.subject_args)
            yield child
        for side, indices, members in (("removed", removed, old_list), ("added", added, new_list)):
            for i in indices:
                position, member = members[i]
                suffix = _MEMBER_RULES[(family, side)]
                described = {"alternative": describe(member), "keyword": keyword}
                twin = self._twin(keyword, side, member, old_list, new_list)
                if twin is not None:
                    described["same"] = describe(twin)
                    # anyOf / allOf: the set of instances is unchanged. oneOf: whatever matched
                    # the twin now matches two alternatives, so it is rejected.
                    suffix = (
                        "one-of-equivalent-added"
                        if keyword == "oneOf"
                        else suffix.replace("-of-", "-of-equivalent-")
                    )
                if pair.subject == "request-parameter":
                    rule = f"request-parameter-{suffix}"
                    args = _args(pair.subject_args, described)
                else:
                    rule = f"{pair.direction}-property-{suffix}"
                    args = _args((("property", label or "(root)"),), described)
                if side == "removed":
                    where = (
                        join(pair.base_pointer, *member_tokens(keyword, position)),
                        pair.revision_pointer,
                    )
                else:
                    where = (
                        pair.base_pointer,
                        join(pair.revision_pointer, *member_tokens(keyword, position)),
                    )
                unit.findings.append((rule, args, *where))


def _wrapped_in_one_of(pair: Pair, label: str) -> _Finding | None:
    """A request object whose properties moved into ``oneOf`` alternatives that each declare
    them: a body valid for several alternatives is now rejected (``oneOf`` needs exactly one)."""
    if pair.direction != "request":
        return None
    old_props, members = pair.base.get("properties"), pair.revision.get("oneOf")
    if not isinstance(old_props, Mapping) or not old_props or not isinstance(members, list):
        return None
    if isinstance(pair.revision.get("properties"), Mapping) or "oneOf" in pair.base:
        return None
    declared = [m.get("properties") for m in members if isinstance(m, Mapping) and "$ref" not in m]
    if len(declared) < 2 or not all(isinstance(p, Mapping) for p in declared):
        return None
    moved = set(old_props)
    if not all(moved <= set(p) for p in declared if isinstance(p, Mapping)):
        return None
    args = (("alternatives", str(len(declared))), ("property", label or "(root)"))
    return ("request-body-wrapped-in-one-of", args, pair.base_pointer, pair.revision_pointer)


def _args(subject_args: Args, args: Mapping[str, object]) -> Args:
    return tuple(sorted((*subject_args, *((k, show(v)) for k, v in args.items()))))


def _required(schema: Schema) -> frozenset[str]:
    required = schema.get("required")
    if not isinstance(required, list):
        return frozenset()
    return frozenset(name for name in required if isinstance(name, str))


def _bit_indices(bits: int) -> Iterator[int]:
    index = 0
    while bits:
        if bits & 1:
            yield index
        bits >>= 1
        index += 1
