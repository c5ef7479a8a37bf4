from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_175ac6bd46aa2cbc.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir() -> Path:
    """../shared beside the repository (or $SEARCHIDX_SHARED); tests that need it skip without it."""
    return Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared")


def shared_corpora() -> Path:
    return shared_dir() / "corpora"


@pytest.fixture
def corpora() -> Path:
    path = shared_dir() / "corpora"
    if not path.is_dir():
        pytest.skip(f"real corpora not available ({path} is absent)")
    return path


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A folder holding a copy of the seed release, free to change."""
    folder = tmp_path / "releases"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def index(tmp_path: Path, seed_copy: Path):
    from searchidx import Index

    ix = Index.open(tmp_path / "index", create=True)
    ix.sync([seed_copy])
    return ix
