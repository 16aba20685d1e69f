"""The form editor's configuration (Decap CMS's config.yml), made from the content schema.

Every collection and field comes from editor/shapes.py, which follows the schema: a field added
to the schema is in the editor at the next build, with the label its line in the editors'
catalogue gives it (editor/labels/, the field's `doc` until then). The vocabulary's terms are
the choices of term fields, with their labels in the editor's language.

Published sites edit through GitHub with Decap's editorial workflow: a change is a branch and
a pull request, which the `check` workflow annotates; `open_authoring` lets an editor without
write access to the repository work from a fork. The preview (`hyteguide serve`) uses Decap's
local backend instead, against the content files on disk (editor/localbackend.py).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from hyteguide.common.routes import path_to
from hyteguide.editor.shapes import KIND_KEY, Shape, collection_shapes
from hyteguide.model import Site, Vocabulary

Widget = dict[str, Any]

# Texts that are written on several lines: a textarea rather than a line.
MULTILINE = {"description", "accessibility_note", "directions", "opening_hours_note"}
# The page of an entry of each collection (common/routes.py).
PAGE_ROUTES = {"organisations": "organisation", "places": "place",
               "partnerships": "partnership", "pages": "page"}
# The local backend's address in the preview (preview/serve.py answers it).
LOCAL_BACKEND = "/admin/api/v1"
# Decap needs a media folder even when a guide has no pictures; nothing is uploaded there
# unless an editor adds a file through the media library.
MEDIA_FOLDER = "media"


def github_repo(repository: str | None) -> str | None:
    """owner/name of a https://github.com/owner/name repository address, else None."""
    if not repository:
        return None
    parts = urlsplit(repository)
    found = re.fullmatch(r"/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?", parts.path)
    if parts.netloc.lower() != "github.com" or not found:
        return None
    return f"{found.group(1)}/{found.group(2)}"


