"""An activity's own web page (`website`) in open data: the plain JSON's activity carries it,
and it is the HSDS service's `url` (HSDS 3.0: "URL of the service"); without it the service's
url is the activity's page in the guide."""

from __future__ import annotations

import json

from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.opendata import exports, hsds
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.urls import Urls
from tests.conftest import TODAY
from tests.helpers import ORGANISATION_MD, make_site

PAGE = "https://olohuone.example.org/ryhmat"


def exported(tmp_path, templates, organisation: str) -> tuple[dict, dict]:
    """(the plain JSON's one activity, the HSDS package's one service) in the first language."""
    content = load_content(make_site(tmp_path, {"organisations/yhdistys.md": organisation}))
    guide = derive(content, TODAY)
    urls = Urls(content.site.base_url, content.site.languages)
    files = dict(exports.shared_files(guide, urls))
    (activity,) = json.loads(files["opendata/activities.json"])["activities"]
    lang = content.site.languages[0]
    (service,) = hsds.tables(guide, urls, load_catalogue(templates, lang), lang)["service"]
    return activity, service


def with_website(value: str) -> str:
    return ORGANISATION_MD.replace("    format: kohtaamispaikka\n",
                                   f"    format: kohtaamispaikka\n    website: {value}\n")


def test_the_exports_carry_the_activity_website(tmp_path, sources):
    activity, service = exported(tmp_path, sources.templates, with_website(PAGE))
    assert activity["website"] == PAGE
    assert service["url"] == PAGE


def test_without_it_the_service_url_is_the_guide_page(tmp_path, sources):
    activity, service = exported(tmp_path, sources.templates, ORGANISATION_MD)
    assert "website" not in activity
    assert service["url"] == activity["url"][next(iter(activity["url"]))]
