"""Read a teacher's own table (a CSV file a spreadsheet saved) into a `Dataset`.

Spreadsheets save CSV in many ways, so this accepts what they really write: UTF-8 with or
without a byte-order mark, Windows-1252 (a Spanish Excel), UTF-16 with its byte-order mark
("Unicode text"), CRLF, LF or CR line endings, quoted fields (which may hold line breaks, as
Excel's Alt+Enter writes them), `,` `;` or tab separators, and decimal commas ("5,1")
whenever the separator is not a comma. Anything it cannot use raises `DataError` naming the
line as the spreadsheet numbers it (the header is line 1) and the problem in plain words. It
reads the whole file and checks every cell before building the result, so a bad file never
comes back half loaded.

Encoding: one per file, never mixed. A file with a UTF-16 byte-order mark is UTF-16; a file
that is valid UTF-8 (with or without its mark) is UTF-8; any other file is Windows-1252,
unless it also holds well-formed UTF-8 characters: then it mixes two encodings (one line
typed in another program, say) and is refused, naming the first line that is not UTF-8,
rather than turning "niño" into "niÃ±o" in some rows. The encoding used is the result's
`Dataset.source_encoding`: "utf-8", "utf-8-sig" (UTF-8 with its mark), "utf-16-le",
"utf-16-be" or "cp1252".

Separator: Excel's optional first line "sep=;" names it; otherwise it is the one of tab, `;`
and `,` that splits the header into at least two named columns and the first rows
(`_SNIFF_ROWS`) into as many, tab before `;` before `,` when several do: names and decimal
numbers hold commas ("Largo, cm", "5,1"), they rarely hold tabs or semicolons.

Target rules (the last column unless `target=` names another):
- any cell that is not a number -> classification; the class names are the texts in the order
  they first appear in the file (so the first row's class is class 0, as a reader expects);
- whole numbers only, at most `MAX_INTEGER_CLASSES` different values -> classification, the
  class names are those numbers sorted ("0", "1", ... or "1", "2", "3");
- otherwise -> regression. `task=` overrides the guess.

Limits: a file of at most `MAX_FILE_BYTES` (50 MiB); a cell of at most 131,072 characters
(Python's csv limit, far above any number or name). Only regular files are read: a folder,
a device such as /dev/zero or a named pipe is refused before reading. Memory: the file's
bytes, its text (1 to 4 bytes a character, as Python stores it), 8 bytes a number and
`CHUNK_ROWS` rows of cells at a time: loading a 17 MB table grows the process by about
5 times the file (it was 19 times).

Choices (`CsvOptions`, for the import dialog): the separator, the decimal mark and the
encoding may be given instead of detected; the answer may be any column; columns may be left
out (a name or id column that is not a number). `preview_csv` reads only the start of a file
and returns what it detected, the first rows as text and every problem of those rows, one per
line, in the words the loader uses when it refuses the whole file; `load_csv` takes the same
choices and a `progress(fraction)` callback, called between chunks, which may raise to stop.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import os
import re
from array import array
from dataclasses import dataclass, field

import numpy as np

from nnsim.core.dataset import CLASSIFICATION, REGRESSION, Dataset
from nnsim.core.errors import DataError
from nnsim.core.files import FileTooLargeError, NotARegularFileError, read_capped

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_INTEGER_CLASSES = 20
#: Rows converted to numbers together: large enough that the per-column conversion runs
#: at C speed, small enough that their cells (about 60 bytes each as Python strings) do not
#: add up to many times the file.
CHUNK_ROWS = 4096
#: Bytes decoded together when a reader in the background reports its progress (a decode
#: holds the interpreter: a megabyte takes a few milliseconds).
_DECODE_PIECE = 1 << 20
#: Class names mapped to numbers together (a few milliseconds of C loops at a time).
_TARGET_PIECE = 65536
#: Rows after the header that the separator must split like the header.
_SNIFF_ROWS = 20
_SEPARATORS = ("\t", ";", ",")  # preference order when several split the table alike
# "1.234,5" -> 1234.5 when the separator is not a comma (a European spreadsheet).
_THOUSANDS_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
# Tab, LF, FF and CR are text; every other C0 control character is not.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# A line as the csv reader and a spreadsheet count them: ended by CRLF, CR or LF.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
_LINE_END = re.compile(r"\r\n?|\n")
# Where str.splitlines breaks lines but a spreadsheet does not (besides refused controls).
_OTHER_BREAKS = re.compile("[\x0c\x85\u2028\u2029]")
# A well-formed UTF-8 character of two to four bytes (RFC 3629). Windows-1252 text almost
# never holds one ("Ã±" is how "ñ" in UTF-8 reads in Windows-1252), so a file that is not
# valid UTF-8 but holds one mixes the two encodings.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NOT_TEXT = ("this does not look like a text (CSV) file: it contains binary data. "
             "Save the table from your spreadsheet as CSV.")
#: encodings a person may choose instead of the detected one (the names `_decode` gives)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252")
#: bytes the preview reads from the start of a file: a few hundred rows of a wide table
PREVIEW_BYTES = 256 * 1024
#: rows the preview shows and checks
PREVIEW_ROWS = 30
_CONTROL = ("this does not look like a text (CSV) file: it contains control "
            "characters. Save the table from your spreadsheet as CSV.")


def _error(source: str, line: int | None, problem: str, column: str | None = None) -> DataError:
    """A DataError that reads 'plants.csv, line 4, column 'petal': ...' and carries the place."""
    where = source
    if line is not None:
        where += f", line {line}" if source else f"line {line}"
    if column is not None:
        where += f", column '{column}'"
    # (the preview's problems have no file name: "line 6: ...", or just the problem)
    err = DataError(f"{where}: {problem}" if where else problem)
    err.line = line
    err.column = column
    return err


def _line_of(data, pos: int) -> int:
    """The line (from 1) that position ``pos`` of ``data`` (bytes or text) is on, counting
    CRLF, CR and LF line ends as the csv reader does."""
    lf, cr, crlf = ("\n", "\r", "\r\n") if isinstance(data, str) else (b"\n", b"\r", b"\r\n")
    return data.count(lf, 0, pos) + data.count(cr, 0, pos) - data.count(crlf, 0, pos) + 1


def _check_text(text: str, source: str, progress=None) -> None:
    """Refuse text that holds NUL or other control characters, naming the first one's line.

    Searched a window at a time, ``progress`` called between windows: one regular-expression
    search over 50 MB holds the interpreter for a tenth of a second, which a window
    painting meanwhile would feel.
    """
    nul = text.find("\x00")
    if nul >= 0:
        raise _error(source, _line_of(text, nul), _NOT_TEXT)
    window = 1 << 20
    for pos in range(0, len(text), window):
        bad = _CONTROL_CHARS.search(text, pos, pos + window)
        if bad:
            raise _error(source, _line_of(text, bad.start()), _CONTROL)
        if progress is not None:
            progress(0.0)


def _text_of(data, codec: str, progress=None) -> str:
    """``data`` decoded; with ``progress``, a few megabytes at a time with a call between
    pieces (one decode of 50 MB holds the interpreter for a few tenths of a second, which a
    window painting meanwhile would feel). Raises UnicodeDecodeError as bytes.decode does:
    a piece that fails is decoded again whole, so the error's position is the file's."""
    if progress is None:
        return bytes(data).decode(codec) if isinstance(data, memoryview) else data.decode(codec)
    decoder, parts, view = codecs.getincrementaldecoder(codec)(), [], memoryview(data)
    try:
        for start in range(0, len(view), _DECODE_PIECE):
            parts.append(decoder.decode(view[start:start + _DECODE_PIECE], final=start + _DECODE_PIECE >= len(view)))
            progress(0.0)
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return bytes(view).decode(codec)  # raises with the position in the whole file
    return "".join(parts)


def _decode_as(data: bytes, codec: str, source: str, progress=None) -> tuple[str, str]:
    """(text, codec) with the encoding a person chose; its byte-order mark, if any, dropped."""
    if codec not in ENCODINGS:
        raise DataError(f"unknown text encoding '{codec}': use one of {', '.join(ENCODINGS)}")
    bom = {"utf-8": codecs.BOM_UTF8, "utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
           "utf-16-be": codecs.BOM_UTF16_BE}.get(codec)
    start = len(bom) if bom and data.startswith(bom) else 0
    try:
        text = _text_of(memoryview(data)[start:], "utf-8" if codec == "utf-8-sig" else codec, progress)
    except UnicodeDecodeError as exc:
        raise _error(source, _line_of(data, start + exc.start),
                     f"byte 0x{data[start + exc.start]:02X} on this line cannot be read as {codec} text: "
                     "choose another encoding") from None
    _check_text(text, source, progress)
    return text, codec


def _decode(data: bytes, source: str, progress=None) -> tuple[str, str]:
    """(text, codec name): the one encoding of the whole file, as the module docstring says."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise _error(source, None, "the file says it is UTF-16 text but is not readable as such") from exc
            _check_text(text, source, progress)
            return text, codec
    # Before decoding: a binary file (an image) is not also called badly encoded text.
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _error(source, _line_of(data, nul), _NOT_TEXT)
    codec = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        text = _text_of(data, codec, progress)
    except UnicodeDecodeError as exc:
        if codec == "utf-8-sig" or _UTF8_MULTIBYTE.search(data):
            bad = exc.start + (len(codecs.BOM_UTF8) if codec == "utf-8-sig" else 0)  # utf-8-sig counts after its mark
            raise _error(source, _line_of(data, bad),
                         f"the file mixes two text encodings: byte 0x{data[bad]:02X} on this line is not "
                         "UTF-8, but the file's other characters are. Save the table again from your "
                         "spreadsheet as CSV UTF-8.") from None
        codec = "cp1252"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise _error(source, _line_of(data, exc.start),
                         f"unreadable character (byte 0x{data[exc.start]:02X}): the file is neither "
                         "UTF-8 nor Windows-1252 text. Save the table from your spreadsheet as CSV.") from None
    _check_text(text, source, progress)
    return text, codec


