"""CI runs the browser tests: a pytest hook that tests/conftest.py installs.

Browser tests skip on a machine without Debian's Chromium (a newcomer's laptop) and say
why. In CI (``CI=true``, as .ci/run is run) a skip whose reason names Chromium or Playwright
is a failure instead: a broken browser install must not turn CI green with the browser
tests unrun. The rule reads skip reasons, so a browser test in any file is covered.
"""

from __future__ import annotations

import os

import pytest

__all__ = ["BROWSER_WORDS", "in_ci", "pytest_runtest_makereport"]

#: Words in a skip reason that mark the skipped test as one that needs the real browser.
BROWSER_WORDS = ("chromium", "playwright")


def in_ci() -> bool:
    """True when running in CI (``CI=true``, the convention CI services share)."""
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and in_ci()) or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if any(word in reason.lower() for word in BROWSER_WORDS):
        report.outcome = "failed"
        report.longrepr = f"CI=true, so the browser tests must run, but this one was skipped: {reason}"
