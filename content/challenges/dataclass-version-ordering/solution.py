import re
from dataclasses import dataclass

# [0-9], not \d: in a str pattern \d also matches other scripts' digits ("١.٢.٣"), which int() accepts.
_VERSION = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)(?:-rc([1-9][0-9]*))?")


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    # False sorts before True, so a release candidate precedes its release.
    is_release: bool = True
    rc: int = 0

    @classmethod
    def parse(cls, text: str) -> "Version":
        match = _VERSION.fullmatch(text)
        if match is None:
            raise ValueError(f"not a version: {text!r}")
        major, minor, patch, rc = match.groups()
        if rc is None:
            return cls(int(major), int(minor), int(patch))
        return cls(int(major), int(minor), int(patch), False, int(rc))

    def __str__(self) -> str:
        base = f"{self.major}.{self.minor}.{self.patch}"
        return base if self.is_release else f"{base}-rc{self.rc}"
