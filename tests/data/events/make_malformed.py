#!/usr/bin/env python3
"""Writes malformed_gdelt.tsv: GDELT 1.0 event rows, each good or broken in one way.

Expected (tests/events/reader_test.cc): read 14, accepted 3, duplicates 1, rejected 10:
column-count 3, bad-date 1, invalid-code 2, unknown-country 1, invalid-utf8 1, bad-quad 1,
bad-number 1.
"""


def row(gid, date="20140715", a1="USA", a2="KGZ", code="042", quad="1", gold="1.9",
        name1="UNITED STATES", tone="1.25", url="http://example.org/a", cols=58):
    f = [str(gid), date, date[:6], date[:4], "2014.5370",
         a1 + "GOV", name1, a1, "", "", "", "", "GOV", "", "",
         a2, "KYRGYZSTAN", a2, "", "", "", "", "", "", "",
         "1", code, code[:3], code[:2], quad, gold, "4", "1", "4", tone,
         "4", "Bishkek, Bishkek, Kyrgyzstan", "KG", "KG02", "42.87", "74.6", "-1",
         "4", "Bishkek, Bishkek, Kyrgyzstan", "KG", "KG02", "42.87", "74.6", "-1",
         "4", "Bishkek, Bishkek, Kyrgyzstan", "KG", "KG02", "42.87", "74.6", "-1",
         "20140716", url]
    return "\t".join(f[:cols])


lines = [
    row(1001),                                   # 1 good, 58 columns
    row(1002, date="19820104", cols=57),         # 2 good, 57 columns (backfile)
    row(1003, cols=55),                          # 3 column-count
    row(1004, date="20140230"),                  # 4 bad-date (no 30 February)
    row(1005, code="13y"),                       # 5 invalid-code
    row(1006, code="0000", quad="1"),            # 6 invalid-code
    row(1007, a2="QQQ"),                         # 7 unknown-country (col 18)
    row(1008) + "\r",                            # 8 good, CRLF line end
    row(1009, name1="UNITED \xffSTATES"),        # 9 invalid-utf8
    row(1001),                                   # 10 duplicate GLOBALEVENTID of line 1
    row(1011, code="190", quad="1", gold="-10.0"),  # 11 bad-quad (190 is class 4)
    row(1012, tone="n/a"),                       # 12 bad-number (AvgTone)
    "",                                          # 13 column-count (empty line)
]
data = "\n".join(lines) + "\n"
data += row(1014)[:60]                           # 14 column-count: cut mid-row, no newline
with open("malformed_gdelt.tsv", "wb") as f:
    f.write(data.encode("latin-1"))
