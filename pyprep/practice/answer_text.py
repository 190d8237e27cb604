"""Split a typed answer into clauses of normalised words, code included (pure: no ORM, no network).

A clause is the unit of evidence: a key point is met by one clause, so "A does X, while B does Y" cannot
credit "A does Y". Words keep their offsets in the answer (to highlight the sentence that earned a point),
a set of comparison keys (Snowball stem, synonyms, identifier parts) and whether they negate what follows.
Fenced code, inline code and bare code lines are read with `tokenize`/`ast`: identifiers, attribute names,
keywords and a few constructs (decorator, generator, subclass, context manager) become words too.
"""

from __future__ import annotations

import ast
import io
import re
import textwrap
import tokenize as pytokenize
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from pyprep import pysource

_STEMMER = snowballstemmer.stemmer("english")

# Words that carry no content for matching (they are skipped, not counted as gaps).
FILLER = frozenset(
    """a an the of to is are be been being was were am it its this that these those there their them they
    he she we you your i my me our us so then just really basically simply actually like also very quite
    kind bit lot lots thing things something stuff one ones and or as at by for from in on into onto with
    can could would should will shall may might must do does did has have had get gets got s etc eg ie
    which who whom whose what when where how why if than too both each all any some such own same other
    about over under up down out off only even still yet already much many more most""".split()
)
# "with", "all", "only", "any", "more" carry meaning in rubric phrases ("with lock", "only when"): they are
# filler for the gap count but still matched when a rubric alternative names them.
MEANINGFUL_FILLER = frozenset({"with", "all", "only", "any", "more", "same", "other", "each", "both", "one"})

# Words that relate things: a sentence has them, a keyword list does not.
RELATIONS = frozenset(
    "while whereas because since via per unless until after before instead rather than so thus hence".split()
)

# Python names that look like inflected English: `sorted` is not `sort`, `reversed` is not `reverse`.
UNSTEMMED = frozenset({"sorted", "reversed", "frozen", "cached", "ordered"})

NEGATORS = frozenset(
    """not no non never without neither nor nothing none cannot cant isnt doesnt dont arent wasnt werent wont
    shouldnt couldnt wouldnt mustnt hasnt havent hadnt didnt nobody nowhere""".split()
)

# Single words with the same meaning in an answer about Python: each adds its partner's key.
_SYNONYM_GROUPS = [
    "dict dictionary dictionaries hashmap mapping",
    "arg args argument arguments param params parameter parameters",
    "func function fn",
    "attr attribute attributes",
    "var variable variables",
    "obj object objects instance instances",
    "error exception errors exceptions exc excs",
    "ctor constructor initializer initialiser",
    "fast quick quicker faster speed speedy",
    "slow slower",
    "ram memory mem",
    "superclass parent base",
    "subclass child derived",
    "lib library libs",
    "pkg package",
    "deps dependency dependencies",
    "dunder magic special",
    "truthy true",
    "falsy false falsey",
    "immutable unchangeable",
    "mutable changeable modifiable",
    "mutate mutates mutated modify modifies modified modifying change changes changed changing",
    "name label alias",
    "bind binds bound rebind rebinds assign assigns assigned",
    "same identical very",
    "copy copies copied duplicate",
    "thread threads threading multithreading",
    "process processes multiprocessing proc procs",
    "concurrent concurrently parallel parallelism simultaneously",
    "cache cached caches caching memoize memoise memoization",
    "str string strings",
    "int integer integers",
    "bool boolean",
    "list lists array",
    "query queries sql",
    "salt salted salting",
    "hash hashes hashed hashing",
    "enforce enforced enforces check checked checks validate validated",
    "ignore ignored ignores",
    "lock locks mutex",
    "coroutine coroutines async coro coros",
    "await awaits awaited",
    "decorator decorators wrap wraps wrapper deco decos",
    "generator generators yield yields gen gens genexp genexps",
    "iterator iterators iter",
    "iterable iterables",
    "comprehension comprehensions",
    "key keys",
    "method methods",
    "class classes cls",
    "module modules",
    "raise raises raised throw throws thrown",
    "catch catches caught except",
    "lookup lookups look",
    "access accesses accessed accessing",
    "call calls called calling invoke invokes invoked run runs ran",
    "every each all always",
    # Abbreviations typed under time pressure ("procs: separate mem", "bare raise keeps tb").
    "traceback tracebacks tb",
    "descriptor descriptors desc",
    "declaration declarations declare declared decl",
    "statement statements stmt",
    "including include includes inclusive incl",
    "priority priorities prio",
    "sequence seq",
    "context ctx",
    "precision prec",
    "database databases db",
    "performance perf",
    "implementation impl",
    "environment env",
    "message messages msg",
    "reference references ref refs",
    "information info",
    "configuration config cfg",
    "connection connections conn",
    "request requests req",
    "response responses resp",
    "number numbers num",
    "value values val vals",
    "element elements elem elems",
    "index indexes indices idx",
    "property properties prop props",
]

