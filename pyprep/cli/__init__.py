"""The `pyprep` terminal command: search, read and practise the bank, export Anki decks."""
