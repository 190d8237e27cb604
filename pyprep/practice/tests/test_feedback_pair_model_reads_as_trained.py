"""The pair model (the third step of answer feedback): read with numpy exactly as PyTorch trained it, stacked with
the trees only where they choose between ✓ and missed, and absent without harm."""

from __future__ import annotations

import numpy as np
import pytest

from pyprep.practice import embeddings, feedback, pair_model
from pyprep.practice.feedback import CONTRADICTED, COVERED, MISSED, UNCLEAR, PointResult

POINTS = [
    "Readers exclude writers, writers exclude everyone; readers share.",
    "Release in `finally` (or a context manager) so an exception cannot leave the lock held.",
    "One `Condition` guards the counts.",
]
ANSWER = "Readers can hold it at the same time, but a writer needs exclusive access: no readers and no other writer."


@pytest.fixture
def reader() -> pair_model.PairModel:
    found = pair_model.model()
    assert found is not None, "pair_model.npz is shipped"
    return found


def test_numpy_reads_the_reference_pairs_as_the_trainer_did(reader: pair_model.PairModel) -> None:
    with np.load(pair_model.MODEL_PATH) as data:
        points, answers, expected = data["ref_point"], data["ref_answer"], data["ref_logit"]
    got = [
        reader.logits([[int(i) for i in point if i >= 0]], [int(i) for i in answer if i >= 0])[0]
        for point, answer in zip(points, answers, strict=True)
    ]
    assert len(got) == 24
    assert np.allclose(got, expected, atol=1e-4)


def test_points_read_together_get_what_each_gets_alone(reader: pair_model.PairModel) -> None:
    ids = [embeddings.token_ids(point) for point in POINTS]
    answer = embeddings.token_ids(ANSWER)
    together = reader.logits(ids, answer)
    alone = [reader.logits([point], answer)[0] for point in ids]
    assert np.allclose(together, alone, atol=1e-5)


def test_the_stack_was_fitted_and_weighs_both_readers(reader: pair_model.PairModel) -> None:
    trees, pair, _ = reader.stack
    assert trees > 0.5, "run `python -m pyprep.practice.train_pair_model stack`"
    assert pair > 0.0
    assert reader.stacked(0.5, 4.0) > reader.stacked(0.5, -4.0)
    assert reader.stacked(0.9, 0.0) > reader.stacked(0.1, 0.0)


def test_only_points_the_trees_choose_for_are_restacked(reader: pair_model.PairModel) -> None:
    statuses = [COVERED, MISSED, UNCLEAR, CONTRADICTED]
    results = [PointResult(i, f"point {i}", status, 0.5) for i, status in enumerate(statuses)]
    points = [f"point {i}" for i in range(4)]
    logits = reader.logits([embeddings.token_ids(p) for p in points], embeddings.token_ids(ANSWER))
    got = feedback._with_pair_model([0.4, 0.6, 0.7, 0.8], results, points, ANSWER, 0.5)
    assert (got[0] >= 0.5) == (reader.stacked(0.4, float(logits[0])) >= 0.5)
    assert (got[1] >= 0.5) == (reader.stacked(0.6, float(logits[1])) >= 0.5)
    assert got[2:] == [0.7, 0.8], "can't tell and contradicted keep the trees' own probability"


def test_skipping_the_reading_never_changes_a_tick(reader: pair_model.PairModel) -> None:
    logits = reader.logits([embeddings.token_ids(point) for point in POINTS], embeddings.token_ids(ANSWER))
    for probability in np.linspace(0.001, 0.999, 199):
        results = [PointResult(i, text, COVERED, 0.5) for i, text in enumerate(POINTS)]
        got = feedback._with_pair_model([float(probability)] * 3, results, POINTS, ANSWER, 0.5)
        full = [reader.stacked(float(probability), float(z)) >= 0.5 for z in logits]
        assert [p >= 0.5 for p in got] == full


def test_without_the_file_the_trees_decide_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    results = [PointResult(0, POINTS[0], COVERED, 0.5), PointResult(1, POINTS[1], MISSED, 0.0)]
    monkeypatch.setattr(pair_model, "model", lambda: None)
    assert feedback._with_pair_model([0.3, 0.7], results, POINTS[:2], ANSWER, 0.5) == [0.3, 0.7]
