/**
 * The command-line tools' flags (src/cli/args.ts): the parser itself, then the real tools as
 * child processes. Incidents behind it: `npm run fit -- --help` refitted and overwrote
 * src/answer/weights.json, and `npm run eval -- --weight=x.json` (a typo) measured the default
 * weights, because unknown flags were ignored. Help and usage errors must stop a tool before
 * it does any work.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CliSpec, CliUsageError, cliArgs, parseCli, usageText } from '../../src/cli/args.js';
import { ROOT } from '../helpers/env.js';

const SPEC = {
  name: 'tool',
  usage: 'npm run tool [-- options]',
  about: 'Does the one thing this tool does, and writes out/result.json.',
  options: {
    check: { type: 'boolean', help: 'only compare, write nothing' },
    out: { type: 'string', arg: 'FILE', help: 'write to FILE' },
    k: { type: 'number', help: 'how many' },
  },
} satisfies CliSpec;

const FREE_TEXT = { ...SPEC, name: 'ask', positionals: true } satisfies CliSpec;

/** The error parseCli throws for `args`, or fails. */
function usageError(args: string[], spec: CliSpec = SPEC): CliUsageError {
  try {
    parseCli(spec, args);
  } catch (e) {
    expect(e).toBeInstanceOf(CliUsageError);
    return e as CliUsageError;
  }
  throw new Error(`parseCli accepted ${JSON.stringify(args)}`);
}

function values(args: string[], spec: CliSpec = SPEC) {
  const r = parseCli(spec, args);
  if (r.help) throw new Error('help');
  return r;
}

describe('parseCli', () => {
  it('rejects an unknown flag, naming it (a misspelt flag is never ignored)', () => {
    expect(usageError(['--bogus']).message).toMatch(/unknown option --bogus/);
    expect(usageError(['--check', '--outt=x']).message).toMatch(/--outt\b/);
    expect(usageError(['-x']).message).toMatch(/unknown option -x/);
    expect(usageError(['--constructor']).message).toMatch(/unknown option --constructor/);
  });

  it('--help and -h give the usage: how it is run, the paragraph, every flag with its line', () => {
    for (const args of [['--help'], ['-h'], ['--check', '--help'], ['--bogus', '-h']]) {
      const r = parseCli(SPEC, args);
      expect(r.help).toBe(true);
      expect(r.text).toContain('usage: npm run tool [-- options]');
      expect(r.text).toContain(SPEC.about);
      expect(r.text).toMatch(/--check\s+only compare, write nothing/);
      expect(r.text).toMatch(/--out=FILE\s+write to FILE/);
      expect(r.text).toMatch(/--k=N\s+how many/);
      expect(r.text).toMatch(/-h, --help\s+\S/);
    }
    expect(usageText(SPEC)).toBe(parseCli(SPEC, ['-h']).text);
  });

  it('booleans are false when absent, true when given', () => {
    expect(values([]).values).toEqual({ check: false, out: undefined, k: undefined });
    expect(values(['--check']).values.check).toBe(true);
  });

  it('a boolean given a value is an error', () => {
    expect(usageError(['--check=yes']).message).toMatch(/--check takes no value/);
  });

  it('string values with = or as the next argument, = inside the value kept', () => {
    expect(values(['--out=a.json']).values.out).toBe('a.json');
    expect(values(['--out', 'a.json']).values.out).toBe('a.json');
    // The old eval parser kept only `a` of `--set=a=b`.
    expect(values(['--out=a=b']).values.out).toBe('a=b');
    expect(values(['--out=-dash']).values.out).toBe('-dash');
  });

  it('a value flag without its value is an error naming it', () => {
    expect(usageError(['--out']).message).toMatch(/--out needs a value: --out=FILE/);
    // Not out='--check': that is a forgotten value.
    expect(usageError(['--out', '--check']).message).toMatch(/--out needs a value/);
    expect(usageError(['--out=']).message).toMatch(/--out/);
  });

  it('numbers are parsed; anything else is an error', () => {
    expect(values(['--k=7']).values.k).toBe(7);
    expect(values(['--k', '0.5']).values.k).toBe(0.5);
    expect(usageError(['--k=abc']).message).toMatch(/--k needs a number.*'abc'/);
    expect(usageError(['--k=']).message).toMatch(/--k/);
  });

  it('free text only where the tool takes it', () => {
    expect(usageError(['stray']).message).toMatch(/unexpected argument 'stray'/);
    const r = values(['유니트리', '점유율은?', '--check'], FREE_TEXT);
    expect(r.positionals).toEqual(['유니트리', '점유율은?']);
    expect(r.values.check).toBe(true);
    // After `--`, even --help is text.
    expect(values(['--', '--help'], FREE_TEXT).positionals).toEqual(['--help']);
  });

  it('--help is built in, not declared', () => {
    expect(() => parseCli({ ...SPEC, options: { help: { type: 'boolean', help: 'x' } } }, [])).toThrow(/built in/);
  });
});

