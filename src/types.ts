/**
 * The domain types and the pluggable seams of the pipeline, in one place (after Orama's
 * single types file). Everything here is plain data that survives JSON.stringify, so the
 * core can be tested on strings and persisted by a thin I/O layer.
 *
 * Pipeline: ingest (Report) → chunk (Chunk) → embed (Embedder) → index (VectorIndex,
 * LexicalIndex, manifest) → retrieve (SearchHit) → answer (Answerer) → chat / server / bots.
 */

// ───────────────────────────── ingest ─────────────────────────────

export type Lang = 'ko' | 'zh' | 'en';

/** The original article a report item summarises (its "참고자료" block). */
export interface SourceRef {
  /** e.g. "후이보즈쉰(慧博资讯). 구현 지능 산업 심층 분석: …" as printed (outlet and title). */
  title: string;
  url?: string;
  /** Outlet name when it can be told apart from the title, e.g. "후이보즈쉰(慧博资讯)". */
  outlet?: string;
  /** Date as printed, e.g. "25.06.01". */
  date?: string;
}

export type BlockKind = 'paragraph' | 'table' | 'list';

/** A unit of article text: a rejoined paragraph, a flattened table (with its caption) or a list. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** Report page on which the block starts (table-of-contents numbering). */
  page: number;
  /** Heading path inside the article, outermost first, e.g. ["산업체인 분석", "업 스트림: 하드웨어 기반"]. */
  headings: string[];
  /** For tables: the caption, e.g. "도표 19. 아오비중광 경영 형황". */
  caption?: string;
}

export interface Article {
  /** Stable id inside the report: `${sectionSlug}-${number}`, e.g. "trend-01", "kic-04". */
  id: string;
  section: string;
  /** Two-digit number as printed in the table of contents order: "01", "02", … */
  number: string;
  /** Title as printed in the table of contents (the authority for numbering and pages). */
  title: string;
  /** Title as printed above the article body when it differs from the contents. */
  bodyTitle?: string;
  /** Start page from the table of contents. */
  page: number;
  /** Last page of the article (inclusive). */
  endPage: number;
  source?: SourceRef;
  /** Every entry of the source block, in print order, when it lists more than one (정책 브리핑
   *  02 cites two articles); `source` is the first. Additive (ingest). */
  sources?: SourceRef[];
  blocks: Block[];
}

export interface Report {
  /** Stable id derived from the file name, e.g. "monthly-china-startup-2025-06". */
  id: string;
  /** e.g. "월간 중국창업 6월호". */
  title: string;
  /** Issue month, "YYYY-MM". */
  issue: string;
  /** Corpus-relative path of the file it came from. */
  file: string;
  articles: Article[];
}

// ───────────────────────────── chunk ─────────────────────────────

export interface Chunk {
  /** Stable, content-derived id: `${reportId}:${articleId}:${ordinal}`. */
  id: string;
  reportId: string;
  reportTitle: string;
  articleId: string;
  section: string;
  articleNumber: string;
  articleTitle: string;
  headings: string[];
  page: number;
  pageEnd: number;
  /** Position of the chunk in its article, from 0. */
  ordinal: number;
  /**
   * Where a page begins inside `text`, for a chunk that spans pages: [character offset, page]
   * pairs in order (the first is [0, page]). Lets a citation give the page of the quoted
   * sentence rather than the page the chunk starts on.
   */
  pageMarks?: Array<[number, number]>;
  /**
   * Where a later heading's text begins inside `text`, for a chunk that packs a short section with
   * the next: [character offset, heading path] pairs in order. `headings` is the first piece's path.
   */
  headingMarks?: Array<[number, string[]]>;
  text: string;
  /** "section › article › heading": prepended to the text when embedding and indexing. */
  header: string;
  source?: SourceRef;
  /** sha256 of header+text: lets re-ingest reuse the embedding of an unchanged chunk. */
  hash: string;
}

export interface ChunkingOptions {
  /** Target chunk size in characters (CJK text: one character ≈ one token for e5/bge). */
  targetChars: number;
  /** Hard ceiling; a sentence longer than this is cut. */
  maxChars: number;
  /** Sentences carried over from the previous chunk of the same heading. */
  overlapSentences: number;
}

// ───────────────────────────── embed ─────────────────────────────

export interface EmbedderInfo {
  /** Identity recorded in the manifest; an index is only ever queried with the same id. */
  id: string;
  dimensions: number;
  /** 'transformers' for a Transformers.js model, 'hashed' for the built-in offline one. */
  kind: 'transformers' | 'hashed';
}

export interface Embedder {
  readonly info: EmbedderInfo;
  /** Unit-length vectors for passages (documents); adds the model's passage prefix itself. */
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Unit-length vector for a query; adds the model's query prefix itself. */
  embedQuery(text: string): Promise<Float32Array>;
  close?(): Promise<void>;
}

// ───────────────────────────── index ─────────────────────────────

