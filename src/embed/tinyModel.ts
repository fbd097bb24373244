/**
 * Generates a TINY BERT-like model folder that Transformers.js loads like any hub model:
 * `config.json`, `tokenizer.json`, `tokenizer_config.json` and `onnx/model.onnx`.
 *
 * Why: no model hub is reachable on developer machines or CI, yet the Transformers.js path
 * (tokenizer → ONNX session → pooling) must be tested for real. The model is a lookup table:
 * `last_hidden_state = Gather(table, input_ids) * attention_mask`, so mean pooling gives the
 * average of the character vectors — a bag-of-characters embedder, good enough for a test to
 * tell related from unrelated text. Each token's row is seeded by the token's own text (not
 * its vocab position) so `유` and `##유` share a vector and a row does not change when the
 * vocabulary text changes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

// onnx-proto is CommonJS whose `onnx` export the ESM loader cannot see by name.
const { onnx } = onnxProto;

export interface TinyModelOptions {
  /** Hidden size (vector dimension). */
  dimensions?: number;
  /** Longest token sequence the tokenizer keeps (truncation). */
  maxLength?: number;
}

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const ASCII_PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));

/** Builds the folder (idempotent: files whose bytes are already right are not rewritten). */
export async function makeTinyModel(dir: string, vocabText: string, opts: TinyModelOptions = {}): Promise<void> {
  const files = buildTinyModelFiles(vocabText, opts);
  for (const [rel, bytes] of Object.entries(files)) await writeIfChanged(path.join(dir, rel), bytes);
}

/** The folder's files, relative path → bytes; pure, so it is deterministic by construction. */
export function buildTinyModelFiles(vocabText: string, opts: TinyModelOptions = {}): Record<string, Uint8Array> {
  const dim = opts.dimensions ?? 32;
  const maxLength = opts.maxLength ?? 512;
  const vocab = buildVocab(vocabText);
  const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 1) + '\n');
  return {
    'config.json': json({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dim,
      num_hidden_layers: 1,
      num_attention_heads: 1,
      intermediate_size: dim,
      max_position_embeddings: maxLength,
      type_vocab_size: 2,
      vocab_size: vocab.length,
      pad_token_id: 0,
    }),
    'tokenizer.json': json(tokenizerJson(vocab, maxLength)),
    'tokenizer_config.json': json({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      tokenize_chinese_chars: true,
      strip_accents: false,
      model_max_length: maxLength,
      // Without pad_token, batched calls fail inside Transformers.js ("Cannot convert undefined to a BigInt").
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
    }),
    'onnx/model.onnx': onnxModel(vocab, dim),
  };
}

/**
 * Special tokens, printable ASCII, every character of the text, then `##` continuations of all
 * single characters (so WordPiece can spell ANY Korean word as syllables: BertNormalizer only
 * isolates CJK ideographs, Hangul words stay whole), then the text's ASCII words.
 */
export function buildVocab(vocabText: string): string[] {
  const text = vocabText.toLowerCase();
  const chars = new Set<string>(ASCII_PRINTABLE.map((c) => c.toLowerCase()));
  for (const ch of text) if (!/[\s\p{Cc}\p{Cf}]/u.test(ch)) chars.add(ch);
  const sortedChars = [...chars].sort();
  const words = [...new Set(text.match(/[a-z]{2,}/g) ?? [])].sort();
  const out = new Set<string>([...SPECIAL, ...sortedChars, ...sortedChars.map((c) => `##${c}`), ...words]);
  return [...out];
}

function tokenizerJson(vocab: string[], maxLength: number): unknown {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: maxLength, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({
      id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    // strip_accents must be false: accent stripping decomposes (NFD) Hangul syllables into jamo.
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

/** input_ids, attention_mask (int64 [batch, seq]) → last_hidden_state (float [batch, seq, dim]). */
function onnxModel(vocab: string[], dim: number): Uint8Array {
  const table = new Float32Array(vocab.length * dim);
  vocab.forEach((tok, row) => {
    if (tok === '[PAD]') return; // zeros: padding carries nothing even before the mask
    const rand = mulberry32(seedOf(tok.startsWith('##') ? tok.slice(2) : tok));
    for (let k = 0; k < dim; k++) table[row * dim + k] = rand() * 2 - 1;
  });
  const T = onnx.TensorProto.DataType;
  const dims = (...names: string[]) => ({ dim: names.map((n) => ({ dimParam: n })) });
  const io = (name: string, elemType: number, shape: ReturnType<typeof dims>) => ({ name, type: { tensorType: { elemType, shape } } });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'kic-tiny-model',
    graph: {
      name: 'tiny_bert',
      initializer: [
        { name: 'embeddings', dataType: T.FLOAT, dims: [vocab.length, dim], rawData: new Uint8Array(table.buffer) },
        { name: 'axes', dataType: T.INT64, dims: [1], int64Data: [-1] },
      ],
      node: [
        { opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['tokens'], name: 'gather', attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
        // Consuming attention_mask keeps the graph honest: Transformers.js feeds both inputs.
        { opType: 'Cast', input: ['attention_mask'], output: ['mask_f'], name: 'cast', attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: T.FLOAT }] },
        { opType: 'Unsqueeze', input: ['mask_f', 'axes'], output: ['mask_3d'], name: 'unsqueeze' },
        { opType: 'Mul', input: ['tokens', 'mask_3d'], output: ['last_hidden_state'], name: 'mul' },
      ],
      input: [io('input_ids', T.INT64, dims('batch', 'seq')), io('attention_mask', T.INT64, dims('batch', 'seq'))],
      output: [io('last_hidden_state', T.FLOAT, dims('batch', 'seq', 'hidden'))],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function seedOf(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32LE(0);
}

/** Small seeded PRNG (mulberry32): deterministic across runs and platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Atomic and skip-if-same, so parallel test workers generating the same folder never see half a file. */
async function writeIfChanged(file: string, bytes: Uint8Array): Promise<void> {
  try {
    const old = await readFile(file);
    if (Buffer.compare(old, bytes) === 0) return;
  } catch {
    // missing: write it
  }
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}
