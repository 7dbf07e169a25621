from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "texts").is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    return SHARED
