"""In CI a skipped browser test fails; elsewhere it skips and says why (tests/ci_rules.py)."""

import pytest

from tests.ci_rules import in_ci

SKIPPED_BROWSER_TEST = """
import pytest

@pytest.mark.skipif(True, reason="needs Chromium at /usr/bin/chromium (apt-get install -y chromium)")
def test_in_the_browser():
    pass

def test_needs_playwright():
    pytest.importorskip("playwright_that_is_not_installed")
"""

SKIPPED_OTHER_TEST = """
import pytest

@pytest.mark.skipif(True, reason="reference scorer is absent")
def test_other():
    pass

@pytest.mark.xfail(reason="Chromium bug, expected")
def test_expected_failure():
    assert False
"""


@pytest.fixture
def inner(pytester):
    pytester.makeconftest("from tests.ci_rules import pytest_runtest_makereport")
    return pytester


@pytest.mark.parametrize("value", ["true", "True"])
def test_in_ci_a_skipped_browser_test_fails_and_says_why(inner, monkeypatch, value):
    monkeypatch.setenv("CI", value)
    inner.makepyfile(SKIPPED_BROWSER_TEST)
    result = inner.runpytest("-rf")
    # A skip mark acts in setup (an error); importorskip in the test's call (a failure).
    result.assert_outcomes(errors=1, failed=1)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*CI=true, so the browser tests must run*needs Chromium at /usr/bin/chromium*",
                                "*CI=true, so the browser tests must run*playwright*"])


@pytest.mark.parametrize("value", [None, "", "false"])
def test_outside_ci_a_browser_test_skips(inner, monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    inner.makepyfile(SKIPPED_BROWSER_TEST)
    result = inner.runpytest()
    result.assert_outcomes(skipped=2)
    assert result.ret == 0


def test_in_ci_other_skips_and_expected_failures_stay_as_they_are(inner, monkeypatch):
    monkeypatch.setenv("CI", "true")
    inner.makepyfile(SKIPPED_OTHER_TEST)
    inner.runpytest().assert_outcomes(skipped=1, xfailed=1)


def test_in_ci_reads_the_ci_variable(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert in_ci()
    monkeypatch.setenv("CI", "0")
    assert not in_ci()


def test_ci_checks_the_wheel_and_ends_with_the_readme_test_command():
    from pathlib import Path

    root = Path(__file__).parents[1]
    lines = [line.strip() for line in (root / ".ci" / "run").read_text(encoding="utf-8").split("\n")]
    commands = [line for line in lines if line and not line.startswith("#")]
    readme_first_lines = (root / "README.md").read_text(encoding="utf-8").split("\n")[:6]
    (test_command,) = [line.split("#")[0].strip() for line in readme_first_lines if "pytest" in line]
    # Last, so a failed install inside its `&&` list still fails CI (set -e spares a list's first part).
    assert commands[-1] == test_command
    assert "bash .ci/check_wheel" in commands
