#!/usr/bin/env python3
"""Write the hostile corpus for the workspace file reader.

Each file is the demo workspace (core/src/demo_workspace.json) broken or
loaded in one way. `core/tests/hostile_workspace.rs` holds, per file, whether
it must be refused (and what the message must name) or imported (and what must
survive as written). Run again after the demo changes:

    python3 tests/hostile/make_workspace_corpus.py
"""
import copy
import json
import os

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "workspace-json")
DEMO = json.load(open(os.path.join(ROOT, "..", "..", "core", "src", "demo_workspace.json"), encoding="utf-8"))
TEXT = json.dumps(DEMO, ensure_ascii=False, indent=1)
SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>'
JS_URL = "javascript:alert(document.cookie)"

files = {}


def put(name, data):
    files[name] = data if isinstance(data, bytes) else data.encode("utf-8")


def mutate(name, change):
    d = copy.deepcopy(DEMO)
    change(d)
    put(name, json.dumps(d, ensure_ascii=False, separators=(",", ":")))


def partner(d, i=0):
    return d["partners"][i]


def every_text(value, text):
    """Every string of `value` that is prose (not an id, date, key or vocabulary) set to `text`."""
    prose = {"name", "notes", "owner", "evidence", "comments", "respondent", "description",
             "text", "why", "reason", "note", "summary", "title", "problem",
             "urgency", "success_90_days", "contact", "website", "agenda", "benefits",
             "attendees", "scope", "package"}
    if isinstance(value, dict):
        for k, v in value.items():
            vocabulary = k == "owner" and v in ("unassigned", "ours", "partner")
            referenced = k == "name" and "source" in value  # a pilot account, named by its plays
            if isinstance(v, str) and k in prose and not vocabulary and not referenced:
                value[k] = text
            elif k == "evidence" and isinstance(v, dict):
                for c in v:
                    v[c] = text
            else:
                every_text(v, text)
    elif isinstance(value, list):
        for v in value:
            every_text(v, text)


