#!/usr/bin/env python3
"""Writes the hostile session files of tests/hostile/sessions/ (the cases, not their .expect
files). Run from the repository root when a case needs to change: the files are committed,
and a session's header carries its scenario's FNV-1a hash, which this script computes."""
import json
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sessions")


def fnv1a(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


SOURCE = ('return { id = "kitchen", title = "Kitchen", description = "A hostile case.",'
          ' difficulty = 1 }\n')


def header(**over):
    h = {"type": "header", "format": 4, "min_reader": 1, "game_version": "0.1.0",
         "scenario_id": "kitchen", "scenario_path": "scripts/scenarios/kitchen.lua",
         "scenario_title": "Kitchen", "scenario_source": SOURCE, "rules_hash": "0123456789abcdef",
         "players": ["Ana", "Ben"], "first": 0, "seed": "7", "started": "2026-12-05T10:00:00Z"}
    h.update(over)
    h["scenario_hash"] = fnv1a(h["scenario_source"])
    return h


def turn(n, player, kind, text, points=0, moves=(), role=None):
    return {"type": "turn", "n": n, "round": 1, "player": player,
            "role": role or ("customer" if player == 0 else "agent"), "kind": kind,
            "text": text, "ms": 1000 * n, "points": points,
            "moves": [{"tag": t, "points": p, "reason": r} for t, p, r in moves]}


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


ESC = "\x1b[31m"  # a terminal colour, and with \r a line that hides the one before
IMG = "<img src=x onerror=alert(1)>"


def markup_everywhere():
    hostile = IMG + " <script>alert(2)</script> [link](javascript:x) **b** | cell " + ESC + "\r"
    h = header(started=IMG, players=[IMG + ESC, "<script>B</script>"],
               scenario_id="<b>id</b>" + ESC, scenario_path=hostile, scenario_title=hostile,
               game_version=IMG + ESC, rules_hash="</code>" + IMG + ESC)
    lines = [h,
             turn(1, 0, "startup", hostile, 3, [("soft_startup", 3, hostile)]),
             turn(2, 1, "<img src=x>", hostile, -4, [("<script>x</script>", -4, hostile)]),
             turn(3, 1, "park", hostile),
             turn(4, 0, "rating", IMG + ESC),
             turn(5, 1, "reply", hostile, 3, [("reflection", 3, hostile)]),
             turn(6, -1, "note", hostile + "\n" + ESC + "second line")]
    write("markup_everywhere.jsonl", lines)


def points_overflow():
    lines = [header()]
    for n in range(1, 4):
        lines.append(turn(n, n % 2, "reply", "worth a lot", 16000,
                          [("reflection", 1000, "x")] * 16))
    for n in range(4, 9):  # two billion each: an int would wrap after two of them
        lines.append(turn(n, n % 2, "reply", "worth too much", 2000000000,
                          [("reflection", 2000000000, "x")]))
    write("points_overflow.jsonl", lines)


def long_answer():
    lines = [header(), {"type": "answer", "kind": "text", "text": "a" * 5000, "ms": 10},
             turn(1, 0, "startup", "b" * 5000), turn(2, 1, "reply", "short")]
    write("long_answer.jsonl", lines)


def title_by_code():
    source = ('print("THE STORED SCENARIO RAN")\nwhile true do end\n'
              'return { id = "loop", title = "Never read", description = "d", difficulty = 1 }\n')
    lines = [header(scenario_source=source, scenario_id="loop"), turn(1, 0, "startup", "hello")]
    del lines[0]["scenario_title"]  # as in a file of format 3
    lines[0]["format"] = 3
    write("title_by_code.jsonl", lines)


if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    markup_everywhere()
    points_overflow()
    long_answer()
    title_by_code()
