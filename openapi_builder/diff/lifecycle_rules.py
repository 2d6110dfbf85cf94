"""The lifecycle rule table: deprecation, ``x-sunset`` and ``x-stability-level`` of endpoints,
parameters and properties (judged by :mod:`openapi_builder.diff.checks.lifecycle`).

A sunset date and a stability level are promises clients plan on. Withdrawing one, making it
unreadable, or breaking the notice a deprecation policy requires fails the gate like any
other broken contract; deprecating or removing on schedule is information.
"""

from __future__ import annotations

from collections.abc import Iterator

# (id, level, direction, template, mitigation)
LifecycleRow = tuple[str, str, str, str, str]

_KEEP_DATE = "keep the announced sunset date, or announce the new plan"
_WRITE_DATE = "write x-sunset as an ISO 8601 date (2025-06-30)"
_GIVE_NOTICE = "set x-sunset at least as far ahead as the deprecation policy's notice"
_NOT_EARLIER = "move x-sunset no earlier than announced, or give the policy's notice"
_LEVEL = "use one of draft, alpha, beta, stable"

_ENDPOINT_ROWS: tuple[LifecycleRow, ...] = (
    ("endpoint-deprecated", "info", "none", "endpoint deprecated", ""),
    ("endpoint-reactivated", "info", "none", "endpoint no longer deprecated", ""),
    (
        "api-removed-before-sunset",
        "breaking",
        "none",
        "endpoint removed before its sunset date {sunset}",
        "keep the endpoint until its x-sunset date",
    ),
    (
        "api-removed-without-sunset",
        "warning",
        "none",
        "deprecated endpoint removed, but it had no x-sunset date ({sunset})",
        "",
    ),
    (
        "api-removed-with-deprecation",
        "info",
        "none",
        "deprecated endpoint removed after its sunset date {sunset}",
        "",
    ),
    (
        "api-sunset-deleted",
        "breaking",
        "none",
        "the x-sunset date {sunset} of the deprecated endpoint was removed",
        _KEEP_DATE,
    ),
    (
        "api-deprecated-sunset-parse",
        "breaking",
        "none",
        "endpoint deprecated with an x-sunset that is not a date: {sunset}",
        _WRITE_DATE,
    ),
    (
        "api-path-sunset-parse",
        "breaking",
        "none",
        "the deprecated endpoint's x-sunset {sunset} is not a date, so whether its promise "
        "is kept cannot be told",
        _WRITE_DATE,
    ),
    (
        "api-deprecated-sunset-missing",
        "breaking",
        "none",
        "endpoint deprecated without an x-sunset date; the deprecation policy asks for "
        "{days} days' notice",
        _GIVE_NOTICE,
    ),
    (
        "api-sunset-date-too-small",
        "breaking",
        "none",
        "endpoint deprecated with x-sunset {sunset}, {notice}",
        _GIVE_NOTICE,
    ),
    (
        "api-sunset-date-changed-too-small",
        "breaking",
        "none",
        "the deprecated endpoint's x-sunset moved earlier ({sunset}), to {notice}",
        _NOT_EARLIER,
    ),
    (
        "api-invalid-stability-level",
        "breaking",
        "none",
        "x-stability-level {value} is not a stability level",
        _LEVEL,
    ),
    (
        "api-stability-decreased",
        "breaking",
        "none",
        "endpoint stability decreased from {old} to {new}",
        "keep the endpoint's stability, or ship the less stable one as a new endpoint",
    ),
    (
        "api-stability-increased",
        "info",
        "none",
        "endpoint stability increased from {old} to {new}",
        "",
    ),
)

