"""A real browser for the page tests: Playwright driving the system's Chromium.

No browser is downloaded: Playwright launches the executable named by
``OPENAPI_BUILDER_CHROMIUM`` or the first of ``chromium``/``chromium-browser``/
``google-chrome`` on ``PATH`` (Debian's package puts it at ``/usr/bin/chromium``). Without
one, the browser tests skip with the reason - unless ``OPENAPI_BUILDER_REQUIRE_BROWSER=1``
(set by CI), where they fail instead. One browser is shared by a whole test module.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# As root on a closed network: no sandbox, and none of Chromium's own background traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("OPENAPI_BUILDER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"OPENAPI_BUILDER_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def find_chromium() -> str | None:
    explicit = os.environ.get("OPENAPI_BUILDER_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for the module, or a skip (a failure under CI) saying why not."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    executable = find_chromium()
    if executable is None:
        _unavailable(
            "no Chromium found (apt-get install chromium, or set OPENAPI_BUILDER_CHROMIUM)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Visit:
    """A page opened on a local file, with what it tried to fetch and what it complained of."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(path, dark=False)``: the file in a fresh context, every request but the
    file itself blocked, console errors and page errors recorded."""
    contexts: list[Any] = []

    def open_(path: Path, *, dark: bool = False, width: int = 1280) -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme="dark" if dark else "light"
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        visit = Visit(page)
        url = path.resolve().as_uri()

        def route(request_route: Any) -> None:
            if request_route.request.url == url:
                request_route.continue_()
            else:
                visit.blocked.append(request_route.request.url)
                request_route.abort()

        page.route("**/*", route)
        page.on(
            "console",
            lambda message: visit.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.goto(url, wait_until="load")
        return visit

    yield open_
    for context in contexts:
        context.close()


def screenshot(visit: Visit, name: str, tmp_path: Path) -> Path:
    """A full-width screenshot; kept in ``OPENAPI_BUILDER_SCREENSHOTS`` when that is set."""
    folder = Path(os.environ.get("OPENAPI_BUILDER_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    visit.page.screenshot(path=str(target))
    return target
