import path from 'node:path';
import fs from 'node:fs';
import { costSection } from './src/bench/sections/cost.js';
const rows = fs.readFileSync('eval/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const ctx: any = { root: process.cwd(), work: '.tmp/bench', indexDir: path.resolve('.tmp/bench-index'), quick: false, questions: { bodies: rows.map((r: any) => JSON.stringify({ message: r.question })) }, say: (s: string) => console.error(s), results: {} };
console.log(await costSection.run(ctx));
