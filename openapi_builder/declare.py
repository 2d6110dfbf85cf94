"""Declarations: the frozen values a user builds an API from.

Each class mirrors an OpenAPI object and takes FastAPI's keyword names where FastAPI has
one (``response_model``, ``status_code``, ``responses``, ...). Construction checks only the
object's own shape (a known method, a path starting with ``/``, a parseable status key);
checks across objects (duplicate operations, path parameters vs template, unknown security
schemes) happen when the API is built, so every problem is reported at once.

Lists given by the user are stored as tuples and mappings as read-only views of a copy, so
a declaration never changes after construction and never aliases the caller's containers.
This module imports nothing else from openapi_builder but the errors and ``frozen``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, Literal

from openapi_builder.errors import DeclarationError
from openapi_builder.frozen import (
    FrozenMapping,
    check_examples,
    check_extensions,
    empty,
    frozen_mapping,
    frozen_tuple,
    is_ref,
    set_field,
)

__all__ = [
    "HTTP_METHODS",
    "Declarations",
    "FrozenMapping",
    "Header",
    "MediaType",
    "Operation",
    "Parameter",
    "RequestBody",
    "Response",
    "SecurityScheme",
    "Server",
    "Tag",
    "check_examples",
    "default_operation_id",
    "parse_status_key",
]

#: Methods a path item can hold, in the order OpenAPI lists them (``QUERY`` is 3.2 only).
HTTP_METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY")

ParameterLocation = Literal["path", "query", "header", "cookie", "querystring"]
PARAMETER_LOCATIONS = ("path", "query", "header", "cookie", "querystring")

_STATUS_RANGE = re.compile(r"^[1-5]XX$", re.IGNORECASE)
_PATH_TEMPLATE = re.compile(r"\{([^{}]*)\}")


def parse_status_key(key: object) -> str:
    """Return a response key as OpenAPI writes it: ``"404"``, ``"4XX"`` or ``"default"``.

    Accepts ints 100-599, the same as strings, ranges ``"1XX"``-``"5XX"`` in any case, and
    ``"default"`` in any case. Raises DeclarationError for anything else.
    """
    if isinstance(key, bool):  # bool is an int; True is never a status code
        raise _bad_status(key)
    if isinstance(key, int):
        if 100 <= key <= 599:
            return str(key)
        raise _bad_status(key)
    if isinstance(key, str):
        text = key.strip()
        if text.isdigit() and len(text) == 3 and 100 <= int(text) <= 599:
            return text
        if _STATUS_RANGE.match(text):
            return text.upper()
        if text.lower() == "default":
            return "default"
    raise _bad_status(key)


def _bad_status(key: object) -> DeclarationError:
    return DeclarationError(
        f"response key {key!r} is not a status code: use an HTTP status 100-599 "
        f"(int or string), a range '1XX'-'5XX', or 'default'"
    )


def path_template_names(path: str) -> tuple[str, ...]:
    """The parameter names in a path template, in order: ``/a/{x}/{y}`` -> ``("x", "y")``."""
    return tuple(_PATH_TEMPLATE.findall(path))


@dataclass(frozen=True, slots=True)
class Server:
    """A server the API is reachable at; ``variables`` map names to ``{"default": ...}``."""

    url: str
    _: KW_ONLY
    description: str | None = None
    variables: Mapping[str, Mapping[str, Any]] = field(default_factory=empty)
    extensions: Mapping[str, Any] = field(default_factory=empty)

    def __post_init__(self) -> None:
        set_field(self, "variables", frozen_mapping(self.variables, "Server.variables"))
        set_field(self, "extensions", frozen_mapping(self.extensions, "Server.extensions"))
        check_extensions(self.extensions, f"Server {self.url!r}")
        for name in path_template_names(self.url):
            if name not in self.variables:
                raise DeclarationError(
                    f"server URL uses {{{name}}} but variables has no {name!r}: "
                    f"add variables={{{name!r}: {{'default': ...}}}}",
                    where=f"Server {self.url!r}",
                )


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag with an optional description and external docs (``{"url": ..., ...}``).

    ``summary``, ``parent`` (the name of another tag) and ``kind`` (e.g. "nav", "badge")
    exist from OpenAPI 3.2 on; building an older version with them is a DeclarationError.
    """

    name: str
    _: KW_ONLY
    summary: str | None = None
    description: str | None = None
    external_docs: Mapping[str, Any] | None = None
    parent: str | None = None
    kind: str | None = None
    extensions: Mapping[str, Any] = field(default_factory=empty)

    def __post_init__(self) -> None:
        if not self.name:
            raise DeclarationError("a tag needs a non-empty name", where="Tag")
        set_field(self, "extensions", frozen_mapping(self.extensions, "Tag.extensions"))
        check_extensions(self.extensions, f"Tag {self.name!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityScheme:
    """A security scheme: ``type`` is apiKey, http, oauth2, openIdConnect or mutualTLS.

    ``name`` and ``location`` (``in``) belong to apiKey; ``scheme`` and ``bearer_format``
    to http; ``flows`` to oauth2; ``open_id_connect_url`` to openIdConnect.
    """

    type: Literal["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"]
    description: str | None = None
    name: str | None = None
    location: Literal["query", "header", "cookie"] | None = None
    scheme: str | None = None
    bearer_format: str | None = None
    flows: Mapping[str, Any] | None = None
    open_id_connect_url: str | None = None
    extensions: Mapping[str, Any] = field(default_factory=empty)

    def __post_init__(self) -> None:
        where = f"SecurityScheme(type={self.type!r})"
        required = {
            "apiKey": ("name", "location"),
            "http": ("scheme",),
            "oauth2": ("flows",),
            "openIdConnect": ("open_id_connect_url",),
            "mutualTLS": (),
        }
        if self.type not in required:
            raise DeclarationError(
                f"unknown security scheme type {self.type!r}; use one of "
                + ", ".join(repr(t) for t in required),
                where=where,
            )
        missing = [name for name in required[self.type] if getattr(self, name) is None]
        if missing:
            raise DeclarationError(
                f"a {self.type} security scheme needs " + " and ".join(missing), where=where
            )
        set_field(self, "extensions", frozen_mapping(self.extensions, "SecurityScheme.extensions"))
        check_extensions(self.extensions, where)


@dataclass(frozen=True, slots=True, kw_only=True)
class MediaType:
    """One media type's content: a schema (Python type or JSON Schema dict) and examples."""

    schema: Any = None
    example: Any = None
    examples: Mapping[str, Any] | None = None
    encoding: Mapping[str, Any] | None = None
    item_schema: Any = None
    extensions: Mapping[str, Any] = field(default_factory=empty)


@dataclass(frozen=True, slots=True)
class Header:
    """A response header; ``schema`` is a Python type or a JSON Schema dict."""

    schema: Any = str
    _: KW_ONLY
    description: str | None = None
    required: bool = False
    deprecated: bool = False
    example: Any = None
    extensions: Mapping[str, Any] = field(default_factory=empty)


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """A response, interchangeable with the dict form of FastAPI's ``responses``.

    ``model`` is a Python type whose schema becomes the content of the operation's media
    type; ``content`` maps media types to ``MediaType`` or dicts and merges over it.
    """

    description: str | None = None
    model: Any = None
    content: Mapping[str, Any] | None = None
    headers: Mapping[str, Any] | None = None
    links: Mapping[str, Any] | None = None
    extensions: Mapping[str, Any] = field(default_factory=empty)

    def as_dict(self) -> dict[str, Any]:
        """The FastAPI dict form: only the keys that were given."""
        out: dict[str, Any] = {}
        for key in ("description", "model", "content", "headers", "links"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out.update(self.extensions)
        return out


@dataclass(frozen=True, slots=True)
class Parameter:
    """A path, query, header or cookie parameter.

    ``schema`` is a Python type (``int``, ``str | None``, an enum, ...) or a JSON Schema
    dict. ``required=None`` means: always for path parameters; otherwise required unless
    the schema admits None or a ``default`` is given.

    FastAPI's ``Path()``/``Query()``/``Header()``/``Cookie()`` keywords do what they do
    there: ``alias`` is the name on the wire (and in the title); ``title`` replaces the
    title derived from the name ("item_id" -> "Item Id"); ``description`` and
    ``deprecated`` go on the parameter and into its schema; ``examples`` (a list) goes
    into the schema, ``openapi_examples`` (name -> Example Object) on the parameter (a
    mapping given as ``examples`` is taken as ``openapi_examples``); a parameter with
    ``include_in_schema=False`` is left out of the document.
    """

    name: str
    location: ParameterLocation
    schema: Any = str
    _: KW_ONLY
    required: bool | None = None
    alias: str | None = None
    title: str | None = None
    description: str | None = None
    deprecated: bool = False
    default: Any = None
    example: Any = None
    examples: Sequence[Any] | Mapping[str, Any] | None = None
    openapi_examples: Mapping[str, Any] | None = None
    include_in_schema: bool = True
    style: str | None = None
    explode: bool | None = None
    allow_reserved: bool | None = None
    content: Mapping[str, Any] | None = None
    extensions: Mapping[str, Any] = field(default_factory=empty)

    def __post_init__(self) -> None:
        where = f"Parameter {self.name!r}"
        if not isinstance(self.name, str) or not self.name:
            raise DeclarationError("a parameter needs a non-empty name", where="Parameter")
        if self.location not in PARAMETER_LOCATIONS:
            raise DeclarationError(
                f"parameter location {self.location!r} is not one of "
                + ", ".join(PARAMETER_LOCATIONS),
                where=where,
            )
        if self.location == "path" and self.required is False:
            raise DeclarationError(
                "a path parameter is always required: drop required=False", where=where
            )
        if self.location == "path" and not self.include_in_schema:
            raise DeclarationError(
                "a path parameter cannot be left out of the document (the path template "
                "names it): drop include_in_schema=False",
                where=where,
            )
        if isinstance(self.examples, Mapping):
            if self.openapi_examples is not None:
                raise DeclarationError(
                    "examples= is a mapping of Example Objects and openapi_examples= is given "
                    "too: give the named examples once, as openapi_examples=",
                    where=where,
                )
            set_field(self, "openapi_examples", self.examples)
            set_field(self, "examples", None)
        try:
            set_field(self, "examples", check_examples(self.examples))
        except DeclarationError as error:
            raise error.at(where) from None
        if self.openapi_examples is not None:
            set_field(
                self,
                "openapi_examples",
                frozen_mapping(self.openapi_examples, "Parameter.openapi_examples"),
            )
        set_field(self, "extensions", frozen_mapping(self.extensions, "Parameter.extensions"))
        check_extensions(self.extensions, where)

    @property
    def wire_name(self) -> str:
        """The name the parameter has in the document: the alias, else the name."""
        return self.alias or self.name


@dataclass(frozen=True, slots=True)
class RequestBody:
    """A request body: a schema for one media type, or ``content`` for several.

    ``RequestBody(Item)`` and ``RequestBody({"type": "object"})`` give ``schema`` for
    ``media_type`` (default application/json). In ``content``, each media type maps to a
    Python type, an ``ob.MediaType``, or a Media Type Object dict (``{"schema": ...}``).
    ``required=None`` means required unless ``schema`` admits None; a body that is not
    required is written without ``required`` (its default is false), as FastAPI does.
    """

    schema: Any = None
    _: KW_ONLY
    content: Mapping[str, Any] | None = None
    description: str | None = None
    required: bool | None = None
    media_type: str = "application/json"
    extensions: Mapping[str, Any] = field(default_factory=empty)

    def __post_init__(self) -> None:
        if self.schema is not None and self.content is not None:
            raise DeclarationError(
                "give RequestBody either a schema or content={media type: ...}, not both",
                where="RequestBody",
            )
        if self.schema is None and self.content is None:
            raise DeclarationError(
                "a RequestBody needs a schema or content={media type: ...}", where="RequestBody"
            )
        set_field(self, "extensions", frozen_mapping(self.extensions, "RequestBody.extensions"))

    def media_types(self) -> dict[str, Any]:
        """Media type -> declared content (type, schema dict or MediaType), in order."""
        if self.content is not None:
            return dict(self.content)
        return {self.media_type: MediaType(schema=self.schema)}


@dataclass(frozen=True, slots=True)
class Operation:
    """One path operation, declared with FastAPI's path-operation keywords.

    ``responses`` maps status keys (``404``, ``"404"``, ``"4XX"``, ``"default"``) to dicts
    or ``Response`` objects; see the README for how they combine with ``response_model``.
    ``request_body`` takes a type, a JSON Schema dict, ``ob.RequestBody``, a
    ``{"$ref": "#/components/requestBodies/<name>"}``, or body fields (``ob.Body``,
    ``ob.Form``, ``ob.File``, alone or in a list). ``include_in_schema=False`` leaves the
    operation out of the document.
    """

    method: str
    path: str
    _: KW_ONLY
    operation_id: str | None = None
    summary: str | None = None
    description: str | None = None
    tags: Sequence[str] = ()
    parameters: Sequence[Parameter | Mapping[str, str]] = ()
    request_body: Any = None
    response_model: Any = None
    status_code: int | str | None = None
    response_description: str = "Successful Response"
    responses: Mapping[Any, Any] = field(default_factory=empty)
    deprecated: bool | None = None
    security: Sequence[Mapping[str, Sequence[str]]] | None = None
    callbacks: Mapping[str, Any] = field(default_factory=empty)
    servers: Sequence[Server] = ()
    media_type: str = "application/json"
    external_docs: Mapping[str, Any] | None = None
    openapi_extra: Mapping[str, Any] | None = None
    include_in_schema: bool = True

    def __post_init__(self) -> None:
        method = self.method.upper() if isinstance(self.method, str) else self.method
        where = f"{method} {self.path}"
        if method not in HTTP_METHODS:
            raise DeclarationError(
                f"unknown HTTP method {self.method!r}; use one of " + ", ".join(HTTP_METHODS),
                where=where,
            )
        set_field(self, "method", method)
        # Callback operations live under runtime expressions such as {$request.body#/url}.
        if not isinstance(self.path, str) or not self.path.startswith(("/", "{$")):
            raise DeclarationError(
                f"path {self.path!r} must start with '/'", where=f"{method} {self.path}"
            )
        if self.path.startswith("/") and ("?" in self.path or "#" in self.path):
            raise DeclarationError(
                "a path must not contain a query string or fragment: declare query "
                "parameters with Parameter(name, 'query')",
                where=where,
            )
        try:
            set_field(self, "tags", frozen_tuple(self.tags, "tags"))
            set_field(self, "parameters", frozen_tuple(self.parameters, "parameters"))
            set_field(self, "servers", frozen_tuple(self.servers, "servers"))
            set_field(self, "responses", frozen_mapping(self.responses, "responses"))
            set_field(self, "callbacks", frozen_mapping(self.callbacks, "callbacks"))
            if self.security is not None:
                set_field(self, "security", frozen_tuple(self.security, "security"))
            if self.status_code is not None:
                parse_status_key(self.status_code)
            if isinstance(self.request_body, list):  # body fields: ob.Body, ob.Form, ob.File
                set_field(self, "request_body", tuple(self.request_body))
        except DeclarationError as error:
            raise error.at(where) from None
        for parameter in self.parameters:
            if not isinstance(parameter, Parameter) and not is_ref(parameter):
                raise DeclarationError(
                    "parameters must be Parameter objects or {'$ref': "
                    f"'#/components/parameters/<name>'}}, got {parameter!r}",
                    where=where,
                )

    @property
    def label(self) -> str:
        """``METHOD /path``, the way errors and reports name an operation."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Declarations:
    """Everything an API declares, as the assembler sees it (built by ``ob.API``)."""

    title: str
    version: str
    summary: str | None = None
    description: str | None = None
    terms_of_service: str | None = None
    contact: Mapping[str, Any] | None = None
    license_info: Mapping[str, Any] | None = None
    servers: Sequence[Server] = ()
    tags: Sequence[Tag] = ()
    security_schemes: Mapping[str, SecurityScheme] = field(default_factory=dict)
    security: Sequence[Mapping[str, Sequence[str]]] | None = None
    responses: Mapping[Any, Any] = field(default_factory=dict)
    operations: Sequence[Operation] = ()
    webhooks: Mapping[str, Sequence[Operation]] = field(default_factory=dict)
    components: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    external_docs: Mapping[str, Any] | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict)


def default_operation_id(operation: Operation) -> str:
    """``GET /items/{item_id}`` -> ``get_items_item_id``: stable and readable."""
    words = re.findall(r"[A-Za-z0-9]+", operation.path)
    return "_".join([operation.method.lower(), *words]) if words else operation.method.lower()
