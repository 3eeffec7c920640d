#!/usr/bin/env python3
"""CI gate for the SIPRI cross-check (issue 20): the seeds checked against the real registers
in ../shared/corpus/sipri, as `armsflow extract --sipri` wrote them (one JSON per register).

usage: sipri_check.py GLOBAL.json SPLIT.json UKRAINE.json
"""
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def marks(d):
    return {
        (t["supplier"]["code"], t["recipient"]["code"], t["category"]): t["register"]
        for t in d["transfers"]
    }


def main(global_path, split_path, ukraine_path):
    bad = []
    g = load(global_path)
    s = g["register_summary"]
    if s["deals"] < 29000:
        bad.append(f"global register: only {s['deals']} deals read")
    if any(p["kind"] == "malformed" for p in s["problems"]):
        bad.append("global register: records left out")
    m = marks(g)
    drones = m.get(("IR", "RU", "drones"))
    if not drones or drones["mark"] != "in-register":
        bad.append(f"Iran -> Russia drones not in the register: {drones}")
    elif not any(d["designation"].startswith("Shahed") for d in drones["deals"]):
        bad.append("Iran -> Russia drones: no Shahed deal shown")
    for key in [("RU", "EG", "commodities"), ("WEST", "RU", "weapons-unspecified")]:
        if key in m and m[key]["mark"] != "not-covered":
            bad.append(f"{key} should be not covered: {m[key]}")
    counts = {}
    for r in m.values():
        counts[r["mark"]] = counts.get(r["mark"], 0) + 1
    print(f"seeds against {s['file']} ({s['deals']} deals): {counts}")

    split = load(split_path)["register_summary"]
    if split["deals"] < 28800 or any(p["kind"] == "malformed" for p in split["problems"]):
        bad.append(f"split-record register: {split['deals']} deals, problems kept")
    print(f"2025-03 register (records split over two lines): {split['deals']} deals, none left out")

    u = load(ukraine_path)
    us = u["register_summary"]
    if us["deals"] != 321:
        bad.append(f"delivery-level register: {us['deals']} deals, not 321")
    for t in u["transfers"]:
        if t["recipient"]["code"] != "UA" and t["register"]["mark"] != "not-covered":
            bad.append(f"delivery-level register holds only Ukraine: {t['id']} marked {t['register']['mark']}")
    print(f"delivery-level register (Ukraine only): {us['deals']} deals")

    for b in bad:
        print("FAIL:", b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(*sys.argv[1:4])
