"""A region's own repository: `hyteguide init` starts one (content, workflows pinned to the
installed hyteguide, a README); the code, templates and browser libraries stay in the package.
"""