export interface VectorHit {
  /** Position of the chunk in the chunk store. */
  label: number;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

export interface VectorIndex {
  readonly size: number;
  search(query: Float32Array, k: number): VectorHit[];
}

export interface LexicalHit {
  label: number;
  score: number;
}

export interface LexicalIndex {
  search(query: AnalyzedQuery, k: number): LexicalHit[];
}

export interface Manifest {
  schemaVersion: number;
  builtAt: string;
  /** Corpus-relative file path → sha256 of its bytes. */
  corpus: Record<string, string>;
  embedder: EmbedderInfo;
  chunking: ChunkingOptions;
  /** Hash of the index-shaping source code (src/index/fingerprint.ts). */
  pipeline: string;
  counts: { reports: number; articles: number; chunks: number; glossary: number };
  /** Index file name → sha256, checked at load to detect corruption and truncation. */
  files: Record<string, string>;
}

// ───────────────────────────── retrieve ─────────────────────────────

/** A bilingual pair found in the report, e.g. 유니트리 ↔ 宇树科技 / Unitree. */
export interface GlossaryEntry {
  ko: string;
  /** Chinese forms (simplified), possibly several. */
  zh: string[];
  /** Latin-script forms (English names, acronyms). */
  en: string[];
  /** How many times the pair was seen. */
  count: number;
}

export interface AnalyzedQuery {
  /** The question as typed. */
  raw: string;
  /** Normalized text (NFKC, simplified Chinese, number spacing). */
  normalized: string;
  lang: Lang;
  /** Terms for the lexical index (after analysis), with weights (glossary expansions < 1). */
  terms: Array<{ term: string; weight: number }>;
  /** Korean text the glossary produced for a Chinese/English question (for the dense side too). */
  expansions: string[];
}

export interface SearchHit {
  rank: number;
  score: number;
  chunk: Chunk;
  /** Component scores, for debugging and the eval's miss list. */
  debug?: { lexical?: number; dense?: number; lexicalRank?: number; denseRank?: number };
}

export interface SearchOptions {
  k: number;
  /** Max chunks from one article in the results. */
  perArticle?: number;
  /** Restrict to one article, given as `${reportId}:${articleId}` (follow-ups, "summarise this article"). */
  articleId?: string;
}

export interface Retriever {
  search(query: string, opts: SearchOptions): Promise<{ query: AnalyzedQuery; hits: SearchHit[] }>;
}

// ───────────────────────────── answer ─────────────────────────────

export interface Citation {
  id: number;
  section: string;
  article: { number: string; title: string };
  heading: string;
  page: number;
  quote: string;
  source?: { title: string; url?: string };
  /** Extra (not in the contract's example, but useful to clients): the chunk it came from. */
  chunkId: string;
  articleId: string;
}

export interface AnswerInput {
  question: string;
  /**
   * The asker's situation, said before the question ("저희는 … 수입하는데,"): not searched for nor
   * weighed as evidence; an LLM answer may address it.
   */
  context?: string;
  lang: Lang;
  hits: SearchHit[];
  /** The analyzed question (terms, normalized text) from retrieval, for answer selection. */
  query?: AnalyzedQuery;
  /** Earlier turns, oldest first, for answerers that use them. */
  history?: Array<{ role: 'user' | 'assistant'; content: string }>;
  /** A "요약해줘 / 总结一下" request. */
  summary?: boolean;
  /** The passages are those of an article the question named ("산업 트렌드 2번 기사 요약"): answer from them. */
  restricted?: boolean;
  /** The question frame (src/frame), computed once by the chat service. */
  frame?: import('./frame/frame.js').QuestionFrame;
  signal?: AbortSignal;
}

export interface Answer {
  found: boolean;
  /** Answer text with [n] markers, each matching a citation id. */
  answer: string;
  citations: Citation[];
  /** Which answerer produced it ("extractive", "llm:model"), and any note (e.g. LLM fallback). */
  answerer: string;
  note?: string;
}

export interface Answerer {
  readonly name: string;
  answer(input: AnswerInput): Promise<Answer>;
  /** Streams text deltas; the final Answer (with verified citations) is the return value. */
  stream?(input: AnswerInput, onDelta: (text: string) => void): Promise<Answer>;
}

// ───────────────────────────── chat ─────────────────────────────

export interface ChatRequest {
  message: string;
  sessionId?: string;
  /** Recorded on a session this request creates: who may continue it over the API (src/chat/ownership.ts). */
  owner?: string;
  language?: Lang;
  topK?: number;
}

export interface ChatResponse {
  sessionId: string;
  language: Lang;
  found: boolean;
  answer: string;
  citations: Citation[];
  /** Extras beyond the contract. */
  answerer?: string;
  note?: string;
  /** The standalone question actually searched (after follow-up rewriting). */
  standaloneQuestion?: string;
  /** A greeting or thanks answered with a friendly reply (src/chat/smalltalk.ts), not from the report. */
  smalltalk?: true;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Receives answer text as it is produced (streaming). */
  onDelta?: (text: string) => void;
  /** A conversation supplied by the client (OpenAI-style message lists): used instead of a stored session, and not stored. */
  history?: Array<{ role: 'user' | 'assistant'; content: string }>;
}

export interface ChatService {
  ask(req: ChatRequest, opts?: ChatOptions): Promise<ChatResponse>;
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  /** For assistant turns: the articles cited, used to resolve follow-ups without an LLM. */
  articleIds?: string[];
  /** The standalone question that was searched, for user turns. */
  standalone?: string;
  /** For assistant turns whose `content` is a shortened gist: the answer as given (bounded), for GET /api/sessions/:id. */
  answer?: string;
  /** For assistant turns: the citations as given (quotes bounded), for GET /api/sessions/:id. */
  citations?: Citation[];
  at: number;
}

export interface Session {
  id: string;
  turns: Turn[];
  createdAt: number;
  updatedAt: number;
  /** Who may read and continue it over the API: a hash of the API key that created it (never the key). */
  owner?: string;
}

/** The state of a dependency (a session database, Redis), for /healthz and /metrics. */
export interface DependencyHealth {
  state: 'ok' | 'down';
  /** Failures seen since start (writes or reads that did not reach the backend). */
  failures: number;
  /** The last failure, while down. */
  error?: string;
}

export interface HealthSource {
  /** e.g. "sessions" (the SQLite file), "redis". */
  readonly name: string;
  health(): DependencyHealth;
}

/**
 * Conversation memory. Implementations (src/state/sessions-*.ts) bound each session (turns,
 * bytes) and idle time, and pass one contract suite (tests/state/sessions.contract.ts). They
 * never throw for a backend failure: `get` then answers undefined (the question is answered
 * without history) and `save` is lost, and the failure shows in `health()`.
 */
export interface SessionStore {
  /** "memory", "sqlite", "redis". */
  readonly kind: string;
  get(id: string): Promise<Session | undefined>;
  save(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /** Backend health; absent for stores that cannot fail (memory). */
  health?(): DependencyHealth;
  /** Writes pending state and releases the backend (shutdown). */
  close?(): Promise<void>;
}

// ───────────────────────────── bots ─────────────────────────────

/** A platform adapter: platform request in → chat service → platform reply out. */
export interface BotAdapter {
  readonly platform: 'kakao' | 'telegram' | 'slack' | 'wecom' | 'feishu';
}

// ───────────────────────────── shared state ─────────────────────────────

/**
 * "Have we seen this delivery before?" for platform retries (Telegram update_id, Slack
 * event_id, Feishu event_id, WeCom MsgId, Kakao). The in-memory default is per process; the
 * Redis one (REDIS_URL) is shared by every worker and machine, so a redelivery that lands on
 * another process is still answered once.
 */
export type LimitVerdict = 'ok' | 'first-refusal' | 'refused';

/** The verdict for the `count`th message of a window: the one just over the limit is told, the rest ignored. */
export function limitVerdict(count: number, perMinute: number): LimitVerdict {
  if (count <= perMinute) return 'ok';
  return count === perMinute + 1 ? 'first-refusal' : 'refused';
}

/**
 * The bots' per-platform-user limit: 'first-refusal' the first time a key goes over it in a
 * window. Synchronous in one process or on the shared SQLite file; a promise from Redis.
 */
export interface BotRateLimiter {
  check(key: string): LimitVerdict | Promise<LimitVerdict>;
}

export interface DedupStore {
  /** True the first time `key` is claimed within `ttlMs`; false for a repeat. Atomic across processes in shared implementations. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the handler failed before answering, so a retry should be answered). */
  release(key: string): Promise<void>;
  /** Releases what the store holds open (a database connection). */
  close?(): Promise<void>;
}

/**
 * Session id namespaces. Ids the HTTP API issues are `s_` + 22 base64url characters (16 random
 * bytes, 128 bits); bot conversations are `bot:<platform>:<platform ids>` and never reachable
 * from /api/* or /v1/*.
 */
export const API_SESSION_ID = /^s_[A-Za-z0-9_-]{22}$/;
export const BOT_SESSION_PREFIX = 'bot:';

// ───────────────────────────── feedback ─────────────────────────────

/** A reader's 👍/👎 on an answer, as the page sends it (POST /api/feedback). */
export interface FeedbackEntry {
  sessionId?: string;
  question: string;
  answer: string;
  citations?: Array<{ id: number; article?: { number?: string; title?: string }; page?: number; chunkId?: string }>;
  rating: 'up' | 'down';
  comment?: string;
}

/** A stored entry: the server adds the time. */
export interface FeedbackRecord extends FeedbackEntry {
  at: string;
}

export interface FeedbackStore {
  add(entry: FeedbackEntry): Promise<FeedbackRecord>;
  /** Newest first. */
  list(): Promise<FeedbackRecord[]>;
}
