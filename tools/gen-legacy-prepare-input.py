#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Tunebench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Random legacy prompt/completion JSONL for comparing `tunebench prepare -q` with the
real openai-python v0.28 tool: python3 gen-legacy-prepare-input.py SEED > data.jsonl.
The fixtures in tests/core/data/validators/prepare/reference were made with it."""
import json
import random
import sys


def gen(seed):
    r = random.Random(seed)
    n = r.choice([2, 3, 5, 8, 12, 30, 120, 1300])
    words = ["alpha","Beta","GAMMA","delta","épée","naïve","日本","emoji😀","x","Y","the","race","car","won"]
    classification = r.random() < 0.3
    labels = [" yes"," no"," maybe","positive","Negative"][:r.randint(2,5)]
    ppre = r.choice(["", "", "Question: ", "Summarize the following long text please: ", "Q"])
    psuf = r.choice(["", "", " ->", "\n\n###\n\n", "?", " END"])
    cpre = r.choice(["", "", " Answer: ", "Answer", " "])
    csuf = r.choice(["", "", ".", "\n", " END", "###"])
    upper = r.random() < 0.15
    rows = []
    for i in range(n):
        p = ppre + " ".join(r.choice(words) for _ in range(r.randint(0, 8))) + psuf
        if classification:
            c = r.choice(labels)
        else:
            c = cpre + " ".join(r.choice(words) for _ in range(r.randint(0, 6))) + csuf
        if upper: p = p.upper(); c = c.upper()
        if r.random() < 0.05: c = ""
        if r.random() < 0.03: p = "long " * 2100
        row = {"prompt": p, "completion": c}
        if r.random() < 0.05 and rows: row = dict(rows[r.randrange(len(rows))])
        rows.append(row)
    extra = r.random() < 0.1
    capkey = r.random() < 0.08
    out = []
    for row in rows:
        d = {}
        for k, v in row.items():
            d[("Prompt" if capkey and k == "prompt" else k)] = v
        if extra: d["meta"] = r.choice(["a", "b", 1])
        if r.random() < 0.02: d["completion"] = r.choice([None, 5, 1.5, True])
        out.append(d)
    return "".join(json.dumps(d, ensure_ascii=r.random()<0.5) + "\n" for d in out)
if __name__ == "__main__":
    sys.stdout.write(gen(int(sys.argv[1])))
