"""The network graph: clicks select, edges edit, the view follows the document."""


import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDoubleSpinBox

from nnsim.core import Network
from nnsim.model.document import NetworkDocument
from nnsim.ui.graph.network_view import NetworkView, value_color
from nnsim.model.structure import NetworkEditor


def view_pos(view, scene_point):
    return view.mapFromScene(scene_point)


def test_clicking_a_node_selects_it(shown_window, qtbot, find_slider):
    view = shown_window.network_view
    assert view.objectName() == "networkView"
    pos = view_pos(view, view.node_item(2, 5).scenePos())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=pos)
    assert shown_window.selection.node == (2, 5)
    find_slider("weightSlider_1_0_5")
    find_slider("biasSlider_1_5")


def test_clicking_an_edge_selects_its_weight(shown_window, qtbot):
    view = shown_window.network_view
    pos = view_pos(view, view.edge_midpoint(0, 2, 3, 0.35))  # clear of crossings
    assert view.edge_at(pos) == (0, 2, 3)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=pos)
    assert shown_window.selection.edge == (0, 2, 3)
    assert shown_window.selection.node == (1, 3)
    assert shown_window.parameter_panel.highlighted_row() == ("weight", 0, 2, 3)


def test_clicking_the_background_selects_nothing_new(shown_window, qtbot):
    view = shown_window.network_view
    before = shown_window.selection.state()
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=QPoint(3, 3))
    assert shown_window.selection.state() == before


def test_double_click_edge_edits_weight_in_place(shown_window, qtbot):
    view = shown_window.network_view
    pos = view_pos(view, view.edge_midpoint(1, 0, 0))
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=pos)
    editor = view.viewport().findChild(QDoubleSpinBox, "edgeWeightEditor")
    assert editor is not None and editor.isVisible()
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "1.5")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert shown_window.network.weights[1][0, 0] == 1.5
    assert shown_window.undo_stack.count() == 1


def test_inline_editor_escape_cancels(shown_window, qtbot):
    view = shown_window.network_view
    original = float(shown_window.network.weights[0][0, 0])
    editor = view.edit_weight(0, 0, 0)
    editor.setValue(2.0)
    qtbot.keyClick(editor, Qt.Key_Escape)
    assert shown_window.network.weights[0][0, 0] == original


@pytest.mark.parametrize("weight, shown", [(1.7e308, "1.7e308"), (-1.7e308, "-1.7e308"), (float("nan"), "nan")])
def test_the_inline_editor_shows_a_weight_beyond_its_range_truly(shown_window, qtbot, weight, shown):
    # It used to clamp to +-1000, and Enter then wrote 1000 into the network.
    shown_window.document.set_weight(0, 0, 0, weight)
    editor = shown_window.network_view.edit_weight(0, 0, 0)
    assert editor.text() == shown
    qtbot.keyClick(editor, Qt.Key_Return)
    after = float(shown_window.network.weights[0][0, 0])
    assert after == weight or (np.isnan(weight) and np.isnan(after))


def test_a_huge_z_reads_in_a_few_characters(window):
    window.document.set_bias(0, 0, 1.7e308)
    z = float(window.document.trace().zs[0][0][0])
    assert window.network_view.node_tooltip(1, 0).split("\n")[1] == f"z = {z:.4g}"
    assert len(window.network_view.node_tooltip(1, 0)) < 80


def test_nodes_show_their_activation(window):
    view = window.network_view
    trace = window.document.trace()
    v = float(trace.activations[3][0][1])
    assert view.node_item(3, 1).brush().color() == value_color(v)
    z_out = float(trace.zs[2][0][1])
    assert view.node_tooltip(3, 1) == f"versicolor (Output)\nz = {z_out:.4f}\nsoftmax(z) = {v:.4f}"
    z, a = float(trace.zs[0][0][0]), float(trace.activations[1][0][0])
    assert view.node_tooltip(1, 0) == f"h1.1 (Hidden 1)\nz = {z:.4f}\ntanh(z) = {a:.4f}"
    x = float(trace.activations[0][0][2])
    assert view.node_tooltip(0, 2) == (
        f"petal length (cm) (input)\n1.4 in the data's units → x = {x:.4f} as the network sees it (standardized)")
    window.document.set_sample([0.25, 0.5, 0.75, 1.0])  # typed as the network sees it
    assert view.node_tooltip(0, 2) == "petal length (cm) (input)\nvalue x = 0.7500"


def test_parameter_change_recolours_without_rebuilding(window, find_slider):
    view = window.network_view
    item = view.node_item(1, 0)
    find_slider("biasSlider_0_0").setValue(1000)
    assert view.node_item(1, 0) is item  # same item: recoloured in place
    v = float(window.document.trace().activations[1][0][0])
    assert item.brush().color() == value_color(v)


def test_structure_change_rebuilds(window):
    window.editor.add_neuron(1)
    view = window.network_view
    assert view.node_item(1, 8) is not None
    window.editor.add_layer(1)
    assert len(view._nodes) == 5


def test_context_menu_actions(window):
    view = window.network_view
    menu = view.build_context_menu(1, 2)
    actions = {a.objectName(): a for a in menu.actions()}
    before = window.network.copy()
    actions["contextAddNeuron"].trigger()
    assert window.network.layer_sizes == [4, 9, 8, 3]
    # the new neuron sits after node 2; the others keep their weights
    np.testing.assert_array_equal(window.network.weights[0][:, :3], before.weights[0][:, :3])
    np.testing.assert_array_equal(window.network.weights[0][:, 4:], before.weights[0][:, 3:])
    menu = view.build_context_menu(0, 0)
    actions = {a.objectName(): a for a in menu.actions()}
    assert not actions["contextAddNeuron"].isEnabled()  # inputs follow the data set
    assert not actions["contextRemoveLayer"].isEnabled()
    menu = view.build_context_menu(2, 0)
    sub = menu.findChild(type(menu), "contextActivationMenu")
    relu = [a for a in sub.actions() if a.objectName() == "contextActivation_relu"][0]
    relu.trigger()
    assert window.network.activations[1] == "relu"
    assert "softmax" not in [a.text() for a in sub.actions()]


