"""Swagger UI 5 with the document inlined: one file that needs no network to view.

The JavaScript and CSS come from the installed ``swagger-ui-py`` package (Apache-2.0), the
optional ``docs`` extra. The document goes into a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped, so no text of the document can end the block.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from openapi_builder.docs.markup import esc
from openapi_builder.errors import RenderError

_EXTRA_HINT = (
    "the Swagger UI page needs the 'docs' extra: pip install 'openapi-builder-toolkit[docs]' "
    "(it provides swagger-ui-py)"
)

_BOOT = """\
window.addEventListener("DOMContentLoaded", function () {
  var spec = JSON.parse(document.getElementById("openapi-document").textContent);
  // Swagger UI fetches each OpenID Connect discovery document as it loads; the page promises
  // no fetch at view time, so those answer from here (requests the reader sends still go).
  var schemes = (spec.components || {}).securitySchemes || {};
  var discovery = {};
  Object.keys(schemes).forEach(function (name) {
    var url = schemes[name] && schemes[name].openIdConnectUrl;
    if (typeof url === "string") { discovery[url] = true; }
  });
  window.ui = SwaggerUIBundle({
    spec: spec,
    requestInterceptor: function (request) {
      if (discovery[request.url] === true) { request.url = "data:application/json,%7B%7D"; }
      return request;
    },
    dom_id: "#swagger-ui",
    deepLinking: false,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
"""


def _static_dir() -> Path:
    found = importlib.util.find_spec("swagger_ui")
    if found is None or found.origin is None:
        raise RenderError(_EXTRA_HINT)
    static = Path(found.origin).parent / "static"
    if not (static / "swagger-ui-bundle.js").is_file():
        raise RenderError(f"swagger-ui-py is installed but has no static assets; {_EXTRA_HINT}")
    return static


@cache
def _assets() -> tuple[str, str]:
    """(bundle JavaScript, CSS) read once per process."""
    static = _static_dir()
    script = (static / "swagger-ui-bundle.js").read_text(encoding="utf-8")
    css = (static / "swagger-ui.css").read_text(encoding="utf-8")
    return script, css


_SCRIPT_MARKS = re.compile(r"<!--|-->|<script(?=[\s/>])|</script(?=[\s/>])", re.I)


def _inline_safe(script: str) -> bool:
    """True when ``script`` inside ``<script>...</script>`` ends exactly at our closing tag.

    Follows the HTML tokenizer's script-data states: ``<!--`` then ``<script`` would make
    the browser skip our ``</script>``, and a ``</script`` of its own would end it early.
    """
    state = "data"
    for mark in _SCRIPT_MARKS.finditer(script):
        token = mark.group().lower()
        if token.startswith("</script"):
            if state != "double":
                return False
            state = "escaped"
        elif token == "<!--" and state == "data":
            state = "escaped"
        elif token == "-->":
            state = "data"
        elif token.startswith("<script") and state == "escaped":
            state = "double"
    return state != "double"


def _script_tag(script: str) -> str:
    if _inline_safe(script):
        return f"<script>\n{script}\n</script>"
    # Not safe to inline as text: a data URL is still part of the file, fetched from nowhere.
    encoded = base64.b64encode(script.encode("utf-8")).decode("ascii")
    return f'<script src="data:text/javascript;base64,{encoded}"></script>'


def document_json(document: Mapping[str, Any]) -> str:
    """The document as JSON that can sit inside a ``<script>`` block without ending it."""
    try:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str)
    except (RecursionError, ValueError) as error:  # deeper than the encoder goes, or a cycle
        raise RenderError(
            "the document is nested too deeply (or is cyclic) to inline in Swagger UI; "
            "use the static page (--ui static)"
        ) from error
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def swagger_html(document: Mapping[str, Any], *, title: str | None = None) -> str:
    """Swagger UI for ``document`` as one HTML file (assets and document inlined).

    Raises:
        RenderError: the ``docs`` extra (``swagger-ui-py``) is not installed, or the
            document is OpenAPI 3.2, which Swagger UI 5 cannot show; the message says what
            to do instead.
    """
    version = str(document.get("openapi", ""))
    if version.startswith("3.2"):
        # Swagger UI 5 answers "Unable to render this definition": say so before, not after.
        raise RenderError(
            f"Swagger UI 5 cannot show OpenAPI {version} documents; use the static page "
            "(--ui static) or build the API with --openapi 3.1.0"
        )
    script, css = _assets()
    info = document.get("info")
    heading = title or (
        str(info.get("title")) if isinstance(info, Mapping) and info.get("title") else "API"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="openapi-builder">\n'
        f"<title>{esc(heading)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        '<div id="swagger-ui"></div>\n'
        f'<script type="application/json" id="openapi-document">{document_json(document)}'
        "</script>\n"
        f"{_script_tag(script)}\n<script>\n{_BOOT}</script>\n</body>\n</html>\n"
    )