_PARAMETER = "the {in} parameter {name}"
_PARAMETER_ROWS: tuple[LifecycleRow, ...] = (
    ("request-parameter-deprecated", "info", "request", f"{_PARAMETER} deprecated", ""),
    (
        "request-parameter-reactivated",
        "info",
        "request",
        f"{_PARAMETER} is no longer deprecated",
        "",
    ),
    (
        "request-parameter-removed-before-sunset",
        "breaking",
        "request",
        "removed the deprecated {in} parameter {name} before its sunset date {sunset}",
        "keep the parameter until its x-sunset date",
    ),
    (
        "request-parameter-removed-with-deprecation",
        "info",
        "request",
        "removed the deprecated {in} parameter {name} after its sunset date {sunset}",
        "",
    ),
    (
        "request-parameter-sunset-deleted",
        "breaking",
        "request",
        "the x-sunset date {sunset} of the deprecated {in} parameter {name} was removed",
        _KEEP_DATE,
    ),
    (
        "request-parameter-sunset-parse",
        "breaking",
        "request",
        "the x-sunset {sunset} of the deprecated {in} parameter {name} is not a date, so "
        "whether its promise is kept cannot be told",
        _WRITE_DATE,
    ),
    (
        "request-parameter-deprecated-sunset-missing",
        "breaking",
        "request",
        f"{_PARAMETER} deprecated without an x-sunset date; the deprecation policy asks for "
        "{days} days' notice",
        _GIVE_NOTICE,
    ),
    (
        "request-parameter-sunset-date-too-small",
        "breaking",
        "request",
        f"{_PARAMETER} deprecated with x-sunset {{sunset}}, {{notice}}",
        _GIVE_NOTICE,
    ),
    (
        "request-parameter-sunset-date-changed-too-small",
        "breaking",
        "request",
        "the x-sunset of the deprecated {in} parameter {name} moved earlier ({sunset}), "
        "to {notice}",
        _NOT_EARLIER,
    ),
)


def _property_rows() -> Iterator[LifecycleRow]:
    for side in ("request", "response"):
        what = f"{side} property {{property}}"
        keep = "keep the property until its x-sunset date"
        if side == "response":
            keep = "keep returning the property until its x-sunset date"
        yield from (
            (
                f"{side}-property-removed-before-sunset",
                "breaking",
                side,
                f"removed the deprecated {what} before its sunset date {{sunset}}",
                keep,
            ),
            (
                f"{side}-property-removed-with-deprecation",
                "info",
                side,
                f"removed the deprecated {what} after its sunset date {{sunset}}",
                "",
            ),
            (
                f"{side}-property-sunset-deleted",
                "breaking",
                side,
                f"the x-sunset date {{sunset}} of the deprecated {what} was removed",
                _KEEP_DATE,
            ),
            (
                f"{side}-property-sunset-parse",
                "breaking",
                side,
                f"the x-sunset {{sunset}} of the deprecated {what} is not a date, so whether "
                "its promise is kept cannot be told",
                _WRITE_DATE,
            ),
            (
                f"{side}-property-deprecated-sunset-invalid",
                "breaking",
                side,
                f"{what} deprecated with an x-sunset that is not a date: {{sunset}}",
                _WRITE_DATE,
            ),
            (
                f"{side}-property-deprecated-sunset-missing",
                "breaking",
                side,
                f"{what} deprecated without an x-sunset date; the deprecation policy asks for "
                "{days} days' notice",
                _GIVE_NOTICE,
            ),
            (
                f"{side}-property-sunset-date-too-small",
                "breaking",
                side,
                f"{what} deprecated with x-sunset {{sunset}}, {{notice}}",
                _GIVE_NOTICE,
            ),
            (
                f"{side}-property-stability-decreased",
                "breaking",
                side,
                f"{what}: stability decreased from {{old}} to {{new}}",
                "keep the property's stability, or ship the less stable one under a new name",
            ),
            (
                f"{side}-property-stability-increased",
                "info",
                side,
                f"{what}: stability increased from {{old}} to {{new}}",
                "",
            ),
            (
                f"{side}-property-sunset-date-changed-too-small",
                "breaking",
                side,
                f"the x-sunset of the deprecated {what} moved earlier ({{sunset}}), to {{notice}}",
                _NOT_EARLIER,
            ),
        )


LIFECYCLE_ROWS: tuple[LifecycleRow, ...] = (*_ENDPOINT_ROWS, *_PARAMETER_ROWS, *_property_rows())
