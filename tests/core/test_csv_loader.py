"""load_csv: files spreadsheets really save load; every bad file says which line and why."""

import os
import tempfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core.csv_loader import load_csv, parse_csv_bytes
from nnsim.core.datasets import load_dataset
from nnsim.core.errors import DataError

GOOD = (
    "sepal_length,sepal_width,species\n"
    "5.1,3.5,setosa\n"
    "7.0,3.2,versicolor\n"
    "6.3,3.3,virginica\n"
    "4.9,3.0,setosa\n"
)


def write(tmp_path, content, name="data.csv"):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def check_good(ds):
    assert ds.feature_names == ["sepal_length", "sepal_width"]
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    np.testing.assert_array_equal(ds.X, [[5.1, 3.5], [7.0, 3.2], [6.3, 3.3], [4.9, 3.0]])
    assert ds.y.tolist() == [0, 1, 2, 0]
    assert ds.task == "classification" and ds.X.dtype == np.float64


def test_good_utf8_file(tmp_path):
    ds = load_csv(write(tmp_path, GOOD, "flowers.csv"))
    check_good(ds)
    assert ds.name == "flowers"


def test_path_as_string(tmp_path):
    check_good(load_csv(str(write(tmp_path, GOOD))))


def test_bom_crlf_and_quotes(tmp_path):
    text = GOOD.replace("sepal_length,sepal_width,species", '"sepal_length","sepal_width","species"')
    text = text.replace("setosa", '"setosa"').replace("\n", "\r\n")
    check_good(load_csv(write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))))


def test_trailing_and_inner_blank_lines_skipped(tmp_path):
    text = GOOD.replace("7.0,3.2,versicolor\n", "7.0,3.2,versicolor\n\n") + "\n\n"
    check_good(load_csv(write(tmp_path, text)))


def test_spanish_excel_file(tmp_path):
    text = ("longitud del sépalo;anchura del sépalo;especie\r\n"
            "5,1;3,5;setosa\r\n"
            "7;3,2;versicolor\r\n"
            "6,3;3,3;virginica\r\n")
    ds = load_csv(write(tmp_path, text.encode("cp1252")))
    assert ds.feature_names == ["longitud del sépalo", "anchura del sépalo"]
    np.testing.assert_array_equal(ds.X, [[5.1, 3.5], [7.0, 3.2], [6.3, 3.3]])
    assert ds.class_names == ["setosa", "versicolor", "virginica"]


def test_spanish_excel_sep_line_and_thousands(tmp_path):
    text = "sep=;\nsuperficie;habitaciones;precio\n1.234,5;3;100,5\n80;2;90,25\n"
    ds = load_csv(write(tmp_path, text.encode("cp1252")))
    np.testing.assert_array_equal(ds.X, [[1234.5, 3.0], [80.0, 2.0]])
    assert ds.task == "regression" and ds.y.tolist() == [100.5, 90.25]


def test_tab_separated_utf16(tmp_path):
    text = "a\tb\tlabel\r\n1,5\t2\tx\r\n3\t4\ty\r\n"
    ds = load_csv(write(tmp_path, text.encode("utf-16")))
    np.testing.assert_array_equal(ds.X, [[1.5, 2.0], [3.0, 4.0]])
    assert ds.class_names == ["x", "y"]


def test_integer_targets_are_classes(tmp_path):
    ds = load_csv(write(tmp_path, "a,b,c\n1,2,1\n3,4,3\n5,6,2\n7,8,1\n"))
    assert ds.task == "classification"
    assert ds.class_names == ["1", "2", "3"] and ds.y.tolist() == [0, 2, 1, 0]
    ds = load_csv(write(tmp_path, "a,b\n1,0\n3,1\n"))
    assert ds.class_names == ["0", "1"] and ds.y.tolist() == [0, 1]


def test_decimal_targets_are_regression(tmp_path):
    ds = load_csv(write(tmp_path, "x1,x2,price\n1,2,3.5\n3,4,1.25\n5,6,7\n"))
    assert ds.task == "regression" and ds.class_names == []
    assert ds.y.tolist() == [3.5, 1.25, 7.0] and ds.target_names == ["price"]
    assert ds.n_outputs == 1 and ds.targets().shape == (3, 1)


