"""The form editor at /admin/ (Decap CMS): its configuration, made from the content schema, and
the labels and hints its forms show, in the editor's language."""
