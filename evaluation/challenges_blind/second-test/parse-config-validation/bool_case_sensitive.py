class ConfigError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


KEYS = ("host", "port", "debug", "workers")


def parse_config(text: str) -> dict:
    errors = []
    config = {"debug": False, "workers": 1}
    first_line = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "=" not in stripped:
            errors.append(f"line {number}: expected 'key = value'")
            continue
        key, value = stripped.split("=", 1)
        key, value = key.strip(), value.strip()
        if key not in KEYS:
            errors.append(f"line {number}: unknown key '{key}'")
            continue
        if key in first_line:
            errors.append(f"line {number}: duplicate key '{key}' (first on line {first_line[key]})")
            continue
        first_line[key] = number
        if key == "host":
            if not value:
                errors.append(f"line {number}: host must not be empty")
            else:
                config["host"] = value
        elif key in ("port", "workers"):
            try:
                n = int(value)
            except ValueError:
                errors.append(f"line {number}: {key} must be an integer, got '{value}'")
                continue
            if key == "port" and not 1 <= n <= 65535:
                errors.append(f"line {number}: port must be between 1 and 65535")
            elif key == "workers" and n < 1:
                errors.append(f"line {number}: workers must be at least 1")
            else:
                config[key] = n
        else:
            if value == "true":
                config["debug"] = True
            elif value == "false":
                config["debug"] = False
            else:
                errors.append(f"line {number}: debug must be true or false")
    for key in ("host", "port"):
        if key not in first_line:
            errors.append(f"missing key: {key}")
    if errors:
        raise ConfigError(errors)
    return config