def test_many_distinct_integers_are_regression_and_task_overrides(tmp_path):
    rows = "".join(f"{i},{i * 10}\n" for i in range(30))
    path = write(tmp_path, "x,y\n" + rows)
    assert load_csv(path).task == "regression"
    assert load_csv(path, task="classification").n_outputs == 30
    assert load_csv(write(tmp_path, "x,y\n1,0\n2,1\n", "b.csv"), task="regression").task == "regression"
    with pytest.raises(DataError, match="line 2, column 'species': 'setosa' is not a number"):
        load_csv(write(tmp_path, GOOD, "c.csv"), task="regression")


def test_target_argument(tmp_path):
    path = write(tmp_path, "species,sepal_length,sepal_width\nsetosa,5.1,3.5\nvirginica,6.3,3.3\n")
    ds = load_csv(path, target="species")
    assert ds.feature_names == ["sepal_length", "sepal_width"]
    assert ds.class_names == ["setosa", "virginica"]
    np.testing.assert_array_equal(ds.X, [[5.1, 3.5], [6.3, 3.3]])
    # a numeric middle column as a regression target
    ds = load_csv(write(tmp_path, "x1,y,x2\n1,0.5,2\n3,1.5,4\n", "r.csv"), target="y")
    assert ds.task == "regression" and ds.y.tolist() == [0.5, 1.5]
    assert ds.feature_names == ["x1", "x2"] and ds.target_names == ["y"]
    np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4]])
    # A text column left among the features is named as the problem.
    with pytest.raises(DataError, match="line 2, column 'species': 'setosa' is not a number"):
        load_csv(write(tmp_path, GOOD, "g.csv"), target="sepal_width")


def test_shipped_iris_parses_like_load_dataset():
    from importlib.resources import files

    data = (files("nnsim") / "resources" / "datasets" / "iris.csv").read_bytes()
    ds = parse_csv_bytes(data, source="iris.csv")
    iris = load_dataset("iris")
    np.testing.assert_array_equal(ds.X, iris.X)
    np.testing.assert_array_equal(ds.y, iris.y)


# ---------------------------------------------------------------------------------------------
# Bad files: each raises DataError naming the line and the problem.


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"\n\n  \r\n", "empty"),
        (b"a,b,species\n", "line 1: the file has a header but no data rows"),
        (b"a,b,species\n\n", "no data rows"),
        (b"a,b,c\n1,2,x\n3,4\n", "line 3: this row has 2 values but the header has 3 columns"),
        (b"a,b,c\n1,2,x\n3,4,5,6\n", "line 3: this row has 4 values but the header has 3 columns"),
        (b"a,b,c\n1,2,x\n\n3,abc,y\n", "line 4, column 'b': 'abc' is not a number"),
        (b"a,b,c\n1,2,x\n3,nan,y\n", "line 3, column 'b': 'nan' is not a usable number"),
        (b"a,b,c\n1,inf,x\n3,4,y\n", "line 2, column 'b': 'inf' is not a usable number"),
        (b"a,b,c\n1,-Infinity,x\n3,4,y\n", "line 2, column 'b'"),
        (b"a,b,c\n1,,x\n3,4,y\n", "line 2, column 'b': the cell is empty"),
        (b"a,b,c\n1,2,x\n3,4,\n", "line 3, column 'c': the target cell is empty"),
        (b"a,b,c\n1,2,x\n3,4,x\n", "column 'c' has only one class ('x')"),
        (b"a,b,c\n1,2,0\n3,4,0\n", "only one class ('0')"),
        (b"label\nx\ny\n", "line 1: only one column ('label')"),
        (b"a,b,a\n1,2,x\n3,4,y\n", "line 1: the column name 'a' appears twice (columns 1 and 3)"),
        (b"a,,c\n1,2,x\n3,4,y\n", "line 1: column 2 has no name"),
        (b"a,b,c\n1,2,x\n3,4\x00,y\n", "line 3: this does not look like a text (CSV) file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "does not look like a text (CSV) file"),
        (b"a,b,c\n1,2,x\n3,4,\x81\x8d\n", "line 3: unreadable character (byte 0x81)"),
        (b"a,b,c\n1,2,x\n3,4,\x01\x02\n", "line 3: this does not look like a text (CSV) file"),
    ],
    ids=["empty", "blank-only", "header-only", "header-and-blank", "short-row", "long-row",
         "text-feature", "nan", "inf", "minus-infinity", "empty-feature", "empty-target",
         "one-text-class", "one-number-class", "one-column", "duplicate-name", "unnamed-column",
         "nul-byte", "png", "undecodable", "control-chars"],
)
def test_bad_files_raise_dataerror_naming_line_and_problem(tmp_path, content, expected):
    path = write(tmp_path, content, "bad.csv")
    with pytest.raises(DataError) as info:
        load_csv(path)
    message = str(info.value)
    assert expected in message
    assert message.startswith("bad.csv")


