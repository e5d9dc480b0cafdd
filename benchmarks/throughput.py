"""Throughput on the dev corpora: characters per second of geotext 0.4.0 and of geo's pipeline.

Usage (from the project root)::

    python benchmarks/throughput.py                       # corpora in ../shared/eval/data
    python benchmarks/throughput.py --corpora-dir DIR     # any folder of {"id", "text"} JSONL files
    python benchmarks/throughput.py --repeat 5            # best of 5 timed passes per corpus (default 3)

Both systems run in this one process, each warmed up first (geotext builds its
regexes, geo loads its gazetteer); the best of the passes counts, so by then geo's
memos hold the corpus' names (steady state: a long run meets the same names again).
"geo new text" is the honest figure for text never seen: one pass over the corpus in a
new process that has mapped only a short warm-up text (the model and index loaded, no
memo holding any of the corpus' names).
geotext is a plain dictionary matcher with no resolution: a speed floor, not a
quality peer. Prints a table: corpus, documents, characters, MB/s of each system
(MB = 10**6 characters).
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


def geo_runner() -> tuple[Callable[[str], object] | None, str]:
    """geo's ``map_text`` bound to one gazetteer, or ``None`` and the reason it is unavailable."""
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing
    try:
        from geo.pipeline import map_text
        from geo.gazetteer import default_gazetteer

        gz = default_gazetteer()
    except ImportError as exc:
        return None, f"geo pipeline not available yet ({exc})"
    except Exception as exc:  # e.g. DataError: gazetteer data not built
        return None, f"geo pipeline not available: {type(exc).__name__}: {exc}"
    # The extract path (what `geo extract` runs): no outlines, which only maps draw.
    return (lambda text: map_text(text, gazetteer=gz, outlines=False)), ""


_FIRST_PASS = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from geo.gazetteer import Gazetteer
from geo.pipeline import map_text
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8").read().split("\\n") if line.strip()]
gz = Gazetteer()
map_text("Rain fell on Paris, Texas, and on Baku, Azerbaijan; Azerbaijani officials said so.", gazetteer=gz, outlines=False)
t0 = time.perf_counter()
for text in texts:
    map_text(text, gazetteer=gz, outlines=False)
print(sum(map(len, texts)) / (time.perf_counter() - t0))
"""


def geo_new_text_speed(path: Path, repeat: int) -> float:
    """Characters per second of geo's first pass over a corpus in a fresh process (best of ``repeat`` processes)."""
    runs = [subprocess.run([sys.executable, "-c", _FIRST_PASS, str(ROOT), str(path)],
                           capture_output=True, text=True, check=True).stdout for _ in range(repeat)]
    return max(float(r) for r in runs)


def geo_parallel_speed(texts: list[str], repeat: int) -> tuple[float, int]:
    """Characters per second of `geo extract --jobs 0`: one worker process per CPU."""
    from geo.batch import default_jobs, map_documents
    from geo.tables import extract_record

    jobs = default_jobs()
    items = [(str(i), t) for i, t in enumerate(texts)]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _record in map_documents(items, render=extract_record, jobs=jobs):
            pass
        best = min(best, time.perf_counter() - t0)
    return sum(map(len, texts)) / best, jobs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Characters per second of geotext and geo on the dev corpora.")
    ap.add_argument("--corpora-dir", type=Path, default=DEFAULT_CORPORA,
                    help=f"folder with trnews/geowebnews/lgl .jsonl (default: {DEFAULT_CORPORA})")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per corpus; the best counts (default 3)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error(f"--repeat must be at least 1, got {args.repeat!r}")

    files = [args.corpora_dir / f"{name}.jsonl" for name in CORPORA]
    present = [f for f in files if f.is_file()]
    if not present:
        print(f"error: no corpora found in {args.corpora_dir} (looked for {', '.join(f.name for f in files)}); "
              "pass --corpora-dir", file=sys.stderr)
        return 2
    corpora = {f.stem: read_texts(f) for f in present}

    systems: dict[str, Callable[[str], object]] = {"geotext": geotext_runner()}
    geo, why = geo_runner()
    if geo is None:
        print(why)
    else:
        systems["geo"] = geo

    warmup = [t for texts in corpora.values() for t in texts[:5]]
    for run in systems.values():
        for text in warmup:
            run(text)

    rows = []
    jobs = 1
    for name, texts in corpora.items():
        speeds = {s: chars_per_second(run, texts, args.repeat) / 1e6 for s, run in systems.items()}
        if "geo" in systems:
            speeds["geo new"] = geo_new_text_speed(args.corpora_dir / f"{name}.jsonl", args.repeat) / 1e6
            parallel, jobs = geo_parallel_speed(texts, args.repeat)
            speeds["geo parallel"] = parallel / 1e6
        rows.append((name, len(texts), sum(map(len, texts)), speeds))

    parallel_label = f"geo x{jobs} MB/s"
    print(f"{'corpus':<12} {'docs':>6} {'chars':>10} {'geotext MB/s':>13} {'geo MB/s':>10} {'geo new text':>13} {parallel_label:>14}")
    for name, docs, chars, speeds in rows:
        cells = [f"{speeds[k]:.3f}" if k in speeds else "-" for k in ("geo", "geo new", "geo parallel")]
        print(f"{name:<12} {docs:>6} {chars:>10} {speeds['geotext']:>13.3f} {cells[0]:>10} {cells[1]:>13} {cells[2]:>14}")
    print("MB = 10**6 characters; geo = one process (map_text, the extract path), best pass; geo new text = "
          f"first pass in a fresh process; geo x{jobs} = `geo extract --jobs 0` ({jobs} worker processes, one per CPU here)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
