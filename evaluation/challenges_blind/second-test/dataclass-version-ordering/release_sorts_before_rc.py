import re
from dataclasses import dataclass

_PATTERN = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)(?:-rc([0-9]+))?")


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    rc: int = 0  # 0 means a final release

    @classmethod
    def parse(cls, text: str) -> "Version":
        match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a version: {text!r}")
        major, minor, patch, rc = match.groups()
        rc_number = int(rc) if rc is not None else 0
        if rc is not None and rc_number < 1:
            raise ValueError(f"not a version: {text!r}")
        return cls(int(major), int(minor), int(patch), rc_number)

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.rc:
            text += f"-rc{self.rc}"
        return text
