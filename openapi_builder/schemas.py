"""Python types -> JSON Schema, collected once into ``#/components/schemas``.

Normalization leaves a ``SchemaUse`` wherever a declaration gave a Python type. The
registry gathers every use of the whole API first, asks pydantic for all their schemas in
one ``generate_definitions`` call (the same machinery FastAPI uses, so the output matches),
and names the components itself before pydantic writes a single ``$ref``:

- a class gets its short name (``Item``) when no other class in the API has it;
- when two classes share a short name, *every* member of the clash gets its module-qualified
  name (``app__models_a__Item``), and an occurrence suffix if even that clashes;
- a class whose request (validation) and response (serialization) schemas differ gets
  ``Name-Input`` and ``Name-Output``, as FastAPI emits; otherwise one name.

So two different classes never share a name and one class never gets two, independently of
which schemas happen to look alike. Raw JSON Schema dicts are never touched.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter
from pydantic.errors import PydanticUserError
from pydantic.json_schema import (
    CoreModeRef,
    DefsRef,
    GenerateJsonSchema,
    JsonRef,
    JsonSchemaValue,
    _DefinitionsRemapping,
)
from pydantic_core import CoreSchema

from openapi_builder.errors import DeclarationError
from openapi_builder.merge import copy_json

__all__ = [
    "BINARY_SCHEMA",
    "REF_PREFIX",
    "SchemaRegistry",
    "SchemaUse",
    "admits_none",
    "binary_files",
    "field_title",
    "schema_slot",
]

REF_PREFIX = "#/components/schemas/"
Mode = Literal["validation", "serialization"]
_MODE_SUFFIX: dict[str, Mode] = {"-Input": "validation", "-Output": "serialization"}


@dataclass(frozen=True, slots=True, eq=False)
class SchemaUse:
    """A place in the document that will hold the JSON Schema of a Python type.

    ``mode`` is pydantic's: "validation" for what clients send (parameters, request
    bodies), "serialization" for what the API returns (responses, headers). ``extra`` is
    merged onto the generated schema, ``$ref`` or not (a default, a description), as
    pydantic writes a field's keywords. FastAPI's rule for titles: never beside a
    ``$ref``; ``title`` replaces the schema's own, ``fallback_title`` is used when the
    schema has none. ``where`` names the declaration, for errors.
    """

    annotation: Any
    mode: Mode
    where: str
    extra: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None
    fallback_title: str | None = None

    # A use is immutable and identified by identity: copying a document keeps the marker.
    def __copy__(self) -> SchemaUse:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> SchemaUse:
        return self


def schema_slot(value: Any, mode: Mode, *, where: str) -> Any:
    """What a declared schema becomes before generation: a SchemaUse, or a copied raw schema.

    A mapping is a raw JSON Schema and is deep-copied untouched; ``True``/``False`` are the
    boolean schemas; anything else is a Python type.
    """
    if isinstance(value, SchemaUse):
        return value
    if isinstance(value, Mapping):
        _check_schema_ref(value, where)
        return copy_json(value)  # iterative: raw schemas may nest thousands of levels
    if isinstance(value, bool):
        return value
    return SchemaUse(value, mode, where)


def _check_schema_ref(schema: Mapping[str, Any], where: str) -> None:
    """A schema's ``$ref`` into another component kind would be a Schema pointing at, say,
    a Request Body: refuse it and say where such a reference belongs."""
    ref = schema.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/components/"):
        return
    kind = ref.split("/")[2]
    if kind == "schemas":
        return
    places = {
        "requestBodies": "request_body={'$ref': ...}",
        "responses": "responses={<status>: {'$ref': ...}}",
        "parameters": "parameters=[{'$ref': ...}]",
        "headers": "a response's headers={<name>: {'$ref': ...}}",
        "examples": "examples={<name>: {'$ref': ...}} of a media type or parameter",
    }
    place = places.get(kind, f"the place of a {kind} object")
    raise DeclarationError(
        f"schema $ref {ref!r} points at components.{kind}, not at a schema: a Schema "
        f"Object can only reference #/components/schemas/...; reference it as {place}",
        where=where,
    )


def field_title(name: str) -> str:
    """FastAPI's title for a field, parameter or response: ``"item_id"`` -> ``"Item Id"``."""
    return name.title().replace("_", " ")


