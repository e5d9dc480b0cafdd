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