# Several words that mean one thing, merged before matching (both in answers and in rubric phrases).
_PHRASES: dict[tuple[str, ...], str] = {
    ("run", "time"): "runtime",
    ("run", "-", "time"): "runtime",
    ("foreign", "key"): "fk",
    ("foreign", "keys"): "fk",
    ("many", "to", "many"): "m2m",
    ("global", "interpreter", "lock"): "gil",
    ("garbage", "collector"): "gc",
    ("garbage", "collection"): "gc",
    ("garbage", "collected"): "gc",
    ("reference", "count"): "refcount",
    ("reference", "counting"): "refcount",
    ("reference", "counts"): "refcount",
    ("ref", "count"): "refcount",
    ("context", "manager"): "contextmanager",
    ("context", "managers"): "contextmanager",
    ("type", "hint"): "annotation",
    ("type", "hints"): "annotation",
    ("type", "annotation"): "annotation",
    ("type", "annotations"): "annotation",
    ("big", "o"): "complexity",
    ("constant", "time"): "o1",
    ("linear", "time"): "on",
    ("n", "+", "1"): "nplus1",
    ("time", "complexity"): "complexity",
    ("at", "once"): "simultaneously",
    ("same", "time"): "simultaneously",
    ("in", "parallel"): "parallel",
}
_PHRASE_FIRSTS = {words[0] for words in _PHRASES}

_FENCE_RE = re.compile(r"(^|\n)[ \t]*(```|~~~)[^\n]*\n(.*?)(\n[ \t]*\2[ \t]*(?=\n|$)|$)", re.DOTALL)
_WORD_RE = re.compile(
    r"O\(\s*(?:1|n|log\s*n|n\s*log\s*n|n\s*\^?\*{0,2}\s*2)\s*\)"  # Big-O
    r"|__[A-Za-z0-9_]+?__"  # dunder
    r"|non?-[A-Za-z]+(?![\w-])"  # non-zero, no-op: one word
    r"|[A-Za-z_][A-Za-z0-9_]*(?:'[a-z]+)?"  # identifiers and words, with contractions
    r"|\d+(?:\.\d+)?"
    r"|==|!=|<=|>=|:=|->|\+=|\*\*|//|[+\-*/%<>=@]"
    r"|≠",  # "≠" in notes: "is not"
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\n\s*(?:[-*•]|\d+[.)])\s+|\n(?=[A-Z`])")
_CONTRAST_RE = re.compile(
    r"\s*;\s*|,\s*(?:but|whereas|while|whilst|unlike|and|or|so|because|since|which|whereby)\b|"
    r"\s+(?:but|whereas|whilst|unlike|versus|vs\.?|instead of|as opposed to|rather than)\s+|"
    r",?\s+while\s+(?=(?:`|_|[a-z]+_|[A-Z]|the|a|an|it|they|this)\b)|"
    r"\s+(?:and|so)\s+(?=(?:`|__|[a-z]+_[a-z_]*\b))",
    re.IGNORECASE,
)
_CODE_LINE_RE = re.compile(
    r"^\s*(?:def |class |async def |@\w|import |from \w[\w.]* import |return\b|with .*:\s*$|for .* in .*:\s*$|"
    r"if .*:\s*$|elif |else:|try:|except\b|finally:|raise |yield\b|await |print\(|self\.|\w+(?:\.\w+)*\s*=[^=]|"
    r"\w+(?:\.\w+)*\(.*\)\s*$|>>> )"
)
_CONTRACTIONS = {"n't": "not", "can't": "cannot", "won't": "wont"}


