"""The model of site.yaml: the guide, its contact, accessibility statement, privacy notice
and open data licence (re-exported by the model's package: model.Site)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hyteguide.model.values import Source, Text


@dataclass(frozen=True)
class SiteContact:
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: Text | None = None
    email: str | None = None
    phone: str | None = None
    address: Text | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class KnownGap:
    """Content of the site that is not accessible, as the accessibility statement lists it."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    text: Text
    wcag: tuple[str, ...] = ()
    reason: str = "non-compliance"
    fix_by: dt.date | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class Feedback:
    """Where to give feedback on accessibility: an email address and/or a web form."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    email: str | None = None
    url: str | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class Authority:
    """The supervisory authority a visitor may complain to."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: Text
    unit: Text | None = None
    url: Text | None = None
    email: str | None = None
    phone: str | None = None
    # (end of declared fields)


# The Finnish supervisory authority of digital accessibility (digipalvelulaki 306/2019) since
# 1.1.2025, when the supervision moved from the Regional State Administrative Agency for
# Southern Finland to Traficom. The default when site.yaml names no authority; check it.
DEFAULT_AUTHORITY = Authority(
    name=Text((("fi", "Liikenne- ja viestintävirasto Traficom"),
               ("sv", "Transport- och kommunikationsverket Traficom"),
               ("en", "Finnish Transport and Communications Agency Traficom"))),
    unit=Text((("fi", "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö"),
               ("sv", "Enheten för tillsyn över digital tillgänglighet"),
               ("en", "Digital Accessibility Supervision Unit"))),
    url=Text((("fi", "https://www.saavutettavuusvaatimukset.fi/"),
              ("sv", "https://www.tillganglighetskrav.fi/"),
              ("en", "https://www.webaccessibility.fi/"))),
    email="saavutettavuus@traficom.fi",
    phone="029 534 5000",
)


@dataclass(frozen=True)
class AccessibilityStatement:
    """site.yaml `accessibility`: the accessibility statement (EU model, Directive 2016/2102)."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    status: str = "partially"
    assessed: dt.date | None = None
    method: str | Text = "self-assessment"
    known_gaps: tuple[KnownGap, ...] = ()
    feedback: Feedback | None = None
    response_days: int = 14
    authority: Authority = DEFAULT_AUTHORITY
    # (end of declared fields)


@dataclass(frozen=True)
class Privacy:
    """site.yaml `privacy`: the privacy notice. Absent fields fall back to the site contact."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    controller: Text | None = None
    contact: str | None = None
    host: Text | None = None
    host_logs: Text | None = None
    host_policy: str | None = None
    retention: Text | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class DataLicence:
    """The licence of the open data exports: an SPDX id, its name and its address."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: str
    url: str
    id: str | None = None
    # (end of declared fields)


# The licence of the open data when site.yaml names none.
DEFAULT_LICENCE = DataLicence(name="Creative Commons Attribution 4.0 International (CC BY 4.0)",
                              url="https://creativecommons.org/licenses/by/4.0/", id="CC-BY-4.0")


@dataclass(frozen=True)
class Site:
    """site.yaml: the guide itself."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: Text
    region: Text
    base_url: str
    languages: tuple[str, ...]
    contact: SiteContact
    description: Text | None = None
    publisher: Text | None = None
    timezone: str = "Europe/Helsinki"
    repository: str | None = None
    branch: str = "main"
    editor_sign_in: str | None = None
    horizon_weeks: int = 12
    review_after_months: int = 12
    hide_after_months: int | None = None
    accessibility: AccessibilityStatement = AccessibilityStatement()
    privacy: Privacy = Privacy()
    data_licence: DataLicence = DEFAULT_LICENCE
    # (end of declared fields)
    source: Source = Source("content/site.yaml")

    @property
    def default_language(self) -> str:
        return self.languages[0]
