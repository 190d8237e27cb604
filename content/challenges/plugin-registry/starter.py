class Exporter:
    registry: dict = {}

    def __init_subclass__(cls, **kwargs):
        raise NotImplementedError