class EditorConfig:
    """Makes config.yml for one interface language (see the module)."""

    def __init__(self, site: Site, vocabulary: Vocabulary, content_folder: str,
                 lang: str, labels: dict[str, Any], base_url: str | None = None) -> None:
        self.site, self.vocabulary, self.lang, self.labels = site, vocabulary, lang, labels
        # The site the entries' pages are on: the published one, or the preview.
        self.base_url = base_url or site.base_url
        self.content_folder = content_folder.strip("/")
        self.languages = site.languages

    def config(self, local_hosts: tuple[str, ...] = ()) -> dict[str, Any]:
        """The whole configuration; with local_hosts (the preview's host names), the local
        backend at LOCAL_BACKEND and no editorial workflow (files are saved as they are)."""
        repo = github_repo(self.site.repository) or "example/unset"
        backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": self.site.branch,
                                   "open_authoring": True, "squash_merges": True}
        if self.site.editor_sign_in:
            parts = urlsplit(self.site.editor_sign_in)
            backend["base_url"] = f"{parts.scheme}://{parts.netloc}"
            if parts.path.strip("/"):
                backend["auth_endpoint"] = parts.path.strip("/")
        config: dict[str, Any] = {
            "backend": backend,
            "locale": self.lang,
            "site_url": self.base_url,
            "display_url": self.base_url,
            "media_folder": f"{self.content_folder}/{MEDIA_FOLDER}",
            "public_folder": f"/{MEDIA_FOLDER}",
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": [self.collection(name, shape)
                            for name, shape in collection_shapes().items()],
        }
        if local_hosts:
            config["local_backend"] = {"url": LOCAL_BACKEND, "allowed_hosts": list(local_hosts)}
        else:
            config["publish_mode"] = "editorial_workflow"
        return config

    # -- collections ------------------------------------------------------------------------

    def collection(self, name: str, shape: Shape) -> Widget:
        """A folder collection: one file per entry, named by its slug."""
        texts = self.labels.get("collections", {}).get(name, {})
        record = shape["record"]
        first = self.languages[0]
        title = next(f["name"] for f in record["fields"] if f["shape"]["kind"] == "text")
        collection: Widget = {
            "name": name,
            "label": texts.get("label", name),
            "label_singular": texts.get("label_singular", name),
            "folder": f"{self.content_folder}/{shape['folder']}",
            "extension": shape["extension"],
            "format": f"hyteguide-{name}",
            "create": True,
            "delete": False,  # a removal is a maintainer's decision, made in the repository
            "identifier_field": f"{title}.{first}",
            "slug": f"{{{{{title}.{first}}}}}",
            "summary": f"{{{{{title}.{first}}}}}",
            "sortable_fields": [f"{title}.{first}"],
            "editor": {"preview": False},
            # "View the published page": the entry's page on the site (routes.py's paths).
            "preview_path": path_to(PAGE_ROUTES[name], slug="{{slug}}"),
            "fields": [self.widget(f, record["record"]) for f in record["fields"]],
        }
        if texts.get("description"):
            collection["description"] = texts["description"]
        return collection

    # -- fields -----------------------------------------------------------------------------

    def label(self, record: str, field: dict[str, Any]) -> tuple[str, str]:
        """A field's label and hint in the interface language (editor/labels/)."""
        found = self.labels.get("records", {}).get(record, {}).get(field["name"], {})
        return found.get("label") or field["doc"] or field["name"], found.get("hint", "")

    def widget(self, field: dict[str, Any], record: str) -> Widget:
        """The widget of one field of a record."""
        label, hint = self.label(record, field)
        widget = {"name": field["name"], "label": label, "required": field["required"],
                  **self.input(field["shape"], field["name"], field["required"])}
        if hint:
            widget["hint"] = hint
        if "pattern" in widget:  # the message of a value the form refuses: the field's hint
            widget["pattern"][1] = hint or label
        if widget["widget"] == "list":
            # Decap adds one empty item to a new entry's list unless told none.
            widget["default"] = []
            found = self.labels.get("records", {}).get(record, {}).get(field["name"], {})
            if found.get("singular"):
                widget["label_singular"] = found["singular"]
            if "field" in widget:  # a list of single values: each input named as one item
                widget["field"]["label"] = found.get("singular") or label
                if "pattern" in widget["field"]:
                    widget["field"]["pattern"][1] = hint or label
        return widget

    def input(self, shape: Shape, name: str, required: bool) -> Widget:
        """The widget options of a value of a shape (without name and label)."""
        kind = shape["kind"]
        if kind in ("text", "body"):
            multiline = kind == "body" or shape.get("markdown") or name in MULTILINE
            return self.translations("text" if multiline else "string", required)
        if kind == "keyword_or_text":
            words = self.labels.get("keyword_or_text", {})
            keyword = {"name": "keyword", "label": words.get("text", "keyword"),
                       "widget": "select", "required": False,
                       "options": [{"label": words.get(k, k), "value": k}
                                   for k in shape["keywords"]]}
            texts = self.translations("string", False)
            return {"widget": "object", "collapsed": False,
                    "fields": [keyword, *texts["fields"]]}
        if kind == "list":
            return self.list_input(shape["item"], name)
        if kind == "opening_hours":
            return self.list_input(shape["item"], name)
        if kind in ("record", "either", "rule"):
            return self.object_input(shape)
        return self.scalar(shape, name)

    def translations(self, widget: str, required: bool) -> Widget:
        """An object with an input per site language; the first is required with the field."""
        names = self.labels.get("languages", {})
        return {"widget": "object", "collapsed": False, "fields": [
            {"name": lang, "label": names.get(lang, lang), "widget": widget,
             "required": required and index == 0}
            for index, lang in enumerate(self.languages)]}

    def object_input(self, shape: Shape) -> Widget:
        """An object of a record's fields (an either is held as its record)."""
        record = shape if shape["kind"] == "record" else shape["record"]
        return {"widget": "object", "collapsed": False,
                "fields": [self.widget(f, record["record"]) for f in record["fields"]]}

    def list_input(self, item: Shape, name: str) -> Widget:
        """A list: several choices in one select, records as a list of objects, rules as a
        list of kinds (each rule kind a variant), other values one input each."""
        kind = item["kind"]
        if kind in ("term", "weekday", "choice", "reference"):
            return {**self.scalar(item, name), "multiple": True}
        if kind == "rule":
            return {"widget": "list", "typeKey": KIND_KEY, "collapsed": False,
                    "types": self.rule_variants(item)}
        if kind in ("record", "either"):
            record = item if kind == "record" else item["record"]
            fields = [self.widget(f, record["record"]) for f in record["fields"]]
            return {"widget": "list", "collapsed": True, "summary": self.summary(record),
                    "fields": fields}
        return {"widget": "list", "field": {"name": name, "label": name,
                                            **self.scalar(item, name)}}

    def summary(self, record: Shape) -> str:
        """What a list's closed item shows: its title or name (an activity by its title, not
        its id), else its first field."""
        fields = record["fields"]
        shown = next((f for f in fields if f["name"] in ("title", "name", "role")), fields[0])
        language = f".{self.languages[0]}" if shown["shape"]["kind"] == "text" else ""
        return f"{{{{fields.{shown['name']}{language}}}}}"

    def rule_variants(self, rule: Shape) -> list[Widget]:
        """The kinds of schedule rule, each with its own field and the fields rules share."""
        kinds = self.labels.get("schedule_kinds", {})
        record = rule["record"]
        variants = []
        for variant in rule["variants"]:
            fields = [f for f in record["fields"]
                      if (f["name"] == variant or f["name"] not in rule["variants"])
                      and rule["variant_only"].get(f["name"], variant) == variant]
            texts = kinds.get(variant, {})
            widget = {"name": variant, "label": texts.get("label", variant),
                      "widget": "object", "collapsed": False,
                      "fields": [self.widget({**f, "required": f["required"]
                                              or f["name"] == variant}, record["record"])
                                 for f in fields]}
            if texts.get("hint"):
                widget["hint"] = texts["hint"]
            variants.append(widget)
        return variants

    def scalar(self, shape: Shape, name: str) -> Widget:
        """The widget options of a single value."""
        kind = shape["kind"]
        if kind == "string":
            widget: Widget = {"widget": "string"}
            if shape.get("pattern"):
                widget["pattern"] = [f"^(?:{shape['pattern']})$", ""]
            return widget
        if kind == "number":
            return {"widget": "number", "value_type": "int", "min": shape["min"],
                    "max": shape["max"]}
        if kind == "boolean":
            return {"widget": "boolean", "default": False}
        if kind == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D.M.YYYY",
                    "time_format": False, "picker_utc": False}
        if kind == "coordinates":
            return {"widget": "object", "collapsed": False, "fields": [
                {"name": axis, "label": self.labels.get("coordinates", {}).get(axis, axis),
                 "widget": "number", "value_type": "float", "required": True}
                for axis in ("latitude", "longitude")]}
        return {"widget": "select", "options": self.options(shape, name)} \
            if kind != "reference" else self.relation(shape)

    def options(self, shape: Shape, name: str) -> list[dict[str, str]]:
        """The choices of a select: vocabulary terms, weekdays or a field's fixed values."""
        kind = shape["kind"]
        if kind == "term":
            terms = self.vocabulary.group(shape["group"])
            return [{"label": term.label.get(self.lang)[0], "value": term_id}
                    for term_id, term in terms.items()]
        if kind == "weekday":
            days = self.labels.get("weekdays", {})
            return [{"label": days.get(day, day), "value": day} for day in shape["choices"]]
        words = self.labels.get("choices", {}).get(name, {})
        return [{"label": words.get(value, value), "value": value}
                for value in shape["choices"]]

    def relation(self, shape: Shape) -> Widget:
        """A reference to another entry, chosen from its collection by name."""
        collection = next(name for name, c in collection_shapes().items()
                          if c["folder"] == shape["folder"])
        record = collection_shapes()[collection]["record"]
        # Chosen by name; by address too where the name is optional (a place may have none).
        named = any(f["name"] in ("name", "title") and f["required"] for f in record["fields"])
        texts = [f["name"] for f in record["fields"] if f["shape"]["kind"] == "text"
                 and f["name"] in ("name", "title", *(() if named else ("address",)))]
        shown = [f"{name}.{self.languages[0]}" for name in texts]
        return {"widget": "relation", "collection": collection, "value_field": "{{slug}}",
                "search_fields": shown, "display_fields": shown, "options_length": 50}
