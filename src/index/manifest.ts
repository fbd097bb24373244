/**
 * The build manifest as untrusted data: parsed with a zod schema, checked against its own
 * checksum (kept outside the manifest, see store.ts) and against the set of data files a build
 * must have. Any missing field, wrong type, unknown value or mismatch is an INDEX_CORRUPT
 * naming what was wrong, which the composition root answers with a rebuild — never a
 * TypeError at start or a 500 at the first question.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Manifest } from '../types.js';
import { FILES } from './format.js';

export const SCHEMA_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest');
const count = z.number().int().nonnegative();

export const manifestSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    builtAt: z.string().datetime(),
    corpus: z.record(z.string().min(1), sha256Hex),
    embedder: z
      .object({
        id: z.string().min(1),
        // 1..65536: every real embedding model is far inside; a corrupted digit usually is too,
        // which is why dimensions are also checked against the HNSW file and the vector file.
        dimensions: z.number().int().min(1).max(65_536),
        kind: z.enum(['transformers', 'hashed']),
      }),
    chunking: z.object({ targetChars: z.number().int().min(1), maxChars: z.number().int().min(1), overlapSentences: z.number().int().min(0) }),
    pipeline: z.string().min(1),
    counts: z.object({ reports: count, articles: count, chunks: count, glossary: count }),
    files: z.record(z.string().regex(/^[\w.-]+$/, 'expected a plain file name'), sha256Hex),
  })
  // Unknown keys are dropped, not refused: a field added by a later version is not corruption
  // (schemaVersion says when the format really changed).
  .superRefine((m, ctx) => {
    // An empty or partial file map would switch the checksum check off for the missing files:
    // every data file a build writes must be listed.
    for (const f of Object.values(FILES)) {
      if (!(f in m.files)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['files', f], message: 'missing: every index file must be listed with its checksum' });
    }
  });

// The schema and the Manifest type (src/types.ts) must describe the same thing: a field added to
// one and not the other fails the type check here rather than every start.
type Parsed = z.infer<typeof manifestSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// (schemaVersion is a number in the type, the one version this code reads in the schema.)
const schemaMatchesType: Same<Parsed, Omit<Manifest, 'schemaVersion'> & { schemaVersion: typeof SCHEMA_VERSION }> = true;
void schemaMatchesType;

/** sha256 of the manifest's exact bytes, as recorded beside CURRENT at commit. */
export function manifestChecksum(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** "embedder.dimensions: Expected number, received string" — the first problem, by path. */
function describe(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Parses manifest bytes; throws INDEX_CORRUPT naming the file and the first bad fields. */
export function parseManifest(bytes: Buffer, file: string): Manifest {
  const how = 'rebuild with `npm run ingest -- --force` (`npm start` does it by itself)';
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new AppError('INDEX_CORRUPT', `Index manifest ${file} is not valid JSON (${(e as Error).message}); ${how}.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('INDEX_CORRUPT', `Index manifest ${file} is invalid (${describe(parsed.error)}); ${how}.`);
  return parsed.data;
}
