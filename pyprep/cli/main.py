def run() -> None:
    print("stub")
