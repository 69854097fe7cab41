"""What the last weight update did, drawn on the graph.

- ``gradient_picture(network, update)``: the gradient view's numbers. An edge is coloured by
  the sign of its gradient ∂L/∂w (blue: positive, so the update lowers the weight; orange:
  negative, so it raises it) and sized by its size; a node by its delta δ = ∂L/∂z, relative
  to the largest of the update. The same rule as the usual picture (blue: a positive
  number), so one glance shows which weights the known answer pushes, and which way.
- ``FlashOverlay``: after a step, or in slow motion, the weights the update changed light up
  and fade out over ``FLASH_SECONDS`` (a QVariantAnimation, about 60 frames a second), the
  more changed the brighter.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QVariantAnimation, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

#: how long the changed weights stay lit after an update
FLASH_SECONDS = 0.7
#: the flash colour (a warm yellow that shows over blue and orange edges alike)
FLASH_COLOR = QColor(255, 190, 0)
#: weights whose change is below this share of the update's largest change do not flash
FLASH_SHARE = 0.05
#: at most this many of the most changed weights flash (a big network would be all light)
MAX_FLASHED = 600


def gradient_picture(network, update):
    """``(edge_values, edge_scale, node_values)`` for the gradient view of ``update``:
    per weight layer each weight's gradient (shaped like ``weights[l]``) and the largest
    size of one; per node layer each node's delta (the batch mean; 0 for the inputs)
    scaled into -1..1."""
    pushes, _ = network.views(np.asarray(update.gradient))
    scale = max((float(np.abs(p).max()) for p in pushes if p.size), default=0.0)
    deltas = [np.zeros(network.layer_sizes[0])] + [d.mean(axis=0) for d in update.backprop.deltas]
    node_scale = max((float(np.abs(d).max()) for d in deltas if d.size), default=0.0)
    node_values = [d / node_scale if node_scale > 0 else d for d in deltas]
    return pushes, (scale if scale > 0 else 1.0), node_values


class FlashOverlay:
    """The lit-up edges of the last update: two path items (bright for the most changed
    weights, softer for the rest) over the graph's edges, fading out together."""

    def __init__(self, scene: QGraphicsScene, positions: list[np.ndarray], parent=None):
        """``parent``: the view (the animation must not outlive the scene's items)."""
        self._ends = []
        for src, dst in zip(positions[:-1], positions[1:]):
            self._ends.append((np.repeat(src, len(dst), axis=0), np.tile(dst, (len(src), 1))))
        self.items = []
        for width, alpha in ((7.0, 230), (3.5, 150)):
            colour = QColor(FLASH_COLOR)
            colour.setAlpha(alpha)
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.RoundCap)
            item = QGraphicsPathItem()
            item.setPen(pen)
            item.setAcceptedMouseButtons(Qt.NoButton)
            item.setZValue(4)  # over the edges, under the highlights and the nodes
            item.hide()
            scene.addItem(item)
            self.items.append(item)
        self.animation = QVariantAnimation(parent)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(0.0)
        self.animation.setDuration(round(FLASH_SECONDS * 1000))
        self.animation.setEasingCurve(QEasingCurve.InQuad)
        self.animation.valueChanged.connect(self._fade)
        self.animation.finished.connect(self._done)
        #: frames drawn by the last flash (the benchmark counts them)
        self.frames = 0
        #: flat weight-layer indices lit by the last flash, per weight layer (for tests)
        self.lit: list[np.ndarray] = []

    def flash(self, network, update) -> None:
        """Light up the weights ``update`` changed, then let them fade."""
        changes, _ = network.views(np.abs(np.asarray(update.applied)))
        largest = max((float(c.max()) for c in changes if c.size), default=0.0)
        if not largest > 0:
            return
        strong, soft, lit = ([], []), ([], []), []
        flat = np.concatenate([c.ravel() for c in changes])
        # the most changed weights only: a threshold at the MAX_FLASHED-th largest change
        floor = max(FLASH_SHARE * largest, np.partition(flat, -MAX_FLASHED)[-MAX_FLASHED] if flat.size > MAX_FLASHED else 0.0)
        for (a, b), c in zip(self._ends, changes):
            c = c.ravel()
            keep = np.flatnonzero(c >= floor)
            lit.append(keep)
            bright = c[keep] >= 0.5 * largest
            for target, chosen in ((strong, keep[bright]), (soft, keep[~bright])):
                target[0].append(np.column_stack([a[chosen, 0], b[chosen, 0]]))
                target[1].append(np.column_stack([a[chosen, 1], b[chosen, 1]]))
        self.lit = lit
        for item, (xs, ys) in zip(self.items, (strong, soft)):
            x, y = np.concatenate(xs).ravel(), np.concatenate(ys).ravel()
            item.setPath(pg.arrayToQPath(x, y, connect="pairs", finiteCheck=False) if x.size else QPainterPath())
            item.setOpacity(1.0)
            item.show()
        self.frames = 0
        self.animation.stop()
        self.animation.start()

    @property
    def active(self) -> bool:
        return self.animation.state() == QVariantAnimation.Running

    def _fade(self, value) -> None:
        self.frames += 1
        for item in self.items:
            item.setOpacity(float(value))

    def _done(self) -> None:
        for item in self.items:
            item.hide()

    def remove(self) -> None:
        """Before the scene is rebuilt (the items go with it)."""
        self.animation.stop()
        self.animation.deleteLater()
