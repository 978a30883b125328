#!/usr/bin/env python3
"""Where the lines of an expansion go: each coroutine of the macro's output (STACKLESS_DEBUG_EXPAND, laid out by
rustfmt) split into three parts, counted as compile_cost.sh counts lines (non-blank, not comments):

- start arm: the `Unresumed` arm, which runs the body from its beginning (about what a body emitted once takes);
- resume arms: the arms of the suspension points and of the groups of points, each running the rest of the body
  from its point (the copies that an emission of each loop once would save);
- scaffolding: the rest, which every coroutine has whatever its body: the state enums with a doc per state, the
  `States` impl, the lint allowances, the `Machine` call, the guard, the dispatch and the finished/poisoned arms.

Usage: expansion_parts.py EXPANDED.rs [OUTSIDE_LINES]. With OUTSIDE_LINES (the module's lines that aren't in a
coroutine) and the source's line count, the last line gives the smallest expansion this scaffolding allows: every
resume arm gone, each body emitted once by its start arm.
"""
import re
import sys


def code_lines(path):
    return [l for l in open(path).read().splitlines() if l.strip() and not l.strip().startswith('//')]


def indent(line):
    return len(line) - len(line.lstrip())


def block_end(lines, i):
    """The line closing the arm or `if let` block opened at line i (its `}` at the same indent; a pattern's
    closing `} => {` or `} = &mut ..` is not it)."""
    k = indent(lines[i])
    j = i + 1
    while not (indent(lines[j]) == k and lines[j].strip().startswith('}') and '=' not in lines[j]):
        j += 1
    return j


START = re.compile(r'\w+State::(Idle\(\w+Idle::)?Unresumed (\{\}\)? =>|\{.*: __p_|\{$)')
RESUME = re.compile(r'(if let )?\w+State::(Suspend|Group)\d+ ?\{')


def parts(lines):
    """(name, total, start, resume) for each top-level fn of the output."""
    fns, current = [], None
    for line in lines:
        if line.startswith('fn '):
            current = [line]
            fns.append(current)
        elif current is not None:
            current.append(line)
    for f in fns:
        counts = {'start': 0, 'resume': 0}
        i = next(n for n, l in enumerate(f) if '|__guard' in l)
        while i < len(f):
            text = f[i].strip()
            kind = 'start' if START.match(text) else 'resume' if RESUME.match(text) else None
            if kind is None:
                i += 1
                continue
            end = block_end(f, i)
            counts[kind] += end - i + 1
            i = end + 1
        yield f[0][3:].split('(')[0], len(f), counts['start'], counts['resume']


def main():
    rows = list(parts(code_lines(sys.argv[1])))
    total = sum(r[1] for r in rows)
    start = sum(r[2] for r in rows)
    resume = sum(r[3] for r in rows)
    scaffolding = total - start - resume
    print(f"{'coroutine':28} {'lines':>6} {'start':>6} {'resume':>6} {'scaffolding':>11}")
    for name, lines, s, r in rows:
        print(f"{name:28} {lines:6} {s:6} {r:6} {lines - s - r:11}")
    print(f"{'all ' + str(len(rows)):28} {total:6} {start:6} {resume:6} {scaffolding:11}")
    if len(sys.argv) > 3:
        outside, source = int(sys.argv[2]), int(sys.argv[3])
        floor = outside + scaffolding + start
        print(f"without the resume arms: {floor} lines ({floor / source:.2f}x of the source's {source})")


main()
