"""The matcher judges what an answer says, clause by clause: roles, negation, options, code and paraphrase."""

from __future__ import annotations

import pytest

from pyprep.bank.rubric import Concept, Misconception, PointRubric, Rubric
from pyprep.practice.answer_text import analyse
from pyprep.practice.evaluate import bank_rubrics
from pyprep.practice.feedback import (
    CONTRADICTED,
    COVERED,
    NOTICE_LIST,
    UNCLEAR,
    _absent,
    _compile_alternative,
    _content,
    _Reach,
    _word_matches,
    evidence,
    match,
)

QUESTION = "What is the difference between __getattr__ and __getattribute__?"
POINTS = [
    "`__getattribute__` is called for every attribute access; `__getattr__` only when normal lookup raises AttributeError.",
    "Inside `__getattribute__`, use `super().__getattribute__` to avoid infinite recursion.",
]
CORRECTION = (
    "__getattr__ is only a fallback after normal lookup fails; __getattribute__ runs on every access."
)
RUBRIC = Rubric(
    points=(
        PointRubric(
            (Concept(("__getattribute__",)), Concept(("every attribute access", "every lookup", "always")))
        ),
        PointRubric(
            (Concept(("super", "object.__getattribute__")), Concept(("recursion", "RecursionError")))
        ),
    ),
    misconceptions=(
        Misconception(
            claim="__getattr__ runs on every attribute access.",
            concepts=(
                Concept(("__getattr__",)),
                Concept(("every attribute access", "every lookup", "always")),
            ),
            contradicts=(0,),
            correction=CORRECTION,
        ),
    ),
)


def statuses(answer: str, *, rubric: Rubric | None = RUBRIC) -> list[str]:
    return [
        p.status for p in match(answer=answer, key_points=POINTS, question=QUESTION, rubric=rubric).points
    ]


def test_a_correct_answer_covers_the_point_and_names_the_sentence_that_earned_it() -> None:
    answer = "Both are hooks. __getattribute__ runs on every lookup, and __getattr__ is just the fallback."
    result = match(answer=answer, key_points=POINTS, question=QUESTION, rubric=RUBRIC)
    assert result.points[0].status == COVERED
    assert result.points[0].evidence.startswith("__getattribute__ runs on every lookup")


def test_swapped_roles_get_no_credit_and_show_the_correction() -> None:
    answer = (
        "__getattr__ is called on every attribute access, while __getattribute__ only runs when lookup fails."
    )
    result = match(answer=answer, key_points=POINTS, question=QUESTION, rubric=RUBRIC)
    assert result.points[0].status == CONTRADICTED
    assert result.points[0].correction == CORRECTION
    assert result.covered_count == 0


def test_a_comma_between_two_subjects_keeps_what_is_said_of_each_apart() -> None:
    assert statuses("getattribute always runs, getattr only if the attribute is not found")[0] == COVERED
    assert statuses("getattr always runs, getattribute only if the attribute is not found")[0] != COVERED


def test_a_negated_statement_is_never_a_tick() -> None:
    assert statuses("__getattribute__ is not called on every attribute access.")[0] != COVERED


def test_without_rubric_data_swapped_names_still_get_no_credit() -> None:
    answer = (
        "__getattr__ is called for every attribute access; __getattribute__ only when normal lookup fails."
    )
    assert statuses(answer, rubric=None)[0] != COVERED


def test_naming_one_of_the_listed_options_is_enough() -> None:
    points = ["Protect shared state with a lock, a queue or an Event."]
    rubric = Rubric(points=(PointRubric((Concept(("lock", "queue", "Event", "semaphore")),)),))
    result = match(
        answer="Wrap the counter update so only one thread at a time touches it: use a lock.",
        key_points=points,
        rubric=rubric,
    )
    assert result.points[0].status == COVERED


def test_a_code_block_is_evidence() -> None:
    points = ["Protect shared state with a lock."]
    rubric = Rubric(points=(PointRubric((Concept(("with lock", "acquire")),)),))
    answer = "```python\nimport threading\nlock = threading.Lock()\n\ndef bump():\n    global n\n    with lock:\n        n += 1\n```"
    result = match(answer=answer, key_points=points, rubric=rubric)
    assert result.points[0].status == COVERED


