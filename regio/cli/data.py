"""``regio data``: what data there is, where it came from, and fetching it when online."""

from __future__ import annotations

import click

from regio.config import data_dir
from regio.sources.catalog import catalog, describe_catalog


@click.group("data")
def cli() -> None:
    """Inspect and fetch the data directory."""


@cli.command("list")
def list_() -> None:
    """List boundaries (levels x years), tables, physician counts and crosswalks, with their sources."""
    click.echo(describe_catalog(catalog(data_dir()), data_dir()))


@cli.command("path")
def path() -> None:
    """Print the data directory in use."""
    click.echo(str(data_dir()))
