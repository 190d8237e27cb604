"""verify_content runs every example in the sandbox and reports each mismatch as path:line with a diff."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pyprep.bank.tests.conftest import FIXTURE_CONTENT

BROKEN = """
## Examples

### Claims the wrong output
```python
for n in range(3):
    print(n * n)
```

```output
0
1
5
```

### Raises
```python
def ratio(a, b):
    return a / b

print(ratio(1, 0))
```

```output
never printed
```
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    path = root / "questions" / "core" / "dict-ordering.md"
    text = path.read_text()
    head, _, tail = text.partition("## Examples")
    path.write_text(head + BROKEN.lstrip() + "\n## Follow-ups" + tail.split("## Follow-ups", 1)[1])
    return root


def test_a_bank_whose_examples_all_match_passes() -> None:
    out = StringIO()
    call_command("verify_content", content=str(FIXTURE_CONTENT), versions="3.11", stdout=out)
    assert "Python 3.11: 6 of 6 examples and checks pass" in out.getvalue()


def test_a_wrong_output_is_reported_at_its_line_with_a_diff(content: Path) -> None:
    err = StringIO()
    with pytest.raises(CommandError, match="2 run"):
        call_command("verify_content", content=str(content), versions="3.11", stdout=StringIO(), stderr=err)
    report = err.getvalue()
    assert "content/questions/core/dict-ordering.md:26: [Python 3.11] output differs" in report
    assert "-5" in report
    assert "+4" in report


def test_an_exception_is_reported_with_the_example_s_own_traceback(content: Path) -> None:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_content", content=str(content), versions="3.11", stdout=StringIO(), stderr=err)
    report = err.getvalue()
    assert (
        "content/questions/core/dict-ordering.md:38: [Python 3.11] example failed (runtime_error)" in report
    )
    assert "ZeroDivisionError: division by zero" in report
    assert "line 2, in ratio" in report
