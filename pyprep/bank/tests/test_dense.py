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
