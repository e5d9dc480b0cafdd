"""Shared fixtures.

``gazetteer`` is the real bundled gazetteer on ``data/`` (session scope). Its SQLite
index goes to the normal user cache (``$GEO_CACHE_DIR``, else ``~/.cache/geo``): the
index file name carries a hash of ``data/``, so a rebuilt ``data/`` always gets a fresh
index, and reusing it saves the ~30 s build on every test run. The index *build* itself
is tested on a tiny data directory in tests/test_gazetteer.py.
"""

import pytest

from geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer()
