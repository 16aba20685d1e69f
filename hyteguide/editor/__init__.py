"""The form editor at /admin/ (Decap CMS): its configuration, made from the content schema, and
the local backend `hyteguide serve` offers it."""