#: The schema FastAPI gives an uploaded file in 3.1 (the 3.0 dialect writes format: binary).
BINARY_SCHEMA: Mapping[str, Any] = {
    "type": "string",
    "contentMediaType": "application/octet-stream",
}


def binary_files(annotation: Any) -> Any:
    """``annotation`` with every ``bytes`` in it written as an uploaded file.

    Follows the forms a file field takes: ``bytes``, ``list[bytes]``, ``bytes | None``,
    ``Annotated[...]`` around them. Anything else is returned as it is.
    """
    import types
    import typing

    from pydantic import WithJsonSchema

    if annotation is bytes:
        return typing.Annotated[bytes, WithJsonSchema(dict(BINARY_SCHEMA))]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        parts = (binary_files(args[0]), *annotation.__metadata__)
        return typing.Annotated[parts]  # the tuple spreads into Annotated's arguments
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(binary_files(arg) for arg in args)]  # noqa: UP007
    if origin in (list, tuple, set, frozenset, Sequence) and args:
        return origin[tuple(binary_files(arg) for arg in args)]
    return annotation


def admits_none(declared: Any) -> bool:
    """Whether a declared schema (type or JSON Schema dict) accepts ``None``/``null``."""
    if isinstance(declared, SchemaUse):
        declared = declared.annotation
    if isinstance(declared, Mapping):
        kind = declared.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind):
            return True
        if declared.get("nullable") is True:
            return True
        branches = list(declared.get("anyOf", ())) + list(declared.get("oneOf", ()))
        return any(isinstance(b, Mapping) and admits_none(b) for b in branches)
    if declared is None or declared is type(None) or declared is Any:
        return True
    try:
        adapter = _adapter(declared)
        adapter.validate_python(None)
    except Exception:
        return False
    return True


_ADAPTERS: dict[Hashable, TypeAdapter[Any]] = {}


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    # TypeAdapter construction is the costly part of schema generation for non-models;
    # one per annotation per process is plenty.
    key = _identity(annotation)
    if isinstance(key, tuple) and key[0] == "unhashable":  # an id() may be reused: no cache
        return TypeAdapter(annotation)
    adapter = _ADAPTERS.get(key)
    if adapter is None:
        adapter = _ADAPTERS[key] = TypeAdapter(annotation)
    return adapter


class SchemaRegistry:
    """Generates and names the schemas of every ``SchemaUse`` of one API, all at once."""

    def __init__(self, uses: Iterable[SchemaUse]) -> None:
        self._uses = list(uses)
        self._schemas: dict[int, JsonSchemaValue] = {}
        self.components: dict[str, JsonSchemaValue] = {}
        self.origins: dict[str, str] = {}
        self._generate()

    def schema_for(self, use: SchemaUse) -> JsonSchemaValue:
        """The generated schema for one use: a fresh copy the caller may own."""
        schema: JsonSchemaValue = copy_json(self._schemas[id(use)])
        if "$ref" not in schema:
            if use.title is not None:
                schema["title"] = use.title
            elif use.fallback_title is not None and "title" not in schema:
                schema["title"] = use.fallback_title
        if use.extra:
            schema.update(copy_json(use.extra))
        return schema

    def _generate(self) -> None:
        if not self._uses:
            return
        keys: dict[tuple[Hashable, Mode], int] = {}
        inputs: list[tuple[int, Mode, CoreSchema]] = []
        key_of_use: dict[int, tuple[int, Mode]] = {}
        for use in self._uses:
            identity = _identity(use.annotation)
            key = (identity, use.mode)
            if key not in keys:
                keys[key] = len(inputs)
                inputs.append((keys[key], use.mode, _core_schema(use)))
            key_of_use[id(use)] = (keys[key], use.mode)
        generator = _NamingGenerator(ref_template=REF_PREFIX + "{model}")
        try:
            by_key, definitions = generator.generate_definitions(inputs)
        except (PydanticUserError, TypeError, ValueError, KeyError) as error:
            raise _locate_generation_error(self._uses, error) from error
        unnamed = sorted(set(definitions) - set(generator.origins))
        if unnamed:  # a naming decision pydantic did not accept: never emit placeholders
            raise DeclarationError(
                f"could not give the schema(s) {unnamed} a stable component name; "
                "please report this with the models involved"
            )
        self._schemas = {use_id: by_key[key] for use_id, key in key_of_use.items()}
        self.components = {name: definitions[name] for name in sorted(definitions)}
        self.origins = generator.origins


