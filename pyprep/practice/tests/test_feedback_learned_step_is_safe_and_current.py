"""The learned last step of answer feedback: trained on today's judgment files, never on a test half still to be
run, read back exactly as scikit-learn fitted it, and never a ✓ where the rules saw an opposite claim."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml
from sklearn.ensemble import HistGradientBoostingClassifier

from pyprep.bank.rubric import Concept, Misconception, PointRubric, Rubric
from pyprep.practice import embeddings, feedback, feedback_model, train_feedback_model
from pyprep.practice.answer_text import analyse
from pyprep.practice.evaluate import ROOT, contributed_slugs
from pyprep.practice.feedback import CONTRADICTED, COVERED, MISSED, UNCLEAR, PointResult, evidence, match
from pyprep.practice.feedback_model import FEATURES, MODEL_PATH, SIBLING_FEATURES, model_from_dict, siblings
from pyprep.practice.templatetags.practice import key_point_marks
from pyprep.practice.train_feedback_model import (
    CHALLENGE_WEIGHT,
    HOLD_OUT,
    OLD_SET,
    OLD_SET_WEIGHT,
    TRAINING_SETS,
    WRONG_ANSWER_WEIGHT,
    collect,
    export,
    held_out_slugs,
    negations,
    sha256,
)

QUESTION = "Why can't you use a mutable default argument?"
POINTS = [
    "Default values are evaluated once, when the `def` runs, not on every call.",
    "Use `None` as the default and create the list inside the function.",
]


def test_the_shipped_model_was_trained_on_todays_judgment_files() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert data["second"]["features"] == [*FEATURES, *SIBLING_FEATURES]
    assert data["trained_on"] == {path: sha256(ROOT / path) for path in TRAINING_SETS}, (
        "a judgment file changed: run `uv run python -m pyprep.practice.train_feedback_model`"
    )
    assert data["held_out"] == {path: sha256(ROOT / path) for path in HOLD_OUT}


def test_no_question_of_the_held_out_half_is_trained_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "tests/feedback_eval_blind10/test.yaml" in HOLD_OUT
    assert not set(HOLD_OUT) & set(TRAINING_SETS)

    def judged(slug: str) -> dict[str, object]:
        answers = [{"kind": "paraphrase", "text": "Use None and build the list inside.", "covers": [1]}]
        return {"slug": slug, "question": QUESTION, "key_points": POINTS, "answers": answers}

    (tmp_path / "train.yaml").write_text(yaml.safe_dump([judged("kept"), judged("held")]), encoding="utf-8")
    (tmp_path / "test.yaml").write_text(yaml.safe_dump([judged("held")]), encoding="utf-8")
    monkeypatch.setattr(train_feedback_model, "ROOT", tmp_path)
    rows = collect(["train.yaml"], held_out_slugs(["test.yaml"]))
    # The held-out question's answers are skipped in the training file too: one answer's points remain.
    assert len(rows.labels) == len(POINTS)
    assert rows.labels == [0, 1]


def test_a_question_with_rubric_data_is_learned_from_twice_once_as_text_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question outside the bank is judged from its key points' words alone; trees fitted only on judgments
    made with rubric data undid the rules there (leave-one-set-out κ 0.41-0.57), so each judgment is also
    learned from without them."""
    rubric = Rubric(
        points=(
            PointRubric((Concept(("evaluated once", "built once")), Concept(("def", "defined")))),
            PointRubric((Concept(("None",)),)),
        )
    )
    answers = [{"kind": "paraphrase", "text": "Use None and build the list inside.", "covers": [1]}]
    entry = {"slug": "with-rubric", "question": QUESTION, "key_points": POINTS, "answers": answers}
    (tmp_path / "train.yaml").write_text(yaml.safe_dump([entry]), encoding="utf-8")
    monkeypatch.setattr(train_feedback_model, "ROOT", tmp_path)
    monkeypatch.setattr(train_feedback_model, "rubric_for", lambda slug, points, bank: rubric)
    rows = collect(["train.yaml"], set())
    assert rows.text_only == [False, False, True, True]
    assert rows.labels == [0, 1, 0, 1]
    has_rubric = FEATURES.index("has_rubric")
    assert [row[has_rubric] for row in rows.features] == [1.0, 1.0, 0.0, 0.0]
    # Scored once: leave-one-set-out judges the set as `evaluate` does, with its rubric data.
    report = train_feedback_model.cross_validate(
        train_feedback_model.Rows(
            rows.features * 3,
            [0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1],
            rows.rule * 3,
            ["a"] * 4 + ["b"] * 4 + ["c"] * 4,
            ["with-rubric"] * 12,
            [False] * 12,
            rows.text_only * 3,
            rows.kind * 3,
        )
    )
    assert [line["judgments"] for line in report] == [2, 2, 2]
    assert rows.kind == ["paraphrase"] * 4


