"""Read a teacher's own table (a CSV file a spreadsheet saved) into a `Dataset`.

Spreadsheets save CSV in many ways, so this accepts what they really write: UTF-8 with or
without a byte-order mark, Windows-1252 (a Spanish Excel), UTF-16 ("Unicode text"), CRLF or LF
line endings, quoted fields, `,` `;` or tab separators, and decimal commas ("5,1") whenever the
separator is not a comma. Anything it cannot use raises `DataError` naming the line as the
spreadsheet numbers it (the header is line 1) and the problem in plain words. It reads the
whole file and checks every cell before building the result, so a bad file never comes back
half loaded.

Target rules (the last column unless `target=` names another):
- any cell that is not a number -> classification; the class names are the texts in the order
  they first appear in the file (so the first row's class is class 0, as a reader expects);
- whole numbers only, at most `MAX_INTEGER_CLASSES` different values -> classification, the
  class names are those numbers sorted ("0", "1", ... or "1", "2", "3");
- otherwise -> regression. `task=` overrides the guess.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re

import numpy as np

from nnsim.core.dataset import CLASSIFICATION, REGRESSION, Dataset
from nnsim.core.errors import DataError
from nnsim.core.files import FileTooLargeError, read_capped

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_INTEGER_CLASSES = 20
# "1.234,5" -> 1234.5 when the separator is not a comma (a European spreadsheet).
_THOUSANDS_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _error(source: str, line: int | None, problem: str, column: str | None = None) -> DataError:
    """A DataError that reads 'plants.csv, line 4, column 'petal': ...' and carries the place."""
    where = source
    if line is not None:
        where += f", line {line}"
    if column is not None:
        where += f", column '{column}'"
    err = DataError(f"{where}: {problem}")
    err.line = line
    err.column = column
    return err


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def _decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-16 if it has that mark, else UTF-8 (BOM or not), else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _error(source, None, "the file says it is UTF-16 text but is not readable as such") from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _error(source, _line_of(data, nul),
                     "this does not look like a text (CSV) file: it contains binary data. "
                     "Save the table from your spreadsheet as CSV.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise _error(source, _line_of(data, exc.start),
                         f"unreadable character (byte 0x{data[exc.start]:02X}): the file is neither "
                         "UTF-8 nor Windows-1252 text. Save the table from your spreadsheet as CSV.") from exc
    bad = _CONTROL_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise _error(source, line, "this does not look like a text (CSV) file: it contains control "
                                   "characters. Save the table from your spreadsheet as CSV.")
    return text


def _pick_delimiter(header_line: str) -> str:
    """The separator used most in the header, outside quoted names.

    A tie between ';' and ',' goes to ';': a semicolon file's names may hold commas
    ("longitud, cm"), while a comma file rarely has semicolons in its names.
    """
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])  # ties keep this order
    return best if counts[best] > 0 else ","


def _to_number(cell: str, decimal_comma: bool) -> float | None:
    """The cell as a float, or None if it is not written as a number."""
    s = cell.strip()
    if decimal_comma and "," in s:
        if _THOUSANDS_DECIMAL_COMMA.match(s):
            s = s.replace(".", "")
        s = s.replace(",", ".")
    if not s or "_" in s:  # float() takes "1_000"; a spreadsheet never writes it
        return None
    try:
        return float(s)
    except ValueError:
        return None


def _read_rows(text: str, source: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """(delimiter, [(line number, cells), ...]) with blank lines dropped; the header is first.

    The delimiter is read off the header; Excel's optional first line "sep=;" names it instead.
    """
    lines = re.split(r"\r\n|\r|\n", text)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise _error(source, None, "the file is empty")
    hint = lines[first].strip()
    skip_line = None
    if len(hint) == 5 and hint.lower().startswith("sep="):
        delimiter, skip_line = hint[4], first + 1
    else:
        delimiter = _pick_delimiter(lines[first])
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    start = 1  # the line a record starts on, as a spreadsheet numbers it
    try:
        for cells in reader:
            if start != skip_line and any(c.strip() for c in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            problem = 'a quotation mark (") opens a cell here that is never closed'
        else:
            problem = f'a quotation mark (") is in the wrong place ({exc})'
        raise _error(source, start, problem) from exc
    if not rows:
        raise _error(source, None, "the file is empty")
    return delimiter, rows


def _drop_empty_trailing_columns(header: list[str], body: list[tuple[int, list[str]]]) -> int:
    """How many columns to keep: spreadsheets sometimes save unnamed, empty columns at the end."""
    m = len(header)
    while m > 0 and not header[m - 1].strip():
        if any(len(cells) >= m and cells[m - 1].strip() for _, cells in body):
            break
        m -= 1
    return m


def _show(cell: str, limit: int = 40) -> str:
    """A cell quoted for a message, cut short so a stray paragraph does not fill the dialog."""
    text = " ".join(cell.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _column_names(header: list[str], line: int, body, source: str) -> list[str]:
    """The header's names, checked: each named, no name twice, at least two columns."""
    names = [h.strip() for h in header[: _drop_empty_trailing_columns(header, body)]]
    for j, name in enumerate(names):
        if not name:
            raise _error(source, line, f"column {j + 1} has no name in the header row")
    seen: dict[str, int] = {}
    for j, name in enumerate(names):
        if name in seen:
            raise _error(source, line,
                         f"the column name '{name}' appears twice (columns {seen[name] + 1} and {j + 1}); "
                         "every column needs its own name")
        seen[name] = j
    if len(names) < 2:
        raise _error(source, line,
                     f"only one column ('{names[0] if names else ''}') was found: the file needs at least two, "
                     "one or more features and the target (is the separator a comma or a semicolon?)")
    return names


