"""Side panels, each a view of one model: training controls, data, the selected node's
sliders and its explanation."""
