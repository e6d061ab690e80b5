"""The installed XSD files, and the validators compiled from them (once per process).

>>> schema_path().name
'getstatus.xsd'
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:  # imported only when needed: they cost a cold start several milliseconds
    from pathlib import Path

    import xmlschema

_FILES = {False: "getstatus.xsd", True: "getstatus-any-order.xsd"}


def schema_path(any_order: bool = False) -> Path:
    """Path of the installed canonical schema, or of the order-free one.

    The canonical schema is what the codec validates against after putting a reply into
    canonical order; the any-order schema validates raw replies as received (xmllint, JDK).
    """
    from importlib import resources
    from pathlib import Path

    return Path(str(resources.files(__package__) / "xsd" / _FILES[any_order]))


def schema_bytes(any_order: bool = False) -> bytes:
    """The installed XSD's bytes, read through the package's loader.

    As ``pkgutil.get_data`` reads package data: from a wheel, a zip or an editable install
    alike. It is what the validators are compiled from: importlib.resources, the fallback for
    a loader that cannot, would add several milliseconds to every cold start (tests check
    both find the same bytes).
    """
    package = sys.modules[__package__]
    get_data = getattr(getattr(package.__spec__, "loader", None), "get_data", None)
    if package.__file__ and get_data is not None:
        path = os.path.join(os.path.dirname(package.__file__), "xsd", _FILES[any_order])
        try:
            data: bytes = get_data(path)
            return data
        except (OSError, NotImplementedError):  # pragma: no cover - no such loader here
            pass
    from importlib import resources

    return (resources.files(__package__) / "xsd" / _FILES[any_order]).read_bytes()


def _schema_parser() -> etree.XMLParser:
    # The schema is ours, but it is parsed as carefully as any document.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def load_schema_tree(any_order: bool = False) -> etree._ElementTree:
    """The XSD as an lxml tree."""
    return etree.ElementTree(etree.fromstring(schema_bytes(any_order), _schema_parser()))


_local = threading.local()


def lxml_schema(any_order: bool = False) -> etree.XMLSchema:
    """The compiled libxml2 validator of this thread.

    One per thread: an XMLSchema object keeps the log of its last validation, which threads
    sharing it would overwrite. Compiling takes a few milliseconds, once per thread.
    """
    try:
        schema: etree.XMLSchema = _local.schemas[any_order]
    except (AttributeError, KeyError):
        schema = etree.XMLSchema(load_schema_tree(any_order))
        _local.__dict__.setdefault("schemas", {})[any_order] = schema
    return schema


_xmlschema_lock = threading.Lock()
_xmlschema_cache: dict[bool, Any] = {}


def xmlschema_schema(any_order: bool = False) -> xmlschema.XMLSchema10:
    """The compiled xmlschema validator (xmlschema is imported on first use only)."""
    with _xmlschema_lock:
        if any_order not in _xmlschema_cache:
            import xmlschema

            # A parsed tree, never a path or bytes: xmlschema opens strings that look like paths.
            tree = load_schema_tree(any_order).getroot()
            _xmlschema_cache[any_order] = xmlschema.XMLSchema10(tree)
        result: xmlschema.XMLSchema10 = _xmlschema_cache[any_order]
    return result
