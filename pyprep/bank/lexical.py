"""Lexical search in memory: SQLite FTS5's bm25 over the same columns and weights, scored with numpy. No ORM.

The database ranking had to score every matching row (13,000 of 50,000 for a typical query) before it could
return the best k; here the postings are numpy arrays, so one query is a few vector operations and a partial
sort, whatever the engine (SQLite or PostgreSQL rank the same way). The database stays the source of truth:
search.py builds this index from its rows and brings it up to date when they move.

Scoring is FTS5's bm25 exactly (fts5_aux.c): for each query phrase p, in every matching row,

    idf(p) * f(p) * (k1 + 1) / (f(p) + k1 * (1 - b + b * D / avgdl))

where f(p) sums the column weight over p's occurrences in the row, D is the row's length in tokens over all
columns, avgdl the mean of D, idf(p) = log((N - n(p) + 0.5) / (n(p) + 0.5)) floored at 1e-6, N the rows and n(p)
the rows containing p. A column of weight 0 still makes a row match and still counts in D. Tokens are FTS5's
"porter unicode61": runs of letters and digits, case-folded, diacritics removed, then the Porter stemmer.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np
import snowballstemmer
from numpy.typing import NDArray

K1 = 1.2
B = 0.75
TOKEN_RE = re.compile(r"[^\W_]+")
# FTS5's porter tokenizer leaves tokens shorter than 3 or longer than 64 characters as they are.
PORTER_MIN, PORTER_MAX = 3, 64
# Changed or added rows wait in a small overlay; past this many the postings are rebuilt in one pass.
OVERLAY_MAX = 2000
# A batch of more rows than this is folded into the compacted postings at once (upsert_many).
BATCH_UPSERT_MAX = 64

_stemmer = snowballstemmer.stemmer("porter")
_stemmer_lock = threading.Lock()


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    # Like FTS5's porter, words with digits are stemmed too ("b64encode"); other scripts are left alone.
    if not PORTER_MIN <= len(token) <= PORTER_MAX or not token.isascii():
        return token
    with _stemmer_lock:  # a snowballstemmer object is not safe to share between threads
        return str(_stemmer.stemWord(token))


@lru_cache(maxsize=200_000)
def _fold(token: str) -> str:
    token = token.lower()
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFD", token)  # canonical only: "²" stays "²", as in unicode61
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def term_of(raw: str) -> str:
    """The index term of one raw token (letters and digits as the text has them)."""
    return stem(_fold(raw))


def tokens(text: str) -> list[str]:
    """The index terms of a text, in order, as FTS5's "porter unicode61" tokenizer makes them."""
    return [term_of(raw) for raw in TOKEN_RE.findall(text.lower())]


def term_counts(text: str) -> tuple[Counter[str], int]:
    """How often each index term occurs in a text, and how many tokens it has (counted in C, then mapped)."""
    raw = Counter(TOKEN_RE.findall(text.lower()))
    counts: Counter[str] = Counter()
    for token, count in raw.items():
        counts[term_of(token)] += count
    return counts, raw.total()


Postings = tuple[NDArray[np.int64], NDArray[np.float64]]  # rows, weighted frequencies


