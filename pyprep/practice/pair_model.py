"""A small learned reader of one key point against the whole answer: the third step of answer feedback.

The trees (feedback_model.py) read the rules' evidence as numbers; they cannot see a point said in other words
when its concepts were not found ("a writer needs exclusive access: no readers and no other writer" for "writers
exclude everyone"). This model reads the words themselves. The point's tokens attend to each other and to the
answer's tokens over WordLlama's static token vectors (the same wheel `embeddings.py` reads); the answer's tokens
never attend to each other, so the answer is projected once and shared by all its points. Two pre-norm decoder
layers (4 heads, width 128, feed-forward 256, ReLU) and a linear head on a learned first token give one logit
per point.

It is the project's own data, trained here from scratch on the blind sets' labels by
`python -m pyprep.practice.train_pair_model` (PyTorch, outside the run-time dependencies) and walked here
with numpy. A logistic stack of the trees' log-odds and this logit, fit on the dev halves, replaces the trees'
probability where they choose between ✓ and missed (`stacked`). Without the file the trees decide alone.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from pyprep.bank.dense import one_blas_thread
from pyprep.practice import embeddings

MODEL_PATH = Path(__file__).with_name("pair_model.npz")
MAX_POINT_TOKENS = 48
MAX_ANSWER_TOKENS = 320
HEADS = 4
LAYERS = 2
EPSILON = 1e-5  # LayerNorm's
# The shipped model's logits over the dev halves 28–34 and the spent test halves 24–33 (26,000 judgments) lie in
# -17.6 .. 7.4; `stacked` holds them to this range.
LOGIT_RANGE = (-18.0, 8.0)

Array = NDArray[np.float32]


@dataclass(frozen=True)
class PairModel:
    weights: dict[str, Array]
    stack: tuple[float, float, float]  # trees' log-odds weight, pair logit weight, intercept
    projected: Array  # every token's unit vector through the input projection (32,000 × 128, 16 MB)

    def w(self, name: str) -> Array:
        return self.weights[name]

    def logits(self, point_ids: Sequence[Sequence[int]], answer_ids: Sequence[int]) -> Array:
        """One logit per key point (its token ids, without the first token) read against the answer's ids. The
        products run on the calling thread alone (`one_blas_thread`): beside one busy job, OpenBLAS's own threads
        took a 300-word answer from 6 ms to 120 ms (measured on the shared 2-core machine)."""
        with one_blas_thread():
            return self._logits(point_ids, answer_ids)

    def _logits(self, point_ids: Sequence[Sequence[int]], answer_ids: Sequence[int]) -> Array:
        projected = self.projected
        answer = list(answer_ids[:MAX_ANSWER_TOKENS]) or [0]
        memory = projected[np.asarray(answer)]
        memory = _norm(
            memory + self.w("pos_a__weight")[: len(answer)], self.w("norm_a__weight"), self.w("norm_a__bias")
        )
        points = [[0, *ids[:MAX_POINT_TOKENS]] for ids in point_ids]
        width = max((len(p) for p in points), default=1)
        tokens = np.zeros((len(points), width), dtype=np.int64)
        pad = np.ones((len(points), width), dtype=bool)
        for row, ids in enumerate(points):
            tokens[row, : len(ids)] = ids
            pad[row, : len(ids)] = False
        x = projected[tokens] + self.w("pos_p__weight")[:width]
        x[:, 0] += self.w("cls")
        x = _norm(x, self.w("norm_p__weight"), self.w("norm_p__bias"))
        for layer in range(LAYERS):
            name = f"dec__layers__{layer}__"
            h = _norm(x, self.w(name + "norm1__weight"), self.w(name + "norm1__bias"))
            x = x + self._attention(name + "self_attn__", h, h, pad)
            h = _norm(x, self.w(name + "norm2__weight"), self.w(name + "norm2__bias"))
            x = x + self._attention(name + "multihead_attn__", h, memory[None], None)
            h = _norm(x, self.w(name + "norm3__weight"), self.w(name + "norm3__bias"))
            inner = np.maximum(h @ self.w(name + "linear1__weight").T + self.w(name + "linear1__bias"), 0.0)
            x = x + inner @ self.w(name + "linear2__weight").T + self.w(name + "linear2__bias")
        out: Array = (x[:, 0] @ self.w("out__weight").T + self.w("out__bias"))[:, 0]
        return out.astype(np.float32)

    def _attention(self, name: str, queries: Array, keys: Array, pad: NDArray[np.bool_] | None) -> Array:
        """Multi-head attention as torch.nn.MultiheadAttention computes it (packed input projection)."""
        weight, bias = self.w(name + "in_proj_weight"), self.w(name + "in_proj_bias")
        d = queries.shape[-1]
        q = queries @ weight[:d].T + bias[:d]
        k = keys @ weight[d : 2 * d].T + bias[d : 2 * d]
        v = keys @ weight[2 * d :].T + bias[2 * d :]
        size = d // HEADS
        n, t = q.shape[0], q.shape[1]
        s = k.shape[1]
        q = np.ascontiguousarray(q.reshape(n, t, HEADS, size).transpose(0, 2, 1, 3))
        # Keys and values: one copy per head, shared by every point when they are the answer's (batch of 1).
        k = np.ascontiguousarray(k.reshape(k.shape[0], s, HEADS, size).transpose(0, 2, 3, 1))
        v = np.ascontiguousarray(v.reshape(v.shape[0], s, HEADS, size).transpose(0, 2, 1, 3))
        scores = q @ k / np.float32(np.sqrt(size))
        if pad is not None:
            scores = np.where(pad[:, None, None, :], -np.inf, scores)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        mixed = (scores @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
        result: Array = mixed @ self.w(name + "out_proj__weight").T + self.w(name + "out_proj__bias")
        return result

    def stacked(self, tree_probability: float, logit: float) -> float:
        """The probability of ✓ from the trees' and this model's evidence together (the logit held to the range
        it takes on the blind sets, so that `undecided` can tell when it cannot matter)."""
        trees, pair, intercept = self.stack
        low, high = LOGIT_RANGE
        z = trees * _log_odds(tree_probability) + pair * min(max(logit, low), high) + intercept
        return float(1.0 / (1.0 + np.exp(-z)))

    def undecided(self, tree_probability: float, threshold: float) -> bool:
        """Whether this model's logit can move the stacked probability across `threshold`: where it cannot, the
        answer need not be read (the stack at either end of the logit's range decides the same)."""
        low, high = LOGIT_RANGE
        return (self.stacked(tree_probability, low) >= threshold) != (
            self.stacked(tree_probability, high) >= threshold
        )


def _log_odds(probability: float) -> float:
    p = min(max(probability, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def _norm(x: Array, weight: Array, bias: Array) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Array = (x - mean) / np.sqrt(var + EPSILON) * weight + bias
    return out


_lock = threading.Lock()


@lru_cache(maxsize=1)
def model() -> PairModel | None:
    """The shipped pair model, or None where its file is absent (the trees then decide alone). Loading projects
    WordLlama's whole vocabulary once, so that an answer's feedback only looks its tokens up."""
    if not MODEL_PATH.exists():
        return None
    with _lock, np.load(MODEL_PATH) as data:
        weights = {
            key: data[key].astype(np.float32) for key in data.files if not key.startswith(("ref_", "stack"))
        }
        stack = tuple(float(v) for v in data["stack"]) if "stack" in data.files else (1.0, 0.0, 0.0)
    matrix = embeddings.matrix()
    unit = matrix / np.maximum(
        np.linalg.norm(matrix, axis=1, keepdims=True), 1e-6
    )  # as the model was trained
    with one_blas_thread():
        projected = (unit @ weights["proj__weight"].T + weights["proj__bias"]).astype(np.float32)
    return PairModel(weights, (stack[0], stack[1], stack[2]), projected)
