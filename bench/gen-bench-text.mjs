// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes a deterministic benchmark text of about 4 MB: English prose, source code in
// several languages, chat JSONL and multilingual prose (CJK, Cyrillic, Arabic, Hindi,
// Thai, accented Latin, emoji), interleaved in blocks the way a fine-tuning data set mixes them.
//
// Usage: node bench/gen-bench-text.mjs OUT_FILE [MEGABYTES]

import { writeFileSync } from "node:fs";

const out = process.argv[2];
const megabytes = Number(process.argv[3] ?? 4);
if (!out) {
  console.error("usage: node gen-bench-text.mjs OUT_FILE [MEGABYTES]");
  process.exit(2);
}

let seed = 12345;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(random() * a.length)];
const int = (n) => Math.floor(random() * n);

const words = (`the of and to in is that it was for on are as with his they at be this from have or by one had
not but what all were when we there can an your which their said if do will each about how up out them then she
many some so these would other into has more her two like him see time could no make than first been its who now
people my made over did down only way find use may water long little very after words called just where most know
model training data prompt token response assistant user system evaluation dataset batch learning rate epoch loss
validation fine tune template example output input quality budget latency context window temperature sampling
because however although therefore meanwhile nevertheless whereas moreover instead otherwise accordingly indeed
government company number group problem fact hand part place case week point home water room mother area money
story month lot right study book eye job word business issue side kind head house service friend father power hour
game line end member law car city community name president team minute idea kid body information back parent face
others level office door health person art war history party result change morning reason research girl guy moment
air teacher force education don't I'm they're we've you'll it's isn't can't won't she'd he's`).split(/\s+/);
const names = ["Alice", "Bob", "OpenAI", "GPT-4o", "Qt", "Linux", "Monday", "London", "Dr. Smith", "NASA", "iPhone", "McDonald's"];

function sentence() {
  const n = 6 + int(18);
  const parts = [];
  for (let i = 0; i < n; i++) {
    let w = random() < 0.07 ? pick(names) : pick(words);
    if (random() < 0.04) w = String(int(random() < 0.5 ? 100 : 100000));
    if (random() < 0.06 && i < n - 1) w += ",";
    parts.push(w);
  }
  parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
  const end = pick([".", ".", ".", ".", "?", "!", "...", ":"]);
  let s = parts.join(" ") + end;
  if (random() < 0.1) s = `"${s}"`;
  if (random() < 0.08) s += ` (${pick(words)} ${int(1000)}%)`;
  return s;
}
const paragraph = () => Array.from({ length: 3 + int(6) }, sentence).join(" ");

const ident = () => pick(["value", "count", "index", "result", "buffer", "name", "items", "config", "node", "token"]) +
  pick(["", "", "Count", "List", "_id", "Map", "2", "Size"]);
const codeBlocks = [
  () => `def ${ident()}(${ident()}, ${ident()}=None):\n    """${sentence()}"""\n    if ${ident()} is None:\n        return []\n    for i in range(${int(100)}):\n        ${ident()}.append(i * ${int(9) + 1})\n    return ${ident()}\n\n`,
  () => `template<typename T>\nstd::vector<T> ${ident()}(const std::vector<T>& ${ident()}) {\n    std::vector<T> out;\n    out.reserve(${ident()}.size());\n    for (const auto& x : ${ident()}) {\n        if (x > ${int(50)}) out.push_back(x);\n    }\n    return out; // ${sentence()}\n}\n\n`,
  () => `export async function ${ident()}(req, res) {\n  const { ${ident()}, ${ident()} } = req.body ?? {};\n  try {\n    const r = await fetch(\`/api/v1/${ident()}/\${${ident()}}\`);\n    res.json({ ok: true, data: await r.json() });\n  } catch (err) {\n    console.error("${sentence()}", err);\n  }\n}\n\n`,
  () => `fn ${ident()}(input: &[u8]) -> Result<Vec<u32>, Error> {\n    let mut acc = Vec::with_capacity(input.len());\n    for (i, b) in input.iter().enumerate() {\n        acc.push(u32::from(*b) + i as u32);\n    }\n    Ok(acc)\n}\n\n`,
  () => `SELECT ${ident()}, COUNT(*) AS n\nFROM ${ident()}\nWHERE created_at >= '2024-0${1 + int(9)}-1${int(9)}'\nGROUP BY 1\nORDER BY n DESC\nLIMIT ${int(100)};\n\n`,
];
const chatLine = () => JSON.stringify({ messages: [
  { role: "system", content: "You are a concise assistant." },
  { role: "user", content: sentence() + " " + sentence() },
  { role: "assistant", content: paragraph() },
] }) + "\n";
const multilingual = [
  "自然语言处理是人工智能的一个重要领域，它研究如何让计算机理解和生成人类语言。今天的模型可以翻译、总结和回答问题。",
  "東京は日本の首都であり、世界で最も人口の多い都市圏の一つです。私は毎朝コーヒーを飲みながらニュースを読みます。",
  "한국어는 한글이라는 고유한 문자를 사용합니다. 오늘 날씨가 정말 좋네요!",
  "Машинное обучение позволяет компьютерам учиться на данных без явного программирования. Это очень интересно.",
  "التعلم الآلي هو فرع من فروع الذكاء الاصطناعي، ويهتم بتطوير خوارزميات تتعلم من البيانات.",
  "मशीन लर्निंग कृत्रिम बुद्धिमत्ता की एक शाखा है जो डेटा से सीखती है। यह बहुत उपयोगी है।",
  "การเรียนรู้ของเครื่องเป็นสาขาหนึ่งของปัญญาประดิษฐ์ที่เรียนรู้จากข้อมูล",
  "Die Straße in München ist schön; Ærøskøbing und Łódź liegen weit auseinander. Ça va très bien, merci!",
  "Η μηχανική μάθηση είναι ένας κλάδος της τεχνητής νοημοσύνης. שלום עולם, זה טקסט בעברית.",
  "Great job 👍🏽! Let's celebrate 🎉🎉 with the family 👨‍👩‍👧‍👦 in 🇯🇵 — ❤️‍🔥 so much fun 😀.",
];

const target = megabytes * 1024 * 1024;
const chunks = [];
let size = 0;
while (size < target) {
  const r = random();
  let block;
  if (r < 0.45) block = paragraph() + "\n\n";
  else if (r < 0.7) block = pick(codeBlocks)();
  else if (r < 0.85) block = chatLine();
  else block = Array.from({ length: 2 + int(4) }, () => pick(multilingual)).join(" ") + "\n\n";
  chunks.push(block);
  size += Buffer.byteLength(block);
}
writeFileSync(out, chunks.join(""));
console.log(`${out}: ${size} bytes`);
