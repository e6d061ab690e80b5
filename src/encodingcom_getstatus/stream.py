"""Stream the jobs of a large GetStatus reply, in memory that does not grow with the jobs.

>>> from encodingcom_getstatus import iter_jobs
>>> data = (b"<response><job><id>1</id><status>New</status></job>"
...         b"<job><status>Finished</status><id>2</id></job></response>")
>>> [(job.id, job.status) for job in iter_jobs(data)]
[('1', 'New'), ('2', 'Finished')]

How: an incremental lxml parser with the settings of the one-shot decoder (no DTD, no
entities, no network, libxml2's limits on, comments and processing instructions dropped) reads
the input in 64 KiB chunks and reports only the reply's root and its ``job`` elements (libxml2
filters the events). When a job is complete it is moved into a one-job ``<response>`` wrapper
and decoded there exactly as :class:`Decoder` decodes a reply (canonical order, unknown elements
set aside, libxml2 validation against the canonical schema, binding), then dropped with its
subtree. A reply of N jobs is valid exactly when each job is valid in such a wrapper and nothing
but unknown elements and whitespace stands beside the jobs, which is what is checked.

Verdicts: a document gets the verdict :func:`decode_response` gives it, with these differences
that come from streaming:

- Problems are reported in document order, when they are read: an invalid job raises
  :class:`SchemaViolationError` (paths name its position, ``/response/job[7]/...``) after the
  jobs before it have been yielded, even if the document is also malformed further on. A
  consumer must treat the stream as failed when it raises.
- A DOCTYPE is refused as soon as it is read.
- A plain reply (the media's fields directly under ``<response>``) has no jobs to stream: it is
  read whole and decoded by the one-shot decoder, then yielded as its one job (as
  :func:`jobs` sees it). So is any reply whose first declared child is not a ``job``.
- An errors reply is valid, but has no jobs: :class:`ApiErrorReply` (a :class:`CodecError`) is
  raised, carrying the API's messages, rather than yielding nothing.
- Unknown elements directly under an extended reply's ``<response>`` are checked (refused when
  strict), then dropped: only jobs are yielded. Unknown elements inside a job are in its
  ``extra``, as with :func:`decode_response`.
- ``max_bytes``: a path or bytes over the limit is refused before parsing, as
  :func:`decode_response` does; a file object is counted as it is read, so jobs may have been
  yielded before :class:`OversizeError` is raised.
- Syntax errors of a path or bytes input are reported with the one-shot parser's message and
  class (libxml2's incremental parser reports some of them less precisely); for a file object
  the incremental parser's first error is mapped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from ._parse import (
    DEFAULT_MAX_BYTES,
    PARSER_OPTIONS,
    check_size,
    check_tree,
    parse,
    syntax_error,
)
from .codec import Decoder
from .errors import CodecError, MalformedXMLError, OversizeError, SchemaViolationError, Violation
from .generated import Job, Response

__all__ = ["ApiErrorReply", "iter_jobs"]

_CHUNK = 64 * 1024
_ROOT, _JOB = "response", "job"
_MIXED = (
    "Character content other than whitespace is not allowed because the content type is "
    "'element-only'"
)

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]


class ApiErrorReply(CodecError):
    """The reply is an errors reply (valid, but it has no jobs): ``errors`` lists the API's
    messages (``Wrong user id or key!``), ``message`` is the reply's ``<message>`` if any."""

    def __init__(self, errors: list[str], message: str | None) -> None:
        super().__init__("the reply reports API errors: " + "; ".join(errors))
        self.errors = errors
        self.message = message


