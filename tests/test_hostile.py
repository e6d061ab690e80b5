"""Hostile and broken input: each case gets its specific error class, in bounded time, in every
decoder mode, and no content of a local file ever shows up, nor is the file even opened.

The corpus is built in code (some cases are tens of megabytes); ``corpus()`` is also what the
command-line tests write to files.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from encodingcom_getstatus import (
    CodecError,
    Decoder,
    ForbiddenConstructError,
    MalformedXMLError,
    OversizeError,
    Response,
    SchemaViolationError,
    _crowded,
    _parse,
    decode_query,
    decode_response,
    iter_jobs,
)
from encodingcom_getstatus._parse import DEFAULT_MAX_BYTES

SECRET = "TOP-SECRET-7f3a9c1e-d41d8cd98f00b204"
XSI = b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
VALID = b"<response><id>1</id><status>New</status></response>"
MB = 1024 * 1024
#: Generous: only there to catch hangs and blow-ups, not to measure speed.
BOUND = 10.0


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], bytes]  # from the path of the secret file
    expected: type[CodecError] | None  # None: decodes
    max_bytes: int | None = None


def _lol(levels: int = 10, width: int = 10) -> bytes:
    entities = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        entities.append(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * width}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE response [\n'
        + "\n".join(entities)
        + f"\n]>\n<response><id>1</id><status>&lol{levels - 1};</status></response>"
    ).encode()


def _quadratic() -> bytes:
    big = "x" * 50_000
    return (
        f'<?xml version="1.0"?><!DOCTYPE response [<!ENTITY a "{big}">]>'
        f"<response><id>1</id><status>{'&a;' * 50_000}</status></response>"
    ).encode()


def _uri(secret: Path) -> bytes:
    return secret.as_uri().encode()


def _many_attributes(where: bytes) -> bytes:
    attributes = b" ".join(b'a%d="x"' % i for i in range(100_000))
    return VALID[:-11] + b"<" + where + b" " + attributes + b"/></response>"


CASES = [
    # ---- entities, DTDs, and what they could reach
    Case(
        "xxe-local-file",
        lambda s: (
            b'<?xml version="1.0"?><!DOCTYPE response [<!ENTITY x SYSTEM "'
            + _uri(s)
            + b'">]><response><id>1</id><status>&x;</status></response>'
        ),
        ForbiddenConstructError,
    ),
    Case(
        "xxe-plain-path",
        lambda s: (
            b'<!DOCTYPE response [<!ENTITY x SYSTEM "'
            + str(s).encode()
            + b'">]><response><id>1</id><status>&x;</status></response>'
        ),
        ForbiddenConstructError,
    ),
    Case(
        "xxe-in-attribute",
        lambda s: (
            b'<!DOCTYPE response [<!ENTITY x SYSTEM "'
            + _uri(s)
            + b'">]><response a="&x;"><id>1</id><status>New</status></response>'
        ),
        ForbiddenConstructError,
    ),
    Case(
        "xxe-network",
        lambda s: (
            b'<!DOCTYPE response [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
            b"<response><id>1</id><status>&x;</status></response>"
        ),
        ForbiddenConstructError,
    ),
    Case(
        "external-dtd-file",
        lambda s: b'<?xml version="1.0"?><!DOCTYPE response SYSTEM "' + _uri(s) + b'">' + VALID,
        ForbiddenConstructError,
    ),
    Case(
        "external-dtd-network",
        lambda s: (
            b'<!DOCTYPE response PUBLIC "-//X//DTD Y//EN" "http://127.0.0.1:9/y.dtd">' + VALID
        ),
        ForbiddenConstructError,
    ),
    Case("billion-laughs", lambda s: _lol(), ForbiddenConstructError),
    Case("quadratic-blowup", lambda s: _quadratic(), ForbiddenConstructError),
    Case(
        "doctype-plain",
        lambda s: b'<?xml version="1.0"?>\n<!DOCTYPE response>\n' + VALID,
        ForbiddenConstructError,
    ),
    Case(
        "doctype-internal-entity",
        lambda s: (
            b'<!DOCTYPE response [<!ENTITY n "New">]><response><id>1</id><status>&n;'
            b"</status></response>"
        ),
        ForbiddenConstructError,
    ),
    Case(
        "doctype-attribute-defaults",
        lambda s: b'<!DOCTYPE response [<!ATTLIST id xsi:type CDATA "DigitString">]>' + VALID,
        ForbiddenConstructError,
    ),
    Case(
        "parameter-entity-internal",
        lambda s: (
            b"<!DOCTYPE response [<!ENTITY % p \"<!ENTITY n 'New'>\"> %p;]>"
            b"<response><id>1</id><status>&n;</status></response>"
        ),
        ForbiddenConstructError,
    ),
    Case(
        "parameter-entity-external",
        lambda s: b'<!DOCTYPE response [<!ENTITY % p SYSTEM "' + _uri(s) + b'"> %p;]>' + VALID,
        ForbiddenConstructError,
    ),
    Case(
        # The classic error-based exfiltration: the file's content in a failing URL.
        "parameter-entity-exfiltration",
        lambda s: (
            b'<?xml version="1.0"?>\n<!DOCTYPE response [\n<!ENTITY % file SYSTEM "'
            + _uri(s)
            + b'">\n<!ENTITY % eval "<!ENTITY &#x25; error SYSTEM \'file:///nonexistent/%file;\'>">'
            b"\n%eval;\n%error;\n]>\n" + VALID
        ),
        ForbiddenConstructError,
    ),
    Case("doctype-unfinished", lambda s: b"<!DOCTYPE response [", ForbiddenConstructError),
    Case(
        "doctype-malformed-body",
        lambda s: b"<!-- hello -->\n<!DOCTYPE response [<!ELEMENT response ANY>]><response>",
        ForbiddenConstructError,
    ),
    Case(
        "undefined-entity",
        lambda s: b"<response><id>1</id><status>&nbsp;</status></response>",
        ForbiddenConstructError,
    ),
    # ---- not well-formed
    Case("truncated", lambda s: VALID[:-8], MalformedXMLError),
    Case("truncated-in-tag", lambda s: b"<response><id>1</id><sta", MalformedXMLError),
    Case("two-roots", lambda s: VALID + VALID, MalformedXMLError),
    Case("junk-after-root", lambda s: VALID + b"trailing junk", MalformedXMLError),
    Case("mismatched-tags", lambda s: b"<response><id>1</status></response>", MalformedXMLError),
    Case(
        "invalid-utf8",
        lambda s: b"<response><id>1</id><status>N\xff\xfew</status></response>",
        MalformedXMLError,
    ),
    Case(
        "latin1-bytes-without-declaration",
        lambda s: b"<response><id>1</id><status>N\xe9</status></response>",
        MalformedXMLError,
    ),
    Case(
        "unknown-encoding",
        lambda s: b'<?xml version="1.0" encoding="X-NO-SUCH"?>' + VALID,
        MalformedXMLError,
    ),
    Case("empty", lambda s: b"", MalformedXMLError),
    Case("whitespace-only", lambda s: b" \n\t\r\n ", MalformedXMLError),
    Case("bom-only", lambda s: b"\xef\xbb\xbf", MalformedXMLError),
    Case("json-instead-of-xml", lambda s: b'{"response": {"id": "1"}}', MalformedXMLError),
    Case("html", lambda s: b"<html><body><p>502 Bad Gateway</body></html>", MalformedXMLError),
    Case(
        "nul-byte",
        lambda s: b"<response><id>1</id><status>N\x00ew</status></response>",
        MalformedXMLError,
    ),
    Case(
        "nul-reference",
        lambda s: b"<response><id>1</id><status>N&#0;ew</status></response>",
        MalformedXMLError,
    ),
    Case(
        "control-reference",
        lambda s: b"<response><id>1</id><status>&#x1b;[31m</status></response>",
        MalformedXMLError,
    ),
    Case(
        "xml-1.1-control",
        lambda s: b'<?xml version="1.1"?><response><id>1</id><status>&#1;</status></response>',
        MalformedXMLError,
    ),
    Case(
        "surrogate-reference",
        lambda s: b"<response><id>1</id><status>&#xD800;</status></response>",
        MalformedXMLError,
    ),
    Case("unclosed-comment", lambda s: b"<response><!-- ", MalformedXMLError),
    Case(
        "undeclared-prefix",
        lambda s: b"<response><id>1</id><status>New</status><a:b/></response>",
        MalformedXMLError,
    ),
    # ---- too big, too deep
    Case(
        "deep-nesting-unknown",
        lambda s: VALID[:-11] + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</response>",
        OversizeError,
    ),
    Case(
        "deep-nesting-known",
        lambda s: b"<response>" + b"<job>" * 10_000 + b"</job>" * 10_000 + b"</response>",
        OversizeError,
    ),
    Case(
        "huge-text-node",
        lambda s: VALID[:-11] + b"<description>" + b"x" * (20 * MB) + b"</description></response>",
        OversizeError,
        max_bytes=30 * MB,
    ),
    Case(
        "huge-attribute",
        lambda s: VALID[:-11] + b'<x a="' + b"v" * (11 * MB) + b'"/></response>',
        OversizeError,
        max_bytes=30 * MB,
    ),
    Case("long-name", lambda s: b"<response><" + b"n" * 60_000 + b"/></response>", OversizeError),
    Case("over-max-bytes", lambda s: VALID + b" " * 1000, OversizeError, max_bytes=1000),
    Case(
        "over-default-limit",
        lambda s: VALID[:-11] + b"<x>" + b"y" * (17 * MB) + b"</x></response>",
        OversizeError,
    ),
    # ---- well-formed, but not what the schema allows
    Case(
        "xsi-type-to-string",
        lambda s: (
            b"<response "
            + XSI
            + b' xmlns:xs="http://www.w3.org/2001/XMLSchema"><id>1</id><status>New</status>'
            b'<time_left xsi:type="xs:string">soon</time_left></response>'
        ),
        SchemaViolationError,
    ),
    Case(
        "xsi-nil",
        lambda s: b"<response " + XSI + b'><id>1</id><status xsi:nil="true"/></response>',
        SchemaViolationError,
    ),
    Case(
        "many-attributes-on-a-known-element",
        lambda s: _many_attributes(b"progress"),
        SchemaViolationError,
    ),
    Case(
        "many-errors",
        lambda s: (
            b"<response>"
            + b"<job><id>1</id><status>New</status><progress>abc</progress></job>" * 10_000
            + b"</response>"
        ),
        SchemaViolationError,
    ),
    Case("query-for-a-reply", lambda s: b"<query/>", SchemaViolationError),
    # ---- hostile-looking, but harmless: decoded, and nothing is fetched
    Case(
        "xsi-schema-location",
        lambda s: (
            b"<response "
            + XSI
            + b' xsi:noNamespaceSchemaLocation="'
            + _uri(s)
            + b'" xsi:schemaLocation="urn:x '
            + _uri(s)
            + b'"><id>1</id><status>New</status></response>'
        ),
        None,
    ),
    Case(
        "xsi-type-same-type",
        lambda s: (
            b"<response " + XSI + b'><id xsi:type="DigitString">1</id>'
            b"<status>New</status></response>"
        ),
        None,
    ),
    Case(
        "xinclude",
        lambda s: (
            b'<response xmlns:xi="http://www.w3.org/2001/XInclude"><id>1</id>'
            b'<status>New</status><xi:include href="' + _uri(s) + b'" parse="text"/></response>'
        ),
        None,
    ),
    Case(
        "stylesheet-instruction",
        lambda s: b'<?xml-stylesheet type="text/xsl" href="' + _uri(s) + b'"?>' + VALID,
        None,
    ),
    Case("utf-16-with-bom", lambda s: VALID.decode().encode("utf-16"), None),
    Case(
        "utf-16-declared",
        lambda s: ('<?xml version="1.0" encoding="UTF-16"?>' + VALID.decode()).encode("utf-16"),
        None,
    ),
    Case("utf-8-bom", lambda s: b"\xef\xbb\xbf" + VALID, None),
    Case("many-attributes-on-an-unknown-element", lambda s: _many_attributes(b"x"), None),
    Case(
        "many-unknown-elements",
        lambda s: (
            b"<response>"
            + b"<job><id>1</id><zz/><status>New</status></job>" * 20_000
            + b"</response>"
        ),
        None,
    ),
    Case(
        # Within libxml2's depth limit, but unknown elements this deep are refused (see
        # test_deeply_nested_unknown_element_is_refused).
        "deep-unknown-elements",
        lambda s: VALID[:-11] + b"<a>" * 200 + b"</a>" * 200 + b"</response>",
        OversizeError,
    ),
]

CASE_IDS = [case.name for case in CASES]
MODES = {
    "default": {},
    "strict": {"strict": True},
    "all-errors": {"all_errors": True},
}


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "secret.txt"
    path.write_text(SECRET)
    return path


def corpus(secret: Path) -> Iterator[tuple[Case, bytes]]:
    """Every case with its bytes (for the command-line tests)."""
    for case in CASES:
        yield case, case.build(secret)


def decode(data: bytes, case: Case, **options: bool) -> object:
    if case.max_bytes is not None:
        return Decoder(max_bytes=case.max_bytes, **options).decode_response(data)
    return Decoder(**options).decode_response(data)


def assert_no_secret(error: BaseException) -> None:
    texts = [str(error), repr(error), *(str(v) for v in getattr(error, "violations", []))]
    assert not any(SECRET in text for text in texts)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_hostile_case_gets_its_error_class(case: Case, secret: Path) -> None:
    data = case.build(secret)
    started = time.monotonic()
    if case.expected is None:
        reply = decode(data, case)
        assert SECRET not in repr(reply)
    else:
        with pytest.raises(case.expected) as caught:
            decode(data, case)
        assert type(caught.value) is case.expected
        assert_no_secret(caught.value)
    assert time.monotonic() - started < BOUND


@pytest.mark.parametrize("mode", sorted(MODES))
def test_only_codec_errors_escape_in_every_mode(mode: str, secret: Path) -> None:
    for case, data in corpus(secret):
        started = time.monotonic()
        try:
            result = decode(data, case, **MODES[mode])
        except CodecError as error:
            assert_no_secret(error)
            if case.expected is not None and case.expected is not SchemaViolationError:
                # Parsing problems do not depend on the mode.
                assert type(error) is case.expected, case.name
            elif case.expected is None:
                # Only strict mode may refuse a harmless case: for its unknown elements.
                assert mode == "strict" and isinstance(error, SchemaViolationError), case.name
                assert all("unknown element" in v.message for v in error.violations), case.name
        else:
            assert case.expected is None, case.name
            assert SECRET not in repr(result)
        assert time.monotonic() - started < BOUND, case.name


def test_queries_get_the_same_protection(secret: Path) -> None:
    for case, data in corpus(secret):
        if case.max_bytes is not None or case.expected in (None, SchemaViolationError):
            continue
        with pytest.raises(case.expected):
            decode_query(data.replace(b"response", b"query"))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_decode_like_utf8(encoding: str) -> None:
    # utf-32 (little-endian, with a byte order mark) is one the push parser cannot read.
    expected = decode_response(VALID)
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-be": "\ufeff"}.get(encoding, "")
    data = (bom + VALID.decode()).encode(encoding)
    assert decode_response(data) == expected
    Decoder().validate(data)


def test_latin1_decodes() -> None:
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?><response><id>1</id><status>Né</status>'
    assert decode_response((latin + "</response>").encode("latin-1")).status == "Né"


def test_schema_location_is_not_followed(tmp_path: Path) -> None:
    """An XSD that would refuse the document is named by xsi attributes: it is not used."""
    refusing = tmp_path / "refuse.xsd"
    refusing.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="response">'
        '<xs:complexType><xs:sequence><xs:element name="never"/></xs:sequence></xs:complexType>'
        "</xs:element></xs:schema>"
    )
    data = (
        b"<response "
        + XSI
        + b' xsi:noNamespaceSchemaLocation="'
        + refusing.as_uri().encode()
        + b'"><id>1</id><status>New</status></response>'
    )
    for mode in MODES.values():
        assert decode_response(data, **mode).status == "New"


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n ", bytearray(b"  ")], ids=repr)
def test_an_empty_document_is_named_as_such(data: bytes) -> None:
    """Recognised once the parser has refused it (the check costs nothing on a good reply)."""
    for run in (decode_response, Decoder().validate, Decoder(strict=True).decode_response):
        with pytest.raises(MalformedXMLError, match=r"^empty document$"):
            run(data)


def test_byte_like_inputs_are_accepted_and_other_types_refused() -> None:
    assert decode_response(bytearray(VALID)) == decode_response(memoryview(VALID)) is not None
    with pytest.raises(TypeError):
        decode_response(VALID.decode())  # type: ignore[arg-type]


def test_replies_over_10_mb_decode_up_to_max_bytes() -> None:
    # libxml2's push parser refuses more than 10 MB fed at once (without huge_tree): such
    # replies must still decode, up to the codec's own limit.
    job = b"<job><id>1</id><status>Error</status><description>%s</description></job>" % (
        b"x" * 100_000
    )
    data = b"<response>" + job * 110 + b"</response>"
    assert 10 * MB < len(data) < DEFAULT_MAX_BYTES
    assert len(decode_response(data).job) == 110
    Decoder().validate(data)
    with pytest.raises(OversizeError):
        decode_response(data, max_bytes=len(data) - 1)


def test_an_interrupted_parse_leaves_nothing_for_the_next_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The thread's parser is reused: a document fed but not closed (an interruption between
    # feed() and close()) would be continued by the next parse.
    class Interrupted(etree.XMLParser):
        closes = 0

        def close(self) -> etree._Element:
            self.closes += 1
            if self.closes == 1:
                raise KeyboardInterrupt
            return super().close()

    monkeypatch.setattr(_parse._local, "parser", Interrupted(**_parse.PARSER_OPTIONS))
    with pytest.raises(KeyboardInterrupt):
        decode_response(b"<response><id>1</id><status>New</status></response>")
    assert decode_response(b"<response><id>2</id><status>Saving</status></response>").id == "2"


def test_validate_counts_the_bytes_of_any_memoryview() -> None:
    # The integer check is skipped for documents shorter than Python's digit limit: a
    # memoryview of 4-byte items must be measured in bytes, not items.
    data = b"<response><id>1</id><status>New</status><filesize>%s</filesize></response>" % (
        b"9" * 5000
    )
    view = memoryview(data + b" " * (-len(data) % 4)).cast("I")
    with pytest.raises(OversizeError):
        decode_response(view)
    with pytest.raises(OversizeError):
        Decoder().validate(view)


_JOB = b"<job><id>1</id><status>New</status></job>"
_FORMAT = b"<format><id>1</id><status>New</status></format>"
_SHAPES = {
    # shape: (before, a valid unit, an invalid unit, after)
    "jobs": (
        b"<response>",
        _JOB,
        _JOB.replace(b"</job>", b"<progress>abc</progress></job>"),
        b"</response>",
    ),
    "formats of one job": (
        b"<response><job><id>1</id><status>New</status>",
        _FORMAT,
        _FORMAT.replace(b"</format>", b"<progress>abc</progress></format>"),
        b"</job></response>",
    ),
    "destinations": (
        b"<response><id>1</id><status>New</status><format><id>1</id><status>New</status>",
        b"<destination>d</destination><destination_status/>",
        b"<destination>d<b/></destination><destination_status/>",
        b"</format></response>",
    ),
    "formats of the second of many jobs": (
        b"<response>" + _JOB + b"<job><id>1</id><status>New</status>",
        _FORMAT,
        _FORMAT.replace(b"</format>", b"<progress>abc</progress></format>"),
        b"</job>" + _JOB * 9000 + b"</response>",
    ),
}


@pytest.mark.parametrize("shape", list(_SHAPES))
def test_many_invalid_siblings_take_linear_time(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # lxml names each validation error by counting its element's same-named predecessors:
    # validated whole, 100,000 invalid jobs take 20 s here (quadratic), and a 16 MB reply
    # minutes. In windows, it stops at the first window with a problem.
    windows = []
    real = _crowded.validate

    def spy(*args: Any) -> Any:
        windows.append(True)
        return real(*args)

    monkeypatch.setattr(_crowded, "validate", spy)
    before, good, bad, after = _SHAPES[shape]
    data = before + good + bad * 100_000 + after
    started = time.monotonic()
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(data)
    assert time.monotonic() - started < BOUND
    violations = caught.value.violations
    assert windows and 0 < len(violations) <= _crowded.WINDOW
    # The first invalid unit is the second of its run: its path says so, in the whole tree.
    assert re.search(r"\[2\](/\w+)?$", violations[0].path), violations[0].path
    with pytest.raises(SchemaViolationError):
        Decoder().validate(data)
    with pytest.raises(SchemaViolationError):
        list(iter_jobs(data))


def test_validation_in_windows_restores_the_tree() -> None:
    # Valid, with runs over the window under crowded elements at three depths.
    many = _FORMAT.replace(
        b"</format>", b"<destination>d</destination><destination_status/>" * 9000 + b"</format>"
    )
    data = (
        b"<response>"
        + _JOB * 9000
        + b"<job><id>2</id><status>New</status>"
        + _FORMAT * 9000
        + many
        + b"</job></response>"
    )
    root = _parse.parse(data)
    expected = etree.tostring(root)
    reply = Decoder().decode_tree(root, Response)
    assert etree.tostring(root) == expected
    assert len(reply.job) == 9001 and len(reply.job[-1].format) == 9001
    assert len(reply.job[-1].format[-1].destination) == 9000


def test_quadratic_blowup_is_refused_not_expanded() -> None:
    """Expanded, this document would be 2.5 GB of text."""
    data = _quadratic()
    assert len(data) < 300_000
    started = time.monotonic()
    with pytest.raises(ForbiddenConstructError):
        decode_response(data)
    assert time.monotonic() - started < BOUND


# ------------------------------------------------------ no local file is ever opened

FIFO_CASES = [
    "xxe-local-file",
    "xxe-plain-path",
    "xxe-in-attribute",
    "external-dtd-file",
    "parameter-entity-external",
    "parameter-entity-exfiltration",
    "xsi-schema-location",
    "xinclude",
    "stylesheet-instruction",
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", FIFO_CASES)
@pytest.mark.parametrize("mode", sorted(MODES))
def test_referenced_files_are_never_opened(name: str, mode: str, tmp_path: Path) -> None:
    """The secret sits behind a named pipe: opening it for reading would release the writer
    below while decoding is still under way, which the writer records."""
    case = next(c for c in CASES if c.name == name)
    fifo = tmp_path / "secret.pipe"
    os.mkfifo(fifo)
    decoding = threading.Event()
    decoding.set()
    opened_while_decoding: list[bool] = []

    def writer() -> None:
        with open(fifo, "wb") as pipe:  # blocks until someone opens the pipe for reading
            opened_while_decoding.append(decoding.is_set())
            pipe.write(SECRET.encode())

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        try:
            result: object = decode(case.build(fifo), case, **MODES[mode])
        except CodecError as error:
            result = error
            assert_no_secret(error)
        assert SECRET not in repr(result)
    finally:
        decoding.clear()
        release = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        thread.join(timeout=BOUND)
        os.close(release)
    assert opened_while_decoding == [False]


def test_deeply_nested_unknown_element_is_refused() -> None:
    """Objects holding unknown elements nested ~250 deep could not be printed or pickled."""
    depth = 200
    data = (
        b"<response><id>1</id><status>New</status>"
        + b"<x>" * depth
        + b"</x>" * depth
        + b"</response>"
    )
    with pytest.raises(OversizeError, match="nested more than 64 deep"):
        decode_response(data)
    shallow = b"<response><id>1</id><status>New</status><x><x><x/></x></x></response>"
    reply = decode_response(shallow)
    assert pickle.loads(pickle.dumps(reply)) == reply
