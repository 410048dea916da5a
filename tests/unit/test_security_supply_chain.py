"""Supply chain: every locked dependency carries hashes, and the install CI runs refuses anything else."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _requirements(lock: str) -> list[str]:
    """Requirement entries of a pip-compile lock: continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", lock)
    entries = [line.split("#", 1)[0].strip() for line in joined.splitlines()]
    return [e for e in entries if e and not e.startswith("--")]  # index options are not requirements


def test_every_locked_package_is_pinned_with_a_hash() -> None:
    entries = _requirements((REPO / "requirements.lock").read_text())
    assert len(entries) > 20
    for entry in entries:
        assert re.match(r"^[A-Za-z0-9_.\-]+==[^\s]+ ", entry), f"not pinned: {entry[:80]}"
        assert "--hash=sha256:" in entry, f"no hash: {entry[:80]}"


def test_every_top_level_requirement_is_in_the_lock() -> None:
    lock = (REPO / "requirements.lock").read_text()
    locked = {e.split("==")[0].lower().replace("_", "-") for e in _requirements(lock)}
    for line in (REPO / "requirements.in").read_text().splitlines():
        name = re.split(r"[<>=\[ ]", line.split("#", 1)[0].strip(), maxsplit=1)[0].lower().replace("_", "-")
        if name:
            assert name in locked, name


def test_ci_and_the_image_install_with_require_hashes() -> None:
    makefile = (REPO / "Makefile").read_text()
    assert "pip install -qq --require-hashes -r requirements.lock" in makefile
    assert "exec make test" in (REPO / ".ci" / "run").read_text()
    assert "--require-hashes -r requirements.lock" in (REPO / "deploy" / "Dockerfile").read_text()
