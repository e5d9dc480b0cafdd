"""Fit the toponym recognizer (data/recognizer.json) on gold corpora.

    python -m geo.data.train_recognizer GOLD.jsonl [GOLD.jsonl ...] [-o data/recognizer.json] [--folds 5]

Every span the mention finder proposes in the gold texts becomes one sample,
labelled 1 when a gold toponym has exactly its offsets. Only the proposals'
features (context words, word frequency, gazetteer kinds...) are learnt, never
the names themselves: no feature names a place. The bundled model is fitted on
the three dev corpora together (LGL's local US news alone taught it that a small
town's name standing alone is rarely a place, and nothing of wire copy); the
threshold is the one that maximises F1 over all of them. ``--folds K`` prints each
corpus' K-fold cross-validated F1 (trained on the other folds of every corpus), the
honest figure for text the model has not seen.

Training is deterministic: the same corpora and gazetteer give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from geo.gazetteer import Gazetteer
from geo.mentions import propose_spans
from geo.recognizer import MODEL_FILE, RecognizerModel, fit_logistic
from geo.sentences import split_sentences

__all__ = ["training_samples", "train", "cross_validate", "documents", "fold_of", "fit_model", "main", "common_surnames", "SURNAME_MAX_RANK"]

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


class _Document(NamedTuple):
    """One gold document's samples: its proposals' features and labels, and its gold spans never proposed."""

    corpus: str
    samples: list[dict[str, float]]
    labels: list[int]
    missed: int


def _read_lines(gold_path: Path) -> list[str]:
    return gold_path.read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028


def documents(gold_paths: Sequence[Path], gazetteer: Gazetteer, surnames: frozenset[str] | None = None) -> list[_Document]:
    """Each gold document's training samples, corpus by corpus, in file order (``surnames``:
    the Census' common surnames when None)."""
    surnames = frozenset(common_surnames()) if surnames is None else surnames
    found = []
    for path in gold_paths:
        for line in _read_lines(path):
            if line.strip():
                samples, labels, missed = training_samples([line], gazetteer, surnames)
                found.append(_Document(path.stem, samples, labels, missed))
    return found


def fold_of(docs: Sequence[_Document], folds: int) -> list[int]:
    """The fold of each document: document i of its corpus is in fold i mod ``folds``."""
    position: dict[str, int] = {}
    found = []
    for d in docs:
        found.append(position.get(d.corpus, 0) % folds)
        position[d.corpus] = position.get(d.corpus, 0) + 1
    return found


def fit_model(docs: Sequence[_Document], *, l2: float = L2, min_count: int = MIN_COUNT) -> RecognizerModel:
    """A model fitted on these documents alone, at its best threshold, with the common surnames."""
    weights, threshold, _, _ = _fit(docs, l2, min_count)
    return RecognizerModel(weights, threshold, {}, common_surnames())


def _fit(documents: Sequence[_Document], l2: float, min_count: int) -> tuple[dict[str, float], float, float, int]:
    """(weights, threshold, F1 at it, samples) fitted on these documents."""
    samples = [s for d in documents for s in d.samples]
    labels = [y for d in documents for y in d.labels]
    weights = fit_logistic(samples, labels, l2=l2, min_count=min_count)
    model = RecognizerModel(weights, 0.5)
    probabilities = [model.probability(s) for s in samples]
    n_gold = sum(labels) + sum(d.missed for d in documents)
    threshold, f1 = _best_threshold(probabilities, labels, n_gold)
    return weights, min(max(threshold, 0.05), 0.95), f1, len(samples)


def cross_validate(docs: Sequence[_Document], folds: int, *, l2: float = L2,
                   min_count: int = MIN_COUNT) -> dict[str, tuple[float, float, float]]:
    """Each corpus' (precision, recall, F1) of the proposals, K-fold cross-validated: document
    i of a corpus is in fold i mod K; each fold is scored by a model fitted on every other
    fold of every corpus, at that model's own threshold."""
    counts: dict[str, list[int]] = {}  # corpus -> [true positives, predicted, gold]
    folds_of = fold_of(docs, folds)
    for k in range(folds):
        train_docs = [d for d, f in zip(docs, folds_of) if f != k]
        weights, threshold, _, _ = _fit(train_docs, l2, min_count)
        model = RecognizerModel(weights, threshold)
        for d, f in zip(docs, folds_of):
            if f != k:
                continue
            c = counts.setdefault(d.corpus, [0, 0, 0])
            for features, label in zip(d.samples, d.labels):
                if model.accepts(features):
                    c[1] += 1
                    c[0] += label
            c[2] += sum(d.labels) + d.missed
    scores = {}
    for corpus, (tp, predicted, gold) in counts.items():
        precision, recall = tp / max(predicted, 1), tp / max(gold, 1)
        scores[corpus] = (precision, recall, 2 * precision * recall / max(precision + recall, 1e-12))
    return scores


def train(gold_paths: Path | Sequence[Path], gazetteer: Gazetteer, *, l2: float = L2,
          min_count: int = MIN_COUNT) -> RecognizerModel:
    """The model fitted on every document of ``gold_paths`` (one corpus or several)."""
    gold_paths = [gold_paths] if isinstance(gold_paths, Path) else list(gold_paths)
    surnames = frozenset(common_surnames())
    docs = documents(gold_paths, gazetteer, surnames)
    weights, threshold, f1, n_samples = _fit(docs, l2, min_count)
    meta = {
        "trained_on": [p.name for p in gold_paths],
        "corpus_sha256": [hashlib.sha256(p.read_bytes()).hexdigest() for p in gold_paths],
        "samples": n_samples,
        "positives": sum(sum(d.labels) for d in docs),
        "gold_not_proposed": sum(d.missed for d in docs),
        "training_f1": round(f1, 4),
        "l2": l2,
        "min_count": min_count,
    }
    return RecognizerModel(weights, threshold, meta, surnames)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.data.train_recognizer", description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, nargs="+", help="gold JSONL corpora (the three dev corpora)")
    parser.add_argument("-o", "--output", type=Path, help=f"model file (default: data/{MODEL_FILE})")
    parser.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help=f"drop rarer features (default {MIN_COUNT})")
    parser.add_argument("--folds", type=int, default=0, metavar="K",
                        help="also print each corpus' K-fold cross-validated precision, recall and F1")
    args = parser.parse_args(argv)
    for path in args.gold:
        if not path.exists():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    if args.folds == 1 or args.folds < 0:
        parser.error(f"--folds must be 0 (none) or at least 2, got {args.folds!r}")
    gazetteer = Gazetteer()
    if args.folds:
        docs = documents(args.gold, gazetteer)
        for corpus, (p, r, f1) in cross_validate(docs, args.folds, l2=args.l2, min_count=args.min_count).items():
            print(f"{corpus}: {args.folds}-fold cross-validated P {p:.4f} R {r:.4f} F1 {f1:.4f}", file=sys.stderr)
    model = train(args.gold, gazetteer, l2=args.l2, min_count=args.min_count)
    output = args.output or Path(gazetteer.info()["data_dir"]) / MODEL_FILE
    output.write_text(model.dumps(), encoding="utf-8")
    print(f"{output}: {len(model.weights)} weights, threshold {model.threshold:.3f}, {model.meta}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
