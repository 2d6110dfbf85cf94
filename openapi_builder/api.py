"""``ob.API``: the one mutable declaration — a title, a version and a list of operations.

``build()`` runs the whole pipeline: assemble (3.1) -> dialect (the chosen version) ->
validate -> the document dict. ``write()`` renders it to a file atomically.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from openapi_builder._gc import paused_gc
from openapi_builder.assemble import assemble, declaration_at
from openapi_builder.declare import Declarations, Operation, SecurityScheme, Server, Tag
from openapi_builder.dialects import document_to_version, parse_version
from openapi_builder.errors import DeclarationError, SpecValidationError
from openapi_builder.render import write as write_document
from openapi_builder.validate import validate as validate_document
from openapi_builder.validate.catalogue import RULES_BY_ID
from openapi_builder.validate.versions import SpecVersion, detect_version

__all__ = ["API", "ExampleWarning"]

#: Rules on examples and defaults. Where the document's version words a rule as SHOULD (or
#: RECOMMENDED), ``build()`` warns (``ExampleWarning``) instead of failing, unless
#: ``strict_examples=True``; where it says MUST (a 2.0/3.0 default), the build fails.
SHOULD_RULES = ("example-violates-schema", "default-violates-schema")


class ExampleWarning(UserWarning):
    """An example in the built document does not match its schema.

    Every OpenAPI version says an example SHOULD match its schema, so the document is
    still valid and ``build()`` returns it; the message gives the JSON pointer, what is
    wrong and the declaration it came from. ``API(..., strict_examples=True)`` makes it a
    ``SpecValidationError``; ``warnings.simplefilter("error", ob.ExampleWarning)`` too.
    """


class API:
    """An API declaration: metadata, API-wide defaults and its operations.

    Args:
        title, version: ``info.title`` and ``info.version``.
        openapi: the OpenAPI version to emit: ``"3.1.0"`` (default), ``"3.0.3"`` or
            ``"3.2.0"``.
        servers, tags, security_schemes, security: the document's servers, tags, security
            schemes (``components.securitySchemes``) and API-wide security requirements.
        responses: FastAPI-style responses merged into every operation (the operation's
            own entries win key by key).
        operations: operations to start with; ``add()`` appends more.
        webhooks: webhook name -> operation(s) (OpenAPI 3.1 and later).
        components: reusable components by kind, e.g. ``{"examples": {...}}``, emitted as
            given; generated model schemas join ``components.schemas``.
        extensions: ``x-`` keys for the document root.
        strict_examples: make an example that does not match its schema fail ``build()``
            (``SpecValidationError``) instead of warning (``ExampleWarning``). It belongs
            to the API so that every way of building it (``write()``, the CLI, the pytest
            plugin) agrees.
    """

    def __init__(
        self,
        title: str,
        version: str,
        openapi: str = "3.1.0",
        *,
        summary: str | None = None,
        description: str | None = None,
        terms_of_service: str | None = None,
        contact: Mapping[str, Any] | None = None,
        license_info: Mapping[str, Any] | None = None,
        servers: Sequence[Server] = (),
        tags: Sequence[Tag] = (),
        security_schemes: Mapping[str, SecurityScheme] | None = None,
        security: Sequence[Mapping[str, Sequence[str]]] | None = None,
        responses: Mapping[Any, Any] | None = None,
        operations: Iterable[Operation] = (),
        webhooks: Mapping[str, Operation | Sequence[Operation]] | None = None,
        components: Mapping[str, Mapping[str, Any]] | None = None,
        external_docs: Mapping[str, Any] | None = None,
        extensions: Mapping[str, Any] | None = None,
        strict_examples: bool = False,
    ) -> None:
        if not isinstance(title, str) or not title:
            raise DeclarationError("an API needs a non-empty title", where="API")
        if not isinstance(version, str) or not version:
            raise DeclarationError("an API needs a version string such as '1.0.0'", where="API")
        try:
            parse_version(openapi)
        except DeclarationError as error:
            raise DeclarationError(error.reason, where="API(openapi=...)") from None
        self.openapi = openapi
        self.strict_examples = strict_examples
        self._declarations = Declarations(
            title=title,
            version=version,
            summary=summary,
            description=description,
            terms_of_service=terms_of_service,
            contact=dict(contact) if contact is not None else None,
            license_info=dict(license_info) if license_info is not None else None,
            servers=tuple(servers),
            tags=tuple(tags),
            security_schemes=dict(security_schemes or {}),
            security=tuple(security) if security is not None else None,
            responses=dict(responses or {}),
            webhooks={
                name: (ops,) if isinstance(ops, Operation) else tuple(ops)
                for name, ops in (webhooks or {}).items()
            },
            components={kind: dict(entries) for kind, entries in (components or {}).items()},
            external_docs=dict(external_docs) if external_docs is not None else None,
            extensions=dict(extensions or {}),
        )
        self._operations: list[Operation] = []
        self.add(*operations)

    @property
    def title(self) -> str:
        return self._declarations.title

    @property
    def version(self) -> str:
        return self._declarations.version

    @property
    def operations(self) -> tuple[Operation, ...]:
        """The declared operations, in the order they were added."""
        return tuple(self._operations)

    def add(self, *operations: Operation) -> None:
        """Append operations; each must be an ``ob.Operation``."""
        for operation in operations:
            if not isinstance(operation, Operation):
                raise DeclarationError(
                    f"API.add takes ob.Operation objects, got {type(operation).__name__}",
                    where="API",
                )
        self._operations.extend(operations)

    @paused_gc()
    def build(self, *, validate: bool = True) -> dict[str, Any]:
        """Return the OpenAPI document as a dict.

        Warns:
            ExampleWarning: an example does not match its schema (one warning each),
                unless ``strict_examples=True``, which raises instead.

        Raises:
            DeclarationError: a declaration cannot be expressed (names the operation).
            SpecValidationError: the document fails validation (``validate=True``); lists
                every problem with its JSON pointer and the operation it came from.
        """
        declared = replace(self._declarations, operations=tuple(self._operations))
        document = document_to_version(assemble(declared), self.openapi, owned=True)
        if validate:
            self._check(document)
        return document

    def _check(self, document: dict[str, Any]) -> None:
        # The SHOULD rules run whatever severity the catalogue gives them; their verdict is
        # decided here, so a build never fails on them unless the user asked for it.
        report = validate_document(document, lint=False, rules=dict.fromkeys(SHOULD_RULES, "error"))
        version = detect_version(document)
        key = version.key if isinstance(version, SpecVersion) else None
        must = {r for r in SHOULD_RULES if RULES_BY_ID[r].severity_for(key) == "error"}
        mismatches = [
            p for p in report.problems if p.rule_id in SHOULD_RULES and p.rule_id not in must
        ]
        errors = [p for p in report.errors if p.rule_id not in SHOULD_RULES or p.rule_id in must]
        if self.strict_examples:
            errors = sorted([*errors, *mismatches], key=lambda problem: problem.sort_key())
        if errors:
            raise SpecValidationError(
                errors,
                title=f"API {self.title!r} built an invalid document",
                origins=[declaration_at(problem.pointer) for problem in errors],
            )
        for problem in mismatches:
            origin = declaration_at(problem.pointer)
            warnings.warn(
                ExampleWarning(
                    f"{problem.message} [{problem.rule_id}] - at {problem.pointer}"
                    + (f" (declared by {origin})" if origin else "")
                    + "; API(strict_examples=True) makes this an error"
                ),
                stacklevel=4,  # _check, build, the paused_gc wrapper, the caller
            )

    def write(
        self, path: str | os.PathLike[str], *, format: str | None = None, validate: bool = True
    ) -> Path:
        """Build and write the document atomically; the format comes from the suffix."""
        return write_document(self.build(validate=validate), path, format=format)

    def __repr__(self) -> str:
        return (
            f"API(title={self.title!r}, version={self.version!r}, openapi={self.openapi!r}, "
            f"operations={len(self._operations)})"
        )
