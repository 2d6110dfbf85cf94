"""Ignore files: parsing, errors with file:line:column, and matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from openapi_builder.diff import IgnoreEntry, parse_ignore_file, parse_ignore_text
from openapi_builder.diff.ignore import accepts_everywhere, split_ignored
from openapi_builder.errors import LoadError

TEXT = """\
# accepted breaking changes
api-removed-without-deprecation DELETE /pets/{petId}  agreed with the app team (JIRA-42)

request-property-removed *
webhook-removed * the ping webhook was never used
  response-property-enum-value-added get /pets
"""


def test_parse_entries_with_reasons_and_lines() -> None:
    assert parse_ignore_text(TEXT) == (
        IgnoreEntry(
            rule_id="api-removed-without-deprecation",
            operation="DELETE /pets/{petId}",
            reason="agreed with the app team (JIRA-42)",
            line=2,
        ),
        IgnoreEntry(rule_id="request-property-removed", operation=None, reason="", line=4),
        IgnoreEntry(
            rule_id="webhook-removed",
            operation=None,
            reason="the ping webhook was never used",
            line=5,
        ),
        IgnoreEntry(rule_id="response-property-enum-value-added", operation="GET /pets", line=6),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "no-such-rule GET /x\n",
            "in ignore file; `openapi-builder rules` lists them - at deny.txt:1:1",
        ),
        (
            "\napi-tag-added\n",
            "expected `METHOD /path` or `*` after the rule id 'api-tag-added' - at deny.txt:2:15",
        ),
        ("api-tag-added FETCH /x\n", "- at deny.txt:1:15"),
        ("  api-tag-added GET x\n", "- at deny.txt:1:17"),
    ],
)
def test_errors_say_where(text: str, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse_ignore_text(text, source="deny.txt")
    assert str(caught.value).endswith(message)


def test_parse_file(tmp_path: Path) -> None:
    path = tmp_path / "openapi-ignore.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert parse_ignore_file(path) == parse_ignore_text(TEXT)
    with pytest.raises(LoadError, match="cannot read ignore file") as caught:
        parse_ignore_file(tmp_path / "missing.txt")
    assert caught.value.source == str(tmp_path / "missing.txt")


def test_matching_ignores_path_parameter_names_and_method_case() -> None:
    entries = parse_ignore_text(TEXT)
    kept, accepted = split_ignored(
        "api-removed-without-deprecation", ("DELETE /pets/{id}", "DELETE /owners/{id}"), entries
    )
    assert kept == ("DELETE /owners/{id}",) and accepted == ("DELETE /pets/{id}",)
    assert split_ignored("request-property-removed", ("POST /a", "PUT /b"), entries) == (
        (),
        ("POST /a", "PUT /b"),
    )
    assert split_ignored("endpoint-added", ("GET /pets",), entries) == (("GET /pets",), ())
    assert accepts_everywhere("webhook-removed", entries)
    assert not accepts_everywhere("api-removed-without-deprecation", entries)
