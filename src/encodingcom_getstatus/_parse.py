"""Strict, safe parsing of untrusted bytes into an lxml tree.

No recovery, no DTD, no entities, no network, no file access, libxml2's own size and depth
limits kept on (huge_tree=False), and a size limit of our own checked before parsing.
Comments and processing instructions are dropped at parse time: a comment inside a text node
would otherwise split it, and xsdata binds only the part before the comment.
"""

from __future__ import annotations

import contextlib
import re
import threading

from lxml import etree

from .errors import ForbiddenConstructError, MalformedXMLError, OversizeError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024

_local = threading.local()


#: The parser settings, shared by :func:`parser` and the streaming parser of ``iter_jobs``.
PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "recover": False,
    "remove_comments": True,
    "remove_pis": True,
    "strip_cdata": True,
    # Not collect_ids=False: with libxml2 2.14 it makes the parser open the external
    # DTD subset (<!DOCTYPE r SYSTEM "file:///...">) despite load_dtd=False.
}


_PUSH_MAX = 1024 * 1024

_NO_DOCTYPE = "DOCTYPE declarations are not allowed"


def parser() -> etree.XMLParser:
    """This thread's parser (building one costs tens of microseconds; they are not thread-safe)."""
    try:
        result: etree.XMLParser = _local.parser
    except AttributeError:
        result = _local.parser = etree.XMLParser(**PARSER_OPTIONS)
    return result


def check_size(size: int, max_bytes: int) -> None:
    """Refuse an input of more than ``max_bytes``."""
    if size > max_bytes:
        raise _oversize(size, max_bytes)


def _oversize(size: int, max_bytes: int) -> OversizeError:
    return OversizeError(f"input is {size} bytes, over the limit of {max_bytes}")


def parse(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse ``data`` and return its root element, or raise a :class:`CodecError`.

    Up to 1 MB, through the thread's parser's feed() and close() first: 0.4 us sooner than
    fromstring(). Past that libxml2 caps the push parser's buffer (10 MB without
    huge_tree). Whatever the push parser refuses, fromstring() reads again: it is the
    reference, says exactly what is wrong (the push parser says "no element found" for an
    undefined entity), and reads UTF-32LE with a byte order mark, which the push parser
    does not.

    (:func:`parser`, :func:`check_size` and :func:`check_tree` are written out here: on a
    small reply, such calls would cost a few percent of the decoding.)
    """
    if type(data) is not bytes:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"expected bytes, not {type(data).__name__}")
        data = bytes(data)  # memoryview has no isspace()
    size = len(data)
    if size > max_bytes:
        raise _oversize(size, max_bytes)
    try:
        xml = _local.parser
    except AttributeError:
        xml = parser()
    root: etree._Element | None = None
    try:
        if size <= _PUSH_MAX:
            try:
                xml.feed(data)
                root = xml.close()
            except etree.XMLSyntaxError:
                pass
            except BaseException:
                # Interrupted between feed() and close() (KeyboardInterrupt, a timeout
                # signal): finish the document, or the thread's next parse would continue it.
                with contextlib.suppress(etree.XMLSyntaxError):
                    xml.close()
                raise
        if root is None:
            root = etree.fromstring(data, xml)
    except etree.XMLSyntaxError as exc:
        if not size or data.isspace():  # (strip() would copy the document)
            raise MalformedXMLError("empty document") from None
        if declares_doctype(data):  # refused for that, however broken the rest may be
            raise ForbiddenConstructError(_NO_DOCTYPE) from None
        raise syntax_error(exc) from None
    if etree.DocInfo(root).internalDTD is not None:
        raise ForbiddenConstructError(_NO_DOCTYPE)
    return root


# The prolog (XML declaration, comments, processing instructions, blanks), then a DOCTYPE.
_DOCTYPE = re.compile(r"(?:\s++|<\?.*?\?>|<!--.*?-->)*+<!DOCTYPE", re.DOTALL)
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def declares_doctype(data: bytes) -> bool:
    """Whether the prolog of ``data`` holds a DOCTYPE, for a document the parser refused."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "latin-1")
    text = data.decode(encoding, errors="replace").lstrip("\ufeff\u00ef\u00bb\u00bf")
    return _DOCTYPE.match(text) is not None


def check_tree(root: etree._Element) -> None:
    """Refuse a document that declared a DOCTYPE (and so possibly entities)."""
    # Any DOCTYPE declaration, with or without an internal subset, makes one (tests check).
    # (DocInfo(root): the same as getroottree().docinfo, without building the tree object.)
    if etree.DocInfo(root).internalDTD is not None:
        raise ForbiddenConstructError(_NO_DOCTYPE)


def syntax_error(exc: etree.XMLSyntaxError) -> Exception:
    """Map a libxml2 parse error to the package's error classes."""
    message = " ".join(str(exc.msg or exc).split())  # one line: libxml2 may end it with \n
    lowered = message.lower()
    line = exc.lineno or None
    if "entity" in lowered or "doctype" in lowered or "dtd" in lowered:
        return ForbiddenConstructError(message, line=line)
    if any(word in lowered for word in ("depth", "huge", "too large", "too long", "limit")):
        return OversizeError(message, line=line)
    return MalformedXMLError(message, line=line)