def test_dataerror_carries_line_and_column(tmp_path):
    with pytest.raises(DataError) as info:
        load_csv(write(tmp_path, "a,b,c\n1,2,x\n3,abc,y\n"))
    assert (info.value.line, info.value.column) == (3, "b")
    assert isinstance(info.value, ValueError)


def test_line_numbers_count_quoted_newlines_and_blank_lines(tmp_path):
    text = 'a,b,c\n1,2,"two\nlines"\n\n3,oops,y\n'
    with pytest.raises(DataError, match="line 5, column 'b': 'oops' is not a number"):
        load_csv(write(tmp_path, text))


def test_unknown_target_name(tmp_path):
    with pytest.raises(DataError, match="line 1: there is no target column named 'kind'; "
                                        "the columns are: sepal_length, sepal_width, species"):
        load_csv(write(tmp_path, GOOD), target="kind")


def test_missing_file_and_directory(tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(DataError, match="file not found: .*nowhere.csv"):
        load_csv(missing)
    with pytest.raises(DataError, match="is a folder, not a file"):
        load_csv(tmp_path)


def test_semicolon_file_with_text_in_feature_names_line(tmp_path):
    content = "a;b;c\n1,5;2;x\n3;4,x;y\n".encode("cp1252")
    with pytest.raises(DataError, match="line 3, column 'b': '4,x' is not a number"):
        load_csv(write(tmp_path, content))


def test_error_leaves_nothing_half_loaded(tmp_path):
    """The first rows are fine, a later one is bad: the call raises and returns nothing."""
    rows = "".join(f"{i},{i + 1},{'ab'[i % 2]}\n" for i in range(1000))
    path = write(tmp_path, "a,b,c\n" + rows + "1,2,\n")
    result = None
    with pytest.raises(DataError, match="line 1002"):
        result = load_csv(path)
    assert result is None


def test_trailing_empty_columns_from_spreadsheets_are_ignored(tmp_path):
    ds = load_csv(write(tmp_path, "a;b;c;;\n1;2;x;;\n3;4;y;;\n"))
    assert ds.feature_names == ["a", "b"] and ds.class_names == ["x", "y"]


# ---------------------------------------------------------------------------------------------
# Property: any numeric table written in either dialect loads back equal.

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=60, deadline=None)
@given(
    table=st.integers(1, 4).flatmap(
        lambda d: st.lists(st.lists(finite, min_size=d, max_size=d), min_size=2, max_size=12)
    ),
    labels=st.lists(st.integers(0, 3), min_size=12, max_size=12),
    dialect=st.sampled_from(["english", "spanish"]),
    crlf=st.booleans(),
)
def test_any_numeric_table_round_trips(table, labels, dialect, crlf):
    n = len(table)
    y = labels[:n]
    y[0], y[1] = 0, 1  # at least two classes
    sep, to_text, encoding = (",", repr, "utf-8") if dialect == "english" else (
        ";", lambda v: repr(v).replace(".", ","), "cp1252")
    d = len(table[0])
    names = [f"característica {j}" for j in range(d)] + ["clase"]
    newline = "\r\n" if crlf else "\n"
    lines = [sep.join(names)] + [sep.join([*map(to_text, row), str(c)]) for row, c in zip(table, y)]
    data = (newline.join(lines) + newline).encode(encoding)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.csv")
        with open(path, "wb") as f:
            f.write(data)
        ds = load_csv(path)
    np.testing.assert_array_equal(ds.X, np.array(table, dtype=np.float64))
    assert ds.feature_names == names[:-1]
    classes = sorted(set(y))
    assert ds.class_names == [str(c) for c in classes]
    assert [classes[k] for k in ds.y] == y


