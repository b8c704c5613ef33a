// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Throughput of the npm package `tiktoken` (Rust core as WASM) on one text file, for a
// side-by-side comparison with bench_tokenizer. Uses tools/node_modules (cd tools && npm ci).
// cl100k_base runs with the pattern of Python tiktoken >= 0.7, like our implementation.
//
// Usage: node bench/tiktoken-npm-bench.mjs TEXT_FILE [REPEATS]

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "tools", "package.json"));
const { Tiktoken } = require("tiktoken/lite");
const encoders = path.join(here, "..", "tools", "node_modules", "tiktoken", "encoders");

const file = process.argv[2];
const repeats = Number(process.argv[3] ?? 5);
if (!file) {
  console.error("usage: node tiktoken-npm-bench.mjs TEXT_FILE [REPEATS]");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
const bytes = Buffer.byteLength(text);
const CL100K_PATTERN = String.raw`'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`;

// "cl100k_base (npm pattern)" is what get_encoding("cl100k_base") of the package runs.
for (const [label, name] of [["cl100k_base", "cl100k_base"], ["cl100k_base (npm pattern)", "cl100k_base"], ["o200k_base", "o200k_base"]]) {
  const def = JSON.parse(readFileSync(path.join(encoders, `${name}.json`), "utf8"));
  const t0 = performance.now();
  const enc = new Tiktoken(def.bpe_ranks, def.special_tokens, label === "cl100k_base" ? CL100K_PATTERN : def.pat_str);
  const loadMs = performance.now() - t0;
  let best = Infinity;
  let tokens = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    tokens = enc.encode_ordinary(text).length;
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  console.log(`${label.padEnd(12)} npm tiktoken: ${tokens} tokens, best of ${repeats}: ${(best * 1000).toFixed(1)} ms, ` +
    `${(tokens / best / 1e6).toFixed(2)} M tokens/s, ${(bytes / best / 1e6).toFixed(2)} MB/s (load ${loadMs.toFixed(0)} ms)`);
  enc.free();
}
