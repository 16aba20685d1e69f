"""hyteguide: a static site generator for regional guides to wellbeing organisations."""

__version__ = "0.1.0"