def test_a_registry_written_as_code_is_not_a_keyword_list_and_covers_the_point() -> None:
    points = [
        "`__init_subclass__` runs on the base whenever a subclass is defined, receiving the subclass as `cls`."
    ]
    rubric = Rubric(
        points=(PointRubric((Concept(("__init_subclass__",)), Concept(("registry", "register", "cls")))),)
    )
    answer = (
        "class Plugin:\n"
        "    registry = {}\n"
        "    def __init_subclass__(cls, **kwargs):\n"
        "        super().__init_subclass__(**kwargs)\n"
        "        Plugin.registry[cls.__name__] = cls\n"
    )
    result = match(answer=answer, key_points=points, question="What is __init_subclass__ for?", rubric=rubric)
    assert result.notice == ""
    assert result.points[0].status == COVERED


def test_a_terse_expert_answer_is_not_a_keyword_list_but_a_bare_list_is() -> None:
    points = ["Hash passwords with Argon2id or bcrypt through a vetted library, with a per-user salt."]
    rubric = Rubric(
        points=(PointRubric((Concept(("argon2", "argon2id", "bcrypt", "scrypt")), Concept(("salt",)))),)
    )
    terse = "Argon2id/bcrypt via a vetted lib, per-user salt, constant-time compare."
    assert match(answer=terse, key_points=points, rubric=rubric).points[0].status == COVERED
    stuffed = "argon2id bcrypt salt pepper hash library constant time compare"
    assert match(answer=stuffed, key_points=points, rubric=rubric).notice == NOTICE_LIST


def test_paraphrases_and_abbreviations_meet_the_rubric() -> None:
    points = [
        "Type hints are not enforced at run time.",
        "`select_related` follows foreign keys with a JOIN.",
    ]
    rubric = Rubric(
        points=(
            PointRubric(
                (Concept(("type hints", "annotations")), Concept(("not enforced", "ignored", "not checked")))
            ),
            PointRubric(
                (
                    Concept(("select_related",)),
                    Concept(
                        ("foreign key", "one-to-one"),
                    ),
                    Concept(("join",)),
                )
            ),
        )
    )
    answer = "Annotations are ignored at runtime. select_related JOINs along an FK in one query."
    result = match(answer=answer, key_points=points, rubric=rubric)
    assert [p.status for p in result.points] == [COVERED, COVERED]


def test_an_answer_built_on_two_known_wrong_claims_gets_no_tick_at_all() -> None:
    points = [*POINTS, "`__getattr__` is the right tool for proxies and delegation."]
    rubric = Rubric(
        points=(
            *RUBRIC.points,
            PointRubric((Concept(("__getattr__",)), Concept(("proxy", "proxies", "delegation")))),
        ),
        misconceptions=(
            *RUBRIC.misconceptions,
            Misconception(
                claim="super() is not needed inside __getattribute__.",
                concepts=(Concept(("super",)), Concept(("unnecessary", "pointless"))),
                contradicts=(1,),
                correction="Without super().__getattribute__ the hook calls itself forever.",
            ),
        ),
    )
    one_wrong = (
        "__getattr__ runs on every attribute access. Proxies use __getattr__ to forward lookups. "
        "Inside __getattribute__ call super().__getattribute__ or you get infinite recursion."
    )
    # The rules keep a mostly right answer's ticks beside its one slip; the learned step may still withdraw a
    # tick from an answer that states a known wrong claim (it learned that such answers are often wrong
    # elsewhere too), and it ticks a contradicted point only where it is sure the sentence says the point.
    rules, _rows = evidence(answer=one_wrong, key_points=points, question=QUESTION, rubric=rubric)
    assert [p.status for p in rules.points] == [CONTRADICTED, COVERED, COVERED]
    result = match(answer=one_wrong, key_points=points, question=QUESTION, rubric=rubric)
    assert [p.status for p in result.points][:2] == [CONTRADICTED, COVERED]
    two_wrong = "__getattr__ runs on every attribute access. Proxies use __getattr__ to forward lookups."
    two_wrong += " Calling super is pointless."
    result = match(answer=two_wrong, key_points=points, question=QUESTION, rubric=rubric)
    assert result.covered_count == 0
    assert result.points[2].status == UNCLEAR


