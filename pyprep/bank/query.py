"""Read a search query: which words name Python things, which are interview filler, aliases and typos. No ORM."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

WORD_RE = re.compile(r"[a-z0-9]+")
# Words that carry no meaning in an interview question; they are not searched at all.
STOPWORDS = frozenset(
    """a about an and are as at be between by can could de did do does doing for from give how i if in into is it
    its me my of on or python python's pythons should so than that the their them then there these this those to
    use used using vs versus was we what whats when where which while who why will with would you your explain
    describe difference differences tell work works""".split()
)
# Generic interview words: searched, but they must never outrank the subject of the question.
FILLER = frozenset(
    """purpose provide provides example examples simplify simplifies usage usages concept concepts mean means
    meaning role significance benefit benefits advantage advantages disadvantage disadvantages importance important
    different various way ways handle handled handling implement implementation implemented create creating
    common key main understand briefly detail details detailed scenario scenarios real world practice practices
    good best idea ideas need needed necessary make makes making help helps work working write writing used
    define defined definition discuss compare comparison concept simple simply approach approaches kind kinds
    thing things situation situations case cases code program programs programming language interview
    question questions answer useful effectively efficient efficiently properly correctly really actually
    achieve achieved perform performing typical typically mechanism mechanisms overview basic basics get like""".split()
)
# Python things spelt as ordinary words: an interviewer's query is about them, not about "purpose".
PYTHON_WORDS = frozenset(
    """asyncio async await coroutine coroutines decorator decorators generator generators yield iterator
    iterators iterable metaclass metaclasses descriptor descriptors closure closures lambda gil dataclass
    dataclasses namedtuple typeddict comprehension comprehensions slicing slots mro super property classmethod
    staticmethod mixin mixins inheritance polymorphism encapsulation abstraction pickle pytest unittest mock
    django flask fastapi celery orm sqlalchemy wsgi asgi threading multiprocessing subprocess thread threads
    process processes lock deadlock semaphore pep walrus tuple tuples list lists dict dicts dictionary set sets
    frozenset string strings bytes bytecode interpreter cpython pypy garbage refcount weakref exception
    exceptions traceback kwargs args pathlib logging regex enum typing protocol generics typevar mypy annotations
    hints venv virtualenv pip pyproject namespace package packages module modules import imports docker jwt
    csrf xss websocket websockets rest graphql soap migrations middleware n+1 recursion memoization cache
    caching lru heapq itertools functools collections counter defaultdict deque json csv datetime timezone
    hypothesis fixture fixtures parametrize monkeypatch hash hashable immutable mutable copy deepcopy shallow
    singleton factory injection solid profiling profiler memory leak leaks truthy falsy truthiness datetime
    timezone zoneinfo""".split()
)
# Common English words that also happen to be standard-library module names: not subjects by themselves.
PLAIN_MODULE_NAMES = frozenset(
    """this types code string test array select site token io time random copy math numbers operator abc
    ast dis gc os sys re queue signal glob keyword secrets struct trace calendar""".split()
)
MODULE_NAMES = (
    frozenset(name for name in sys.stdlib_module_names if not name.startswith("_")) - PLAIN_MODULE_NAMES
)

# Operators people type in questions ("is vs ==") name concepts the answers spell out in words.
SYMBOLS = {
    # The markers of a signature ("def f(a, /, b, *, c)"), before "*" alone.
    ", /": " positional only ",
    "*,": " keyword only ",
    "==": " equality ",
    "!=": " equality ",
    ":=": " walrus assignment expression ",
    "**": " kwargs ",
    "->": " return annotation ",
    "//": " floor division ",
    "@": " decorator ",
    "*": " args ",
}
SYMBOL_RE = re.compile("|".join(re.escape(symbol) for symbol in SYMBOLS))
# Spelt like code: dunders, snake_case, dotted names, calls, backticks, CamelCase.
IDENTIFIER_RE = re.compile(
    r"`([^`]+)`|\b(__\w+__|\w+_\w+|[a-z]\w*\.[a-z_]\w*(?:\.\w+)*|\w+\(\)|[A-Z][a-z0-9]+[A-Z]\w*|[a-z]+[A-Z]\w*)"
)
DUNDER_RE = re.compile(r"__([A-Za-z][A-Za-z0-9_]*?)__")
PEP_RE = re.compile(r"\bpep\s*-?\s*(\d+)\b", re.IGNORECASE)

# A small curated alias table: the same thing spelt the ways people spell it. Keys are phrases of query words.
ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("data", "class"): ("dataclass",),
    ("data", "classes"): ("dataclass",),
    ("dataclasses",): ("dataclass",),
    ("gil",): ("global", "interpreter", "lock"),
    ("global", "interpreter", "lock"): ("gil",),
    ("orm",): ("object", "relational", "mapper"),
    ("object", "relational"): ("orm",),
    ("fk",): ("foreignkey", "foreign"),
    ("m2m",): ("manytomany", "many"),
    ("n", "1"): ("select", "related", "prefetch"),
    ("async",): ("asyncio", "await"),
    ("coroutine",): ("asyncio", "async"),
    ("coroutines",): ("asyncio", "async"),
    ("dunder",): ("special", "magic"),
    ("dunders",): ("special", "magic"),
    ("magic", "methods"): ("special", "dunder"),
    ("pep8",): ("pep", "8"),
    ("venv",): ("virtual", "environment"),
    ("virtualenv",): ("virtual", "environment"),
    ("lru",): ("lru_cache", "memoization"),
    ("memoize",): ("memoization", "lru_cache"),
    ("memoise",): ("memoization", "lru_cache"),
    ("serialise",): ("serialize", "json", "pickle"),
    ("serialize",): ("json", "pickle"),
    ("multithreading",): ("threading", "threads"),
    ("multi", "threading"): ("threading", "threads"),
    ("parallelism",): ("multiprocessing",),
    ("gc",): ("garbage", "collector"),
    ("refcount",): ("reference", "counting"),
    ("mro",): ("method", "resolution", "order"),
    ("oop",): ("class", "inheritance", "object"),
    ("for", "loop"): ("iterator", "iteration"),
    ("for", "loops"): ("iterator", "iteration"),
    ("loop",): ("iteration",),
    ("loops",): ("iteration",),
    ("under", "the", "hood"): ("internally", "internals"),
    ("behind", "the", "scenes"): ("internally", "internals"),
    ("ci",): ("continuous", "integration"),
    ("cli",): ("command", "line", "argparse"),
    ("regex",): ("re", "regular", "expression"),
    ("regexp",): ("re", "regular", "expression"),
    ("env", "vars"): ("environment", "variables"),
    ("k8s",): ("kubernetes",),
    ("dict",): ("dictionary",),
    ("dicts",): ("dictionary",),
    ("tdd",): ("test", "driven"),
    ("di",): ("dependency", "injection"),
    ("ioc",): ("dependency", "injection"),
    ("listcomp",): ("list", "comprehension"),
    ("genexp",): ("generator", "expression"),
    ("ssrf",): ("server", "side", "request"),
    ("xss",): ("cross", "site", "scripting"),
    ("csrf",): ("cross", "site", "request", "forgery"),
    ("date", "time"): ("datetime",),
    ("date",): ("datetime",),
    ("dates",): ("datetime",),
    ("timestamp",): ("datetime",),
    ("timestamps",): ("datetime",),
    ("time", "zone"): ("timezone", "zoneinfo"),
    ("time", "zones"): ("timezone", "zoneinfo"),
    ("timezones",): ("timezone", "zoneinfo"),
    ("big", "o"): ("time", "complexity"),
    ("truthy",): ("truthiness", "bool"),
    ("falsy",): ("truthiness", "bool"),
    ("api", "keys"): ("secrets", "environment", "variables"),
    ("api", "key"): ("secrets", "environment", "variables"),
    ("credentials",): ("secrets", "environment", "variables"),
}
ALIAS_MAX_WORDS = max(len(key) for key in ALIASES)

FILLER_WEIGHT, PLAIN_WEIGHT, SUBJECT_WEIGHT = 1, 2, 4
# An alias adds the other spelling; the words the person typed still decide most.
ALIAS_WEIGHT = FILLER_WEIGHT


@dataclass(frozen=True)
class Term:
    word: str
    weight: int


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]
    corrections: tuple[tuple[str, str], ...] = ()
    # The query for the embedding, read two ways: its subject (filler and stopwords out, corrections and aliases
    # in), and the question as typed (typos corrected, aliases added). Their vectors are averaged: the words
    # around the subject ("why can't", "in parallel", "backwards compatible") carry meaning the subject alone
    # lacks, and the subject keeps a long question from drifting.
    dense_text: str = ""
    typed_text: str = ""

    @property
    def words(self) -> list[str]:
        return [term.word for term in self.terms]

    @property
    def corrected(self) -> bool:
        return bool(self.corrections)


def words_of(text: str) -> list[str]:
    text = SYMBOL_RE.sub(lambda match: SYMBOLS[match.group(0)], text)
    return WORD_RE.findall(text.lower().replace("_", " "))


def query_terms(text: str) -> list[str]:
    """Meaningful lower-case words of a query, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in words_of(text):
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word, None)
    if not seen:  # a query made only of stopwords ("what is is") still deserves results
        for word in WORD_RE.findall(text.lower()):
            seen.setdefault(word, None)
    return list(seen)


