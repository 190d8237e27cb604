import math
import re
from dataclasses import dataclass, field

_PATTERN = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)(?:-rc([0-9]+))?")


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    rc: float = field(default=math.inf)
    text: str = field(default="", compare=False)

    @classmethod
    def parse(cls, text: str) -> "Version":
        m = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if m is None or (m.group(4) is not None and int(m.group(4)) < 1):
            raise ValueError(f"not a version: {text!r}")
        rc = int(m.group(4)) if m.group(4) else math.inf
        return cls(int(m.group(1)), int(m.group(2)), int(m.group(3)), rc, text)

    def __str__(self) -> str:
        if self.text:
            return self.text
        base = f"{self.major}.{self.minor}.{self.patch}"
        if self.rc != math.inf:
            base += f"-rc{int(self.rc)}"
        return base
