"""Open Referral HSDS 3.0: the guide as a tabular data package (CSV tables with datapackage.json)
and in HSDS's nested JSON form, one package per site language.

Organisations are organizations (with their Y-tunnus as an organization_identifier), activities
are services, places are physical locations (an online activity gets a virtual one), and the
vocabulary's themes, audiences and formats are taxonomy terms linked by attributes, together
with the YSO, PTV and Lähellä.fi codes of the vocabulary's crosswalk. A schedule rule becomes
one schedule row per recurrence and time of day (freq, interval, byday, bymonthday, dtstart,
until, count, opens_at, closes_at); a single day is a weekly rule with dtstart = until. What
HSDS cannot express (skipped public holidays, exceptions, the time zone, rules beyond WEEKLY
and MONTHLY) is written in words in `notes`, and upcoming cancellations in the service's
`alert`. Ids are UUIDs derived from the site's address and each object's path (Urls.stable_id),
so the same content gives the same bytes. Rows are sorted by id.

One module a part: schema (the tables and their fields, as HSDS 3.0's datapackage.json),
context (what a language's export needs, and the rows made), entities (organisations,
activities, places, contacts), schedules, taxonomies, package (the tables, CSV and
datapackage.json: the files of a language) and json_form (the nested JSON files).
"""

from hyteguide.opendata.hsds.json_form import JSON_FILES, dumps, dumps_list
from hyteguide.opendata.hsds.package import FOLDER, files, paths, tables
from hyteguide.opendata.hsds.schema import FOREIGN_KEYS, TABLES

__all__ = ["FOLDER", "FOREIGN_KEYS", "JSON_FILES", "TABLES", "dumps", "dumps_list", "files",
           "paths", "tables"]
