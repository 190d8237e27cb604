"""Which key points a typed answer covers: a pure, deterministic, offline matcher (no ORM, no network).

The matcher compares content words. Each word is lower-cased, mapped through a small table of Python
synonyms ("dictionary" → dict, "==" → equal) and reduced to a stem (light suffix stripping, then the first
six letters), so "overridden" meets "override" and "identical" meets "identity". A key point is covered when
enough of its weighted words appear in the answer, at least one of them a word the question itself does not
already give away. Before any of that, answers that are noise cover nothing: empty, "I don't know", the
question copied back, or a bare list of keywords with no sentence around them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Thresholds, kept together so the evaluation note can say which values produced its figures.
COVER_RATIO = 0.4  # share of a key point's weighted words the answer must contain
MIN_MATCHED = 2  # ...and at least this many distinct words (fewer only when the point has fewer)
QUESTION_WORD_WEIGHT = 0.5  # words the question already contains prove little
GENERIC_WORD_WEIGHT = 0.6  # words most Python answers contain anyway
SHARED_WORD_WEIGHT = 0.6  # words several key points of the same question share tell them apart poorly
MIN_ANSWER_WORDS = 3  # fewer content words than this is not an answer
COPY_SHARE = 0.8  # an answer whose words are this much the question's is the question copied back
LIST_MIN_WORDS = 6  # a keyword list needs at least this many words before we call it one
LIST_STRUCTURE_SHARE = 0.12  # below this share of structure words, the answer is a keyword list
STEM_LENGTH = 6

NOTICE_EMPTY = "Type an answer to get feedback on the key points it covers."
NOTICE_DONT_KNOW = "Saying you don't know covers no key point; read the answer and rate honestly."
NOTICE_COPY = "The answer repeats the question's words; it needs to say something the question does not."
NOTICE_LIST = "This reads as a list of keywords. Explain in sentences how they fit together to get credit."

_TOKEN_RE = re.compile(r"==|!=|<=|>=|:=|->|\*\*|//|__[A-Za-z0-9]+__|[A-Za-z][A-Za-z0-9']*|\d+(?:\.\d+)?")
_DONT_KNOW_RE = re.compile(
    r"\b(?:i\s+)?(?:do\s*n[o']?t|dont|don’t)\s+know\b|\bno\s+(?:idea|clue)\b|\bnot\s+sure\b|\bidk\b|"
    r"\bno\s+answer\b|\bcan'?t\s+remember\b|\bforgot\b|\bdunno\b|^\s*(?:pass|skip|\?+|n/?a)\s*[.!]*\s*$",
    re.IGNORECASE,
)
_BIG_O_RE = {
    re.compile(r"\bO\(1\)", re.IGNORECASE): " constant time ",
    re.compile(r"\bO\(n\)", re.IGNORECASE): " linear time ",
    re.compile(r"\bO\(log\s*n\)", re.IGNORECASE): " logarithmic time ",
    re.compile(r"\bO\(n\s*\^?\*{0,2}\s*2\)", re.IGNORECASE): " quadratic time ",
}

STOPWORDS = frozenset(
    """a about above after again against all am an any are aren't as at be because been before being below
    between both but by can could did didn't do does doesn't doing don't down during each few for from further
    had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'm if in into is
    isn't it it's its itself let's me more most my myself no nor not of off on once only other ought our ours
    ourselves out over own same she should shouldn't so some such than that that's the their theirs them
    themselves then there there's these they they're this those through to too under until up very was wasn't
    we we're were weren't what what's when where which while who whom why will with won't would wouldn't you
    you're your yours yourself yourselves also just really basically simply actually like e g eg i e ie etc
    thing things something way ways python one ones get gets got make makes made use uses used using
    usually often always sometimes mean means may might must shall us
    """.split()
)
# Words that carry no structure either: the joiners keyword lists are made with.
_JOINERS = frozenset({"and", "or", "plus", "then", "also"})
STRUCTURE_WORDS = (STOPWORDS | {"and", "or"}) - _JOINERS - {"python", "thing", "things", "something"}
STOPWORDS = STOPWORDS | {"and", "or"}

GENERIC = frozenset(
    {"object", "value", "type", "functi", "method", "class", "code", "call", "return", "variab"}
)

# Surface form → canonical word(s). Applied to lower-cased tokens before stemming.
SYNONYMS: dict[str, str] = {
    "==": "equal",
    "!=": "equal",
    "equality": "equal",
    "equals": "equal",
    "identical": "identity",
    "id": "identity",
    "dictionary": "dict",
    "dictionaries": "dict",
    "dicts": "dict",
    "hashmap": "dict",
    "mapping": "dict",
    "func": "function",
    "funcs": "function",
    "fn": "function",
    "def": "function",
    "arg": "argument",
    "args": "argument",
    "param": "argument",
    "params": "argument",
    "parameter": "argument",
    "parameters": "argument",
    "kwargs": "keyword argument",
    "kwarg": "keyword argument",
    "mutate": "mutable",
    "mutates": "mutable",
    "mutated": "mutable",
    "mutation": "mutable",
    "mutability": "mutable",
    "changeable": "mutable",
    "modifiable": "mutable",
    "modify": "mutable",
    "modified": "mutable",
    "modifies": "mutable",
    "modifying": "mutable",
    "immutability": "immutable",
    "unchangeable": "immutable",
    "error": "exception",
    "errors": "exception",
    "exceptions": "exception",
    "gc": "garbage collector",
    "refcount": "reference count",
    "refcounts": "reference count",
    "refcounting": "reference count",
    "obj": "object",
    "objs": "object",
    "instance": "object",
    "instances": "object",
    "var": "variable",
    "vars": "variable",
    "attr": "attribute",
    "attrs": "attribute",
    "field": "attribute",
    "fields": "attribute",
    "ctor": "init",
    "constructor": "init",
    "initializer": "init",
    "initialiser": "init",
    "multithreading": "thread",
    "threading": "thread",
    "multiprocessing": "process",
    "str": "string",
    "strs": "string",
    "int": "integer",
    "ints": "integer",
    "bool": "boolean",
    "bools": "boolean",
    "quick": "fast",
    "quicker": "fast",
    "faster": "fast",
    "fastest": "fast",
    "speed": "fast",
    "slower": "slow",
    "slowest": "slow",
    "ram": "memory",
    "can't": "cannot",
    "cant": "cannot",
    "superclass": "parent class",
    "superclasses": "parent class",
    "base": "parent",
    "subclass": "child class",
    "subclasses": "child class",
    "derived": "child",
    "pkg": "package",
    "lib": "library",
    "libs": "library",
    "venv": "virtual environment",
    "virtualenv": "virtual environment",
    "env": "environment",
    "deps": "dependency",
    "dep": "dependency",
    "dependencies": "dependency",
    "py": "python",
    "cpython's": "cpython",
    "dunder": "special method",
    "magic": "special",
    "builtin": "built in",
    "builtins": "built in",
    "reused": "cache",
    "caches": "cache",
    "cached": "cache",
    "caching": "cache",
    "interning": "intern",
    "interned": "intern",
}

_IRREGULAR = {
    "children": "child",
    "indices": "index",
    "data": "data",
    "was": "was",
    "has": "has",
    "does": "do",
}


def stem(word: str) -> str:
    """A word's comparison key: light English suffix stripping, then at most STEM_LENGTH letters."""
    word = word.lower().strip("'")
    if word.startswith("__") and word.endswith("__") and len(word) > 4:
        return word[2:-2]
    if word in _IRREGULAR:
        word = _IRREGULAR[word]
    elif word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if len(word) > 5 and word.endswith("ly"):
        word = word[:-2]
    return word[:STEM_LENGTH]


