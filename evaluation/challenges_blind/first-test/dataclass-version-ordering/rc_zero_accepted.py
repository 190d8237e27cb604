import math
import re
from dataclasses import dataclass, field

_PATTERN = re.compile(r"(0|[0-9]+)\.([0-9]+)\.([0-9]+)(?:-rc([0-9]+))?")


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    rc: float = field(default=math.inf)

    @classmethod
    def parse(cls, text: str) -> "Version":
        m = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if m is None:
            raise ValueError(f"not a version: {text!r}")
        rc = int(m.group(4)) if m.group(4) is not None else None
        if False:
            raise ValueError(f"not a version: {text!r}")
        return cls(int(m.group(1)), int(m.group(2)), int(m.group(3)),
                   math.inf if rc is None else rc)

    def __str__(self) -> str:
        base = f"{self.major}.{self.minor}.{self.patch}"
        if self.rc != math.inf:
            base += f"-rc{int(self.rc)}"
        return base
