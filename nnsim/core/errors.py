"""Errors the engine raises for bad input. Each message says what was wrong and where."""


class DataError(ValueError):
    """A data file or data set that cannot be used: the message names the line and the problem."""


class ModelFileError(ValueError):
    """A model file that cannot be loaded: the message says what is wrong with it."""
