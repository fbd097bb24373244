/**
 * The composition root: config → embedder → index (built when missing, stale or corrupt) →
 * retriever → answerer → chat service → AppContext. The only place that picks the default
 * implementation of each seam.
 */
import type { Logger } from 'pino';
import { ReportText, type TermStats, isCommonWord, termStatsFromTexts } from '../answer/corpus.js';
import { type AnswerWeights, ExtractiveAnswerer } from '../answer/extractive.js';
import { createState } from '../state/index.js';
import { tocEntries } from '../frame/references.js';
import { JsonlFeedbackStore } from '../feedback/store.js';
import { DefaultChatService, type QuestionRewriter } from '../chat/service.js';
import type { Config } from '../config.js';
import { createEmbedder } from '../embed/load.js';
import { type BuildProgress, type BuildSummary, buildIndex, sweepLeftovers } from '../index/build.js';
import { hashCorpus } from '../ingest/corpusFiles.js';
import { type LoadedIndex, checkStaleness, loadIndex } from '../index/load.js';
import { openBuild } from '../index/store.js';
import { HybridRetriever, type RetrievalTuning } from '../retrieve/retriever.js';
import { isAppError } from '../errors.js';
import type { Answerer, ChunkingOptions, Embedder } from '../types.js';
import type { AppContext } from './context.js';
import { llmFailureFacts } from './llmFailure.js';

export function chunkingFrom(config: Config): ChunkingOptions {
  return { targetChars: config.CHUNK_TARGET_CHARS, maxChars: config.CHUNK_MAX_CHARS, overlapSentences: config.CHUNK_OVERLAP_SENTENCES };
}

export interface PrepareOptions {
  force?: boolean;
  /** Embed every chunk again (no re-use of the live build's vectors). */
  fresh?: boolean;
  onProgress?: (p: BuildProgress) => void;
  onBuilt?: (s: BuildSummary) => void;
  /**
   * false: load the live build as it is, never build (a cluster worker: the primary has built
   * it, and N workers must not race for the build lock or each print a progress bar).
   */
  build?: boolean;
}

/**
 * Makes sure INDEX_DIR holds a build that matches the corpus, the embedder and the chunking,
 * rebuilding it when it is missing, stale or corrupt, and loads it.
 */
export async function prepareIndex(config: Config, embedder: Embedder, log: Logger, opts: PrepareOptions = {}): Promise<LoadedIndex> {
  // The embedder's dimensions are checked at load: a mismatch would fail every question.
  const expect = { dimensions: embedder.info.dimensions };
  if (opts.build === false) return loadIndex(config.paths.index, expect);
  // loadIndex verifies the checksums itself: not twice.
  const build = await ensureIndex(config, embedder, log, opts, { verify: false });
  try {
    return loadIndex(config.paths.index, expect);
  } catch (e) {
    // A corrupt or truncated index (checksum mismatch, inconsistent files) is rebuilt rather than served.
    if (!isAppError(e) || e.code !== 'INDEX_CORRUPT') throw e;
    log.warn({ err: e.message }, 'the index is corrupt; rebuilding it');
    await build(`corrupt: ${e.message}`);
    return loadIndex(config.paths.index, expect);
  }
}

/**
 * The build step of prepareIndex without loading the result (a cluster primary, which serves
 * nothing, checks and builds; its workers load). Verifies the live build's checksums, so a
 * corrupt build is rebuilt here too. Returns the build function for a caller that finds
 * corruption later.
 */
