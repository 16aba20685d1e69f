"""STAGE 1, load: content files → the validated model (YAML with positions, field types, the
schema, the loader, the editors' field reference and skeleton, git history).
"""
