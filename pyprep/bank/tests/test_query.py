"""Reading a query: the subject outweighs interview filler, aliases join spellings, typos find the bank's word."""

from __future__ import annotations

from pyprep.bank.query import (
    FILLER_WEIGHT,
    SUBJECT_WEIGHT,
    Vocabulary,
    documents_vocabulary,
    parse_query,
    query_terms,
)


def weights(text: str, **kwargs: object) -> dict[str, int]:
    return {term.word: term.weight for term in parse_query(text, **kwargs).terms}  # type: ignore[arg-type]


def test_the_subject_of_a_question_weighs_more_than_its_filler_words() -> None:
    found = weights("What is the purpose of asyncio in Python?")
    assert found == {"purpose": FILLER_WEIGHT, "asyncio": SUBJECT_WEIGHT}
    found = weights("What are Python Decorators? Provide an example.")
    assert found["decorators"] > found["provide"] == found["example"] == FILLER_WEIGHT


def test_words_spelt_as_code_and_pep_numbers_are_subjects() -> None:
    found = weights("What is the difference between `__call__` and __init__ in frobnicate_widget?")
    assert found["call"] == found["init"] == found["frobnicate"] == SUBJECT_WEIGHT
    assert weights("what does pep 8 say")["8"] == SUBJECT_WEIGHT
    assert weights("Describe the usage of the collections module")["collections"] == SUBJECT_WEIGHT


def test_aliases_add_the_other_spelling_of_the_same_thing() -> None:
    assert "dataclass" in weights("How do data classes simplify storing data?")
    assert {"global", "interpreter", "lock"} <= set(weights("what is the GIL"))
    assert "foreignkey" in weights("FK vs M2M in the ORM")
    assert "manytomany" in weights("FK vs M2M in the ORM")
    assert "datetime" in weights("current date and time")
    assert {"time", "complexity"} <= set(weights("big O of dict lookups"))
    assert "secrets" in weights("where do API keys go")


def test_stopwords_and_punctuation_are_dropped_but_a_query_of_stopwords_keeps_them() -> None:
    assert query_terms("What is the difference between __getattr__ and __getattribute__?") == [
        "getattr",
        "getattribute",
    ]
    assert query_terms("what is") == ["what", "is"]


def test_a_misspelt_word_is_replaced_by_the_bank_word_one_edit_away() -> None:
    vocabulary = documents_vocabulary(
        ["How does asyncio work?", "What is a decorator?", "What is a metaclass?", "asyncio tasks"]
    )
    for typo, meant in [("asyncoi", "asyncio"), ("decoratr", "decorator"), ("metclass", "metaclass")]:
        parsed = parse_query(f"what is {typo}", vocabulary=vocabulary)
        assert parsed.corrections == ((typo, meant),)
        assert meant in parsed.words


def test_real_words_the_bank_does_not_use_are_left_alone() -> None:
    vocabulary = documents_vocabulary(["How do you read characters from a file?"])
    assert vocabulary.correct("chars") is None or "chars" not in vocabulary
    parsed = parse_query(
        "kubernetes helm charts", vocabulary=vocabulary, is_word={"charts", "helm"}.__contains__
    )
    assert parsed.corrections == ()


def test_the_vocabulary_prefers_the_more_common_of_two_candidates() -> None:
    vocabulary = Vocabulary()
    for text in ["class", "class", "clash"]:
        vocabulary.add_document(text)
    assert vocabulary.correct("clas") == "class"


def test_a_real_word_in_another_form_is_not_taken_for_a_typo() -> None:
    vocabulary = documents_vocabulary(["transaction rollback", "event polling", "What is a taskgroup?"])
    parsed = parse_query(
        "zero-downtime rollbacks, connection pooling and taskgroups",
        vocabulary=vocabulary,
        is_word={"pool", "connection", "zero", "downtime"}.__contains__,
    )
    assert parsed.corrections == ()
    assert {"rollbacks", "pooling", "taskgroups"} <= set(parsed.words)


def test_a_typo_of_a_stopword_is_dropped_like_the_stopword() -> None:
    vocabulary = documents_vocabulary(["How does Python store a date?", "What is datetime?"])
    parsed = parse_query("curent date in pyhton", vocabulary=vocabulary)
    assert "python" not in parsed.words
    assert "date" in parsed.words


def test_the_dense_query_reads_the_whole_question_with_its_typos_fixed_and_aliases_added() -> None:
    vocabulary = documents_vocabulary(["How does asyncio work?", "What are data classes?"])
    parsed = parse_query("why is my asyncoi code slow with data classes", vocabulary=vocabulary)
    assert parsed.typed_text.startswith("why is my asyncio code slow with data classes")
    assert "dataclass" in parsed.typed_text.split()
    assert parsed.dense_text == "asyncio slow data classes"


def test_idioms_name_the_thing_they_mean() -> None:
    assert {"iterator", "iteration"} <= set(weights("How does a for loop work under the hood?"))
    assert {"internally", "internals"} <= set(weights("dict under the hood"))
    assert "iteration" in weights("why is my loop so slow")


def test_the_markers_of_a_signature_read_as_positional_and_keyword_only() -> None:
    found = weights("What do / and * mean in def f(a, /, b, *, c)?")
    assert {"positional", "keyword", "only"} <= set(found)
