"""encodingcom-getstatus: the XML schema and a safe codec for Encoding.com's GetStatus action.

>>> from encodingcom_getstatus import decode_response, to_report
>>> reply = decode_response(b"<response><id>7</id><status>Finished</status></response>")
>>> to_report(reply)["jobs"][0]["status"]
'Finished'
"""

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
from .generated import Format, Job, Query, Response
from .report import to_report
from .schema import schema_path
from .stream import ApiErrorReply, iter_jobs
from .views import Destination, FormatStatus, JobStatus, Status, api_errors, jobs

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
