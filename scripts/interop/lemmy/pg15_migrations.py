"""Lemmy 1.0's migrations use subqueries without an alias, which PostgreSQL 16
allows and 15 (this machine's) does not: give each such subquery an alias. Run
in a Lemmy checkout; changes only what 15 cannot read."""
import re, sys, glob
KW = {"GROUP","WHERE","ORDER","LIMIT","ON","JOIN","LEFT","RIGHT","INNER","FULL","CROSS","UNION","EXCEPT","INTERSECT","HAVING","RETURNING","WINDOW","OFFSET","FOR","USING","NATURAL","LATERAL"}
changed = 0
for path in glob.glob("migrations/*/up.sql"):
    s = open(path).read()
    out = []; i = 0; n = 0
    for m in re.finditer(r"\bFROM\s*\(", s, re.I):
        start = m.end()
        rest = s[start:].lstrip()
        if not re.match(r"(SELECT|WITH)\b", rest, re.I):
            continue
        depth = 1; j = start
        while j < len(s) and depth:
            if s[j] == "(": depth += 1
            elif s[j] == ")": depth -= 1
            j += 1
        after = s[j:].lstrip()
        tok = re.match(r"[A-Za-z_][A-Za-z_0-9]*", after)
        if tok and tok.group(0).upper() not in KW:
            continue
        out.append((j, f" AS pg15_sub_{n}")); n += 1
    if out:
        for pos, text in reversed(out):
            s = s[:pos] + text + s[pos:]
        open(path, "w").write(s); changed += 1
        print(path, len(out))
print("files changed", changed)
