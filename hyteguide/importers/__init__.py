"""Bringing other directories in as content files."""
