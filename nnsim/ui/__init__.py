"""The Qt widgets of nnsim. Each panel takes what it shows in its constructor."""
