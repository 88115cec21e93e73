"""Sections of the atlas; each module has ``build(ctx) -> list[AtlasItem]`` (see :mod:`regio.report.atlas`)."""
