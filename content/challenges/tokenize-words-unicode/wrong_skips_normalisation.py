import re
import unicodedata

# A run of letters or digits ([^\W_] is \w without the underscore), then any number of
# single apostrophes or hyphens each followed by another run: don't, well-known, rock'n'roll.
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


# Without NFC, "e" + U+0301 is two characters and the combining accent, not alphanumeric, splits the word.
def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'")
    return [match.casefold() for match in WORD.findall(text)]
