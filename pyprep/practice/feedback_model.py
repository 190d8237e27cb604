"""The learned last step of answer feedback: gradient-boosted trees over the matcher's own evidence.

The rule-based matcher (feedback.py) finds the evidence: which clause meets a point's concepts or words, what
is negated, what a misconception states, who does what. Hand-set thresholds then turned that evidence into
✓ or not, and on answers nobody here wrote they plateaued (κ 0.64–0.76 over seven blind sets). This module
reads the same evidence as numbers (FEATURES) and lets trees trained on the blind sets' labels decide.

The trees are plain data: `feedback_model.json`, written by `python -m pyprep.practice.train_feedback_model`
from scikit-learn's HistGradientBoostingClassifier (its trees' node arrays), read and walked here with no
scikit-learn at run time. The file names the judgment files it was trained on and their sha256, so a test
can tell when it is stale.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("feedback_model.json")

# The evidence, per key point, in the order the trees read it.
FEATURES = (
    "rule_covered",  # the rule-based verdict...
    "rule_unclear",
    "rule_contradicted",
    "rule_missed",
    "concepts_covered",  # ...the rubric concepts' verdict alone (all "none" without rubric data)
    "concepts_unclear",
    "concepts_missed",
    "concepts_none",
    "rule_score",
    "text_score",  # the best clause's weighted shared words plus embedding cosine
    "text_negation_differs",
    "concept_share",  # the best clause's share of the point's concepts
    "has_rubric",
    "answer_covered_share",  # how the rule-based verdicts went over the whole answer
    "answer_unclear_share",
    "answer_contradicted_share",
    "answer_contradicts_any",
    "answer_log_words",
    "answer_has_code",
    "other_points_covered_share",
    "point_words_anywhere",  # weighted share of the point's words found anywhere in the answer
    "concepts_all_in_a_clause",
    "concepts_with_roles_swapped",
    "concepts_with_opposite_word",
    "answer_points_roles_swapped",
    "answer_points_opposite_word",
    "answer_informal_words",
    "answer_lower_case_sentences",
    "point_code_names_in_answer",
    "answer_wrong_claims",  # clauses stating a known misconception
    "similarity_best_clause",  # embedding cosine of the answer's nearest clause to the point...
    "similarity_over_siblings",  # ...less that clause's cosine to the nearest sibling point
    "similarity_whole_answer",
    "similarity_rank",  # 0 for the point the answer comes nearest, 1 for the farthest
    "key_points",
    "point_log_words",
    "similarity_over_sibling_mean",  # the best clause's cosine less the siblings' mean
    "tokens_said",  # the point's content tokens' mean cosine to their nearest token in the answer...
    "tokens_said_in_clause",  # ...in the clause nearest the point
    "tokens_said_share",  # ...the share of them the answer says nearly as is
    "tokens_said_least",  # ...the least well said one
    "clause_tokens_in_point",  # the nearest clause's tokens' mean cosine to the point's
    "tokens_in_point_order",  # share of pairs of the said tokens the answer says in the point's order
    "tokens_said_next",  # share of the said tokens that follow the previous one within a few tokens
    "tokens_said_over_siblings",  # tokens_said less the best sibling point's
    "negators_over_point",  # negators in the clause that decided the point (else the nearest) less the point's
    "negators_on_point_words",  # ...of them, those that fall on the point's own words it does not negate
    "negators_elsewhere",  # ...and those that fall on none of the point's words
)


@dataclass(frozen=True)
class _Tree:
    left: tuple[int, ...]
    right: tuple[int, ...]
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    value: tuple[float, ...]

    def predict(self, row: Sequence[float]) -> float:
        node = 0
        while self.left[node] != -1:
            node = self.left[node] if row[self.feature[node]] <= self.threshold[node] else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    initial: float  # log-odds before the first tree
    learning_rate: float
    trees: tuple[_Tree, ...]
    threshold: float  # covered when the probability reaches this
    # A "can't tell" a negator alone caused turns into ✓ only at this probability or above...
    release_threshold: float
    # ...and one in an answer that states a known wrong claim about another point only at this one.
    distrusted_release_threshold: float
    # ...and one where the answer also states a known wrong claim about this very point (it seems to say both)
    # only at this one: the ✓ then keeps the correction as a note.
    sure_release_threshold: float
    # A point the rules marked contradicted (a known wrong claim about it fired) turns into ✓ only at this
    # probability, keeping the correction as a note: the claim's words often fire on a right sentence.
    contradicted_release_threshold: float
    trained_on: dict[str, str]  # judgment file -> sha256

    def probability(self, row: Sequence[float]) -> float:
        log_odds = self.initial + self.learning_rate * sum(tree.predict(row) for tree in self.trees)
        return 1.0 / (1.0 + math.exp(-log_odds))


def model_from_dict(data: dict[str, Any]) -> Model:
    if tuple(data["features"]) != FEATURES:
        raise ValueError("feedback_model.json was trained on other features: retrain it")
    trees = tuple(
        _Tree(
            tuple(t["left"]),
            tuple(t["right"]),
            tuple(t["feature"]),
            tuple(float(x) for x in t["threshold"]),
            tuple(float(x) for x in t["value"]),
        )
        for t in data["trees"]
    )
    return Model(
        features=FEATURES,
        initial=float(data["initial"]),
        learning_rate=float(data["learning_rate"]),
        trees=trees,
        threshold=float(data["threshold"]),
        release_threshold=float(data["release_threshold"]),
        distrusted_release_threshold=float(data["distrusted_release_threshold"]),
        sure_release_threshold=float(data["sure_release_threshold"]),
        contradicted_release_threshold=float(data["contradicted_release_threshold"]),
        trained_on=dict(data["trained_on"]),
    )


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped model, or None when the file is absent (the rule-based verdicts then stand)."""
    if not MODEL_PATH.is_file():
        return None
    return model_from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
