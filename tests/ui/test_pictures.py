"""A picture in every neuron and a boundary you can read from the back row (issue 10).

The window's pictures against the engine: each node's picture is that neuron's activation
over the grid, the boundary view shows the network's forward pass (or the hovered neuron's),
Iris gets a plane of two chosen inputs, the Sine curve data a fitted curve, and the session's snapshots
carry every neuron's map computed in the training thread.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from nnsim.core import Network, load_dataset
from nnsim.core.grid import boundary_image, grid_points, held_inputs, plane_extent
from nnsim.core.training_data import prepare_data
from nnsim.training.session import TrainingSession
from nnsim.ui.colors import neuron_rgb
from nnsim.ui.plots.boundary import colour_image, neuron_image


def choose(window, qtbot, name):
    window.data_panel.select_dataset(name)
    qtbot.waitUntil(lambda: window.data_panel.current_key() == name, timeout=3000)


def grid_trace(net, extent, res, features=(0, 1), held=None):
    """The engine's own trace over the picture's grid (float64: the oracle)."""
    pts = grid_points(extent[:2], extent[2:], res).astype(np.float64)
    if net.layer_sizes[0] == 2:
        return net.trace(pts)
    X = np.repeat(np.asarray(held, dtype=np.float64)[None, :], len(pts), axis=0)
    X[:, features[0]], X[:, features[1]] = pts[:, 0], pts[:, 1]
    return net.trace(X)


def qimage_rgb(image) -> np.ndarray:
    """(h, w, 3) uint8 of a QImage, top row first."""
    image = image.convertToFormat(image.Format.Format_RGB888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, : 3 * w].reshape(h, w, 3)


def test_switching_data_sets_shows_the_right_views(shown_window, qtbot):
    win = shown_window
    view = win.boundary_view
    choose(win, qtbot, "spiral")
    assert view.isVisible() and view.is_showing_boundary() and not view.features_row.isVisible()
    sizes = win.network.layer_sizes
    pictures = win.network_view.node_pictures
    assert set(pictures.images) == {(l, j) for l in range(1, len(sizes)) for j in range(sizes[l])}
    assert all(p.isVisible() for p in pictures.pictures.values())
    assert view.showTestDataCheck.isChecked() and not view.discretizeCheck.isChecked()

    choose(win, qtbot, "iris")
    assert view.is_showing_boundary() and view.features_row.isVisible()
    x_combo = win.findChild(type(view.xFeatureCombo), "boundaryXFeature")
    y_combo = win.findChild(type(view.yFeatureCombo), "boundaryYFeature")
    assert [x_combo.itemText(i) for i in range(x_combo.count())] == win.document.input_names()
    assert (x_combo.currentIndex(), y_combo.currentIndex()) == (0, 1)
    assert "held at their training mean" in view.title.text()
    assert len(win.network_view.node_pictures.images) == sum(win.network.layer_sizes[1:])

    choose(win, qtbot, "curve")
    assert view.isVisible() and view.is_showing_curve() and not view.is_showing_boundary()
    assert "inputs" not in view.note_text() or not view.note.isVisible()


def test_each_node_picture_is_that_neurons_activation_over_the_grid(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "spiral")
    view, net = win.boundary_view, win.network
    layers = view.neuron_layers()
    extent = view.extent()
    res = layers[0].shape[0]
    trace = grid_trace(net, extent, res)
    for l in range(1, len(net.layer_sizes)):
        np.testing.assert_allclose(layers[l - 1], trace.activations[l].reshape(res, res, -1), atol=3e-6)
    # what each node paints: the neuron's values through the graph's colours, top row first
    step = -(-res // 48)
    for (l, j), image in win.network_view.node_pictures.images.items():
        expected = neuron_rgb(trace.activations[l][:, j].reshape(res, res)[::step, ::step])[::-1]
        got = qimage_rgb(image)
        assert got.shape == expected.shape
        assert np.abs(got.astype(int) - expected.astype(int)).max() <= 1  # float32 vs float64 rounding


def test_the_boundary_image_is_the_engine_forward_pass_on_its_grid(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "moons")
    view, net = win.boundary_view, win.network
    image = view.neuron_layers()[-1]
    res = image.shape[0]
    expected = net.forward(grid_points(view.extent()[:2], view.extent()[2:], res)).reshape(res, res, -1)
    np.testing.assert_allclose(image, expected, atol=3e-6)
    np.testing.assert_array_equal(view.image.image, colour_image(image, True))


def test_the_plane_fits_the_data_with_a_small_margin_and_equal_scale(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "spiral")
    view = win.boundary_view
    X = win.document.data.transform(win.document.data.dataset.X)
    x0, x1, y0, y1 = view.extent()
    assert (x0, x1, y0, y1) == plane_extent(win.document.data)
    assert x1 - x0 == pytest.approx(y1 - y0)
    assert x0 < X[:, 0].min() and X[:, 0].max() < x1 and (x1 - x0) < 1.25 * np.ptp(X, axis=0).max()
    # the axes show exactly the map (no empty band) and the data area is square (equal scale)
    (vx0, vx1), (vy0, vy1) = view.plot.getPlotItem().getViewBox().viewRange()
    assert (vx0, vx1, vy0, vy1) == pytest.approx((x0, x1, y0, y1), abs=1e-9)
    box = view.plot.getPlotItem().getViewBox().sceneBoundingRect()
    assert abs(box.width() - box.height()) <= 2 and box.width() > 150


def test_hovering_or_clicking_a_node_shows_its_map_large(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "xor")
    view, graph, net = win.boundary_view, win.network_view, win.network
    assert view.shown_neuron() is None
    layers = view.neuron_layers()
    centre = graph.mapFromScene(graph.node_position(1, 2))
    # the hover belongs to the node's picture, which the worker sends after the new data set:
    # a pointer that arrives before it hovers nothing
    qtbot.waitUntil(lambda: graph.node_pictures.pictures[(1, 2)].isVisible(), timeout=10000)
    # a modal dialog or a popup another test left open would take the pointer
    assert QApplication.activeModalWidget() is None, QApplication.activeModalWidget()
    assert QApplication.activePopupWidget() is None, QApplication.activePopupWidget()
    # from somewhere else first: a move to where the pointer already is (a test before may
    # have left it there) is no move, and no hover
    far = graph.mapFromScene(QPointF(-400, -400))
    # QTest remembers the buttons of its last click for every later move: after a test's
    # double click it thinks the left button is still down, and a scene sends no hover
    # while a button is down. A release puts its memory back to no button.
    qtbot.mouseRelease(graph.viewport(), Qt.LeftButton, pos=far)
    qtbot.mouseMove(graph.viewport(), far)
    qtbot.mouseMove(graph.viewport(), centre)
    qtbot.waitUntil(lambda: view.shown_neuron() == (1, 2), timeout=5000)
    np.testing.assert_array_equal(view.image.image, neuron_image(layers[0][:, :, 2]))
    assert "Neuron 3 of hidden layer 1" in view.title.text()
    # off the node: the network's answer again
    qtbot.mouseMove(graph.viewport(), graph.mapFromScene(QPointF(-400, -400)))
    qtbot.waitUntil(lambda: view.shown_neuron() is None, timeout=5000)
    np.testing.assert_array_equal(view.image.image, colour_image(layers[-1], True))
    # a click selects the node and shows its map
    last = len(net.layer_sizes) - 1
    qtbot.mouseClick(graph.viewport(), Qt.LeftButton, pos=graph.mapFromScene(graph.node_position(last - 1, 0)))
    assert view.shown_neuron() == (last - 1, 0)
    assert win.selection.node == (last - 1, 0)


def test_toggles_hide_test_points_and_discretize_the_answer(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "circles")
    view = win.boundary_view
    n_train, n_test = len(win.document.data.y_train), len(win.document.data.y_test)
    assert view.point_counts() == (n_train, n_test)
    view.showTestDataCheck.click()
    assert view.point_counts() == (n_train, 0)
    view.discretizeCheck.click()
    image = view.neuron_layers()[-1]
    rgb = view.image.image
    answered = image.argmax(axis=-1) if image.shape[-1] > 1 else (image[..., 0] > 0.5).astype(int)
    np.testing.assert_array_equal(rgb, colour_image(image, True, discretize=True))
    assert len({tuple(c) for c in rgb.reshape(-1, 3)}) == len(np.unique(answered))  # flat regions


def test_iris_picture_of_two_chosen_inputs_holds_the_others_at_their_mean(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "iris")
    view, data, net = win.boundary_view, win.document.data, win.network
    view.xFeatureCombo.setCurrentIndex(2)
    view.xFeatureCombo.activated.emit(2)
    view.yFeatureCombo.setCurrentIndex(3)
    view.yFeatureCombo.activated.emit(3)
    assert view.features == (2, 3) and win.training.plane_features == (2, 3)
    assert view.extent() == plane_extent(data, features=(2, 3))
    item = view.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "petal length (cm) (standardized)"
    image = view.neuron_layers()[-1]
    res = image.shape[0]
    trace = grid_trace(net, view.extent(), res, (2, 3), held_inputs(data))
    np.testing.assert_allclose(image, trace.output.reshape(res, res, 3), atol=3e-6)
    np.testing.assert_allclose(view.train_points.data["x"], np.asarray(data.X_train)[:, 2])
    # the same input on both axes is refused: nothing changes
    view.yFeatureCombo.setCurrentIndex(2)
    view.yFeatureCombo.activated.emit(2)
    assert view.features == (3, 2) or view.features == (2, 3)
    assert view.features[0] != view.features[1]


def test_the_regression_curve_matches_the_engine(shown_window, qtbot):
    win = shown_window
    choose(win, qtbot, "curve")
    view, net, data = win.boundary_view, win.network, win.document.data
    xs, ys = view.curve_data()
    X = data.transform(data.dataset.X)[:, 0]
    assert xs.min() < X.min() and X.max() < xs.max()
    np.testing.assert_allclose(ys, net.forward(xs[:, None])[:, 0], rtol=1e-12, atol=1e-12)
    assert len(view.curve_train.data) == len(data.y_train) and len(view.curve_test.data) == len(data.y_test)
    # an edit of a weight moves the curve to the engine's new answer
    win.editor.set_weight(0, 0, 0, 1.5)
    qtbot.waitUntil(lambda: np.allclose(view.curve_data()[1], win.network.forward(xs[:, None])[:, 0]),
                    timeout=2000)


def test_snapshots_carry_every_neurons_picture_from_the_session():
    data = prepare_data(load_dataset("spiral"))
    net = Network([2, 16, 16, 2], ["tanh", "tanh", "softmax"], seed=0)
    session = TrainingSession(grid_resolution=40)
    session.load(net, data)
    snap = session.step_epoch().snapshot
    assert [g.shape for g in snap.neuron_grids] == [(40, 40, 16), (40, 40, 16), (40, 40, 2)]
    assert snap.neuron_grids[-1] is snap.grid and not any(g.flags.writeable for g in snap.neuron_grids)
    live = session.network
    trace = grid_trace(live, snap.grid_extent, 40)
    for l, g in enumerate(snap.neuron_grids, start=1):
        np.testing.assert_allclose(g, trace.activations[l].reshape(40, 40, -1), atol=3e-6)
    # the plane of other inputs: refused when it does not exist, kept otherwise
    assert session.set_plane_features((0, 2)).error is not None
    assert session.set_plane_features((1, 0)).error is None
    snap = session.step_epoch().snapshot
    assert snap.grid_features == (1, 0)
    expected, _ = boundary_image(session.network, data, 40, features=(1, 0))
    np.testing.assert_allclose(snap.grid, expected, atol=3e-6)
