"""Forms, files and the password flow: request_forms, request_files,
request_forms_and_files, security."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, UploadFile
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel

import openapi_builder as ob
from tests.parity.common import App, api, op


def request_forms_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/login/")
    async def login(username: Annotated[str, Form()], password: Annotated[str, Form()]) -> Any:
        return {"username": username}

    return app


def request_forms_ours() -> ob.API:
    return api(
        op(
            "POST",
            "/login/",
            "login",
            request_body=[ob.Form("username", str), ob.Form("password", str)],
            response_model=Any,
        )
    )


def request_files_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/files/")
    async def create_file(file: Annotated[bytes, File()]) -> Any:
        return {"file_size": len(file)}

    @app.post("/uploadfile/")
    async def create_upload_file(file: UploadFile) -> Any:
        return {"filename": file.filename}

    return app


def request_files_001_ours() -> ob.API:
    return api(
        op("POST", "/files/", "create_file", request_body=ob.File("file"), response_model=Any),
        op(
            "POST",
            "/uploadfile/",
            "create_upload_file",
            request_body=ob.File("file"),
            response_model=Any,
        ),
    )


def request_files_optional_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/files/")
    async def create_file(  # type: ignore[no-untyped-def]
        file: Annotated[bytes | None, File(description="A file read as bytes")] = None,
    ):
        return {}

    @app.post("/uploadfile/")
    async def create_upload_file(  # type: ignore[no-untyped-def]
        file: Annotated[UploadFile | None, File(description="A file read as UploadFile")] = None,
    ):
        return {}

    return app


def request_files_optional_ours() -> ob.API:
    return api(
        op(
            "POST",
            "/files/",
            "create_file",
            request_body=ob.File("file", bytes | None, description="A file read as bytes"),
        ),
        op(
            "POST",
            "/uploadfile/",
            "create_upload_file",
            request_body=ob.File("file", bytes | None, description="A file read as UploadFile"),
        ),
    )


def request_files_multiple_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/files/")
    async def create_files(  # type: ignore[no-untyped-def]
        files: Annotated[list[bytes], File(description="Multiple files as bytes")],
    ):
        return {}

    @app.post("/uploadfiles/")
    async def create_upload_files(  # type: ignore[no-untyped-def]
        files: Annotated[list[UploadFile], File(description="Multiple files as UploadFile")],
    ):
        return {}

    @app.get("/")
    async def main() -> Any:
        return {}

    return app


def request_files_multiple_ours() -> ob.API:
    return api(
        op(
            "POST",
            "/files/",
            "create_files",
            request_body=ob.File("files", list[bytes], description="Multiple files as bytes"),
        ),
        op(
            "POST",
            "/uploadfiles/",
            "create_upload_files",
            request_body=ob.File("files", list[bytes], description="Multiple files as UploadFile"),
        ),
        op("GET", "/", "main", response_model=Any),
    )


def forms_and_files_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/files/")
    async def create_file(  # type: ignore[no-untyped-def]
        file: Annotated[bytes, File()],
        fileb: Annotated[UploadFile, File()],
        token: Annotated[str, Form()],
    ):
        return {}

    return app


def forms_and_files_ours() -> ob.API:
    return api(
        op(
            "POST",
            "/files/",
            "create_file",
            request_body=[ob.File("file"), ob.File("fileb"), ob.Form("token", str)],
        )
    )


class FormData(BaseModel):
    username: str
    password: str


def form_model_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/login/")
    async def login(data: Annotated[FormData, Form()]) -> Any:
        return data

    return app


def form_model_ours() -> ob.API:
    form = ob.RequestBody(FormData, media_type="application/x-www-form-urlencoded")
    return api(op("POST", "/login/", "login", request_body=form, response_model=Any))


oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
BEARER = {
    "OAuth2PasswordBearer": ob.SecurityScheme(
        type="oauth2", flows={"password": {"scopes": {}, "tokenUrl": "token"}}
    )
}


def security_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(token: Annotated[str, Depends(oauth2_scheme)]) -> Any:
        return {"token": token}

    return app


def security_001_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            security=[{"OAuth2PasswordBearer": []}],
            response_model=Any,
        ),
        security_schemes=BEARER,
    )


class SecUser(BaseModel):
    username: str
    email: str | None = None
    full_name: str | None = None
    disabled: bool | None = None


def security_003_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/token")
    async def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Any:
        return {}

    @app.get("/users/me")
    async def read_users_me(current_user: Annotated[str, Depends(oauth2_scheme)]) -> SecUser:
        return SecUser(username=current_user)

    return app


def security_003_ours() -> ob.API:
    return api(
        op("POST", "/token", "login", request_body=ob.password_form(), response_model=Any),
        op(
            "GET",
            "/users/me",
            "read_users_me",
            security=[{"OAuth2PasswordBearer": []}],
            response_model=SecUser,
        ),
        security_schemes=BEARER,
    )


APPS = [
    App("request_forms", "request_forms", request_forms_fastapi, request_forms_ours),
    App("request_form_models", "request_form_models", form_model_fastapi, form_model_ours),
    App("request_files_001", "request_files", request_files_001_fastapi, request_files_001_ours),
    App(
        "request_files_optional",
        "request_files",
        request_files_optional_fastapi,
        request_files_optional_ours,
    ),
    App(
        "request_files_multiple",
        "request_files",
        request_files_multiple_fastapi,
        request_files_multiple_ours,
    ),
    App(
        "request_forms_and_files",
        "request_forms_and_files",
        forms_and_files_fastapi,
        forms_and_files_ours,
    ),
    App("security_001", "security", security_001_fastapi, security_001_ours),
    App("security_003", "security", security_003_fastapi, security_003_ours),
]
