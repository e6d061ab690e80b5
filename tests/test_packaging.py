"""The checkout regenerates byte for byte, and its wheel works once installed elsewhere.

The venv test installs the wheel's dependencies from the package index and takes about a
minute on a cold pip cache.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKAGE = "encodingcom_getstatus"
WHEEL_MEMBERS = [
    f"{PACKAGE}/xsd/getstatus.xsd",
    f"{PACKAGE}/xsd/getstatus-any-order.xsd",
    f"{PACKAGE}/generated/getstatus.py",
    f"{PACKAGE}/generated/__init__.py",
    f"{PACKAGE}/py.typed",
]


def run(command: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run a command outside the source tree's import path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_generate_check_finds_no_drift(tmp_path: Path) -> None:
    # tools/generate runs the xsdata and ruff installed next to the interpreter (pinned in
    # the test extra): without them it cannot check anything, which is a failure here.
    missing = [tool for tool in ("xsdata", "ruff") if not (BIN / tool).exists()]
    assert not missing, f"{missing} not installed next to {sys.executable}: pip install -e .[test]"
    result = run([sys.executable, str(ROOT / "tools" / "generate"), "--check"], cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    assert "up to date" in result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")  # the backend is here: no download needed
    result = run([*command, str(ROOT)], cwd=out)
    assert result.returncode == 0, describe(result)
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_schemas_bindings_and_marker(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = [member for member in WHEEL_MEMBERS if member not in names]
        assert not missing, f"not in {wheel.name}: {missing}\n" + "\n".join(sorted(names))
        for name in ("getstatus.xsd", "getstatus-any-order.xsd"):
            packaged = archive.read(f"{PACKAGE}/xsd/{name}")
            assert packaged == (ROOT / "schema" / name).read_bytes(), name
        assert (
            archive.read(f"{PACKAGE}/generated/getstatus.py")
            == (ROOT / "generated" / "getstatus.py").read_bytes()
        )


@pytest.mark.parametrize("any_order", [False, True])
def test_loader_and_importlib_resources_find_the_same_schema(any_order: bool) -> None:
    from encodingcom_getstatus.schema import schema_bytes, schema_path

    name = "getstatus-any-order.xsd" if any_order else "getstatus.xsd"
    expected = (ROOT / "schema" / name).read_bytes()
    assert schema_bytes(any_order) == schema_path(any_order).read_bytes() == expected


def test_without_a_package_file_the_schema_is_read_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Never a path made from None: it would read xsd/... in the working directory.
    import encodingcom_getstatus
    from encodingcom_getstatus.schema import schema_bytes

    monkeypatch.setattr(encodingcom_getstatus, "__file__", None)
    assert schema_bytes() == (ROOT / "schema" / "getstatus.xsd").read_bytes()


_FROM_ZIP = """
import sys
import encodingcom_getstatus as p
from encodingcom_getstatus.schema import schema_bytes
print(type(p.__spec__.loader).__name__, p.__file__.startswith(sys.argv[1]))
print([len(schema_bytes(flag)) for flag in (False, True)])
print(p.decode_response(open(sys.argv[2], "rb").read()).id)
"""


def test_the_wheel_works_imported_from_a_zip(wheel: Path, tmp_path: Path) -> None:
    # The validators read the XSDs through the package's loader, which a zip import has too.
    # Not measured by coverage (its variables dropped): the wheel's copy is not under test.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONHOME", "COVERAGE"))}
    env["PYTHONPATH"] = str(wheel)
    example = ROOT / "examples" / "plain.xml"
    result = subprocess.run(
        [sys.executable, "-c", _FROM_ZIP, str(wheel), str(example)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, describe(result)
    sizes = [
        len((ROOT / "schema" / name).read_bytes())
        for name in ("getstatus.xsd", "getstatus-any-order.xsd")
    ]
    assert result.stdout.splitlines() == ["zipimporter True", str(sizes), "30919634"]


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A new virtual environment with only the wheel and its dependencies (from the index)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    result = run([sys.executable, "-m", "venv", str(venv)], cwd=venv.parent)
    assert result.returncode == 0, describe(result)
    python = venv / "bin" / "python"
    result = run([str(python), "-m", "pip", "install", "-q", str(wheel)], cwd=venv.parent)
    assert result.returncode == 0, describe(result)
    return venv


def site_packages(venv: Path) -> Path:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    result = run([str(venv / "bin" / "python"), "-c", code], cwd=venv)
    assert result.returncode == 0, describe(result)
    return Path(result.stdout.strip()).resolve()


@pytest.mark.parametrize(
    ("arguments", "name"),
    [([], "getstatus.xsd"), (["--any-order"], "getstatus-any-order.xsd")],
    ids=["canonical", "any-order"],
)
def test_installed_cli_prints_installed_schema(
    fresh_venv: Path, tmp_path: Path, arguments: list[str], name: str
) -> None:
    command = [str(fresh_venv / "bin" / "encodingcom-getstatus"), "schema", *arguments]
    result = run(command, cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    printed = Path(result.stdout.strip())
    assert printed.name == name
    assert printed.is_file(), printed
    resolved = printed.resolve()
    assert resolved.is_relative_to(site_packages(fresh_venv)), resolved
    assert not resolved.is_relative_to(ROOT), f"{resolved} is in the source tree"
    assert resolved.read_bytes() == (ROOT / "schema" / name).read_bytes()


def test_installed_package_imports_from_the_venv(fresh_venv: Path, tmp_path: Path) -> None:
    code = "import encodingcom_getstatus as p; print(p.__file__)"
    result = run([str(fresh_venv / "bin" / "python"), "-c", code], cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    assert Path(result.stdout.strip()).resolve().is_relative_to(site_packages(fresh_venv))


def test_installed_cli_decodes_an_example(fresh_venv: Path, tmp_path: Path) -> None:
    reply = tmp_path / "reply.xml"
    shutil.copyfile(ROOT / "examples" / "plain.xml", reply)
    command = [str(fresh_venv / "bin" / "encodingcom-getstatus"), "decode", reply.name]
    result = run(command, cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    report = json.loads(result.stdout)
    assert isinstance(report, dict) and report, result.stdout
    assert "30919634" in result.stdout  # the example's media id made it into the report
