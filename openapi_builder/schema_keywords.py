"""Where a Schema Object holds other schemas: the keywords, by how they hold them.

One table for every walk inside schemas (validation's index and example checking, the
document set's ``$ref`` search). ``items`` is in none of them: it is one schema, or (2.0,
3.0 and draft-4 tuples) a list of them, and each walk decides by the value it finds.
"""

from __future__ import annotations

__all__ = ["SCHEMA_LISTS", "SCHEMA_MAPS", "SCHEMA_ONE"]

#: Keywords whose value is a map of schemas.
SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)
#: Keywords whose value is one schema.
SCHEMA_ONE = frozenset(
    {
        "additionalProperties",
        "additionalItems",
        "not",
        "if",
        "then",
        "else",
        "contains",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
#: Keywords whose value is a list of schemas.
SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
