from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"


def shared_corpora() -> Path:
    """``../shared/corpora`` beside the checkout, or under ``$SEARCHIDX_SHARED``."""
    env = os.environ.get("SEARCHIDX_SHARED")
    return (Path(env) if env else ROOT.parent / "shared") / "corpora"


@pytest.fixture
def corpora() -> Path:
    path = shared_corpora()
    if not path.is_dir():
        pytest.skip(f"shared corpora not found at {path} (set SEARCHIDX_SHARED to run these tests)")
    return path
