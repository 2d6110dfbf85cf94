"""read_spec_source: plain paths and GITREV:path through `git show`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from openapi_builder.diff import diff, read_spec_source
from openapi_builder.diff.sources import is_git_spec
from openapi_builder.errors import LoadError

V1 = (
    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
    "paths:\n  /a:\n    get:\n      responses: {'200': {description: OK}}\n"
)
V2 = "openapi: 3.1.0\ninfo: {title: t, version: '2'}\npaths: {}\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose spec/openapi.yaml has V1 committed and V2 in the work tree."""
    (tmp_path / "spec").mkdir()
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.write_text(V1, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "v1")
    spec.write_text(V2, encoding="utf-8")
    return tmp_path


def test_a_plain_path(repo: Path) -> None:
    assert read_spec_source(str(repo / "spec" / "openapi.yaml"))["info"]["version"] == "2"
    assert read_spec_source("spec/openapi.yaml", cwd=repo)["info"]["version"] == "2"


@needs_git
def test_a_git_revision_relative_to_cwd(repo: Path) -> None:
    assert read_spec_source("HEAD:spec/openapi.yaml", cwd=repo)["info"]["version"] == "1"
    assert read_spec_source("HEAD:openapi.yaml", cwd=repo / "spec")["info"]["version"] == "1"


@needs_git
def test_diff_against_a_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    report = diff("HEAD:spec/openapi.yaml", "spec/openapi.yaml")
    assert [(c.rule_id, c.operations) for c in report.changes] == [
        ("api-removed-without-deprecation", ("GET /a",))
    ]
    assert report.base_source == "HEAD:spec/openapi.yaml"


@needs_git
@pytest.mark.parametrize("spec", ["nope:spec/openapi.yaml", "HEAD:spec/missing.yaml"])
def test_a_missing_revision_or_path_is_a_load_error(repo: Path, spec: str) -> None:
    with pytest.raises(LoadError, match="git cannot show revision") as caught:
        read_spec_source(spec, cwd=repo)
    assert caught.value.source == spec
    assert "check the revision exists" in str(caught.value)


def test_missing_git_is_a_load_error(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin-here"))
    with pytest.raises(LoadError, match="`git` is not installed or not on PATH"):
        read_spec_source("HEAD:spec/openapi.yaml", cwd=repo)


def test_a_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        read_spec_source(str(tmp_path / "missing.yaml"))
    assert "missing.yaml" in str(caught.value)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("main:openapi.yaml", True),
        ("origin/main:api/openapi.json", True),
        ("v1.2.0:openapi.yaml", True),
        ("openapi.yaml", False),
        ("C:\\specs\\openapi.yaml", False),  # a Windows drive, not a revision
        ("/abs/path:x.yaml", False),
        ("weird:name.yaml", False),  # an existing file wins over the revision reading
    ],
)
def test_is_git_spec(tmp_path: Path, spec: str, expected: bool) -> None:
    (tmp_path / "weird:name.yaml").write_text(V1, encoding="utf-8")
    assert is_git_spec(spec, cwd=tmp_path) is expected
