"""Regenerate every committed map: maps/ (the seed article as HTML, PNG, SVG and GeoJSON) and the
figures of the README and docs.

    python docs/regenerate.py            # write maps/ and docs/*.png (the HTML screenshot needs Chromium)
    python docs/regenerate.py --check    # exit 1 naming the committed files that are stale

Each map is made by the same command a reader runs (``python -m geo map SEED -o OUT``, called
in-process through ``geo.cli.run``), so the committed files are what the README promises.
``tests/test_regenerate.py`` runs the check: a change that moves a map fails until this script
is run and its output committed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Static figures of the docs: (text, output name, title), drawn like any map.
DOC_FIGURES = (
    ("docs/examples/one-city.txt", "docs/one-city.png", "One city: the map zooms to it"),
    ("docs/examples/world-markets.txt", "docs/world.png", "A story that spans the world"),
    ("docs/examples/week.jsonl", "docs/corpus-static.png", "A week of dispatches: 20 documents on one map"),
)
MAP_SUFFIXES = (".html", ".png", ".svg", ".geojson")
#: HTML maps shown as screenshots (headless Chromium, docs/screenshot.py): (the map's input,
#: the figure, screenshot options). Chromium's pixels are not compared by --check.
SCREENSHOTS = (
    ("seeds/fuzuli-2021-01-26.txt", "docs/seed-map.png", ()),
    ("docs/examples/week.jsonl", "docs/corpus-map.png", ("--open", "Nairobi")),
)


def seeds(root: Path = ROOT) -> list[Path]:
    return sorted((root / "seeds").glob("*.txt"))


def generate(out: Path, root: Path = ROOT) -> list[Path]:
    """Write every static output under ``out`` (laid out as the repository: maps/, docs/) and
    return their paths relative to ``out``."""
    from geo.cli import run

    written = []
    for seed in seeds(root):
        for suffix in MAP_SUFFIXES:
            relative = Path("maps") / (seed.stem + suffix)
            (out / relative).parent.mkdir(parents=True, exist_ok=True)
            _run(run, ["map", str(seed), "-o", str(out / relative)])
            written.append(relative)
    for text, figure, title in DOC_FIGURES:
        (out / figure).parent.mkdir(parents=True, exist_ok=True)
        _run(run, ["map", str(root / text), "-o", str(out / figure), "--title", title])
        written.append(Path(figure))
    return written


def _run(run, argv: list[str]) -> None:
    code = run(argv)
    if code:
        raise SystemExit(f"geo {' '.join(argv)} exited {code}")


def comparable(path: Path, data: bytes) -> bytes:
    """The bytes to compare. folium names its elements with random ids unless the HTML writer
    derives them from the content; those ids are blanked so the check is about the map."""
    if path.suffix == ".html":
        return re.sub(rb"[0-9a-f]{32}", b"<id>", data)
    return data


def stale(root: Path = ROOT) -> list[str]:
    """The committed files that differ from what the code makes now (or are missing)."""
    with tempfile.TemporaryDirectory() as tmp:
        return compare(root, Path(tmp), generate(Path(tmp), root))


def compare(root: Path, fresh: Path, made: list[Path]) -> list[str]:
    """Which of ``made`` (paths relative to ``fresh``) differ from their copy under ``root``."""
    problems = []
    for relative in made:
        committed = root / relative
        if not committed.exists():
            problems.append(f"{relative} (missing)")
        elif comparable(relative, committed.read_bytes()) != comparable(relative, (fresh / relative).read_bytes()):
            problems.append(str(relative))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a committed map is stale")
    parser.add_argument("--no-screenshot", action="store_true", help="skip the HTML screenshot (needs Chromium)")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(f"stale: {problem}", file=sys.stderr)
        if problems:
            print("run `python docs/regenerate.py` and commit the result", file=sys.stderr)
        return 1 if problems else 0
    for relative in generate(ROOT):
        print(relative, file=sys.stderr)
    return 0 if args.no_screenshot else screenshots()


def screenshots(root: Path = ROOT) -> int:
    """Draw each HTML map of SCREENSHOTS and photograph it; the first failing exit code, or 0."""
    from geo.cli import run

    with tempfile.TemporaryDirectory() as tmp:
        for source, figure, options in SCREENSHOTS:
            html = Path(tmp) / (Path(source).stem + ".html")
            _run(run, ["map", str(root / source), "-o", str(html)])
            code = subprocess.call([sys.executable, str(root / "docs" / "screenshot.py"), str(html), str(root / figure),
                                    *options])
            if code:
                return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
