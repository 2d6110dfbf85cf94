"""Which validation findings only a declaration can cause (invariant 9)."""

from __future__ import annotations

#: Default-rule findings that only a declaration can cause, each with the declaration
#: that does. Anything else found in a built document is the builder's own doing.
DECLARATION_CAUSED = {
    "example-violates-schema": "the user's example does not match the user's schema",
    "default-violates-schema": "the user's default does not match the user's schema",
    "no-unused-components": "the user declared a component that nothing references",
    "operation-tag-defined": "the user tagged an operation with an undeclared tag",
    "operation-success-response": "the user gave the operation a non-2XX/3XX status_code",
    "no-ambiguous-paths": "the user declared two templated paths that overlap",
    "path-keys-no-trailing-slash": "the user's path ends with a slash",
    "duplicated-entry-in-enum": "the user's enum lists a value twice",
    "no-required-schema-properties-undefined": "the user's raw schema requires an "
    "undefined property",
}
