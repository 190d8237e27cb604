"""Dense search: WordLlama static embeddings loaded from the installed wheel, and an in-memory numpy index.

No ORM and no network here. The wordllama package ships its weights and tokenizer inside the wheel, but its own
loader looks for the tokenizer elsewhere and may fall back to Hugging Face; we open both files ourselves.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import cast

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import ThreadpoolController

MODEL = "l2_supercat"
WEIGHTS_FILE = f"weights/{MODEL}_256.safetensors"
TOKENIZER_FILE = f"tokenizers/{MODEL}_tokenizer_config.json"
# Matryoshka-trained: the first 256 dimensions are the full model; fewer would trade quality for speed.
DIMENSIONS = 256
MAX_TOKENS = 128
SUMMARY_IN_VECTOR = True

Matrix = NDArray[np.float32]


def package_files() -> tuple[Path, Path]:
    """Paths of the weights and the tokenizer inside the installed wordllama package."""
    root = Path(str(resources.files("wordllama")))
    weights, tokenizer = root / WEIGHTS_FILE, root / TOKENIZER_FILE
    for path in (weights, tokenizer):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: reinstall the wordllama wheel (uv sync)")
    return weights, tokenizer


def _unit(rows: Matrix) -> Matrix:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return (rows / norms).astype(np.float32)


class Embedder:
    """Average of token vectors, unit length: WordLlama's own recipe, without torch or downloads."""

    def __init__(self, *, weights: Path, tokenizer: Path, dimensions: int = DIMENSIONS) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        table = load_file(str(weights))["embedding.weight"]
        self.table: Matrix = np.ascontiguousarray(table[:, :dimensions], dtype=np.float32)
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.dimensions = dimensions

    def embed(self, texts: Sequence[str]) -> Matrix:
        """One unit vector per text (a zero vector for text without tokens)."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        # A query's two texts are encoded in this thread: encode_batch hands them to a thread pool, and on a busy
        # machine waiting for its threads cost more than the encoding (10 ms against 0.2).
        encodings = (
            [self.tokenizer.encode(text, add_special_tokens=False) for text in texts]
            if len(texts) <= 8
            else self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        )
        for row, encoding in enumerate(encodings):
            if encoding.ids:
                out[row] = self.table[encoding.ids].mean(axis=0)
        return _unit(out)

    def embed_question(self, *, title: str, asked_as: Sequence[str], summary: str) -> Matrix:
        """A question's vector: the mean of its title's, each phrasing's and its summary's unit vectors.

        Averaging unit vectors keeps a long summary from drowning the short ways the question is asked.
        """
        parts = [title, *asked_as, summary] if summary and SUMMARY_IN_VECTOR else [title, *asked_as]
        vectors = self.embed([part for part in parts if part.strip()] or [title])
        return _unit(vectors.mean(axis=0, keepdims=True))[0]

    def is_word(self, word: str) -> bool:
        """Whether the tokenizer knows the word whole: a real word of English (or code), not a typo."""
        return self.tokenizer.token_to_id(f"\u2581{word}") is not None


_embedder: Embedder | None = None
_embedder_lock = threading.Lock()


def embedder_get() -> Embedder:
    """The process's embedder, loaded once from the installed package (≈ 1 s, 32 MB)."""
    global _embedder
    with _embedder_lock:
        if _embedder is None:
            weights, tokenizer = package_files()
            _embedder = Embedder(weights=weights, tokenizer=tokenizer)
        return _embedder


@dataclass(frozen=True)
class Hit:
    id: int
    score: float


# A big index is searched in two passes: the first over the vectors' PREFILTER_DIMENSIONS principal components
# (a quarter of the memory to read), the second at full precision over the PREFILTER_CANDIDATES best of the
# first. The rotation onto principal components is orthogonal, so the second pass scores exactly as one pass
# would; measured on a 50,000-question bank, the top 50 came back with the same scores for 549 of 562 queries
# and the same top 10 for 560 (the others swap near-equal neighbours). Smaller indexes take the single pass.
PREFILTER_DIMENSIONS = 64
PREFILTER_CANDIDATES = 800
PREFILTER_MIN_ROWS = 4 * PREFILTER_CANDIDATES


_blas: ThreadpoolController | None = None
_blas_lock = threading.Lock()


def one_blas_thread() -> AbstractContextManager[object]:
    """Run a query's matrix products on the calling thread alone. OpenBLAS hands a product of more than ~9,000
    numbers to a thread per core; on a busy machine, or a server running a worker per core, waiting for those
    threads cost far more than the product: at 50,000 rows the first pass took a median 24 ms with them and
    0.6 ms without (p95 42 against 9), measured on the shared 2-core machine."""
    global _blas
    if _blas is None:
        with _blas_lock:
            if _blas is None:
                _blas = ThreadpoolController()
    return cast(AbstractContextManager[object], _blas.limit(limits=1, user_api="blas"))


