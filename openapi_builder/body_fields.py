"""Body fields: ``ob.Body``, ``ob.Form`` and ``ob.File``, FastAPI's request-body parameters.

``Operation(request_body=[ob.Body("item", Item), ob.Body("importance", int)])`` documents
what FastAPI documents for ``def f(item: Item, importance: int = Body())``: a component
``Body_<operation_id>`` holding one property per field. One ``ob.Body`` alone (without
``embed=True``) is the body itself, titled after its name. Any ``ob.Form`` makes the body
``application/x-www-form-urlencoded``, any ``ob.File`` ``multipart/form-data``;
``password_form()`` gives the fields of FastAPI's ``OAuth2PasswordRequestForm``.

This module holds declarations only: frozen values checked for their own shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import KW_ONLY, dataclass
from typing import Annotated, Any

from openapi_builder.errors import DeclarationError
from openapi_builder.frozen import FrozenMapping, check_examples

__all__ = ["Body", "File", "Form", "password_form"]


@dataclass(frozen=True, slots=True)
class Body:
    """One field of a JSON request body, as FastAPI's ``Body()`` declares it.

    Args:
        name: the field's name (its property in ``Body_<operation_id>``); ``alias`` gives
            another wire name.
        schema: a Python type or a JSON Schema dict.
        required: ``None`` means required unless the schema admits None or a default is
            given.
        default: the field's default (``None``: no default).
        embed: with a single field, still wrap it in ``Body_<operation_id>``.
        title, description, examples, deprecated: written into the field's schema; the
            title defaults to the name in title case ("item_id" -> "Item Id").
        openapi_examples: named Example Objects for the media type (single field only).
        media_type: the media type of the body (all JSON fields share one).
    """

    name: str
    schema: Any = str
    _: KW_ONLY
    required: bool | None = None
    default: Any = None
    embed: bool = False
    alias: str | None = None
    title: str | None = None
    description: str | None = None
    examples: Sequence[Any] | None = None
    openapi_examples: Mapping[str, Any] | None = None
    deprecated: bool = False
    media_type: str = "application/json"

    def __post_init__(self) -> None:
        where = f"{type(self).__name__} {self.name!r}"
        if not isinstance(self.name, str) or not self.name:
            raise DeclarationError("a body field needs a non-empty name", where=where)
        try:
            object.__setattr__(self, "examples", check_examples(self.examples))
        except DeclarationError as error:
            raise error.at(where) from None
        if self.openapi_examples is not None:
            if not isinstance(self.openapi_examples, Mapping):
                raise DeclarationError(
                    "openapi_examples maps example names to Example Objects", where=where
                )
            object.__setattr__(self, "openapi_examples", FrozenMapping(self.openapi_examples))

    @property
    def wire_name(self) -> str:
        """The property name clients send: the alias, else the name."""
        return self.alias or self.name


@dataclass(frozen=True, slots=True)
class Form(Body):
    """One form field: the body becomes ``application/x-www-form-urlencoded``."""

    _: KW_ONLY
    media_type: str = "application/x-www-form-urlencoded"


@dataclass(frozen=True, slots=True)
class File(Form):
    """One uploaded file (``bytes``) or list of files (``list[bytes]``): the body becomes
    ``multipart/form-data``. ``bytes`` in the schema is written as a binary string:
    ``contentMediaType: application/octet-stream`` in 3.1, ``format: binary`` in 3.0.
    """

    schema: Any = bytes
    _: KW_ONLY
    media_type: str = "multipart/form-data"


def password_form(*, strict: bool = False) -> tuple[Form, ...]:
    """The form fields of an OAuth2 password flow, as FastAPI's ``OAuth2PasswordRequestForm``.

    ``strict=True`` requires ``grant_type=password`` (``OAuth2PasswordRequestFormStrict``).
    Use as ``request_body=ob.password_form()``, or with more fields after it.
    """
    # Imported here: declarations stay free of pydantic at import time.
    from pydantic import Field

    secret: Any = {"format": "password"}
    grant_type: Any = (
        Annotated[str, Field(pattern="^password$")]
        if strict
        else Annotated[str | None, Field(pattern="^password$")]
    )
    return (
        Form("grant_type", grant_type),
        Form("username", str),
        Form("password", Annotated[str, Field(json_schema_extra=secret)]),
        Form("scope", str, default=""),
        Form("client_id", str | None),
        Form("client_secret", Annotated[str | None, Field(json_schema_extra=secret)]),
    )
