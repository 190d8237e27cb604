import re
from dataclasses import dataclass, field

_PATTERN = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)(?:-rc([0-9]+))?")


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    # (0, n) for release candidate n, (1, 0) for the final release
    pre: tuple = field(default=(1, 0))

    @classmethod
    def parse(cls, text: str) -> "Version":
        match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a version: {text!r}")
        major, minor, patch, rc = match.groups()
        pre = (0, int(rc)) if rc is not None else (1, 0)
        return cls(int(major), int(minor), int(patch), pre)

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.pre[0] == 0:
            text += f"-rc{self.pre[1]}"
        return text
