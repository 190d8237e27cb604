import re
import unicodedata


def words(text: str) -> list[str]:
    """The words of text, in order, normalised and casefolded."""
    raise NotImplementedError