@dataclass(frozen=True)
class Word:
    surface: str
    keys: frozenset[str]
    start: int
    end: int
    negator: bool = False
    filler: bool = False
    identifier: str = ""  # the lower-cased code name when the word is one (dunder, snake_case, dotted part)


@dataclass(frozen=True)
class Clause:
    words: tuple[Word, ...]
    start: int
    end: int
    sentence: int  # index of the sentence (or code block) it belongs to
    code: bool = False
    contrast: bool = False  # set off from the previous clause by a contrast (but, while, ;, a new subject)
    block: bool = False  # a whole code block (its lines are clauses of their own as well)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    code: bool = False


@dataclass(frozen=True)
class Analysis:
    text: str
    clauses: tuple[Clause, ...]
    sentences: tuple[Sentence, ...]
    code_blocks: int
    prose_words: int  # words outside code, filler included
    structure_words: int  # filler among them: sentences have them, keyword lists do not


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def _build_synonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in _SYNONYM_GROUPS:
        stems = {stem(word) for word in group.split()}
        for word in group.split():
            table.setdefault(stem(word), set()).update(stems)
    return {key: frozenset(value) for key, value in table.items()}


_SYNONYMS = _build_synonyms()


def _camel_parts(name: str) -> list[str]:
    return [part.lower() for part in re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+", name)]


@lru_cache(maxsize=20000)
def word_keys(surface: str) -> tuple[frozenset[str], bool, bool, str]:
    """(keys, is_negator, is_filler, identifier) of one token as typed."""
    lower = surface.lower().replace("’", "'")
    if lower.startswith("o(") and lower.endswith(")"):
        inner = re.sub(r"\s|\^|\*", "", lower[2:-1])
        return (
            frozenset({{"1": "o1", "n": "on", "logn": "ologn", "nlogn": "onlogn"}.get(inner, "on2")}),
            False,
            False,
            "",
        )
    if lower.startswith("__") and lower.endswith("__") and len(lower) > 4:
        bare = lower.strip("_")
        return frozenset({lower, bare}), False, False, lower
    compact = lower.replace("'", "")
    if surface in {"None", "True", "False"}:
        return frozenset({lower}), False, False, lower  # Python's constants, not English
    if re.fullmatch(r"non?-[a-z]+", lower):
        # "non-zero", "no-op": one word ("nonzero"), not a negation of the clause
        return frozenset({stem(lower.replace("-", ""))}), False, False, ""
    if compact in NEGATORS or lower.endswith("n't") or surface == "≠":
        return frozenset({"not"}), True, False, ""
    if lower in FILLER:
        return frozenset({lower}), False, True, ""
    if "_" in lower.strip("_") or lower.startswith("_"):
        parts = [p for p in lower.split("_") if p]
        keys = {lower.strip("_")} | {stem(p) for p in parts}
        for part in parts:
            keys |= _SYNONYMS.get(stem(part), frozenset())
        return frozenset(keys), False, False, lower.strip("_")
    if compact in UNSTEMMED:
        return frozenset({compact}), False, False, ""
    keys = {stem(compact)}
    if re.search(r"[a-z][A-Z]", surface):
        parts = _camel_parts(surface)
        keys |= {stem(p) for p in parts}
        keys.add(compact)
    keys |= _SYNONYMS.get(stem(compact), frozenset())
    return frozenset(keys), False, False, (compact if re.search(r"[a-z][A-Z]", surface) else "")


def _merge_phrases(words: list[Word]) -> list[Word]:
    out: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        lower = word.surface.lower()
        if lower in _PHRASE_FIRSTS:
            for phrase, key in _PHRASES.items():
                size = len(phrase)
                window = words[index : index + size]
                if len(window) == size and tuple(w.surface.lower() for w in window) == phrase:
                    keys = frozenset({key, stem(key)}) | _SYNONYMS.get(key, frozenset())
                    out.append(Word(" ".join(w.surface for w in window), keys, word.start, window[-1].end))
                    index += size
                    break
            else:
                out.append(word)
                index += 1
            continue
        out.append(word)
        index += 1
    return out


DOTTED_RE = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\(\))?(?:\.[A-Za-z_]\w*)+")
_NAME_RE = re.compile(r"[A-Za-z_]\w*")


