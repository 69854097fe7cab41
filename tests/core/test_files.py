"""The size-capped file read, and the messages its two callers (CSV tables, model files)
give for a file that is too large or not a file at all."""

import os
import threading
import time

import pytest

from nnsim.core import DataError, ModelFileError, csv_loader, model_file
from nnsim.core.csv_loader import load_csv
from nnsim.core.files import FileTooLargeError, NotARegularFileError, read_capped
from nnsim.core.model_file import load_model


def test_a_file_up_to_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "ten.bin"
    path.write_bytes(bytes(range(10)))
    assert read_capped(path, 10) == bytes(range(10))
    assert read_capped(str(path), 1000) == bytes(range(10))


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path):
    path = tmp_path / "eleven.bin"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileTooLargeError) as caught:
        read_capped(path, 10)
    assert (caught.value.size, caught.value.limit) == (11, 10)


def test_a_device_is_refused_before_reading():
    # /dev/zero says it holds 0 bytes and never ends: it is not read at all.
    with pytest.raises(NotARegularFileError) as caught:
        read_capped("/dev/zero", 1000)
    assert caught.value.kind == "a device"
    assert str(caught.value) == "/dev/zero is a device, not a file"


def test_a_file_that_reports_no_size_is_still_capped():
    # /proc files are regular files of size 0 that do hold bytes: the read stops at limit + 1.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(FileTooLargeError) as caught:
        read_capped("/proc/self/status", 10)
    assert caught.value.size == 11


def _fifo(tmp_path):
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


def _within_seconds(call, seconds=5.0):
    """call() in a thread; its exception (or None), failing the test if it has not returned."""
    outcome = []

    def run():
        try:
            call()
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    path = _fifo(tmp_path)
    error = _within_seconds(lambda: read_capped(path, 1000))
    assert isinstance(error, NotARegularFileError) and error.kind == "a named pipe (FIFO)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_both_loaders_refuse_a_fifo_and_a_device_with_a_plain_message(tmp_path):
    path = _fifo(tmp_path)
    error = _within_seconds(lambda: load_csv(path))
    assert isinstance(error, DataError)
    assert str(error) == ("pipe.csv: this is a named pipe (FIFO), not a file: "
                          "choose a table saved as a CSV file")
    error = _within_seconds(lambda: load_model(path))
    assert isinstance(error, ModelFileError)
    assert str(error) == f"{path} is a named pipe (FIFO), not a model file"
    with pytest.raises(DataError, match=r"^zero: this is a device, not a file: choose a table saved as a CSV file$"):
        load_csv("/dev/zero")
    with pytest.raises(ModelFileError, match=r"^/dev/zero is a device, not a model file$"):
        load_model("/dev/zero")


def test_an_empty_file_is_read_as_no_bytes(tmp_path):
    path = tmp_path / "empty"
    path.write_bytes(b"")
    assert read_capped(path, 10) == b""


def test_os_errors_go_to_the_caller(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_capped(tmp_path / "missing", 10)
    with pytest.raises(IsADirectoryError):
        read_capped(tmp_path, 10)


def test_a_table_too_big_keeps_its_message(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 600_000)  # 2.4 MB
    monkeypatch.setattr(csv_loader, "MAX_FILE_BYTES", 2 * 2**20)
    with pytest.raises(DataError, match=r"^big\.csv: the file is too big \(2 MB\); nnsim reads tables up to 2 MB$"):
        load_csv(path)


def test_a_model_too_big_keeps_its_message(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 3_000_000)
    monkeypatch.setattr(model_file, "MAX_BYTES", 2_000_000)
    with pytest.raises(ModelFileError, match=r"^big\.json is 3 MB: too large to be an nnsim model$"):
        load_model(path)