def subject_words(text: str) -> set[str]:
    """Words of the query spelt as code or naming a PEP: the subject, whatever else is around them."""
    found: set[str] = set()
    for match in IDENTIFIER_RE.finditer(text):
        found.update(words_of(match.group(1) or match.group(2)))
    for match in PEP_RE.finditer(text):
        found.update({"pep", match.group(1)})
    return found


def dunder_tokens(text: str) -> list[str]:
    """One whole token per dunder name ("__init__" → "initdunder"): the tokenizer would split it into "init",
    which every "__init__.py" and "__init_subclass__" also contains."""
    return list(
        dict.fromkeys(f"{m.group(1).replace('_', '').lower()}dunder" for m in DUNDER_RE.finditer(text))
    )


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Vocabulary:
    """The bank's own words with their document counts, for correcting typos ("asyncoi" → "asyncio").

    A symmetric delete index at distance one: it finds one inserted, dropped, changed or swapped letter.
    """

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._by_delete: dict[str, set[str]] = {}

    def add_document(self, text: str) -> None:
        for word in set(words_of(text)):
            if word not in self.counts and len(word) >= 4 and word.isalpha():
                for key in (*_deletes(word), word):
                    self._by_delete.setdefault(key, set()).add(word)
            self.counts[word] += 1

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def correct(self, word: str) -> str | None:
        """The most common bank word one edit away, or None."""
        candidates: set[str] = set()
        for key in (*_deletes(word), word):
            candidates |= self._by_delete.get(key, set())
        candidates.discard(word)
        candidates = {c for c in candidates if _one_edit(word, c)}
        if not candidates:
            return None
        return max(sorted(candidates), key=lambda c: self.counts[c])


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance one, or one swap of neighbouring letters."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def stems(word: str) -> list[str]:
    """The word without a plural or verb ending ("rollbacks" -> "rollback", "pooling" -> "pool", "pool")."""
    found: list[str] = []
    for suffix, replacements in (
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("ly", ("",)),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            found += [word[: -len(suffix)] + ending for ending in replacements]
    return found


def _known(word: str, vocabulary: Vocabulary, is_word: Callable[[str], bool] | None) -> bool:
    """A word the bank uses or that is real English or code, in this spelling or without its ending."""
    return any(
        form in vocabulary or form in PYTHON_WORDS or bool(is_word and is_word(form))
        for form in (word, *stems(word))
    )


def _is_subject_word(word: str) -> bool:
    return any(form in PYTHON_WORDS or form in MODULE_NAMES for form in (word, *stems(word)))


def _aliases(words: list[str]) -> list[str]:
    extra: list[str] = []
    for size in range(ALIAS_MAX_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            extra += ALIASES.get(tuple(words[start : start + size]), ())
    return extra


def parse_query(
    text: str,
    *,
    vocabulary: Vocabulary | None = None,
    is_word: Callable[[str], bool] | None = None,
) -> ParsedQuery:
    """Weighted search terms: Python things weigh most, plain words less, interview filler least.

    A word the bank never uses and that is no known word ("decoratr") is replaced by the bank word one edit away.
    """
    words = query_terms(text)
    corrections: list[tuple[str, str]] = []
    if vocabulary is not None:
        fixed: list[str] = []
        for word in words:
            if len(word) >= 4 and word.isalpha() and not _known(word, vocabulary, is_word):
                better = vocabulary.correct(word)
                if better:
                    corrections.append((word, better))
                    word = better
            # "pyhton" is corrected to a stopword: it is then dropped like one.
            if word not in STOPWORDS:
                fixed.append(word)
        words = list(dict.fromkeys(fixed)) or words
    subjects = subject_words(text)
    raw_words = words_of(text)
    alias_words = _aliases(raw_words) + _aliases(words)
    weights: dict[str, int] = {}
    for word in words:
        if word in subjects or _is_subject_word(word):
            weight = SUBJECT_WEIGHT
        elif word in FILLER:
            weight = FILLER_WEIGHT
        else:
            weight = PLAIN_WEIGHT
        weights[word] = max(weights.get(word, 0), weight)
    for word in alias_words:
        weights.setdefault(word, ALIAS_WEIGHT if word not in FILLER else FILLER_WEIGHT)
    for token in dunder_tokens(text):
        weights[token] = SUBJECT_WEIGHT
    terms = tuple(Term(word, weight) for word, weight in weights.items())
    dense_words = [t.word for t in terms if t.weight > FILLER_WEIGHT and not t.word.endswith("dunder")]
    dense_words = dense_words or [t.word for t in terms]
    return ParsedQuery(
        terms=terms,
        corrections=tuple(corrections),
        dense_text=" ".join(dense_words),
        typed_text=_typed_text(text, corrections=corrections, aliases=alias_words),
    )


def _typed_text(text: str, *, corrections: list[tuple[str, str]], aliases: list[str]) -> str:
    for typo, meant in corrections:
        text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(typo)}(?![A-Za-z0-9])", meant, text, flags=re.IGNORECASE)
    typed = set(words_of(text))
    extra = [word for word in dict.fromkeys(aliases) if word not in typed]
    return " ".join([text.strip(), *extra]).strip()


def documents_vocabulary(texts: Iterable[str]) -> Vocabulary:
    vocabulary = Vocabulary()
    for text in texts:
        vocabulary.add_document(text)
    return vocabulary
