/** GET /api/search?q=&k=: ranked passages, and GET /api/articles: the table of contents. */
import { Router } from 'express';
import { searchQuerySchema } from '../schemas.js';
import type { AppContext } from '../context.js';

export function searchRoutes(ctx: AppContext): Router {
  const r = Router();
  const schema = searchQuerySchema({ maxChars: ctx.config.MAX_QUESTION_CHARS, maxTopK: ctx.config.MAX_TOP_K, defaultTopK: ctx.config.TOP_K });
  r.get('/api/search', async (req, res, next) => {
    try {
      const { q, k, lang } = schema.parse(req.query);
      const { query, hits } = await ctx.retriever.search(q, { k, ...(lang ? { lang } : {}) });
      res.json({
        query: { language: query.lang, normalized: query.normalized, expansions: query.expansions },
        results: hits.map((h) => ({
          rank: h.rank,
          score: Number(h.score.toFixed(6)),
          chunkId: h.chunk.id,
          section: h.chunk.section,
          article: { number: h.chunk.articleNumber, title: h.chunk.articleTitle },
          heading: h.chunk.headings.at(-1) ?? '',
          headings: h.chunk.headings,
          page: h.chunk.page,
          text: h.chunk.text,
          ...(h.chunk.source ? { source: { title: h.chunk.source.title, url: h.chunk.source.url } } : {}),
        })),
      });
    } catch (err) {
      next(err);
    }
  });
  // Each article's headings in reading order (from its chunks): the page builds follow-up
  // suggestions from the headings of the article an answer cites.
  const headings = new Map<string, string[]>();
  for (const c of [...ctx.index.chunks].sort((x, y) => x.ordinal - y.ordinal)) {
    const key = `${c.reportId}:${c.articleId}`;
    const list = headings.get(key) ?? [];
    const h = c.headings[c.headings.length - 1]?.trim();
    if (h && h !== c.articleTitle && !list.includes(h)) list.push(h);
    headings.set(key, list);
  }
  r.get('/api/articles', (_req, res) => {
    res.json(
      ctx.index.articles.map((a) => ({
        headings: headings.get(`${a.reportId}:${a.articleId}`) ?? [],
        section: a.section,
        number: a.number,
        title: a.title,
        page: a.page,
        endPage: a.endPage,
        id: a.articleId,
        report: { id: a.reportId, title: a.reportTitle, issue: a.issue },
        ...(a.source ? { source: { title: a.source.title, url: a.source.url } } : {}),
      })),
    );
  });
  return r;
}
