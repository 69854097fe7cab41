"""The models that the views and the training share (QtCore only, no widgets): the
network document, the selection, undo and structure edits, engine messages in the user's
language."""