def test_unclosed_quote_names_the_line_it_opens_on(tmp_path):
    with pytest.raises(DataError, match=r'line 3: a quotation mark \("\) opens a cell here that is never closed'):
        load_csv(write(tmp_path, 'a,b,c\n1,2,x\n3,4,"y\n5,6,z\n'))
    with pytest.raises(DataError, match="line 2: a quotation mark"):
        load_csv(write(tmp_path, 'a,b,c\n1,"2"x,y\n'))


@pytest.mark.parametrize("header", ['"ancho; cm",largo,clase', 'ancho,largo,clase'])
def test_comma_file_with_semicolon_in_a_quoted_name(tmp_path, header):
    ds = load_csv(write(tmp_path, header + "\n1.5,2,x\n3,4,y\n"))
    np.testing.assert_array_equal(ds.X, [[1.5, 2], [3, 4]])


def test_semicolon_file_with_comma_in_a_name(tmp_path):
    ds = load_csv(write(tmp_path, "longitud, cm;especie\n5,1;a\n4,9;b\n".encode("cp1252")))
    assert ds.feature_names == ["longitud, cm"]
    np.testing.assert_array_equal(ds.X, [[5.1], [4.9]])


# ---------------------------------------------------------------------------------------------
# Separators, quoted line breaks, control characters in every encoding, one encoding per file.


def test_semicolon_file_with_a_quoted_two_line_header(tmp_path):
    # Excel writes a header cell typed with Alt+Enter as a quoted cell holding a line break.
    ds = load_csv(write(tmp_path, '"a\nx";b\r\n0,0;0,0\r\n1,5;1\r\n'))
    assert ds.feature_names == ["a\nx"] and ds.class_names == ["0", "1"]
    np.testing.assert_array_equal(ds.X, [[0.0], [1.5]])
    # the rows after it keep their line numbers
    with pytest.raises(DataError, match=r"^data\.csv, line 4, column 'a\nx': 'z' is not a number$"):
        load_csv(write(tmp_path, '"a\nx";b\n0,0;0,0\nz;1\n'))


def test_tab_file_with_commas_in_unquoted_names(tmp_path):
    text = "Largo, cm\tAncho, cm\tClase\n5,1\t3,5\tA\n4,9\t3\tB\n"
    ds = load_csv(write(tmp_path, text))
    assert ds.feature_names == ["Largo, cm", "Ancho, cm"] and ds.class_names == ["A", "B"]
    np.testing.assert_array_equal(ds.X, [[5.1, 3.5], [4.9, 3.0]])


def test_the_separator_is_the_one_that_splits_header_and_rows_alike(tmp_path):
    # ";" in a comma file's unquoted name: the rows say the separator is ",".
    ds = load_csv(write(tmp_path, "ancho; cm,largo,clase\n1.5,2,x\n3,4,y\n"))
    assert ds.feature_names == ["ancho; cm", "largo"]
    # a tab in a comma file's name
    ds = load_csv(write(tmp_path, "a\tb,c,d\n1,2,x\n3,4,y\n"))
    assert ds.feature_names == ["a\tb", "c"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8", "cp1252"])
@pytest.mark.parametrize("char, problem", [("\x1e", "control characters"), ("\x00", "binary data")])
def test_control_characters_are_refused_in_every_encoding(tmp_path, encoding, char, problem):
    text = f"a,b,c\n1,2,x\n3,4{char},y\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    with pytest.raises(DataError, match=rf"^bad\.csv, line 3: this does not look like a text \(CSV\) file: "
                                        rf"it contains {problem}\."):
        load_csv(write(tmp_path, data, "bad.csv"))


@pytest.mark.parametrize("char", ["\x1e", "\x00"])
def test_cr_only_files_name_the_right_line(tmp_path, char):
    with pytest.raises(DataError, match=r"^bad\.csv, line 3: this does not look like a text"):
        load_csv(write(tmp_path, f"a,b,c\r1,2,x\r3,4{char},y\r", "bad.csv"))
    with pytest.raises(DataError, match=r"^bad\.csv, line 4, column 'b': 'q' is not a number$"):
        load_csv(write(tmp_path, "a,b,c\r1,2,x\r\r3,q,y\r", "bad.csv"))


def test_form_feed_and_unicode_line_separators_stay_inside_their_cell(tmp_path):
    # str.splitlines breaks at these; a spreadsheet does not, nor does the loader.
    ds = load_csv(write(tmp_path, "a,b,c\n1,2,x\u2028y\n3,4,z\x0c\n5,q,w\x85\n".replace(",q", ",6")))
    assert ds.class_names == ["x\u2028y", "z\x0c".strip(), "w\x85".strip()]
    with pytest.raises(DataError, match=r"line 3, column 'b'"):
        load_csv(write(tmp_path, "a,b,c\n1,2,x\u2028y\n3,q,z\n"))


