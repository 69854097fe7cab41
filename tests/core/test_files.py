"""The size-capped file read, and the messages its two callers (CSV tables, model files)
give for a file that is too large."""

import pytest

from nnsim.core import DataError, ModelFileError, csv_loader, model_file
from nnsim.core.csv_loader import load_csv
from nnsim.core.files import FileTooLargeError, read_capped
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


def test_a_file_that_reports_no_size_is_still_capped():
    # /dev/zero says it holds 0 bytes and never ends: the read stops at limit + 1.
    with pytest.raises(FileTooLargeError) as caught:
        read_capped("/dev/zero", 1000)
    assert caught.value.size == 1001


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
