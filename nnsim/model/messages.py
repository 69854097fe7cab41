"""The engine's messages, said in the user's language.

``nnsim.core`` never imports Qt, so its errors (``DataError``, ``ModelFileError``, the
trainer's divergence note) are plain English. The UI passes such a text through
``translate_message`` just before showing it. Each entry of ``TEMPLATES`` is one shape of
engine message, written as the engine writes it with ``{fields}`` for the variable parts;
when a template matches a whole message, its translation is filled with the same fields
(themselves translated, so "file, line 4: <problem>" translates the problem too).

A message no template matches (say, a new one added to the engine) is shown as it is, in
English: readable, just not translated. Keep the templates in step with the engine's
wording; tests/ui/test_translation.py checks the common ones against real engine errors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CONTEXT = "EngineMessages"

#: Templates that only say where around another message ("plants.csv, line 4: <problem>").
#: They are tried first, and apply only when the inner message was translated, so an unknown
#: message is not half translated.
WRAPPERS = (
    QT_TRANSLATE_NOOP("EngineMessages", "{file}, line {line}, column '{column}': {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file}, line {line}: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{filename}: {problem}"),
    # the import dialog's per-line problems (nnsim.core.csv_loader.preview_csv)
    QT_TRANSLATE_NOOP("EngineMessages", "line {line}, column '{column}': {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "line {line}: {problem}"),
)

#: What a field matches when it is not just "any text": a file name has no ": " in it (so
#: "file: problem" splits at the first colon), a bare one also ends in an extension (so a
#: sentence with a colon is not taken for a file name), and a line is a number.
FIELD_PATTERNS = {
    "file": r"(?:(?!: ).)+?",
    "filename": r"(?:(?!: ).)+?\.\w{1,5}",
    "line": r"\d+",
}

#: Most specific first: the first template that matches the whole message wins. ``{path}``
#: is any text (a model file's name or whole path).
TEMPLATES = (
    # --- CSV tables (nnsim/core/csv_loader.py)
    QT_TRANSLATE_NOOP("EngineMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file has a header but no data rows"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file says it is UTF-16 text but is not readable as such"),
    QT_TRANSLATE_NOOP("EngineMessages", "this does not look like a text (CSV) file: it contains binary data. "
                                        "Save the table from your spreadsheet as CSV."),
    QT_TRANSLATE_NOOP("EngineMessages", "this does not look like a text (CSV) file: it contains control "
                                        "characters. Save the table from your spreadsheet as CSV."),
    QT_TRANSLATE_NOOP("EngineMessages", "unreadable character (byte {byte}): the file is neither UTF-8 nor "
                                        "Windows-1252 text. Save the table from your spreadsheet as CSV."),
    QT_TRANSLATE_NOOP("EngineMessages", "a quotation mark (\") opens a cell here that is never closed"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file mixes two text encodings: byte {byte} on this line is not UTF-8, "
                                        "but the file's other characters are. Save the table again from your "
                                        "spreadsheet as CSV UTF-8."),
    QT_TRANSLATE_NOOP("EngineMessages", "this is {kind}, not a file: choose a table saved as a CSV file"),
    # what a path is when it is not a file (nnsim/core/files.py), inside the messages above
    QT_TRANSLATE_NOOP("EngineMessages", "a named pipe (FIFO)"),
    QT_TRANSLATE_NOOP("EngineMessages", "a device"),
    QT_TRANSLATE_NOOP("EngineMessages", "a socket"),
    QT_TRANSLATE_NOOP("EngineMessages", "'{folder}' is a folder, not a file: choose a CSV file inside it"),
    QT_TRANSLATE_NOOP("EngineMessages", "a quotation mark (\") is in the wrong place ({detail})"),
    QT_TRANSLATE_NOOP("EngineMessages", "column {number} has no name in the header row"),
    QT_TRANSLATE_NOOP("EngineMessages", "the column name '{name}' appears twice (columns {first} and {second}); "
                                        "every column needs its own name"),
    QT_TRANSLATE_NOOP("EngineMessages", "only one column ('{name}') was found: the file needs at least two, one "
                                        "or more features and the target (is the separator a comma or a "
                                        "semicolon?)"),
    QT_TRANSLATE_NOOP("EngineMessages", "there is no target column named '{target}'; the columns are: {columns}"),
    QT_TRANSLATE_NOOP("EngineMessages", "this row has {count} values but the header has {columns} columns"),
    QT_TRANSLATE_NOOP("EngineMessages", "the cell is empty; every feature needs a number"),
    QT_TRANSLATE_NOOP("EngineMessages", "the target cell is empty; every row needs an answer"),
    QT_TRANSLATE_NOOP("EngineMessages", "{value} is not a usable number (NaN or infinity)"),
    QT_TRANSLATE_NOOP("EngineMessages", "{value} is not a number, and a regression target must be"),
    QT_TRANSLATE_NOOP("EngineMessages", "{value} is not a number"),
    QT_TRANSLATE_NOOP("EngineMessages", "the target column '{column}' has only one class ('{name}'); a classifier "
                                        "needs examples of at least two classes"),
    QT_TRANSLATE_NOOP("EngineMessages", "'{path}' is a folder, not a file: choose a CSV file inside it"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file is too big ({size} MB); nnsim reads tables up to {limit} MB"),
    QT_TRANSLATE_NOOP("EngineMessages", "file not found: {path}"),
    QT_TRANSLATE_NOOP("EngineMessages", "permission denied: nnsim may not read this file"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file could not be read ({reason})"),
    # the import dialog's choices (CsvOptions)
    QT_TRANSLATE_NOOP("EngineMessages", "byte {byte} on this line cannot be read as {encoding} text: choose "
                                        "another encoding"),
    QT_TRANSLATE_NOOP("EngineMessages", "there is no column named '{name}' to leave out; the columns are: "
                                        "{columns}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the answer column '{name}' cannot be left out"),
    QT_TRANSLATE_NOOP("EngineMessages", "every column but the answer is left out: keep at least one to learn "
                                        "from"),
    # --- data sets (nnsim/core/datasets.py)
    QT_TRANSLATE_NOOP("EngineMessages", "data set '{name}' has {count} example(s): too few to split"),
    QT_TRANSLATE_NOOP("EngineMessages", "data set '{name}' needs at least {count} samples, got {got}"),
    QT_TRANSLATE_NOOP("EngineMessages", "data set '{name}': X contains NaN or infinity"),
    QT_TRANSLATE_NOOP("EngineMessages", "unknown data set '{name}': choose one of {names}"),
    QT_TRANSLATE_NOOP("EngineMessages", "noise must be a number of 0 or more, got {value}"),
    # --- model files (nnsim/core/model_file.py)
    QT_TRANSLATE_NOOP("EngineMessages", "the network has NaN or infinite weights or biases; it was not saved"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not an nnsim model: it holds a JSON {kind}, not an object"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not an nnsim model: it has no \"format\": \"{format}\" marker"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not an nnsim model: its \"format\" is {found}, expected "
                                        "\"{format}\""),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} was written by a newer nnsim (schema version {version}); this "
                                        "nnsim reads version {supported}. Update nnsim to open it."),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} has no \"network\""),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is {size} MB: too large to be an nnsim model"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} does not exist"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is a folder, not a model file"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} cannot be read: {reason}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not a text (UTF-8) file: unreadable byte at position {position}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not valid JSON: {reason} at line {line}, column {column}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is nested too deeply to be an nnsim model"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is {kind}, not a model file"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the network is not valid: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: bad training settings: {problem}"),
    # --- lesson documents (nnsim/core/document.py; its files are read as model files are)
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not an nnsim document: it holds a JSON {kind}, not an object"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not an nnsim document: it has no \"format\": \"{format}\" "
                                        "marker"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} is not an nnsim document: its \"format\" is {found}, expected "
                                        "\"{format}\""),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} was written by a newer nnsim (document version {version}); this "
                                        "nnsim reads version {supported}. Update nnsim to open it."),
    QT_TRANSLATE_NOOP("EngineMessages", "{path} has no \"schema_version\""),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the network has {inputs} inputs but the data has {count} features"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the network has {outputs} outputs but the data has {count} classes"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the network has {outputs} outputs but the data has {count} "
                                        "target(s)"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the selected sample {index} is not a row of the data (0 to "
                                        "{last})"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the selected node ({layer}, {index}) is not in the network"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the settings cannot train this network on this data: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the data cannot be made: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: the data is not valid: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: unknown data set {name}; known: {names}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{path}: unknown data set {name}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has NaN or infinite weights or biases; the document was not "
                                        "saved"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's train/test split is not the one its test fraction and seed "
                                        "make; the document was not built"),
    # what a value of a file is when it is not what was expected (the article included:
    # "una lista JSON"), inside the messages below
    QT_TRANSLATE_NOOP("EngineMessages", "a JSON object"),
    QT_TRANSLATE_NOOP("EngineMessages", "a JSON array"),
    QT_TRANSLATE_NOOP("EngineMessages", "a JSON string"),
    QT_TRANSLATE_NOOP("EngineMessages", "a JSON number"),
    QT_TRANSLATE_NOOP("EngineMessages", "a JSON true/false"),
    QT_TRANSLATE_NOOP("EngineMessages", "a JSON null"),
    QT_TRANSLATE_NOOP("EngineMessages", "a list holding a JSON object"),
    QT_TRANSLATE_NOOP("EngineMessages", "a list holding a JSON array"),
    QT_TRANSLATE_NOOP("EngineMessages", "a list holding a JSON number"),
    QT_TRANSLATE_NOOP("EngineMessages", "a list holding a JSON true/false"),
    QT_TRANSLATE_NOOP("EngineMessages", "a list holding a JSON null"),
    # the parts of a document or model file that are not as they must be (after "file: ")
    QT_TRANSLATE_NOOP("EngineMessages", "the document has an unknown entry {entry}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" has an unknown entry {entry}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" must be an object, got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" must be a text, got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" must be a whole number from {low} to {high}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"schema_version\" must be a whole number >= 1, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's {key} must be a non-empty list of rows of numbers"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's {key}, row {row}: expected {count} numbers"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's {key} must be a list of texts, got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's {key} must be a text, got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's kind must be \"builtin\" or \"table\", got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's task must be \"classification\" or \"regression\", got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's y holds {value}, not a class number from 0 to {last}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the data's y must be a list of {count} answers, one per row of X"),
    QT_TRANSLATE_NOOP("EngineMessages", "the goal's metric must be one of {names}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the history's epochs must be a list of whole numbers"),
    QT_TRANSLATE_NOOP("EngineMessages", "the history's epochs must be from 0 to {last}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the history has epochs outside 0..{last}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the history's {key} must be a list of {count} values (or null)"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network's {key} must be a list of {count} layers (one per layer after the input)"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network's {key} of layer {layer}: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the selected node must be [layer, index], got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the selected sample must be a whole number from 0 to {high}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the split's seed must be a whole number from 0 to {high}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the split's standardize must be true or false, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the test fraction: {value} is outside {low} to {high}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has {count} outputs but the data has {classes}"),
    QT_TRANSLATE_NOOP("EngineMessages", "a sample is selected but there is no data"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" in \"extra\" must be a data set's name (a text), got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" in \"extra\" must be a list of names (texts), got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" in \"extra\" has {count} names but the network has {n} inputs"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"{key}\" in \"extra\" has {count} names but the network has {n} outputs"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"sample\" in \"extra\" must be a list of numbers, got {json}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"sample\" in \"extra\" has {count} numbers but the network has {n} inputs"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"sample\" in \"extra\", value {k}: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "\"extra\" is nested more than {depth} levels deep"),
    QT_TRANSLATE_NOOP("EngineMessages", "{n} classes"),
    QT_TRANSLATE_NOOP("EngineMessages", "{n} target(s)"),
    # --- export (nnsim/core/export.py)
    QT_TRANSLATE_NOOP("EngineMessages", "ONNX export needs the optional package \"onnx\", which is not installed. "
                                        "Install it with: pip install \"nnsim[onnx]\""),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has NaN or infinite weights or biases: it cannot be exported"),
    # --- training (nnsim/core/trainer.py, nnsim/core/losses.py, nnsim/worker.py)
    QT_TRANSLATE_NOOP("EngineMessages", "Training diverged at epoch {epoch}: {what}. The last good weights were "
                                        "kept. Try a smaller learning rate (now {rate})."),
    QT_TRANSLATE_NOOP("EngineMessages", "the loss grew too large to compute (NaN)"),
    QT_TRANSLATE_NOOP("EngineMessages", "the loss became infinite"),
    QT_TRANSLATE_NOOP("EngineMessages", "some weights became infinite or NaN"),
    QT_TRANSLATE_NOOP("EngineMessages", "the weights grew so large that the loss can no longer be computed"),
    QT_TRANSLATE_NOOP("EngineMessages", "The loss of these weights is too large to compute, so training cannot "
                                        "start from them. Make the largest weights or biases smaller, or press "
                                        "Reset for new random weights."),
    QT_TRANSLATE_NOOP("EngineMessages", "the target '{name}' reaches {value}: its squared error is too large for "
                                        "the computer to compute (the largest number it holds is about 1.8e308). "
                                        "Rescale the target, say to other units, so that its values stay below "
                                        "{limit}"),
    QT_TRANSLATE_NOOP("EngineMessages", "cross_entropy needs targets between 0 and 1 (probabilities), but the "
                                        "target '{name}' goes from {low} to {high}; use mse instead"),
    QT_TRANSLATE_NOOP("EngineMessages", "feature {name} holds a value that is not a finite number (NaN or "
                                        "infinity)"),
    QT_TRANSLATE_NOOP("EngineMessages", "training diverged"),
    QT_TRANSLATE_NOOP("EngineMessages", "training stopped: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "there is no network to train: load one first"),
    QT_TRANSLATE_NOOP("EngineMessages", "there are no training examples"),
    QT_TRANSLATE_NOOP("EngineMessages", "cross_entropy needs a softmax or sigmoid output layer (the output layer "
                                        "is {activation}); use mse instead"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has {outputs} output(s) but the data has {count} classes: give "
                                        "it {count} outputs (or 1 for two classes)"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has {outputs} output(s) but the data has {count} classes: give "
                                        "it {count} outputs"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has {outputs} output(s) but the data has {count} target(s)"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network takes {inputs} inputs but the data has {count} features"),
    QT_TRANSLATE_NOOP("EngineMessages", "the seed must be a whole number >= 0"),
    QT_TRANSLATE_NOOP("EngineMessages", "the test split must be at least 0 and below 1"),
    # --- the network (nnsim/core/network.py)
    QT_TRANSLATE_NOOP("EngineMessages", "{activation} is for the output layer only"),
    QT_TRANSLATE_NOOP("EngineMessages", "a hidden layer needs at least one node; remove the layer instead"),
    QT_TRANSLATE_NOOP("EngineMessages", "a layer needs at least one node"),
    QT_TRANSLATE_NOOP("EngineMessages", "the step threshold must be a finite number"),
)


# lupdate needs each text written out here; the engine's wording stays the one source
# (tests/model/test_messages.py checks that every text of nnsim.core.DATASETS is here).
#: The built-in data sets' texts as the engine gives them: column names, and the titles and
#: descriptions of the data set chooser.
DATA_NAMES = (
    # Columns (Iris: the only set whose features have words for names; class names such as
    # "setosa" are species, unchanged).
    QT_TRANSLATE_NOOP("DataNames", "sepal length (cm)"),
    QT_TRANSLATE_NOOP("DataNames", "sepal width (cm)"),
    QT_TRANSLATE_NOOP("DataNames", "petal length (cm)"),
    QT_TRANSLATE_NOOP("DataNames", "petal width (cm)"),
    # Titles and descriptions (``DatasetInfo.title``, ``.description``), for the data set chooser
    QT_TRANSLATE_NOOP("DataNames", "Iris flowers"),
    QT_TRANSLATE_NOOP("DataNames", "150 real flowers, 4 measurements, 3 species (Fisher 1936)"),
    QT_TRANSLATE_NOOP("DataNames", "XOR"),
    QT_TRANSLATE_NOOP("DataNames", "2-D, 2 classes in opposite corners: no single line separates them"),
    QT_TRANSLATE_NOOP("DataNames", "Circles"),
    QT_TRANSLATE_NOOP("DataNames", "2-D, a disc of one class inside a ring of the other"),
    QT_TRANSLATE_NOOP("DataNames", "Two blobs"),
    QT_TRANSLATE_NOOP("DataNames", "2-D, two round clouds: a straight line separates them"),
    QT_TRANSLATE_NOOP("DataNames", "Spiral"),
    QT_TRANSLATE_NOOP("DataNames", "2-D, two arms winding around each other: the hardest"),
    QT_TRANSLATE_NOOP("DataNames", "Moons"),
    QT_TRANSLATE_NOOP("DataNames", "2-D, two interleaved half circles"),
    QT_TRANSLATE_NOOP("DataNames", "Sine curve"),
    QT_TRANSLATE_NOOP("DataNames", "regression, 1 input: y = sin(x) + noise"),
    QT_TRANSLATE_NOOP("DataNames", "Plane"),
    QT_TRANSLATE_NOOP("DataNames", "regression, 2 inputs: y = 2*x1 - x2 + 0.5 + noise"),
)


def translate_name(name: str) -> str:
    """A built-in data set's text (a column name, its title or description) in the
    interface's language; any other name (a user's column) as it is."""
    return QCoreApplication.translate("DataNames", name) if name in DATA_NAMES else name


def _pattern(template: str) -> re.Pattern:
    """The regular expression of a template: its text literally, each {field} any text."""
    parts = re.split(r"\{(\w+)\}", template)
    regex, seen = [], set()
    for k, part in enumerate(parts):
        if k % 2 == 0:
            regex.append(re.escape(part))
        elif part in seen:  # a field used twice must have the same value twice
            regex.append(f"(?P={part})")
        else:
            seen.add(part)
            regex.append(f"(?P<{part}>{FIELD_PATTERNS.get(part, '.+?')})")
    return re.compile("".join(regex) + r"\Z", re.DOTALL)


@lru_cache(maxsize=None)
def _patterns():
    return [(t, _pattern(t), True) for t in WRAPPERS] + [(t, _pattern(t), False) for t in TEMPLATES]


#: a decimal number as the engine writes it ("0.5", "-1.25e-05"), and a whole number with
#: its digits grouped by commas ("9,007,199,254,740,992")
_DECIMAL = re.compile(r"[+-]?\d+\.\d+(?:e[+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")


def localized_number(value: str) -> str:
    """A number the engine wrote ("0.5", "2,147,483,647") in the default locale's marks,
    which follow the interface language: "0,5" and "2.147.483.647" in Spanish. Any other
    text as it is."""
    locale = QLocale()
    point, group = locale.decimalPoint(), locale.groupSeparator()
    if point == "." and group == ",":
        return value
    if _DECIMAL.fullmatch(value):
        return value.replace(".", point)
    if _GROUPED.fullmatch(value):
        return value.replace(",", group)
    return value


def _fill(translation: str, fields: dict[str, str]) -> str:
    # Not str.format: a field's value may itself hold braces (a cell of the user's table).
    return re.sub(r"\{(\w+)\}", lambda m: localized_number(fields[m.group(1)]) if m.group(1) in fields
                  else m.group(0), translation)


def translate_message(message: str, _depth: int = 0) -> str:
    """``message`` (English, from the engine) in the interface's language, when it is known."""
    text = str(message)
    if _depth > 4:
        return text
    for template, pattern, wrapper in _patterns():
        match = pattern.match(text)
        if match is None:
            continue
        fields = {name: translate_message(value, _depth + 1) for name, value in match.groupdict().items()}
        if wrapper and fields == match.groupdict():
            continue  # only framing would change: leave the whole message as the engine wrote it
        return _fill(QCoreApplication.translate(CONTEXT, template), fields)
    return text