def words_of(text: str, offset: int = 0) -> list[Word]:
    """Normalised words of a piece of prose (or a rubric phrase), offsets shifted by `offset`.

    Code shapes are kept: a name followed by "(" is a call (matched as that name, never stemmed), and the
    first word of a dotted name (`module.name`, `functools.cache`) also carries the whole dotted name.
    """
    dotted = {m.start(): m.group(0).lower().replace("()", "") for m in DOTTED_RE.finditer(text)}
    words: list[Word] = []
    for match in _WORD_RE.finditer(text):
        surface = match.group(0)
        if surface in "+-*/%<>=@" and surface not in {"+"}:
            continue
        keys, negator, filler, identifier = word_keys(surface)
        if text[match.end() : match.end() + 1] == "(" and _NAME_RE.fullmatch(surface) and not identifier:
            identifier = surface.lower()
            keys, negator, filler = keys | {identifier}, False, False
        if match.start() in dotted:
            keys = keys | {dotted[match.start()]}
        words.append(
            Word(surface, keys, offset + match.start(), offset + match.end(), negator, filler, identifier)
        )
    return _merge_phrases(words)


# --- code -----------------------------------------------------------------------------------------------

_CONSTRUCTS: list[tuple[type[ast.AST], str]] = [
    (ast.With, "with contextmanager"),
    (ast.AsyncWith, "with contextmanager async"),
    (ast.Yield, "yield generator"),
    (ast.YieldFrom, "yield generator"),
    (ast.Lambda, "lambda"),
    (ast.ListComp, "comprehension"),
    (ast.DictComp, "comprehension"),
    (ast.SetComp, "comprehension"),
    (ast.GeneratorExp, "generator comprehension"),
    (ast.Try, "try except"),
    (ast.Raise, "raise"),
    (ast.AsyncFunctionDef, "async coroutine"),
    (ast.Await, "await"),
    (ast.Global, "global"),
    (ast.Nonlocal, "nonlocal closure"),
    (ast.Assert, "assert"),
]


def _construct_words(code: str) -> str:
    try:
        tree = pysource.parse(textwrap.dedent(code))
    except (SyntaxError, ValueError):
        return ""
    extra: list[str] = []
    for node in ast.walk(tree):
        for kind, words in _CONSTRUCTS:
            if isinstance(node, kind):
                extra.append(words)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.decorator_list:
            extra.append("decorator")
        if isinstance(node, ast.ClassDef) and node.bases:
            extra.append("subclass inherit")
        if isinstance(node, ast.FunctionDef) and any(isinstance(n, ast.FunctionDef) for n in node.body):
            extra.append("closure nested function")
    return " ".join(dict.fromkeys(extra))


def code_words(code: str, offset: int) -> list[Word]:
    """Words of a code block: names and keywords (tokenize), comment and string words, construct words."""
    words: list[Word] = []
    line_starts = [0]
    for line in code.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    try:
        tokens = list(pytokenize.generate_tokens(io.StringIO(textwrap.dedent(code)).readline))
        dedent = len(code.splitlines()[0]) - len(code.splitlines()[0].lstrip()) if code.strip() else 0
        for token in tokens:
            row, col = token.start
            start = offset + line_starts[min(row - 1, len(line_starts) - 1)] + col + dedent
            if token.type == pytokenize.NAME:
                for part_match in re.finditer(r"[A-Za-z_][A-Za-z0-9_]*", token.string):
                    words.extend(words_of(part_match.group(0), start + part_match.start()))
            elif token.type in (pytokenize.COMMENT, pytokenize.STRING):
                words.extend(words_of(token.string, start))
            elif token.type == pytokenize.OP and token.string in {"==", "!=", "+=", ":=", "@", "**"}:
                keys, _, _, _ = word_keys(token.string)
                words.append(Word(token.string, keys, start, start + len(token.string)))
    except (pytokenize.TokenError, IndentationError, SyntaxError):
        words = words_of(code, offset)
    constructs = _construct_words(code)
    if constructs:
        end = offset + len(code)
        words.extend(Word(w.surface, w.keys, end, end) for w in words_of(constructs))
    return words


