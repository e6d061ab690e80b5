"""Validate a document without building objects: ``Decoder.validate`` and the CLI's ``validate``.

The verdict is the decoder's (tests check): parse safely, put into canonical order, validate
against the canonical schema, and refuse the valid values the binder could not convert. This
path imports neither the generated classes nor xsdata, so that a cold ``validate`` costs little
more than starting Python with lxml.
"""

from __future__ import annotations

import sys
from functools import cache

from ._canonical import canonicalize, declared_type
from ._layout import schema_layout
from ._parse import parse
from ._violations import check, conversion_error, wrong_root

#: XSD built-in types the generated classes read as ``int`` (xsdata's mapping).
_INTEGERS = frozenset(
    {
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    }
)


def validate_document(
    data: bytes, root_name: str, *, strict: bool, all_errors: bool, max_bytes: int
) -> None:
    """Raise the :class:`CodecError` decoding ``data`` would raise, or return."""
    root = parse(data, max_bytes)
    layout = schema_layout()
    if root.tag != root_name:
        raise wrong_root(root, root_name)
    # Which object carries an unknown element does not change the verdict: no owners.
    found = canonicalize(root, layout, frozenset())
    check(root, found.unknown, found.crowded, strict, all_errors)
    # Python reads no integer of more digits than its limit (4300 by default): decoding
    # refuses such a value, valid as it is. No text is longer than the document's bytes.
    limit = sys.get_int_max_str_digits()
    if limit and memoryview(data).nbytes > limit:
        for element in root.iter(*_integer_elements()):
            text = element.text or ""
            if len(text) > limit and layout.bases.get(declared_type(element)) in _INTEGERS:
                try:
                    int(text)
                except ValueError as exc:
                    raise conversion_error(element, exc) from None


@cache
def _integer_elements() -> frozenset[str]:
    """Names of the elements declared (somewhere) with an integer type."""
    layout = schema_layout()
    return frozenset(
        child.name
        for declared in (*layout.types.values(), *layout.roots.values())
        for child in declared.children.values()
        if layout.bases.get(child.type_name) in _INTEGERS
    )
