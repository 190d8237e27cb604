import re
import unicodedata

# A run of letters or digits ([^\W_] is \w without the underscore), then any number of
# single apostrophes or hyphens each followed by another run: don't, well-known, rock'n'roll.
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


# lower() keeps "ß" and ligatures such as "ﬁ": "Straße" and "STRASSE" stay different words.
def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return [match.lower() for match in WORD.findall(text)]
