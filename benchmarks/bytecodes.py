"""What a fresh pass costs, counted rather than timed: the Python bytecodes geo executes per
stage, and the garbage collector's work, beside geotext and other checkouts of geo.

Usage (from the project root)::

    python benchmarks/bytecodes.py                            # corpora in ../shared/eval/data
    python benchmarks/bytecodes.py --docs 50                  # the first 50 documents of each
    python benchmarks/bytecodes.py --against ../geo-2758d49   # also another checkout (a git worktree)
    python benchmarks/bytecodes.py --warm                     # each pass after the other corpora

Wall time on a shared host moves by 5-15% from run to run; these counts do not (one new process
per checkout and corpus, PYTHONHASHSEED=0), so they tell whether a change made a pass cheaper.
Bytecodes are what to watch: on the dev corpora one bytecode more costs about as much time as
60-120 CPU instructions more (a dispatch the CPU often mispredicts), so a change that swaps C work
for Python steps can count fewer instructions and still run slower. Each pass is ``map_text`` without outlines over the corpus in a process that
has mapped one sentence first (every name of the corpus new: the "fresh" figure of
benchmarks/throughput.py). A second untraced pass counts the collections of each generation and
the objects the collector tracks at the end (tracing itself makes frame objects). geotext
(a dictionary matcher, no resolution) is the peer: its bytecodes for the same documents.

With ``--warm`` the counted pass comes after an untraced pass over the other corpora, whole (the
"warm" figure of benchmarks/throughput.py: a long batch run has met the common names before). On
this 2-core host the warm passes' wall time follows their bytecodes closely (about 12.9 ns each on
TR-News, for 2758d49 and for main alike, whatever their instruction counts).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "eval" / "data"
CORPORA = ("trnews", "geowebnews", "lgl")
STAGES = ("sentences", "mentions", "candidates", "resolve")

# Run in a new process: argv = checkout (or "geotext"), corpus path, number of documents, "trace"|"gc",
# then the corpora to map first, untraced (--warm).
_CHILD = r"""
import gc, json, sys
checkout, path, docs, mode, warm_up = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
def read(path):
    return [json.loads(line)["text"] for line in open(path, encoding="utf-8").read().split("\n") if line.strip()]
texts = read(path)[:docs]
stage = ["other"]
if checkout == "geotext":
    from geotext import GeoText
    run = GeoText
    run("Rain fell on Paris and on Baku.")
else:
    sys.path.insert(0, checkout)
    import geo.pipeline as pipeline
    from geo.gazetteer import Gazetteer
    gazetteer = Gazetteer()
    def run(text):
        pipeline.map_text(text, gazetteer=gazetteer, outlines=False)
    run("Rain fell on Paris, Texas, and on Baku, Azerbaijan; Azerbaijani officials said so.")
for other in warm_up:
    for text in read(other):
        run(text)
if checkout != "geotext":
    # Stage by stage: the functions map_text calls (older checkouts ranked candidates one mention at a time).
    for name, label in (("split_sentences", "sentences"), ("find_mentions", "mentions"),
                        ("candidates_for_each", "candidates"), ("candidates_for", "candidates"), ("resolve", "resolve")):
        if hasattr(pipeline, name):
            def counted(*args, _f=getattr(pipeline, name), _label=label, **kwargs):
                stage[0] = _label
                try:
                    return _f(*args, **kwargs)
                finally:
                    stage[0] = "other"
            setattr(pipeline, name, counted)
counts = {}
if mode == "trace":
    def on_opcode(frame, event, arg):
        if event == "opcode":
            counts[stage[0]] = counts.get(stage[0], 0) + 1
        return on_opcode
    def on_call(frame, event, arg):
        frame.f_trace_opcodes, frame.f_trace_lines = True, False
        return on_opcode
    sys.settrace(on_call)
    for text in texts:
        run(text)
    sys.settrace(None)
else:
    collections = [0, 0, 0]
    gc.callbacks.append(lambda phase, info: phase == "stop" and collections.__setitem__(info["generation"], collections[info["generation"]] + 1))
    for text in texts:
        run(text)
    counts = {"collections": collections, "tracked": len(gc.get_objects())}
print(json.dumps(counts))
"""


def count(checkout: str, path: Path, docs: int, mode: str, warm_up: list[Path] = ()) -> dict:
    """One child process's counts (see _CHILD), after mapping the ``warm_up`` corpora untraced."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-c", _CHILD, checkout, str(path), str(docs), mode, *map(str, warm_up)],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"error: counting {checkout} on {path.name} failed: {done.stderr.strip().splitlines()[-1]}")
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Bytecodes and garbage collections of a geo pass, beside geotext.")
    ap.add_argument("--corpora-dir", type=Path, default=DEFAULT_CORPORA,
                    help=f"folder with trnews/geowebnews/lgl .jsonl (default: {DEFAULT_CORPORA})")
    ap.add_argument("--docs", type=int, default=200, help="documents of each corpus, from its start (default 200)")
    ap.add_argument("--against", type=Path, action="append", default=[], metavar="CHECKOUT",
                    help="also count another checkout of geo (its code and data/), e.g. a git worktree of an older commit")
    ap.add_argument("--warm", action="store_true",
                    help="count each corpus's pass after mapping the other corpora whole, untraced (throughput's warm figure)")
    args = ap.parse_args(argv)
    if args.docs < 1:
        ap.error(f"--docs must be at least 1, got {args.docs!r}")
    for other in args.against:
        if not (other / "geo" / "pipeline.py").is_file():
            ap.error(f"--against needs a checkout of geo (with geo/pipeline.py), got {str(other)!r}")
    present = [p for p in (args.corpora_dir / f"{name}.jsonl" for name in CORPORA) if p.is_file()]
    if not present:
        print(f"error: no corpora found in {args.corpora_dir}; pass --corpora-dir", file=sys.stderr)
        return 2
    checkouts = [("here", str(ROOT)), *((str(o), str(o.resolve())) for o in args.against)]
    print(f"{'corpus':<11} {'system':<28} {'bytecodes (k)':>13} " + " ".join(f"{s:>10}" for s in STAGES)
          + f" {'here vs':>8} {'GC runs 0/1/2':>14} {'tracked':>8}")
    for path in present:
        warm_up = [p for p in present if p != path] if args.warm else []
        peer = count("geotext", path, args.docs, "trace", warm_up)
        print(f"{path.stem:<11} {'geotext 0.4.0':<28} {sum(peer.values()) / 1e3:>13.0f}")
        ours = None
        for label, checkout in checkouts:
            ops, gc = count(checkout, path, args.docs, "trace", warm_up), count(checkout, path, args.docs, "gc", warm_up)
            total = sum(ops.values())
            ours = total if ours is None else ours
            change = "" if label == "here" else f"{(ours / total - 1) * 100:+.1f}%"
            runs = "/".join(map(str, gc["collections"]))
            print(f"{path.stem:<11} {'geo ' + label[-24:]:<28} {total / 1e3:>13.0f} "
                  + " ".join(f"{ops.get(s, 0) / 1e3:>10.0f}" for s in STAGES) + f" {change:>8} {runs:>14} {gc['tracked']:>8}")
    kind = "A warm pass (after the other corpora)" if args.warm else "A fresh pass"
    print(f"{kind} over the first {args.docs} documents of each corpus (map_text without outlines); "
          "'here vs': this checkout's bytecodes against that one's (negative: this one executes fewer).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