# Not a workspace at all.
put("empty.json", b"")
put("whitespace.json", b"  \n\t\n")
put("null.json", b"null")
put("array.json", b"[]")
put("empty-object.json", b"{}")
put("number.json", b"42")
put("wrong-format-tag.json", TEXT.replace('"partnerfit-workspace"', '"other-workspace"', 1))
put("csv-instead.json", b"name,website\nAcme,acme.example\n")
# Cut off.
put("truncated-half.json", TEXT[: len(TEXT) // 2])
put("truncated-last-brace.json", TEXT.rstrip()[:-1])
put("truncated-in-string.json", TEXT[: TEXT.index("Northwind Integrations") + 5])
put("trailing-garbage.json", TEXT + "\n{}")
put("comments.json", "// exported by hand\n" + TEXT)
# Versions.
mutate("version-string.json", lambda d: d.update(format_version="7"))
mutate("version-negative.json", lambda d: d.update(format_version=-1))
mutate("version-zero.json", lambda d: d.update(format_version=0))
mutate("version-future.json", lambda d: d.update(format_version=999))
mutate("version-fraction.json", lambda d: d.update(format_version=6.5))
put("version-huge.json", TEXT.replace('"format_version": 7', '"format_version": 1e999', 1))
put("version-nan.json", TEXT.replace('"format_version": 7', '"format_version": NaN', 1))
put("version-400-digits.json", TEXT.replace('"format_version": 7', '"format_version": ' + "9" * 400, 1))
# Wrong types and ranges.
mutate("partners-object.json", lambda d: d.update(partners={}))
mutate("partners-missing.json", lambda d: d.pop("partners"))
mutate("partner-name-number.json", lambda d: partner(d).update(name=42))
mutate("score-seven.json", lambda d: partner(d)["ratings"].update({next(iter(partner(d)["ratings"])): 7}))
mutate("score-negative.json", lambda d: partner(d)["ratings"].update({next(iter(partner(d)["ratings"])): -1}))
mutate("score-fraction.json", lambda d: partner(d)["ratings"].update({next(iter(partner(d)["ratings"])): 3.5}))
mutate("score-nan-string.json", lambda d: partner(d)["ratings"].update({next(iter(partner(d)["ratings"])): "NaN"}))
mutate("score-1e309.json", lambda d: partner(d)["ratings"].update({next(iter(partner(d)["ratings"])): 424242}))
files["score-1e309.json"] = files["score-1e309.json"].replace(b"424242", b"1e309")
mutate("money-huge.json", lambda d: d["program"].update(target_minor=10 ** 30))
mutate("money-negative.json", lambda d: d["program"].update(target_minor=-500))
mutate("money-string.json", lambda d: d["program"].update(target_minor="Infinity"))
mutate("date-impossible.json", lambda d: partner(d)["status_history"][0].update(date="2026-02-30"))
mutate("date-garbage.json", lambda d: partner(d)["status_history"][0].update(date="9999-99-99"))
mutate("secret-short.json", lambda d: d["partners"][0]["self_assessment"]["invitations"].append(
    {"id": "inv-short", "secret": "AAAA", "created": "2026-11-02", "expires": None,
     "contact": "", "protected": False, "link": "", "revoked": None}))
# Deep nesting (the reader's recursion limit, not the stack).
put("nested-arrays-100000.json", b"[" * 100_000 + b"]" * 100_000)
put("nested-objects-100000.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000)
mutate("nested-in-notes.json", lambda d: partner(d).update(notes=json.loads("[" * 200 + "]" * 200)))
# Encodings and bytes.
put("invalid-utf8.json", TEXT.encode("utf-8").replace("Northwind".encode(), b"North\xff\xfewind", 1))
put("utf16le-bom.json", b"\xff\xfe" + TEXT.encode("utf-16-le"))
put("utf16be-bom.json", b"\xfe\xff" + TEXT.encode("utf-16-be"))
put("utf16le-odd-byte.json", b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00")
put("utf16le-lone-surrogate.json", b"\xff\xfe" + TEXT.encode("utf-16-le").replace("Northwind".encode("utf-16-le"), b"\x00\xd8" + "orthwind".encode("utf-16-le"), 1))
put("utf8-bom.json", b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
put("nul-byte.json", TEXT.encode("utf-8").replace(b'"Northwind', b'\x00"Northwind', 1))
mutate("nul-escaped-in-name.json", lambda d: partner(d).update(name="North\u0000wind"))
# Text that must stay text.
mutate("formula-injection.json", lambda d: partner(d).update(name='=HYPERLINK("http://evil.example","Click")', notes="+1+1\n-2\n@SUM(A1)"))
mutate("script-everywhere.json", lambda d: every_text(d, SCRIPT))
mutate("javascript-urls.json", lambda d: (partner(d).update(website=JS_URL), d["profile"].update(website=JS_URL)))
mutate("zero-width-name.json", lambda d: partner(d).update(name="North\u200bwind\u200d Integrations\ufeff"))
mutate("rtl-override-name.json", lambda d: partner(d).update(name="Northwind \u202egnitlusnoC"))
mutate("long-name.json", lambda d: partner(d).update(name="N" * 100_000))
# Identity.
mutate("duplicate-partner-ids.json", lambda d: d["partners"][1].update(id=d["partners"][0]["id"]))
mutate("ids-case-fold.json", lambda d: d["partners"][1].update(id=d["partners"][0]["id"].upper()))
mutate("id-with-spaces.json", lambda d: d["partners"][1].update(id="p northwind"))
put("duplicate-keys.json", TEXT.replace('"format_version": 7,', '"format_version": 7, "format_version": 1,', 1))
mutate("verified-unsealed.json", lambda d: partner(d)["self_assessment"]["responses"][0].update(verification="verified"))
mutate("unknown-field.json", lambda d: d.update(telemetry={"send_to": "https://evil.example"}))

os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    os.remove(os.path.join(OUT, old))
for name, data in sorted(files.items()):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
# The same files for the browser test (include_bytes!, no file system there).
with open(os.path.join(ROOT, "workspace_corpus.rs"), "w", encoding="utf-8") as f:
    f.write("// Written by tests/hostile/make_workspace_corpus.py: do not edit.\n")
    f.write("/// The hostile workspace files, by name.\n")
    f.write("pub const WORKSPACE_CORPUS: &[(&str, &[u8])] = &[\n")
    for name in sorted(files):
        f.write(f'    ("{name}", include_bytes!("workspace-json/{name}")),\n')
    f.write("];\n")
print(f"{len(files)} files in {OUT}")
