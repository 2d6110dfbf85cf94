"""diff on multi-file specs: refs followed on both sides, git revisions included."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import openapi_builder as ob
from tests.multifile.conftest import FIXTURES

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _breaking_copy(copy_fixture: Callable[..., Path]) -> tuple[Path, Path]:
    base = copy_fixture("petstore", "base")
    revision = copy_fixture("petstore", "revision")
    pet = revision / "schemas" / "pet.yaml"
    pet.write_text(pet.read_text().replace("id:\n    type: integer", "id:\n    type: string"))
    return base / "openapi.yaml", revision / "openapi.yaml"


def test_a_type_change_inside_a_shared_file_is_breaking_and_reported_once(
    copy_fixture: Callable[..., Path],
) -> None:
    base, revision = _breaking_copy(copy_fixture)
    report = ob.diff(base, revision)
    assert report.exit_code == 1
    (change,) = report.breaking
    assert change.rule_id == "response-property-type-changed"
    # Used by both operations, defined once: one change listing both.
    assert change.operations == ("GET /pets", "GET /pets/{petId}")
    # At its definition: in the file it is written in, not at the bundle's component.
    assert change.base_pointer == change.revision_pointer == "schemas/pet.yaml#/properties/id"


def test_github_annotations_land_in_the_file_that_holds_the_change(
    copy_fixture: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, revision = _breaking_copy(copy_fixture)
    entry = revision.read_text().replace(
        "components:",
        "  /owners:\n    get:\n      responses:\n        '204':\n"
        "          description: none\ncomponents:",
    )
    revision.write_text(entry)
    monkeypatch.chdir(revision.parents[1])
    report = ob.diff("base/openapi.yaml", "revision/openapi.yaml", fail_on="info")
    lines = report.to_github().splitlines()
    by_rule = {line.split("title=")[1].split("::")[0]: line for line in lines}
    pet_lines = (revision.parent / "schemas" / "pet.yaml").read_text().splitlines()
    id_type = pet_lines.index("    type: string") + 1  # the changed schema's first line
    assert by_rule["response-property-type-changed"].startswith(
        f"::error file=revision/schemas/pet.yaml,line={id_type},col=5,"
    )
    added = entry.splitlines().index("      responses:") + 1  # the new operation's first line
    assert by_rule["endpoint-added"].startswith(
        f"::notice file=revision/openapi.yaml,line={added},col=7,"
    )


def test_identical_split_specs_have_no_change() -> None:
    entry = FIXTURES / "petstore" / "openapi.yaml"
    assert ob.diff(entry, entry).changes == ()


def test_moving_an_inline_schema_into_its_own_file_is_no_change() -> None:
    base = FIXTURES / "moved" / "base.yaml"
    revision = FIXTURES / "moved" / "revision" / "openapi.yaml"
    assert ob.diff(base, revision).changes == ()
    assert ob.diff(revision, base).changes == ()


def test_a_split_spec_against_its_bundle_is_no_change(tmp_path: Path) -> None:
    entry = FIXTURES / "petstore" / "openapi.yaml"
    bundled = tmp_path / "bundled.json"
    bundled.write_text(ob.to_json(ob.bundle(entry)))
    assert ob.diff(entry, bundled).changes == ()
    assert ob.diff(bundled, entry).changes == ()


def test_a_local_ref_that_cannot_be_followed_stops_the_diff(
    copy_fixture: Callable[..., Path],
) -> None:
    base, revision = _breaking_copy(copy_fixture)
    (revision.parent / "schemas" / "owner.json").unlink()
    with pytest.raises(ob.LoadError) as caught:
        ob.diff(base, revision)
    error = caught.value
    assert error.source is not None and error.source.endswith("pet.yaml")
    assert (error.line, error.column) == (9, 11)
    assert "owner.json" in str(error)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


def _commit_all(repo: Path) -> None:
    """A new repository at ``repo`` whose first commit holds every file below it."""
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "v1")


@needs_git
def test_a_git_revision_reads_referenced_files_at_that_revision(
    copy_fixture: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = copy_fixture("petstore", "repo")
    _commit_all(repo.parent)
    pet = repo / "schemas" / "pet.yaml"
    pet.write_text(pet.read_text().replace("id:\n    type: integer", "id:\n    type: string"))
    monkeypatch.chdir(repo.parent)
    report = ob.diff("HEAD:repo/openapi.yaml", "repo/openapi.yaml")
    assert [c.rule_id for c in report.breaking] == ["response-property-type-changed"]
    assert ob.diff("HEAD:repo/openapi.yaml", "HEAD:repo/openapi.yaml").changes == ()
    monkeypatch.chdir(repo / "paths")
    same = ob.diff("HEAD:../openapi.yaml", "../openapi.yaml")
    assert [c.rule_id for c in same.breaking] == ["response-property-type-changed"]


@needs_git
def test_a_file_missing_at_the_revision_stops_the_diff(
    copy_fixture: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = copy_fixture("petstore", "repo")
    (repo / "schemas" / "owner.json").rename(repo / "owner.json.off")
    _commit_all(repo)
    monkeypatch.chdir(repo)
    with pytest.raises(ob.LoadError, match=r"owner\.json") as caught:
        ob.diff("HEAD:openapi.yaml", "HEAD:openapi.yaml")
    assert caught.value.source == "HEAD:schemas/pet.yaml"


def test_a_wider_root_lets_both_sides_share_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "pet.yaml").write_text(
        "type: object\nproperties:\n  id: {type: integer}\n"
    )
    for side in ("v1", "v2"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "openapi.yaml").write_text(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n"
            "      responses:\n        '200':\n          description: OK\n"
            "          content:\n            application/json:\n"
            "              schema: {$ref: '../common/pet.yaml'}\n"
        )
    base, revision = tmp_path / "v1" / "openapi.yaml", tmp_path / "v2" / "openapi.yaml"
    with pytest.raises(ob.LoadError, match="leaves the root folder"):
        ob.diff(base, revision)
    assert ob.diff(base, revision, root=tmp_path).changes == ()


def test_the_resolver_reports_followed_targets_where_they_are_written() -> None:
    from openapi_builder.diff.resolve import Resolved, Resolver

    doc = {"components": {"schemas": {"pet": {"type": "object"}, "a b": {"type": "string"}}}}
    resolver = Resolver(
        doc, show=lambda pointer: f"pet.yaml#{pointer[len('/components/schemas/pet') :]}"
    )
    found = resolver.resolve({"$ref": "#/components/schemas/pet"}, "/x")
    assert found == Resolved({"type": "object"}, "pet.yaml#", "pet")  # the name stays
    inline = {"type": "integer"}
    assert resolver.resolve(inline, "/y") == Resolved(inline, "/y", None)  # nothing followed
    # Bundled references are percent-encoded where needed; the resolver decodes them.
    plain = Resolver(doc).resolve({"$ref": "#/components/schemas/a%20b"}, "/z")
    assert plain == Resolved({"type": "string"}, "/components/schemas/a b", "a b")


@needs_git
def test_a_symlink_at_a_revision_is_its_own_text_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "secret.yaml").write_text("type: string\n")
    spec = tmp_path / "spec"
    spec.mkdir()
    (spec / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (spec / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: {$ref: 'link.yaml'}\n"
    )
    _commit_all(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ob.LoadError, match=r"link\.yaml") as caught:
        ob.diff("HEAD:spec/openapi.yaml", "HEAD:spec/openapi.yaml")
    assert "top level is a string" in str(caught.value)  # the link's text, not secret.yaml