def _identity(annotation: Any) -> Hashable:
    """A key under which equal annotations share one schema.

    typing's equality is looser than the schema: ``Literal["a", "b"] == Literal["b", "a"]``,
    yet the enums list their values in the declared order. The repr keeps that order apart,
    and the annotation itself keeps same-named but different classes apart.
    """
    try:
        hash(annotation)
    except TypeError:
        return ("unhashable", id(annotation))
    return (annotation, repr(annotation))


def _core_schema(use: SchemaUse) -> CoreSchema:
    try:
        return _adapter(use.annotation).core_schema
    except Exception as error:
        raise DeclarationError(
            f"cannot make a JSON Schema from {use.annotation!r}: {error}. Use a pydantic "
            "model, dataclass, TypedDict, a standard type, or a JSON Schema dict",
            where=use.where,
        ) from error


def _locate_generation_error(uses: Sequence[SchemaUse], error: Exception) -> DeclarationError:
    # The batch failed; find the first declaration whose own schema fails, to name it.
    for use in uses:
        try:
            _adapter(use.annotation).json_schema(mode=use.mode)
        except Exception as own_error:
            return DeclarationError(
                f"cannot make a JSON Schema from {use.annotation!r}: {own_error}",
                where=use.where,
            )
    return DeclarationError(f"JSON Schema generation failed: {error}")


class _NamingGenerator(GenerateJsonSchema):
    """pydantic's generator with this package's component naming (see module docstring)."""

    def __init__(self, ref_template: str) -> None:
        super().__init__(ref_template=ref_template)
        self.origins: dict[str, str] = {}
        self._core_refs: dict[DefsRef, str] = {}

    def get_defs_ref(self, core_mode_ref: CoreModeRef) -> DefsRef:
        defs_ref = super().get_defs_ref(core_mode_ref)
        self._core_refs[defs_ref] = core_mode_ref[0]
        return defs_ref

    def _build_definitions_remapping(self) -> Any:
        # pydantic would search its candidate names for ones whose schemas agree; the names
        # here are already final and unique, so the remapping is direct (and much faster).
        names = _component_names(self._prioritized_defsref_choices, self.definitions)
        defs_remapping: dict[DefsRef, DefsRef] = {}
        json_remapping: dict[JsonRef, JsonRef] = {}
        for defs_ref, name in names.items():
            defs_remapping[defs_ref] = DefsRef(name)
            json_remapping[JsonRef(self.ref_template.format(model=defs_ref))] = JsonRef(
                self.ref_template.format(model=name)
            )
            self.origins[name] = self._core_refs.get(defs_ref, "").rsplit(":", 1)[0]
        return _DefinitionsRemapping(defs_remapping, json_remapping)


