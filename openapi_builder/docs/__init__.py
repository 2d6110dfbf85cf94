"""Pages for people: an API reference from any OpenAPI document, static or with Swagger UI.

:func:`docs_html` renders our own reference page (no JavaScript, no network: every style is
inline); :func:`swagger_html` inlines Swagger UI 5 and the document into one file, its
assets read from the optional ``swagger-ui-py`` package
(``pip install 'openapi-builder-toolkit[docs]'``).
Both take a document dict of any version (2.0, 3.0, 3.1, 3.2) and never modify it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from openapi_builder.docs.page import render_page
from openapi_builder.docs.swagger import swagger_html

__all__ = ["UI", "docs_html", "swagger_html"]

UI = Literal["static", "swagger"]


def docs_html(document: Mapping[str, Any], *, ui: UI = "static", title: str | None = None) -> str:
    """A self-contained HTML reference page for ``document``.

    Args:
        document: an OpenAPI document (2.0, 3.0, 3.1 or 3.2) as a dict; it is not modified.
        ui: ``static`` (our page, no JavaScript) or ``swagger`` (Swagger UI, inlined).
        title: the page title (default: the document's ``info.title``).

    Returns:
        The page as text; the same document always gives the same text.

    Raises:
        TypeError: ``document`` is not a mapping.
        ValueError: ``ui`` is not one of ``static``, ``swagger``.
        RenderError: ``ui="swagger"`` without the ``docs`` extra installed, or for a 3.2
            document (Swagger UI 5 cannot show it); the message says what to do.
    """
    if not isinstance(document, Mapping):
        raise TypeError(
            f"document must be a mapping (a loaded document), not {type(document).__name__}"
        )
    if ui == "static":
        return render_page(document, title=title)
    if ui == "swagger":
        return swagger_html(document, title=title)
    raise ValueError(f"unknown ui {ui!r}; choose static or swagger")
