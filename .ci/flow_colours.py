#!/usr/bin/env python3
"""Issue 19's colour gate on exported Flow SVGs: within each figure no two named suppliers
share a colour (grey "Other" aside), and a supplier has the same colour in every figure
(figures of one folder under different filters).

Usage: flow_colours.py FIGURE.svg...  Exits 1 and says which country when a rule is broken.
"""
import re
import sys

GREY = "#848482"  # chart::OTHER_COUNTRY
# A supplier node: the node's bar, then its label "Name (count)" anchored at its left.
NODE = re.compile(
    r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" rx="2" fill="(#[0-9a-f]{6})"/>'
    r'\s*<text [^>]*text-anchor="end"[^>]*>([^<]*) \(\d+\)<'
)


def suppliers(path):
    with open(path, encoding="utf-8") as f:
        svg = f.read()
    return [(name, fill) for fill, name in NODE.findall(svg)]


def main(paths):
    seen = {}
    failures = []
    for path in paths:
        nodes = suppliers(path)
        if not nodes:
            failures.append(f"{path}: no supplier nodes found")
        by_colour = {}
        for name, fill in nodes:
            if fill != GREY and by_colour.setdefault(fill, name) != name:
                failures.append(f"{path}: {name} and {by_colour[fill]} share {fill}")
            if seen.setdefault(name, fill) != fill:
                failures.append(f"{path}: {name} is {fill} here, {seen[name]} elsewhere")
        print(f"{path}: {len(nodes)} suppliers, {len(set(f for _, f in nodes))} colours")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
