"""The ast mutator makes the bugs candidates write, each once, with ids that survive unrelated edits."""

from __future__ import annotations

import pytest

from pyprep.challenges.mutation import mutants
from pyprep.challenges.validation import equivalent_mutants, sample_mutants

SOURCE = '''
import threading

_lock = threading.Lock()


def counted(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


@counted
def first_at_least(items, limit):
    """Docstrings are never mutated."""
    with _lock:
        i = 0
        while i < len(items) and items[i] != limit:
            i += 1
        if i == len(items):
            return None
        else:
            return sorted(items[i:])[: max(1, limit)]
'''


def test_every_kind_of_plausible_bug_is_made() -> None:
    kinds = {m.kind for m in mutants(SOURCE)}
    assert kinds == {
        "compare",
        "off-by-one",
        "slice-bound",
        "unwrap-with",
        "decorator",
        "swap-branches",
        "early-return",
        "while-to-if",
        "and-or",
        "delete",
        "boundary",
        "dropped-copy",
        "min-max",
    }


def test_the_descriptions_name_what_changed() -> None:
    ids = {m.id for m in mutants(SOURCE)}
    assert "first_at_least: `<` became `<=` in `i < len(items)`" in ids
    assert "first_at_least: `_lock` block removed, body kept" in ids
    assert "counted: dropped decorator `@functools.wraps(func)`" in ids
    assert "first_at_least: `while i < len(items) and items[i] != limit` became `if`" in ids
    assert "first_at_least: swapped if/else branches of `if i == len(items)`" in ids
    assert "first_at_least: return None at the start of first_at_least()" in ids
    assert "first_at_least: `len(items)` + 1 in `i < len(items)`" in ids
    assert "first_at_least: `sorted(items[i:])` became its argument" in ids


def test_every_mutant_compiles_differs_from_the_reference_and_is_unique() -> None:
    made = mutants(SOURCE)
    sources = [m.source for m in made]
    assert len(set(sources)) == len(sources)
    assert len({m.id for m in made}) == len(made)
    for mutant in made:
        compile(mutant.source, "solution.py", "exec")


def test_ids_do_not_change_when_unrelated_lines_move() -> None:
    moved = "\n\n# a comment and blank lines above\n\n" + SOURCE
    assert [m.id for m in mutants(moved)] == [m.id for m in mutants(SOURCE)]


def test_a_sample_is_the_same_every_time_and_keeps_the_order() -> None:
    made = mutants(SOURCE)
    first = sample_mutants(made, size=5)
    assert first == sample_mutants(made, size=5)
    assert [made.index(m) for m in first] == sorted(made.index(m) for m in first)
    assert sample_mutants(made, size=None) == made


def test_equivalent_mutants_must_say_why() -> None:
    listed = equivalent_mutants('- id: "f: constant 0 became 1"\n  why: "the value is never read"\n')
    assert listed == {"f: constant 0 became 1": "the value is never read"}
    with pytest.raises(ValueError, match="why"):
        equivalent_mutants('- id: "f: constant 0 became 1"\n')
