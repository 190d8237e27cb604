"""Dense search runs offline from the installed wordllama wheel, and its index returns the nearest questions."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from pyprep.bank import dense


def test_the_embedder_loads_from_the_installed_package_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the embedder tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    weights, tokenizer = dense.package_files()
    embedder = dense.Embedder(weights=weights, tokenizer=tokenizer)
    vectors = embedder.embed(["How do decorators work?", "What does a decorator do?", "SQL injection"])
    assert vectors.shape == (3, dense.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_the_index_returns_the_k_nearest_best_first_and_follows_updates() -> None:
    index = dense.DenseIndex(dimensions=2)
    index.upsert([(1, np.array([1.0, 0.0], np.float32)), (2, np.array([0.0, 1.0], np.float32))])
    index.upsert([(3, np.array([0.8, 0.6], np.float32))])
    query = np.array([1.0, 0.0], np.float32)
    assert [hit.id for hit in index.search(query, k=2)] == [1, 3]
    index.upsert([(1, np.array([-1.0, 0.0], np.float32))])
    assert [hit.id for hit in index.search(query, k=3)] == [3, 2, 1]


def test_a_big_index_is_searched_in_two_passes_and_finds_what_one_product_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dense, "PREFILTER_DIMENSIONS", 8)
    monkeypatch.setattr(dense, "PREFILTER_CANDIDATES", 100)
    monkeypatch.setattr(dense, "PREFILTER_MIN_ROWS", 400)
    rng = np.random.default_rng(7)
    # Vectors that vary mostly along a few directions, as sentence embeddings do.
    rows = rng.normal(size=(1000, 6)) @ rng.normal(size=(6, 32)) + 0.05 * rng.normal(size=(1000, 32))
    rows = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    index = dense.DenseIndex(dimensions=32)
    index.upsert([(pk, rows[pk]) for pk in range(600)])
    index.upsert([(pk, rows[pk]) for pk in range(600, 1000)])
    assert index.two_pass
    for query in rows[:20]:
        exact = np.argsort(-(rows @ query), kind="stable")[:10]
        assert [hit.id for hit in index.search(query, k=10)] == exact.tolist()
    index.upsert([(999, -rows[0])])
    assert index.search(-rows[0], k=1)[0].id == 999


def test_a_small_index_is_searched_in_one_pass() -> None:
    index = dense.DenseIndex(dimensions=2)
    index.upsert([(1, np.array([1.0, 0.0], np.float32))])
    assert not index.two_pass