def _target_index(names: list[str], target: str | None, line: int, source: str) -> int:
    """Which column is the target: the named one (exact, else ignoring case) or the last."""
    if target is None:
        return len(names) - 1
    wanted = str(target).strip()
    matches = [j for j, n in enumerate(names) if n == wanted] or \
              [j for j, n in enumerate(names) if n.lower() == wanted.lower()]
    if len(matches) != 1:
        raise _error(source, line,
                     f"there is no target column named '{target}'; the columns are: {', '.join(names)}")
    return matches[0]


def parse_csv_bytes(data: bytes, source: str = "data", target: str | None = None,
                    task: str | None = None) -> Dataset:
    """`load_csv` on bytes already read: `source` is the name that error messages use."""
    if task not in (None, CLASSIFICATION, REGRESSION):
        raise DataError(f"unknown task '{task}': use 'classification' or 'regression'")
    if not data.strip():
        raise _error(source, None, "the file is empty")
    text = _decode(data, source)
    delimiter, rows = _read_rows(text, source)
    decimal_comma = delimiter != ","
    header_line, header = rows[0]
    body = rows[1:]

    names = _column_names(header, header_line, body, source)
    m = len(names)
    if not body:
        raise _error(source, header_line, "the file has a header but no data rows")
    t = _target_index(names, target, header_line, source)
    feature_cols = [j for j in range(m) if j != t]

    X = np.empty((len(body), m - 1))
    target_cells: list[str] = []
    for i, (line, cells) in enumerate(body):
        if len(cells) < m or any(c.strip() for c in cells[m:]):
            raise _error(source, line, f"this row has {len(cells)} values but the header has {m} columns")
        for k, j in enumerate(feature_cols):
            cell = cells[j]
            if not cell.strip():
                raise _error(source, line, "the cell is empty; every feature needs a number", names[j])
            value = _to_number(cell, decimal_comma)
            if value is None:
                raise _error(source, line, f"{_show(cell)} is not a number", names[j])
            if not np.isfinite(value):
                raise _error(source, line, f"{_show(cell)} is not a usable number (NaN or infinity)", names[j])
            X[i, k] = value
        cell = cells[t].strip()
        if not cell:
            raise _error(source, line, "the target cell is empty; every row needs an answer", names[t])
        target_cells.append(cell)

    lines = [line for line, _ in body]
    y, class_names, kind = _parse_target(target_cells, lines, names[t], source, decimal_comma, task)
    stem = os.path.splitext(os.path.basename(source))[0] or source
    return Dataset(X, y, [names[j] for j in feature_cols], class_names, stem, kind,
                   [names[t]] if kind == REGRESSION else [])


def _parse_target(cells: list[str], lines: list[int], column: str, source: str,
                  decimal_comma: bool, task: str | None) -> tuple[np.ndarray, list[str], str]:
    """(y, class_names, task) from the target column's texts, following the module's rules."""
    numbers = [_to_number(c, decimal_comma) for c in cells]
    numeric = all(v is not None for v in numbers)
    if numeric:
        values = np.array(numbers, dtype=np.float64)
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            i = int(bad[0])
            raise _error(source, lines[i], f"{_show(cells[i])} is not a usable number (NaN or infinity)", column)
        whole = bool(np.all(values == np.round(values)))
        if task is None:
            task = CLASSIFICATION if whole and np.unique(values).size <= MAX_INTEGER_CLASSES else REGRESSION
    elif task == REGRESSION:
        i = next(i for i, v in enumerate(numbers) if v is None)
        raise _error(source, lines[i], f"{_show(cells[i])} is not a number, and a regression target must be", column)
    else:
        task = CLASSIFICATION

    if task == REGRESSION:
        return values, [], REGRESSION
    if numeric and whole:
        classes, y = np.unique(values, return_inverse=True)
        class_names = [str(int(c)) for c in classes]
    else:
        class_names = list(dict.fromkeys(cells))  # first appearance order
        index = {name: k for k, name in enumerate(class_names)}
        y = np.array([index[c] for c in cells], dtype=np.int64)
    if len(class_names) < 2:
        raise _error(source, None,
                     f"the target column '{column}' has only one class ('{class_names[0]}'); "
                     "a classifier needs examples of at least two classes")
    return y.astype(np.int64), class_names, CLASSIFICATION


def load_csv(path, target: str | None = None, task: str | None = None) -> Dataset:
    """A Dataset from a CSV file: header row, numeric feature columns, one target column.

    `target` names the target column (default: the last one); `task` forces "classification"
    or "regression" instead of the guess described in this module's docstring. Raises
    `DataError` for every file it cannot use, naming the line and the problem.
    """
    source = os.fspath(path)
    name = os.path.basename(source) or source
    if os.path.isdir(source):
        raise _error(name, None, f"'{source}' is a folder, not a file: choose a CSV file inside it")
    try:
        data = read_capped(source, MAX_FILE_BYTES)
    except FileTooLargeError as exc:
        raise _error(name, None, f"the file is too big ({exc.size / 2**20:.0f} MB); "
                                 f"nnsim reads tables up to {MAX_FILE_BYTES // 2**20} MB") from None
    except FileNotFoundError:
        raise DataError(f"file not found: {source}") from None
    except PermissionError:
        raise DataError(f"{name}: permission denied: nnsim may not read this file") from None
    except OSError as exc:
        raise DataError(f"{name}: the file could not be read ({exc.strerror or exc})") from None
    return parse_csv_bytes(data, source=name, target=target, task=task)