def _lines(text: str, block: int = 1 << 20):
    """The text's lines with their line ends (CRLF, CR or LF), one at a time.

    Cut into blocks of about ``block`` characters at a line end, each split at C speed by
    str.splitlines, which also breaks at a few other characters (form feed, U+0085, U+2028,
    U+2029; the other ones it knows are refused control characters): a block holding one of
    those goes line by line through `_LINE` instead. No list of all the lines is made.
    """
    n, pos = len(text), 0
    while pos < n:
        end = text.rfind("\n", pos, pos + block) + 1
        if end == 0:  # no LF in the window: a CR-only file, or one very long line
            end = text.rfind("\r", pos, pos + block) + 1
            if end == 0:
                found = _LINE_END.search(text, pos + block)
                end = found.end() if found else n
            elif text.startswith("\n", end):
                end += 1  # never part a CRLF
        piece = text[pos:end]
        if _OTHER_BREAKS.search(piece):
            yield from (m.group() for m in _LINE.finditer(piece))
        else:
            yield from piece.splitlines(True)
        pos = end


def _records(text: str, delimiter: str, skip_line: int | None, source: str):
    """(line the record starts on, cells) for each record that is not blank, in order.

    A record may span lines (a quoted cell with a line break); ``skip_line`` is Excel's
    "sep=" line. Raises DataError naming the record's first line for a quoting error.
    """
    reader = csv.reader(_lines(text), delimiter=delimiter, quotechar='"', strict=True)
    start = 1  # the line a record starts on, as a spreadsheet numbers it
    try:
        for cells in reader:
            # (the first cell's text settles most rows without a scan of the others)
            if start != skip_line and ((cells and cells[0].strip()) or any(c.strip() for c in cells)):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            problem = 'a quotation mark (") opens a cell here that is never closed'
        elif "field larger than field limit" in str(exc):
            problem = (f'a cell starting on this line is longer than {csv.field_size_limit():,} characters: '
                       'is a quotation mark (") opened and never closed?')
        else:
            problem = f'a quotation mark (") is in the wrong place ({exc})'
        raise _error(source, start, problem) from None


