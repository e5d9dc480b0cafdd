"""Fit the toponym recognizer (data/recognizer.json) on a gold corpus: LGL only.

    python -m geo.data.train_recognizer ../shared/eval/data/lgl.jsonl [-o data/recognizer.json]

Every span the mention finder proposes in the gold texts becomes one sample,
labelled 1 when a gold toponym has exactly its offsets. Only the proposals'
features (context words, word frequency, gazetteer kinds...) are learnt, never
the names themselves: no feature names a place. The weights are fitted on LGL
alone so that TR-News, GeoWebNews and unseen corpora stay clean for measuring;
the threshold is the one that maximises F1 on LGL.

Training is deterministic: the same corpus and gazetteer give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from geo.gazetteer import Gazetteer
from geo.mentions import propose_spans
from geo.recognizer import MODEL_FILE, RecognizerModel, fit_logistic
from geo.sentences import split_sentences

__all__ = ["training_samples", "train", "main", "common_surnames", "SURNAME_MAX_RANK"]

#: How many of the US Census' commonest surnames the model carries (rank 5000: 0.002% of
#: Americans bear the last of them): a given name right before one is a person (geo.mentions).
SURNAME_MAX_RANK = 5000


def common_surnames(max_rank: int = SURNAME_MAX_RANK) -> list[str]:
    """The US Census Bureau's 1990 commonest surnames, lower case, from the ``names`` 0.3.0
    package's ``dist.all.last`` (public domain data; the package is in the ``build`` extra).

    Each row is ``NAME percent cumulative rank``; those of rank ``max_rank`` or better are kept.
    """
    import names  # the build extra: only to make data/

    path = Path(names.__file__).parent / "dist.all.last"
    found = []
    for line in path.read_text(encoding="ascii").splitlines():
        row = line.split()
        if len(row) == 4 and int(row[3]) <= max_rank:
            found.append(row[0].lower())
    return sorted(found)

#: Regularisation: strong enough that context words seen a handful of times in LGL do not
#: outweigh the general clues (word frequency, kind of place), which carry to other corpora.
L2 = 10.0
MIN_COUNT = 5

# Features that would memorise names rather than learn context are never emitted
# by geo.mentions; these are here to guard that promise.
_FORBIDDEN_PREFIXES = ("name=", "key=")


def training_samples(gold_lines, gazetteer: Gazetteer, surnames: frozenset[str] = frozenset()
                     ) -> tuple[list[dict[str, float]], list[int], int]:
    """(features, labels, gold spans not proposed) for every proposed span of every document."""
    samples: list[dict[str, float]] = []
    labels: list[int] = []
    missed = 0
    for line in gold_lines:
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        gold = {(t["start"], t["end"]) for t in doc["toponyms"]}
        proposed = set()
        for span in propose_spans(text, split_sentences(text), gazetteer, surnames):
            features = dict(span.features)
            if "rule:never" in features:
                continue
            # The sentence's own say (geo.place_cues) overrides the model; it is not learnt.
            features = {name: value for name, value in features.items() if not name.startswith("rule:")}
            assert not any(name.startswith(_FORBIDDEN_PREFIXES) for name in features)
            samples.append(features)
            labels.append(int((span.start, span.end) in gold))
            proposed.add((span.start, span.end))
        missed += len(gold - proposed)
    return samples, labels, missed


def _best_threshold(probabilities, labels, n_gold: int) -> tuple[float, float]:
    """The probability threshold with the best F1 over the corpus (gold spans never proposed count as misses)."""
    order = sorted(zip(probabilities, labels), reverse=True)
    true_pos = 0
    best = (0.5, 0.0)
    for k, (p, label) in enumerate(order, 1):
        true_pos += label
        precision, recall = true_pos / k, true_pos / n_gold
        f1 = 2 * precision * recall / (precision + recall) if true_pos else 0.0
        if f1 > best[1]:
            best = (p, f1)
    return best


def train(gold_path: Path, gazetteer: Gazetteer, *, l2: float = L2, min_count: int = MIN_COUNT) -> RecognizerModel:
    lines = gold_path.read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
    surnames = frozenset(common_surnames())
    samples, labels, missed = training_samples(lines, gazetteer, surnames)
    weights = fit_logistic(samples, labels, l2=l2, min_count=min_count)
    model = RecognizerModel(weights, 0.5)
    probabilities = [model.probability(s) for s in samples]
    n_gold = sum(labels) + missed
    threshold, f1 = _best_threshold(probabilities, labels, n_gold)
    meta = {
        "trained_on": gold_path.name,
        "corpus_sha256": hashlib.sha256(gold_path.read_bytes()).hexdigest(),
        "samples": len(samples),
        "positives": sum(labels),
        "gold_not_proposed": missed,
        "training_f1": round(f1, 4),
        "l2": l2,
        "min_count": min_count,
    }
    return RecognizerModel(weights, min(max(threshold, 0.05), 0.95), meta, surnames)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.data.train_recognizer", description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="gold JSONL (LGL)")
    parser.add_argument("-o", "--output", type=Path, help=f"model file (default: data/{MODEL_FILE})")
    parser.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help=f"drop rarer features (default {MIN_COUNT})")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"{args.gold}: no such file", file=sys.stderr)
        return 2
    gazetteer = Gazetteer()
    model = train(args.gold, gazetteer, l2=args.l2, min_count=args.min_count)
    output = args.output or Path(gazetteer.info()["data_dir"]) / MODEL_FILE
    output.write_text(model.dumps(), encoding="utf-8")
    print(f"{output}: {len(model.weights)} weights, threshold {model.threshold:.3f}, {model.meta}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
