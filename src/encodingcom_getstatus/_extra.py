"""Unknown elements, kept so that decoding and re-encoding a reply loses nothing.

The generated classes Query, Response, Job and Format inherit :class:`HasExtra` (see
tools/xsdata.xml). Its ``extra`` field is invisible to xsdata's own parser and serializer
(metadata type ``Ignore``); the codec fills and writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class UnknownElement:
    """An element the schema does not declare, with its nested content.

    ``tag`` is the element name, in Clark notation (``{uri}name``) when it has a namespace.
    Whitespace-only text between child elements is not kept (it is indentation).
    """

    tag: str
    text: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    children: tuple[UnknownElement, ...] = ()
    #: Text after this element inside its parent unknown element (mixed content).
    tail: str = ""


@dataclass(kw_only=True)
class HasExtra:
    """Mixin of the generated classes that can carry unknown elements."""

    extra: list[UnknownElement] = field(default_factory=list, metadata={"type": "Ignore"})