@pytest.mark.parametrize("data, encoding", [
    ("niño,b\n1,x\n2,y\n".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + "niño,b\n1,x\n2,y\n".encode("utf-8"), "utf-8-sig"),
    ("niño,b\n1,x\n2,y\n".encode("utf-16"), "utf-16-le" if "a".encode("utf-16")[0] == 0xFF else "utf-16-be"),
    (b"\xfe\xff" + "niño,b\n1,x\n2,y\n".encode("utf-16-be"), "utf-16-be"),
    ("niño,b\n1,x\n2,y\n".encode("cp1252"), "cp1252"),
    (b"a,b\n1,x\n2,y\n", "utf-8"),
])
def test_the_encoding_used_is_on_the_result(tmp_path, data, encoding):
    ds = load_csv(write(tmp_path, data))
    assert ds.feature_names == (["a"] if data.endswith(b"a,b\n1,x\n2,y\n") and b"ni" not in data else ["niño"])
    assert ds.source_encoding == encoding
    assert parse_csv_bytes(data).source_encoding == encoding
    assert ds.subset([1]).source_encoding == encoding  # kept by the derived data set


def test_a_file_mixing_utf8_and_cp1252_is_refused_naming_the_line(tmp_path):
    data = "nombre,clase\n".encode() + "niño,1\n".encode("utf-8").replace(b"ni", b"1") + b"2,1\n" + \
        "3,año\n".encode("cp1252") + "4,niño\n".encode("utf-8")
    with pytest.raises(DataError, match=r"^mixed\.csv, line 4: the file mixes two text encodings: byte 0xF1 on "
                                        r"this line is not UTF-8, but the file's other characters are\. Save "
                                        r"the table again from your spreadsheet as CSV UTF-8\.$"):
        load_csv(write(tmp_path, data, "mixed.csv"))
    # declared UTF-8 by its mark, but not UTF-8: the same
    with pytest.raises(DataError, match=r"^mixed\.csv, line 2: the file mixes two text encodings: byte 0xF1"):
        load_csv(write(tmp_path, b"\xef\xbb\xbfa,b\n1,\xf1\n", "mixed.csv"))


def test_rows_with_empty_trailing_cells_load_on_the_fast_path_and_a_filled_one_is_named(tmp_path):
    rows = "".join(f"{i};{i % 2};;\n" for i in range(10_000))
    ds = load_csv(write(tmp_path, "a;b;;\n" + rows))
    assert ds.n_samples == 10_000 and ds.feature_names == ["a"]
    with pytest.raises(DataError, match=r"^data\.csv, line 1: column 3 has no name in the header row$"):
        load_csv(write(tmp_path, "a;b;;\n" + rows + "1;0;7;\n"))
    with pytest.raises(DataError, match=r"^data\.csv, line 10002: this row has 5 values but the header has 2 columns$"):
        load_csv(write(tmp_path, "a;b;;\n" + rows + "1;0;;;7\n"))


def test_every_chunk_reports_its_first_problem_in_file_order(tmp_path, monkeypatch):
    from nnsim.core import csv_loader

    monkeypatch.setattr(csv_loader, "CHUNK_ROWS", 3)
    good = "".join(f"{i},{i / 3!r},{'xy'[i % 2]}\n" for i in range(7))
    ds = load_csv(write(tmp_path, "a,b,c\n" + good))
    np.testing.assert_array_equal(ds.X, [[i, i / 3] for i in range(7)])
    assert ds.y.tolist() == [i % 2 for i in range(7)]
    with pytest.raises(DataError, match=r"^data\.csv, line 7, column 'a': the cell is empty"):
        load_csv(write(tmp_path, "a,b,c\n" + good.replace("5,", ",", 1).replace("6,2.0,x", "6,2.0,")))
    with pytest.raises(DataError, match=r"line 2, column 'a': '1_0' is not a number"):
        load_csv(write(tmp_path, "a,b,c\n1_0,2,x\n3,4,y\n"))
    with pytest.raises(DataError, match=r"line 2, column 'b': '1\.234,5,5' is not a number"):
        load_csv(write(tmp_path, 'a;b;c\n1;1.234,5,5;x\n3;4;y\n'))
    ds = load_csv(write(tmp_path, "a;b;c\n1;1.234,5;x\n3;4;y\n"))
    np.testing.assert_array_equal(ds.X, [[1, 1234.5], [3, 4]])


