"""The files a new region starts with (`hyteguide init`), as text with {placeholders}.

They are kept short and commented: the field reference (`hyteguide fields`) and hyteguide's
README say the rest. The workflows install hyteguide from requirements.txt, which pins the
version that wrote them, so that an upgrade is one reviewed change of one line.
"""

from __future__ import annotations

SITE = """\
# The guide itself (`hyteguide fields` lists every field). Texts are plain (in the first
# language) or {{fi: …, sv: …, en: …}}.
name:
  fi: {name_fi}
  sv: {name_sv}
  en: {name_en}
region: {region}
description:
  fi: Järjestöjen hyvinvointia ja terveyttä edistävä toiminta yhdestä paikasta.
  en: Wellbeing and health activities run by organisations, in one place.
publisher: {region}
# The published address: https://<user>.github.io/<repository>/ or your own domain.
base_url: {base_url}
languages: [fi, sv, en]
timezone: Europe/Helsinki
contact:
  email: hyte-opas@example.org
"""

VOCABULARY = """\
# Controlled terms: entries use the ids (left), readers see the labels.
municipalities:
  kunta: {{fi: Kunta, sv: Kommun, en: Municipality}}

themes:
  vertaistuki: {{fi: Vertaistuki, sv: Kamratstöd, en: Peer support}}
  liikunta: {{fi: Liikunta, sv: Motion, en: Exercise}}

formats:
  ryhma: {{fi: Ryhmä, sv: Grupp, en: Group}}
  tapahtuma: {{fi: Tapahtuma, sv: Evenemang, en: Event}}

audiences:
  kaikki: {{fi: Kaikki, sv: Alla, en: Everyone, everyone: true}}
  aikuiset: {{fi: Aikuiset, sv: Vuxna, en: Adults}}

languages:
  fi: {{fi: suomi, sv: finska, en: Finnish}}
  sv: {{fi: ruotsi, sv: svenska, en: Swedish}}
  en: {{fi: englanti, sv: engelska, en: English}}

accessibility: {{}}
"""

REQUIREMENTS = """\
# The hyteguide that builds this guide (written by `hyteguide init`). To upgrade, change this
# line in a pull request: the Check workflow builds the guide with the new version first.
{requirement}
"""

GITIGNORE = """\
/site/
/report/
/.cache/
/.venv/
"""

# GitHub Actions: ${{ … }} is theirs, so the braces are doubled for str.format.
CHECK_WORKFLOW = """\
# Pull-request checks: content problems as annotations on the changed lines, then a build
# (so that template overrides are checked too). Written by `hyteguide init`.
name: Check

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "{python}"
          cache: pip
          cache-dependency-path: requirements.txt
      - name: Install hyteguide (the version in requirements.txt)
        run: python3 -m venv .venv && .venv/bin/pip install -q -r requirements.txt
      - name: Check the content
        run: .venv/bin/hyteguide check --format github
      - name: Build
        run: .venv/bin/hyteguide build -o "$RUNNER_TEMP/site"
"""

PAGES_WORKFLOW = """\
# Build the guide and publish it on GitHub Pages: on every push to main, every night (the site
# is dated by its build day) and by hand. Turn it on in Settings → Pages → Source: GitHub
# Actions. Written by `hyteguide init`.
name: Pages

on:
  push:
    branches: [main]
  schedule:
    - cron: "17 3 * * *"  # 05:17 or 06:17 in Finland, before the day's first activities
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # pages show when each entry last changed (git log)
      - uses: actions/setup-python@v5
        with:
          python-version: "{python}"
          cache: pip
          cache-dependency-path: requirements.txt
      - id: pages
        uses: actions/configure-pages@v5
      - uses: actions/cache@v4
        with:
          path: .cache/hyteguide
          key: hyteguide-build-${{{{ github.run_id }}}}-${{{{ github.run_attempt }}}}
          restore-keys: hyteguide-build-
      - name: Install and build
        env:
          HYTEGUIDE_CACHE: .cache/hyteguide
        run: >-
          python3 -m venv .venv && .venv/bin/pip install -q -r requirements.txt &&
          .venv/bin/hyteguide build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

README = """\
# {region}: hyte-opas / wellbeing guide

Made with {made_with}, pinned in `requirements.txt`.

- `content/`: the guide: `site.yaml`, `vocabulary.yaml`, `organisations/`, `places/`, `pages/`.
- `templates/` (optional): your own copy of single files of hyteguide's templates, messages
  (`templates/i18n/fi.yaml` with only the messages you change) or assets
  (`templates/assets/site.css`); every other file comes from hyteguide.
- `.github/workflows/`: Check (pull requests) and Pages (publishing).

```sh
python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
.venv/bin/hyteguide check                             # tarkista / check the content
.venv/bin/hyteguide new organisation "Yhdistys ry"    # uusi järjestö / a new organisation
.venv/bin/hyteguide serve                             # esikatselu / preview
.venv/bin/hyteguide build                             # site/
```
"""
