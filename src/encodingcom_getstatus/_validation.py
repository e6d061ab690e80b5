"""Validate a document without building objects: ``Decoder.validate`` and the CLI's ``validate``.

The verdict is the decoder's (tests check): parse safely, put into canonical order, validate
against the canonical schema, and refuse the valid values the binder could not convert. This
path imports neither the generated classes nor xsdata, so that a cold ``validate`` costs little
more than starting Python with lxml.
"""

from __future__ import annotations

from lxml import etree

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

#: Leaf elements with more text than Python's smallest limit on integer digits can be set to.
_LONG_LEAVES = etree.XPath("//*[not(*)][string-length(.) > 640]")


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
    check(root, found.unknown, strict, all_errors)
    bases = layout.bases
    for element in _LONG_LEAVES(root):
        assert isinstance(element, etree._Element)
        if bases.get(declared_type(element)) in _INTEGERS:
            try:
                int(element.text or "")
            except ValueError as exc:  # over Python's limit on digits, as the binder finds
                raise conversion_error(element, exc) from None
