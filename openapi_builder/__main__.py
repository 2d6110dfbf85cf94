"""``python -m openapi_builder``: the same command line as the ``openapi-builder`` script."""

from __future__ import annotations

import sys

from openapi_builder.cli import main

if __name__ == "__main__":
    sys.exit(main())
