"""What a home area (--near) is worth on a corpus of local papers, for scale.

Usage (from the project root)::

    python benchmarks/home_area.py                      # ../shared/eval/data/lgl.jsonl
    python benchmarks/home_area.py GOLD.jsonl

A gold corpus says nothing of where each paper is, so this takes an *oracle* home area: for
each article, the US state most of its gold places lie in (the gazetteer's town or county of
that name within 50 km of the gold point). That reads the gold, so the figure is an upper
bound on what a newsroom gains by naming its state, not a score geo earns on its own.
Prints geo's figures without and with the home area.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "data" / "lgl.jsonl"


def oracle_homes(docs: list[dict], gazetteer) -> dict[str, object]:
    """Article id -> the US state (a Place) most of its gold places lie in, for articles with any."""
    from geo.distance import haversine_km

    homes = {}
    for doc in docs:
        states: collections.Counter[str] = collections.Counter()
        for gold in doc["toponyms"]:
            if gold.get("lat") is None:
                continue
            near = [(haversine_km(gold["lat"], gold["lon"], p.lat, p.lon), p) for p in gazetteer.lookup(gold["name"], limit=50)]
            near = [(km, p) for km, p in near if km < 50]
            if near:
                place = min(near, key=lambda x: x[0])[1]
                if place.country_code == "US" and place.kind in ("city", "adm2") and place.admin1:
                    states[place.admin1] += 1
        if states:
            state = states.most_common(1)[0][0]
            homes[doc["id"]] = next(p for p in gazetteer.lookup(state) if p.kind == "adm1" and p.country_code == "US")
    return homes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="geo's figures on a gold corpus without and with an oracle home state.")
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help=f"gold JSONL (default: {DEFAULT_GOLD})")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: no gold file at {args.gold}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from geo.evaluate import evaluate, load_gold
    from geo.gazetteer import Gazetteer
    from geo.pipeline import map_text
    from geo.tables import extract_record

    gz = Gazetteer()
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").split("\n") if line.strip()]
    homes = oracle_homes(docs, gz)
    gold = load_gold(str(args.gold))
    print(f"{args.gold.name}: {len(docs)} articles, {len(homes)} with an oracle home state")
    for label, use in (("without a home area", False), ("with the oracle home state", True)):
        score = evaluate(gold, lambda i, t: extract_record(
            map_text(t, gazetteer=gz, doc_id=i, outlines=False, home=homes.get(i) if use else None))).exact
        print(f"{label:<28} F1 {score.f1:.3f}  acc@161 found {score.acc_found:.3f}  all gold {score.acc_all:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
