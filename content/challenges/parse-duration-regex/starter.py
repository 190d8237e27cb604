import re


def parse_duration(text: str) -> int:
    raise NotImplementedError


def format_duration(seconds: int) -> str:
    raise NotImplementedError