DESCRIPTOR_POINTS = ["Data descriptors take priority over the instance `__dict__`."]
DESCRIPTOR_RUBRIC = Rubric(
    points=(PointRubric((Concept(("data descriptor", "data descriptors")), Concept(("priority", "win")))),)
)


def test_a_non_prefix_negates_the_word_it_is_attached_to() -> None:
    answer = "Non-data descriptors like functions win over the instance dict."
    result = match(answer=answer, key_points=DESCRIPTOR_POINTS, question="", rubric=DESCRIPTOR_RUBRIC)
    assert result.points[0].status != COVERED


def test_a_concept_dismissed_right_after_it_is_not_stated() -> None:
    points = ["Retry with exponential backoff and jitter."]
    rubric = Rubric(points=(PointRubric((Concept(("backoff",)), Concept(("jitter",)))),))
    assert (
        match(answer="Backoff with jitter spreads retries out.", key_points=points, rubric=rubric)
        .points[0]
        .covered
    )
    dismissed = "Backoff with jitter is unnecessary if you retry quickly."
    assert not match(answer=dismissed, key_points=points, rubric=rubric).points[0].covered


def test_abbreviations_typed_under_time_pressure_count_as_the_word() -> None:
    points = ["Processes have separate memory spaces."]
    rubric = Rubric(points=(PointRubric((Concept(("processes",)), Concept(("separate memory",)))),))
    result = match(answer="Procs: separate mem, one GIL each.", key_points=points, rubric=rubric)
    assert result.points[0].covered


def test_a_negation_stops_at_a_bracket_or_a_relative_clause() -> None:
    points = ["Cyclic garbage collection reclaims objects that reference each other."]
    rubric = Rubric(points=(PointRubric((Concept(("point at each other",)), Concept(("collector",)))),))
    answer = "Counting can't deal with objects that point at each other, so a collector finds them."
    assert match(answer=answer, key_points=points, rubric=rubric).points[0].covered
    negated = "Counting can't free objects pointing at each other, so no collector helps."
    assert not match(answer=negated, key_points=points, rubric=rubric).points[0].covered


def test_a_code_block_showing_part_of_a_point_needs_less_of_its_wording() -> None:
    points = [
        "`except* T` handles the sub-group of exceptions matching T, and several except* clauses can run."
    ]
    rubric = Rubric(
        points=(PointRubric((Concept(("re:except\\s*\\*",)), Concept(("sub-group", "several clauses")))),)
    )
    code = (
        "```python\ntry:\n    raise ExceptionGroup('batch', [ValueError('a'), TypeError('b')])\n"
        "except* ValueError as eg:\n    print('values', eg.exceptions)\n"
        "except* TypeError as eg:\n    print('types', eg.exceptions)  # both handlers ran on one group\n```"
    )
    assert match(answer=code, key_points=points, rubric=rubric).points[0].covered


def test_a_mostly_wrong_answer_with_one_known_wrong_claim_gets_no_tick() -> None:
    points = [*POINTS, "`__getattr__` is the right tool for proxies and delegation."]
    rubric = Rubric(
        points=(
            *RUBRIC.points,
            PointRubric((Concept(("__getattr__",)), Concept(("proxy", "proxies", "delegation")))),
        ),
        misconceptions=RUBRIC.misconceptions,
    )
    answer = "__getattr__ runs on every attribute access. Proxies use __getattr__ to forward lookups."
    result = match(answer=answer, key_points=points, question=QUESTION, rubric=rubric)
    assert [p.status for p in result.points] == [CONTRADICTED, "missed", UNCLEAR]
    assert result.points[0].correction == CORRECTION


def one_wrong_claim(claim: str, *concepts: Concept, correction: str) -> Rubric:
    """A rubric for one key point with no rubric of its own and one misconception that contradicts it."""
    return Rubric(
        points=(None,),
        misconceptions=(
            Misconception(claim=claim, concepts=concepts, contradicts=(0,), correction=correction),
        ),
    )


