#!/usr/bin/env python3
"""Lists, for every rdcr (recognition-and-relations article) fact of a historian pack, the
article entry, its heading, the relation and the date the importer picked, and flags the
suspicious ones for review: a date outside the heading's years, or a date whose sentence
also speaks of a nomination, a death, a surrender or an earlier event ("Following ...").

  scripts/check_rdcr_dates.py data/packs/historian-us ../shared/data/historian/rdcr/articles
  scripts/check_rdcr_dates.py PACK ARTICLES --suspicious   # only the flagged rows

Output: TSV record, heading, relation, subject->object, date, flag (docs/formats/historian-import.md).
"""
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

TEI = '{http://www.tei-c.org/ns/1.0}'
XML_ID = '{http://www.w3.org/XML/1998/namespace}id'
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']


def text_of(e):
    return re.sub(r'\s+', ' ', ''.join(e.itertext())).strip()


def heading_years(head):
    found = list(re.finditer(r'(\d{4})(?:\s*[-\u2013]\s*(\d{2,4}))?', head))
    if not found:
        return None
    m = found[-1]
    first = int(m.group(1))
    last = first
    if m.group(2):
        tail = m.group(2)
        last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
    return first, max(first, last)


def sentence_of(text, date):
    y, *rest = date.split('-')
    words = MONTHS[int(rest[0]) - 1] if rest else y
    if len(rest) > 1:
        words += ' ' + str(int(rest[1]))
    at = text.find(words)
    if at < 0:
        return ''
    begin = max(text.rfind('. ', 0, at) + 2, 0)
    end = text.find('. ', at)
    return text[begin:end if end > 0 else len(text)]


def flag(head, text, date):
    years = heading_years(head)
    year = int(date[:4])
    if years and not years[0] <= year <= years[1]:
        return 'outside the heading years'
    s = sentence_of(text, date).lower()
    for word in ('nominat', 'died', 'surrender', 'following', 'after the'):
        if word in s:
            return 'sentence mentions "%s"' % word
    return ''


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    pack, articles = sys.argv[1], sys.argv[2]
    only_flagged = '--suspicious' in sys.argv[3:]
    facts = collections.defaultdict(list)
    with open(os.path.join(pack, 'facts.tsv'), encoding='utf-8') as f:
        for line in f:
            c = line.rstrip('\n').split('\t')
            if len(c) > 7 and c[6].startswith('articles/'):
                facts[c[6]].append((c[1], c[4], c[0], c[2]))
    for name in sorted(os.listdir(articles)):
        if not name.endswith('.xml'):
            continue
        root = ET.parse(os.path.join(articles, name)).getroot()
        stem = name[:-4]
        for section in root.iter(TEI + 'div'):
            if section.get('type') != 'section':
                continue
            entries = [d for d in section.findall(TEI + 'div') if d.get('type') == 'timeline']
            for n, entry in enumerate(entries, 1):
                head_el = entry.find(TEI + 'head')
                head = text_of(head_el) if head_el is not None else ''
                text = ' '.join(text_of(p) for p in entry.findall(TEI + 'p'))
                record = 'articles/%s#%s/%s/%d' % (name, stem, section.get(XML_ID), n)
                for rel, valid, subject, obj in facts.get(record, []):
                    why = flag(head, text, valid)
                    if why or not only_flagged:
                        print('\t'.join([record, head, rel, subject + '->' + obj, valid, why]))


if __name__ == '__main__':
    main()
