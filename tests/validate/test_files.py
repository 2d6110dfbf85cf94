"""File inputs: positions on findings, LoadError, and which ``$ref``s may be followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from openapi_builder.errors import LoadError
from openapi_builder.validate import validate

YAML_DOC = """\
openapi: 3.1.0
info:
  title: Pets
paths:
  /pets/{petId}:
    get:
      responses:
        '200':
          description: OK
        abc:
          description: nope
"""


def test_yaml_findings_carry_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(YAML_DOC)
    report = validate(path)
    assert report.source == str(path)
    located = {(p.rule_id, p.pointer): (p.line, p.column) for p in report.problems}
    assert located == {
        ("structure", "/info"): (3, 3),  # the missing version: where info's entries start
        ("structure", "/paths/~1pets~1{petId}/get/responses/abc"): (11, 11),
        ("path-params", "/paths/~1pets~1{petId}/get"): (7, 7),
    }
    assert all(p.source == str(path) for p in report.problems)
    assert str(report.problems[0]).endswith(")") and f"{path}:3:3" in str(report.problems[0])


def test_json_findings_carry_positions(tmp_path: Path) -> None:
    path = tmp_path / "openapi.json"
    path.write_text('{"openapi": "3.0.3",\n "info": {"title": "T", "version": "1"},\n "paths": 7}')
    (problem,) = validate(str(path)).problems
    assert (problem.pointer, problem.line, problem.column) == ("/paths", 3, 11)


@pytest.mark.parametrize(
    "text",
    ["openapi: [unclosed", '{"openapi": ', "- just\n- a list\n", "a: !!python/object:os.system x"],
)
def test_unloadable_files_raise_load_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(LoadError) as caught:
        validate(path)
    assert str(path) in str(caught.value)


def test_missing_file_raises_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError):
        validate(tmp_path / "absent.yaml")


def _with_ref(ref: str) -> str:
    return f"""\
openapi: 3.1.0
info: {{title: T, version: '1'}}
paths:
  /a:
    get:
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {{$ref: '{ref}'}}
"""


@pytest.mark.parametrize(
    ("ref", "options", "message"),
    [
        ("common.yaml#/Pet", {"follow_refs": False}, "is not followed"),
        ("common.yaml#/Missing", {}, "points to nothing"),
        (
            "common.yaml#/Missing",
            {"follow_refs": False, "allow_remote_refs": True},
            "points to nothing",
        ),
        ("../outside.yaml#/Pet", {}, "leaves the root folder"),
        (
            "../outside.yaml#/Pet",
            {"follow_refs": False, "allow_remote_refs": True},
            "leaves the spec's directory",
        ),
        ("https://example.com/pet.yaml#/Pet", {}, "is not fetched"),
        ("https://example.com/pet.yaml#/Pet", {"allow_remote_refs": True}, "is not fetched"),
        ("http://example.com/pet.yaml", {"follow_refs": False}, "is not fetched"),
        ("#Pet", {}, "plain-name fragment"),
    ],
)
def test_external_refs_are_reported_not_fetched(
    tmp_path: Path, ref: str, options: dict[str, bool], message: str
) -> None:
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    (spec_dir / "common.yaml").write_text("Pet: {type: object}\n")
    (tmp_path / "outside.yaml").write_text("Pet: {type: object}\n")
    path = spec_dir / "openapi.yaml"
    path.write_text(_with_ref(ref))
    (problem,) = validate(path, **options).problems
    assert problem.rule_id == "unresolved-ref" and message in problem.message
    assert problem.pointer.endswith("/schema/$ref") and problem.line == 11
    assert problem.hint


def test_file_refs_are_followed_by_default(tmp_path: Path) -> None:
    (tmp_path / "common.yaml").write_text("Pet: {type: object}\n")
    path = tmp_path / "openapi.yaml"
    path.write_text(_with_ref("common.yaml#/Pet"))
    assert validate(path).problems == ()


def test_file_refs_inside_the_spec_directory_resolve_when_allowed(tmp_path: Path) -> None:
    (tmp_path / "common.yaml").write_text("Pet: {type: object}\n")
    path = tmp_path / "openapi.yaml"
    path.write_text(_with_ref("common.yaml#/Pet"))
    assert validate(path, allow_remote_refs=True).problems == ()


def test_text_and_bytes_are_documents(tmp_path: Path) -> None:
    report = validate(YAML_DOC)
    assert not report.ok and report.source is None
    assert [p.line for p in report.problems] == [3, 7, 11]
    assert validate(YAML_DOC.encode()).problems == report.problems
