"""Strict, safe parsing of untrusted bytes into an lxml tree.

No recovery, no DTD, no entities, no network, no file access, libxml2's own size and depth
limits kept on (huge_tree=False), and a size limit of our own checked before parsing.
Comments and processing instructions are dropped at parse time: a comment inside a text node
would otherwise split it, and xsdata binds only the part before the comment.
"""

from __future__ import annotations

import threading

from lxml import etree

from .errors import ForbiddenConstructError, MalformedXMLError, OversizeError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024

_local = threading.local()


def parser() -> etree.XMLParser:
    """This thread's parser (building one costs tens of microseconds; they are not thread-safe)."""
    try:
        result: etree.XMLParser = _local.parser
    except AttributeError:
        result = _local.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            recover=False,
            remove_comments=True,
            remove_pis=True,
            strip_cdata=True,
            collect_ids=False,
        )
    return result


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise OversizeError(f"input is {size} bytes, over the limit of {max_bytes}")


def parse(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse ``data`` and return its root element, or raise a :class:`CodecError`."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"expected bytes, not {type(data).__name__}")
    check_size(len(data), max_bytes)
    if not data.strip():
        raise MalformedXMLError("empty document")
    try:
        root = etree.fromstring(bytes(data), parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc) from None
    check_tree(root)
    return root


def check_tree(root: etree._Element) -> None:
    """Refuse a document that declared a DOCTYPE (and so possibly entities)."""
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ForbiddenConstructError("DOCTYPE declarations are not allowed")


def syntax_error(exc: etree.XMLSyntaxError) -> Exception:
    """Map a libxml2 parse error to the package's error classes."""
    message = str(exc.msg or exc)
    lowered = message.lower()
    line = exc.lineno or None
    if "entity" in lowered or "doctype" in lowered or "dtd" in lowered:
        return ForbiddenConstructError(message, line=line)
    if "depth" in lowered or "huge" in lowered or "too large" in lowered or "limit" in lowered:
        return OversizeError(message, line=line)
    return MalformedXMLError(message, line=line)
