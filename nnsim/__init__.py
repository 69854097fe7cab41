"""nnsim: a desktop neural-network simulator for classrooms."""

__version__ = "0.1.0"
