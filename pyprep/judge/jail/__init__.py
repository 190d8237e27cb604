"""The jail's text: its sections, joined in order into the one program the judge starts with `-c`.

Everything in this package runs outside the trusted judge process (zygote, keeper, runner, harness) and uses
the standard library only. The child must get it as one text (`python3 -I -S -B -X utf8 -c <text> zygote FD`),
so the sections are plain modules, importable one by one for tests and type checking, that reach the names of
earlier sections through an import guarded by `if __name__ != "__main__"`: in the joined text, run as
`__main__`, the guard is false and the names are simply defined above. Importing this package does not import
the sections.
"""

from __future__ import annotations

from pathlib import Path

SECTIONS = ("config.py", "prelude.py", "harness.py", "runner.py", "keeper.py", "forkserver.py", "zygote.py")
_FUTURE = "from __future__ import annotations\n"


def _join() -> str:
    here = Path(__file__).parent
    parts = []
    for index, name in enumerate(SECTIONS):
        text = (here / name).read_text()
        if index:
            # a __future__ import is only legal at the top of the joined text, where the first section has it
            text = text.replace(_FUTURE, "", 1)
        parts.append(f"# ---- jail section {name} ----\n{text}")
    return "\n\n".join(parts)


JAIL_SOURCE = _join()
