"""Where the package's own files live: data sets, lessons, icons, translations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of ``nnsim/resources/<parts...>`` (installed, editable or frozen)."""
    return Path(str(resources.files("nnsim").joinpath("resources", *parts)))
