#!/usr/bin/env python3
"""Validate the controlled vocabularies in this directory.

Usage: python3 check.py [DIR]

Checks every *.json file in DIR (default: the directory of this script):
  - the file is UTF-8 JSON with the expected shape;
  - "name" matches the file name (without .json);
  - "title" and every term's "labels" have exactly the languages en, de, fr,
    it, es, each a non-empty string without surrounding whitespace, in NFC;
  - "source" is an http(s) URL, or null for vocabularies Collegium defines;
  - term ids are unique, short, ASCII and lowercase; in the countries
    vocabulary they are upper-case ISO 3166-1 alpha-2 codes;
  - every "broader" names another term of the same vocabulary, with no cycles;
  - an "isced_field", where given, is an id of isced-fields.json;
  - every "uri" is null or an http(s) URL, and no two terms share a URI;
  - no two terms with the same parent share a label in the same language.

Exits 0 when every file passes, 1 otherwise. Standard library only.
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

LANGS = ("en", "de", "fr", "it", "es")
TOP_REQUIRED = {"name", "title", "source", "terms"}
TOP_OPTIONAL = {"note"}
TERM_KEYS = {"id", "labels", "broader", "uri"}
# Optional: the ISCED-F field a term belongs to (school-subjects).
TERM_OPTIONAL = {"isced_field"}
ISCED_FIELDS = {t["id"] for t in json.loads((Path(__file__).parent / "isced-fields.json").read_text("utf-8"))["terms"]}
ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9.\-]{0,31})$")
COUNTRY_ID_RE = re.compile(r"^[A-Z]{2}$")
URL_RE = re.compile(r"^https?://\S+$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_text(value, where, errors):
    if not isinstance(value, str):
        errors.append(f"{where}: expected a string, got {type(value).__name__}")
        return
    if not value.strip():
        errors.append(f"{where}: empty")
        return
    if value != value.strip():
        errors.append(f"{where}: leading or trailing whitespace")
    if "  " in value:
        errors.append(f"{where}: double space")
    if unicodedata.normalize("NFC", value) != value:
        errors.append(f"{where}: not in Unicode NFC")
    if any(unicodedata.category(c) == "Cc" for c in value):
        errors.append(f"{where}: control character")


def check_langs(obj, where, errors):
    if not isinstance(obj, dict):
        errors.append(f"{where}: expected an object with keys {', '.join(LANGS)}")
        return
    missing = [l for l in LANGS if l not in obj]
    extra = sorted(set(obj) - set(LANGS))
    if missing:
        errors.append(f"{where}: missing language(s) {', '.join(missing)}")
    if extra:
        errors.append(f"{where}: unexpected language(s) {', '.join(extra)}")
    for lang in LANGS:
        if lang in obj:
            check_text(obj[lang], f"{where}.{lang}", errors)


def check_file(path):
    errors = []
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not valid UTF-8: {e}"], 0
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as e:
        return [f"invalid JSON: {e}"], 0
    if not isinstance(doc, dict):
        return ["top level must be an object"], 0

    keys = set(doc)
    for k in sorted(TOP_REQUIRED - keys):
        errors.append(f"missing top-level field {k!r}")
    for k in sorted(keys - TOP_REQUIRED - TOP_OPTIONAL):
        errors.append(f"unexpected top-level field {k!r}")

    name = doc.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        errors.append(f"name {name!r} is not a lowercase hyphenated ASCII name")
    if name != path.stem:
        errors.append(f"name {name!r} does not match file name {path.stem!r}")

    if "title" in doc:
        check_langs(doc["title"], "title", errors)

    source = doc.get("source")
    if source is not None and not (isinstance(source, str) and URL_RE.match(source)):
        errors.append(f"source {source!r} is neither null nor an http(s) URL")

    if "note" in doc:
        check_text(doc["note"], "note", errors)

    terms = doc.get("terms")
    if not isinstance(terms, list) or not terms:
        errors.append("terms must be a non-empty list")
        return errors, 0

    ids = {}
    uris = {}
    for i, term in enumerate(terms):
        where = f"terms[{i}]"
        if not isinstance(term, dict):
            errors.append(f"{where}: expected an object")
            continue
        tkeys = set(term)
        for k in sorted(TERM_KEYS - tkeys):
            errors.append(f"{where}: missing field {k!r}")
        if "isced_field" in term and term["isced_field"] not in ISCED_FIELDS:
            errors.append(f"{where}: isced_field {term['isced_field']!r} is not an ISCED-F field")
        for k in sorted(tkeys - TERM_KEYS - TERM_OPTIONAL):
            errors.append(f"{where}: unexpected field {k!r}")
        tid = term.get("id")
        if isinstance(tid, str):
            where = f"term {tid!r}"
        if name == "countries":
            id_ok = isinstance(tid, str) and COUNTRY_ID_RE.match(tid)
            expected = "an upper-case ISO 3166-1 alpha-2 code"
        else:
            id_ok = isinstance(tid, str) and ID_RE.match(tid)
            expected = "a short lowercase ASCII id"
        if not id_ok:
            errors.append(f"{where}: id {tid!r} is not {expected}")
        if isinstance(tid, str):
            if tid in ids:
                errors.append(f"{where}: duplicate id")
            else:
                ids[tid] = term
        if "labels" in term:
            check_langs(term["labels"], f"{where}.labels", errors)
        broader = term.get("broader")
        if broader is not None and not isinstance(broader, str):
            errors.append(f"{where}: broader must be null or an id string")
        uri = term.get("uri")
        if uri is not None:
            if not (isinstance(uri, str) and URL_RE.match(uri)):
                errors.append(f"{where}: uri {uri!r} is neither null nor an http(s) URL")
            elif uri in uris:
                errors.append(f"{where}: uri {uri} also used by term {uris[uri]!r}")
            else:
                uris[uri] = tid

    # broader: existing, not self, no cycles
    for tid, term in ids.items():
        broader = term.get("broader")
        if broader is None or not isinstance(broader, str):
            continue
        if broader == tid:
            errors.append(f"term {tid!r}: broader points to itself")
        elif broader not in ids:
            errors.append(f"term {tid!r}: broader {broader!r} is not an id in this vocabulary")
        else:
            seen = {tid}
            cur = broader
            while cur is not None and cur in ids:
                if cur in seen:
                    errors.append(f"term {tid!r}: cycle in broader chain")
                    break
                seen.add(cur)
                cur = ids[cur].get("broader")

    # siblings must be distinguishable in every language
    siblings = {}
    for tid, term in ids.items():
        labels = term.get("labels")
        if not isinstance(labels, dict):
            continue
        for lang in LANGS:
            label = labels.get(lang)
            if isinstance(label, str):
                key = (term.get("broader"), lang, label.casefold())
                if key in siblings:
                    errors.append(
                        f"term {tid!r}: {lang} label {label!r} also used by sibling {siblings[key]!r}"
                    )
                else:
                    siblings[key] = tid

    return errors, len(terms)


def main(argv):
    directory = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    files = sorted(directory.glob("*.json"))
    if not files:
        print(f"no vocabulary files in {directory}")
        return 1
    failed = 0
    for path in files:
        errors, count = check_file(path)
        if errors:
            failed += 1
            print(f"FAIL {path.name}")
            for e in errors:
                print(f"  - {e}")
        else:
            print(f"ok   {path.name}: {count} terms")
    print(f"{len(files) - failed} of {len(files)} vocabularies pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
