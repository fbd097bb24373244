/** The ingest stage: reports (PDF-extracted text or Markdown) → Report objects. */
export { parseReportText, analyzeReportText, type ParseOptions, type ParseResult } from './parseText.js';
export { parseReportMarkdown } from './parseMarkdown.js';
export { readCorpus, type CorpusContents, type ReadCorpusOptions } from './readCorpus.js';
