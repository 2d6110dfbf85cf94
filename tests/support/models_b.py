"""A model whose class name collides with models_a.Item (component naming tests)."""

from pydantic import BaseModel


class Item(BaseModel):
    sku: str
    quantity: int = 0
