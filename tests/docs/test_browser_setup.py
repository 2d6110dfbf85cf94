"""Without a browser the page tests skip with a reason - unless CI requires them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs import conftest


def test_missing_browser_skips_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAPI_BUILDER_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium found"):
        conftest._unavailable("no Chromium found")


def test_missing_browser_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAPI_BUILDER_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_BROWSER=1 but no Chromium"):
        conftest._unavailable("no Chromium found")


def test_the_executable_can_be_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPENAPI_BUILDER_CHROMIUM", str(tmp_path / "missing"))
    assert conftest.find_chromium() is None
    fake = tmp_path / "chrome"
    fake.write_text("", encoding="utf-8")
    monkeypatch.setenv("OPENAPI_BUILDER_CHROMIUM", str(fake))
    assert conftest.find_chromium() == str(fake)
    monkeypatch.delenv("OPENAPI_BUILDER_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert conftest.find_chromium() is None
