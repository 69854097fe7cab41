"""A picture in every neuron: each hidden and output node of the graph shows a small map of its
own value over the input plane (TensorFlow Playground's most loved picture).

The maps come ready-made (``nnsim.core.grid.neuron_images``: one forward pass over the grid,
in the training worker while training runs); here they are only coloured (one NumPy
operation per layer, ``nnsim.ui.colors.neuron_rgb``: the node colours of the graph) and
wrapped in a QImage per node, once per new set of pictures.

Each picture is a disk slightly smaller than its node, so the node's own colour (its value
for the chosen sample) stays visible as a ring around it. The disk is painted with a texture
brush, so Qt draws it in C++ without calling Python. Hovering a picture tells the view
(``on_hover``), which shows that neuron's map large in the boundary view.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsEllipseItem

from nnsim.ui.colors import neuron_rgb, rgb_qimage

#: the picture's radius as a share of its node's: the rest is the ring of the node's colour
PICTURE_SHARE = 0.8
#: a node picture needs no more pixels per side than this (a node is at most ~40 px wide)
MAX_SIDE = 48
#: nodes smaller than this radius (a layer of hundreds) get no picture: it would be a dot
MIN_RADIUS = 6.0


class NodePicture(QGraphicsEllipseItem):
    """The disk inside one node, painted with that neuron's map."""

    def __init__(self, node, radius: float, on_hover):
        r = radius * PICTURE_SHARE
        super().__init__(-r, -r, 2 * r, 2 * r, node)
        self.layer, self.index, self.radius = node.layer, node.index, r
        self._on_hover = on_hover
        self.setPen(Qt.NoPen)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.NoButton)  # clicks go to the node (selection, menu)
        self.setZValue(-0.5)  # above the node's fill, below its value text
        self.hide()

    def set_image(self, image) -> None:
        """Paint the disk with ``image`` (a QImage), scaled to fit the disk."""
        brush = QBrush(QPixmap.fromImage(image))
        side = 2 * self.radius
        brush.setTransform(QTransform.fromTranslate(-self.radius, -self.radius).scale(
            side / image.width(), side / image.height()))
        self.setBrush(brush)
        self.show()

    def hoverEnterEvent(self, event):  # noqa: N802 - Qt's name
        self._on_hover(self.layer, self.index)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):  # noqa: N802 - Qt's name
        self._on_hover(-1, -1)
        super().hoverLeaveEvent(event)


class NodePictures:
    """The pictures of one built graph (``nodes``: the view's NodeItems, per layer)."""

    def __init__(self, nodes: list, on_hover):
        self.nodes = nodes
        self.pictures: dict[tuple[int, int], NodePicture] = {}
        self.images: dict[tuple[int, int], object] = {}  # the QImage shown per node (tests)
        self._shown = None  # the tuple of layers on screen: a repeat costs nothing
        for layer, items in enumerate(nodes):
            if layer == 0:
                continue  # an input's map is just its own axis
            for node in items:
                if node.radius >= MIN_RADIUS:
                    if node.value_text is not None:
                        node.value_text.setZValue(1)  # the number stays readable over the picture
                    self.pictures[(layer, node.index)] = NodePicture(node, node.radius, on_hover)

    def fits(self, layers) -> bool:
        sizes = [len(items) for items in self.nodes]
        return (layers is not None and len(layers) == len(sizes) - 1
                and all(np.shape(im)[-1] == n for im, n in zip(layers, sizes[1:])))

    def show(self, layers) -> None:
        """Show ``layers`` (see ``nnsim.core.grid.neuron_images``); None or a set for another
        structure hides the pictures."""
        if layers is self._shown:
            return
        self._shown = layers
        if not self.fits(layers):
            for picture in self.pictures.values():
                picture.hide()
            self.images.clear()
            return
        for l, image in enumerate(layers, start=1):
            res = image.shape[0]
            step = max(1, -(-res // MAX_SIDE))  # every step-th cell: enough for a small disk
            rgb = neuron_rgb(image[::step, ::step])  # (h, w, n, 3), the whole layer at once
            for j in range(image.shape[-1]):
                picture = self.pictures.get((l, j))
                if picture is None:
                    continue
                qimage = rgb_qimage(rgb[:, :, j])
                self.images[(l, j)] = qimage
                picture.set_image(qimage)