class DenseIndex:
    """Unit vectors in one float32 matrix; a query is one matrix-vector product and a partial sort (two, on a
    big index: see PREFILTER_DIMENSIONS)."""

    def __init__(self, dimensions: int = DIMENSIONS) -> None:
        self.dimensions = dimensions
        self.ids: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.matrix: Matrix = np.zeros((0, dimensions), dtype=np.float32)
        self._row: dict[int, int] = {}
        # (rotation onto the leading principal components, every row rotated, rows when it was fitted)
        self._prefilter: tuple[Matrix, Matrix, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def two_pass(self) -> bool:
        """Whether a search reads the principal components first (the index is big enough to gain from it)."""
        return self._prefilter is not None

    def replace(self, items: Iterable[tuple[int, Matrix]]) -> None:
        pairs = list(items)
        self.ids = np.array([pk for pk, _ in pairs], dtype=np.int64)
        self.matrix = (
            np.vstack([vector for _, vector in pairs]).astype(np.float32)
            if pairs
            else np.zeros((0, self.dimensions), dtype=np.float32)
        )
        self._row = {int(pk): row for row, pk in enumerate(self.ids)}
        self._prefilter = None
        self._prefilter_update()

    def _prefilter_update(self, changed: list[int] | None = None) -> None:
        """Keep the first-pass matrix in step with `matrix`: refit the rotation when the index has doubled since
        the last fit, else rotate the rows that changed (`changed`) and the rows appended since."""
        rows = len(self.ids)
        prefilter = self._prefilter
        if rows < PREFILTER_MIN_ROWS or self.dimensions <= PREFILTER_DIMENSIONS:
            self._prefilter = None
            return
        if prefilter is None or rows >= 2 * prefilter[2]:
            # Eigenvectors of the (uncentred) second moment: any orthogonal basis keeps dot products exact.
            _, vectors = np.linalg.eigh(self.matrix.T.astype(np.float64) @ self.matrix.astype(np.float64))
            rotation = np.ascontiguousarray(vectors[:, ::-1][:, :PREFILTER_DIMENSIONS], dtype=np.float32)
            self._prefilter = (rotation, np.ascontiguousarray(self.matrix @ rotation), rows)
            return
        rotation, first, fitted = prefilter
        if changed:
            first[changed] = self.matrix[changed] @ rotation
        if len(first) < rows:
            first = np.vstack([first, self.matrix[len(first) :] @ rotation])
        self._prefilter = (rotation, first, fitted)

    def upsert(self, items: Iterable[tuple[int, Matrix]]) -> None:
        fresh: list[tuple[int, Matrix]] = []
        changed: list[int] = []
        for pk, vector in items:
            row = self._row.get(pk)
            if row is None:
                fresh.append((pk, vector))
            else:
                self.matrix[row] = vector
                changed.append(row)
        if fresh:
            start = len(self.ids)
            self.ids = np.concatenate([self.ids, np.array([pk for pk, _ in fresh], dtype=np.int64)])
            self.matrix = np.vstack([self.matrix, *[vector[None, :] for _, vector in fresh]]).astype(
                np.float32
            )
            self._row.update({pk: start + offset for offset, (pk, _) in enumerate(fresh)})
        if fresh or changed:
            self._prefilter_update(changed)

    def search(self, vector: Matrix, *, k: int) -> list[Hit]:
        """The k nearest vectors by cosine similarity, best first."""
        ids, matrix, prefilter = self.ids, self.matrix, self._prefilter
        if not len(ids) or k <= 0:
            return []
        with one_blas_thread():
            return self._search(ids, matrix, prefilter, vector, k=k)

    @staticmethod
    def _search(
        ids: NDArray[np.int64],
        matrix: Matrix,
        prefilter: tuple[Matrix, Matrix, int] | None,
        vector: Matrix,
        *,
        k: int,
    ) -> list[Hit]:
        if prefilter is not None and len(prefilter[1]) == len(ids) and k < PREFILTER_CANDIDATES:
            rotation, first, _ = prefilter
            rough = first @ (vector @ rotation)
            # The candidates are the last places of an ascending partition: no negated copy of every score.
            cut = len(rough) - PREFILTER_CANDIDATES
            rows = np.sort(np.argpartition(rough, cut)[cut:])
            scores = matrix[rows] @ vector
        else:
            rows, scores = np.arange(len(ids)), matrix @ vector
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [Hit(int(ids[rows[i]]), float(scores[i])) for i in top]
