import re
from dataclasses import dataclass

_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)(?:-rc([1-9]\d*))?")


@dataclass(order=True, frozen=True)
class Version:
    text: str

    @classmethod
    def parse(cls, text: str) -> "Version":
        match = _VERSION.fullmatch(text)
        if match is None:
            raise ValueError(f"not a version: {text!r}")
        major, minor, patch, rc = match.groups()
        base = f"{int(major)}.{int(minor)}.{int(patch)}"
        return cls(base if rc is None else f"{base}-rc{rc}")

    def __str__(self) -> str:
        return self.text