def test_only_a_wrong_answers_uncovered_points_with_rubric_data_weigh_more() -> None:
    """Cost-sensitive training: an unearned ✓ on a wrong or swapped answer costs more than a missed one, where
    the rubric data judged it; judged from the key points' words alone, every row weighs the same."""
    has_rubric = FEATURES.index("has_rubric")
    with_rubric, without = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    with_rubric[has_rubric] = 1.0
    rows = train_feedback_model.empty()
    for features, label, kind in [
        (with_rubric, 0, "wrong"),
        (with_rubric, 0, "swapped"),
        (with_rubric, 1, "swapped"),  # a point the swapped answer does state
        (with_rubric, 0, "partial"),
        (without, 0, "wrong"),
    ]:
        rows.add(features, label, 0, "set", kind=kind)
    assert rows.weights().tolist() == [WRONG_ANSWER_WEIGHT, WRONG_ANSWER_WEIGHT, 1.0, 1.0, 1.0]
    assert rows.weights(wrong=4.0).tolist() == [4.0, 4.0, 1.0, 1.0, 1.0]


def test_the_authors_set_weighs_more_in_every_row() -> None:
    has_rubric = FEATURES.index("has_rubric")
    with_rubric = [0.0] * len(FEATURES)
    with_rubric[has_rubric] = 1.0
    rows = train_feedback_model.empty()
    rows.add(with_rubric, 0, 0, OLD_SET, kind="wrong")
    rows.add(with_rubric, 1, 0, OLD_SET, kind="good")
    rows.add(with_rubric, 1, 0, "feedback_eval_blind9", kind="paraphrase")
    assert rows.weights().tolist() == [WRONG_ANSWER_WEIGHT * OLD_SET_WEIGHT, OLD_SET_WEIGHT, 1.0]
    assert OLD_SET_WEIGHT > 1.0


def test_a_coding_challenges_rows_weigh_what_the_challenge_weight_says() -> None:
    """Each row of a coding challenge's question, typed-back key points too, weighs `challenge` on top of the
    other weights (CHALLENGE_WEIGHT when trained; `--challenge-weight` in cross-validation)."""
    has_rubric = FEATURES.index("has_rubric")
    with_rubric = [0.0] * len(FEATURES)
    with_rubric[has_rubric] = 1.0
    challenge = sorted(contributed_slugs())[0]
    rows = train_feedback_model.empty()
    rows.add(with_rubric, 1, 0, "feedback_eval_blind20", question=challenge, kind="paraphrase")
    rows.add(with_rubric, 0, 0, "feedback_eval_blind20", question=challenge, kind="swapped")
    rows.add(with_rubric, 1, 0, "key points verbatim", question=challenge, text_only=True)
    rows.add(with_rubric, 1, 0, "feedback_eval_blind20", question="gil-explained", kind="paraphrase")
    assert rows.weights(challenge=2.0).tolist() == [2.0, 2.0 * WRONG_ANSWER_WEIGHT, 2.0, 1.0]
    assert rows.weights().tolist() == [
        CHALLENGE_WEIGHT,
        CHALLENGE_WEIGHT * WRONG_ANSWER_WEIGHT,
        CHALLENGE_WEIGHT,
        1.0,
    ]