def test_an_unclosed_quote_in_a_long_file_names_its_line(tmp_path):
    rows = "".join(f"{i},1,x\n{i},2,y\n" for i in range(40_000))  # longer than one csv cell may be
    with pytest.raises(DataError, match=r"^data\.csv, line 3: a cell starting on this line is longer than "
                                        r"131,072 characters: is a quotation mark \(\"\) opened and never closed\?$"):
        load_csv(write(tmp_path, 'a,b,c\n1,2,x\n"3,4,y\n' + rows))


def test_a_wrong_separator_that_cuts_a_quoted_cell_into_more_rows_does_not_win(tmp_path):
    # Found by the fuzzer: read with ",", the quoted two-line class makes three rows of two
    # cells (all "agree" with the header), read with ";" two rows agree. A share decides,
    # and a header with an empty name (",", cut at its comma) loses.
    ds = load_csv(write(tmp_path, ',;0\n0,0;c0\n0,0;"c0\n,0"\n'))
    assert ds.feature_names == [","] and ds.class_names == ["c0", "c0\n,0"]
    np.testing.assert_array_equal(ds.X, [[0.0], [0.0]])


# ============================================================================ reading choices
# (the CSV import dialog: the answer in any column, columns left out, the separator, decimal
# mark and encoding chosen, a preview of the first rows with every problem, one per line)
from nnsim.core.csv_loader import (  # noqa: E402
    MAX_FILE_BYTES,
    CsvOptions,
    preview_csv,
    read_preview_bytes,
)

CLASS_TABLE = (
    "name,height,sex,weight\n"
    "Ana0,150.5,f,50\n"
    "Ana1,160,m,61.25\n"
    "Ana2,171,f,70\n"
    "Ana3,149,m,45.5\n"
)


def test_a_class_table_loads_once_its_name_column_is_left_out(tmp_path):
    path = write(tmp_path, CLASS_TABLE)
    with pytest.raises(DataError, match=r"line 2, column 'name': 'Ana0' is not a number"):
        load_csv(path, target="sex")
    ds = load_csv(path, options=CsvOptions(target="sex", exclude=("name",)))
    assert ds.feature_names == ["height", "weight"]
    np.testing.assert_array_equal(ds.X, [[150.5, 50.0], [160.0, 61.25], [171.0, 70.0], [149.0, 45.5]])
    assert ds.class_names == ["f", "m"] and ds.y.tolist() == [0, 1, 0, 1]
    assert ds.task == "classification"


def test_a_middle_column_as_a_number_answer(tmp_path):
    ds = load_csv(write(tmp_path, CLASS_TABLE),
                  options=CsvOptions(target="height", exclude=("name", "sex"), task="regression"))
    assert ds.task == "regression" and ds.target_names == ["height"]
    assert ds.y.tolist() == [150.5, 160.0, 171.0, 149.0]
    np.testing.assert_array_equal(ds.X, [[50.0], [61.25], [70.0], [45.5]])


def test_target_and_task_arguments_override_the_options(tmp_path):
    ds = load_csv(write(tmp_path, CLASS_TABLE), target="sex", options=CsvOptions(target="weight", exclude=("name",)))
    assert ds.class_names == ["f", "m"] and ds.feature_names == ["height", "weight"]


@pytest.mark.parametrize("options, problem", [
    (CsvOptions(exclude=("nope",)), "there is no column named 'nope' to leave out; the columns are: "
                                    "name, height, sex, weight"),
    (CsvOptions(target="sex", exclude=("sex",)), "the answer column 'sex' cannot be left out"),
    (CsvOptions(target="sex", exclude=("name", "height", "weight")),
     "every column but the answer is left out: keep at least one to learn from"),
    (CsvOptions(separator="|"), "unknown separator '|': use a comma, a semicolon or a tab"),
    (CsvOptions(encoding="latin-9"), "unknown text encoding 'latin-9'"),
])
def test_impossible_choices_are_refused_in_words(tmp_path, options, problem):
    with pytest.raises(DataError) as info:
        load_csv(write(tmp_path, CLASS_TABLE), options=options)
    assert problem in str(info.value)