export async function ensureIndex(config: Config, embedder: Embedder, log: Logger, opts: PrepareOptions = {}, check: { verify?: boolean } = {}): Promise<(why: string) => Promise<void>> {
  const chunking = chunkingFrom(config);
  // A leftover lock (its owner dead, or a pid now used by another process, or not a file) is
  // taken over with one warning; what dead builders left is swept before anything else.
  const lock = { onTakeover: (reason: string) => log.warn(reason) };
  const swept = sweepLeftovers(config.paths.index, { lock });
  if (swept.removed.length) log.warn({ removed: swept.removed }, 'removed what an interrupted index build left behind');
  const build = async (why: string) => {
    log.info({ reason: why }, 'building the index');
    const summary = await buildIndex({
      corpusDir: config.paths.corpus,
      indexDir: config.paths.index,
      embedder,
      chunking,
      lock,
      reuse: !opts.fresh,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    opts.onBuilt?.(summary);
  };
  const staleness = checkStaleness(config.paths.index, { corpus: hashCorpus(config.paths.corpus), embedder: embedder.info, chunking });
  if (opts.force) await build('forced');
  else if (staleness.stale) {
    // A corrupt or truncated build is a fault worth a warning (naming the file), not routine staleness.
    const corrupt = corruption(config.paths.index, embedder.info);
    if (corrupt) log.warn({ err: corrupt }, 'the index is corrupt; rebuilding it');
    await build(staleness.reasons.join('; '));
  } else if (check.verify !== false) {
    const corrupt = corruption(config.paths.index, embedder.info);
    if (corrupt) {
      log.warn({ err: corrupt }, 'the index is corrupt; rebuilding it');
      await build(`corrupt: ${corrupt}`);
    }
  }
  return build;
}

/**
 * The INDEX_CORRUPT message of the live build (a checksum mismatch names the file), if it is
 * corrupt. The same embedder id with other dimensions is corruption too (an id fixes its
 * dimensions), not routine staleness.
 */
function corruption(indexDir: string, now: Embedder['info']): string | undefined {
  try {
    const m = openBuild(indexDir).manifest;
    if (m.embedder.id === now.id && m.embedder.dimensions !== now.dimensions) {
      return `Index manifest of ${indexDir} says embedder ${m.embedder.id} has ${m.embedder.dimensions} dimensions, it has ${now.dimensions}; rebuilding.`;
    }
    return undefined;
  } catch (e) {
    return isAppError(e) && e.code === 'INDEX_CORRUPT' ? e.message : undefined;
  }
}

/**
 * Corpus-wide term statistics: they let the answerer tell "a word the report never mentions"
 * (주가 in "테슬라 주가 전망은?") from one the retrieved passages happen to lack, and the chat
 * service tell an everyday word (기업) from a follow-up's subject.
 */
function reportTermStats(index: LoadedIndex): TermStats {
  return termStatsFromTexts(index.chunks.map((c) => `${c.header} ${c.text}`));
}

/**
 * The answerer: extractive, or the configured LLM with extractive as its fallback. The LLM
 * stack (LangChain + the OpenAI client: about 0.5 s and 60 MB to load) is imported only when
 * LLM_BASE_URL is set, so a server without an LLM starts faster and smaller.
 */
export async function createAnswerer(
  config: Config,
  log: Logger,
  index?: LoadedIndex,
  weights?: AnswerWeights,
  termStats: TermStats | undefined = index ? reportTermStats(index) : undefined,
): Promise<{ answerer: Answerer; rewriter?: QuestionRewriter }> {
  const extractive = new ExtractiveAnswerer(index ? { ...(termStats ? { termStats } : {}), report: new ReportText(index.chunks), glossary: index.glossary, ...(weights ? { weights } : {}) } : {});
  if (!config.LLM_BASE_URL) return { answerer: extractive };
  const { createLlmAnswerer } = await import('../answer/index.js');
  // Logged with its cause (status, host, error code) but without the endpoint's error text,
  // which can echo request details such as keys, and without the question.
  const llm = createLlmAnswerer(config, extractive, (e) => log.warn({ primary: e.primary, ...llmFailureFacts(e.error, config.LLM_BASE_URL) }, 'LLM answer replaced by the extractive one'))!;
  log.debug({ host: new URL(config.LLM_BASE_URL).host, model: config.LLM_MODEL }, 'answers through the configured LLM, extractive on failure');
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
  /** Answer-stage weights other than src/answer/weights.json (the eval's ablations). */
  answerWeights?: AnswerWeights;
}

export async function createContext(config: Config, opts: ContextOptions): Promise<AppContext> {
  const log = opts.logger;
  const embedder = opts.embedder ?? (await createEmbedder(config, { info: (m) => log.info(m), warn: (m) => log.warn(m) }));
  const index = await prepareIndex(config, embedder, log, opts);
  const retriever = new HybridRetriever({ chunks: index.chunks, vector: index.vector, lexical: index.lexical, glossary: index.glossary, embedder, ...(opts.tuning ? { tuning: opts.tuning } : {}) });
  const termStats = reportTermStats(index);
  const { answerer, rewriter } = await createAnswerer(config, log, index, opts.answerWeights, termStats);
  const state = await createState(config, log, opts.now ? { now: opts.now } : {});
  const { sessions } = state;
  const chat = new DefaultChatService({
    retriever,
    answerer,
    sessions,
    defaultTopK: config.TOP_K,
    toc: tocEntries(index.articles),
    reportTitle: index.articles[0]?.reportTitle ?? '',
    // The newest issue, should the index hold several: the one a reader is reading.
    issue: index.articles.map((a) => a.issue).sort().at(-1) ?? '',
    maxAnalyzedChars: config.MAX_ANALYZED_CHARS,
    commonWord: (ko) => isCommonWord(termStats, ko),
    ...(rewriter ? { rewriter } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    config,
    index,
    retriever,
    chat,
    embedder,
    logger: log,
    sessions,
    dedup: state.dedup,
    dependencies: state.dependencies,
    ...(state.rateLimitStore ? { rateLimitStore: state.rateLimitStore } : {}),
    ...(state.botLimiter ? { botLimiter: state.botLimiter } : {}),
    closeState: state.close,
    feedback: new JsonlFeedbackStore({ file: config.paths.feedback, maxBytes: config.FEEDBACK_MAX_BYTES }),
    ...(opts.now ? { now: opts.now } : {}),
  };
}