def _component_names(
    choices: Mapping[DefsRef, list[DefsRef]], definitions: Mapping[DefsRef, JsonSchemaValue]
) -> dict[DefsRef, str]:
    """Decide every component's final name from pydantic's candidates.

    ``choices[ref]`` is ``[short, short-Mode, qualified, qualified-Mode, qualified__n,
    qualified-Mode__n]``; ``qualified__n`` identifies a class, the ``ref`` a class and mode.
    """
    classes: dict[str, dict[Mode, DefsRef]] = {}
    short: dict[str, str] = {}
    qualified: dict[str, str] = {}
    for ref, candidates in choices.items():
        class_id = str(candidates[4])
        mode = _MODE_SUFFIX[str(candidates[1])[len(str(candidates[0])) :]]
        classes.setdefault(class_id, {})[mode] = ref
        short[class_id] = str(candidates[0])
        qualified[class_id] = str(candidates[2])

    split = _classes_with_distinct_modes(classes, definitions)
    base = _base_names(list(classes), short, qualified)
    names: dict[DefsRef, str] = {}
    for class_id, modes in classes.items():
        for mode, ref in modes.items():
            if class_id in split:
                suffix = "-Input" if mode == "validation" else "-Output"
                names[ref] = base[class_id] + suffix
            else:
                names[ref] = base[class_id]
    return names


def _base_names(
    class_ids: Sequence[str], short: Mapping[str, str], qualified: Mapping[str, str]
) -> dict[str, str]:
    by_short: dict[str, list[str]] = {}
    for class_id in class_ids:
        by_short.setdefault(short[class_id], []).append(class_id)
    names: dict[str, str] = {}
    for members in by_short.values():
        if len(members) == 1:
            names[members[0]] = short[members[0]]
            continue
        by_qualified: dict[str, list[str]] = {}
        for class_id in members:
            by_qualified.setdefault(qualified[class_id], []).append(class_id)
        for qualified_name, same in by_qualified.items():
            if len(same) == 1:
                names[same[0]] = qualified_name
            else:  # same module and qualname, e.g. classes made in a loop: number them
                for index, class_id in enumerate(same, start=1):
                    names[class_id] = f"{qualified_name}__{index}"
    return names


def _classes_with_distinct_modes(
    classes: Mapping[str, Mapping[Mode, DefsRef]], definitions: Mapping[DefsRef, JsonSchemaValue]
) -> set[str]:
    """Classes whose validation and serialization schemas differ, nested classes included.

    Refs inside a schema point at mode-specific placeholders, so schemas are compared with
    refs replaced by their class; then a class whose schema refers to a split class is
    split too, until nothing changes (FastAPI's Item-Input/Item-Output propagation).
    """
    class_of_ref: dict[str, str] = {}
    for class_id, modes in classes.items():
        for ref in modes.values():
            class_of_ref[REF_PREFIX + ref] = class_id

    def normalized(value: Any) -> Any:
        if isinstance(value, dict):
            out = {
                key: (class_of_ref.get(item, item) if key == "$ref" else normalized(item))
                for key, item in value.items()
            }
            discriminator = value.get("discriminator")
            if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
                # A discriminator's mapping holds refs too, as plain strings.
                out["discriminator"] = {
                    **discriminator,
                    "mapping": {
                        tag: class_of_ref.get(ref, ref) if isinstance(ref, str) else ref
                        for tag, ref in discriminator["mapping"].items()
                    },
                }
            return out
        if isinstance(value, list):
            return [normalized(item) for item in value]
        return value

    split: set[str] = set()
    refers_to: dict[str, set[str]] = {}
    for class_id, modes in classes.items():
        schemas = [definitions.get(ref, {}) for ref in modes.values()]
        refers_to[class_id] = {
            class_of_ref[ref]
            for schema in schemas
            for ref in _refs_in(schema)
            if ref in class_of_ref
        }
        if len(modes) == 2 and normalized(schemas[0]) != normalized(schemas[1]):
            split.add(class_id)
    changed = True
    while changed:
        changed = False
        for class_id, targets in refers_to.items():
            if class_id not in split and len(classes[class_id]) == 2 and targets & split:
                split.add(class_id)
                changed = True
    return split


def _refs_in(schema: Any) -> Iterable[str]:
    stack = [schema]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
