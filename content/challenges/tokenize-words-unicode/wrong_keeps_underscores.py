import re
import unicodedata

WORD = re.compile(r"\w+(?:['-]\w+)*")


# \w also matches "_", so "snake_case" comes out as one word.
def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return [match.casefold() for match in WORD.findall(text)]
