"""Names put into rich-text labels are shown literally."""

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from nnsim.core import Network
from nnsim.model.document import NetworkDocument
from nnsim.model.structure import NetworkEditor
from nnsim.ui.panels.neuron_panel import NeuronPanel
from nnsim.ui.panels.parameter_panel import ParameterPanel
from nnsim.ui.rich_text import html_text


def test_html_text_escapes_markup_and_keeps_quotes():
    assert html_text("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert html_text("O'Neil \"x\"") == "O'Neil \"x\""
    assert html_text(3) == "3"


#: names as a person types them, rich in the characters that mean markup (no control
#: characters: Qt's text document drops those whatever the escaping)
NAMES = st.text(st.one_of(st.sampled_from("<>&;'\"/ #"),
                          st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))


@given(NAMES)
def test_html_text_reads_back_as_the_same_plain_text(qapp, text):
    doc = QTextDocument()
    doc.setHtml(html_text(text))
    # Qt's rich text folds runs of white space and line breaks like HTML does; what matters
    # here is that no character of the name is taken for markup.
    shown = doc.toPlainText()
    assert " ".join(shown.split()) == " ".join(text.split())


def test_panels_show_a_name_with_markup_characters_literally(qtbot):
    net = Network([1, 1], ["sigmoid"], seed=0)
    doc = NetworkDocument(net)
    doc.set_data(None, net, user=False, names=(["<b>size</b> & co"], ["y"]))
    editor = NetworkEditor(doc)
    editor.selection.select_node(1, 0)
    parameters, neuron = ParameterPanel(doc, editor), NeuronPanel(doc, editor)
    qtbot.addWidget(parameters)
    qtbot.addWidget(neuron)
    editor.selection.select_node(0, 0)
    assert parameters.title.text() == "<b>&lt;b&gt;size&lt;/b&gt; &amp; co</b> — an input"
    assert neuron.title.text() == (
        "<b>&lt;b&gt;size&lt;/b&gt; &amp; co</b> is an input: it passes the sample's value on."
    )