describe('cliArgs', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Runs cliArgs with process.exit and the output streams captured. */
  function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    let exit: string | undefined;
    try {
      cliArgs(SPEC, args);
    } catch (e) {
      exit = (e as Error).message;
    }
    vi.restoreAllMocks();
    return { exit, out: out.join(''), err: err.join('') };
  }

  it('--help: the usage on stdout, exit 0', () => {
    const r = run(['--help']);
    expect(r.exit).toBe('exit 0');
    expect(r.out).toContain(SPEC.about);
    expect(r.err).toBe('');
  });

  it('an unknown flag: one line on stderr naming it and --help, exit 2', () => {
    const r = run(['--bogus']);
    expect(r.exit).toBe('exit 2');
    expect(r.out).toBe('');
    expect(r.err).toBe('tool: unknown option --bogus (run with --help)\n');
  });

  it('valid flags: returned, no exit', () => {
    const r = run(['--check', '--out', 'f']);
    expect(r.exit).toBeUndefined();
  });
});

// The real tools, as `npm run <tool> -- …` runs them (tsx), in child processes.
interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnRun(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    // Killed after a minute: the old parsing would have started a refit, an eval or a server.
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `tsx src/cli/<tool>.ts …` (node --import tsx, as tests/faults/helpers.ts runs the CLIs). */
const tool = (name: string, args: string[], env?: Record<string, string>) => spawnRun(process.execPath, ['--import', 'tsx', path.join('src', 'cli', `${name}.ts`), ...args], env);

const WEIGHTS = path.join(ROOT, 'src', 'answer', 'weights.json');

/** weights.json's content and identity: a refit renames a new file over it, even with the same content. */
function weightsState() {
  const st = fs.statSync(WEIGHTS);
  return { text: fs.readFileSync(WEIGHTS, 'utf8'), ino: st.ino, mtimeMs: st.mtimeMs };
}

describe('the real tools stop before any work', () => {
  it('`npm run fit -- --help` prints the usage, exits 0 and leaves weights.json alone', async () => {
    const before = weightsState();
    const r = await spawnRun('npm', ['run', 'fit', '--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: npm run fit');
    expect(r.stdout).toMatch(/--check\s+only compare a refit/);
    expect(r.stdout).toMatch(/--drop=A,B\s/);
    expect(r.stderr).not.toMatch(/fitted on|written:/);
    expect(weightsState()).toEqual(before);
  });

  it('`fit --bogus` names the flag on stderr, exits 2 and leaves weights.json alone', async () => {
    const before = weightsState();
    const r = await tool('fit', ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('fit: unknown option --bogus (run with --help)');
    expect(weightsState()).toEqual(before);
  });

  it('`eval --weight=x.json` (for --weights) names the flag and exits 2 instead of measuring the defaults', async () => {
    const latest = path.join(ROOT, 'eval-results', 'latest.json');
    const before = fs.existsSync(latest) ? fs.statSync(latest).mtimeMs : undefined;
    const r = await tool('eval', ['--retrieval-only', '--weight=x.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('eval: unknown option --weight (run with --help)');
    expect(fs.existsSync(latest) ? fs.statSync(latest).mtimeMs : undefined).toBe(before);
  });

  it('`ingest --forse` (for --force) exits 2 without building an index', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-cli-args-'));
    try {
      const index = path.join(dir, 'index');
      const r = await tool('ingest', ['--forse'], { MODEL: 'hashed', INDEX_DIR: index });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe('ingest: unknown option --forse (run with --help)');
      expect(fs.existsSync(index)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every tool answers --help with its usage and exit 0, doing nothing else', async () => {
    const tools = ['fit', 'eval', 'ablate', 'bench', 'ingest', 'search', 'ask', 'feedback', 'lexicon', 'start'];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kic-cli-args-'));
    try {
      // An index folder that must stay missing: no tool may build or load one for --help.
      const index = path.join(dir, 'index');
      const runs = await Promise.all(tools.map((t) => tool(t, ['--help'], { MODEL: 'hashed', INDEX_DIR: index, PORT: '0' })));
      runs.forEach((r, i) => {
        expect({ tool: tools[i], code: r.code, usage: r.stdout.startsWith('usage: ') }).toEqual({ tool: tools[i], code: 0, usage: true });
        expect(r.stdout).toMatch(/-h, --help/);
      });
      expect(fs.existsSync(index)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