def _width(cells: list[str]) -> int:
    """How many cells, not counting empty ones at the end of the row."""
    n = len(cells)
    while n and not cells[n - 1].strip():
        n -= 1
    return n


def _pick_delimiter(text: str, source: str) -> tuple[str, int | None]:
    """(separator, the "sep=" line to skip or None), as the module docstring says."""
    first = next(((i, line) for i, line in enumerate(_lines(text), start=1) if line.strip()), None)
    if first is None:
        raise _error(source, None, "the file is empty")
    hint = first[1].strip()
    if len(hint) == 5 and hint.lower().startswith("sep="):
        return hint[4], first[0]
    best, best_score = ",", None
    for delimiter in _SEPARATORS:
        widths, header = [], None
        try:
            for _, cells in itertools.islice(_records(text, delimiter, None, source), _SNIFF_ROWS + 1):
                header = cells if header is None else header
                widths.append(_width(cells))
        except DataError:
            pass  # quotes that do not fit this separator: judge it on the rows before
        if not widths or widths[0] < 2:
            continue
        # First a header whose names are all there, then the share of rows as wide as the
        # header (a share: a wrong separator may cut a quoted cell into extra rows).
        named = all(h.strip() for h in header[: widths[0]])
        agree = sum(w == widths[0] for w in widths[1:]) / max(1, len(widths) - 1)
        if best_score is None or (named, agree) > best_score:  # ties keep the preferred one
            best, best_score = delimiter, (named, agree)
    return best, None


