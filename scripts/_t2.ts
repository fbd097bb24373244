import { loadConfig } from '../src/config.js';
import { createEmbedder } from '../src/embed/load.js';
for (const MODEL of ['some/unknown-hub-id', 'Xenova/multilingual-e5-small', './nope', 'hashed']) {
  const cfg = loadConfig({ MODEL, MODEL_CACHE_DIR: '/tmp/tcache' });
  const t = performance.now();
  const e = await createEmbedder(cfg, { info: (m) => console.log('INFO', m), warn: (m) => console.log('WARN', m) });
  console.log(MODEL, e.info.id, (performance.now() - t).toFixed(0), 'ms');
}
const cfg = loadConfig({ MODEL: 'some/unknown', EMBEDDER_FALLBACK: 'fail', ALLOW_REMOTE_MODELS: 'false' });
await createEmbedder(cfg, { info: console.log, warn: console.log }).catch((e) => console.log(e.code, e.message));
