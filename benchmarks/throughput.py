"""Throughput on the dev corpora: characters per second of geotext 0.4.0 and of geo's pipeline.

Usage (from the project root)::

    python benchmarks/throughput.py                       # corpora in ../shared/eval/data
    python benchmarks/throughput.py --corpora-dir DIR     # any folder of {"id", "text"} JSONL files
    python benchmarks/throughput.py --repeat 5            # best of 5 timed passes per corpus (default 3)

geotext runs in this process, warmed up, best of the passes. geo never sees a text
twice (its memos would make a second pass over the same corpus flatter it): each figure
is one pass over the corpus in a new process, best of ``--repeat`` processes:

- "geo warm": the process has first mapped the *other* corpora, as a long batch run
  has met most common names before (the figure for archives);
- "geo fresh": it has mapped one short sentence only (model and index loaded; the
  figure for one-off commands);
- "geo xN": ``geo extract --jobs 0``, N new worker processes.
geotext is a plain dictionary matcher with no resolution: a speed floor, not a
quality peer. Prints a table: corpus, documents, characters, MB/s of each system
(MB = 10**6 characters).

``--against CHECKOUT`` times another checkout of geo (a git worktree of an older commit) in
the same run, its processes interleaved with this one's. On a shared or virtual host two
processes of the same code differ by several per cent: give ``--against`` a second time with
a checkout of this very commit (``git worktree add ../aa HEAD``), and its "change" column
shows the noise a change against the older commit must beat.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "eval" / "data"
CORPORA = ("trnews", "geowebnews", "lgl")


def read_texts(path: Path) -> list[str]:
    """The texts of a JSONL corpus, one document a line (only ``text`` is read)."""
    with path.open(encoding="utf-8") as fh:
        # split on "\n" only: texts may hold U+2028, which str.splitlines would break at
        return [json.loads(line)["text"] for line in fh.read().split("\n") if line.strip()]


def chars_per_second(run: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Best of ``repeat`` passes over all texts, in characters per second."""
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            run(text)
        best = min(best, time.perf_counter() - t0)
    return chars / best if best > 0 else float("inf")


def geotext_runner() -> Callable[[str], object]:
    from geotext import GeoText

    return lambda text: GeoText(text)


def geo_available() -> tuple[bool, str]:
    """Can geo map text here (its gazetteer index built)? And why not."""
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing
    try:
        from geo.gazetteer import default_gazetteer

        default_gazetteer().ensure_index()
    except Exception as exc:  # e.g. DataError: gazetteer data not built
        return False, f"geo not available: {type(exc).__name__}: {exc}"
    return True, ""


_FIRST_PASS = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from geo.gazetteer import Gazetteer
from geo.pipeline import map_text
def read(path):
    return [json.loads(line)["text"] for line in open(path, encoding="utf-8").read().split("\\n") if line.strip()]
texts = read(sys.argv[2])
gz = Gazetteer()
map_text("Rain fell on Paris, Texas, and on Baku, Azerbaijan; Azerbaijani officials said so.", gazetteer=gz, outlines=False)
for other in sys.argv[3:]:
    for text in read(other):
        map_text(text, gazetteer=gz, outlines=False)
t0 = time.perf_counter()
for text in texts:
    map_text(text, gazetteer=gz, outlines=False)