def _show(cell: str, limit: int = 40) -> str:
    """A cell quoted for a message, cut short so a stray paragraph does not fill the dialog."""
    text = " ".join(cell.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _column_names(header: list[str], line: int, source: str) -> list[str]:
    """The header's names, checked: each named, no name twice, at least two columns.

    Empty names at the end are left out: spreadsheets sometimes save unnamed, empty columns
    there (a row that does fill one is refused when it is read).
    """
    names = [h.strip() for h in header[: _width(header)]]
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


def _fast_floats(cells, decimal_comma: bool) -> np.ndarray | None:
    """The cells as floats when each is a plain number (at C speed), else None.

    Where it gives an array, `_to_number` gives the same values (float() strips blanks as
    str.strip does); anything else, such as "1.234,5", an empty cell or "1_0", is left to
    the cell-by-cell path, which also knows how to say what is wrong.
    """
    joined = "".join(cells)
    if "_" in joined:
        return None
    if decimal_comma and "," in joined:
        cells = [c.replace(",", ".") for c in cells]
    try:
        return np.fromiter(map(float, cells), dtype=np.float64, count=len(cells))
    except ValueError:
        return None


class _Table:
    """The body rows as they are read: feature numbers, target texts and line numbers,
    converted `CHUNK_ROWS` rows at a time so that only those rows' cells are held as text."""

    def __init__(self, names: list[str], header_width: int, header_line: int, target: int,
                 decimal_comma: bool, source: str, features: list[int] | None = None):
        self.names = names
        self.m = len(names)
        self.header_width = header_width  # cells in the header row, empty trailing ones too
        self.header_line = header_line
        self.t = target
        # the columns read as numbers: all but the target and the ones left out
        self.features = features if features is not None else [j for j in range(self.m) if j != target]
        self.decimal_comma = decimal_comma
        self.source = source
        self.blocks: list[np.ndarray] = []
        self.targets: list[str] = []
        self.lines = array("q")
        self._same: dict[str, str] | None = {}  # one string object per repeated class name

    def add(self, chunk: list[tuple[int, list[str]]]) -> None:
        block, targets = self._fast(chunk)
        if block is None:
            block, targets = self._cell_by_cell(chunk)
        self.blocks.append(block)
        self.lines.extend(line for line, _ in chunk)
        same = self._same
        if same is not None:
            targets = [same.setdefault(c, c) for c in targets]
            if len(same) > 4096:  # not a few class names: sharing saves nothing
                self._same = None
        self.targets.extend(targets)

    def _fast(self, chunk):
        """(block, target texts) when every row is plainly fine, else (None, None)."""
        m = self.m
        rows = [cells for _, cells in chunk]
        widths = set(map(len, rows))
        if min(widths) < m:
            return None, None
        if widths != {m} and any("".join(cells[m:]).strip() for cells in rows):
            return None, None
        columns = list(zip(*rows))
        block = np.empty((len(rows), len(self.features)))
        for k, j in enumerate(self.features):
            values = _fast_floats(columns[j], self.decimal_comma)
            if values is None:
                return None, None
            block[:, k] = values
        if not np.isfinite(block).all():
            return None, None
        targets = list(map(str.strip, columns[self.t]))
        if not all(targets):
            return None, None
        return block, targets

    def _cell_by_cell(self, chunk):
        """The chunk checked row by row, cell by cell: the first problem in the file's order
        raises DataError naming its line and column; if there is none, the values."""
        block = np.empty((len(chunk), len(self.features)))
        targets = [self.row(line, cells, block[i]) for i, (line, cells) in enumerate(chunk)]
        return block, targets

    def row(self, line: int, cells: list[str], out=None, task: str | None = None) -> str:
        """The row's target text, its feature numbers written into ``out``; raises DataError
        for the row's first problem. With ``task`` REGRESSION the target must be a number."""
        m, names, source = self.m, self.names, self.source
        if len(cells) < m or any(c.strip() for c in cells[m:]):
            filled = next((j for j in range(m, len(cells)) if cells[j].strip()), None)
            if len(cells) >= m and filled is not None and filled < self.header_width:
                # a value under one of the header's empty trailing names
                raise _error(source, self.header_line, f"column {m + 1} has no name in the header row")
            raise _error(source, line, f"this row has {len(cells)} values but the header has {m} columns")
        for k, j in enumerate(self.features):
            cell = cells[j]
            if not cell.strip():
                raise _error(source, line, "the cell is empty; every feature needs a number", names[j])
            value = _to_number(cell, self.decimal_comma)
            if value is None:
                raise _error(source, line, f"{_show(cell)} is not a number", names[j])
            if not np.isfinite(value):
                raise _error(source, line, f"{_show(cell)} is not a usable number (NaN or infinity)", names[j])
            if out is not None:
                out[k] = value
        cell = cells[self.t].strip()
        if not cell:
            raise _error(source, line, "the target cell is empty; every row needs an answer", names[self.t])
        if task == REGRESSION:
            value = _to_number(cell, self.decimal_comma)
            if value is None:
                raise _error(source, line, f"{_show(cell)} is not a number, and a regression target must be",
                             names[self.t])
            if not np.isfinite(value):
                raise _error(source, line, f"{_show(cell)} is not a usable number (NaN or infinity)",
                             names[self.t])
        return cell


@dataclass(frozen=True)
class CsvOptions:
    """How to read a table; None means "detect it" (or, for the target, the last column)."""

    separator: str | None = None  # one of "\t", ";", ","
    decimal_comma: bool | None = None  # None: a comma when the separator is not a comma
    encoding: str | None = None  # one of ENCODINGS
    target: str | None = None  # the answer column's name
    exclude: tuple[str, ...] = ()  # names of columns left out (names, ids)
    task: str | None = None  # CLASSIFICATION, REGRESSION or None (guessed)


@dataclass
class CsvPreview:
    """The start of a file as `preview_csv` read it: the detected (or chosen) reading, the
    header's names, the first rows as text and the problems found, one message a line."""

    encoding: str = ""
    separator: str = ","
    decimal_comma: bool = False
    names: list[str] = field(default_factory=list)
    target: int | None = None  # index into names
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, cells)
    problems: list[str] = field(default_factory=list)
    problem_lines: list[int | None] = field(default_factory=list)  # the line of each problem
    task: str | None = None  # what the preview's answers look like
    text_columns: list[str] = field(default_factory=list)  # used columns holding non-numbers
    complete: bool = True  # False when only the start of the file was read


