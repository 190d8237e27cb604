class ConfigError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


_ORDER = ("host", "port", "debug", "workers")
_DEFAULTS = {"debug": False, "workers": 1}


def _parse_int(key, value, minimum, maximum, lineno, errors):
    try:
        number = int(value)
    except ValueError:
        errors.append(f"line {lineno}: {key} must be an integer, got {value!r}")
        return None
    if maximum is None:
        if number < minimum:
            errors.append(f"line {lineno}: {key} must be at least {minimum}")
            return None
    elif not (minimum <= number <= maximum):
        errors.append(f"line {lineno}: {key} must be between {minimum} and {maximum}")
        return None
    return number


def parse_config(text: str) -> dict:
    errors = []
    values = {}
    seen = {}
    content_no = 0
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if errors:
            raise ConfigError(errors)
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            errors.append(f"line {lineno}: expected 'key = value'")
        else:
            key, value = (part.strip() for part in line.split("=", 1))
            if key not in _ORDER:
                errors.append(f"line {lineno}: unknown key {key!r}")
                continue
            if key in seen:
                errors.append(f"line {lineno}: duplicate key {key!r} (first on line {seen[key]})")
                continue
            seen[key] = lineno
            if key == "host":
                if not value:
                    errors.append(f"line {lineno}: host must not be empty")
                else:
                    values["host"] = value
            elif key == "port":
                number = _parse_int("port", value, 1, 65535, lineno, errors)
                if number is not None:
                    values["port"] = number
            elif key == "debug":
                flag = value.lower()
                if flag == "true":
                    values["debug"] = True
                elif flag == "false":
                    values["debug"] = False
                else:
                    errors.append(f"line {lineno}: debug must be true or false")
            elif key == "workers":
                number = _parse_int("workers", value, 1, None, lineno, errors)
                if number is not None:
                    values["workers"] = number
    if errors:
        raise ConfigError(errors)
    for key in ("host", "port"):
        if key not in seen:
            errors.append(f"missing key: {key}")
    if errors:
        raise ConfigError(errors)
    result = dict(_DEFAULTS)
    result.update(values)
    return {key: result[key] for key in _ORDER}
