"""Anki decks: the command and the download buttons write packages whose notes keep their GUIDs."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from django.test import Client
from typer.testing import CliRunner

import pyprep.bank
from pyprep.bank.services import content_load
from pyprep.cli.main import app
from pyprep.exports.anki import note_guid

FIXTURE_CONTENT = Path(pyprep.bank.__file__).parent / "tests" / "fixtures" / "content"


@pytest.fixture
def bank(db: None) -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []


def collection(apkg: Path | bytes, tmp_path: Path) -> sqlite3.Connection:
    """Anki's collection database from inside the package (a zip holding collection.anki2)."""
    source = apkg if isinstance(apkg, Path) else tmp_path / "download.apkg"
    if isinstance(apkg, bytes):
        source.write_bytes(apkg)
    target = tmp_path / f"{source.stem}-collection.anki2"
    with zipfile.ZipFile(source) as archive:
        target.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(target)


def export(tmp_path: Path, name: str, *args: str) -> Path:
    output = tmp_path / name
    result = CliRunner().invoke(app, ["export", "anki", *args, "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


@pytest.mark.usefixtures("bank")
def test_exporting_twice_gives_the_same_notes_with_the_same_guids(tmp_path: Path) -> None:
    first = collection(export(tmp_path, "first.apkg"), tmp_path)
    second = collection(export(tmp_path, "second.apkg"), tmp_path)
    guids = first.execute("SELECT guid FROM notes ORDER BY guid").fetchall()
    assert guids == second.execute("SELECT guid FROM notes ORDER BY guid").fetchall()
    assert len(guids) == 6  # every published question of the fixture bank, once
    assert first.execute("SELECT count(*) FROM cards").fetchone() == (6,)
    slug_of = dict(first.execute("SELECT guid, substr(flds, 1, instr(flds, char(31)) - 1) FROM notes"))
    assert all(note_guid(slug) == guid for guid, slug in slug_of.items())


@pytest.mark.usefixtures("bank")
def test_filters_choose_the_notes_and_decks_and_tags_follow_level_and_topic(tmp_path: Path) -> None:
    db = collection(export(tmp_path, "objects.apkg", "--topic", "objects"), tmp_path)
    tags = sorted(tag.strip() for (tag,) in db.execute("SELECT tags FROM notes"))
    assert tags == ["pyprep level::expert topic::objects", "pyprep level::senior topic::objects"]
    (decks_json,) = db.execute("SELECT decks FROM col").fetchone()
    assert '"pyprep::Senior::Objects"' in decks_json
    assert '"pyprep::Expert::Objects"' in decks_json


@pytest.mark.usefixtures("bank")
def test_the_back_shows_summary_key_points_and_inline_highlighted_examples(tmp_path: Path) -> None:
    db = collection(export(tmp_path, "one.apkg", "--level", "junior", "--kind", "concept"), tmp_path)
    (fields,) = db.execute("SELECT flds FROM notes").fetchone()
    slug, front, back, level, link = fields.split("\x1f")
    assert (slug, front, level) == (
        "mutable-defaults",
        "Why are mutable default arguments dangerous?",
        "Junior",
    )
    assert "Summary of mutable-defaults in one sentence." in back
    assert "<li>First point about mutable-defaults.</li>" in back
    # Pygments with inline styles: colours without a stylesheet, the output in its own block.
    assert '<span style="color: #008000">print</span>' in back
    assert "Output</div><pre" in back
    assert "<code>6</code>" in back
    assert 'href="http://127.0.0.1:8000/questions/mutable-defaults/"' in back
    assert link == "http://127.0.0.1:8000/questions/mutable-defaults/"


@pytest.mark.usefixtures("bank")
def test_an_unknown_filter_value_is_an_error_naming_the_allowed_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "anki", "--level", "guru", "-o", str(tmp_path / "x.apkg")])
    assert result.exit_code == 2
    assert "Unknown level 'guru'" in result.output
    assert not (tmp_path / "x.apkg").exists()


@pytest.mark.usefixtures("bank")
def test_the_list_and_set_pages_offer_the_deck_with_their_filters(client: Client, tmp_path: Path) -> None:
    page = client.get("/questions/?topic=objects").content.decode()
    assert 'href="/exports/anki.apkg?topic=objects" download>Download Anki deck</a>' in page
    assert 'href="/exports/anki.apkg?set=starter"' in client.get("/sets/starter/").content.decode()

    response = client.get("/exports/anki.apkg?topic=objects")
    assert response["Content-Type"] == "application/apkg"
    assert response["Content-Disposition"] == 'attachment; filename="pyprep.apkg"'
    assert collection(response.content, tmp_path).execute("SELECT count(*) FROM notes").fetchone() == (2,)

    by_set = client.get("/exports/anki.apkg?set=starter")
    db = collection(by_set.content, tmp_path)
    assert db.execute("SELECT count(*) FROM notes").fetchone() == (2,)
    assert '"pyprep::Starter set::Mid::Core language"' in db.execute("SELECT decks FROM col").fetchone()[0]


@pytest.mark.usefixtures("bank")
def test_a_bad_download_filter_is_a_400_with_the_reason(client: Client) -> None:
    response = client.get("/exports/anki.apkg?set=nope")
    assert response.status_code == 400
    assert response.content.decode() == "No curated set with slug 'nope'."
