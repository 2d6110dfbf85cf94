"""``bundle(path)``: the one-call face of the package, strict about what it cannot follow."""

from __future__ import annotations

import os
from typing import Any

from openapi_builder.docset.bundle import bundle_set
from openapi_builder.docset.documents import DEFAULT_MAX_FILES, load_document_set
from openapi_builder.errors import RefResolutionError
from openapi_builder.load import DEFAULT_MAX_BYTES

__all__ = ["bundle"]


def bundle(
    path: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    max_files: int = DEFAULT_MAX_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, Any]:
    """Bundle a multi-file spec into one self-contained document and return it as a dict.

    Every object that another file provides is moved into ``components`` under its kind
    (``schemas``, ``responses``, ``parameters``...; Swagger 2.0: ``definitions``...), with a
    deterministic name that never collides (``pet.yaml`` -> ``pet``; clashes are qualified by
    their file), and every ``$ref`` is rewritten to point inside the result. Path items are
    inlined. A single-file spec comes back as loaded.

    Args:
        path: the entry file (JSON or YAML).
        root: the folder outside which no file is opened (default: ``path``'s folder).
        max_files, max_bytes: bounds on the number of files and the size of each.

    Raises:
        LoadError: the entry file cannot be loaded, or the set is too large.
        RefResolutionError: a ``$ref`` cannot be followed (remote, outside the root folder,
            a missing file or node, a loop of inlined objects); the message ends with the
            reference's ``file:line:column`` and says what to change.
    """
    result = bundle_set(
        load_document_set(path, root=root, max_files=max_files, max_bytes=max_bytes)
    )
    if result.issues:
        first = min(result.issues, key=lambda i: (i.source, i.line or 0, i.column or 0))
        more = len(result.issues) - 1
        extra = f" (and {more} more unresolved $ref{'s' if more > 1 else ''})" if more else ""
        raise RefResolutionError(
            f"{first.message}; {first.hint}{extra}", ref=first.ref, pointer=first.location
        )
    return result.document
