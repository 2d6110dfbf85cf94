"""Multi-file specs: the document set a spec's ``$ref``s reach, and bundling it into one file.

``load_document_set(path)`` reads the entry file and every local file reached by ``$ref``
(relative to the file holding it; JSON and YAML mixed; fragments; cycles across files),
never outside the root folder and never over the network; ``bundle_set`` turns the set into
one self-contained document and says where each part came from; ``bundle(path)`` does both
and raises on any reference it could not follow. Validation and diff use these to follow
file references; nothing here knows about them.
"""

from openapi_builder.docset.bundle import Bundle, bundle_set
from openapi_builder.docset.documents import (
    DEFAULT_MAX_FILES,
    DocumentSet,
    Reference,
    RefIssue,
    load_document_set,
    load_git_document_set,
    may_refer_elsewhere,
    text_may_refer_elsewhere,
)
from openapi_builder.docset.public import bundle

__all__ = [
    "DEFAULT_MAX_FILES",
    "Bundle",
    "DocumentSet",
    "RefIssue",
    "Reference",
    "bundle",
    "bundle_set",
    "load_document_set",
    "load_git_document_set",
    "may_refer_elsewhere",
    "text_may_refer_elsewhere",
]
