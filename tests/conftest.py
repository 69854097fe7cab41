"""Test set-up shared by every test: offscreen Qt, and no thread left running."""

import os

# Must be set before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English texts: run them in English whatever the machine's language (Qt takes
# the system's languages from LANGUAGE first). tests/ui/test_translation.py loads Spanish itself.
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_thread_left_running(request):
    """Fail any test that leaves a QThread running (it would abort pytest later)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from nnsim.threads import running_threads

    left = running_threads()
    if left:
        for thread in left:
            thread.quit()
            thread.wait(2000)
        pytest.fail(f"test left {len(left)} QThread(s) running: {left}")
