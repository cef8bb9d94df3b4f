#!/usr/bin/env python3
"""The same normalisation and merge as Partnerfit's account matching, in
pandas, to compare speeds (./dev.sh bench runs it).

    python3 benches/pandas/overlap.py OURS.csv THEIRS.csv core/data/public_suffix_list.dat [--runs N]

Normalisation: registrable domain by the Public Suffix List (wildcards and
exceptions included), www/scheme/path/e-mail stripped, IDNA to punycode,
free-mail and shared hosts dropped; names lower-cased, accents and
punctuation removed, legal suffixes dropped; then a merge on the domain and,
for rows without one, on name and country. Reports the time of normalisation
plus matching (CSV reading excluded), median of 5 (or N) runs.
"""
import re
import statistics
import sys
import time
import unicodedata

import pandas as pd

LEGAL = set("inc incorporated corp corporation co company cos llc llp lp ltd limited plc gmbh mbh ag kg kgaa ohg ug gbr ev eg sa sas sasu sarl sprl srl spa sl slu bv nv bvba vof pty pte oy oyj ab as asa aps kk ltda sac se spzoo sro kft doo and".split())
FREE = {"gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "gmx.de", "web.de", "icloud.com", "aol.com"}
SHARED = {"wordpress.com", "squarespace.com", "webflow.io", "google.com", "linkedin.com"}


def load_psl(path):
    rules, wild, exc = set(), set(), set()
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        r = line.split()[0]
        try:
            r = r.encode("idna").decode() if not r.isascii() else r.lower()
        except Exception:
            continue
        if r.startswith("!"):
            exc.add(r[1:])
        elif r.startswith("*."):
            wild.add(r[2:])
        else:
            rules.add(r)
    return rules, wild, exc


def registrable(host, psl):
    rules, wild, exc = psl
    labels = host.split(".")
    suffix_len = 1
    for i in range(len(labels)):
        cand = ".".join(labels[i:])
        if cand in exc:
            suffix_len = len(labels) - i - 1
            break
        if cand in rules:
            suffix_len = len(labels) - i
            break
        if i + 1 < len(labels) and ".".join(labels[i + 1:]) in wild:
            suffix_len = len(labels) - i
            break
    if len(labels) <= suffix_len:
        return None
    return ".".join(labels[-(suffix_len + 1):])


HOST = re.compile(r"^(?:mailto:)?(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?([^/?#:]+)")


def domain_key(raw, psl):
    if not isinstance(raw, str) or not raw.strip():
        return None
    m = HOST.match(raw.strip().lower())
    if not m:
        return None
    host = m.group(1).rstrip(".")
    while host.startswith("www."):
        host = host[4:]
    try:
        host = host.encode("idna").decode() if not host.isascii() else host
    except Exception:
        return None
    if "." not in host:
        return None
    reg = registrable(host, psl)
    if reg is None or reg in FREE or reg.split(".")[0] in {"yahoo", "hotmail", "outlook", "gmx"} or reg in SHARED:
        return None
    return reg


def name_key(name):
    if not isinstance(name, str):
        return ""
    s = unicodedata.normalize("NFD", name.lower().replace("&", " and ").replace("ß", "ss"))
    s = "".join(c if c.isalnum() else " " for c in s if not unicodedata.combining(c))
    tokens = s.split()
    while len(tokens) > 1 and tokens[-1] in LEGAL:
        tokens.pop()
    return " ".join(tokens)


def run(ours, theirs, psl):
    for df in (ours, theirs):
        df["domain_key"] = df["Website"].map(lambda d: domain_key(d, psl))
        df["name_key"] = df["Company name"].map(name_key)
        df["country_key"] = df["Country"].fillna("").str.lower()
    by_domain = theirs.dropna(subset=["domain_key"]).merge(
        ours.dropna(subset=["domain_key"]), on="domain_key", suffixes=("_t", "_o"))
    no_domain = theirs[theirs["domain_key"].isna()]
    by_name = no_domain.merge(ours, on=["name_key", "country_key"], suffixes=("_t", "_o"))
    return len(by_domain) + len(by_name)


def main():
    ours_path, theirs_path, psl_path = sys.argv[1:4]
    # --runs N (default 5): benches/overlap-vs-pandas.sh times one run as a
    # whole process (start, list, CSV reading, normalise, merge).
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    psl = load_psl(psl_path)
    times = []
    for _ in range(runs):
        ours = pd.read_csv(ours_path, dtype=str)
        theirs = pd.read_csv(theirs_path, dtype=str)
        t = time.perf_counter()
        n = run(ours, theirs, psl)
        times.append(time.perf_counter() - t)
    print(f"pandas {pd.__version__}: {len(ours)} x {len(theirs)} accounts, {n} matches, "
          f"median {statistics.median(times) * 1000:.0f} ms (normalise + merge, one core)")


if __name__ == "__main__":
    main()