def iter_jobs(
    source: Source,
    *,
    strict: bool = False,
    all_errors: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Job]:
    """Yield the jobs of a GetStatus reply one by one, each validated as soon as it is read.

    ``source``: a path, the document's bytes, or a binary file object (read, not closed).
    ``strict``, ``all_errors`` and ``max_bytes`` as for :class:`Decoder`. The jobs are the
    objects :func:`decode_response` would put in ``Response.job`` (for a plain reply, the one
    job :func:`jobs` builds from it). Raises a :class:`CodecError` subclass, and nothing
    else, for any input bytes (an unreadable path raises :class:`OSError`); see the module
    documentation for the verdicts. Nothing is read before the first job is asked for.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _Stream(Decoder(strict, all_errors, max_bytes), data=bytes(source)).jobs()
    if isinstance(source, (str, os.PathLike)):
        return _Stream(Decoder(strict, all_errors, max_bytes), path=source).jobs()
    if callable(getattr(source, "read", None)):
        return _Stream(Decoder(strict, all_errors, max_bytes), stream=source).jobs()
    raise TypeError(f"expected a path, bytes or a binary file, not {type(source).__name__}")


class _Stream:
    def __init__(
        self,
        decoder: Decoder,
        *,
        data: bytes | None = None,
        path: str | os.PathLike[str] | None = None,
        stream: IO[bytes] | None = None,
    ) -> None:
        self.decoder = decoder
        self.data, self.path, self.stream = data, path, stream
        self.root: etree._Element | None = None
        self.wrapper: etree._Element | None = None
        self.count = 0  # jobs seen
        self.whole = False  # not an extended reply: decode it whole at the end
        self.declared = frozenset(_response_children())

    # ------------------------------------------------------------------------ reading

    def jobs(self) -> Iterator[Job]:
        if self.data is not None:
            check_size(len(self.data), self.decoder.max_bytes)
            yield from self._parse(_slices(self.data))
        elif self.path is not None:
            with open(self.path, "rb") as file:
                check_size(os.fstat(file.fileno()).st_size, self.decoder.max_bytes)
                yield from self._parse(_reads(file, self.decoder.max_bytes))
        else:
            assert self.stream is not None
            yield from self._parse(_reads(self.stream, self.decoder.max_bytes))

    def _parse(self, chunks: Iterator[bytes]) -> Iterator[Job]:
        parser = etree.XMLPullParser(events=("start", "end"), tag=(_ROOT, _JOB), **PARSER_OPTIONS)
        etree.clear_error_log()  # so that a syntax error's log holds this document's only
        blank = True
        try:
            for chunk in chunks:
                if blank and chunk.strip():
                    blank = False
                parser.feed(chunk)
                yield from self._events(parser)
            if blank:
                raise MalformedXMLError("empty document")
            root = parser.close()
            yield from self._events(parser)
        except etree.XMLSyntaxError as exc:
            raise self._syntax_error(exc) from None
        check_tree(root)
        if root.tag != _ROOT or self.root is None:
            # decode_tree says what is wrong with the root.
            self.decoder.decode_tree(root, Response)
        if self.whole:
            yield from self._decode_whole(root)
        elif self.count == 0:  # no job at all: <response/>, or only unknown elements
            self.whole = True
            yield from self._decode_whole(root)
        else:
            self._settle(root, None)

    def _events(self, parser: etree.XMLPullParser) -> Iterator[Job]:
        for event, element in parser.read_events():
            if event == "start":
                if self.root is None and element.tag == _ROOT and element.getparent() is None:
                    check_tree(element)
                    self.root = element
                continue
            if element.tag == _JOB and not self.whole:
                root = self.root
                if root is not None and element.getparent() is root:
                    job = self._job(root, element)
                    if job is not None:
                        yield job

    def _syntax_error(self, exc: etree.XMLSyntaxError) -> Exception:
        """The one-shot parser's error where the input can be read again, else the first
        error of the incremental parser's log (its final message is often a consequence)."""
        if self.data is not None or self.path is not None:
            try:
                data = self.data if self.data is not None else _read_file(self.path)
                parse(data, self.decoder.max_bytes)
            except CodecError as error:
                return error
            except OSError:
                pass
        first = next((e for e in exc.error_log if e.level >= etree.ErrorLevels.ERROR), None)
        if first is not None:
            exc = etree.XMLSyntaxError(first.message, first.type, first.line, first.column)
        return syntax_error(exc)

    # --------------------------------------------------------------------------- jobs

    def _job(self, root: etree._Element, element: etree._Element) -> Job | None:
        if self.count == 0 and self._plain_before(root, element):
            self.whole = True  # a known non-job child first: not an extended reply
            return None
        self._settle(root, element)
        self.count += 1
        wrapper = self.wrapper
        if wrapper is None:
            wrapper = self.wrapper = etree.Element(_ROOT, dict(root.attrib))
        # Everything before this job is gone (_settle), so moving it out of the tree under
        # construction (with its tail) leaves the root empty: the parser's next text starts
        # a new node. The job is decoded alone, then freed with its subtree.
        wrapper.append(element)
        try:
            reply = self.decoder.decode_tree(wrapper, Response)
        except SchemaViolationError as error:
            raise SchemaViolationError(
                [_renumber(v, self.count) for v in error.violations]
            ) from None
        except OversizeError as error:  # a value Python cannot convert: its message has a path
            message = str(error).replace("/response/job[1]", f"/response/job[{self.count}]")
            raise OversizeError(message, line=error.line) from None
        finally:
            wrapper.remove(element)
        return reply.job[0]

    def _plain_before(self, root: etree._Element, job: etree._Element) -> bool:
        """True when a declared element other than job stands before the first job."""
        for child in root:
            if child is job:
                return False
            if child.tag in self.declared:
                return True
        return False  # pragma: no cover - job is a child of root

    def _settle(self, root: etree._Element, upto: etree._Element | None) -> None:
        """Check and drop what stands before ``upto`` (None: everything) under the root of
        an extended reply: whitespace, and unknown elements (refused when strict)."""
        text = root.text
        if text is not None:
            if text.strip():
                raise SchemaViolationError([Violation("/response", root.sourceline, _MIXED)])
            root.text = None
        while True:
            child = next(iter(root), None)
            if child is None or child is upto:
                return
            tag = child.tag
            name = tag if isinstance(tag, str) else str(tag)
            if tag in self.declared:
                message = f"'{name}' cannot stand beside job elements (an extended reply)"
                raise SchemaViolationError(
                    [Violation(f"/response/{name}", child.sourceline, message)]
                )
            if self.decoder.strict:
                message = f"unknown element '{name}'"
                raise SchemaViolationError(
                    [Violation(f"/response/{name}", child.sourceline, message)]
                )
            tail = child.tail
            if tail is not None and tail.strip():
                raise SchemaViolationError([Violation("/response", root.sourceline, _MIXED)])
            root.remove(child)

    def _decode_whole(self, root: etree._Element) -> Iterator[Job]:
        reply = self.decoder.decode_tree(root, Response)
        if reply.errors is not None:
            raise ApiErrorReply(list(reply.errors.error), reply.message)
        from .views import as_jobs

        yield from as_jobs(reply)


