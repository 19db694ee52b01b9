"""Test-wide fixtures: the shared data marker and the Prefect test harness.

`shared`-marked tests read ../shared (seeds and corpora) in place. They skip with a visible
reason when it is missing, except under CI, where a missing ../shared is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_CORPUS = REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {SHARED} is missing: shared tests must run in CI")
        pytest.skip(f"{SHARED} is missing: shared-data tests need ../shared beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "shared" in item.keywords and "shared_dir" not in getattr(item, "fixturenames", ()):
            item.fixturenames.append("shared_dir")


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory) -> str:
    """One Prefect test harness (a real local API) for the whole session; its URL.

    Starting it costs 10-20 s, so tests share it; CLI runs in subprocesses are pointed at
    it through PREFECT_API_URL instead of starting their own ephemeral API.
    """
    from newspipe.cli import configure_prefect

    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    configure_prefect(home)
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()