class LexicalIndex:
    """Rows of weighted columns, each row identified by a question's primary key."""

    def __init__(self, weights: Sequence[float]) -> None:
        self.weights = tuple(float(w) for w in weights)
        self._lock = threading.Lock()
        self._pks: list[int] = []
        self._row_of: dict[int, int] = {}
        self._lengths: list[float] = []
        self._alive: list[bool] = []
        self._live_tokens = 0.0
        # Compacted postings: term -> (rows, weighted frequency per row), rows ascending.
        self._base: dict[str, Postings] = {}
        self._base_rows = 0  # rows [0, _base_rows) are in _base; later rows are in the overlay
        # Rows changed since: row -> term -> weighted frequency (0.0: matched in a column that does not rank).
        self._overlay: dict[int, dict[str, float]] = {}
        self._base_dead = False  # whether a row of _base died since the postings were compacted
        # Per-row arrays for scoring, rebuilt after a change: pks, bm25's length part of the denominator, alive.
        self._arrays: tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.bool_]] | None = None

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, pk: int) -> bool:
        return pk in self._row_of

    # ---- writing -----------------------------------------------------------------------------------------

    def _row_terms(self, columns: Sequence[str]) -> tuple[dict[str, float], int]:
        if len(columns) != len(self.weights):
            raise ValueError(f"expected {len(self.weights)} columns, got {len(columns)}")
        freqs: dict[str, float] = defaultdict(float)
        length = 0
        for text, weight in zip(columns, self.weights, strict=True):
            counts, size = term_counts(text)
            length += size
            for term, count in counts.items():
                freqs[term] += weight * count
        return freqs, length

    def _append(self, pk: int, length: int) -> int:
        row = len(self._pks)
        self._pks.append(pk)
        self._lengths.append(float(length))
        self._alive.append(True)
        self._row_of[pk] = row
        self._live_tokens += length
        return row

    def _kill(self, pk: int) -> None:
        row = self._row_of.pop(pk, None)
        if row is not None:
            self._alive[row] = False
            self._live_tokens -= self._lengths[row]
            self._overlay.pop(row, None)
            self._base_dead |= row < self._base_rows

    def upsert(self, pk: int, columns: Sequence[str]) -> None:
        """Index (or re-index) one row: its column texts in the order of the weights."""
        freqs, length = self._row_terms(columns)
        with self._lock:
            self._kill(pk)
            row = self._append(pk, length)
            self._overlay[row] = freqs
            self._arrays = None
            if len(self._overlay) > OVERLAY_MAX:
                self._compact()

    def upsert_many(self, rows: Iterable[tuple[int, Sequence[str]]]) -> None:
        """Index (or re-index) these rows: one by one into the overlay when they are few, else folded into the
        compacted postings at once. Rows left in the overlay are scanned by every query term, so a bank
        grown by thousands of rows through `upsert` answered searches about twice as slowly (50,000 rows)."""
        batch = list(rows)
        if len(batch) <= BATCH_UPSERT_MAX:
            for pk, columns in batch:
                self.upsert(pk, columns)
            return
        self.build(batch)
        if self._overlay:  # rows upserted one by one before this batch
            with self._lock:
                self._compact()

    @property
    def overlay_rows(self) -> int:
        """How many changed rows wait in the overlay to be folded into the compacted postings."""
        return len(self._overlay)

    def remove(self, pk: int) -> None:
        with self._lock:
            self._kill(pk)
            self._arrays = None

    def build(self, rows: Iterable[tuple[int, Sequence[str]]]) -> None:
        """Index many rows at once (a fresh start). Token ids are gathered per text with C-level calls and
        summed per (term, row) by numpy, so 50,000 rows take seconds, not minutes."""
        term_ids: dict[str, int] = {}
        raw_ids: dict[str, int] = {}  # raw lower-case token -> term id
        ids = array("q")
        segment_rows: list[int] = []
        segment_columns: list[int] = []
        segment_sizes: list[int] = []
        with self._lock:
            for pk, columns in rows:
                if len(columns) != len(self.weights):
                    raise ValueError(f"expected {len(self.weights)} columns, got {len(columns)}")
                self._kill(pk)
                row = self._append(pk, 0)
                length = 0
                for column, text in enumerate(columns):
                    raw = TOKEN_RE.findall(text.lower())
                    for token in set(raw).difference(raw_ids):
                        raw_ids[token] = term_ids.setdefault(term_of(token), len(term_ids))
                    ids.extend(map(raw_ids.__getitem__, raw))
                    segment_rows.append(row)
                    segment_columns.append(column)
                    segment_sizes.append(len(raw))
                    length += len(raw)
                self._lengths[row] = float(length)
                self._live_tokens += length
            self._arrays = None
            if not ids:
                return
            sizes = np.asarray(segment_sizes, dtype=np.int64)
            row_of_token = np.repeat(np.asarray(segment_rows, dtype=np.int64), sizes)
            weight_of_token = np.repeat(np.asarray(self.weights, dtype=np.float64)[segment_columns], sizes)
            width = len(self._pks)
            keys, inverse = np.unique(
                np.frombuffer(ids, dtype=np.int64) * width + row_of_token, return_inverse=True
            )
            weighted: NDArray[np.float64] = np.bincount(inverse, weights=weight_of_token).astype(np.float64)
            terms, quotient_rows = np.divmod(keys, width)
            rows_of: NDArray[np.int64] = quotient_rows.astype(np.int64)
            bounds = np.flatnonzero(np.diff(terms)) + 1
            names = list(term_ids)
            fresh: dict[str, Postings] = {}
            for start, end in zip(
                np.concatenate(([0], bounds)).tolist(),
                np.concatenate((bounds, [len(terms)])).tolist(),
                strict=True,
            ):
                fresh[names[int(terms[start])]] = (rows_of[start:end], weighted[start:end])
            if not self._base and not self._overlay:
                self._base, self._base_rows, self._base_dead = fresh, len(self._pks), False
            else:  # rows added to a live index: fold them in like changed rows
                for name, (rows_part, freqs_part) in fresh.items():
                    for row, freq in zip(rows_part.tolist(), freqs_part.tolist(), strict=True):
                        self._overlay.setdefault(row, {})[name] = freq
                self._compact()

    def _compact(self) -> None:
        term_ids: dict[str, int] = {}
        term_col: list[int] = []
        row_col: list[int] = []
        freq_col: list[float] = []
        for row, freqs in self._overlay.items():
            for term, freq in freqs.items():
                term_col.append(term_ids.setdefault(term, len(term_ids)))
                row_col.append(row)
                freq_col.append(freq)
        self._overlay = {}
        self._merge_base(term_ids, term_col, row_col, freq_col)

    def _merge_base(
        self, term_ids: dict[str, int], term_col: list[int], row_col: list[int], freq_col: list[float]
    ) -> None:
        """Fold new (term, row, frequency) triples into the compacted postings; dead rows are dropped."""
        alive = np.fromiter(self._alive, dtype=bool, count=len(self._alive))
        terms = np.asarray(term_col, dtype=np.int64)
        rows = np.asarray(row_col, dtype=np.int64)
        freqs = np.asarray(freq_col, dtype=np.float64)
        order = np.lexsort((rows, terms))
        terms, rows, freqs = terms[order], rows[order], freqs[order]
        bounds = np.flatnonzero(np.diff(terms)) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(terms)]))
        names = list(term_ids)
        merged = dict(self._base)
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if start == end:
                continue
            name = names[int(terms[start])]
            new_rows, new_freqs = rows[start:end], freqs[start:end]
            old = merged.get(name)
            if old is not None:
                new_rows = np.concatenate((old[0], new_rows))
                new_freqs = np.concatenate((old[1], new_freqs))
            keep = alive[new_rows]
            merged[name] = (new_rows[keep], new_freqs[keep])
        # Terms nobody added to this time may still point at rows that died since.
        for name, (old_rows, old_freqs) in merged.items():
            keep = alive[old_rows]
            if not keep.all():
                merged[name] = (old_rows[keep], old_freqs[keep])
        self._base = {name: postings for name, postings in merged.items() if len(postings[0])}
        self._base_rows = len(self._pks)
        self._base_dead = False
        self._arrays = None

    # ---- reading ------------------------------------------------------------------------------------------

    def _snapshot(self) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.bool_]]:
        if self._arrays is None:
            lengths = np.asarray(self._lengths, dtype=np.float64)
            avgdl = self._live_tokens / len(self._row_of) if self._row_of else 0.0
            length_part = K1 * (1 - B + B * lengths / avgdl) if avgdl else np.full(len(lengths), K1)
            self._arrays = (
                np.asarray(self._pks, dtype=np.int64),
                length_part,
                np.asarray(self._alive, dtype=bool),
            )
        return self._arrays

    def _postings(self, term: str, alive: NDArray[np.bool_]) -> Postings:
        rows_parts: list[NDArray[np.int64]] = []
        freq_parts: list[NDArray[np.float64]] = []
        base = self._base.get(term)
        if base is not None:
            if self._base_dead:
                keep = alive[base[0]]
                base = (base[0][keep], base[1][keep])
            rows_parts.append(base[0])
            freq_parts.append(base[1])
        extra = [(row, freqs[term]) for row, freqs in self._overlay.items() if term in freqs]
        if extra:
            rows_parts.append(np.fromiter((row for row, _ in extra), dtype=np.int64, count=len(extra)))
            freq_parts.append(np.fromiter((freq for _, freq in extra), dtype=np.float64, count=len(extra)))
        if not rows_parts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        if len(rows_parts) == 1:
            return rows_parts[0], freq_parts[0]
        return np.concatenate(rows_parts), np.concatenate(freq_parts)

    def scores(self, phrases: Sequence[tuple[str, int]]) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Every matching row's primary key and bm25 score (higher is better), unordered.

        `phrases` are (query word, repeat): a word repeated counts again, as a phrase repeated in an FTS5 query.
        """
        with self._lock:
            pks, length_part, alive = self._snapshot()
            count = len(self._row_of)
            if not count:
                return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
            total = np.zeros(len(pks), dtype=np.float64)
            matched = np.zeros(len(pks), dtype=bool)
            for word, repeat in phrases:
                for term in tokens(word):
                    rows, freqs = self._postings(term, alive)
                    if not len(rows):
                        continue
                    hits = len(rows)
                    idf = math.log((count - hits + 0.5) / (hits + 0.5))
                    idf = idf if idf > 0.0 else 1e-6
                    contribution = idf * freqs * (K1 + 1.0) / (freqs + length_part[rows])
                    total[rows] += repeat * contribution  # a term's rows are distinct
                    matched[rows] = True
            rows = np.flatnonzero(matched)
            return pks[rows], total[rows]

    def top(
        self,
        phrases: Sequence[tuple[str, int]],
        *,
        k: int,
        allowed: Callable[[list[int]], set[int]] | None = None,
    ) -> list[tuple[int, float]]:
        """The k best (pk, score), best first, ties by pk; `allowed` filters a batch of candidate pks."""
        pks, scores = self.scores(phrases)
        out: list[tuple[int, float]] = []
        start, batch = 0, max(k * 2, 50)
        while start < len(pks):
            # Only the next `batch` best are sorted (score descending, then pk: FTS5's ORDER BY bm25, rowid).
            if len(pks) - start > batch:
                best = np.argpartition(-scores, start + batch - 1)[: start + batch]
            else:
                best = np.arange(len(pks))
            order = best[np.lexsort((pks[best], -scores[best]))]
            chunk = order[start : start + batch]
            start += batch
            candidates = pks[chunk].tolist()
            keep = set(candidates) if allowed is None else allowed(candidates)
            out.extend(
                (pk, float(score))
                for pk, score in zip(candidates, scores[chunk].tolist(), strict=True)
                if pk in keep
            )
            if len(out) >= k:
                break
            batch *= 4
        return out[:k]
