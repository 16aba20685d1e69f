"""Development tools that are not part of the installed package (pyproject installs only
``hyteguide*``): ``tools.synthetic`` writes synthetic regions for the tests and ``bench/``."""
