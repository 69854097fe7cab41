"""The Qt widgets, in rooms by kind (graph/, panels/, plots/); the main window only
composes them."""
