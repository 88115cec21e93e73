"""Sections of the atlas; each module has ``build(ctx) -> list[AtlasItem]`` (types in :mod:`regio.report.items`).

A section imports from :mod:`regio.report.items`, never from :mod:`regio.report.atlas` (which imports the
sections) nor from :mod:`regio.cli`.
"""