@dataclass(frozen=True)
class Token:
    surface: str
    start: int
    end: int
    keys: tuple[str, ...]  # comparison keys; empty for stop words
    is_word: bool = True
    is_structure: bool = False


def _normalise(text: str) -> str:
    for pattern, replacement in _BIG_O_RE.items():
        text = pattern.sub(replacement, text)
    return text.replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """Tokens with their character offsets in `text` (offsets survive the Big-O rewriting only approximately,
    so Big-O spans are never highlighted) and their comparison keys."""
    tokens: list[Token] = []
    rewritten = _normalise(text)
    same_length = len(rewritten) == len(text)
    for match in _TOKEN_RE.finditer(rewritten):
        surface = match.group(0)
        lower = surface.lower()
        start, end = (match.start(), match.end()) if same_length else (-1, -1)
        if lower in STOPWORDS:
            tokens.append(Token(surface, start, end, (), is_structure=lower in STRUCTURE_WORDS))
            continue
        canonical = SYNONYMS.get(lower, lower)
        keys = tuple(stem(part) for part in canonical.split() if part not in STOPWORDS)
        tokens.append(Token(surface, start, end, keys))
    return tokens


def content_keys(text: str) -> list[str]:
    """The comparison keys of a text's content words, in order, without duplicates."""
    return list(dict.fromkeys(key for token in tokenize(text) for key in token.keys))


@dataclass(frozen=True)
class PointResult:
    index: int
    text: str
    covered: bool
    score: float
    matched: tuple[str, ...]  # the answer's words that matched, as the candidate typed them