def _choose_delimiter(text: str, source: str, separator: str | None) -> tuple[str, int | None]:
    """The chosen separator (Excel's "sep=" line still skipped), or the detected one."""
    if separator is None:
        return _pick_delimiter(text, source)
    if separator not in _SEPARATORS:
        raise DataError(f"unknown separator {separator!r}: use a comma, a semicolon or a tab")
    first = next(((i, line) for i, line in enumerate(_lines(text), start=1) if line.strip()), None)
    if first is None:
        raise _error(source, None, "the file is empty")
    hint = first[1].strip()
    return separator, first[0] if len(hint) == 5 and hint.lower().startswith("sep=") else None


def _features(names: list[str], t: int, exclude, line: int, source: str) -> list[int]:
    """The columns read as numbers: all but the target and those left out (checked)."""
    left_out = set()
    for name in exclude:
        if name not in names:
            raise _error(source, line, f"there is no column named '{name}' to leave out; "
                                       f"the columns are: {', '.join(names)}")
        left_out.add(names.index(name))
    if t in left_out:
        raise _error(source, line, f"the answer column '{names[t]}' cannot be left out")
    features = [j for j in range(len(names)) if j != t and j not in left_out]
    if not features:
        raise _error(source, line, "every column but the answer is left out: keep at least one to learn from")
    return features


