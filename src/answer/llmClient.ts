/**
 * The chat model behind the LLM answerer and the question rewriter: LangChain's ChatOpenAI
 * pointed at any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server, DeepSeek,
 * DashScope compatible mode), configured from LLM_* settings.
 */
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.js';

export interface LlmOptions {
  /** Endpoint root including the API version, e.g. "https://api.openai.com/v1", "http://localhost:11434/v1". */
  baseURL: string;
  /** Bearer key; local servers usually need none. */
  apiKey?: string;
  model: string;
  temperature: number;
  /** Whole-call budget; the answerer aborts at this point and falls back. */
  timeoutMs: number;
  /**
   * Retries inside one call. Default 0: the budget is the user's wait, and the extractive
   * fallback is a better use of it than a second attempt at a failing endpoint.
   */
  maxRetries?: number;
}

/** The LLM options from the configuration, or undefined when no endpoint is configured. */
export function llmOptionsFromConfig(config: Config): LlmOptions | undefined {
  if (!config.LLM_BASE_URL) return undefined;
  const opts: LlmOptions = {
    baseURL: config.LLM_BASE_URL,
    model: config.LLM_MODEL,
    temperature: config.LLM_TEMPERATURE,
    timeoutMs: config.LLM_TIMEOUT_MS,
  };
  if (config.LLM_API_KEY) opts.apiKey = config.LLM_API_KEY;
  return opts;
}

export function createChatModel(opts: LlmOptions): ChatOpenAI {
  return new ChatOpenAI({
    model: opts.model,
    // The OpenAI client refuses to start without a key even for servers that need none; any
    // placeholder works there, and it never falls back to reading OPENAI_API_KEY behind our back.
    apiKey: opts.apiKey ?? 'not-needed',
    temperature: opts.temperature,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries ?? 0,
    // Chat Completions is what every compatible server speaks; the Responses API is OpenAI-only.
    useResponsesApi: false,
    // `stream_options.include_usage` is rejected by some compatible servers; usage is not needed.
    streamUsage: false,
    configuration: { baseURL: opts.baseURL },
  });
}
