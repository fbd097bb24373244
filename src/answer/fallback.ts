/**
 * A primary answerer (the LLM) backed by a fallback (extractive) that needs no service: when the
 * primary throws (HTTP error, network, timeout), the question is answered anyway, with a `note`
 * saying the LLM failed. Only the caller's own abort (input.signal) is passed on, since nobody
 * is waiting for an answer then.
 */
import { isAppError } from '../errors.js';
import type { Answer, AnswerInput, Answerer } from '../types.js';
import { joinNotes } from './notes.js';

export interface FallbackEvent {
  primary: string;
  error: unknown;
}

export class FallbackAnswerer implements Answerer {
  readonly name: string;

  constructor(
    private readonly primary: Answerer,
    private readonly fallback: Answerer,
    /** Told about every fallback (for logs and metrics); must not throw. */
    private readonly onFallback?: (e: FallbackEvent) => void,
  ) {
    this.name = `${primary.name}|${fallback.name}`;
  }

  async answer(input: AnswerInput): Promise<Answer> {
    try {
      return await this.primary.answer(input);
    } catch (e) {
      return this.recover(e, input, () => this.fallback.answer(input));
    }
  }

  /**
   * Streams the primary; on failure streams the fallback. Deltas already sent by the primary
   * cannot be taken back: the returned Answer is authoritative (see llm.ts).
   */
  async stream(input: AnswerInput, onDelta: (text: string) => void): Promise<Answer> {
    try {
      return this.primary.stream ? await this.primary.stream(input, onDelta) : await this.primary.answer(input);
    } catch (e) {
      return this.recover(e, input, () =>
        this.fallback.stream ? this.fallback.stream(input, onDelta) : this.fallback.answer(input),
      );
    }
  }

  private async recover(e: unknown, input: AnswerInput, run: () => Promise<Answer>): Promise<Answer> {
    if (input.signal?.aborted) throw e;
    this.onFallback?.({ primary: this.primary.name, error: e });
    const a = await run();
    return { ...a, note: joinNotes(`LLM failed (${describeFailure(e)}); answered extractively`, a.note) };
  }
}

/** A short, secret-free reason: the error code and message of our AppErrors, else the error's name. */
export function describeFailure(e: unknown): string {
  if (isAppError(e)) return `${e.code}: ${e.message}`;
  if (e instanceof Error) return e.name;
  return 'unknown error';
}
