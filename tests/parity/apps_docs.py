"""The document around the operations: first_steps, metadata, openapi_callbacks,
openapi_webhooks, bigger_applications-style tags."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, HttpUrl

import openapi_builder as ob
from tests.parity.common import App, api, op


def first_steps_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/")
    async def root():  # type: ignore[no-untyped-def]
        return {"message": "Hello World"}

    return app


def first_steps_ours() -> ob.API:
    return api(op("GET", "/", "root"))


DESCRIPTION = """
ChimichangApp API helps you do awesome stuff. 🚀

## Items

You can **read items**.
"""


def metadata_001_fastapi() -> FastAPI:
    app = FastAPI(
        title="ChimichangApp",
        description=DESCRIPTION,
        summary="Deadpool's favorite app. Nuff said.",
        version="0.0.1",
        terms_of_service="http://example.com/terms/",
        contact={
            "name": "Deadpoolio the Amazing",
            "url": "http://x-force.example.com/contact/",
            "email": "dp@x-force.example.com",
        },
        license_info={"name": "Apache 2.0", "identifier": "Apache-2.0"},
    )

    @app.get("/items/")
    async def read_items():  # type: ignore[no-untyped-def]
        return [{"name": "Katana"}]

    return app


def metadata_001_ours() -> ob.API:
    return api(
        op("GET", "/items/", "read_items"),
        title="ChimichangApp",
        description=DESCRIPTION,
        summary="Deadpool's favorite app. Nuff said.",
        version="0.0.1",
        terms_of_service="http://example.com/terms/",
        contact={
            "name": "Deadpoolio the Amazing",
            "url": "http://x-force.example.com/contact/",
            "email": "dp@x-force.example.com",
        },
        license_info={"name": "Apache 2.0", "identifier": "Apache-2.0"},
    )


TAGS_METADATA: list[dict[str, Any]] = [
    {"name": "users", "description": "Operations with users. The **login** logic is also here."},
    {
        "name": "items",
        "description": "Manage items. So _fancy_ they have their own docs.",
        "externalDocs": {
            "description": "Items external docs",
            "url": "https://fastapi.tiangolo.com/",
        },
    },
]


def metadata_004_fastapi() -> FastAPI:
    app = FastAPI(openapi_tags=TAGS_METADATA)

    @app.get("/users/", tags=["users"])
    async def get_users():  # type: ignore[no-untyped-def]
        return [{"name": "Harry"}, {"name": "Ron"}]

    @app.get("/items/", tags=["items"])
    async def get_items():  # type: ignore[no-untyped-def]
        return [{"name": "wand"}, {"name": "flying broom"}]

    return app


def metadata_004_ours() -> ob.API:
    tags = [
        ob.Tag("users", description=TAGS_METADATA[0]["description"]),
        ob.Tag(
            "items",
            description=TAGS_METADATA[1]["description"],
            external_docs=TAGS_METADATA[1]["externalDocs"],
        ),
    ]
    return api(
        op("GET", "/users/", "get_users", tags=["users"]),
        op("GET", "/items/", "get_items", tags=["items"]),
        tags=tags,
    )


def metadata_servers_fastapi() -> FastAPI:
    app = FastAPI(
        servers=[
            {"url": "https://stag.example.com", "description": "Staging environment"},
            {"url": "https://prod.example.com", "description": "Production environment"},
        ],
        openapi_url="/api/v1/openapi.json",
    )

    @app.get("/app")
    def read_main():  # type: ignore[no-untyped-def]
        return {}

    return app


def metadata_servers_ours() -> ob.API:
    return api(
        op("GET", "/app", "read_main"),
        servers=[
            ob.Server("https://stag.example.com", description="Staging environment"),
            ob.Server("https://prod.example.com", description="Production environment"),
        ],
    )


class Invoice(BaseModel):
    id: str
    title: str | None = None
    customer: str
    total: float


class InvoiceEvent(BaseModel):
    description: str
    paid: bool


class InvoiceEventReceived(BaseModel):
    ok: bool


def callbacks_fastapi() -> FastAPI:
    app = FastAPI()
    invoices_callback_router = APIRouter()

    @invoices_callback_router.post(
        "{$callback_url}/invoices/{$request.body.id}", response_model=InvoiceEventReceived
    )
    def invoice_notification(body: InvoiceEvent):  # type: ignore[no-untyped-def]
        pass

    @app.post("/invoices/", callbacks=invoices_callback_router.routes)
    def create_invoice(invoice: Invoice, callback_url: HttpUrl | None = None):  # type: ignore[no-untyped-def]
        return {"msg": "Invoice received"}

    return app


def callbacks_ours() -> ob.API:
    path = "{$callback_url}/invoices/{$request.body.id}"
    notification = op(
        "POST",
        path,
        "invoice_notification",
        request_body=InvoiceEvent,
        response_model=InvoiceEventReceived,
    )
    url = ob.Parameter("callback_url", "query", HttpUrl | None)
    return api(
        op(
            "POST",
            "/invoices/",
            "create_invoice",
            parameters=[url],
            request_body=Invoice,
            callbacks={"invoice_notification": [notification]},
        )
    )


class Subscription(BaseModel):
    username: str
    monthly_fee: float
    start_date: datetime


def webhooks_fastapi() -> FastAPI:
    app = FastAPI()

    @app.webhooks.post("new-subscription")
    def new_subscription(body: Subscription):  # type: ignore[no-untyped-def]
        """When a new user subscribes to your service we'll send you a POST request."""

    @app.get("/users/")
    def read_users():  # type: ignore[no-untyped-def]
        return ["Rick", "Morty"]

    return app


def webhooks_ours() -> ob.API:
    hook = op(
        "POST",
        "/new-subscription",
        "new_subscription",
        operation_id="new_subscriptionnew_subscription_post",
        description="When a new user subscribes to your service we'll send you a POST request.",
        request_body=Subscription,
    )
    return api(op("GET", "/users/", "read_users"), webhooks={"new-subscription": hook})


def tags_enum_fastapi() -> FastAPI:
    app = FastAPI()
    router = APIRouter(prefix="/users", tags=["users"])

    @router.get("/")
    async def read_users():  # type: ignore[no-untyped-def]
        return []

    @router.get("/{username}")
    async def read_user(username: str):  # type: ignore[no-untyped-def]
        return {}

    app.include_router(router)
    return app


def tags_enum_ours() -> ob.API:
    return api(
        op("GET", "/users/", "read_users", tags=["users"]),
        op(
            "GET",
            "/users/{username}",
            "read_user",
            tags=["users"],
            parameters=[ob.Parameter("username", "path", str)],
        ),
    )


APPS = [
    App("first_steps", "first_steps", first_steps_fastapi, first_steps_ours),
    App("metadata_001", "metadata", metadata_001_fastapi, metadata_001_ours),
    App("metadata_004_tags", "metadata", metadata_004_fastapi, metadata_004_ours),
    App("metadata_servers", "behind_a_proxy", metadata_servers_fastapi, metadata_servers_ours),
    App("openapi_callbacks", "openapi_callbacks", callbacks_fastapi, callbacks_ours),
    App("openapi_webhooks", "openapi_webhooks", webhooks_fastapi, webhooks_ours),
    App("bigger_applications_router", "bigger_applications", tags_enum_fastapi, tags_enum_ours),
]