def test_code_in_a_rubric_is_matched_as_written_not_as_its_loose_words() -> None:
    points = ["`-7 // 2` is -4: floor division rounds towards negative infinity."]
    rubric = one_wrong_claim(
        "-7 // 2 is -3.",
        Concept(("-7 // 2",)),
        Concept(("-3",)),
        correction="// floors: -7 // 2 is -4.",
    )
    right = "-7 // 2 is -4, while 7 // 2 is 3."
    assert match(answer=right, key_points=points, rubric=rubric).points[0].correction == ""
    wrong = "-7//2 is -3 because it truncates."
    assert match(answer=wrong, key_points=points, rubric=rubric).points[0].status == CONTRADICTED


def test_a_plain_word_meets_a_camelcase_name_only_as_its_first_word() -> None:
    points = ["Since 3.8 `except Exception` does not catch cancellation."]
    rubric = one_wrong_claim(
        "except Exception catches CancelledError.",
        Concept(("Exception",)),
        Concept(("swallow", "swallows", "catches")),
        correction="CancelledError derives from BaseException since 3.8.",
    )
    correct = "A classic mistake is code that swallows CancelledError in a cleanup handler and carries on."
    assert match(answer=correct, key_points=points, rubric=rubric).points[0].correction == ""
    wrong = "A plain except Exception catches the cancellation too, so wrap it carefully."
    assert match(answer=wrong, key_points=points, rubric=rubric).points[0].status == CONTRADICTED


def test_a_wrong_claim_is_matched_on_its_own_words_not_their_synonyms() -> None:
    points = ["asyncio runs coroutines concurrently on one thread, switching at await."]
    rubric = one_wrong_claim(
        "asyncio runs coroutines in parallel.",
        Concept(("asyncio",)),
        Concept(("in parallel", "several threads")),
        correction="asyncio interleaves tasks on one thread; only one runs at a time.",
    )
    right = "With asyncio the tasks run concurrently, taking turns at each await."
    assert match(answer=right, key_points=points, rubric=rubric).points[0].correction == ""
    wrong = "asyncio runs all the coroutines in parallel."
    assert match(answer=wrong, key_points=points, rubric=rubric).points[0].status == CONTRADICTED


def test_abbreviations_typed_under_time_pressure_count_as_their_words() -> None:
    rubric = Rubric(
        points=(PointRubric((Concept(("coroutine",)), Concept(("index",)))),),
    )
    answer = "Each coro gets its own idx in the results list, so the order is kept."
    result = match(
        answer=answer,
        key_points=["Each coroutine's result lands at its index."],
        question="How does gather order results?",
        rubric=rubric,
    )
    assert result.points[0].status == COVERED


def test_terse_notes_that_relate_their_terms_are_not_a_keyword_list() -> None:
    points = ["`with` calls `__enter__` on entry and `__exit__` on every exit, including exceptions."]
    rubric = Rubric(points=(PointRubric((Concept(("with",)), Concept(("__enter__", "__exit__")))),))
    notes = (
        "with → __enter__/__exit__ (always, incl. exceptions); __exit__(typ, val, tb), truthy return "
        "suppresses; @contextmanager w/ try/finally around yield; suppress(...); ExitStack for N CMs, LIFO."
    )
    result = match(answer=notes, key_points=points, rubric=rubric)
    assert result.notice == ""
    assert result.points[0].status == COVERED


def test_a_negation_in_code_stops_at_the_end_of_its_line() -> None:
    points = ["A tuple can hold mutable objects, which can still be changed."]
    rubric = Rubric(points=(PointRubric((Concept(("tuple",)), Concept(("list inside", "mutable")))),))
    code = "```python\nt = (1, [2])  # a tuple, never hashable\n# its list inside is mutable\nt[1].append(3)\n```"
    assert match(answer=code, key_points=points, rubric=rubric).points[0].status == COVERED


def test_a_negated_harming_verb_keeps_what_follows_it() -> None:
    points = ["Liskov: subclasses must keep the base contract."]
    rubric = Rubric(
        points=(PointRubric((Concept(("Liskov", "LSP")), Concept(("contract", "base contract")))),)
    )
    kept = "LSP: subclasses don't break the base contract."
    assert match(answer=kept, key_points=points, rubric=rubric).points[0].status == COVERED
    denied = "LSP: subclasses don't need the base contract."
    assert match(answer=denied, key_points=points, rubric=rubric).points[0].status != COVERED