def test_cross_validation_by_question_never_trains_on_a_held_out_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every answer to a question, in every set, and its typed-back key points share one fold; a set named
    score-only is judged and never trained on. Each fold fits the first stage, the first stage once more per
    inner fold (the second stage's out-of-fold probabilities), then the second stage: none of them sees the
    fold's questions."""
    questions = [f"q{n}" for n in range(12)]
    folds = train_feedback_model.question_folds(questions * 2)
    assert folds.tolist()[:12] == folds.tolist()[12:]
    assert set(folds.tolist()) == set(range(train_feedback_model.QUESTION_FOLDS))
    rng = np.random.default_rng(3)
    rows = train_feedback_model.empty()
    for group in ("set-a", "set-b", "scored-only"):
        for slug in questions:
            features = rng.random(len(FEATURES)).tolist()
            rows.add(features, int(features[8] > 0.5), 0, group, question=slug, kind="paraphrase")
    for slug in questions:
        rows.add([1.0] * len(FEATURES), 1, 1, "key points verbatim", question=slug, text_only=True)
    fitted: list[tuple[set[str], set[str]]] = []
    real_fit = train_feedback_model.fit

    def recording_fit(selected: train_feedback_model.Rows, **weights: float) -> object:
        fitted.append((set(selected.question), set(selected.group)))
        return real_fit(selected, **weights)

    monkeypatch.setattr(train_feedback_model, "fit", recording_fit)
    monkeypatch.setattr(train_feedback_model, "PARAMS", {**train_feedback_model.PARAMS, "max_iter": 3})
    report = train_feedback_model.cross_validate(rows, by_question=True, score_only=["scored-only"])
    assert [line["set"] for line in report] == ["scored-only", "set-a", "set-b"]
    assert [line["judgments"] for line in report] == [12, 12, 12]
    per_fold = train_feedback_model.QUESTION_FOLDS + 2
    assert len(fitted) == train_feedback_model.QUESTION_FOLDS * per_fold
    for index, (trained_on, groups) in enumerate(fitted):
        held = {slug for slug, fold in zip(questions, folds[:12], strict=True) if fold == index // per_fold}
        assert held
        assert not trained_on & held
        assert "scored-only" not in groups


@pytest.mark.parametrize(
    "options",
    [
        ["--score-only", "x.yaml"],
        ["--by-question"],
        ["--wrong-weight", "3"],
        ["--old-set-weight", "1"],
        ["--challenge-weight", "2"],
    ],
)
def test_the_comparison_options_are_refused_when_training(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A score-only set would be trained on, and other weights would go unrecorded in the model file."""
    with pytest.raises(SystemExit):
        train_feedback_model.main([*options, "--out", str(tmp_path / "model.json")])
    assert "only go with --cross-validate" in capsys.readouterr().err


def test_a_key_point_is_denied_after_its_first_auxiliary() -> None:
    assert negations("Liskov: subclasses must keep the base contract.") == [
        "Liskov: subclasses must not keep the base contract.",
        "Liskov: subclasses don't need to keep the base contract.",
    ]
    assert negations("Finding all descendants needs recursion.") == [
        "Finding all descendants needs not recursion.",
        "Finding all descendants doesn't need recursion.",
    ]
    assert negations("A generator is lazy.") == ["A generator is not lazy."]
    # A point that negates already, or has no auxiliary to negate, is left be.
    assert negations("Defaults are evaluated once, not on each call.") == []
    assert negations("Slots save memory.") == []


def test_the_exported_trees_give_scikit_learns_probabilities() -> None:
    rng = np.random.default_rng(7)
    features = rng.random((400, len(FEATURES)))
    labels = (features[:, 8] + 0.3 * features[:, 20] + 0.2 * rng.random(400) > 0.8).astype(int)
    classifier = HistGradientBoostingClassifier(
        max_iter=30, max_depth=6, max_leaf_nodes=64, early_stopping=False, random_state=0
    ).fit(features, labels, sample_weight=np.where(labels == 0, 1.5, 1.0))
    exported = model_from_dict(export(classifier, {}, {}))
    expected = classifier.predict_proba(features[:50])[:, 1]
    assert [round(exported.probability(row.tolist()), 6) for row in features[:50]] == pytest.approx(
        [round(float(p), 6) for p in expected], abs=1e-6
    )
    # The trees walk every row of an answer at once: a row's probability is the same alone or in a batch.
    rows = [row.tolist() for row in features[50:80]]
    assert exported.probabilities(rows) == [exported.probability(row) for row in rows]


def test_the_second_stage_reads_each_answers_other_points_as_scikit_learn_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Exported, the two stages give scikit-learn's probabilities answer by answer: a point's probability
    depends on its answer's other points through the first stage's probabilities of them."""
    rng = np.random.default_rng(11)
    rows = train_feedback_model.empty()
    words = FEATURES.index("answer_log_words")
    for answer in range(120):
        # A fifth of the answers are too short for the second stage: the first stage decides them.
        log_words = float(np.log1p(10 if answer % 5 == 0 else 40))
        for _ in range(int(rng.integers(1, 6))):
            features = rng.random(len(FEATURES))
            features[words] = log_words
            label = int(features[8] + 0.2 * rng.random() > 0.6)
            rows.add(features.tolist(), label, 0, "set", question=f"q{answer % 30}", answer=answer)
    monkeypatch.setattr(train_feedback_model, "PARAMS", {**train_feedback_model.PARAMS, "max_iter": 20})
    first, second = train_feedback_model.fit_stages(rows)
    exported = model_from_dict(export(first, {}, {}, second))
    assert exported.second is not None
    expected = train_feedback_model.predict_stages(first, second, rows).tolist()
    got: list[float] = []
    for answer in range(120):
        got.extend(
            exported.probabilities(
                [r for r, a in zip(rows.features, rows.answer, strict=True) if a == answer]
            )
        )
    assert got == pytest.approx(expected, abs=1e-6)
    short = [i for i, answer in enumerate(rows.answer) if answer % 5 == 0]
    assert [got[i] for i in short] == pytest.approx(
        exported.first_probabilities([rows.features[i] for i in short]), abs=1e-12
    )
    # The same row beside other points is read with their probabilities, alone with its own.
    first_long = rows.answer.index(1)
    row, others = rows.features[first_long], rows.features[first_long + 1 : first_long + 4]
    alone = exported.second.probabilities([[*row, *siblings(exported.first_probabilities([row]))[0]]])
    assert exported.probability(row) == alone[0]
    beside = exported.probabilities([row, *others])[0]
    first_around = siblings(exported.first_probabilities([row, *others]))[0]
    assert beside == exported.second.probabilities([[*row, *first_around]])[0]


def test_siblings_are_the_other_points_mean_highest_and_lowest() -> None:
    assert siblings([0.9, 0.1, 0.5]) == [[0.3, 0.5, 0.1], [0.7, 0.9, 0.5], [0.5, 0.9, 0.1]]
    assert siblings([0.4]) == [[0.4, 0.4, 0.4]]
    assert siblings([]) == []


def test_a_model_for_other_features_is_refused() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        model_from_dict(data)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["second"]["features"] = data["second"]["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        model_from_dict(data)


def sure() -> feedback_model.Model:
    """A model that ticks everything it may: a probability near 1.0 for every point."""
    return feedback_model.Model(
        features=FEATURES,
        initial=10.0,
        learning_rate=0.1,
        trees=(),
        threshold=0.5,
        release_threshold=0.8,
        distrusted_release_threshold=0.9,
        sure_release_threshold=0.95,
        contradicted_release_threshold=0.97,
        trained_on={},
    )


def fairly_sure() -> feedback_model.Model:
    """Probability 0.95: at every release threshold of `sure` but the contradicted one."""
    return replace(sure(), initial=3.0)


def one_point_rubric(
    point: tuple[str, ...], claim: str, claim_concepts: tuple[str, ...], correction: str
) -> Rubric:
    """One point's concepts (one alternative each) and one known wrong claim about it."""
    return Rubric(
        points=(PointRubric(tuple(Concept((c,)) for c in point)),),
        misconceptions=(
            Misconception(claim, tuple(Concept((c,)) for c in claim_concepts), (0,), correction),
        ),
    )


def shipped() -> feedback_model.Model:
    learned = feedback_model.model()
    assert learned is not None
    return learned


def test_a_contradicted_point_or_one_a_wrong_claim_is_about_is_ticked_only_when_sure() -> None:
    learned = shipped()
    assert learned.threshold < learned.contradicted_release_threshold < 1.0
    contradicted = PointResult(
        0, POINTS[0], CONTRADICTED, 0.4, "they are shared", (0, 15), "They are not.", "fresh per call"
    )
    for wrong_claims in (False, True):
        at = feedback._release_at(contradicted, learned, wrong_claims, False)
        just_below = learned.contradicted_release_threshold - 0.01
        assert (
            feedback._decide(contradicted, just_below, learned, at, "they are shared.", [], [])
            == contradicted
        )
    # Sure the answer says the point (the claim's words fired on a right sentence): ✓ on another clause, the
    # correction kept as a note; with no other clause, none.
    sure_at = learned.contradicted_release_threshold
    assert feedback._decide(contradicted, sure_at, learned, 1.0, "they are shared.", [], []) == contradicted
    answer = "they are shared. Defaults are evaluated once, when def runs."
    units = [
        u for u in feedback._units(analyse(answer)) if u.start > 15
    ]  # the claim's clause counts for nothing
    point_texts = feedback._point_texts(tuple(POINTS), QUESTION, frozenset())
    vectors = embeddings.embed_many([answer[u.start : u.end] for u in units])
    matches = [feedback._text_score(point_texts[0], u, vectors[i], frozenset()) for i, u in enumerate(units)]
    released = feedback._decide(contradicted, sure_at, learned, 1.0, answer, units, matches)
    assert (released.status, released.evidence) == (COVERED, "Defaults are evaluated once, when def runs.")
    assert (released.correction, released.claim) == (contradicted.correction, contradicted.claim)
    # The answer says the point in one clause and a known wrong claim about it in another: "can't tell" with the
    # correction shown, unless the trees are sure; then ✓ for the clause that says it, the correction kept.
    answer = "they are shared. It is evaluated once."
    both = PointResult(
        0, POINTS[0], UNCLEAR, 0.4, "they are shared", (0, 16), "They are not.", "fresh per call"
    )
    at = feedback._release_at(both, learned, True, False)
    assert at == learned.sure_release_threshold
    assert learned.distrusted_release_threshold <= at < 1.0
    below = feedback._decide(both, at - 0.01, learned, at, answer, [], [], earned=(17, 38))
    assert below.status == UNCLEAR
    sure_of_it = feedback._decide(both, at, learned, at, answer, [], [], earned=(17, 38))
    assert sure_of_it.status == COVERED
    assert (sure_of_it.span, sure_of_it.evidence) == ((17, 38), "It is evaluated once.")
    assert sure_of_it.correction == "They are not."
    # A clause names the point's opposite: never, however sure.
    assert feedback._release_at(both, learned, True, True) == float("inf")


def test_a_cant_tell_is_ticked_only_at_its_release_threshold() -> None:
    learned = shipped()
    assert learned.threshold < learned.distrusted_release_threshold < 1.0
    assert learned.threshold < learned.release_threshold < 1.0
    assert (
        max(learned.release_threshold, learned.distrusted_release_threshold) <= learned.sure_release_threshold
    )
    assert learned.sure_release_threshold < 1.0
    unclear = PointResult(0, POINTS[0], UNCLEAR, 0.4, "they are shared", (0, 16))
    # A negator alone caused it; or the answer states a known wrong claim about another point (the rules
    # distrust the whole answer; the trees read its wrong claims themselves).
    for wrong_claims, threshold in (
        (False, learned.release_threshold),
        (True, learned.distrusted_release_threshold),
    ):
        at = feedback._release_at(unclear, learned, wrong_claims, False)
        assert at == threshold
        below = feedback._decide(unclear, at - 0.01, learned, at, "they are shared.", [], [])
        assert below.status == UNCLEAR
        ticked = feedback._decide(unclear, at, learned, at, "they are shared.", [], [])
        assert ticked.status == COVERED
        assert ticked.span == (0, 16)
    # No clause to point at: no tick.
    bare = PointResult(0, POINTS[0], UNCLEAR, 0.4)
    assert (
        feedback._decide(bare, 1.0, learned, learned.release_threshold, "they are shared.", [], []).status
        == UNCLEAR
    )
    # A clause names the opposite: never.
    assert feedback._release_at(unclear, learned, False, True) == float("inf")


def test_a_distrusted_answer_keeps_the_ticks_the_trees_are_sure_of(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two known wrong claims make the rules distrust every tick; a model sure enough to release them gives back
    # the point the answer states correctly, not the contradicted one (probability 0.95: below its threshold).
    monkeypatch.setattr(feedback_model, "model", fairly_sure)
    points = [
        "Default values are evaluated once, when the def statement runs.",
        "A mutable default is shared by every call that does not pass the argument.",
        "Use None as the default and create the list inside the function.",
    ]
    rubric = Rubric(
        points=(
            PointRubric((Concept(("evaluated",)), Concept(("once",)))),
            PointRubric((Concept(("shared",)), Concept(("call",)))),
            PointRubric((Concept(("None",)), Concept(("inside",)))),
        ),
        misconceptions=(
            Misconception(
                "Each call gets its own copy of the default.",
                (Concept(("own",)), Concept(("copy",))),
                (1,),
                "Every call that omits the argument shares the one default object.",
            ),
        ),
    )
    answer = (
        "Default values are evaluated once, when def runs. Each call gets its own copy of the list, though."
    )
    rules = evidence(answer=answer, key_points=points, rubric=rubric)[0]
    assert [p.status for p in rules.points] == [UNCLEAR, CONTRADICTED, MISSED]
    result = match(answer=answer, key_points=points, rubric=rubric)
    assert [p.status for p in result.points] == [COVERED, CONTRADICTED, MISSED]
    assert result.points[1].correction


def test_a_cant_tell_that_names_the_opposite_is_never_released(monkeypatch: pytest.MonkeyPatch) -> None:
    # "non-data" said where the point says "data": however sure the trees, no tick (the shipped model gives
    # this point 0.96, above its release threshold).
    monkeypatch.setattr(feedback_model, "model", sure)
    points = [
        "A data descriptor defines `__set__` or `__delete__` and takes precedence over the instance `__dict__`.",
        "A non-data descriptor defines only `__get__`; the instance `__dict__` shadows it.",
    ]
    answer = (
        "A non-data descriptor defines __set__ or __delete__ and takes precedence over the instance __dict__."
    )
    rules, _rows = evidence(answer=answer, key_points=points, question="Data or non-data descriptor?")
    assert rules.points[0].status == UNCLEAR
    result = match(answer=answer, key_points=points, question="Data or non-data descriptor?")
    assert result.points[0].status == UNCLEAR


def test_a_concept_dismissed_in_so_many_words_is_never_released(monkeypatch: pytest.MonkeyPatch) -> None:
    # "jitter is unnecessary" says the point is wrong: however sure the trees (the first model with similarity
    # evidence gave it 0.86), no tick. A negator earlier in the sentence does not stop the tick.
    monkeypatch.setattr(feedback_model, "model", sure)
    points = ["Retry with exponential backoff and jitter."]
    rubric = Rubric(points=(PointRubric((Concept(("backoff",)), Concept(("jitter",)))),))
    dismissed = "Backoff with jitter is unnecessary if you retry quickly."
    assert evidence(answer=dismissed, key_points=points, rubric=rubric)[0].points[0].status == UNCLEAR
    assert match(answer=dismissed, key_points=points, rubric=rubric).points[0].status == UNCLEAR
    stray = "Without thinking twice I add backoff with jitter to every retry."
    assert match(answer=stray, key_points=points, rubric=rubric).points[0].status == COVERED


def test_a_tick_it_withdraws_is_cant_tell_and_one_it_adds_shows_its_clause() -> None:
    learned = shipped()
    answer = "The default list is built a single time when the function is defined."
    analysis = analyse(answer)
    units = feedback._units(analysis)
    point_texts = feedback._point_texts(tuple(POINTS), QUESTION, frozenset())
    vectors = embeddings.embed_many([answer[u.start : u.end] for u in units])
    matches = [feedback._text_score(point_texts[0], u, vectors[i], frozenset()) for i, u in enumerate(units)]

    missed = PointResult(0, POINTS[0], MISSED, 0.3)
    added = feedback._decide(missed, 1.0, learned, True, answer, units, matches)
    assert added.status == COVERED
    assert added.span is not None
    assert added.evidence == answer[added.span[0] : added.span[1]].strip()
    assert added.evidence

    # Nothing in the answer to point at: no tick without evidence.
    assert feedback._decide(missed, 1.0, learned, True, answer, [], []).status == MISSED

    covered = PointResult(0, POINTS[0], COVERED, 1.0, answer, (0, len(answer)))
    assert feedback._decide(covered, 0.0, learned, True, answer, units, matches).status == UNCLEAR


def test_without_the_model_file_the_rules_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [
        "Defaults are evaluated once when def runs, so use None and build the list inside.",
        "The default is created fresh on each call, so a list default is fine.",
        "Use None as the default value.",
    ]
    monkeypatch.setattr(feedback_model, "model", lambda: None)
    for answer in answers:
        rules, _rows = evidence(answer=answer, key_points=POINTS, question=QUESTION)
        assert match(answer=answer, key_points=POINTS, question=QUESTION) == rules


def test_evidence_rows_have_one_value_per_feature_and_noise_has_none() -> None:
    rng = random.Random(3)
    words = "defaults evaluated once def runs use None list inside function call shared".split()
    for _ in range(20):
        answer = " ".join(rng.choice(words) for _ in range(rng.randint(6, 30))) + "."
        verdict, rows = evidence(answer=answer, key_points=POINTS, question=QUESTION)
        if verdict.notice:
            assert rows == []
        else:
            assert len(rows) == len(POINTS)
            assert all(len(row) == len(FEATURES) for row in rows)
    assert evidence(answer="", key_points=POINTS, question=QUESTION)[1] == []


def test_similarity_evidence_says_which_sibling_point_a_clause_sits_nearest() -> None:
    points = [
        "Default values are evaluated once, when the `def` runs, not on every call.",
        "Threads in CPython share one interpreter lock, so CPU-bound code does not run in parallel.",
    ]
    answer = "The default gets evaluated a single time, when def executes, and not again per call."
    vectors = embeddings.embed_many([answer])
    (own, sibling) = feedback._similarity_rows(points, feedback._nearness(points, vectors), answer)
    names = FEATURES[
        FEATURES.index("similarity_best_clause") : FEATURES.index("similarity_over_sibling_mean") + 1
    ]
    own_by_name, sibling_by_name = dict(zip(names, own, strict=True)), dict(zip(names, sibling, strict=True))
    assert own_by_name["similarity_best_clause"] > sibling_by_name["similarity_best_clause"]
    assert own_by_name["similarity_over_siblings"] > 0 > sibling_by_name["similarity_over_siblings"]
    assert (own_by_name["similarity_rank"], sibling_by_name["similarity_rank"]) == (0.0, 1.0)
    assert own_by_name["key_points"] == 2.0
    # An answer with no clause left (every one stated a known wrong claim) is near nothing.
    nothing = feedback._similarity_rows(points, feedback._nearness(points, embeddings.embed_many([])), answer)
    assert [row[0] for row in nothing] == [0.0, 0.0]


def test_token_evidence_finds_the_points_terms_in_other_grammar_and_in_code() -> None:
    points = [
        "Guard the shared counter with a lock so increments are not lost.",
        "Default values are evaluated once, when the `def` runs, not on every call.",
    ]
    names = FEATURES[FEATURES.index("tokens_said") : FEATURES.index("tokens_said_over_siblings") + 1]

    def rows(answer: str) -> list[dict[str, float]]:
        units = feedback._units(analyse(answer))
        vectors = embeddings.embed_many([answer[u.start : u.end] for u in units])
        return [
            dict(zip(names, row, strict=True))
            for row in feedback._alignment_rows(points, answer, units, feedback._nearness(points, vectors))
        ]

    said, other = rows(
        "Two threads bumping one counter lose updates unless you take a Lock around counter += 1."
    )
    assert said["tokens_said"] > other["tokens_said"]
    assert said["tokens_said_over_siblings"] > 0 > other["tokens_said_over_siblings"]
    assert said["tokens_said_share"] > other["tokens_said_share"]
    # In code: the point's "lock" and "counter" are names in the block.
    coded, not_coded = rows("```python\nwith lock:\n    counter += 1\n```")
    assert coded["tokens_said"] > not_coded["tokens_said"]
    assert coded["tokens_said_over_siblings"] > 0
    # An answer on another topic says little of either point, token by token.
    unrelated = rows("Lists are dynamic arrays of pointers, over-allocated so that append is cheap.")
    assert unrelated[0]["tokens_said"] < said["tokens_said"]
    assert all(0.0 <= row["tokens_said_share"] <= 1.0 for row in unrelated)
    nothing = feedback._nearness(points, embeddings.embed_many([]))
    assert feedback._alignment_rows(points, "", [], nothing) == [[0.0] * len(names)] * 2
    # Every point gets one number per feature, whatever the answer.
    assert all(len(row) == len(names) for row in feedback._alignment_rows(points, "a", [], nothing))


def test_order_evidence_tells_who_does_what_from_the_same_terms_swapped() -> None:
    points = [
        "`islice` slices any iterator; `chain.from_iterable` flattens one level.",
        "`pairwise` yields pairs.",
    ]
    first = FEATURES.index("tokens_said")

    def point_row(answer: str) -> dict[str, float]:
        row = evidence(answer=answer, key_points=points)[1][0]
        return dict(zip(FEATURES[first:], row[first:], strict=True))

    right = point_row("islice slices any iterator, and chain.from_iterable flattens one level of nesting.")
    swapped = point_row("chain.from_iterable slices any iterator, and islice flattens one level of nesting.")
    assert right["tokens_said"] == pytest.approx(swapped["tokens_said"])  # the same terms...
    assert right["tokens_in_point_order"] > swapped["tokens_in_point_order"]  # ...not in the same order
    assert right["tokens_said_next"] > swapped["tokens_said_next"]
    assert feedback._order(np.asarray([3])) == (0.5, 0.0)  # under two places: no order to tell
    assert feedback._order(np.asarray([0, 1, 2])) == (1.0, 1.0)
    assert feedback._order(np.asarray([9, 5, 1])) == (0.0, 0.0)


@pytest.mark.django_db
def test_a_key_point_typed_back_word_for_word_is_ticked() -> None:
    # The first model with similarity evidence withdrew the ✓ from a quarter of these: a clause all but
    # identical to the point looked like a swapped answer reusing its words (train_feedback_model.verbatim).
    from pyprep.practice.evaluate import bank_rubrics

    typed: list[bool] = []
    for slug, (key_points, rubric) in sorted(bank_rubrics().items())[::7]:
        index = len(slug) % len(key_points)
        for judged_by in (rubric, None):
            result = match(answer=key_points[index], key_points=key_points, rubric=judged_by)
            typed.append(result.points[index].covered)
    assert len(typed) > 100
    assert sum(typed) / len(typed) >= 0.95


def test_negation_evidence_says_where_the_negator_falls() -> None:
    """The rules call each of these "can't tell" or ✓ alike; the trees read where the negator falls: on the
    point's own words ("don't need the base contract"), past a harming verb ("don't break it": two negatives),
    or where the point negates the same words itself."""
    points = [
        "Liskov: subclasses must keep the base contract.",
        "Defaults are evaluated once, not on each call.",
    ]
    names = FEATURES[FEATURES.index("negators_over_point") :]

    def row(answer: str, index: int) -> dict[str, float]:
        return dict(
            zip(names, evidence(answer=answer, key_points=points)[1][index][-len(names) :], strict=True)
        )

    assert row("LSP: subclasses don't need the base contract.", 0) == {
        "negators_over_point": 1.0,
        "negators_on_point_words": 1.0,
        "negators_elsewhere": 0.0,
    }
    assert row("LSP: subclasses don't break the base contract.", 0)["negators_on_point_words"] == 0.0
    assert row("LSP: subclasses keep the base contract.", 0) == dict.fromkeys(names, 0.0)
    agreeing = row("The default is evaluated once and not on each call.", 1)
    assert agreeing["negators_over_point"] == 0.0
    assert agreeing["negators_on_point_words"] == 0.0


def test_a_tick_the_trees_add_points_at_the_nearest_clause_when_none_shares_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A terse answer names the point in other terms ("ProcessPoolExecutor" for "a process pool"): the rules
    find half its concepts and no clause shares its words. The trees' ✓ shows the clause nearest in meaning; a
    point of which the rules found nothing gets no ✓ however sure the trees."""
    monkeypatch.setattr(feedback_model, "model", sure)
    points = [
        "Blocking calls inside a coroutine freeze the whole event loop.",
        "CPU-bound work belongs in a process pool, not on the loop thread.",
        "Cancelling a task that awaits to_thread does not stop the thread.",
    ]
    rubric = Rubric(
        points=(
            PointRubric((Concept(("blocking", "blocks")), Concept(("event loop", "loop")))),
            PointRubric((Concept(("CPU-bound", "CPU")), Concept(("process pool",)))),
            PointRubric((Concept(("cancel",)), Concept(("thread",)))),
        )
    )
    answer = "Blocks the loop, so all tasks stall. CPU: ProcessPoolExecutor."
    rules = evidence(answer=answer, key_points=points, rubric=rubric)[0]
    assert [p.status for p in rules.points] == [COVERED, MISSED, MISSED]
    assert rules.points[1].score > 0.0 == rules.points[2].score
    result = match(answer=answer, key_points=points, rubric=rubric)
    assert [p.status for p in result.points] == [COVERED, COVERED, MISSED]
    assert result.points[1].evidence == "CPU: ProcessPoolExecutor."


def test_an_answer_that_says_a_point_and_a_wrong_claim_about_it_gets_the_tick_only_when_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    points = ["Default values are evaluated once, when the def statement runs."]
    correction = "The default is built once, at definition time, not on each call."
    rubric = one_point_rubric(
        ("evaluated", "once"), "The default is rebuilt on every call.", ("rebuilt", "call"), correction
    )
    answer = "Default values are evaluated once, when def runs. The default is rebuilt on every call, though."
    rules = evidence(answer=answer, key_points=points, rubric=rubric)[0]
    assert rules.points[0].status == UNCLEAR
    assert rules.points[0].evidence == "The default is rebuilt on every call, though."

    def unsure() -> feedback_model.Model:
        return replace(sure(), initial=1.0)  # probability 0.73: below the sure threshold

    monkeypatch.setattr(feedback_model, "model", unsure)
    assert match(answer=answer, key_points=points, rubric=rubric).points[0].status == UNCLEAR
    monkeypatch.setattr(feedback_model, "model", sure)
    ticked = match(answer=answer, key_points=points, rubric=rubric)
    point = ticked.points[0]
    assert point.status == COVERED
    assert point.evidence == "Default values are evaluated once, when def runs."
    assert point.correction == correction
    html = key_point_marks(ticked)
    assert (
        "Earned by: <q>Default values are evaluated once, when def runs.</q>; note: The default is built"
        in html
    )
    assert ("Default values are evaluated once, when def runs.", COVERED) in ticked.segments


def test_a_known_wrong_claim_firing_on_a_right_answer_is_ticked_when_the_trees_are_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The claim's words are there, but the answer says the point ("skips the shell" is not "runs through a
    shell"): contradicted by the rules; once the trees are sure, a ✓ on a clause other than the claim's, the
    correction kept. An answer that is the claim alone keeps its contradiction however sure they are."""
    points = ["Pass the command as a list: no shell parses it."]
    correction = "A list is handed to the program directly; no shell is involved unless shell=True."
    rubric = one_point_rubric(
        ("no shell", "list"),
        "A command passed as a list still runs through a shell.",
        ("list", "shell"),
        correction,
    )
    claim = "Passing a list skips the shell entirely."
    other = "The arguments go straight to the program, so no shell parses them."
    answer = f"{claim} {other}"
    assert evidence(answer=answer, key_points=points, rubric=rubric)[0].points[0].status == CONTRADICTED

    monkeypatch.setattr(feedback_model, "model", fairly_sure)  # below the contradicted threshold
    kept = match(answer=answer, key_points=points, rubric=rubric)
    assert kept.points[0].status == CONTRADICTED
    assert (claim, CONTRADICTED) in kept.segments
    monkeypatch.setattr(feedback_model, "model", sure)
    ticked = match(answer=answer, key_points=points, rubric=rubric)
    point = ticked.points[0]
    assert (point.status, point.evidence, point.correction) == (COVERED, other, correction)
    assert (other, COVERED) in ticked.segments
    assert f"Earned by: <q>{other}</q>; note: A list is handed" in key_point_marks(ticked)
    alone = match(answer=claim, key_points=points, rubric=rubric)
    assert alone.points[0].status == CONTRADICTED
