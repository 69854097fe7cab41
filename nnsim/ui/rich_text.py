"""Text put into the panels' rich-text labels (Qt's HTML subset)."""

from __future__ import annotations

import html


def html_text(text) -> str:
    """``text`` (a node, layer or class name, possibly from the user's CSV file) escaped so
    a rich-text label shows it literally: "<", ">" and "&" become entities.

    Quotes stay as they are: the labels put names between tags, never inside an attribute.
    """
    return html.escape(str(text), quote=False)
