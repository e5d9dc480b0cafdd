"""The README's examples run, and its first lines give the two commands CI and newcomers use."""

import re
from pathlib import Path

README = Path(__file__).parents[1] / "README.md"
CI = Path(__file__).parents[1] / ".ci" / "run"


def test_the_python_example_runs(tmp_path, monkeypatch):
    (block,) = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    doc = namespace["doc"]
    assert [(p.place.name, p.place.country_code, p.mention_count) for p in doc.places] == [
        ("Baku", "AZ", 1), ("Azerbaijan", "AZ", 1)]
    assert (tmp_path / "floods.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<html" in namespace["html"].lower()
    week = namespace["week"]
    assert [(cp.place.name, cp.document_count, [c.label for c in cp.citations]) for cp in week.places] == [
        ("Baku", 2, ["Monday", "tue"]), ("Tovuz", 1, ["tue"])]


def test_ci_runs_the_readme_test_command():
    first_lines = README.read_text(encoding="utf-8").split("\n")[:6]
    (test_command,) = [line.split("#")[0].strip() for line in first_lines if "pytest" in line]
    assert test_command in CI.read_text(encoding="utf-8").split("\n")
