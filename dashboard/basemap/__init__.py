"""The offline base map: built at setup from registry packages (build.py), loaded (layers.py), served as vector tiles (tiles.py) and styled (style.py)."""
