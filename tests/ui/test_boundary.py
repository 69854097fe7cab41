"""The decision boundary view: points, heatmap, note for non-2-D data, throttling, snapshots."""

import numpy as np
import pytest

from nnsim.core import Network, load_dataset
from nnsim.core.grid import boundary_image
from nnsim.core.training_data import default_network, prepare_data
from nnsim.ui.plots.boundary import DecisionBoundaryView, colour_image
from nnsim.model.document import NetworkDocument


def make_document(name):
    data = prepare_data(load_dataset(name))
    return NetworkDocument(default_network(data, seed=0), data)


@pytest.fixture
def view_of(qtbot):
    def make(document):
        view = DecisionBoundaryView(document)
        qtbot.addWidget(view)
        view.resize(500, 500)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def test_shows_the_points_of_a_2d_data_set(view_of):
    doc = make_document("xor")
    view = view_of(doc)
    assert view.objectName() == "boundaryView"
    assert view.is_showing_boundary()
    n_train, n_test = view.point_counts()
    assert (n_train, n_test) == (len(doc.data.y_train), len(doc.data.y_test))
    assert n_train + n_test == 200
    assert view.image.image is not None and view.image.image.shape == (100, 100, 3)
    item = view.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "x1 (standardized)"
    assert item.getAxis("left").labelText == "x2 (standardized)"


def test_iris_shows_the_plane_of_two_chosen_inputs(view_of):
    doc = make_document("iris")
    view = view_of(doc)
    assert view.is_showing_boundary() and view.features == (0, 1)
    assert view.features_row.isVisible()
    assert "held at their training mean" in view.title.text()
    assert view.point_counts() == (len(doc.data.y_train), len(doc.data.y_test))
    # switching to a 2-D set keeps the plane, without the choice of inputs
    data = prepare_data(load_dataset("circles"))
    doc.set_data(data, default_network(data))
    assert view.is_showing_boundary() and sum(view.point_counts()) == 200
    assert not view.features_row.isVisible()


def split_on_x1(doc):
    """Replace the network by a hand-made 2-1 neuron with weights [1, 0] (class 1 where x1 > 0)."""
    net = Network([2, 1], ["sigmoid"], seed=0)
    net.weights[0] = [[1.0], [0.0]]
    net.biases[0] = [0.0]
    doc.replace_network(net, user=False)
    return net


def test_hand_made_neuron_colours_left_class_0_and_right_class_1(view_of):
    doc = make_document("gaussians")
    view = view_of(doc)
    split_on_x1(doc)
    view.redraw_now()
    rgb = view.image.image.astype(int)
    x0, x1, _, _ = view.extent()
    zero_col = int(-x0 / (x1 - x0) * 100)
    left, right = rgb[:, : zero_col - 5], rgb[:, zero_col + 5 :]
    # class 0 is blue (0, 114, 178), class 1 orange (230, 159, 0)
    assert (left[..., 2] > left[..., 0]).all()
    assert (right[..., 0] > right[..., 2]).all()
    # the 50/50 line sits at x1 = 0
    xs, _ = view.boundary_line.getData()
    assert np.nanmax(np.abs(xs)) < 0.05


def test_many_parameter_changes_make_few_pictures(view_of, qtbot):
    doc = make_document("xor")
    view = view_of(doc)
    start = view.redraw_count
    for k in range(50):
        doc.set_weight(0, 0, 0, 0.01 * k)
    assert view.redraw_count == start  # coalesced, not yet drawn
    qtbot.waitUntil(lambda: view.redraw_count > start, timeout=1000)
    qtbot.wait(100)
    assert view.redraw_count == start + 1


def test_show_grid_takes_the_workers_picture(view_of):
    doc = make_document("moons")
    view = view_of(doc)
    other = Network([2, 2], ["softmax"], seed=5)
    grid = boundary_image(other, doc.data, 50, view.extent())
    view.show_grid(grid)
    np.testing.assert_array_equal(view.image.image, colour_image(grid[0], True))
    assert view.image.image.shape == (50, 50, 3)
    # a plain image over the view's own extent works too; None is ignored
    view.show_grid(grid[0])
    view.show_grid(None)
    # parameters equal to those the picture was shown with: nothing to recompute
    count = view.redraw_count
    doc.apply_parameters(doc.network.params.copy())
    view.redraw_now()
    assert view.redraw_count == count


