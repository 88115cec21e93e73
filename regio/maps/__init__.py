"""Presentation: interactive HTML maps (folium/Leaflet), static images and the atlas index.

Only this package imports folium and matplotlib. Map functions draw numbers
that the analysis functions computed; they never compute them again. They
never write files either: they return an HTML page (:func:`map_html`) or
image bytes, and :mod:`regio.report.export` writes them.
"""

from regio.maps.core import Classes, Layer, Marker, classify, map_html, region_map
from regio.maps.shapes import prepare_shapes

__all__ = ["Classes", "Layer", "Marker", "classify", "map_html", "prepare_shapes", "region_map"]
