"""A model whose class name collides with models_b.Item (component naming tests)."""

from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float
