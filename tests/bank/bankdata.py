"""The real bank, parsed once per test session, and the evaluation files that go with it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from pyprep.bank.content import ContentBundle, read_bundle

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SHARED = ROOT.parent / "shared"
QUESTION_LINE = re.compile(r"^\s*(?P<number>\d+\.\s*)?(?P<q>[A-Z][^?]{8,200}\?)\s*$")
# Article 001 numbers its questions; its unnumbered question lines are sub-headings inside answers.
NUMBERED_ONLY = {"001"}


@cache
def bank() -> ContentBundle:
    bundle, errors = read_bundle(CONTENT)
    assert not errors, "\n".join(str(e) for e in errors)
    return bundle


def load_yaml_dir(name: str) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    for path in sorted((ROOT / "tests" / name).glob("*.yaml")):
        entries += yaml.safe_load(path.read_text()) or []
    return entries


def reference_questions() -> list[tuple[str, str]]:
    """(article id, question) for every interview question the reference articles ask."""
    found: list[tuple[str, str]] = []
    for path in sorted((SHARED / "reference-articles").glob("*.txt")):
        article = path.name[:3]
        for line in path.read_text().splitlines():
            match = QUESTION_LINE.match(line)
            if not match or (article in NUMBERED_ONLY and not match.group("number")):
                continue
            if not line.lstrip().startswith(("🔹", "-", "*")) and len(line.split()) <= 30:
                found.append((article, match.group("q").strip()))
    return found


WORD = re.compile(r"[a-z0-9_]+")
FILLER = frozenset(
    "a an the is are what how do you does in of and to for python pythons python's it its".split()
)


def words(text: str) -> set[str]:
    """Content words of a question; all its words when it has no others ("What is Python?")."""
    every = set(WORD.findall(text.lower().replace("’", "'")))
    return (every - FILLER) or every
