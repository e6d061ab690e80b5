"""The package's exceptions: everything it raises on bad input is a :class:`CodecError`.

::

    CodecError
    ├── MalformedXMLError        not well-formed XML (truncated, two roots, bad encoding, empty)
    ├── ForbiddenConstructError  DOCTYPE, entity declarations
    ├── OversizeError            over the size limit, too deep, a text node too large
    ├── SchemaViolationError     well-formed, but not what the schema allows (``.violations``)
    ├── EncodeError              an object that cannot be written as XML
    └── InvalidQueryError        bad arguments to build_query (also a ValueError)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    """One problem found in a document: where, and why.

    ``path`` names the element (``/response/job[2]/format[1]/progress``; repeatable elements
    always carry their 1-based position), ``line`` its line in the input when known.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.message}"


class CodecError(Exception):
    """Base class of every error this package raises for bad input.

    ``line`` is the input line the problem was found on, when there is one.
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class MalformedXMLError(CodecError):
    """The input is not well-formed XML."""


class ForbiddenConstructError(CodecError):
    """The input uses a construct refused for safety: a DOCTYPE or an entity declaration."""


class OversizeError(CodecError):
    """The input is larger, or nests deeper, than the configured limits."""


class SchemaViolationError(CodecError):
    """The document is well-formed but breaks the schema.

    ``violations`` lists the problems found; the message shows the first. By default that is
    what libxml2 reports (it stops at the first content error under an element); decode with
    ``all_errors=True`` to list every violation.
    """

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
        super().__init__(f"{violations[0]}{more}", line=violations[0].line)

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from the violations, not from args (the message): pickling, for example
        # to report an error from a multiprocessing worker, must not break it.
        return (type(self), (self.violations,), self.__dict__)


class EncodeError(CodecError):
    """An object holds a value that XML cannot carry (a control character, for instance)."""


class InvalidQueryError(CodecError, ValueError):
    """The arguments of :func:`build_query` do not make a valid GetStatus query."""
