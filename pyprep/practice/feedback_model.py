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
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

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

# The second stage reads FEATURES and then these: the other key points' first-stage probabilities in the same
# answer. A borderline point in an answer whose other points the trees are sure of is more often said than one
# in an answer they are sure says nothing (docs/practice.md, thirty-second landing).
SIBLING_FEATURES = ("siblings_mean", "siblings_max", "siblings_min")
_LOG_WORDS = FEATURES.index("answer_log_words")


def siblings(first: Sequence[float]) -> list[list[float]]:
    """Per key point, the mean, highest and lowest first-stage probability of the answer's other points (its
    own, three times, where it is the only point)."""
    out = []
    for index, own in enumerate(first):
        others = [p for other, p in enumerate(first) if other != index]
        out.append([sum(others) / len(others), max(others), min(others)] if others else [own] * 3)
    return out


@dataclass(frozen=True)
class _Tree:
    left: tuple[int, ...]  # -1 at a leaf
    right: tuple[int, ...]
    feature: tuple[int, ...]
    threshold: tuple[float, ...]  # a row goes left where its feature is <= this (NaN goes right)
    value: tuple[float, ...]


@dataclass(frozen=True)
class _Forest:
    """All trees packed into (trees × nodes) arrays, walked one level at a time for every tree and row at once:
    a leaf points at itself, so a row that reached one stays there while deeper trees go on."""

    next_left: Any  # int array: the left child's flat index (tree × nodes + node), or the leaf's own
    next_right: Any
    feature: Any
    threshold: Any
    value: Any
    depth: int

    @classmethod
    def of(cls, trees: Sequence[_Tree]) -> _Forest:
        size = max((len(tree.left) for tree in trees), default=1)
        shape = (len(trees), size)
        here = np.broadcast_to(np.arange(size), shape)
        left, right = here.copy(), here.copy()
        feature, threshold, value = np.zeros(shape, np.intp), np.zeros(shape), np.zeros(shape)
        for i, tree in enumerate(trees):
            n = len(tree.left)
            inner = np.asarray(tree.left) != -1
            left[i, :n] = np.where(inner, tree.left, here[i, :n])
            right[i, :n] = np.where(inner, tree.right, here[i, :n])
            feature[i, :n], threshold[i, :n], value[i, :n] = tree.feature, tree.threshold, tree.value
        # Children as flat indexes into the packed arrays, so one `take` reads any node of any tree.
        base = np.arange(len(trees), dtype=np.intp)[:, None] * size
        left, right = left + base, right + base
        return cls(left, right, feature, threshold, value, max((_depth(tree) for tree in trees), default=0))

    def leaf_values(self, rows: Any) -> Any:
        """(trees × rows) the value of the leaf each row reaches in each tree."""
        count, size = self.feature.shape
        flat_rows = rows.ravel()
        # Flat indexes: into the packed arrays (tree × size + node) and into the rows (row × features + feature).
        node = np.repeat(np.arange(count, dtype=np.intp)[:, None] * size, rows.shape[0], axis=1)
        row_start = np.arange(rows.shape[0], dtype=np.intp)[None, :] * rows.shape[1]
        for _ in range(self.depth):
            goes_left = flat_rows.take(row_start + self.feature.take(node)) <= self.threshold.take(node)
            node = np.where(goes_left, self.next_left.take(node), self.next_right.take(node))
        return self.value.take(node)


def _depth(tree: _Tree) -> int:
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, level = stack.pop()
        if tree.left[node] == -1:
            deepest = max(deepest, level)
        else:
            stack += [(tree.left[node], level + 1), (tree.right[node], level + 1)]
    return deepest


@dataclass(frozen=True)
class Stage:
    """Boosted trees read as plain data: the log-odds start at `initial` and each tree adds its leaf's value."""

    initial: float
    learning_rate: float
    trees: tuple[_Tree, ...]

    @cached_property
    def _forest(self) -> _Forest:
        return _Forest.of(self.trees)

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        if not rows:
            return []
        leaves = self._forest.leaf_values(np.asarray(rows, dtype=float))
        # Summed tree by tree in order: a row's probability does not depend on the rows batched with it.
        return [
            1.0 / (1.0 + math.exp(-(self.initial + self.learning_rate * sum(column))))
            for column in leaves.T.tolist()
        ]


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
    # Trees that read each row with SIBLING_FEATURES after it, for an answer of `second_from_words` words or
    # more; a shorter answer, or a model without them, is decided by the first stage.
    second: Stage | None = None
    second_from_words: int = 0

    @cached_property
    def _first(self) -> Stage:
        return Stage(self.initial, self.learning_rate, self.trees)

    def first_probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The first stage's probability of ✓ for each row of evidence (FEATURES order)."""
        return self._first.probabilities(rows)

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability of ✓ for each key point of one answer, from its row of evidence (FEATURES order):
        the first stage's, or the second's where the model has one."""
        first = self.first_probabilities(rows)
        if self.second is None or not rows or rows[0][_LOG_WORDS] < np.log1p(self.second_from_words):
            return first
        return self.second.probabilities(
            [[*row, *around] for row, around in zip(rows, siblings(first), strict=True)]
        )

    def probability(self, row: Sequence[float]) -> float:
        """A one-point answer's probability of ✓."""
        return self.probabilities([row])[0]


def _trees(data: list[dict[str, Any]]) -> tuple[_Tree, ...]:
    return tuple(
        _Tree(
            tuple(t["left"]),
            tuple(t["right"]),
            tuple(t["feature"]),
            tuple(float(x) for x in t["threshold"]),
            tuple(float(x) for x in t["value"]),
        )
        for t in data
    )


def model_from_dict(data: dict[str, Any]) -> Model:
    if tuple(data["features"]) != FEATURES:
        raise ValueError("feedback_model.json was trained on other features: retrain it")
    second = data.get("second")
    if second is not None and tuple(second["features"]) != FEATURES + SIBLING_FEATURES:
        raise ValueError("feedback_model.json's second stage was trained on other features: retrain it")
    return Model(
        features=FEATURES,
        initial=float(data["initial"]),
        learning_rate=float(data["learning_rate"]),
        trees=_trees(data["trees"]),
        threshold=float(data["threshold"]),
        release_threshold=float(data["release_threshold"]),
        distrusted_release_threshold=float(data["distrusted_release_threshold"]),
        sure_release_threshold=float(data["sure_release_threshold"]),
        contradicted_release_threshold=float(data["contradicted_release_threshold"]),
        trained_on=dict(data["trained_on"]),
        second=(
            None
            if second is None
            else Stage(float(second["initial"]), float(second["learning_rate"]), _trees(second["trees"]))
        ),
        second_from_words=0 if second is None else int(second["from_words"]),
    )


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped model, or None when the file is absent (the rule-based verdicts then stand)."""
    if not MODEL_PATH.is_file():
        return None
    return model_from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