def _open_table(data: bytes, source: str, options: CsvOptions, progress=None):
    """(encoding, separator, decimal_comma, records after the header, the header's line,
    the header's cells, names, target index, feature indices): everything before the rows."""
    if options.task not in (None, CLASSIFICATION, REGRESSION):
        raise DataError(f"unknown task '{options.task}': use 'classification' or 'regression'")
    if not data or data.isspace():  # (no copy of a big file, unlike data.strip())
        raise _error(source, None, "the file is empty")
    if options.encoding is None:
        text, encoding = _decode(data, source, progress)
    else:
        text, encoding = _decode_as(data, options.encoding, source, progress)
    delimiter, skip_line = _choose_delimiter(text, source, options.separator)
    decimal_comma = delimiter != "," if options.decimal_comma is None else bool(options.decimal_comma)
    records = _records(text, delimiter, skip_line, source)
    first = next(records, None)
    if first is None:
        raise _error(source, None, "the file is empty")
    header_line, header = first
    names = _column_names(header, header_line, source)
    t = _target_index(names, options.target, header_line, source)
    features = _features(names, t, options.exclude, header_line, source)
    return text, encoding, delimiter, decimal_comma, records, header_line, header, names, t, features


def preview_csv(data: bytes, options: CsvOptions = CsvOptions(), rows: int = PREVIEW_ROWS,
                complete: bool = True) -> CsvPreview:
    """What the start of a table looks like read with ``options``, loading nothing.

    ``data`` is the start of the file (`read_preview_bytes`; ``complete`` False when there is
    more). Each of the first ``rows`` rows is checked as the loader checks it, and its first
    problem listed as "line 6: ..." (the loader, refusing the file, says the same with the
    file's name first). A problem of the whole file (its encoding, its header) is the only one.
    """
    preview = CsvPreview(complete=complete)

    def problem(exc: DataError) -> None:
        preview.problems.append(str(exc))
        preview.problem_lines.append(getattr(exc, "line", None))

    try:
        text, preview.encoding, preview.separator, preview.decimal_comma, records, header_line, header, \
            preview.names, preview.target, features = _open_table(data, "", options)
    except DataError as exc:
        problem(exc)
        return _fill_detected(preview, data, options)
    table = _Table(preview.names, len(header), header_line, preview.target, preview.decimal_comma, "", features)
    try:
        for line, cells in itertools.islice(records, rows):
            preview.rows.append((line, cells))
            try:
                table.row(line, cells, task=options.task)
            except DataError as exc:
                problem(exc)
    except DataError as exc:  # a quotation error: the rows after it cannot be told apart
        if complete or exc.line is None or exc.line < _line_of(text, len(text)) - 1:
            problem(exc)
    if not preview.rows and not preview.problems:
        problem(_error("", header_line, "the file has a header but no data rows"))
    t, comma = preview.target, preview.decimal_comma
    # the answers' look decides the guess, even on rows whose features have a problem
    targets = [cells[t].strip() for _, cells in preview.rows if len(cells) > t and cells[t].strip()]
    preview.text_columns = [preview.names[j] for j in features if any(
        len(cells) > j and cells[j].strip() and _to_number(cells[j], comma) is None for _, cells in preview.rows)]
    numbers = [_to_number(c, comma) for c in targets]
    if options.task is not None:
        preview.task = options.task
    elif targets:
        preview.task = REGRESSION if all(v is not None for v in numbers) and not all(
            v == round(v) for v in numbers) else CLASSIFICATION
    return preview


