"""newspipe: scraped news articles in, clean analytics tables out."""

from importlib.metadata import version

__version__ = version("newspipe")
