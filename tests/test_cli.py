"""The command line through real subprocesses: query, validate, decode, schema; exit codes
0 / 1 / 2, one ``FILE:LINE: path: reason`` line per problem, and never a traceback, not even
for the hostile corpus."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree
from test_hostile import CASES, SECRET, Case

from encodingcom_getstatus import (
    build_query,
    decode_query,
    decode_response,
    encode_query,
    form_body,
    schema_path,
    to_report,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<path>/\S*): (?P<reason>.+)$")


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "encodingcom_getstatus.cli", *args],
        input=stdin.decode("utf-8", "replace"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        cwd=ROOT,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def cli_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "encodingcom_getstatus.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert b"Traceback" not in result.stderr, result.stderr
    return result


def problems(output: str) -> list[tuple[str, int, str, str]]:
    found = []
    for line in output.splitlines():
        match = PROBLEM.match(line)
        assert match, f"not FILE:LINE: path: reason: {line!r}"
        found.append((match["file"], int(match["line"]), match["path"], match["reason"]))
    return found


BAD = b"""<?xml version="1.0"?>
<response>
  <job>
    <id>101</id>
    <status>Finished</status>
  </job>
  <job>
    <id>102</id>
    <status>Processing</status>
    <created>2015-02-29 10:00:00</created>
    <format>
      <id>5</id>
      <status>Processing</status>
      <progress>abc</progress>
    </format>
  </job>
