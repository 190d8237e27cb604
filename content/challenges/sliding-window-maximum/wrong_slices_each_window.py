def window_max(values, k):
    if type(k) is not int or k < 1:
        raise ValueError("k must be a positive int")
    return [max(values[start:start + k]) for start in range(len(values) - k + 1)]
