#!/usr/bin/env python3
"""Write the hostile corpus for the link decoders (invitations and responses,
as links, pasted text and files).

Built from the format 1 links kept in core/tests/fixtures/share/ (a demo
invitation and a response to it), broken or loaded in one way each. Files
starting `inv-` go to the invitation reader, `resp-` to the response reader.
`core/tests/hostile_links.rs` holds the expected outcome of every file.

    python3 tests/hostile/make_link_corpus.py
"""
import base64
import json
import os
import zlib

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "links")
SITE = "https://example.com/partnerfit/"
SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>'

links = {}
for line in open(os.path.join(ROOT, "..", "..", "core", "tests", "fixtures", "share", "format-1-links.txt")):
    line = line.strip()
    if line and not line.startswith("#"):
        name, link = line.split(" ", 1)
        links[name] = link


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def inflate(data):
    return zlib.decompress(data, -15)


def envelope(mode, data, declared=None):
    return f"pf1.{mode}.{len(data) if declared is None else declared}.{b64(data)}"


def body(link):
    frag = link.split("#", 1)[1]
    return unb64(frag.split(".", 3)[3])


INVITATION = json.loads(inflate(body(links["invitation-plain"])))
RESPONSE_PLAIN = inflate(body(links["response-plain"]))
TAG, RESPONSE = RESPONSE_PLAIN[:32], json.loads(RESPONSE_PLAIN[32:])


def invitation(change=None, raw=None):
    inv = json.loads(json.dumps(INVITATION))
    if change:
        change(inv)
    data = raw if raw is not None else json.dumps(inv, ensure_ascii=False).encode()
    return SITE + "respond/#" + envelope("ip", deflate(data))


def response(change=None, raw=None):
    r = json.loads(json.dumps(RESPONSE))
    if change:
        change(r)
    data = raw if raw is not None else TAG + json.dumps(r, ensure_ascii=False).encode()
    return SITE + "response#" + envelope("rp", deflate(data))


def file_form(kind, env, **over):
    v = {"format": "partnerfit-share", "format_version": 1, "kind": kind, "link": "", "envelope": env}
    v.update(over)
    return json.dumps(v, indent=2)


files = {}
good_inv = links["invitation-plain"]
good_env = good_inv.split("#", 1)[1]
head, data64 = good_env.rsplit(".", 1)

