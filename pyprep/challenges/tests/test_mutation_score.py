"""validate_challenges --mutation: mutants go through the judge like a wrong solution; listed equivalents are
not scored, everything else that survives is reported by id."""

from __future__ import annotations

from pathlib import Path

from pyprep.challenges.spec import read_challenges
from pyprep.challenges.tests.fixtures import make_content
from pyprep.challenges.validation import equivalent_mutants, mutation_test
from pyprep.judge.sandbox import Sandbox

SURVIVOR = "two_sum: deleted `return None`"


def test_a_survivor_is_reported_until_it_is_listed_as_equivalent(tmp_path: Path, sandbox: Sandbox) -> None:
    content = make_content(tmp_path, ["two-sum-indices"])
    specs, _, errors = read_challenges(content)
    assert errors == []
    listed = equivalent_mutants(
        (content / "challenges" / "two-sum-indices" / "equivalent_mutants.yaml").read_text(encoding="utf-8")
    )

    bare = mutation_test(specs[0], sandbox, equivalent={})
    scored = mutation_test(specs[0], sandbox, equivalent=listed)

    assert [m.id for m in bare.survivors] == [SURVIVOR]
    assert bare.score < 100.0
    assert bare.killed == bare.mutants - 1
    assert (scored.survivors, scored.equivalent, scored.score) == ((), (SURVIVOR,), 100.0)


def test_an_equivalent_entry_for_a_mutant_that_no_longer_exists_is_reported(
    tmp_path: Path, sandbox: Sandbox
) -> None:
    content = make_content(tmp_path, ["two-sum-indices"])
    specs, _, _ = read_challenges(content)

    report = mutation_test(specs[0], sandbox, equivalent={"two_sum: gone": "was removed"}, sample=2)

    assert report.stale_equivalents == ("two_sum: gone",)
    assert report.mutants == 2


def test_a_set_of_wrong_solutions_is_graded_and_the_accepted_ones_are_counted(tmp_path: Path) -> None:
    import io

    import yaml
    from django.core.management import call_command

    content = make_content(tmp_path, ["two-sum-indices"])
    folder = tmp_path / "set"
    (folder / "two-sum-indices").mkdir(parents=True)
    reference = (content / "challenges" / "two-sum-indices" / "solution.py").read_text(encoding="utf-8")
    (folder / "two-sum-indices" / "right.py").write_text(reference, encoding="utf-8")
    (folder / "two-sum-indices" / "wrong.py").write_text("def two_sum(nums, target):\n    return None\n")
    entries = [{"challenge": "two-sum-indices", "file": name} for name in ("right.py", "wrong.py")]
    (folder / "manifest.yaml").write_text(yaml.safe_dump(entries), encoding="utf-8")

    out = io.StringIO()
    call_command("validate_challenges", "--content", str(content), "--try-set", str(folder), stdout=out)

    assert "2 wrong solutions: 1 accepted (1 accepted, 1 wrong_answer)" in out.getvalue()
    assert "accepted: two-sum-indices/right.py" in out.getvalue()


def test_the_mutation_run_also_fails_a_challenge_whose_wrong_solution_is_accepted(tmp_path: Path) -> None:
    import io

    import pytest
    from django.core.management import CommandError, call_command

    content = make_content(tmp_path, ["two-sum-indices"])
    folder = content / "challenges" / "two-sum-indices"
    wrong = next(path for path in folder.glob("wrong_*.py"))
    wrong.write_text((folder / "solution.py").read_text(encoding="utf-8"), encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 validation error"):
        call_command(
            "validate_challenges", "--content", str(content), "--mutation", "--sample", "2", stderr=err
        )

    assert f"{wrong.name} must get" in err.getvalue()
    assert "but got accepted" in err.getvalue()