</response>
"""


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.xml"
    path.write_bytes(BAD)
    return path


# ------------------------------------------------------------------------------ query


def test_query_prints_the_query_document() -> None:
    result = cli("query", "--userid", "40311", "--userkey", "secret", "--mediaid", "101,102",
                 "--extended")  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    expected = build_query(40311, "secret", "101,102", extended=True)
    assert result.stdout == encode_query(expected).decode("utf-8")
    assert decode_query(result.stdout.encode()) == expected


def test_query_form_prints_the_post_body() -> None:
    result = cli("query", "--userid", "7", "--userkey", "k&y é", "--mediaid", "5", "--form")
    assert result.returncode == 0
    body = result.stdout.strip()
    assert body == form_body(build_query(7, "k&y é", 5)).decode("ascii")
    (document,) = urllib.parse.parse_qs(body, strict_parsing=True)["xml"]
    assert decode_query(document.encode()).userkey == "k&y é"


def test_query_with_an_oidc_refresh_token() -> None:
    result = cli("query", "--oidc-refresh-token", "tok", "--mediaid", "9")
    assert result.returncode == 0
    assert decode_query(result.stdout.encode()).oidc_refresh_token == "tok"


@pytest.mark.parametrize(
    "args",
    [
        ["--userid", "1", "--mediaid", "5"],
        ["--userid", "1", "--userkey", "k", "--mediaid", "abc"],
        ["--userid", "1", "--userkey", "k", "--mediaid", ""],
        ["--userid", "1", "--userkey", "k", "--mediaid", "0"],
        ["--userid", "x", "--userkey", "k", "--mediaid", "5"],
        ["--userid", "1", "--userkey", "k", "--oidc-refresh-token", "t", "--mediaid", "5"],
        ["--userid", "1", "--userkey", "k"],
        ["--userid", "1", "--userkey", "k", "--mediaid", "5", "--no-such-option"],
    ],
)
def test_query_usage_errors_exit_2(args: list[str]) -> None:
    result = cli("query", *args)
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.strip()


# --------------------------------------------------------------------------- validate


def test_validate_valid_files_exit_0_silently() -> None:
    files = [str(EXAMPLES / name) for name in ("plain.xml", "extended.xml", "errors.xml")]
    result = cli("validate", *files)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_validate_lists_every_problem(bad_file: Path) -> None:
    result = cli("validate", str(bad_file))
    assert result.returncode == 1
    name = str(bad_file)
    assert sorted(result.stdout.splitlines()) == [
        f"{name}:10: /response/job[2]/created: '2015-02-29 10:00:00' is not a valid date"
        " (YYYY-MM-DD HH:MM:SS)",
        f"{name}:14: /response/job[2]/format[1]/progress: 'abc' is not a valid percentage",
    ]


def test_validate_several_files(bad_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<response><id>1</id>")
    good = str(EXAMPLES / "plain.xml")
    result = cli("validate", good, str(bad_file), good, str(broken))
    assert result.returncode == 1
    found = problems(result.stdout)
    assert [f for f, *_ in found] == [str(bad_file), str(bad_file), str(broken)]
    assert found[2][2] == "/"


def test_validate_reads_stdin() -> None:
    good = cli("validate", "-", stdin=(EXAMPLES / "extended.xml").read_bytes())
    assert (good.returncode, good.stdout) == (0, "")
    bad = cli("validate", "-", stdin=BAD)
    assert bad.returncode == 1
    assert [(f, line) for f, line, *_ in problems(bad.stdout)] == [("-", 10), ("-", 14)]


def test_validate_reads_binary_stdin() -> None:
    utf16 = (EXAMPLES / "errors.xml").read_text().replace('<?xml version="1.0"?>', "")
    result = cli_bytes("validate", "-", stdin=utf16.encode("utf-16"))
    assert result.returncode == 0


def test_validate_strict_refuses_unknown_elements(tmp_path: Path) -> None:
    path = tmp_path / "unknown.xml"
    path.write_bytes(
        (EXAMPLES / "plain.xml").read_bytes().replace(b"<queue_time>", b"<zz/><queue_time>")
    )
    assert cli("validate", str(path)).returncode == 0
    result = cli("validate", "--strict", str(path))
    assert result.returncode == 1
    line = path.read_text().splitlines().index("  <zz/><queue_time>3</queue_time>") + 1
    assert problems(result.stdout) == [(str(path), line, "/response/zz", "unknown element 'zz'")]


def test_validate_refuses_what_decode_refuses_though_the_schema_allows_it(tmp_path: Path) -> None:
    # A count of 5,000 digits is valid XSD, but no Python int: decode refuses it, so must
    # validate, though it builds no objects.
    path = tmp_path / "huge.xml"
    path.write_bytes(
        b"<response><id>1</id><status>New</status><filesize>%s</filesize></response>"
        % (b"9" * 5000)
    )
    expected = [(str(path), 1, "/", "/response/filesize: a value of 5000 characters is too large")]
    for command in ("validate", "decode"):
        result = cli(command, str(path))
        assert result.returncode == 1
        assert problems(result.stdout or result.stderr) == expected


_IMPORTS = """
import sys
from encodingcom_getstatus.cli import main
status = main(["validate", *sys.argv[1:]])
print(status, sorted({m.split(".")[0] for m in sys.modules} & {"xsdata", "xmlschema"}),
      *(f"encodingcom_getstatus.{m}" in sys.modules for m in ("generated", "codec")))
