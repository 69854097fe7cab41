"""The engine: pure NumPy, never Qt. Usable from a notebook or a script."""

from nnsim.core.errors import DataError, ModelFileError
from nnsim.core.network import Network, Trace

__all__ = ["DataError", "ModelFileError", "Network", "Trace"]