SOLID = [
    "Single responsibility: a class has one reason to change.",
    "Open/closed: extend behaviour without editing existing code.",
    "Liskov: subclasses must keep the base contract.",
    "Interface segregation: many small interfaces beat one fat one.",
    "Dependency inversion: depend on abstractions, not concrete classes.",
]
SOLID_RUBRIC = Rubric(
    points=(
        PointRubric((Concept(("single responsibility",)), Concept(("one reason",)))),
        PointRubric((Concept(("open/closed", "open closed")), Concept(("extend",)))),
        PointRubric((Concept(("Liskov", "LSP")), Concept(("contract", "base contract")))),
        PointRubric((Concept(("interface segregation",)), Concept(("small interfaces",)))),
        PointRubric((Concept(("dependency inversion",)), Concept(("abstractions",)))),
    )
)


@pytest.mark.parametrize(
    "denied",
    [
        "LSP: subclasses don't need the base contract.",
        "Liskov says subclasses need not keep the base contract.",
    ],
)
def test_a_negated_restatement_in_a_whole_question_is_no_tick(denied: str) -> None:
    result = match(
        answer=denied, key_points=SOLID, question="What are the SOLID principles?", rubric=SOLID_RUBRIC
    )
    assert result.points[2].status != COVERED


def bank_concepts() -> set[Concept]:
    """Every concept of every key point and misconception in the bank's rubric data."""
    return {
        concept
        for _key_points, rubric in bank_rubrics().values()
        for item in (*rubric.points, *rubric.misconceptions)
        if item is not None
        for concept in item.concepts
    }


def test_a_clause_is_skipped_only_where_no_alternative_of_a_concept_can_occur() -> None:
    """`_absent` reads a concept's alternatives' first words once (`_openings`); it must say what asking
    `_Reach.may_match` of each alternative says, or a wrong claim or a key point would be missed unread."""

    def by_each_alternative(concept: Concept, reach: _Reach) -> bool:
        for alternative in concept.alternatives:
            alt = _compile_alternative(alternative)
            if alt.regex is not None or (alt.words and reach.may_match(alt.words[0])):
                return False
        return True

    answer = (
        "Threads share memory but the GIL lets one run bytecode at a time; use a ProcessPoolExecutor for CPU "
        "work. A generater is lazy, `yield` suspends it, and `__iter__` returns self. Don't mutate a default "
        "list: `def f(x=None)` instead. select_related joins, prefetch_related runs a second query."
    )
    reaches = [_Reach.of(_content(clause)) for clause in analyse(answer).clauses]
    concepts = bank_concepts()
    assert len(concepts) > 1000
    disagree = [
        concept.alternatives[:3]
        for concept in concepts
        for reach in reaches
        if _absent(concept, reach) != by_each_alternative(concept, reach)
    ]
    assert disagree == []


def test_a_word_is_passed_over_only_where_it_cannot_match() -> None:
    """`_Reach.may_match` lets the matcher skip a clause for a rubric word: it must never say no where
    `_word_matches` would say yes, whatever the word (code name, dotted name, special method said in prose,
    negator, CamelCase name opening on one, filler, typo)."""

    answer = (
        "The constructor runs after `__new__`; NotImplementedError is not NotImplemented. Call sorted(xs) or "
        "functools.lru_cache, never `os.system`. Use a ThreadPoolExecutor with a lock, isn't it? The "
        "generater and the dictionery are typos; none of this is True. select_related joins, `obj.__dict__`."
    )
    words = [w for clause in analyse(answer).clauses for w in clause.words]
    alternatives = {
        word
        for concept in bank_concepts()
        for alternative in concept.alternatives
        for word in _compile_alternative(alternative).words
    }
    assert len(alternatives) > 1000
    missed = [
        (alt.surface, word.surface)
        for word, reach in ((word, _Reach.of([word])) for word in words)
        for alt in alternatives
        if not reach.may_match(alt) and (_word_matches(alt, word) or _word_matches(alt, word, strict=True))
    ]
    assert missed == []
