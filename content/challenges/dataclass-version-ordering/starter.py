from dataclasses import dataclass


@dataclass(order=True, frozen=True)
class Version:
    @classmethod
    def parse(cls, text: str) -> "Version":
        raise NotImplementedError
