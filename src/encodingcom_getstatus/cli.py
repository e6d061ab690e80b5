"""The command line: ``encodingcom-getstatus query|validate|decode|schema``.

Exit codes: 0 success (every file valid), 1 a document is invalid, 2 usage error (bad
arguments, unreadable file). Problems are printed one per line as ``FILE:LINE: PATH: REASON``
(LINE is 0 when the problem concerns the whole document).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from ._parse import DEFAULT_MAX_BYTES
from ._validation import validate_document
from .errors import CodecError, InvalidQueryError, SchemaViolationError

# Each command imports what it needs when it runs: `validate` needs neither the generated
# classes nor xsdata, and starts faster without them.


class _UsageError(Exception):
    pass


def _read(name: str, limit: int) -> bytes:
    """Read at most limit + 1 bytes: enough for the decoder to report an oversize input."""
    try:
        if name == "-":
            return sys.stdin.buffer.read(limit + 1)
        stream: BinaryIO
        with open(name, "rb") as stream:
            return stream.read(limit + 1)
    except OSError as exc:
        raise _UsageError(f"cannot read {name}: {exc.strerror or exc}") from None


def _problems(name: str, error: CodecError) -> list[str]:
    if isinstance(error, SchemaViolationError):
        return [f"{name}:{v.line or 0}: {v.path}: {v.message}" for v in error.violations]
    return [f"{name}:{error.line or 0}: /: {error}"]


#: Files larger than this are validated job by job, in memory that does not grow with them.
STREAM_FROM = 1024 * 1024


def _validate_stream(name: str, args: argparse.Namespace) -> None:
    from .stream import ApiErrorReply, iter_jobs

    try:
        for _ in iter_jobs(name, strict=args.strict, all_errors=True, max_bytes=args.max_bytes):
            pass
    except ApiErrorReply:
        pass  # an errors reply is a valid document
    except OSError as exc:
        raise _UsageError(f"cannot read {name}: {exc.strerror or exc}") from None


def _large(name: str) -> bool:
    try:
        return name != "-" and os.stat(name).st_size > STREAM_FROM
    except OSError:
        return False  # _read reports it


def _validate(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        try:
            if _large(name):
                _validate_stream(name, args)
            else:
                data = _read(name, args.max_bytes)
                validate_document(
                    data, "response", strict=args.strict, all_errors=True, max_bytes=args.max_bytes
                )
        except CodecError as error:
            status = 1
            for line in _problems(name, error):
                print(line)
    return status


def _decode(args: argparse.Namespace) -> int:
    import json

    from .codec import Decoder
    from .report import to_report

    decoder = Decoder(strict=args.strict, all_errors=True, max_bytes=args.max_bytes)
    try:
        reply = decoder.decode_response(_read(args.file, args.max_bytes))
    except CodecError as error:
        for line in _problems(args.file, error):
            print(line, file=sys.stderr)
        return 1
    print(json.dumps(to_report(reply), indent=2, ensure_ascii=False))
    return 0


def _query(args: argparse.Namespace) -> int:
    from . import codec

    try:
        query = codec.build_query(
            args.userid,
            args.userkey,
            args.mediaid,
            args.extended,
            oidc_refresh_token=args.oidc_refresh_token,
        )
    except InvalidQueryError as exc:
        raise _UsageError(str(exc)) from None
    if args.form:
        sys.stdout.write(codec.form_body(query).decode("ascii") + "\n")
    else:
        sys.stdout.write(codec.encode_query(query).decode("utf-8"))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .schema import schema_path

    print(schema_path(any_order=args.any_order))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="encodingcom-getstatus",
        description="Build GetStatus queries; validate and decode GetStatus replies.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    query = commands.add_parser("query", help="print a GetStatus query document")
    query.add_argument("--userid")
    query.add_argument("--userkey")
    query.add_argument("--oidc-refresh-token")
    query.add_argument("--mediaid", required=True, help="one id or several: 101,102")
    query.add_argument("--extended", action="store_true", help="ask for one job per media id")
    query.add_argument("--form", action="store_true", help="print the urlencoded POST body")
    query.set_defaults(run=_query)

    for name, run, help_text in (
        ("validate", _validate, "check replies; one line per problem"),
        ("decode", _decode, "print the JSON report of a reply"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--strict", action="store_true", help="refuse unknown elements")
        sub.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help=argparse.SUPPRESS)
        if name == "validate":
            sub.add_argument("files", nargs="+", metavar="FILE", help="a file, or - for stdin")
        else:
            sub.add_argument("file", metavar="FILE", help="a file, or - for stdin")
        sub.set_defaults(run=run)

    schema_command = commands.add_parser("schema", help="print the path of the installed XSD")
    schema_command.add_argument("--any-order", action="store_true", help="the order-free schema")
    schema_command.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        result: int = args.run(args)
    except _UsageError as exc:
        print(f"encodingcom-getstatus: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into a command that stopped reading
        return 0
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
