"""The editable network graph: nodes, edges and their legend."""