def _looks_like_code(lines: list[str]) -> bool:
    code_lines = [line for line in lines if line.strip()]
    if not code_lines:
        return False
    if not any(_CODE_LINE_RE.match(line) for line in code_lines):
        return False
    try:
        pysource.parse(textwrap.dedent("\n".join(lines)))
    except (SyntaxError, ValueError):
        return False
    return True


def _code_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(block start, block end, code start, code end) of fenced blocks and runs of bare code lines."""
    spans: list[tuple[int, int, int, int]] = []
    for match in _FENCE_RE.finditer(text):
        code_start = match.start(3)
        spans.append((match.start() + len(match.group(1)), match.end(), code_start, match.end(3)))
    covered = [(a, b) for a, b, _, _ in spans]
    # Bare code: consecutive lines that parse as Python and look like code (a `def`, a call, an assignment...).
    lines = text.splitlines(keepends=True)
    positions = [0]
    for line in lines:
        positions.append(positions[-1] + len(line))
    index = 0
    while index < len(lines):
        start = positions[index]
        if any(a <= start < b for a, b in covered) or not _CODE_LINE_RE.match(lines[index]):
            index += 1
            continue
        end_index = index + 1
        while (
            end_index < len(lines)
            and (lines[end_index].startswith((" ", "\t")) or _CODE_LINE_RE.match(lines[end_index]))
            and lines[end_index].strip()
        ):
            end_index += 1
        block = [line.rstrip("\n") for line in lines[index:end_index]]
        prose_like = len(block) == 1 and len(words_of(block[0])) > 8 and not block[0].rstrip().endswith(":")
        if not prose_like and _looks_like_code(block):
            spans.append((start, positions[end_index], start, positions[end_index]))
            index = end_index
        else:
            index += 1
    return sorted(spans)


# --- prose ----------------------------------------------------------------------------------------------


def _split(text: str, pattern: re.Pattern[str], offset: int) -> list[tuple[int, int, str]]:
    """Pieces of `text` between matches of `pattern`: (start, end, separator before it)."""
    pieces: list[tuple[int, int, str]] = []
    cursor = 0
    separator = ""
    for match in pattern.finditer(text):
        if match.start() > cursor:
            pieces.append((offset + cursor, offset + match.start(), separator))
            separator = ""
        separator += match.group(0)
        cursor = match.end()
    if cursor < len(text):
        pieces.append((offset + cursor, offset + len(text), separator))
    return [(a, b, sep) for a, b, sep in pieces if text[a - offset : b - offset].strip()]


_HARD_RE = re.compile(
    r";|\b(?:but|whereas|while|whilst|unlike|versus|vs|instead|opposed|rather)\b", re.IGNORECASE
)
_SUBJECT_SPLIT_RE = re.compile(r",\s*|\s+(?:and|or)\s+|\s+[-–—]\s+")


def _is_name(word: Word, names: frozenset[str]) -> bool:
    return bool(word.identifier) or word.surface.lower().strip("`") in names or bool(word.keys & names)


def _name_of(word: Word, names: frozenset[str]) -> str:
    if word.identifier:
        return word.identifier.strip("_")
    shared = sorted(word.keys & names)
    return shared[0] if shared else word.surface.lower().strip("`")


@lru_cache(maxsize=8192)
def _piece(text: str, names: frozenset[str]) -> tuple[frozenset[str], frozenset[str], bool]:
    """(names in it, names in its first three words, whether it says more than names) of a clause piece."""
    words = words_of(text)
    found = frozenset(_name_of(w, names) for w in words if _is_name(w, names))
    head = frozenset(_name_of(w, names) for w in words[:3] if _is_name(w, names))
    return found, head, any(not w.filler and not _is_name(w, names) for w in words)


def _subject_split(text: str, start: int, end: int, names: frozenset[str]) -> list[tuple[int, int, bool]]:
    """Split a clause at a comma/and/or between two parts that each name a different code name.

    "getattribute always runs, getattr only if not found" says two things about two subjects; whatever
    is said on one side of the comma is not said about the name on the other side.
    """
    pieces = _split(text[start:end], _SUBJECT_SPLIT_RE, start)
    if len(pieces) < 2:
        return [(start, end, False)]
    out: list[tuple[int, int, bool]] = []
    current_start, current_end = pieces[0][0], pieces[0][1]
    current_names, _, current_says = _piece(text[current_start:current_end], names)
    for piece_start, piece_end, _sep in pieces[1:]:
        piece_names, head_names, piece_says = _piece(text[piece_start:piece_end], names)
        if current_names and head_names and not head_names & current_names and current_says and piece_says:
            out.append((current_start, current_end, bool(out)))
            current_start, current_end = piece_start, piece_end
            current_names, current_says = piece_names, piece_says
        else:
            current_end = piece_end
            current_names = current_names | piece_names
            current_says = current_says or piece_says
    out.append((current_start, current_end, bool(out)))
    return out


def _mask_inline_code(text: str) -> str:
    """Hide punctuation inside `inline code` so `a.b; c` does not split a sentence."""
    return re.sub(r"`[^`\n]*`", lambda m: re.sub(r"[.;,!?]", "_", m.group(0)), text)


@lru_cache(maxsize=4096)
def analyse(text: str, names: frozenset[str] = frozenset()) -> Analysis:
    """Clauses (prose and code) of an answer, with offsets into `text`.

    `names` are plain words used as code names in this question (getattr, select_related): a comma between
    two parts about two different names splits them into two clauses.
    """
    clauses: list[Clause] = []
    sentences: list[Sentence] = []
    prose_words = structure = 0
    spans = _code_spans(text)
    cursor = 0
    pieces: list[tuple[int, int, bool, int, int]] = []  # (start, end, is_code, code_start, code_end)
    for block_start, block_end, code_start, code_end in spans:
        if block_start > cursor:
            pieces.append((cursor, block_start, False, 0, 0))
        pieces.append((block_start, block_end, True, code_start, code_end))
        cursor = block_end
    if cursor < len(text):
        pieces.append((cursor, len(text), False, 0, 0))
    masked = _mask_inline_code(text)
    for start, end, is_code, code_start, code_end in pieces:
        if is_code:
            words = code_words(text[code_start:code_end], code_start)
            if words:
                sentences.append(Sentence(start, end, code=True))
                clauses.append(Clause(tuple(words), start, end, len(sentences) - 1, code=True, block=True))
                # Each line (with its comment) is evidence on its own too: `c.m is c.m  # False, new each time`.
                cursor_line = code_start
                for line in text[code_start:code_end].splitlines(keepends=True):
                    line_words = words_of(line, cursor_line)
                    if line.strip() and line_words:
                        clauses.append(
                            Clause(
                                tuple(line_words),
                                cursor_line,
                                cursor_line + len(line.rstrip()),
                                len(sentences) - 1,
                                code=True,
                            )
                        )
                    cursor_line += len(line)
            continue
        chunk = masked[start:end]
        for s_start, s_end, _ in _split(chunk, _SENTENCE_END_RE, start):
            sentence_index = len(sentences)
            sentences.append(Sentence(s_start, s_end))
            sentence_text = masked[s_start:s_end]
            for c_start, c_end, separator in _split(sentence_text, _CONTRAST_RE, s_start):
                hard = bool(_HARD_RE.search(separator))
                for p_start, p_end, subject_split in _subject_split(masked, c_start, c_end, names):
                    words = words_of(text[p_start:p_end], p_start)
                    prose_words += len(words)
                    structure += sum(w.filler or w.negator or w.surface.lower() in RELATIONS for w in words)
                    if words:
                        contrast = hard or subject_split
                        clauses.append(
                            Clause(tuple(words), p_start, p_end, sentence_index, contrast=contrast)
                        )
                    hard = False
    return Analysis(text, tuple(clauses), tuple(sentences), sum(1 for s in spans), prose_words, structure)
