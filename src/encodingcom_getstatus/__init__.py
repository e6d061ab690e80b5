"""encodingcom-getstatus: the XML schema and a safe codec for Encoding.com's GetStatus action.

>>> from encodingcom_getstatus import decode_response, to_report
>>> reply = decode_response(b"<response><id>7</id><status>Finished</status></response>")
>>> to_report(reply)["jobs"][0]["status"]
'Finished'
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    CodecError,
    EncodeError,
    ForbiddenConstructError,
    InvalidQueryError,
    MalformedXMLError,
    OversizeError,
    SchemaViolationError,
    Violation,
)

if TYPE_CHECKING:
    from ._extra import UnknownElement
    from .codec import (
        Decoder,
        build_query,
        decode_query,
        decode_response,
        encode_query,
        encode_response,
        form_body,
    )
    from .generated import Format, Job, Query, Response
    from .report import to_report
    from .schema import schema_path
    from .stream import ApiErrorReply, iter_jobs
    from .views import Destination, FormatStatus, JobStatus, Status, api_errors, jobs

# Imported on first use (PEP 562), so that a command such as `validate` loads only what it
# needs: a cold start costs little more than Python and lxml.
_LAZY = {
    "_extra": ["UnknownElement"],
    "codec": [
        "Decoder",
        "build_query",
        "decode_query",
        "decode_response",
        "encode_query",
        "encode_response",
        "form_body",
    ],
    "generated": ["Format", "Job", "Query", "Response"],
    "report": ["to_report"],
    "schema": ["schema_path"],
    "stream": ["ApiErrorReply", "iter_jobs"],
    "views": ["Destination", "FormatStatus", "JobStatus", "Status", "api_errors", "jobs"],
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ApiErrorReply",
    "CodecError",
    "Decoder",
    "Destination",
    "EncodeError",
    "ForbiddenConstructError",
    "Format",
    "FormatStatus",
    "InvalidQueryError",
    "Job",
    "JobStatus",
    "MalformedXMLError",
    "OversizeError",
    "Query",
    "Response",
    "SchemaViolationError",
    "Status",
    "UnknownElement",
    "Violation",
    "api_errors",
    "build_query",
    "decode_query",
    "decode_response",
    "encode_query",
    "encode_response",
    "form_body",
    "iter_jobs",
    "jobs",
    "schema_path",
    "to_report",
]
