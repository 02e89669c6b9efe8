"""surface3d area: the 3-D view of the surface and its race (pyqtgraph.opengl)."""