def _fill_detected(preview: CsvPreview, data: bytes, options: CsvOptions) -> CsvPreview:
    """After a problem of the whole file: what could still be detected, for the dialog's choices."""
    try:
        text, preview.encoding = (_decode(data, "") if options.encoding is None
                                  else _decode_as(data, options.encoding, ""))
        preview.separator = _choose_delimiter(text, "", options.separator)[0]
    except DataError:
        preview.encoding = options.encoding or "utf-8"
        preview.separator = options.separator or ","
    preview.decimal_comma = (preview.separator != "," if options.decimal_comma is None
                             else bool(options.decimal_comma))
    return preview


def read_preview_bytes(path, limit: int = PREVIEW_BYTES) -> tuple[bytes, bool]:
    """(the first bytes of the file, cut after a whole line; True if that is the whole file).

    Raises DataError as `load_csv` does for a path that is not a readable file, or one over
    `MAX_FILE_BYTES` (whose message says the limit).
    """
    source = os.fspath(path)
    name = os.path.basename(source) or source
    size = _checked_size(source, name)
    try:
        with open(source, "rb") as f:
            data = f.read(limit)
    except OSError as exc:
        raise _os_error(exc, source, name) from None
    if size <= limit and len(data) < limit:
        return data, True
    utf16 = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if utf16:
        end = data.rfind(b"\n\x00" if data[:2] == codecs.BOM_UTF16_LE else b"\x00\n")
        cut = end + 2 if end >= 0 and end % 2 == 0 else len(data) - len(data) % 2
    else:
        end = max(data.rfind(b"\n"), data.rfind(b"\r"))
        cut = end + 1 if end > 0 else len(data)
    return data[:cut], False


def parse_csv_bytes(data: bytes, source: str = "data", target: str | None = None,
                    task: str | None = None, options: CsvOptions | None = None,
                    progress=None) -> Dataset:
    """`load_csv` on bytes already read: `source` is the name that error messages use.

    ``options`` (a `CsvOptions`) gives the other choices; ``target`` and ``task``, when
    given, override its own. ``progress(fraction)`` is called between chunks of rows.
    """
    options = options or CsvOptions()
    if target is not None or task is not None:
        options = CsvOptions(options.separator, options.decimal_comma, options.encoding,
                             target if target is not None else options.target, tuple(options.exclude),
                             task if task is not None else options.task)
    text, encoding, delimiter, decimal_comma, records, header_line, header, names, t, features = \
        _open_table(data, source, options, progress)
    table = _Table(names, len(header), header_line, t, decimal_comma, source, features)
    # lines in all, counted at C speed, for the fraction read
    total_lines = max(1, text.count("\n") + text.count("\r") - text.count("\r\n")) if progress else 1
    while True:
        chunk = list(itertools.islice(records, CHUNK_ROWS))
        if not chunk:
            break
        table.add(chunk)
        if progress is not None:
            progress(min(1.0, chunk[-1][0] / total_lines))
    if not table.targets:
        raise _error(source, header_line, "the file has a header but no data rows")
    X = table.blocks[0] if len(table.blocks) == 1 else np.concatenate(table.blocks)
    table.blocks.clear()
    y, class_names, kind = _parse_target(table.targets, table.lines, names[t], source, decimal_comma, options.task,
                                         progress)
    stem = os.path.splitext(os.path.basename(source))[0] or source
    return Dataset(X, y, [names[j] for j in table.features], class_names, stem, kind,
                   [names[t]] if kind == REGRESSION else [], source_encoding=encoding)


