/**
 * The command-line tools' flags, on node:util parseArgs in strict mode: each tool declares its
 * options (with a line of help each) and gets them back typed. Anything else stops the tool
 * before it does any work: a misspelt flag used to be ignored silently, so that
 * `npm run fit -- --help` refitted and overwrote src/answer/weights.json and
 * `npm run eval -- --weight=x.json` measured the default weights.
 *
 * `--help` / `-h` prints the usage on stdout and exits 0; an unknown flag, a value flag without
 * its value or a flag with a value it does not take prints one line on stderr and exits 2.
 *
 * No imports beyond node: (`npm run feedback` must not load the composition root).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface CliOption {
  /** `number` is a string flag whose value must be a finite number. */
  type: 'boolean' | 'string' | 'number';
  /** The value's placeholder in the usage (`--out=FILE`). */
  arg?: string;
  /** One line: what the flag does. */
  help: string;
}

export interface CliSpec<O extends Record<string, CliOption> = Record<string, CliOption>> {
  /** The tool's name, the prefix of its error lines (`fit: unknown option --bogus`). */
  name: string;
  /** How it is run, e.g. `npm run fit [-- options]`. */
  usage: string;
  /** One paragraph: what the tool does (and writes). */
  about: string;
  options: O;
  /** Free text (ask, search): the words that are not flags, joined by spaces. Off: any is an error. */
  positionals?: boolean;
}

type ValueOf<T extends CliOption['type']> = T extends 'boolean' ? boolean : T extends 'number' ? number | undefined : string | undefined;

/** Booleans are false when absent; string and number flags undefined. */
export type CliValues<O extends Record<string, CliOption>> = { [K in keyof O]: ValueOf<O[K]['type']> };

export interface CliArgs<O extends Record<string, CliOption>> {
  values: CliValues<O>;
  /** The free text's words (empty unless the spec allows positionals). */
  positionals: string[];
}

/** What parseCli found: the usage to print (-h/--help), or the flags. */
export type CliResult<O extends Record<string, CliOption>> = ({ help: true } | ({ help: false } & CliArgs<O>)) & { text: string };

/** A command line the tool does not accept; the message names the flag. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const HELP: CliOption = { type: 'boolean', help: 'print this text and exit, doing nothing else' };

function flagLabel(name: string, o: CliOption): string {
  return o.type === 'boolean' ? `--${name}` : `--${name}=${o.arg ?? (o.type === 'number' ? 'N' : 'VALUE')}`;
}

/** A paragraph in lines of at most `width` characters (a longer word stays whole). */
function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The tool's usage: how it is run, its paragraph, its flags with a line each. */
export function usageText(spec: CliSpec): string {
  const rows: Array<[string, string]> = Object.entries(spec.options).map(([n, o]) => [flagLabel(n, o), o.help]);
  rows.push(['-h, --help', HELP.help]);
  const w = Math.max(...rows.map(([l]) => l.length));
  return [`usage: ${spec.usage}`, '', ...wrap(spec.about), '', 'Options:', ...rows.map(([l, h]) => `  ${l.padEnd(w)}  ${h}`), ''].join('\n');
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The first thing wrong with the command line, in words, or undefined. */
function problem(spec: CliSpec, tokens: Token[]): string | undefined {
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (!spec.positionals) return `unexpected argument '${t.value}'`;
      continue;
    }
    if (t.kind !== 'option') continue;
    // Own keys only: `--constructor` is no option either.
    const o = Object.hasOwn(spec.options, t.name) ? spec.options[t.name] : undefined;
    if (!o) return `unknown option ${t.rawName}`;
    const label = flagLabel(t.name, o);
    if (o.type === 'boolean') {
      if (t.value !== undefined) return `${t.rawName} takes no value (got '${t.rawName}=${t.value}')`;
      continue;
    }
    // Non-strict parsing takes `--out --check` as out='--check' (strict parsing calls it
    // ambiguous); an empty `--out=` would fall back to the default, weights.json for fit.
    if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('-'))) return `${t.rawName} needs a value: ${label}`;
    if (o.type === 'number' && (t.value.trim() === '' || !Number.isFinite(Number(t.value)))) return `${t.rawName} needs a number: ${label} (got '${t.value}')`;
  }
  return undefined;
}

/**
 * Parses `args` (default: this process's) against the spec, without side effects: the help text
 * when -h/--help is among the flags (even beside wrong ones), else the values; throws
 * CliUsageError naming the flag that is unknown, lacks its value or has one it does not take.
 */
export function parseCli<O extends Record<string, CliOption>>(spec: CliSpec<O>, args: string[] = process.argv.slice(2)): CliResult<O> {
  if (Object.hasOwn(spec.options, 'help')) throw new Error(`${spec.name}: --help is built in`);
  const text = usageText(spec);
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [n, o] of Object.entries(spec.options)) options[n] = { type: o.type === 'boolean' ? 'boolean' : 'string' };
  // A lenient pass first, for -h anywhere and for messages of our own that name the flag.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true, text };
  const p = problem(spec as CliSpec, tokens);
  if (p) throw new CliUsageError(p);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: spec.positionals ?? false });
  } catch (e) {
    // Whatever the lenient pass did not foresee: node's own first line.
    throw new CliUsageError((e instanceof Error ? e.message : String(e)).split('\n')[0]!);
  }
  const values: Record<string, boolean | number | string | undefined> = {};
  for (const [n, o] of Object.entries(spec.options)) {
    const v = parsed.values[n];
    values[n] = o.type === 'boolean' ? v === true : typeof v === 'string' ? (o.type === 'number' ? Number(v) : v) : undefined;
  }
  return { help: false, values: values as CliValues<O>, text, positionals: parsed.positionals };
}

/** One line on stderr naming the tool and the problem, and exit 2 (a usage error). */
export function usageFail(spec: Pick<CliSpec, 'name'>, message: string): never {
  process.stderr.write(`${spec.name}: ${message} (run with --help)\n`);
  process.exit(2);
}

/**
 * What each tool calls first, before any work: its flags, or the usage on stdout and exit 0
 * (--help), or a one-line error on stderr and exit 2.
 */
export function cliArgs<O extends Record<string, CliOption>>(spec: CliSpec<O>, args: string[] = process.argv.slice(2)): CliArgs<O> {
  let r: CliResult<O>;
  try {
    r = parseCli(spec, args);
  } catch (e) {
    if (e instanceof CliUsageError) usageFail(spec, e.message);
    throw e;
  }
  if (r.help) {
    process.stdout.write(r.text);
    process.exit(0);
  }
  return { values: r.values, positionals: r.positionals };
}
