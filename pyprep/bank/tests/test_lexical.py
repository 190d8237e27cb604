"""The in-memory lexical index scores as SQLite FTS5's bm25 does, and follows rows added, changed and removed."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest

from pyprep.bank import lexical
from pyprep.bank.lexical import LexicalIndex

WEIGHTS = (10.0, 10.0, 4.0, 3.0, 0.0, 2.0)
CONTENT = Path(__file__).resolve().parents[3] / "content" / "questions"


def _bank_words() -> list[str]:
    text = " ".join(path.read_text() for path in sorted(CONTENT.glob("*/*.md"))[:80])
    return re.findall(r"[A-Za-z][A-Za-z0-9]*", text)


def _corpus(rows: int, seed: int) -> list[tuple[int, list[str]]]:
    rng = random.Random(seed)
    words = _bank_words()
    sizes = (8, 20, 25, 30, 90, 3)
    return [(pk, [" ".join(rng.choices(words, k=size)) for size in sizes]) for pk in range(1, rows + 1)]


def _fts5_top(
    corpus: list[tuple[int, list[str]]], words: list[tuple[str, int]], k: int
) -> list[tuple[int, float]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a, b, c, d, e, f, tokenize = 'porter unicode61')")
    db.executemany(
        "INSERT INTO t (rowid, a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?, ?)", [[pk, *c] for pk, c in corpus]
    )
    match = " OR ".join(f'"{word}"' for word, repeat in words for _ in range(repeat))
    weights = ", ".join(map(str, WEIGHTS))
    rows = db.execute(
        f"SELECT rowid, -bm25(t, {weights}) FROM t WHERE t MATCH ? ORDER BY bm25(t, {weights}), rowid LIMIT ?",  # noqa: S608
        [match, k],
    ).fetchall()
    return [(pk, score) for pk, score in rows]


def _queries(seed: int, count: int) -> list[list[tuple[str, int]]]:
    rng = random.Random(seed)
    words = [word.lower() for word in _bank_words() if len(word) > 3]
    return [
        [(word, rng.choice((1, 1, 2, 3))) for word in rng.sample(words, rng.randint(1, 5))]
        for _ in range(count)
    ]


def _assert_same_ranking(
    live: LexicalIndex, fresh: LexicalIndex, queries: list[list[tuple[str, int]]], *, k: int
) -> None:
    """The index grown by changes ranks and scores every query exactly as one built afresh from the same rows."""
    for words in queries:
        ours, theirs = live.top(words, k=k), fresh.top(words, k=k)
        assert [pk for pk, _ in ours] == [pk for pk, _ in theirs], words
        assert [score for _, score in ours] == pytest.approx([score for _, score in theirs]), words


def test_scores_and_order_match_sqlite_fts5_bm25_on_bank_text() -> None:
    corpus = _corpus(400, seed=1)
    index = LexicalIndex(WEIGHTS)
    index.build(corpus)
    same = 0
    queries = _queries(seed=2, count=60)
    for words in queries:
        ours = index.top(words, k=10)
        theirs = _fts5_top(corpus, words, k=10)
        same += [pk for pk, _ in ours] == [pk for pk, _ in theirs]
        for (pk, score), (their_pk, their_score) in zip(ours, theirs, strict=False):
            if pk == their_pk:
                assert score == pytest.approx(their_score, rel=0.05)
    # The Porter stemmers differ on a few rare words ("possibly"), so an order may differ now and then.
    assert same >= 0.95 * len(queries)


def test_a_changed_row_scores_as_if_the_index_had_been_built_with_it() -> None:
    corpus = _corpus(200, seed=3)
    live = LexicalIndex(WEIGHTS)
    live.build(corpus)
    changed = dict(corpus)
    changed[7] = ["zeppelin airship", "zeppelin", "", "", "long answer text", "basics"]
    live.upsert(7, changed[7])
    live.remove(9)
    del changed[9]
    live.upsert(1000, ["a brand new zeppelin question", "", "", "", "", ""])
    changed[1000] = ["a brand new zeppelin question", "", "", "", "", ""]
    fresh = LexicalIndex(WEIGHTS)
    fresh.build(sorted(changed.items()))
    _assert_same_ranking(live, fresh, [[("zeppelin", 1)], *_queries(seed=4, count=20)], k=10)
    assert 9 not in live
    assert len(live) == len(fresh)


def test_the_overlay_of_changed_rows_is_folded_in_without_changing_any_score(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lexical, "OVERLAY_MAX", 5)
    corpus = _corpus(120, seed=5)
    live = LexicalIndex(WEIGHTS)
    live.build(corpus[:60])
    for pk, columns in corpus[60:]:
        live.upsert(pk, columns)  # compacts every few rows
    fresh = LexicalIndex(WEIGHTS)
    fresh.build(corpus)
    _assert_same_ranking(live, fresh, _queries(seed=6, count=20), k=15)


def test_a_big_batch_of_new_and_changed_rows_is_folded_in_at_once_and_scores_as_a_fresh_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lexical, "BATCH_UPSERT_MAX", 10)
    corpus = _corpus(150, seed=7)
    live = LexicalIndex(WEIGHTS)
    live.build(corpus[:50])
    live.upsert(3, ["one row changed on its own", "", "", "", "", ""])
    batch = [(pk, ["changed in the batch", *columns[1:]]) for pk, columns in corpus[:20]] + corpus[50:]
    live.upsert_many(batch)  # 120 rows: more than the batch limit
    assert live.overlay_rows == 0
    fresh = LexicalIndex(WEIGHTS)
    fresh.build(sorted({**dict(corpus), **dict(batch)}.items()))
    _assert_same_ranking(live, fresh, [[("changed", 1)], *_queries(seed=8, count=20)], k=15)
    live.upsert_many(corpus[:3])  # a few rows go to the overlay one by one
    assert live.overlay_rows == 3


def test_only_allowed_rows_are_returned_and_the_k_best_of_them() -> None:
    corpus = [(pk, [f"generator number {pk}", "", "", "", "", ""]) for pk in range(1, 301)]
    index = LexicalIndex(WEIGHTS)
    index.build(corpus)
    asked: list[int] = []

    def only_odd(candidates: list[int]) -> set[int]:
        asked.append(len(candidates))
        return {pk for pk in candidates if pk % 2}

    hits = index.top([("generator", 1)], k=120, allowed=only_odd)
    assert len(hits) == 120
    assert all(pk % 2 for pk, _ in hits)
    assert [pk for pk, _ in hits] == sorted(
        pk for pk, _ in hits
    )  # equal scores: lower pk first, as FTS5's rowid
    assert max(asked) < 300  # asked in batches, not about every match at once


def test_tokens_are_folded_and_stemmed_like_porter_unicode61() -> None:
    assert lexical.tokens("Metaclasses' __init_subclass__ CAFÉ b64encode") == [
        "metaclass",
        "init",
        "subclass",
        "cafe",
        "b64encod",
    ]
