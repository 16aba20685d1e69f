"""What every output of the render stage (pages, feeds, search, open data) shares: the
addresses of pages and files (urls), the interface words (i18n), where templates,
catalogues and assets come from (sources), editors' Markdown as safe HTML and words
(markup), and what rendering read or worked out, for the build cache (dependencies, memo).
"""
