"""The engine's texts said in the user's language: the data sets' table stays complete."""

from nnsim.core import DATASETS
from nnsim.core.datasets import IRIS_FEATURES
from nnsim.model.messages import DATA_NAMES, translate_name


def test_every_built_in_data_set_text_is_in_the_translation_table():
    texts = [text for info in DATASETS.values() for text in (info.title, info.description)]
    missing = [text for text in texts + list(IRIS_FEATURES) if text not in DATA_NAMES]
    assert missing == []  # add them to nnsim/model/messages.py DATA_NAMES


def test_other_names_pass_unchanged(qapp):
    assert translate_name("plant height") == "plant height"
    assert translate_name("Iris flowers") == "Iris flowers"  # English: no translator installed
