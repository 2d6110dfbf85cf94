"""The exception hierarchy of openapi_builder.

Every exception the package raises on purpose derives from ``OpenAPIBuilderError``;
each subclass also inherits the builtin that fits, so ``except ValueError`` keeps working::

    OpenAPIBuilderError(Exception)
    ├── DeclarationError(ValueError)     a declaration cannot become a valid document;
    │                                    names the operation (``GET /items/{id}``) or object
    ├── SpecValidationError(ValueError)  a document failed validation; carries ``.problems``
    ├── LoadError(ValueError)            a spec file or text cannot be read;
    │                                    carries ``file:line:column``
    ├── RenderError(ValueError)          a document cannot be rendered or written
    │                                    (unknown suffix, non-JSON value, unwritable path)
    ├── DiffOptionError(ValueError)      a diff option is wrong (rule id, level, regex)
    ├── ConfigError(ValueError)          validation rule configuration is wrong (rule id,
    │                                    severity, unreadable config file)
    └── RefResolutionError(LookupError)  a ``$ref`` cannot be followed (dangling, remote
                                         or outside the spec's directory and not allowed)

Messages end with the place of the problem, so the last words of a traceback say where to look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openapi_builder.validate.report import Problem

__all__ = [
    "ConfigError",
    "DeclarationError",
    "DiffOptionError",
    "LoadError",
    "OpenAPIBuilderError",
    "RefResolutionError",
    "RenderError",
    "SpecValidationError",
]


class OpenAPIBuilderError(Exception):
    """Root of every error raised on purpose by openapi_builder."""


class DeclarationError(OpenAPIBuilderError, ValueError):
    """A declaration is wrong: the message says what to change and ``where`` names the place.

    ``where`` is the operation (``"GET /items/{item_id}"``) or the object (``"API"``,
    ``"Parameter 'q'"``) the problem was found in, or ``None`` when it is not known yet.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.reason = message
        self.where = where
        super().__init__(f"{message} - at {where}" if where else message)

    def at(self, where: str) -> DeclarationError:
        """Return a copy of this error located at ``where`` (keeps an existing place)."""
        if self.where is not None:
            return self
        located = type(self)(self.reason, where=where)
        located.__cause__ = self.__cause__
        return located


class SpecValidationError(OpenAPIBuilderError, ValueError):
    """A document is not valid; ``problems`` lists every finding, not only the first."""

    def __init__(
        self,
        problems: Sequence[Problem],
        *,
        title: str = "invalid OpenAPI document",
        origins: Sequence[str | None] = (),
    ) -> None:
        self.problems = tuple(problems)
        #: per problem, the declaration it came from (``"GET /items"``), when known
        self.origins = tuple(origins) or (None,) * len(self.problems)
        lines = [f"{title}: {len(self.problems)} problem(s)"]
        for problem, origin in zip(self.problems, self.origins, strict=False):
            lines.append(f"  - {problem}" + (f" (declared by {origin})" if origin else ""))
        super().__init__("\n".join(lines))


class LoadError(OpenAPIBuilderError, ValueError):
    """A spec cannot be loaded; ``source``, ``line`` and ``column`` (1-based) say where."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = message
        self.source = source
        self.line = line
        self.column = column
        place = source or "<text>"
        if line is not None:
            place += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{message} - at {place}")


class ConfigError(OpenAPIBuilderError, ValueError):
    """Rule configuration is wrong: unknown rule id, bad severity, unreadable config file."""

    def __init__(self, message: str, *, where: str) -> None:
        self.reason = message
        self.where = where
        super().__init__(f"{message} - at {where}")


class DiffOptionError(OpenAPIBuilderError, ValueError):
    """A diff option is wrong (unknown rule id or level, bad regex); the message says which."""


class RenderError(OpenAPIBuilderError, ValueError):
    """A document cannot be rendered or written; the message names the path or JSON pointer."""


class RefResolutionError(OpenAPIBuilderError, LookupError):
    """A ``$ref`` cannot be resolved; ``ref`` is its value and ``pointer`` where it stands."""

    def __init__(self, message: str, *, ref: str, pointer: str) -> None:
        self.reason = message
        self.ref = ref
        self.pointer = pointer
        super().__init__(f"{message} ($ref {ref!r}) - at {pointer or '/'}")