def test_zoom_and_fit(shown_window):
    view = shown_window.network_view
    scale = view.transform().m11()
    view.zoom(2.0)
    assert view.transform().m11() == pytest.approx(scale * 2.0)
    view.fit_to_view()
    assert view.transform().m11() == pytest.approx(scale)


@pytest.mark.parametrize("sizes", [[2, 1], [1, 1], [4, 64, 3], [64] * 10])
def test_layouts_from_tiny_to_huge(qtbot, sizes):
    net = Network(sizes, ["tanh"] * (len(sizes) - 2) + ["sigmoid"], seed=1)
    doc = NetworkDocument(net)
    editor = NetworkEditor(doc)
    view = NetworkView(doc, editor)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.grab()  # paints every edge group
    assert [len(nodes) for nodes in view._nodes] == sizes
    assert view.labels_shown == [n <= 16 for n in sizes]


def test_arrow_keys_move_the_selection(window, qtbot):
    view = window.network_view
    window.selection.select_node(1, 0)
    qtbot.keyClick(view, Qt.Key_Down)
    assert window.selection.node == (1, 1)
    qtbot.keyClick(view, Qt.Key_Right)
    assert window.selection.node == (2, 1)
    qtbot.keyClick(view, Qt.Key_Right)
    qtbot.keyClick(view, Qt.Key_Right)
    assert window.selection.node == (3, 1)
    qtbot.keyClick(view, Qt.Key_Left)
    qtbot.keyClick(view, Qt.Key_Up)
    assert window.selection.node == (2, 0)


def _document_and_editor(net):
    doc = NetworkDocument(net)
    return doc, NetworkEditor(doc)


def _pixel_at(view, scene_point):
    image = view.viewport().grab().toImage()
    return image.pixelColor(view.mapFromScene(scene_point))


@pytest.mark.parametrize("value, hue", [(4.0, "blue"), (-4.0, "orange")])
def test_an_edge_is_drawn_in_the_colour_of_its_sign(shown_window, value, hue):
    view, doc = shown_window.network_view, shown_window.document
    params = doc.network.params.copy()
    weights, _ = doc.network.views(params)
    weights[0][2, 3] = value  # the strongest weight: drawn widest, on top of the others
    doc.apply_parameters(params)
    c = _pixel_at(view, view.edge_midpoint(0, 2, 3, 0.35))
    if hue == "blue":
        assert c.blue() > 150 and c.red() < 60, c.name()
    else:
        assert c.red() > 200 and c.blue() < 60, c.name()


def test_big_graphs_draw_only_the_strongest_edges_and_follow_the_weights(qtbot):
    from nnsim.ui.graph.network_view import MAX_EDGES, MAX_EDGES_PER_GAP, MIN_EDGES_PER_GAP

    deep = NetworkView(*_document_and_editor(Network([64] * 10, seed=0)))
    qtbot.addWidget(deep)
    assert deep._edges.edge_count() == max(MIN_EDGES_PER_GAP, MAX_EDGES // 9) * 9 <= MAX_EDGES + 9

    net = Network([2, 64, 64, 2], seed=0)
    doc, editor = _document_and_editor(net)
    view = NetworkView(doc, editor)
    qtbot.addWidget(view)
    assert view._edges.edge_count() == 128 + MAX_EDGES_PER_GAP + 128
    params = net.params.copy()
    weights, _ = net.views(params)
    weights[1][...] = 0.0
    weights[1][5, 7] = -1.0  # the only edge left between the hidden layers
    doc.apply_parameters(params)
    # the one strong weight between the hidden layers is the only segment in the widest
    # orange path that joins them (the other gaps keep their own strongest edges)
    widest = view._edges.items[(-1, 7)].path()
    x0, x1 = view._positions[1][5], view._positions[2][7]
    points = {(round(widest.elementAt(k).x, 3), round(widest.elementAt(k).y, 3)) for k in range(widest.elementCount())}
    assert (round(x0[0], 3), round(x0[1], 3)) in points and (round(x1[0], 3), round(x1[1], 3)) in points


def test_fitting_the_graph_leaves_the_legend_clear_of_the_nodes(window, qtbot):
    window.resize(1280, 640)
    window.show()
    qtbot.waitExposed(window)
    view = window.network_view
    view.fit_to_view()
    legend = view.legend.geometry()
    if not view.legend.isVisible():  # (hidden where every corner holds a node or a name)
        legend = legend.__class__()
    for layer in range(len(window.network.layer_sizes)):
        for index in range(window.network.layer_sizes[layer]):
            centre = view.viewport().mapTo(view, view_pos(view, view.node_position(layer, index)))
            assert not legend.contains(centre), (layer, index)


def test_a_non_finite_weight_is_drawn_without_breaking_the_graph(shown_window):
    view, doc = shown_window.network_view, shown_window.document
    params = doc.network.params.copy()
    weights, _ = doc.network.views(params)
    weights[1][0, 0] = np.inf
    weights[1][1, 0] = np.nan
    doc.apply_parameters(params)
    view.grab()
    assert view._edges.edge_count() == sum(a * b for a, b in zip(doc.network.layer_sizes, doc.network.layer_sizes[1:]))
