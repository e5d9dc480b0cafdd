"""Where geo's remaining errors come from, by cause, on gold corpora (counts for docs/accuracy.md).

    python benchmarks/error_analysis.py ../shared/eval/data/{lgl,trnews,geowebnews}.jsonl

Only id and text reach the pipeline; the gold is read here to sort each miss:

recognition, over gold toponyms with coordinates (exact spans):
  missed, not in the gazetteer   no gazetteer name covers the span (streets, buildings, teams)
  missed, rejected               the gazetteer knows the span; the recognizer said "not a place"
  missed, other boundaries       geo found an overlapping but different span
false positives (system spans touching no gold span at all):
  demonym                        "American", "French" where the corpus does not mark demonyms
  other                          person and organisation names, common words
resolution, over exact matches farther than 161 km from gold:
  same place, other point        geo chose the gold's own GeoNames id; the points differ
  same country, other place      e.g. London, Ontario for London, England within one country
  other country                  Paris, France for Paris, Texas
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.evaluate import haversine_km  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.mentions import propose_spans  # noqa: E402
from geo.pipeline import map_text  # noqa: E402
from geo.sentences import split_sentences  # noqa: E402


def analyse(path: Path, gazetteer: Gazetteer) -> Counter:
    counts: Counter = Counter()
    lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
    for line in lines:
        if not line.strip():
            continue
        gold_doc = json.loads(line)
        text = gold_doc["text"]
        doc = map_text(text, gazetteer=gazetteer, doc_id=str(gold_doc["id"]), outlines=False)
        found = {(r.mention.start, r.mention.end): r for r in doc.resolutions}
        proposed = {(s.start, s.end) for s in propose_spans(text, doc.sentences, gazetteer)}
        all_gold = [(g["start"], g["end"]) for g in gold_doc["toponyms"]]
        for g in gold_doc["toponyms"]:
            if g.get("lat") is None:
                continue
            span = (g["start"], g["end"])
            counts["gold"] += 1
            r = found.get(span)
            if r is None:
                if any(a < span[1] and span[0] < b for a, b in found):
                    counts["missed, other boundaries"] += 1
                elif span in proposed:
                    counts["missed, rejected"] += 1
                else:
                    counts["missed, not in the gazetteer"] += 1
                continue
            counts["found"] += 1
            if r.place is None or haversine_km(g["lat"], g["lon"], r.place.lat, r.place.lon) <= 161:
                continue
            gold_id = str(g.get("geonameid") or "")
            if gold_id and gold_id == r.place.id:
                counts["wrong, same place, other point"] += 1
            elif any(c.place.id == gold_id for c in r.candidates):
                country = next(c.place.country_code for c in r.candidates if c.place.id == gold_id)
                key = "same country" if country == r.place.country_code else "other country"
                counts[f"wrong, {key}, gold among candidates"] += 1
            else:
                counts["wrong, gold not among candidates"] += 1
        for (start, end), r in found.items():
            if not any(a < end and start < b for a, b in all_gold):
                counts["false positive, demonym" if r.mention.kind == "demonym" else "false positive, other"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.gold if not p.exists()]
    if missing:
        print(f"no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    gazetteer = Gazetteer()
    results = {p.stem: analyse(p, gazetteer) for p in args.gold}
    keys = sorted({k for c in results.values() for k in c}, key=lambda k: (k.split(",")[0], k))
    print("| cause | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for key in keys:
        print(f"| {key} | " + " | ".join(str(c.get(key, 0)) for c in results.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
