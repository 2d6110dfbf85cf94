"""openapi_builder: generate, validate and diff OpenAPI documents from plain declarations."""