def _parse_target(cells: list[str], lines, column: str, source: str,
                  decimal_comma: bool, task: str | None, progress=None) -> tuple[np.ndarray, list[str], str]:
    """(y, class_names, task) from the target column's texts, following the module's rules."""
    values = _fast_floats(cells, decimal_comma)
    first_text = None  # the first cell that is not a number
    if values is None:
        numbers = []
        for c in cells:  # stops at the first class name: no need to look at the others
            v = _to_number(c, decimal_comma)
            if v is None:
                first_text = len(numbers)
                break
            numbers.append(v)
        else:
            values = np.array(numbers, dtype=np.float64)
    numeric = first_text is None
    if numeric:
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            i = int(bad[0])
            raise _error(source, lines[i], f"{_show(cells[i])} is not a usable number (NaN or infinity)", column)
        whole = bool(np.all(values == np.round(values)))
        if task is None:
            task = CLASSIFICATION if whole and np.unique(values).size <= MAX_INTEGER_CLASSES else REGRESSION
    elif task == REGRESSION:
        i = first_text
        raise _error(source, lines[i], f"{_show(cells[i])} is not a number, and a regression target must be", column)
    else:
        task = CLASSIFICATION

    if task == REGRESSION:
        return values, [], REGRESSION
    if numeric and whole:
        classes, y = np.unique(values, return_inverse=True)
        class_names = [str(int(c)) for c in classes]
    else:
        # first appearance order; a million cells a piece at a time, ``progress`` between
        # pieces, so that a reader in the background lets the window's thread run
        index: dict[str, int] = {}
        y = np.empty(len(cells), dtype=np.int64)
        for start in range(0, len(cells), _TARGET_PIECE):
            piece = cells[start:start + _TARGET_PIECE]
            for name in dict.fromkeys(piece):
                index.setdefault(name, len(index))
            y[start:start + len(piece)] = np.fromiter(map(index.__getitem__, piece), dtype=np.int64,
                                                      count=len(piece))
            if progress is not None:
                progress(1.0)
        class_names = list(index)
    if len(class_names) < 2:
        raise _error(source, None,
                     f"the target column '{column}' has only one class ('{class_names[0]}'); "
                     "a classifier needs examples of at least two classes")
    return y.astype(np.int64), class_names, CLASSIFICATION


def load_csv(path, target: str | None = None, task: str | None = None,
             options: CsvOptions | None = None, progress=None) -> Dataset:
    """A Dataset from a CSV file: header row, numeric feature columns, one target column.

    `target` names the target column (default: the last one); `task` forces "classification"
    or "regression" instead of the guess described in this module's docstring; `options`
    (`CsvOptions`) the separator, decimal mark, encoding and columns left out; `progress`
    (fraction) is called between chunks and may raise to stop. Raises `DataError` for every
    file it cannot use, naming the line and the problem. The result's `source_encoding` says
    how the file's text was read.
    """
    source = os.fspath(path)
    name = os.path.basename(source) or source
    _checked_size(source, name)
    try:
        data = read_capped(source, MAX_FILE_BYTES)
    except FileTooLargeError as exc:
        raise _too_big(name, exc.size) from None
    except NotARegularFileError as exc:
        raise _error(name, None, f"this is {exc.kind}, not a file: choose a table saved as a CSV file") from None
    except OSError as exc:
        raise _os_error(exc, source, name) from None
    return parse_csv_bytes(data, source=name, target=target, task=task, options=options, progress=progress)


def _too_big(name: str, size: int) -> DataError:
    return _error(name, None, f"the file is too big ({size / 2**20:.0f} MB); "
                              f"nnsim reads tables up to {MAX_FILE_BYTES // 2**20} MB")


def _checked_size(source: str, name: str) -> int:
    """The file's size; DataError for a folder or a file over `MAX_FILE_BYTES`."""
    if os.path.isdir(source):
        raise _error(name, None, f"'{source}' is a folder, not a file: choose a CSV file inside it")
    try:
        size = os.path.getsize(source)
    except OSError as exc:
        raise _os_error(exc, source, name) from None
    if size > MAX_FILE_BYTES:
        raise _too_big(name, size)
    return size


def _os_error(exc: OSError, source: str, name: str) -> DataError:
    """The loader's words for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return DataError(f"file not found: {source}")
    if isinstance(exc, IsADirectoryError):
        return _error(name, None, f"'{source}' is a folder, not a file: choose a CSV file inside it")
    if isinstance(exc, PermissionError):
        return DataError(f"{name}: permission denied: nnsim may not read this file")
    return DataError(f"{name}: the file could not be read ({exc.strerror or exc})")
