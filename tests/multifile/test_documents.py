"""The document set: which files a spec's $refs reach, how they are resolved, what is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import openapi_builder as ob
from openapi_builder.docset import load_document_set, text_may_refer_elsewhere
from openapi_builder.errors import LoadError
from openapi_builder.limits import MAX_DEPTH
from tests.multifile.conftest import FIXTURES

PETSTORE = FIXTURES / "petstore" / "openapi.yaml"


def test_every_reached_file_is_loaded_once_relative_to_its_holder() -> None:
    docset = load_document_set(PETSTORE)
    assert docset.entry == "openapi.yaml"
    assert sorted(docset.files) == [
        "common/parameters.yaml",
        "common/responses.json",
        "openapi.yaml",
        "paths/pet.yaml",
        "paths/pets.yaml",
        "schemas/error.yaml",
        "schemas/owner.json",  # JSON beside YAML
        "schemas/pet.yaml",
    ]
    assert docset.issues == []
    assert {f.format for f in docset.files.values()} == {"json", "yaml"}


def test_a_cycle_across_files_ends() -> None:
    docset = load_document_set(PETSTORE)
    pairs = {(r.file, r.target.name) for r in docset.references}
    assert ("schemas/pet.yaml", "schemas/owner.json") in pairs
    assert ("schemas/owner.json", "schemas/pet.yaml") in pairs


def test_fragments_and_local_refs_inside_a_file_are_kept_with_their_file() -> None:
    docset = load_document_set(PETSTORE)
    targets = {(r.file, r.pointer): (r.target.name, r.target.pointer) for r in docset.references}
    assert targets[("paths/pets.yaml", "/get/parameters/0")] == ("common/parameters.yaml", "/limit")
    assert targets[("schemas/pet.yaml", "/properties/tag")] == ("schemas/pet.yaml", "/$defs/Tag")


def test_every_node_keeps_its_file_line_and_column() -> None:
    docset = load_document_set(PETSTORE)
    assert docset.position("schemas/pet.yaml", "/$defs/Tag/enum") == (15, 11)
    assert docset.position("schemas/owner.json", "/properties/pets/items") == (5, 40)
    assert docset.source("schemas/pet.yaml") == str(FIXTURES / "petstore" / "schemas" / "pet.yaml")


def _issues(path: Path, **options: object) -> dict[str, str]:
    docset = load_document_set(path, **options)  # type: ignore[arg-type]
    return {issue.ref: issue.message for issue in docset.issues}


def test_what_leads_out_or_cannot_be_read_is_an_issue_at_the_ref() -> None:
    docset = load_document_set(FIXTURES / "escape" / "spec" / "openapi.yaml")
    found = {issue.ref: issue for issue in docset.issues}
    assert sorted(found) == [
        "../outside.yaml",
        "/etc/passwd",
        "file:///etc/passwd",
        "https://example.com/pet.yaml",
        "missing.yaml",
        "present.yaml#/Nope",
    ]
    assert "leaves the root folder" in found["../outside.yaml"].message
    assert "absolute path" in found["/etc/passwd"].message
    assert "file: URI" in found["file:///etc/passwd"].message
    assert "not fetched" in found["https://example.com/pet.yaml"].message
    assert found["https://example.com/pet.yaml"].remote
    assert "no such file" in found["missing.yaml"].message
    assert "points to nothing" in found["present.yaml#/Nope"].message
    outside = found["../outside.yaml"]
    assert (outside.line, outside.column, outside.pointer) == (
        9,
        13,
        "/components/schemas/Outside/$ref",
    )
    assert outside.location.endswith("openapi.yaml:9:13") and outside.hint
    # Nothing outside the root was loaded.
    assert sorted(docset.files) == ["openapi.yaml", "present.yaml"]


def test_a_wider_root_lets_a_parent_folder_in() -> None:
    spec = FIXTURES / "escape" / "spec" / "openapi.yaml"
    docset = load_document_set(spec, root=spec.parent.parent)
    assert "../outside.yaml" not in {issue.ref for issue in docset.issues}
    assert "outside.yaml" in docset.files and docset.entry == "spec/openapi.yaml"


def test_the_entry_must_lie_inside_the_root(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.1.0\n")
    with pytest.raises(LoadError, match="outside the root folder"):
        load_document_set(spec, root=tmp_path / "a")


def _spec_with(tmp_path: Path, ref: str) -> Path:
    spec = tmp_path / "spec"
    spec.mkdir(exist_ok=True)
    path = spec / "openapi.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        f"components:\n  schemas:\n    A:\n      $ref: '{ref}'\n"
    )
    return path


def test_a_symlink_leading_out_is_an_issue_and_never_opened(tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("type: string\n")
    path = _spec_with(tmp_path, "link.yaml")
    (path.parent / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (issue,) = load_document_set(path).issues
    assert "symlink" in issue.message and issue.line == 7


def test_a_symlinked_folder_inside_the_root_is_one_file_not_a_loop(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "sub/a.yaml")
    sub = path.parent / "sub"
    sub.mkdir()
    (sub / "again").symlink_to(sub)
    (sub / "a.yaml").write_text("properties:\n  next: {$ref: 'again/a.yaml'}\n")
    docset = load_document_set(path)
    assert sorted(docset.files) == ["openapi.yaml", "sub/a.yaml"] and docset.issues == []


def test_the_number_of_files_is_bounded(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "f0.yaml")
    for i in range(5):
        (path.parent / f"f{i}.yaml").write_text(f"properties:\n  n: {{$ref: 'f{i + 1}.yaml'}}\n")
    with pytest.raises(LoadError, match="more than 3 files"):
        load_document_set(path, max_files=3)


def test_refs_in_examples_and_extensions_are_data(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "x-tool: {$ref: 'nope.yaml'}\n"
        "components:\n  schemas:\n    A:\n      type: object\n"
        "      example: {$ref: 'nope.yaml'}\n      default: {$ref: 'nope.yaml'}\n"
    )
    docset = load_document_set(spec)
    assert docset.issues == [] and docset.single


def test_a_broken_referenced_file_is_an_issue_naming_it(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "bad.yaml")
    (path.parent / "bad.yaml").write_text("a: [unclosed\n")
    (issue,) = load_document_set(path).issues
    assert "bad.yaml" in issue.message and issue.line == 7


def test_loading_never_changes_the_files(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in (FIXTURES / "petstore").rglob("*") if p.is_file()}
    load_document_set(PETSTORE)
    assert before == {p: p.read_bytes() for p in before}
    assert os.path.exists(PETSTORE)


@pytest.mark.parametrize(
    ("text", "maybe"),
    [
        ('{"a": {"$ref": "#/components/schemas/A"}}', False),
        ("a:\n  $ref: '#/components/schemas/A'\n", False),
        ('a: {"$ref": "#/x"}\n', False),
        ('{"a": {"$ref": "pet.json"}}', True),
        ("a:\n  $ref: pet.yaml\n", True),
        ("a:\n  '$ref':\n    common.yaml#/X\n", True),
        ("a:\n  $ref: # a comment, the value is below\n    pet.yaml\n", True),
        ("a:\n  $ref: https://example.com/x.yaml\n", True),
        ("openapi: 3.1.0\n", False),
    ],
)
def test_the_quick_look_never_misses_a_reference_elsewhere(text: str, maybe: bool) -> None:
    assert text_may_refer_elsewhere(text.encode()) is maybe


def test_a_symlink_out_is_caught_beside_ordinary_files(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "sub/a.yaml")
    sub = path.parent / "sub"
    sub.mkdir()
    (tmp_path / "secret.yaml").write_text("type: string\n")
    (sub / "a.yaml").write_text("properties:\n  b: {$ref: 'b.yaml'}\n")
    (sub / "b.yaml").symlink_to(tmp_path / "secret.yaml")
    (issue,) = load_document_set(path).issues
    assert "symlink" in issue.message and issue.source.endswith("a.yaml")
    assert sorted(load_document_set(path).files) == ["openapi.yaml", "sub/a.yaml"]


def test_long_chains_and_deep_files_need_no_recursion(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "f0.json")
    folder = path.parent
    for i in range(400):  # f0 -> f1 -> ... -> f399 -> f0: one long cycle across files
        (folder / f"f{i}.json").write_text(
            json.dumps({"properties": {"next": {"$ref": f"f{(i + 1) % 400}.json"}}})
        )
    deep = '{"$ref": "f0.json"}'
    for _ in range((MAX_DEPTH - 4) // 2):  # as deep as the loader's bound allows
        deep = '{"type": "object", "properties": {"a": ' + deep + "}}"
    (folder / "deep.json").write_text(deep)
    (folder / "f399.json").write_text(
        '{"properties": {"next": {"$ref": "f0.json"}, "deep": {"$ref": "deep.json"}}}'
    )
    docset = load_document_set(path)
    assert len(docset.files) == 402 and docset.issues == []
    bundled = ob.bundle(path)
    assert len(bundled["components"]["schemas"]) == 401  # A (f0), f1 ... f399, deep
    report = ob.validate(path, lint=False)
    assert report.ok, report.problems[:3]


@pytest.mark.parametrize("ref", ["a%0Ab.yaml", "a%00.yaml"])
def test_control_characters_in_a_file_name_are_refused(tmp_path: Path, ref: str) -> None:
    (issue,) = load_document_set(_spec_with(tmp_path, ref)).issues
    assert "control character" in issue.message


def test_a_bad_ref_under_two_overlapping_targets_is_one_issue(tmp_path: Path) -> None:
    path = _spec_with(tmp_path, "lib.yaml")
    (path.parent / "lib.yaml").write_text(
        "properties:\n  inner:\n    properties:\n      x: {$ref: '../../out.yaml'}\n"
    )
    spec = path.read_text() + "    B: {$ref: 'lib.yaml#/properties/inner'}\n"
    path.write_text(spec)
    (issue,) = load_document_set(path).issues
    assert "leaves the root folder" in issue.message
