"""Shared fixtures and hooks.

``gazetteer`` is the real bundled gazetteer on ``data/`` (session scope). Its SQLite
index goes to the normal user cache (``$GEO_CACHE_DIR``, else ``~/.cache/geo``): the
index file name carries a hash of ``data/``, so a rebuilt ``data/`` always gets a fresh
index, and reusing it saves the ~30 s build on every test run. The index *build* itself
is tested on a tiny data directory in tests/test_gazetteer.py.

In CI (``CI=true``) a browser test that skips fails instead (tests/ci_rules.py).
"""

import pytest

from geo.gazetteer import Gazetteer
from tests.ci_rules import pytest_runtest_makereport  # noqa: F401 (a hook: pytest finds it here)

pytest_plugins = ["pytester"]  # tests/test_ci_rules.py runs pytest on small test files


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()
