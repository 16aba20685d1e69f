"""HSDS services (one activity per place they are held at), their taxonomy terms (formats,
themes, audiences) and their costs."""

from __future__ import annotations

import re
from typing import Any

from hyteguide.content.addresses import Url
from hyteguide.importers.hsds.mapping.base import MapperBase
from hyteguide.importers.hsds.mapping.checks import match_term
from hyteguide.importers.hsds.mapping.documents import (
    ActivityDoc,
    OrgDoc,
    PlaceDoc,
    add_term,
    name_order,
    unique_slug,
)
from hyteguide.importers.hsds.tables import Row
from hyteguide.importers.hsds.text import clean_text, first_sentence, one_line

NOT_RUNNING = {"inactive", "defunct"}


class ActivityMapping(MapperBase):
    """Services → activities, with their terms and costs."""

    def map_services(self) -> None:
        sals: dict[str, list[Row]] = {}
        for sal in self.package.rows("service_at_location"):
            sals.setdefault(sal.get("service_id"), []).append(sal)
        for service in sorted(self.package.rows("service"), key=name_order):
            org = self.orgs.get(service.get("organization_id"))
            status = service.get("status").lower()
            self.use(service, "status", "organization_id")
            if org is None:
                self.skip(service, "organization_id", service.get("organization_id"),
                          "not an imported organisation: the service was not imported")
            elif status in NOT_RUNNING:
                self.skip(service, "status", service.get("status"), "the service is not "
                          "running: not imported")
            else:
                if status not in ("", "active"):
                    self.note(service, "status", service.get("status"), "imported as running: "
                              "check before publishing", "warning")
                self.map_service(service, org, sals.get(service.key, []))
        for sal in self.package.rows("service_at_location"):
            if not self.record(sal).targets and self.record(sal).status == "imported":
                self.skip(sal, "service_id", sal.get("service_id"), "not an imported service")

    def map_service(self, service: Row, org: OrgDoc, sals: list[Row]) -> None:
        placed = [sal for sal in sals if sal.get("location_id") in self.places]
        online = next((self.online[s.get("location_id")] for s in sals
                       if s.get("location_id") in self.online), None)
        taken = {a.id for a in org.activities}
        made = []
        sites: list[Row | None] = [*placed] or [None]  # at no place: one activity, without one
        for sal in sites:
            place = self.places[sal.get("location_id")] if sal else None
            base = one_line(service.get("name")) or "activity"
            if len(placed) > 1 and place is not None:  # (placed: each sal has its place)
                base = f"{base}-{place.slug}"
            made.append(ActivityDoc(service, sal.get("location_id") if sal else "",
                                    self.activity_data(service, sal, unique_slug(base, taken),
                                                       place, online), org))
        org.activities += made
        self.by_service[service.key] = made
        for activity in made:
            self.target(service, activity)
        for sal in sals:
            self.use(sal, "service_id", "location_id", "description")
            location = sal.get("location_id")
            if location not in self.places and location not in self.online:
                self.note(sal, "location_id", location, "no place was written for this "
                          "location: the activity has no place", "warning")
            own = [a for a in made if a.location_id == location]
            self.by_sal[sal.key] = own if len(made) > 1 and own else made
            for activity in self.by_sal[sal.key]:
                self.target(sal, activity)

    def activity_data(self, service: Row, sal: Row | None, slug: str, place: PlaceDoc | None,
                      online: str | None) -> dict[str, Any]:
        description = clean_text(service.get("description"))
        summary = first_sentence(description) if description else ""
        if not summary and sal and sal.get("description"):
            summary = first_sentence(clean_text(sal.get("description")))
        if not one_line(service.get("name")):
            self.note(service, "name", "", "no name for the activity's 'title': check names "
                      "what to add")
        if not summary:
            self.note(service, "description", "", "no description for 'summary': check names "
                      "what to add")
        self.use(service, "name", "description", "application_process", "url")
        return {
            "id": slug,
            "title": self.text(one_line(service.get("name"))),
            "summary": self.text(summary),
            "format": None,
            "themes": None,
            "audiences": None,
            "place": place.slug if place else None,
            "online": online,
            # The service's own page (HSDS "URL of the service"): before, only the description
            # could hold it. Bare hosts get https:// with a warning, as in content.
            "website": self.checked(service, "url", service.get("url"), Url()),
            "languages": None,
            "cost": None,
            "registration": self.text(one_line(service.get("application_process"))),
            "schedule": None,
            "description": self.markdown(description) if description != summary else None,
            "contacts": None,
        }


    def map_taxonomies(self) -> None:
        terms = {t.get("id"): t for t in self.package.rows("taxonomy_term")}
        taxonomies = {t.get("id"): t for t in self.package.rows("taxonomy")}
        for row in self.package.rows("attribute"):
            term = terms.get(row.get("taxonomy_term_id"))
            self.use(row, "value", "taxonomy_term_id")
            link = row.get("link_id")
            docs: list[ActivityDoc] | list[OrgDoc] = self.by_service.get(link) or (
                [self.orgs[link]] if link in self.orgs else [])
            if not docs:
                self.skip(row, "link_id", link, "links to no imported service or organisation")
            elif term is None:
                self.skip(row, "taxonomy_term_id", row.get("taxonomy_term_id"),
                          "the taxonomy term is not in the package")
            else:
                self.classify(row, one_line(term.get("name")), docs)
        for row in self.package.rows("service_taxonomy"):
            taxonomy = taxonomies.get(row.get("taxonomy_id"))
            self.use(row, "taxonomy_detail")
            docs = self.by_service.get(row.get("service_id"), [])
            if not docs or taxonomy is None:
                self.skip(row, "taxonomy_id", row.get("taxonomy_id"), "links to no imported "
                          "service or to no taxonomy of the package")
            else:
                self.classify(row, one_line(taxonomy.get("name")), docs)
        for docs in self.by_service.values():
            service = docs[0].service
            for taxonomy_id in filter(None, map(str.strip,
                                                service.get("taxonomy_ids").split(","))):
                taxonomy = taxonomies.get(taxonomy_id)
                if taxonomy is None:
                    self.note(service, "taxonomy_ids", taxonomy_id, "not a taxonomy of the "
                              "package")
                else:
                    self.classify(service, one_line(taxonomy.get("name")), docs)

    def classify(self, row: Row, name: str, docs: list[ActivityDoc] | list[OrgDoc]) -> None:
        """A taxonomy term as a format, theme or audience of activities (a theme or expertise
        of an organisation), if the vocabulary has a term of that id or label."""
        groups = (("formats", "format"), ("themes", "themes"), ("audiences", "audiences")) \
            if isinstance(docs[0], ActivityDoc) else (("themes", "themes"),
                                                      ("expertise", "expertise"))
        for group, key in groups:
            term = match_term(self.vocabulary, group, name)
            if term:
                for doc in docs:
                    add_term(doc.data, key, term)
                    self.target(row, doc)
                return
        self.note(row, "taxonomy", name, "matches no " + " or ".join(g for g, _ in groups)
                  + " term in vocabulary.yaml")


    def map_costs(self) -> None:
        options: dict[str, list[Row]] = {}
        for row in self.package.rows("cost_option"):
            options.setdefault(row.get("service_id"), []).append(row)
        for service_id, rows in options.items():
            if service_id not in self.by_service:
                for row in rows:
                    self.skip(row, "service_id", service_id, "links to no imported service")
        for service_id, activities in self.by_service.items():
            service = activities[0].service
            cost = self.cost(service, options.get(service_id, []))
            for activity in activities:
                activity.data["cost"] = cost

    def cost(self, service: Row, options: list[Row]) -> Any:
        """'free', or the price in words: cost_option rows, else fees_description or fees."""
        parts, free = [], True
        for row in options:
            self.use(row, "option", "amount", "currency", "amount_description")
            amount = row.get("amount")
            free = free and bool(re.fullmatch(r"0+(?:[.,]0+)?", amount))
            price = " ".join(w for w in (amount, row.get("currency").upper(),
                                         one_line(row.get("amount_description"))) if w)
            option = one_line(row.get("option"))
            parts.append(f"{option}: {price}" if option and price else option or price)
            for activity in self.by_service[service.key]:
                self.target(row, activity)
        if options:
            return "free" if free else self.text("; ".join(p for p in parts if p)) or None
        words = one_line(service.get("fees_description") or service.get("fees"))
        self.use(service, "fees_description" if service.get("fees_description") else "fees")
        if words.casefold() in ("free", "maksuton", "ilmainen", "avgiftsfri", "gratis"):
            return "free"
        return self.text(words)
