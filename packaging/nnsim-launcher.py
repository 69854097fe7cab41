"""The script PyInstaller freezes (see nnsim.spec): the same entry point as the `nnsim`
gui-script of pyproject.toml."""

import sys

from nnsim.app import main

sys.exit(main())
