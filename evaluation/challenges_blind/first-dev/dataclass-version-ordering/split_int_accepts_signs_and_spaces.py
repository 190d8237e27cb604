import math
from dataclasses import dataclass, field


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    rc: float = field(default=math.inf)

    @classmethod
    def parse(cls, text: str) -> "Version":
        try:
            core, sep, pre = text.partition("-")
            parts = core.split(".")
            if len(parts) != 3:
                raise ValueError
            major, minor, patch = (int(p) for p in parts)
            if min(major, minor, patch) < 0:
                raise ValueError
            rc = math.inf
            if sep:
                if not pre.startswith("rc"):
                    raise ValueError
                rc = int(pre[2:])
                if rc < 1:
                    raise ValueError
        except (ValueError, AttributeError):
            raise ValueError(f"not a version: {text!r}") from None
        return cls(major, minor, patch, rc)

    def __str__(self) -> str:
        base = f"{self.major}.{self.minor}.{self.patch}"
        if self.rc != math.inf:
            base += f"-rc{int(self.rc)}"
        return base