"""


def test_validate_imports_no_generated_classes_nor_xsdata() -> None:
    # What makes a cold `validate` start fast (tools/bench measures it).
    files = [str(EXAMPLES / name) for name in ("plain.xml", "extended.xml", "errors.xml")]
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS, *files], capture_output=True, text=True, check=True
    )
    assert result.stdout == "0 [] False False\n"


def test_validate_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    result = cli("validate", str(missing))
    assert result.returncode == 2
    assert str(missing) in result.stderr
    result = cli("validate", str(EXAMPLES / "plain.xml"), str(missing))
    assert result.returncode == 2


def test_validate_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    assert cli("validate", str(tmp_path)).returncode == 2


@pytest.mark.parametrize("args", [[], ["validate"], ["decode"], ["nonsense"], ["decode", "a", "b"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


# ----------------------------------------------------------------------------- decode


@pytest.mark.parametrize("name", ["plain.xml", "extended.xml", "errors.xml"])
def test_decode_prints_the_report(name: str) -> None:
    data = (EXAMPLES / name).read_bytes()
    result = cli("decode", str(EXAMPLES / name))
    assert result.returncode == 0 and result.stderr == ""
    report = json.loads(result.stdout)
    assert report == to_report(decode_response(data))  # pinned exactly in test_views_report
    assert cli("decode", "-", stdin=data).stdout == result.stdout


def test_decode_report_shapes() -> None:
    plain = json.loads(cli("decode", str(EXAMPLES / "plain.xml")).stdout)
    assert (plain["kind"], plain["extended"], len(plain["jobs"])) == ("status", False, 1)
    job = plain["jobs"][0]
    assert (job["id"], job["created"], job["progress"], job["filesize"]) == (
        "30919634",
        "2016-01-29T19:32:32",
        100.0,
        104857600,
    )
    assert job["formats"][1]["finished"] is None
    assert job["formats"][1]["destinations"][1] == {
        "url": "s3://example-bucket/thumbs/trailer.jpg",
        "status": None,
    }
    assert job["extra"] == {} and job["formats"][0]["extra"] == {}
    extended = json.loads(cli("decode", str(EXAMPLES / "extended.xml")).stdout)
    assert (extended["kind"], extended["extended"]) == ("status", True)
    assert [j["id"] for j in extended["jobs"]] == ["101", "102"]
    errors = json.loads(cli("decode", str(EXAMPLES / "errors.xml")).stdout)
    assert errors == {"kind": "errors", "errors": ["Wrong user id or key!"], "message": ""}


def test_decode_keeps_unicode_readable() -> None:
    result = cli("decode", str(EXAMPLES / "extended.xml"))
    assert "Résumé vidéo 第1回" in result.stdout


def test_decode_invalid_file_exits_1_with_problems_on_stderr(bad_file: Path) -> None:
    result = cli("decode", str(bad_file))
    assert result.returncode == 1
    assert result.stdout == ""
    assert {(line, path) for _, line, path, _ in problems(result.stderr)} == {
        (10, "/response/job[2]/created"),
        (14, "/response/job[2]/format[1]/progress"),
    }


def test_decode_missing_file_exits_2(tmp_path: Path) -> None:
    result = cli("decode", str(tmp_path / "none.xml"))
    assert result.returncode == 2 and result.stdout == ""


# ----------------------------------------------------------------------------- schema


@pytest.mark.parametrize("any_order", [False, True])
def test_schema_prints_an_existing_xsd(any_order: bool) -> None:
    result = cli("schema", *(["--any-order"] if any_order else []))
    assert result.returncode == 0
    path = Path(result.stdout.strip())
    assert path == schema_path(any_order=any_order) and path.is_file()
    assert path.name == ("getstatus-any-order.xsd" if any_order else "getstatus.xsd")
    etree.XMLSchema(etree.parse(str(path)))  # usable by other tools as it is


# --------------------------------------------------------------------- hostile files


def _decode_case(case: Case, path: Path) -> subprocess.CompletedProcess[str]:
    limit = ["--max-bytes", str(case.max_bytes)] if case.max_bytes else []
    return cli("decode", *limit, str(path))


def test_hostile_files_never_give_a_traceback(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    paths = []
    for i, case in enumerate(CASES):
        path = tmp_path / f"{i:02d}-{case.name}.xml"
        path.write_bytes(case.build(secret))
        paths.append(path)
    # validate: one process for the files of each size limit, one line per problem.
    reported: dict[str, list[tuple[str, int, str, str]]] = {}
    for limit in {case.max_bytes for case in CASES}:
        names = [str(p) for c, p in zip(CASES, paths, strict=True) if c.max_bytes == limit]
        result = cli("validate", *(["--max-bytes", str(limit)] if limit else []), *names)
        assert result.returncode == 1 and SECRET not in result.stdout + result.stderr
        for found in problems(result.stdout):
            reported.setdefault(found[0], []).append(found)
    for case, path in zip(CASES, paths, strict=True):
        assert bool(reported.get(str(path))) is (case.expected is not None), case.name
    # decode: each file on its own.
    with ThreadPoolExecutor(4) as pool:
        decoded = list(pool.map(_decode_case, CASES, paths))
    for case, result in zip(CASES, decoded, strict=True):
        assert SECRET not in result.stdout + result.stderr, case.name
        if case.expected is None:
            assert result.returncode == 0 and json.loads(result.stdout)["kind"], case.name
        else:
            assert result.returncode == 1 and result.stdout == "", case.name
            assert problems(result.stderr), case.name
