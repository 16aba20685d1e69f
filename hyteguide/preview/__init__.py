"""`hyteguide serve`: the site made in memory on request and served with live reload."""
