import re
import unicodedata

# A run of letters or digits ([^\W_] is \w without the underscore), then any number of
# single apostrophes or hyphens each followed by another run: don't, well-known, rock'n'roll.
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


# Only the ASCII apostrophe joins words: "don’t" typed with a curly quote splits into "don" and "t".
def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    return [match.casefold() for match in WORD.findall(text)]
