"""`hyteguide import hsds`: HSDS tables → organisations, activities and places as content files."""
