class ConfigError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def _host(value: str) -> str:
    if not value:
        raise ValueError("host must not be empty")
    return value


def _int_between(key: str, low: int, high: int | None):
    def convert(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"{key} must be an integer, got {value!r}") from None
        if high is None and number < low:
            raise ValueError(f"{key} must be at least {low}")
        if high is not None and not low <= number <= high:
            raise ValueError(f"{key} must be between {low} and {high}")
        return number

    return convert


def _bool(value: str) -> bool:
    lowered = value.lower()
    if lowered not in ("true", "false"):
        raise ValueError("debug must be true or false")
    return lowered == "true"


CONVERTERS = {"host": _host, "port": _int_between("port", 1, 65535), "debug": _bool, "workers": _int_between("workers", 1, None)}
DEFAULTS = {"debug": False, "workers": 1}


def parse_config(text: str) -> dict:
    errors: list[str] = []
    values: dict = {}
    first_line: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            errors.append(f"line {number}: expected 'key = value'")
            continue
        key, _, value = (part.strip() for part in line.partition("="))
        if key not in CONVERTERS:
            errors.append(f"line {number}: unknown key {key!r}")
            continue
        if key in first_line:
            errors.append(f"line {number}: duplicate key {key!r} (first on line {first_line[key]})")
            continue
        first_line[key] = number
        try:
            values[key] = CONVERTERS[key](value)
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
    for key in CONVERTERS:
        if key not in first_line and key not in DEFAULTS:
            errors.append(f"missing key: {key}")
    if errors:
        raise ConfigError(errors)
    return {**DEFAULTS, **values}