def test_the_chosen_decimal_mark_and_separator(tmp_path):
    text = "a;b;y\n1,5;2,25;x\n3;4,5;z\n"
    ds = load_csv(write(tmp_path, text), options=CsvOptions(separator=";", decimal_comma=True))
    np.testing.assert_array_equal(ds.X, [[1.5, 2.25], [3.0, 4.5]])
    # the point as the decimal mark of a semicolon file: "1,5" is then not a number
    with pytest.raises(DataError, match=r"line 2, column 'a': '1,5' is not a number"):
        load_csv(write(tmp_path, text), options=CsvOptions(decimal_comma=False))
    # a comma separator chosen for a semicolon file: one column only
    with pytest.raises(DataError, match="only one column"):
        load_csv(write(tmp_path, "a;b;y\n1;2;x\n"), options=CsvOptions(separator=","))


def test_a_chosen_encoding_is_used_and_a_wrong_one_names_the_line(tmp_path):
    data = "nombre,x,y\nniño,1,a\nseñal,2,b\n".encode("cp1252")
    path = write(tmp_path, data)
    ds = load_csv(path, options=CsvOptions(encoding="cp1252", exclude=("nombre",)))
    assert ds.source_encoding == "cp1252" and ds.X.tolist() == [[1.0], [2.0]]
    with pytest.raises(DataError) as info:
        load_csv(path, options=CsvOptions(encoding="utf-8"))
    assert str(info.value) == ("data.csv, line 2: byte 0xF1 on this line cannot be read as utf-8 text: "
                               "choose another encoding")
    # a byte-order mark is dropped whatever UTF-8 name is chosen
    bom = write(tmp_path, b"\xef\xbb\xbfa,b\n1,x\n2,y\n", "bom.csv")
    assert load_csv(bom, options=CsvOptions(encoding="utf-8")).feature_names == ["a"]
    utf16 = write(tmp_path, "a\tb\n1\tx\n2\ty\n".encode("utf-16"), "u16.csv")
    assert load_csv(utf16, options=CsvOptions(encoding="utf-16-le")).feature_names == ["a"]


def test_the_preview_lists_every_problem_of_the_first_rows_one_per_line():
    data = ("a,b,c,d,e\n"
            "1,2,3,4,x\n"
            "1,2,3,4,y\n"
            "1,two,3,4,x\n"
            "1,2,3,4,y\n"
            "1,2,3,4,5,x\n"
            "1,2,,4,y\n").encode()
    preview = preview_csv(data)
    assert preview.problems == [
        "line 4, column 'b': 'two' is not a number",
        "line 6: this row has 6 values but the header has 5 columns",
        "line 7, column 'c': the cell is empty; every feature needs a number",
    ]
    assert preview.problem_lines == [4, 6, 7]
    assert preview.names == ["a", "b", "c", "d", "e"] and preview.target == 4
    assert [line for line, _ in preview.rows] == [2, 3, 4, 5, 6, 7]
    assert preview.rows[2][1] == ["1", "two", "3", "4", "x"]
    assert (preview.encoding, preview.separator, preview.decimal_comma) == ("utf-8", ",", False)
    # the loader refuses the file with the first of those messages, the file's name in front
    with pytest.raises(DataError) as info:
        parse_csv_bytes(data, source="t.csv")
    assert str(info.value) == "t.csv, " + preview.problems[0]


def test_the_preview_detects_and_guesses():
    data = "sep=;\nx;y;nombre\n1,5;2;Añá\n2,5;3,5;Eva\n".encode("cp1252")
    preview = preview_csv(data, CsvOptions(target="y", exclude=("nombre",)))
    assert (preview.encoding, preview.separator, preview.decimal_comma) == ("cp1252", ";", True)
    assert preview.problems == [] and preview.task == "regression"
    assert preview_csv(data, CsvOptions(target="y")).text_columns == ["nombre"]
    assert preview_csv(data).task == "classification"  # the texts of the last column
    # texts as the answer of a regression, per line (the "sep=" line is line 1)
    assert preview_csv(data, CsvOptions(task="regression")).problems == [
        "line 3, column 'nombre': 'Añá' is not a number, and a regression target must be",
        "line 4, column 'nombre': 'Eva' is not a number, and a regression target must be"]


