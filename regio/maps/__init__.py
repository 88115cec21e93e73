"""Presentation: interactive HTML maps (folium/Leaflet), static images and the atlas index.

Only this package imports folium and matplotlib. Map functions draw numbers
that the analysis functions computed; they never compute them again.
"""

from regio.maps.core import Classes, Layer, Marker, classify, region_map, save_map
from regio.maps.shapes import prepare_shapes

__all__ = ["Classes", "Layer", "Marker", "classify", "prepare_shapes", "region_map", "save_map"]