def _response_children() -> set[str]:
    from ._layout import schema_layout

    return {name for name in schema_layout().roots[_ROOT].children if name != _JOB}


def _renumber(violation: Violation, position: int) -> Violation:
    """A violation found in the one-job wrapper, with the job's position in the reply."""
    path = violation.path
    for prefix in ("/response/job[1]", "/response/job"):
        if path == prefix or path.startswith(prefix + "/"):
            path = f"/response/job[{position}]" + path[len(prefix) :]
            break
    return Violation(path, violation.line, violation.message)


def _slices(data: bytes) -> Iterator[bytes]:
    view = memoryview(data)
    for start in range(0, len(data), _CHUNK):
        yield bytes(view[start : start + _CHUNK])


def _reads(file: IO[bytes], max_bytes: int) -> Iterator[bytes]:
    total = 0
    while True:
        chunk: Any = file.read(_CHUNK)
        if not chunk:
            return
        if not isinstance(chunk, (bytes, bytearray)):
            raise TypeError(f"expected a binary file, it returned {type(chunk).__name__}")
        total += len(chunk)
        if total > max_bytes:
            raise OversizeError(f"input is over the limit of {max_bytes} bytes")
        yield bytes(chunk)


def _read_file(path: str | os.PathLike[str] | None) -> bytes:
    assert path is not None
    with open(path, "rb") as file:
        return file.read()
