"""``diff(base, revision)``: compare two OpenAPI documents and classify every change."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

from openapi_builder._gc import paused_gc
from openapi_builder.diff.change import Args, Change
from openapi_builder.diff.checks.bodies import check_request_body, check_responses
from openapi_builder.diff.checks.endpoints import (
    check_added,
    check_endpoint,
    check_removed,
    check_stability,
)
from openapi_builder.diff.checks.lifecycle import (
    NO_POLICY,
    STABILITY_LEVELS,
    DeprecationPolicy,
    stability_of,
    stability_rank,
)
from openapi_builder.diff.checks.parameters import check_parameters
from openapi_builder.diff.checks.security import check_security
from openapi_builder.diff.checks.webhooks import check_webhooks
from openapi_builder.diff.compare import SchemaComparer
from openapi_builder.diff.context import Context
from openapi_builder.diff.ignore import (
    IgnoreEntry,
    accepts_everywhere,
    parse_ignore_file,
    split_ignored,
)
from openapi_builder.diff.operations import OperationSite, collect_operations
from openapi_builder.diff.options import check_severity_overrides, path_filter
from openapi_builder.diff.report import DiffReport, ReportedChange
from openapi_builder.diff.resolve import Resolver
from openapi_builder.diff.rules import FAIL_ON_VALUES, RULES, FailOn, Level
from openapi_builder.diff.sources import Place, read_spec
from openapi_builder.errors import DiffOptionError

Source = Mapping[str, Any] | str | os.PathLike[str]


@paused_gc()
def diff(
    base: Source,
    revision: Source,
    *,
    fail_on: FailOn = "breaking",
    ignore: Iterable[IgnoreEntry] | str | os.PathLike[str] | None = None,
    severity: Mapping[str, str] | None = None,
    match_path: str | Sequence[str] | None = None,
    unmatch_path: str | Sequence[str] | None = None,
    today: date | None = None,
    deprecation_days_beta: int = 0,
    deprecation_days_stable: int = 0,
    stability_level: str | None = None,
    root: str | os.PathLike[str] | None = None,
) -> DiffReport:
    """Compare two OpenAPI documents and report what changed and what breaks clients.

    Args:
        base, revision: documents as dicts, or paths (``str``/``PathLike``); a ``str`` may be
            ``GITREV:path`` (see :func:`read_spec_source`). Dicts are never modified.
        fail_on: the level from which ``exit_code`` is 1: ``breaking``, ``warning``, ``info``
            or ``never``.
        ignore: accepted changes - entries, or the path of an ignore file
            (see :mod:`openapi_builder.diff.ignore`); they move to ``report.ignored``.
        severity: per-rule level overrides, ``{rule id: breaking|warning|info|off}``.
        match_path, unmatch_path: regexes on paths; only operations whose path matches one
            ``match_path`` and no ``unmatch_path`` are compared.
        today: the date ``x-sunset`` is judged against (default: today, local time).
        deprecation_days_beta, deprecation_days_stable: the deprecation policy - the minimum
            days between deprecating an operation of that ``x-stability-level`` (``stable``
            when absent), or one of its parameters, and its ``x-sunset``; with a policy, a
            deprecation without a sunset is breaking too (default 0: only a sunset already
            past is refused).
        stability_level: compare only operations at least this stable (``draft``, ``alpha``,
            ``beta`` or ``stable``): removed ones by their base stability, others by their
            revision's; a stability change is reported when the base was in scope.
        root: the folder outside which no file a ``$ref`` names is read, for both sides
            (default: each document's own folder; see :func:`read_spec_source`).

    Returns:
        A :class:`DiffReport`; its ``changes`` are sorted by ``ReportedChange.sort_key``.

    Raises:
        LoadError: a path cannot be read or parsed.
        DiffOptionError: an option is invalid (unknown rule id or level, bad regex, days
            that are not a whole number 0 or more, an unknown stability level).
    """
    if fail_on not in FAIL_ON_VALUES:
        raise DiffOptionError(
            f"fail_on must be one of {', '.join(FAIL_ON_VALUES)}, not {fail_on!r}"
        )
    overrides = check_severity_overrides(severity or {})
    entries = _ignore_entries(ignore)
    keep = path_filter(match_path, unmatch_path)
    policy = DeprecationPolicy(
        beta_days=_days("deprecation_days_beta", deprecation_days_beta),
        stable_days=_days("deprecation_days_stable", deprecation_days_stable),
    )
    threshold = _stability_threshold(stability_level)
    old_doc, old_name, _, old_show, _ = _document(base, root)
    new_doc, new_name, locate, new_show, place = _document(revision, root)
    changes = detect_changes(
        old_doc,
        new_doc,
        keep=keep,
        today=today or date.today(),
        policy=policy,
        threshold=threshold,
        show=(old_show, new_show),
    )
    reported: list[ReportedChange] = []
    ignored: list[ReportedChange] = []
    for change in changes:
        override = overrides.get(change.rule_id)
        if override == "off":
            continue
        level: Level = RULES[change.rule_id].level if override is None else override
        if change.operations:
            kept, accepted = split_ignored(change.rule_id, change.operations, entries)
        elif accepts_everywhere(change.rule_id, entries):
            kept, accepted = (), ()
            ignored.append(_reported(change, level, ()))
            continue
        else:
            kept, accepted = (), ()
            reported.append(_reported(change, level, ()))
            continue
        if kept:
            reported.append(_reported(change, level, kept))
        if accepted:
            ignored.append(_reported(change, level, accepted))
    return DiffReport(
        changes=tuple(sorted(reported, key=ReportedChange.sort_key)),
        ignored=tuple(sorted(ignored, key=ReportedChange.sort_key)),
        fail_on=fail_on,
        base_source=old_name,
        revision_source=new_name,
        revision_position=locate,
        revision_place=place,
    )


def detect_changes(
    base: Mapping[str, Any],
    revision: Mapping[str, Any],
    *,
    keep: Any = lambda _path: True,
    today: date,
    policy: DeprecationPolicy = NO_POLICY,
    threshold: int = 0,
    show: tuple[Show | None, Show | None] = (None, None),
) -> list[Change]:
    """Every raw change between two documents, merged so each (rule, args, pointers) appears
    once with the union of its operations. No levels, overrides or messages yet. ``threshold``
    is the rank (in ``STABILITY_LEVELS``) of the least stable operation compared. ``show``
    says, per side, how pointers into parts bundled from other files are reported."""
    old_resolver = Resolver(base, show=show[0])
    new_resolver = Resolver(revision, show=show[1])
    schemas = SchemaComparer(old_resolver, new_resolver, today, policy, threshold)
    ctx = Context(old_resolver, new_resolver, schemas, today, policy)
    merged: dict[tuple[str, Args, str | None, str | None], set[str]] = {}
    for change in _operation_changes(ctx, base, revision, keep, threshold):
        key = (change.rule_id, change.args, change.base_pointer, change.revision_pointer)
        merged.setdefault(key, set()).update(change.operations)
    return [
        Change(
            rule_id=rule_id,
            args=args,
            base_pointer=base_pointer,
            revision_pointer=revision_pointer,
            operations=tuple(sorted(operations)),
        )
        for (rule_id, args, base_pointer, revision_pointer), operations in merged.items()
    ]


def _operation_changes(
    ctx: Context,
    base: Mapping[str, Any],
    revision: Mapping[str, Any],
    keep: Callable[[str], bool],
    threshold: int,
) -> Iterator[Change]:
    old_ops = collect_operations(base, ctx.base, keep)
    new_ops = collect_operations(revision, ctx.revision, keep)
    for key in sorted(old_ops.keys() | new_ops.keys()):
        old, new = old_ops.get(key), new_ops.get(key)
        if new is None and old is not None:
            if _in_scope(old, threshold):
                yield from check_removed(ctx, old)
        elif old is None and new is not None:
            if _in_scope(new, threshold):
                yield check_added(new)
        elif old is not None and new is not None:
            yield from check_stability(old, new, base_in_scope=_in_scope(old, threshold))
            if not _in_scope(new, threshold):
                continue
            ctx.schemas.owe_notice(old.label, ctx.policy.notice(new.node))
            yield from check_endpoint(ctx, old, new)
            yield from check_parameters(ctx, old, new)
            yield from check_request_body(ctx, old, new)
            yield from check_responses(ctx, old, new)
            yield from check_security(base, revision, old, new)
    yield from check_webhooks(ctx, base, revision)
    # Schema findings last: the comparer has now seen every use of every schema.
    yield from ctx.schemas.changes()


def _days(option: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DiffOptionError(f"{option} must be a whole number of days, 0 or more, not {value!r}")
    return value


def _stability_threshold(level: str | None) -> int:
    if level is None:
        return 0
    if level not in STABILITY_LEVELS:
        raise DiffOptionError(
            f"stability_level must be one of {', '.join(STABILITY_LEVELS)}, not {level!r}"
        )
    return stability_rank(level)


def _in_scope(site: OperationSite, threshold: int) -> bool:
    """At least as stable as the threshold; an unreadable level stays in scope (it is
    reported, and what it hides is not known)."""
    stability = stability_of(site.node)
    return stability is None or stability_rank(stability) >= threshold


def _reported(change: Change, level: Level, operations: tuple[str, ...]) -> ReportedChange:
    rule = RULES[change.rule_id]
    args = MappingProxyType(dict(change.args))
    return ReportedChange(
        rule_id=rule.id,
        level=level,
        direction=rule.direction,
        operations=operations,
        base_pointer=change.base_pointer,
        revision_pointer=change.revision_pointer,
        message=rule.render(args),
        args=args,
    )


Locate = Callable[[str], "tuple[int, int] | None"]
Show = Callable[[str], str]


def _document(
    source: Source, root: str | os.PathLike[str] | None = None
) -> tuple[Mapping[str, Any], str | None, Locate | None, Show | None, Place | None]:
    if isinstance(source, Mapping):
        return source, None, None, None, None
    spec = read_spec(source, root=root)
    return spec.data, os.fspath(source), spec.position, spec.show, spec.place


def _ignore_entries(
    ignore: Iterable[IgnoreEntry] | str | os.PathLike[str] | None,
) -> tuple[IgnoreEntry, ...]:
    if ignore is None:
        return ()
    if isinstance(ignore, str | os.PathLike):
        return parse_ignore_file(ignore)
    return tuple(ignore)
