"""Encode GetStatus queries, decode and validate replies, and write replies back.

Decoding: bytes -> strict, safe parse -> canonical order (unknown elements set aside) ->
validation against the canonical schema (libxml2) -> binding into the generated dataclasses.

>>> reply = decode_response(b"<response><errors><error>Wrong user id or key!</error></errors>"
...                         b"</response>")
>>> reply.errors.error
['Wrong user id or key!']
>>> decode_response(encode_response(reply)) == reply
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from lxml import etree

from ._bindings import Plan, bind, canonical_bind, encode, plan_for
from ._canonical import Canonical
from ._parse import DEFAULT_MAX_BYTES, parse
from ._validation import validate_document
from ._violations import check, wrong_root
from .errors import EncodeError, InvalidQueryError, SchemaViolationError
from .generated import Action, Query, Response, YesNo

T = TypeVar("T", Query, Response)

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class Decoder:
    """A reusable decoder and its settings; safe to share between threads and to pickle.

    - ``strict``: also refuse elements the schema does not know (default: keep them in
      ``extra``). A strict decode accepts exactly what getstatus-any-order.xsd accepts.
    - ``all_errors``: on an invalid document, list every violation (slower: uses xmlschema)
      instead of what libxml2 reports, which is the first problem under each element.
    - ``max_bytes``: larger inputs are refused with :class:`OversizeError` before parsing.

    >>> Decoder(strict=True).decode_response(b"<response><id>1</id><status>New</status>"
    ...                                      b"</response>").status
    'New'
    """

    strict: bool = False
    all_errors: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES

    def decode_response(self, data: bytes) -> Response:
        """Decode a GetStatus reply of any shape (plain, extended or errors)."""
        return self.decode_tree(parse(data, self.max_bytes), Response)

    def decode_query(self, data: bytes) -> Query:
        """Decode a GetStatus query document."""
        return self.decode_tree(parse(data, self.max_bytes), Query)

    def validate(self, data: bytes, *, query: bool = False) -> None:
        """Raise the :class:`CodecError` decoding ``data`` as a reply (or a query) would
        raise, or return: the same verdict, without building the objects."""
        validate_document(
            data,
            "query" if query else "response",
            strict=self.strict,
            all_errors=self.all_errors,
            max_bytes=self.max_bytes,
        )

    def decode_tree(self, root: etree._Element, cls: type[T]) -> T:
        """Canonicalize, validate and bind an already safely parsed tree (modified in place)."""
        return _decode(root, plan_for(cls), self.strict, self.all_errors)  # type: ignore[no-any-return]


def _decode(root: etree._Element, plan: Plan, strict: bool, all_errors: bool) -> Any:
    """Decoding after the parse: put into canonical order and build the objects in one pass,
    then validate; the objects are kept only if the canonical tree is valid."""
    if root.tag != plan.name:
        raise wrong_root(root, plan.name)
    found = Canonical()
    result = canonical_bind(root, plan, found)
    check(root, found.unknown, found.crowded, strict, all_errors)
    if result is None:  # a valid value the binder could not convert: bind says why
        result = bind(root, plan, found.extras)
    return result


def decode_response(
    data: bytes,
    *,
    strict: bool = False,
    all_errors: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Response:
    """Decode and validate a GetStatus reply. See :class:`Decoder` for the options.

    Raises a :class:`CodecError` subclass, and nothing else, for any input bytes.
    """
    return _decode(parse(data, max_bytes), plan_for(Response), strict, all_errors)  # type: ignore[no-any-return]


def decode_query(data: bytes, *, strict: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Query:
    """Decode and validate a GetStatus query document."""
    return _decode(parse(data, max_bytes), plan_for(Query), strict, False)  # type: ignore[no-any-return]


# ----------------------------------------------------------------------------- encoding


def _encode(obj: Any, plan: Plan) -> bytes:
    out = [_DECLARATION]
    encode(obj, plan, plan.name, out)
    out.append("\n")
    try:
        return "".join(out).encode("utf-8")
    except UnicodeEncodeError as exc:  # pragma: no cover - _text refuses surrogates first
        raise EncodeError(str(exc)) from None


def encode_response(response: Response) -> bytes:
    """Write a reply document: UTF-8, children in canonical order, unknown elements last.

    A destination without a status gets an empty ``<destination_status/>``, so the pairing
    of destinations and statuses survives. The output is not validated: an object built by
    hand with the shapes mixed gives a document the schema refuses.
    """
    if not isinstance(response, Response):
        raise TypeError(f"expected a Response, not {type(response).__name__}")
    return _encode(response, plan_for(Response))


def encode_query(query: Query) -> bytes:
    """Write a query document (UTF-8, canonical order)."""
    if not isinstance(query, Query):
        raise TypeError(f"expected a Query, not {type(query).__name__}")
    return _encode(query, plan_for(Query))


def form_body(query: Query) -> bytes:
    """The urlencoded POST body for the API: the single form field ``xml=<query document>``.

    >>> form_body(build_query(1, "k", [7]))[:20]
    b'xml=%3C%3Fxml+versio'
    """
    import urllib.parse  # only here: most users never build a form body

    return urllib.parse.urlencode({"xml": encode_query(query).decode("utf-8")}).encode("ascii")


# ------------------------------------------------------------------------------ queries


def _flag(value: bool | None) -> YesNo | None:
    return None if value is None else (YesNo.YES if value else YesNo.NO)


def _media_ids(media_ids: int | str | Iterable[int | str]) -> str:
    if isinstance(media_ids, (int, str)):
        items: list[int | str] = [media_ids]
    elif isinstance(media_ids, (bytes, bytearray, memoryview)):  # would iterate as numbers
        raise InvalidQueryError(f"media ids {media_ids!r} are bytes, not digit strings")
    else:
        try:
            items = list(media_ids)
        except TypeError:
            raise InvalidQueryError(f"media ids {media_ids!r} are not ids nor a list") from None
    texts = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise InvalidQueryError(f"media id {item!r} is not an integer or a digit string")
        texts.extend(str(item).split(","))
    if not texts or texts == [""]:
        raise InvalidQueryError("no media id given")
    for text in texts:
        if not re.fullmatch(r"[1-9][0-9]*", text):
            raise InvalidQueryError(f"media id {text!r} is not a positive integer")
    return ",".join(texts)


def build_query(
    userid: int | str | None = None,
    userkey: str | None = None,
    media_ids: int | str | Iterable[int | str] = (),
    extended: bool = False,
    *,
    include_task_status: bool | None = None,
    include_qc_task_status: bool | None = None,
    oidc_refresh_token: str | None = None,
) -> Query:
    """Build a GetStatus query: user id and key, or ``oidc_refresh_token`` instead of both.

    ``media_ids``: one id, several (a list, or a comma-separated string); each a positive
    integer. The query is checked against the schema; bad arguments raise
    :class:`InvalidQueryError`.

    >>> q = build_query(40311, "secret", [101, 102], extended=True)
    >>> q.mediaid, q.extended
    ('101,102', <YesNo.YES: 'yes'>)
    """
    if oidc_refresh_token is not None and (userid is not None or userkey is not None):
        raise InvalidQueryError("give userid and userkey, or oidc_refresh_token, not both")
    if oidc_refresh_token is None and (userid is None or userkey is None):
        raise InvalidQueryError("userid and userkey are required (or oidc_refresh_token)")
    if isinstance(userid, bool):
        raise InvalidQueryError("userid must be a positive integer")
    query = Query(
        userid=None if userid is None else str(userid),
        userkey=userkey,
        oidc_refresh_token=oidc_refresh_token,
        action=Action.GET_STATUS,
        mediaid=_media_ids(media_ids),
        extended=YesNo.YES if extended else None,
        include_task_status=_flag(include_task_status),
        include_qc_task_status=_flag(include_qc_task_status),
    )
    try:
        Decoder(strict=True).decode_query(encode_query(query))
    except (SchemaViolationError, EncodeError) as exc:
        raise InvalidQueryError(f"invalid query: {exc}") from None
    return query
