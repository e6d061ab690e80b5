"""The project's own standards, run as tests so that the README's one test command checks them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCRIPTS = ["tools/generate", "tools/bench", "tools/fuzz"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def scripts() -> list[str]:
    return [s for s in SCRIPTS if (ROOT / s).exists()]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", ".", *SCRIPTS],
        ["ruff", "format", "--check", ".", *SCRIPTS],
        ["mypy", "--strict", "src"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_tool_is_clean(command: list[str]) -> None:
    tool, *args = command
    args = [a for a in args if a not in SCRIPTS or a in scripts()]
    result = run(str(BIN / tool), *args)
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_is_typed() -> None:
    assert (ROOT / "src" / "encodingcom_getstatus" / "py.typed").exists()
