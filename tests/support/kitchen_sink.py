"""An API that declares every part of the operation surface, for golden documents.

``kitchen_sink(version)`` declares the common surface for every version, plus what only
3.1 (webhooks, info summary, license identifier, mutualTLS, path item components) and 3.2
(the QUERY method, streamed ``itemSchema``, tag ``parent``/``kind``) can express.
"""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Literal

from pydantic import BaseModel, Field

import openapi_builder as ob


class Species(enum.Enum):
    CAT = "cat"
    DOG = "dog"


class Owner(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str | None = None


class Pet(BaseModel):
    id: int = Field(ge=1, examples=[7])
    name: str
    species: Species
    born: datetime.date | None = None
    owner: Owner | None = None
    tags: list[str] = []


class NewPet(BaseModel):
    name: str
    species: Species


class Cat(BaseModel):
    kind: Literal["cat"]
    indoor: bool


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool = True


class Adoption(BaseModel):
    animal: Annotated[Cat | Dog, Field(discriminator="kind")]
    note: str | None = None


class Problem(BaseModel):
    title: str
    status: int


class Event(BaseModel):
    pet_id: int
    happened: str


PET_ID = ob.Parameter("pet_id", "path", int, description="The pet's id", example=7)
OAUTH = ob.SecurityScheme(
    type="oauth2",
    flows={
        "authorizationCode": {
            "authorizationUrl": "https://auth.example.com/authorize",
            "tokenUrl": "https://auth.example.com/token",
            "scopes": {"pets:read": "Read pets", "pets:write": "Change pets"},
        }
    },
)


def kitchen_sink(version: str) -> ob.API:
    """The full-surface API, as the given OpenAPI version can express it."""
    v31 = not version.startswith("3.0")
    v32 = version.startswith("3.2")
    schemes = {
        "api_key": ob.SecurityScheme(type="apiKey", name="X-API-Key", location="header"),
        "basic": ob.SecurityScheme(type="http", scheme="basic"),
        "bearer": ob.SecurityScheme(type="http", scheme="bearer", bearer_format="JWT"),
        "oauth": OAUTH,
        "oidc": ob.SecurityScheme(
            type="openIdConnect",
            open_id_connect_url="https://auth.example.com/.well-known/openid-configuration",
        ),
    }
    if v31:
        schemes["mtls"] = ob.SecurityScheme(type="mutualTLS", description="Client certificates")
    tags = [
        ob.Tag(
            "pets",
            description="Pets and their owners",
            external_docs={"url": "https://docs.example.com/pets"},
        ),
        ob.Tag("adoption", description="Adopting a pet"),
    ]
    if v32:
        tags.append(ob.Tag("cats", summary="Cats", parent="pets", kind="nav"))
    components: dict[str, dict[str, object]] = {
        "parameters": {
            "Limit": ob.Parameter("limit", "query", int, default=20, description="Page size"),
        },
        "responses": {
            "NotFound": ob.Response(description="No such pet", model=Problem),
        },
        "headers": {"RateLimit": ob.Header(int, description="Calls left this hour")},
        "examples": {
            "Rex": {"summary": "A dog", "value": {"id": 1, "name": "Rex", "species": "dog"}}
        },
        "requestBodies": {"NewPet": ob.RequestBody(NewPet, description="A pet to add")},
        "links": {
            "GetPet": {"operationId": "get_pet", "parameters": {"pet_id": "$response.body#/id"}}
        },
        "schemas": {"Money": {"type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$"}},
    }
    if v31:
        components["pathItems"] = {
            "Ping": [ob.Operation("GET", "/ping", operation_id="ping", status_code=204)]
        }
    operations = [
        ob.Operation(
            "GET",
            "/pets",
            operation_id="list_pets",
            summary="List pets",
            tags=["pets"],
            description="Pets, newest first.",
            parameters=[
                {"$ref": "#/components/parameters/Limit"},
                ob.Parameter(
                    "species",
                    "query",
                    list[Species],
                    required=False,
                    style="form",
                    explode=True,
                    description="Any of these species",
                ),
                ob.Parameter("X-Request-Id", "header", str, required=False),
                ob.Parameter("session", "cookie", str, required=False, deprecated=True),
                ob.Parameter(
                    "filter",
                    "query",
                    content={
                        "application/json": {
                            "schema": {"type": "object", "additionalProperties": {"type": "string"}}
                        }
                    },
                ),
            ],
            response_model=list[Pet],
            responses={
                200: {"headers": {"X-Rate-Limit": {"$ref": "#/components/headers/RateLimit"}}}
            },
            security=[{"oauth": ["pets:read"]}, {"api_key": []}],
        ),
        ob.Operation(
            "POST",
            "/pets",
            operation_id="create_pet",
            summary="Add a pet",
            tags=["pets"],
            request_body={"$ref": "#/components/requestBodies/NewPet"},
            response_model=Pet,
            status_code=201,
            responses={
                201: {
                    "links": {"GetPet": {"$ref": "#/components/links/GetPet"}},
                    "headers": {
                        "Location": ob.Header(str, description="The new pet", required=True)
                    },
                },
                "4XX": {"model": Problem},
            },
            security=[{"oauth": ["pets:write"]}],
            callbacks={
                "petAdded": [
                    ob.Operation(
                        "POST",
                        "{$request.body#/callbackUrl}",
                        operation_id="pet_added_callback",
                        request_body=Event,
                        status_code=204,
                    )
                ]
            },
        ),
        ob.Operation(
            "GET",
            "/pets/{pet_id}",
            operation_id="get_pet",
            summary="Get a pet",
            tags=["pets"],
            parameters=[PET_ID],
            response_model=Pet,
            responses={
                404: {"$ref": "#/components/responses/NotFound"},
                200: {"content": {"image/png": {}}},
            },
            servers=[ob.Server("https://images.example.com", description="Image host")],
        ),
        ob.Operation(
            "PUT",
            "/pets/{pet_id}",
            operation_id="replace_pet",
            tags=["pets"],
            parameters=[PET_ID],
            request_body=ob.RequestBody(
                content={
                    "application/json": ob.MediaType(
                        schema=Pet, examples={"rex": {"$ref": "#/components/examples/Rex"}}
                    ),
                    "application/x-www-form-urlencoded": NewPet,
                }
            ),
            response_model=Pet,
            responses={201: {"model": Pet, "description": "Created"}},
        ),
        ob.Operation(
            "DELETE",
            "/pets/{pet_id}",
            operation_id="delete_pet",
            tags=["pets"],
            parameters=[PET_ID],
            status_code=204,
            deprecated=True,
            security=[],
            openapi_extra={"x-internal": True},
        ),
        ob.Operation(
            "POST",
            "/pets/{pet_id}/photo",
            operation_id="upload_photo",
            tags=["pets"],
            parameters=[PET_ID],
            request_body=ob.RequestBody(
                content={
                    "multipart/form-data": ob.MediaType(
                        schema={
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "caption": {"type": "string"},
                            },
                        },
                        encoding={"file": {"contentType": "image/png, image/jpeg"}},
                    )
                }
            ),
            status_code=204,
        ),
        ob.Operation(
            "POST",
            "/adoptions",
            operation_id="adopt",
            tags=["adoption"],
            request_body=Adoption,
            response_model=Adoption,
            external_docs={"url": "https://docs.example.com/adopt"},
            responses={"default": {"model": Problem}},
        ),
    ]
    if v32:
        operations.append(
            ob.Operation(
                "QUERY",
                "/pets/search",
                operation_id="search_pets",
                tags=["cats"],
                request_body=NewPet,
                responses={200: {"content": {"application/jsonl": ob.MediaType(item_schema=Pet)}}},
            )
        )
    webhooks = (
        {
            "petAdopted": [
                ob.Operation(
                    "POST",
                    "/petAdopted",
                    operation_id="pet_adopted",
                    request_body=Event,
                    status_code=204,
                )
            ]
        }
        if v31
        else None
    )
    return ob.API(
        "Pet Store",
        "2.1.0",
        version,
        summary="Pets, owners and adoptions" if v31 else None,
        description="Everything a pet store needs.",
        terms_of_service="https://example.com/terms",
        contact={"name": "API team", "email": "api@example.com"},
        license_info=(
            {"name": "Apache 2.0", "identifier": "Apache-2.0"}
            if v31
            else {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"}
        ),
        servers=[
            ob.Server(
                "https://{region}.api.example.com/v2",
                description="Production",
                variables={"region": {"default": "eu", "enum": ["eu", "us"]}},
            ),
        ],
        tags=tags,
        security_schemes=schemes,
        security=[{"bearer": []}],
        responses={500: {"model": Problem, "description": "Something broke"}},
        operations=operations,
        webhooks=webhooks,
        components=components,
        external_docs={"url": "https://docs.example.com", "description": "Guides"},
        extensions={"x-audience": "public"},
    )
