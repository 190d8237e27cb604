"""Static word embeddings (WordLlama, 256-d), loaded from the files inside the installed wheel; no network.

WordLlama's own loader looks for the tokenizer in a cache folder the wheel does not fill and may try to
download it, so the two files the wheel ships are read here directly: the tokenizer configuration and the
safetensors embedding matrix. A text's vector is the mean of its tokens' vectors, normalised, as WordLlama
computes it. Embeddings do not see negation or who-does-what: the matcher never uses them alone.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from safetensors.numpy import load_file
from tokenizers import Tokenizer

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"

_lock = threading.Lock()
_model: tuple[Tokenizer, NDArray[np.float32]] | None = None


def package_files() -> tuple[Path, Path]:
    """Where the installed wordllama wheel keeps its tokenizer and weights."""
    root = resources.files("wordllama")
    return Path(str(root / TOKENIZER)), Path(str(root / WEIGHTS))


def _load() -> tuple[Tokenizer, NDArray[np.float32]]:
    global _model
    with _lock:
        if _model is None:
            tokenizer_path, weights_path = package_files()
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
            tokenizer.no_padding()
            tokenizer.no_truncation()
            matrix = load_file(str(weights_path))["embedding.weight"].astype(np.float32)
            _model = (tokenizer, np.ascontiguousarray(matrix))
        return _model


@lru_cache(maxsize=4096)
def embed(text: str) -> NDArray[np.float32]:
    """A unit vector for `text` (zeros for text without tokens)."""
    tokenizer, matrix = _load()
    ids = tokenizer.encode(text, add_special_tokens=False).ids
    if not ids:
        return np.zeros(matrix.shape[1], dtype=np.float32)
    vector = matrix[np.clip(np.asarray(ids), 0, matrix.shape[0] - 1)].mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def token_ids(text: str) -> list[int]:
    """The ids of `text`'s tokens (WordLlama's Llama tokenizer: words and word pieces)."""
    tokenizer, matrix = _load()
    ids = tokenizer.encode(text, add_special_tokens=False).ids
    return np.clip(np.asarray(ids, dtype=np.int64), 0, matrix.shape[0] - 1).tolist() if ids else []


def token_vectors(ids: list[int]) -> NDArray[np.float32]:
    """A unit vector per token id, one row each: the tokens' own meanings, before any averaging."""
    _, matrix = _load()
    rows = (
        matrix[np.asarray(ids, dtype=np.int64)] if ids else np.zeros((0, matrix.shape[1]), dtype=np.float32)
    )
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.where(norms > 0, norms, 1.0)).astype(np.float32)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """Each token id's text, "▁" marking a word's start."""
    tokenizer, matrix = _load()
    return tuple(tokenizer.id_to_token(i) or "" for i in range(matrix.shape[0]))


def embed_many(texts: list[str]) -> NDArray[np.float32]:
    """Unit vectors for several texts, one row each."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    tokenizer, matrix = _load()
    rows = []
    # One encode per text: encode_batch spreads a handful of short texts over threads, which costs more.
    for text in texts:
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        if not ids:
            rows.append(np.zeros(matrix.shape[1], dtype=np.float32))
            continue
        vector = matrix[np.clip(np.asarray(ids), 0, matrix.shape[0] - 1)].mean(axis=0)
        norm = float(np.linalg.norm(vector))
        rows.append(vector / norm if norm else vector)
    return np.vstack(rows).astype(np.float32)


def matrix() -> NDArray[np.float32]:
    """WordLlama's token vectors, one row per token id (as the wheel ships them, not normalised)."""
    return _load()[1]
