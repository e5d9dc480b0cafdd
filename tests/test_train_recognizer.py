"""The recognizer's training samples (geo.data.train_recognizer): what the model may learn."""

import json

from geo.data.train_recognizer import training_samples
from tests.fakes import FakeGazetteer


def test_training_samples_leave_out_the_rules_and_the_spans_they_rule_out():
    text = "Paris, Texas, is hot. Colonel Paris spoke in Azerbaijan."
    start = text.index("Azerbaijan")
    doc = {"text": text, "toponyms": [{"start": 0, "end": 5}, {"start": 7, "end": 12},
                                      {"start": start, "end": start + len("Azerbaijan")}]}
    samples, labels, missed = training_samples([json.dumps(doc), ""], FakeGazetteer())
    # "Colonel Paris" is ruled out (a title), so three samples: Paris, Texas, Azerbaijan.
    assert len(samples) == 3 and labels == [1, 1, 1] and missed == 0
    # "Paris, Texas" is qualified by its state (geo.place_cues), which overrides the model: not learnt.
    assert not any(name.startswith("rule:") for sample in samples for name in sample)
    assert all("bias" in sample for sample in samples)


def test_the_trainer_reads_several_corpora_and_cross_validates_each(tmp_path):
    from geo.data.train_recognizer import cross_validate, documents

    def corpus(name, n):
        path = tmp_path / f"{name}.jsonl"
        docs = []
        for i in range(n):
            text = f"Report {i}: fighting near Fuzuli and in Tovuz, said Colonel Paris."
            gold = [{"start": text.index(w), "end": text.index(w) + len(w)} for w in ("Fuzuli", "Tovuz")]
            docs.append(json.dumps({"text": text, "toponyms": gold}))
        path.write_text("\n".join(docs) + "\n", encoding="utf-8")
        return path

    docs = documents([corpus("one", 6), corpus("two", 4)], FakeGazetteer(), frozenset())
    assert [d.corpus for d in docs] == ["one"] * 6 + ["two"] * 4
    scores = cross_validate(docs, 2, l2=1.0, min_count=1)
    # Each corpus is scored on its own held-out documents: both places in every one, found.
    assert set(scores) == {"one", "two"}
    for precision, recall, f1 in scores.values():
        assert recall == 1.0 and 0.0 < precision <= 1.0 and abs(f1 - 2 * precision / (precision + 1)) < 1e-9