@dataclass(frozen=True)
class Feedback:
    points: tuple[PointResult, ...]
    segments: tuple[tuple[str, bool], ...]  # the answer split into (text, highlighted) runs
    notice: str = ""
    answered: bool = True
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def covered_count(self) -> int:
        return sum(point.covered for point in self.points)

    def to_dict(self) -> dict[str, Any]:
        return {
            "points": [
                {
                    "index": p.index,
                    "text": p.text,
                    "covered": p.covered,
                    "score": round(p.score, 3),
                    "matched": list(p.matched),
                }
                for p in self.points
            ],
            "segments": [[text, marked] for text, marked in self.segments],
            "notice": self.notice,
            "answered": self.answered,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feedback:
        return cls(
            points=tuple(
                PointResult(p["index"], p["text"], bool(p["covered"]), float(p["score"]), tuple(p["matched"]))
                for p in data.get("points", [])
            ),
            segments=tuple((str(text), bool(marked)) for text, marked in data.get("segments", [])),
            notice=str(data.get("notice", "")),
            answered=bool(data.get("answered", True)),
        )


def _noise_notice(answer: str, tokens: Sequence[Token], question_keys: set[str]) -> str:
    """Why this answer deserves no credit at all, or '' when it should be matched."""
    keys = [key for token in tokens for key in token.keys]
    if keys and question_keys and set(keys) <= question_keys:
        return NOTICE_COPY
    if len(set(keys)) < MIN_ANSWER_WORDS:
        return NOTICE_DONT_KNOW if _DONT_KNOW_RE.search(answer) else NOTICE_EMPTY
    if _DONT_KNOW_RE.search(answer) and len(set(keys)) < 2 * MIN_ANSWER_WORDS:
        return NOTICE_DONT_KNOW
    unique = set(keys)
    if question_keys and len(unique & question_keys) >= COPY_SHARE * len(unique):
        return NOTICE_COPY
    words = [token for token in tokens if token.is_word]
    structure = sum(token.is_structure for token in words)
    if len(words) >= LIST_MIN_WORDS and structure < LIST_STRUCTURE_SHARE * len(words):
        return NOTICE_LIST
    return ""


def _weights(points: Sequence[Sequence[str]], question_keys: set[str]) -> list[dict[str, float]]:
    spread = Counter(key for keys in points for key in set(keys))
    weights: list[dict[str, float]] = []
    for keys in points:
        point_weights: dict[str, float] = {}
        for key in keys:
            weight = 1.0
            if key in question_keys:
                weight *= QUESTION_WORD_WEIGHT
            if key in GENERIC:
                weight *= GENERIC_WORD_WEIGHT
            if spread[key] > 1:
                weight *= SHARED_WORD_WEIGHT
            point_weights[key] = weight
        weights.append(point_weights)
    return weights


def _segments(answer: str, tokens: Iterable[Token], marked_keys: set[str]) -> tuple[tuple[str, bool], ...]:
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for token in tokens:
        if token.start < 0 or not (set(token.keys) & marked_keys):
            continue
        if token.start > cursor:
            runs.append((answer[cursor : token.start], False))
        runs.append((answer[token.start : token.end], True))
        cursor = token.end
    if cursor < len(answer):
        runs.append((answer[cursor:], False))
    return tuple(runs)


def match(*, answer: str, key_points: Sequence[str], question: str = "") -> Feedback:
    """Which key points `answer` covers, with the words that matched; noise covers nothing."""
    answer = answer.strip()
    tokens = tokenize(answer)
    question_keys = set(content_keys(question))
    notice = _noise_notice(answer, tokens, question_keys)
    point_keys = [content_keys(text) for text in key_points]
    if notice:
        points = tuple(PointResult(i, text, False, 0.0, ()) for i, text in enumerate(key_points))
        return Feedback(
            points=points, segments=((answer, False),) if answer else (), notice=notice, answered=bool(answer)
        )

    answer_keys = {key for token in tokens for key in token.keys}
    surfaces: dict[str, list[str]] = {}
    for token in tokens:
        for key in token.keys:
            surfaces.setdefault(key, [])
            if token.surface not in surfaces[key]:
                surfaces[key].append(token.surface)

    spread = Counter(key for keys in point_keys for key in set(keys))
    results: list[PointResult] = []
    marked: set[str] = set()
    for index, (text, keys, weights) in enumerate(
        zip(key_points, point_keys, _weights(point_keys, question_keys), strict=True)
    ):
        if not keys:
            results.append(PointResult(index, text, False, 0.0, ()))
            continue
        hits = [key for key in keys if key in answer_keys]
        total = sum(weights.values())
        score = sum(weights[key] for key in hits) / total if total else 0.0
        needed = min(MIN_MATCHED, len(keys), max(1, math.ceil(len(keys) / 2)))
        # Credit needs a word that this key point says and neither the question nor its sibling points do,
        # when it has one: words every point shares ("__new__", "instance") cannot tell them apart.
        own_words = [key for key in keys if key not in question_keys]
        distinctive = [key for key in own_words if spread[key] == 1] or own_words
        gives_something_new = not distinctive or any(key in distinctive for key in hits)
        covered = score >= COVER_RATIO and len(hits) >= needed and gives_something_new
        if covered:
            marked.update(hits)
        matched = tuple(dict.fromkeys(surface for key in hits for surface in surfaces.get(key, [])))
        results.append(PointResult(index, text, covered, score, matched))
    return Feedback(points=tuple(results), segments=_segments(answer, tokens, marked))