# The envelope.
files["inv-empty.txt"] = ""
files["inv-whitespace.txt"] = " \n\t "
files["inv-no-fragment.txt"] = "https://example.com/partnerfit/respond/"
files["inv-only-pf.txt"] = SITE + "respond/#pf"
files["inv-version-0.txt"] = good_inv.replace("#pf1.", "#pf0.")
files["inv-version-9.txt"] = good_inv.replace("#pf1.", "#pf9.")
files["inv-version-huge.txt"] = good_inv.replace("#pf1.", "#pf99999999999999999999999.")
files["inv-bad-mode.txt"] = good_inv.replace("#pf1.ip.", "#pf1.xx.")
files["inv-missing-length.txt"] = SITE + "respond/#pf1.ip"
files["inv-length-overflow.txt"] = SITE + "respond/#pf1.ip.18446744073709551615.AAAA"
files["inv-length-negative.txt"] = SITE + "respond/#pf1.ip.-1.AAAA"
files["inv-length-exponent.txt"] = SITE + "respond/#pf1.ip.1e9.AAAA"
files["inv-length-nan.txt"] = SITE + "respond/#pf1.ip.NaN.AAAA"
files["inv-bad-character.txt"] = f"{SITE}respond/#{head}.{data64[:10]}<{data64[11:]}"
files["inv-zero-width-inside.txt"] = f"{SITE}respond/#{head}.{data64[:10]}\u200b{data64[10:]}"
files["inv-rtl-override-inside.txt"] = f"{SITE}respond/#{head}.{data64[:10]}\u202e{data64[10:]}"
files["inv-nul-inside.txt"] = f"{SITE}respond/#{head}.{data64[:10]}\u0000{data64[10:]}"
files["inv-padding.txt"] = good_inv + "=="
files["inv-truncated.txt"] = good_inv[:-30]
files["inv-extra-data.txt"] = good_inv + "AAAA"
files["inv-line-wrapped.txt"] = "\n".join(good_inv[i:i + 76] for i in range(0, len(good_inv), 76))
files["inv-not-deflate.txt"] = SITE + "respond/#" + envelope("ip", b"\xff" * 64)
files["inv-deflate-bomb.txt"] = SITE + "respond/#" + envelope("ip", deflate(b" " * 5_000_000))
files["inv-too-long.txt"] = good_inv + "A" * 200_001
# The JSON inside.
files["inv-json-null.txt"] = invitation(raw=b"null")
files["inv-json-array.txt"] = invitation(raw=b"[]")
files["inv-json-nested.txt"] = invitation(raw=b"[" * 100_000 + b"]" * 100_000)
files["inv-json-duplicate-key.txt"] = invitation(raw=json.dumps(INVITATION).replace('"id":', '"id": "inv-other", "id":', 1).encode())
files["inv-secret-short.txt"] = invitation(lambda i: i.update(secret="AAAA"))
files["inv-id-spaces.txt"] = invitation(lambda i: i.update(id="inv with spaces"))
files["inv-created-impossible.txt"] = invitation(lambda i: i.update(created="2026-02-30"))
files["inv-expired.txt"] = invitation(lambda i: i.update(expires="2026-01-01"))
files["inv-to-number.txt"] = invitation(lambda i: i.update(to=42))
files["inv-contact-javascript.txt"] = invitation(lambda i: i.update(contact="javascript:alert(1)"))
files["inv-script-in-text.txt"] = invitation(lambda i: (i.update(to=SCRIPT, contact=SCRIPT), i["brief"].update(company=SCRIPT)))
files["inv-formula-company.txt"] = invitation(lambda i: i["brief"].update(company='=HYPERLINK("http://evil.example")'))
files["inv-rtl-in-name.txt"] = invitation(lambda i: i.update(to="Northwind \u202egnitlusnoC"))
files["inv-text-too-long.txt"] = invitation(lambda i: i.update(to="N" * 2_001))
files["inv-too-many-questions.txt"] = invitation(lambda i: i.update(sections=[{"id": "c", "name": "C", "questions": [{"id": f"q{n}", "text": "Q"} for n in range(61)]}]))
files["inv-is-a-response.txt"] = links["response-plain"]
# Sealed links, checked before any passphrase is asked.
sealed = lambda iterations, n=80: SITE + "respond/#" + envelope("ie", iterations.to_bytes(4, "big") + b"\x07" * n)
files["inv-sealed-rounds-5m.txt"] = sealed(5_000_000)
files["inv-sealed-rounds-1000.txt"] = sealed(1_000)
files["inv-sealed-rounds-max-u32.txt"] = sealed(0xFFFFFFFF)
files["inv-sealed-too-short.txt"] = sealed(600_000, 10)
files["inv-sealed-needs-passphrase.txt"] = links["invitation-protected"]
# Files.
files["inv-file-good.json"] = file_form("invitation", good_env, link=good_inv)
files["inv-file-wrong-format.json"] = file_form("invitation", good_env, format="other")
files["inv-file-newer.json"] = file_form("invitation", good_env, format_version=2)
files["inv-file-no-envelope.json"] = json.dumps({"format": "partnerfit-share", "format_version": 1})
files["inv-file-broken-json.json"] = file_form("invitation", good_env)[:-20]
# Responses.
files["resp-good.txt"] = links["response-plain"]
files["resp-score-7.txt"] = response(lambda r: r["ratings"]["deal_registration"].update(score=7))
files["resp-score-negative.txt"] = response(lambda r: r["ratings"]["deal_registration"].update(score=-1))
files["resp-score-string.txt"] = response(lambda r: r["ratings"]["deal_registration"].update(score="NaN"))
files["resp-name-escape.txt"] = response(lambda r: r.update(name="Mara\u001b[2K\rVerified"))
files["resp-name-rtl.txt"] = response(lambda r: r.update(name="Mara \u202enimda"))
files["resp-email-newline.txt"] = response(lambda r: r.update(email="mara@example.com\nBcc: all@example.com"))
files["resp-name-zero-width.txt"] = response(lambda r: r.update(name="Ma\u200bra"))
files["resp-script-everywhere.txt"] = response(lambda r: (r.update(name=SCRIPT, comments=SCRIPT), r["ratings"]["deal_registration"].update(evidence=SCRIPT)))
files["resp-formula-evidence.txt"] = response(lambda r: r["ratings"]["deal_registration"].update(evidence="=cmd|' /C calc'!A0"))
files["resp-submitted-impossible.txt"] = response(lambda r: r.update(submitted="2026-13-01"))
files["resp-invitation-id-spaces.txt"] = response(lambda r: r.update(invitation="inv 1"))
files["resp-evidence-too-long.txt"] = response(lambda r: r["ratings"]["deal_registration"].update(evidence="x" * 4_001))
files["resp-name-too-long.txt"] = response(lambda r: r.update(name="M" * 301))
files["resp-only-tag.txt"] = response(raw=TAG)
files["resp-no-tag.txt"] = response(raw=json.dumps(RESPONSE).encode()[:20])
files["resp-is-an-invitation.txt"] = good_inv

os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    os.remove(os.path.join(OUT, old))
for name, text in sorted(files.items()):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
print(f"{len(files)} files in {OUT}")
