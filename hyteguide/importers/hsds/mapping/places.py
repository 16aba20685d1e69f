"""HSDS locations (with their address and accessibility rows) → places/<slug>.yaml; a virtual
location is no place but the 'online' address of the activities held there."""

from __future__ import annotations

import re
from typing import Any

from hyteguide.content.addresses import Url
from hyteguide.content.schema import Coordinates
from hyteguide.importers.hsds.content_files import Flow, Quoted
from hyteguide.importers.hsds.mapping.base import MapperBase
from hyteguide.importers.hsds.mapping.checks import convert, match_term, problem_words
from hyteguide.importers.hsds.mapping.documents import PlaceDoc, name_order, unique_slug
from hyteguide.importers.hsds.tables import Row
from hyteguide.importers.hsds.text import clean_text, one_line


class PlaceMapping(MapperBase):
    """Locations → places."""

    def map_locations(self) -> None:
        taken: set[str] = set()
        for location in sorted(self.package.rows("location"), key=name_order):
            self.use(location, "name", "location_type", "organization_id")
            if location.get("location_type").lower() == "virtual":
                self.map_virtual(location)
                continue
            address = self.address_of(location)
            if address is None:
                self.skip(location, "address", "", "no street address: a place needs one, so "
                          "activities held here get no place (write places/<slug>.yaml by hand "
                          "if people visit it)")
                continue
            name = one_line(location.get("name")) or _street(address)
            place = PlaceDoc(location, unique_slug(name, taken), {})
            self.fill_place(place, name, address)
            self.places[location.key] = place
            self.target(location, place)

    def map_virtual(self, location: Row) -> None:
        url = self.checked(location, "url", location.get("url"), Url())
        self.use(location, "url")
        self.record(location).status = "not imported"
        if url:
            self.online[location.key] = url
            self.note(location, "location_type", "virtual", "not a place: its url is the "
                      "'online' address of the activities held there", "warning")
        else:
            self.note(location, "location_type", "virtual", "not a place, and no url to give "
                      "its activities as 'online'")

    def address_of(self, location: Row) -> Row | None:
        """The street address of a location (a physical one, else a postal one), noting it."""
        rows = [r for table in ("address", "physical_address", "postal_address")
                for r in self.linked(table, "location_id", location)]
        rows.sort(key=lambda r: (r.table == "postal_address" or
                                 r.get("address_type").lower() not in ("", "physical"), r.line))
        chosen = next((r for r in rows if _street(r)), None)
        for row in rows:
            if row is not chosen:
                self.skip(row, "address_1", _street(row), "no street address" if chosen is None
                          else "the place already has an address")
        if chosen is None:
            return None
        self.use(chosen, "address_1", "address_2", "address_3", "address_4", "city",
                 "postal_code", "address_type")
        if chosen.table == "postal_address" or chosen.get("address_type").lower() == "postal":
            self.note(chosen, "address_type", chosen.get("address_type") or "postal",
                      "a postal address was used as the place's street address: check it",
                      "warning")
        return chosen

    def fill_place(self, place: PlaceDoc, name: str, address: Row) -> None:
        location = place.location
        self.target(address, place)
        place.municipality = self.municipality(address, location)
        data = place.data
        data["name"] = self.text(name)
        data["address"] = self.text(_street(address))
        data["postal_code"] = self.postal_code(address)
        data["municipality"] = place.municipality or one_line(address.get("city")) or None
        data["coordinates"] = self.coordinates(location)
        data["accessibility"], data["accessibility_note"] = self.accessibility(location, place)
        data["directions"] = self.text(one_line(location.get("transportation")))
        data["description"] = self.markdown(clean_text(location.get("description")))
        data["website"] = self.checked(location, "url", location.get("url"), Url())
        self.use(location, "transportation", "description", "url", "latitude", "longitude")

    def municipality(self, address: Row, location: Row) -> str | None:
        city = one_line(address.get("city"))
        found = match_term(self.vocabulary, "municipalities", city) if city else None
        if found:
            return found
        fallback = self.defaults.municipality
        if fallback:
            self.note(address, "city", city or "(empty)", f"matches no municipality in "
                      f"vocabulary.yaml: --municipality {fallback} was used", "warning")
            return fallback
        self.note(address, "city", city or "(empty)", "matches no municipality in "
                  "vocabulary.yaml: add the municipality there or pass --municipality "
                  "(check names the place)")
        return None

    def postal_code(self, address: Row) -> Quoted | None:
        code = address.get("postal_code")
        if code and re.fullmatch(r"\d{5}", code):
            return Quoted(code)
        if code:
            self.note(address, "postal_code", code, "not a Finnish postal code (five digits)")
        return None

    def coordinates(self, location: Row) -> Flow | None:
        lat, lon = location.get("latitude"), location.get("longitude")
        if not lat and not lon:
            return None
        problems = convert(Coordinates(), Flow([lat, lon]), self.vocabulary, self.languages) \
            if lat and lon else ["both latitude and longitude are needed"]
        if problems:
            self.note(location, "latitude", f"{lat}, {lon}", problem_words(problems[0]))
            return None
        return Flow([float(lat), float(lon)])

    def accessibility(self, location: Row, place: PlaceDoc) -> tuple[Any, Any]:
        terms: list[str] = []
        words: list[str] = []
        for row in [r for table in ("accessibility", "accessibility_for_disabilities")
                    for r in self.linked(table, "location_id", location)]:
            self.target(row, place)
            self.use(row, "description", "accessibility", "details")
            what = one_line(row.get("description") or row.get("accessibility"))
            term = match_term(self.vocabulary, "accessibility", what) if what else None
            terms += [term] if term else []
            if what and not term and re.fullmatch(r"\w+", what):
                what = what.replace("_", " ")  # a code such as disabled_parking
            parts = [w for w in ([] if term else [what]) + [one_line(row.get("details"))] if w]
            if parts:
                joint = " " if re.search(r"[.!?]$", parts[0]) else ": "
                words.append(joint.join(parts))
        return (Flow(dict.fromkeys(terms)) if terms else None,
                self.text(" ".join(words)) if words else None)


def _street(row: Row) -> str:
    return ", ".join(one_line(row.get(f"address_{n}")) for n in range(1, 5)
                     if one_line(row.get(f"address_{n}")))
