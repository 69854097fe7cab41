"""Training off the UI thread: a Qt-free training session that advances in batches against
a clock, the thin QThread worker that runs it, and the controller that links them to the
document (QtCore only, no widgets)."""
