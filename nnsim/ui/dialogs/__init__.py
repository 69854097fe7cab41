"""Dialogs that ask a person for several choices at once before anything changes."""
