"""STAGE 3c, site search: the documents, the words (mirrored by templates/assets/searchtext.js) and
the lunr index shards.
"""