print(sum(map(len, texts)) / (time.perf_counter() - t0))
"""


def geo_one_pass_speed(path: Path, warm_up: list[Path], repeat: int, checkout: Path = ROOT) -> float:
    """Characters per second of geo's one pass over a corpus in a new process that has
    first mapped the ``warm_up`` corpora (best of ``repeat`` processes), with the code and
    data of ``checkout`` (this one, or another given by --against)."""
    runs = [subprocess.run([sys.executable, "-c", _FIRST_PASS, str(checkout), str(path), *map(str, warm_up)],
                           capture_output=True, text=True, check=True).stdout for _ in range(repeat)]
    return max(float(r) for r in runs)


def geo_parallel_speed(texts: list[str], repeat: int) -> tuple[float, int]:
    """Characters per second of `geo extract --jobs 0`: one worker process per CPU."""
    from geo.batch import default_jobs, map_each
    from geo.tables import extract_record

    jobs = default_jobs()
    items = [(str(i), t) for i, t in enumerate(texts)]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _record in map_each(items, render=extract_record, jobs=jobs):
            pass
        best = min(best, time.perf_counter() - t0)
    return sum(map(len, texts)) / best, jobs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Characters per second of geotext and geo on the dev corpora.")
    ap.add_argument("--corpora-dir", type=Path, default=DEFAULT_CORPORA,
                    help=f"folder with trnews/geowebnews/lgl .jsonl (default: {DEFAULT_CORPORA})")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per corpus; the best counts (default 3)")
    ap.add_argument("--against", type=Path, action="append", default=[], metavar="CHECKOUT",
                    help="also time another checkout of geo (its code and data/; e.g. a git worktree of an older "
                         "commit) one pass warm and fresh, in the same run, interleaved with this one")
    args = ap.parse_args(argv)
    for other in args.against:
        if not (other / "geo" / "pipeline.py").is_file():
            ap.error(f"--against needs a checkout of geo (with geo/pipeline.py), got {str(other)!r}")
    if args.repeat < 1:
        ap.error(f"--repeat must be at least 1, got {args.repeat!r}")

    files = [args.corpora_dir / f"{name}.jsonl" for name in CORPORA]
    present = [f for f in files if f.is_file()]
    if not present:
        print(f"error: no corpora found in {args.corpora_dir} (looked for {', '.join(f.name for f in files)}); "
              "pass --corpora-dir", file=sys.stderr)
        return 2
    corpora = {f.stem: read_texts(f) for f in present}

    geotext = geotext_runner()
    for text in (t for texts in corpora.values() for t in texts[:5]):
        geotext(text)
    geo_ok, why = geo_available()
    if not geo_ok:
        print(why)

    rows = []
    jobs = 1
    for path in present:
        texts = corpora[path.stem]
        speeds = {"geotext": chars_per_second(geotext, texts, args.repeat) / 1e6}
        if geo_ok:
            others = [f for f in present if f != path]
            # Each checkout's passes alternate with this one's, so a change of load hits both.
            for _ in range(args.repeat):
                for label, checkout in (("", ROOT), *((str(o), o) for o in args.against)):
                    for kind, warm_up in (("geo warm", others), ("geo fresh", [])):
                        key = (kind, label)
                        speeds[key] = max(speeds.get(key, 0.0), geo_one_pass_speed(path, warm_up, 1, checkout) / 1e6)
            speeds["geo warm"], speeds["geo fresh"] = speeds.pop(("geo warm", "")), speeds.pop(("geo fresh", ""))
            parallel, jobs = geo_parallel_speed(texts, args.repeat)
            speeds["geo parallel"] = parallel / 1e6
        rows.append((path.stem, len(texts), sum(map(len, texts)), speeds))

    parallel_label = f"geo x{jobs} fresh"
    print(f"{'corpus':<12} {'docs':>6} {'chars':>10} {'geotext':>9} {'geo warm':>9} {'geo fresh':>10} {parallel_label:>13}   (MB/s)")
    for name, docs, chars, speeds in rows:
        cells = [f"{speeds[k]:.3f}" if k in speeds else "-" for k in ("geo warm", "geo fresh", "geo parallel")]
        print(f"{name:<12} {docs:>6} {chars:>10} {speeds['geotext']:>9.3f} {cells[0]:>9} {cells[1]:>10} {cells[2]:>13}")
    for other in args.against:
        print(f"against {other} (same run, passes interleaved):")
        print(f"{'corpus':<12} {'geo warm':>9} {'here':>7} {'change':>7} {'geo fresh':>10} {'here':>7} {'change':>7}   (MB/s)")
        for name, _docs, _chars, speeds in rows:
            cells = []
            for kind in ("geo warm", "geo fresh"):
                theirs, ours = speeds.get((kind, str(other))), speeds.get(kind)
                cells += [f"{theirs:.3f}", f"{ours:.3f}", f"{(ours / theirs - 1) * 100:+.0f}%"] if theirs and ours else ["-"] * 3
            print(f"{name:<12} {cells[0]:>9} {cells[1]:>7} {cells[2]:>7} {cells[3]:>10} {cells[4]:>7} {cells[5]:>7}")
    print("MB = 10**6 characters. geo: the extract path (map_text without outlines), one pass, never the same "
          f"text twice; warm = after the other corpora; fresh = a new process; x{jobs} = `geo extract --jobs 0`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
