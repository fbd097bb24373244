/**
 * The composition root: config → embedder → index (built when missing, stale or corrupt) →
 * retriever → answerer → chat service → AppContext. The only place that picks the default
 * implementation of each seam.
 */
import type { Logger } from 'pino';
import { termStatsFromTexts } from '../answer/corpus.js';
import { ExtractiveAnswerer } from '../answer/extractive.js';
import { MemorySessionStore } from '../chat/sessions.js';
import { MemoryDedupStore } from '../state/dedup.js';
import { JsonlFeedbackStore } from '../feedback/store.js';
import { DefaultChatService, type QuestionRewriter } from '../chat/service.js';
import type { Config } from '../config.js';
import { createEmbedder } from '../embed/load.js';
import { type BuildProgress, type BuildSummary, buildIndex } from '../index/build.js';
import { hashCorpus } from '../ingest/corpusFiles.js';
import { type LoadedIndex, checkStaleness, loadIndex } from '../index/load.js';
import { openBuild } from '../index/store.js';
import { HybridRetriever, type RetrievalTuning } from '../retrieve/retriever.js';
import { isAppError } from '../errors.js';
import type { Answerer, ChunkingOptions, Embedder } from '../types.js';
import type { AppContext } from './context.js';

export function chunkingFrom(config: Config): ChunkingOptions {
  return { targetChars: config.CHUNK_TARGET_CHARS, maxChars: config.CHUNK_MAX_CHARS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES };
}

export interface PrepareOptions {
  force?: boolean;
  /** Embed every chunk again (no re-use of the live build's vectors). */
  fresh?: boolean;
  onProgress?: (p: BuildProgress) => void;
  onBuilt?: (s: BuildSummary) => void;
}

/**
 * Makes sure INDEX_DIR holds a build that matches the corpus, the embedder and the chunking,
 * rebuilding it when it is missing, stale or corrupt, and loads it.
 */
export async function prepareIndex(config: Config, embedder: Embedder, log: Logger, opts: PrepareOptions = {}): Promise<LoadedIndex> {
  const chunking = chunkingFrom(config);
  const build = async (why: string) => {
    log.info({ reason: why }, 'building the index');
    const summary = await buildIndex({
      corpusDir: config.paths.corpus,
      indexDir: config.paths.index,
      embedder,
      chunking,
      reuse: !opts.fresh,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    opts.onBuilt?.(summary);
  };
  const staleness = checkStaleness(config.paths.index, { corpus: hashCorpus(config.paths.corpus), embedder: embedder.info, chunking });
  if (opts.force) await build('forced');
  else if (staleness.stale) {
    // A corrupt or truncated build is a fault worth a warning (naming the file), not routine staleness.
    const corrupt = corruption(config.paths.index);
    if (corrupt) log.warn({ err: corrupt }, 'the index is corrupt; rebuilding it');
    await build(staleness.reasons.join('; '));
  }
  try {
    return loadIndex(config.paths.index);
  } catch (e) {
    // A corrupt or truncated index (checksum mismatch) is rebuilt rather than served.
    if (!isAppError(e) || e.code !== 'INDEX_CORRUPT') throw e;
    log.warn({ err: e.message }, 'the index is corrupt; rebuilding it');
    await build(`corrupt: ${e.message}`);
    return loadIndex(config.paths.index);
  }
}

/** The INDEX_CORRUPT message of the live build (a checksum mismatch names the file), if it is corrupt. */
function corruption(indexDir: string): string | undefined {
  try {
    openBuild(indexDir);
    return undefined;
  } catch (e) {
    return isAppError(e) && e.code === 'INDEX_CORRUPT' ? e.message : undefined;
  }
}

/**
 * The answerer: extractive, or the configured LLM with extractive as its fallback. The LLM
 * stack (LangChain + the OpenAI client: about 0.5 s and 60 MB to load) is imported only when
 * LLM_BASE_URL is set, so a server without an LLM starts faster and smaller.
 */
export async function createAnswerer(config: Config, log: Logger, index?: LoadedIndex): Promise<{ answerer: Answerer; rewriter?: QuestionRewriter }> {
  // Corpus-wide term statistics let the answerer tell "a word the report never mentions" (주가
  // in "테슬라 주가 전망은?") from one the retrieved passages happen to lack.
  const extractive = new ExtractiveAnswerer(index ? { termStats: termStatsFromTexts(index.chunks.map((c) => `${c.header} ${c.text}`)) } : {});
  if (!config.LLM_BASE_URL) return { answerer: extractive };
  const { createLlmAnswerer } = await import('../answer/index.js');
  // Logged without the endpoint's error text, which can echo request details such as keys.
  const llm = createLlmAnswerer(config, extractive, (e) => log.warn({ primary: e.primary, error: (e.error as Error)?.name }, 'LLM answer replaced by the extractive one'))!;
  log.info({ baseURL: config.LLM_BASE_URL, model: config.LLM_MODEL }, 'answers through the configured LLM, extractive on failure');
  return {
    answerer: llm.answerer,
    rewriter: { rewrite: (history, question, signal) => llm.rewriter.rewriteQuestion(history, question, signal) },
  };
}

export interface ContextOptions extends PrepareOptions {
  logger: Logger;
  embedder?: Embedder;
  now?: () => number;
  /** Retrieval tuning overrides (the eval's experiments). */
  tuning?: Partial<RetrievalTuning>;
}

export async function createContext(config: Config, opts: ContextOptions): Promise<AppContext> {
  const log = opts.logger;
  const embedder = opts.embedder ?? (await createEmbedder(config, { info: (m) => log.info(m), warn: (m) => log.warn(m) }));
  const index = await prepareIndex(config, embedder, log, opts);
  const retriever = new HybridRetriever({ chunks: index.chunks, vector: index.vector, lexical: index.lexical, glossary: index.glossary, embedder, ...(opts.tuning ? { tuning: opts.tuning } : {}) });
  const { answerer, rewriter } = await createAnswerer(config, log, index);
  const sessions = new MemorySessionStore({
    maxTurns: config.SESSION_MAX_TURNS,
    ttlMs: config.SESSION_TTL_MINUTES * 60_000,
    maxSessions: config.MAX_SESSIONS,
    ...(config.SESSION_FILE ? { file: config.SESSION_FILE } : {}),
  });
  const chat = new DefaultChatService({ retriever, answerer, sessions, defaultTopK: config.TOP_K, ...(rewriter ? { rewriter } : {}) });
  return { config, index, retriever, chat, embedder, logger: log, sessions, dedup: new MemoryDedupStore(), feedback: new JsonlFeedbackStore({ file: config.paths.feedback, maxBytes: config.FEEDBACK_MAX_BYTES }), ...(opts.now ? { now: opts.now } : {}) };
}
