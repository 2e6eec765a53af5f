#!/usr/bin/env python3
"""Sorts the divergences of a long hunt (tests/fuzz/generate.sh OUTDIR) by kind.

    python3 tests/fuzz/triage.py [OUTDIR]      (default tests/fuzz/found)

Each NAME.expected is compared with NAME.<tier>.actual line by line; each differing line pair is
classed: 'intdivzero' (only the line number of "attempt to perform 'n%%0'" / "divide by zero"
differs: tests/fuzz/known-divergences.txt), 'forclose' (lua5.4's "attempt to call a nil value" where
luahost ran a generic for's closing value: the lua5.4.4 bug of known-divergences.txt), 'timeout' (luahost's run was stopped), 'line' (only a line number differs: most often the
known 'longstring' one), 'nansign' (only the sign of a NaN), else 'other'. A program's class
is the set of its lines' classes; anything with 'other' needs a look.
"""
import difflib, glob, os, re, sys

def classify(e, a):
    if a and a[0] == '== status timeout':
        return 'timeout'   # the tier's JVM gave up on the program (a loaded machine): run it again alone
    kinds = set()
    sm = difflib.SequenceMatcher(None, e, a, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != 'equal']
    if any('attempt to call a nil value' in x for op in ops for x in e[op[1]:op[2]]) and \
            any('"close"' in y for op in ops for y in a[op[3]:op[4]]):
        # lua5.4.4's bug with a generic for's closing value, a closure in the body and a
        # 'break' (known-divergences.txt 'forclose'): the value is not closed and leaving the
        # loop or the function fails; luahost runs the __close handler
        return 'forclose'
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == 'equal':
            continue
        el, al = e[i1:i2], a[j1:j2]
        if len(el) != len(al):
            kinds.add('other')
            continue
        for x, y in zip(el, al):
            nx, ny = re.sub(r'\.lua:\d+:', '.lua:N:', x), re.sub(r'\.lua:\d+:', '.lua:N:', y)
            if nx == ny and ("n%0'" in x or 'divide by zero' in x):
                kinds.add('intdivzero')
            elif nx == ny:
                kinds.add('line')
            elif x.replace('-nan', 'nan') == y.replace('-nan', 'nan'):
                kinds.add('nansign')
            else:
                kinds.add('other')
    return '+'.join(sorted(kinds))

def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), 'found')
    classes = {}
    for exp in sorted(glob.glob(os.path.join(d, '*.expected'))):
        base = exp[:-len('.expected')]
        e = open(exp, 'rb').read().decode('latin1').split('\n')
        for tier in ('interp', 'compiled'):
            act = base + '.' + tier + '.actual'
            if os.path.exists(act):
                a = open(act, 'rb').read().decode('latin1').split('\n')
                classes.setdefault(classify(e, a), []).append(os.path.basename(base) + '.' + tier)
    for k, v in sorted(classes.items()):
        print(k, len(v), ' '.join(v[:8]) + (' ...' if len(v) > 8 else ''))

if __name__ == '__main__':
    main()