def test_the_preview_says_a_problem_of_the_whole_file_and_what_it_could_detect():
    preview = preview_csv(b"a;a\n1;2\n")
    assert preview.problems == ["line 1: the column name 'a' appears twice (columns 1 and 2); "
                                "every column needs its own name"]
    assert preview.rows == [] and preview.separator == ";" and preview.decimal_comma is True
    assert preview_csv(b"").problems == ["the file is empty"]
    assert preview_csv(b"a,b\n").problems == ["line 1: the file has a header but no data rows"]


def test_a_regression_answer_that_is_not_a_number_is_a_problem_of_its_line():
    data = b"x,y\n1,2.5\n2,abc\n3,4\n"
    preview = preview_csv(data, CsvOptions(task="regression"))
    assert preview.problems == ["line 3, column 'y': 'abc' is not a number, and a regression target must be"]
    assert preview_csv(data, CsvOptions(task="classification")).problems == []


def test_preview_bytes_are_whole_lines_and_a_big_file_is_refused_naming_the_limit(tmp_path):
    path = write(tmp_path, "a,b\n" + "1.25,x\n" * 100_000)
    data, complete = read_preview_bytes(path, limit=1000)
    assert not complete and data.endswith(b"\n") and len(data) == 4 + 7 * 142
    assert read_preview_bytes(write(tmp_path, GOOD, "small.csv")) == (GOOD.encode(), True)
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    for read in (read_preview_bytes, load_csv):
        with pytest.raises(DataError) as info:
            read(big)
        assert str(info.value) == "big.csv: the file is too big (50 MB); nnsim reads tables up to 50 MB"


def test_progress_is_reported_and_may_stop_the_reading(tmp_path):
    path = write(tmp_path, "a,b\n" + "".join(f"{k},{k % 3}\n" for k in range(20_000)))
    seen = []
    ds = load_csv(path, progress=seen.append)
    assert ds.n_samples == 20_000 and seen[-1] == 1.0 and seen == sorted(seen)

    class Stop(Exception):
        pass

    def stop(fraction):
        if fraction > 0.3:
            raise Stop

    with pytest.raises(Stop):
        load_csv(path, progress=stop)


# ---------------------------------------------------------------------------- fuzz: the choices
FUZZ_EXAMPLES = int(os.environ.get("NNSIM_FUZZ_EXAMPLES", "200"))
_CELL = st.text(alphabet="01.,;\t\"x é-e9nanNA \n", max_size=5)


@st.composite
def tables_and_choices(draw):
    """A small table of odd cells (numbers, texts, empty, quotes, both decimal marks, the
    separators inside cells) in some encoding, and any choice the dialog can make."""
    separator = draw(st.sampled_from([",", ";", "\t"]))
    names = draw(st.lists(st.sampled_from(["a", "b", "name", "y", "é"]), min_size=1, max_size=4))
    rows = draw(st.lists(st.lists(_CELL, min_size=0, max_size=5), max_size=8))
    lines = [separator.join(names)] + [separator.join(r) for r in rows]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    options = CsvOptions(
        separator=draw(st.sampled_from([None, ",", ";", "\t"])),
        decimal_comma=draw(st.sampled_from([None, True, False])),
        encoding=draw(st.sampled_from([None, "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"])),
        target=draw(st.sampled_from([None] + names)),
        exclude=tuple(draw(st.lists(st.sampled_from(names + ["zz"]), max_size=2, unique=True))),
        task=draw(st.sampled_from([None, "classification", "regression"])))
    return data, options


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(tables_and_choices())
def test_fuzz_choices_preview_never_raises_and_the_loader_says_what_it_listed(case):
    data, options = case
    preview = preview_csv(data, options)  # never raises: every problem is listed
    assert len(preview.problems) == len(preview.problem_lines)
    try:
        ds = parse_csv_bytes(data, source="t.csv", options=options)
    except DataError as exc:
        message = str(exc)
        if getattr(exc, "line", None) is not None:
            # a problem of a line: the preview (which saw every row of this small file) listed it
            assert message.removeprefix("t.csv, ") in preview.problems
        return
    assert not preview.problems  # what the preview found, the loader refuses
    assert ds.feature_names == [n for n in preview.names if n != preview.names[preview.target]
                                and n not in options.exclude]
    assert ds.X.shape == (len(preview.rows), len(ds.feature_names)) and np.isfinite(ds.X).all()
