"""Deprecation policy and stability threshold: the options of a diff that judge lifecycle
promises (``deprecation_days_beta`` / ``deprecation_days_stable``, ``stability_level``)."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openapi_builder.diff import diff
from openapi_builder.errors import DiffOptionError

TODAY = date(2025, 1, 1)
Doc = dict[str, Any]


def api(**operations: Doc) -> Doc:
    """One path per named operation (``/a``, ``/b``...), each a GET with one query parameter."""
    paths = {
        f"/{name}": {
            "get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "OK"}},
                **fields,
            }
        }
        for name, fields in operations.items()
    }
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}


def in_days(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def rules(base: Doc, revision: Doc, **options: Any) -> list[tuple[str, str]]:
    report = diff(base, revision, today=TODAY, **options)
    return [(c.rule_id, c.level) for c in report.changes]


POLICY = {"deprecation_days_beta": 31, "deprecation_days_stable": 180}


@pytest.mark.parametrize(
    ("stability", "sunset", "options", "expected"),
    [
        # no policy: any future date will do, none at all too; a past one never
        (None, in_days(10), {}, "endpoint-deprecated"),
        (None, None, {}, "endpoint-deprecated"),
        (None, in_days(-1), {}, "api-sunset-date-too-small"),
        (None, in_days(0), {}, "endpoint-deprecated"),  # the sunset day itself: no notice owed
        (None, "next spring", {}, "api-deprecated-sunset-parse"),
        # a policy: the notice follows the operation's stability (stable when unstated)
        (None, in_days(179), POLICY, "api-sunset-date-too-small"),
        (None, in_days(180), POLICY, "endpoint-deprecated"),
        ("stable", None, POLICY, "api-deprecated-sunset-missing"),
        ("beta", in_days(30), POLICY, "api-sunset-date-too-small"),
        ("beta", in_days(31), POLICY, "endpoint-deprecated"),
        ("alpha", in_days(1), POLICY, "endpoint-deprecated"),
        ("draft", None, POLICY, "endpoint-deprecated"),
        # a notice longer than the calendar: no sunset can give it
        (None, "5000-01-01", {"deprecation_days_stable": 10**12}, "api-sunset-date-too-small"),
    ],
)
def test_deprecating_an_endpoint(
    stability: str | None, sunset: str | None, options: dict[str, int], expected: str
) -> None:
    fields: Doc = {} if stability is None else {"x-stability-level": stability}
    deprecated: Doc = {**fields, "deprecated": True}
    if sunset is not None:
        deprecated["x-sunset"] = sunset
    found = rules(api(a=fields), api(a=deprecated), **options)
    assert [rule for rule, _ in found] == [expected]


@pytest.mark.parametrize(
    ("before", "after", "options", "expected"),
    [
        (in_days(400), in_days(500), {}, []),  # later: more notice, nothing to report
        (in_days(400), in_days(10), {}, []),  # earlier, but still ahead and no policy
        (in_days(400), in_days(10), POLICY, ["request-parameter-sunset-date-changed-too-small"]),
        (in_days(400), in_days(200), POLICY, []),
        (in_days(400), in_days(-5), {}, ["request-parameter-sunset-date-changed-too-small"]),
        (in_days(400), None, {}, ["request-parameter-sunset-deleted"]),
        (in_days(400), "soon", {}, ["request-parameter-sunset-parse"]),
        ("soon", in_days(400), {}, ["request-parameter-sunset-parse"]),
    ],
)
def test_a_deprecated_parameters_sunset_changed(
    before: str, after: str | None, options: dict[str, int], expected: list[str]
) -> None:
    base, revision = api(a={}), api(a={})
    base["paths"]["/a"]["get"]["parameters"][0].update(deprecated=True, **{"x-sunset": before})
    moved = revision["paths"]["/a"]["get"]["parameters"][0]
    moved["deprecated"] = True
    if after is not None:
        moved["x-sunset"] = after
    found = rules(base, revision, **options)
    assert [rule for rule, _ in found] == expected
    assert all(level == "breaking" for _, level in found)


def test_a_parameters_notice_follows_its_operations_stability() -> None:
    base = api(a={"x-stability-level": "beta"})
    revision = copy.deepcopy(base)
    revision["paths"]["/a"]["get"]["parameters"][0].update(
        deprecated=True, **{"x-sunset": in_days(60)}
    )
    assert rules(base, revision, **POLICY) == [("request-parameter-deprecated", "info")]
    assert rules(base, revision, deprecation_days_beta=90) == [
        ("request-parameter-sunset-date-too-small", "breaking")
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("stable", "beta", [("api-stability-decreased", "breaking")]),
        (None, "draft", [("api-stability-decreased", "breaking")]),
        ("alpha", "stable", [("api-stability-increased", "info")]),
        ("stable", None, []),  # absent means stable
        ("stable", "experimental", [("api-invalid-stability-level", "breaking")]),
        # left as it was: the validator's business, not a change
        ("experimental", "experimental", []),
        (["beta"], "beta", [("api-invalid-stability-level", "breaking")]),
    ],
)
def test_stability_changes(before: object, after: object, expected: list[tuple[str, str]]) -> None:
    base = api(a={} if before is None else {"x-stability-level": before})
    revision = api(a={} if after is None else {"x-stability-level": after})
    assert rules(base, revision) == expected


def _with_stability(level: str | None, **more: Any) -> Doc:
    return {**({} if level is None else {"x-stability-level": level}), **more}


@pytest.mark.parametrize(
    ("base_level", "revision_level", "threshold", "expected"),
    [
        # removed: judged by the base's stability
        ("alpha", "gone", "beta", []),
        ("beta", "gone", "beta", ["api-removed-without-deprecation"]),
        (None, "gone", "stable", ["api-removed-without-deprecation"]),
        # added: by the revision's
        ("new", "draft", "alpha", []),
        ("new", "alpha", "alpha", ["endpoint-added"]),
        # matched: other changes by the revision's; the stability change when the base was in
        ("draft", "draft", "beta", []),
        ("stable", "alpha", "beta", ["api-stability-decreased"]),
        ("draft", "stable", "beta", ["new-required-request-parameter"]),
        ("beta", "beta", "beta", ["new-required-request-parameter"]),
        ("beta", "beta", None, ["new-required-request-parameter"]),
        # an unreadable level is always in scope: it is reported, and what it hides unknown
        (
            "beta",
            "soon",
            "stable",
            ["api-invalid-stability-level", "new-required-request-parameter"],
        ),
    ],
)
def test_stability_threshold(
    base_level: str, revision_level: str, threshold: str | None, expected: list[str]
) -> None:
    required = {"name": "r", "in": "query", "required": True, "schema": {"type": "string"}}
    optional = {"name": "q", "in": "query", "schema": {"type": "string"}}
    base = api() if base_level == "new" else api(a=_with_stability(base_level))
    if revision_level == "gone":
        revision = api()
    else:
        revision = api(a=_with_stability(revision_level, parameters=[optional, required]))
    found = rules(base, revision, stability_level=threshold)
    assert [rule for rule, _ in found] == expected


@pytest.mark.parametrize(
    "options",
    [
        {"deprecation_days_beta": -1},
        {"deprecation_days_stable": 1.5},
        {"deprecation_days_stable": True},
        {"stability_level": "gamma"},
    ],
)
def test_invalid_options_are_refused_with_a_typed_error(options: dict[str, Any]) -> None:
    with pytest.raises(DiffOptionError) as caught:
        diff(api(a={}), api(a={}), **options)
    assert next(iter(options)) in str(caught.value)  # the error names the option


def test_a_shared_propertys_notice_follows_each_operation_using_it() -> None:
    # One component property deprecated 60 days ahead, used by a beta and a stable operation:
    # only the stable one is owed more notice than that.
    def spec(deprecated: bool) -> Doc:
        prop: Doc = {"type": "string"}
        if deprecated:
            prop.update(deprecated=True, **{"x-sunset": in_days(60)})
        body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/P"}}}}
        operation = {"requestBody": body, "responses": {"200": {"description": "OK"}}}
        doc = {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/beta": {"post": {**copy.deepcopy(operation), "x-stability-level": "beta"}},
                "/stable": {"post": copy.deepcopy(operation)},
            },
            "components": {"schemas": {"P": {"type": "object", "properties": {"p": prop}}}},
        }
        return doc

    report = diff(spec(False), spec(True), today=TODAY, **POLICY)
    found = {(c.rule_id, c.operations) for c in report.changes}
    assert found == {
        ("request-property-deprecated", ("POST /beta",)),
        ("request-property-sunset-date-too-small", ("POST /stable",)),
    }


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
LIFECYCLE = st.fixed_dictionaries(
    {},
    optional={"deprecated": st.booleans(), "x-sunset": JSON, "x-stability-level": JSON},
)


@settings(max_examples=150, deadline=None)
@given(old=LIFECYCLE, new=LIFECYCLE, strict=st.booleans())
def test_any_lifecycle_extension_value_is_judged_never_raised(
    old: Doc, new: Doc, strict: bool
) -> None:
    # Whatever a document writes in x-sunset or x-stability-level, on an operation, a parameter
    # or a property, the diff reports (and renders) changes instead of failing; a document
    # diffed against itself reports nothing.
    def spec(fields: Doc) -> Doc:
        prop = {"type": "string", **fields}
        body = {
            "content": {
                "application/json": {"schema": {"type": "object", "properties": {"p": prop}}}
            }
        }
        doc = api(a={**fields, "requestBody": body})
        doc["paths"]["/a"]["get"]["parameters"][0].update(fields)
        return doc

    options: dict[str, Any] = {**POLICY, "stability_level": "beta"} if strict else {}
    report = diff(spec(old), spec(new), today=TODAY, **options)
    report.to_text()
    report.to_json()
    assert diff(spec(new), spec(new), today=TODAY, **options).changes == ()
