"""The bounds we promise on input and output text, enforced by our own code.

They are ours, not our dependencies': PyYAML's libyaml refuses nesting past 1,000 levels,
CPython's JSON decoder and encoder stop wherever the interpreter's recursion guard happens to
be (about 1,000 levels on 3.10/3.11, 3,000 on 3.12, far more on 3.13). Our bounds sit well
below every one of those, so the same document gets the same answer - our error, our words,
our place - whatever the versions underneath.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_BYTES", "MAX_ALIAS_NODES", "MAX_DEPTH"]

#: Deepest nesting of mappings/objects and sequences/arrays loaded or rendered. Real OpenAPI
#: documents stay under ~40 levels (the deepest of the 270 public ones in our corpus: 33).
MAX_DEPTH = 500

#: Most nodes YAML alias expansion may create in one document (scalars and containers).
MAX_ALIAS_NODES = 1_000_000

#: Largest document loaded unless the caller passes ``max_bytes`` (64 MiB).
DEFAULT_MAX_BYTES = 64 * 2**20
