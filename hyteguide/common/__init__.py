"""What every part uses and that imports nothing else of hyteguide: problems (errors as data)."""
