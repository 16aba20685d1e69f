"""STAGE 3a, HTML pages: the renderer, template helpers, interface catalogues, Markdown, URLs,
sitemap, QR codes and the calendar's week data.
"""
