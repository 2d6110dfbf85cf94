"""The child process of ``serve``: build one page, write it, and list the files it read.

``serve`` runs each build here, in a fresh interpreter, so that edited modules are imported
anew (no reload tricks, no state left from the last build) and so that a module that hangs
or crashes cannot take the preview down with it. Run as::

    python -m openapi_builder.cli._build_page '{"source": ..., "ui": ..., "title": ...,
                                                "openapi": ..., "page": PATH, "files": PATH}'

Exit 0 with the page written; otherwise the one-line error on stderr. The ``files`` list is
written either way: the spec file, or the user's module files that were imported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openapi_builder.cli._common import EXIT_FINDINGS, Failure
from openapi_builder.cli._docs import load_source, render_page
from openapi_builder.docs.markup import esc

_PACKAGE = Path(__file__).resolve().parents[1]


def _user_files(source: str) -> list[str]:
    """Files a rebuild depends on: the spec, or the modules imported outside the interpreter's
    own trees (standard library, site-packages) and outside this package."""
    found: set[Path] = set()
    module_part = source.rpartition(":")[0] if ":" in source else source
    candidate = Path(source) if Path(source).is_file() else Path(module_part)
    if candidate.suffix in (".py", ".json", ".yaml", ".yml") and candidate.is_file():
        found.add(candidate.resolve())
    roots = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    for module in list(sys.modules.values()):
        name = getattr(module, "__file__", None)
        if not name or not name.endswith(".py"):
            continue
        path = Path(name).resolve()
        if path.is_relative_to(_PACKAGE) or any(path.is_relative_to(r) for r in roots):
            continue
        if "site-packages" in path.parts or "dist-packages" in path.parts:
            continue
        found.add(path)
    return sorted(str(p) for p in found)


def _problems_banner(document: dict[str, Any]) -> str:
    """Validation errors of a spec file, as a banner above its page ('' when it is valid)."""
    import openapi_builder as ob

    errors = [p for p in ob.validate(document).problems if p.severity == "error"]
    if not errors:
        return ""
    items = "".join(f"<li><code>{esc(p)}</code></li>" for p in errors[:50])
    more = f"<li>… and {len(errors) - 50} more</li>" if len(errors) > 50 else ""
    return (
        '<div class="serve-error" role="alert"><strong>The document is not valid '
        f"({len(errors)} error(s)):</strong><ul>{items}{more}</ul></div>"
    )


def _write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def build(request: dict[str, Any]) -> int:
    source = str(request["source"])
    try:
        document = load_source(source, request.get("openapi"))
        page = render_page(document, str(request.get("ui", "static")), request.get("title"))
        if Path(source).is_file():
            banner = _problems_banner(document)
            if banner:
                page = page.replace("<body>\n", f"<body>\n{banner}\n", 1)
        _write(str(request["page"]), page)
        return 0
    except Failure as failure:
        sys.stderr.write(failure.message + "\n")
        return failure.code or EXIT_FINDINGS
    except Exception as error:  # the preview shows whatever went wrong, it never dies of it
        sys.stderr.write(f"{type(error).__name__}: {error}\n")
        return EXIT_FINDINGS
    finally:
        _write(str(request["files"]), json.dumps(_user_files(source)))


def main(argv: Iterable[str]) -> int:
    (raw,) = list(argv)
    return build(json.loads(raw))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