def test_regression_plane_is_a_heatmap_without_a_boundary_line(view_of):
    doc = make_document("plane")
    view = view_of(doc)
    assert view.is_showing_boundary()
    assert sum(view.point_counts()) == 100
    assert view.boundary_line.getData()[0] is None or len(view.boundary_line.getData()[0]) == 0
    y = np.concatenate([np.ravel(doc.data.y_train), np.ravel(doc.data.y_test)])
    assert view.legend.text() == (
        f"Background: the network's prediction, from {y.min():.3g} (dark) to {y.max():.3g} (yellow). "
        "Dots: the true values (filled: training, hollow: test). The ring is the sample."
    )


def test_sample_marker_follows_the_document(view_of):
    doc = make_document("spiral")
    view = view_of(doc)
    doc.set_sample_index(7)
    pos = view.sample_marker.data["x"][0], view.sample_marker.data["y"][0]
    np.testing.assert_allclose(pos, doc.sample)


def test_network_without_data_shows_its_half_planes(view_of):
    net = Network([2, 1], ["step"], seed=0)
    doc = NetworkDocument(net, None)
    view = view_of(doc)
    assert view.is_showing_boundary() and view.point_counts() == (0, 0)
    assert view.extent() == (-2.0, 2.0, -2.0, 2.0)


def test_colour_image_for_many_classes_uses_the_class_colours():
    image = np.zeros((2, 2, 3), dtype=np.float32)
    image[0, 0] = [1, 0, 0]
    image[0, 1] = [0, 1, 0]
    image[1, 0] = [0, 0, 1]
    image[1, 1] = [1 / 3, 1 / 3, 1 / 3]
    rgb = colour_image(image, classification=True).astype(int)
    assert rgb[0, 0, 2] > rgb[0, 0, 0]  # blue
    assert rgb[0, 1, 0] > rgb[0, 1, 2]  # orange
    assert rgb[1, 0, 1] > rgb[1, 0, 0]  # green
    assert (rgb[1, 1] > 200).all()  # unsure: nearly white


def test_snapshots_of_running_training_bring_the_pictures(view_of, qtbot):
    from types import SimpleNamespace as Snapshot  # the fields of nnsim.training.worker.Snapshot used here

    doc = make_document("xor")
    view = view_of(doc)
    net = doc.network.copy()
    net.params[...] = np.random.default_rng(1).normal(size=net.params.size)
    image, extent = boundary_image(net, doc.data, 100, view.extent())

    def snapshot(**kw):
        base = dict(epoch=1, params=net.params.copy(), layer_sizes=tuple(net.layer_sizes),
                    activations=tuple(net.activations), metrics=None, grid=None, grid_extent=None,
                    running=True, kind="training")
        return Snapshot(**{**base, **kw})

    count = view.redraw_count
    view.show_snapshot(snapshot(grid=image, grid_extent=extent, running=True))
    doc.apply_parameters(net.params)  # the controller applies the same snapshot
    np.testing.assert_array_equal(view.image.image, colour_image(image, True))
    # while it runs, snapshots without a picture do not make the UI compute one
    view.show_snapshot(snapshot(running=True))
    doc.apply_parameters(net.params * 0.5)
    qtbot.wait(120)
    assert view.redraw_count == count
    # paused: the view computes the picture for the final parameters itself
    view.show_snapshot(snapshot(params=net.params * 0.5, running=False, kind="paused"))
    qtbot.waitUntil(lambda: view.redraw_count == count + 1, timeout=1000)
    # a stale snapshot for another structure is ignored
    shown = view.image.image.copy()
    view.show_snapshot(snapshot(layer_sizes=(4, 8, 8, 3), grid=np.zeros((100, 100, 3), np.float32)))
    np.testing.assert_array_equal(view.image.image, shown)


def test_following_training_the_picture_waits_for_its_turn(view_of):
    from types import SimpleNamespace as Snapshot

    from PySide6.QtCore import QObject, Signal

    class Controller(QObject):
        snapshotApplied = Signal(object)
        redrawTurn = Signal(int)

    doc = make_document("xor")
    view = view_of(doc)
    controller = Controller()
    view.follow_training(controller, turn=2)
    net = doc.network.copy()
    net.params[...] = np.random.default_rng(2).normal(size=net.params.size)
    image, extent = boundary_image(net, doc.data, 50, view.extent())
    before = view.image.image.copy()
    controller.snapshotApplied.emit(Snapshot(
        epoch=3, params=net.params.copy(), layer_sizes=tuple(net.layer_sizes), activations=tuple(net.activations),
        metrics=None, grid=image, grid_extent=extent, running=True, kind="training"))
    np.testing.assert_array_equal(view.image.image, before)  # not in the graph's pass
    controller.redrawTurn.emit(0)  # another view's turn
    np.testing.assert_array_equal(view.image.image, before)
    controller.redrawTurn.emit(2)
    np.testing.assert_array_equal(view.image.image, colour_image(image, True))
