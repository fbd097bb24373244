/** The adapters' shared helpers: splitting, formatting, commands, limits, secrets. Pure, no server. */
import { describe, expect, it } from 'vitest';
import {
  commandOf,
  composeParts,
  escapeHtml,
  sessionIdFor,
  sourcesHtml,
  sourcesSlack,
  splitHtml,
  splitText,
} from '../../src/bots/adapter.js';
import { BotLimiter, safeEqual } from '../../src/bots/guard.js';
import { KakaoAdapter, TtlCache, trustedCallback } from '../../src/bots/kakao.js';
import { slackToPlain } from '../../src/bots/slack.js';
import { TelegramAdapter, htmlToPlain } from '../../src/bots/telegram.js';
import { parseWecomXml } from '../../src/bots/wecom.js';
import { API_SESSION_ID, BOT_SESSION_PREFIX } from '../../src/types.js';
/** The chat service's session id rule (src/chat/service.ts). */
const SESSION_ID = /^[\w.:@-]{1,128}$/;
import { BackgroundTasks } from '../../src/bots/delivery.js';
import { citation, memoryLogger } from '../helpers/botApp.js';

const MARKER = /\[\d+(?:,\s*\d+)*\]/g;
const URL = /https?:\/\/[^\s<>"]+/g;

/** A long Korean/Chinese answer with markers and URLs in awkward places. */
function longAnswer(): string {
  const paras: string[] = [];
  for (let p = 0; p < 12; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const n = p * 6 + s + 1;
      sentences.push(
        s % 3 === 0
          ? `유니트리의 ${n}번째 제품은 글로벌 사족 로봇 시장에서 ${60 + (n % 10)}.75%의 점유율을 기록했다 [${(n % 5) + 1}].`
          : s % 3 === 1
            ? `宇树科技第${n}款产品的详细资料见 https://example.com/reports/${n}?lang=zh&page=${n} 这一页 [${(n % 5) + 1}, ${(n % 4) + 1}]。`
            : `The ${n}th note keeps going with plain English words so that the space boundary also gets exercised here and there.`,
      );
    }
    paras.push(sentences.join(' '));
  }
  return paras.join('\n\n');
}

describe('splitText', () => {
  it('returns short text whole and empty text as nothing', () => {
    expect(splitText('짧은 답변 [1].', 1000)).toEqual(['짧은 답변 [1].']);
    expect(splitText('   ', 10)).toEqual([]);
  });

  it('splits a long answer under the limit without breaking markers or URLs, losing nothing', () => {
    const text = longAnswer();
    for (const limit of [1000, 500, 300, 173]) {
      const parts = splitText(text, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(limit);
        expect(p).toBe(p.trim());
        // A part never starts or ends with a piece of a marker.
        expect(p).not.toMatch(/^\d*\]|^,\s*\d+\]|\[\d*$|\[\d+,\s*$/);
      }
      // Every marker and URL of the text is found intact in exactly one part.
      const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[0]);
      expect(parts.flatMap((p) => all(MARKER, p))).toEqual(all(MARKER, text));
      expect(parts.flatMap((p) => all(URL, p))).toEqual(all(URL, text));
      // Only whitespace is lost at the cuts.
      expect(parts.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });

  it('prefers paragraph, then sentence boundaries', () => {
    const a = '첫 번째 문단의 문장입니다 [1]. 계속됩니다.';
    const b = '두 번째 문단입니다 [2].';
    expect(splitText(`${a}\n\n${b}`, a.length + 5)).toEqual([a, b]);
    const s1 = '유니트리는 1위이다 [1].';
    const s2 = '宇树科技排名第一 [2]。';
    const s3 = '그 다음 문장이 이어진다.';
    expect(splitText(`${s1} ${s2}${s3}`, s1.length + s2.length + 2)).toEqual([`${s1} ${s2}`, s3]);
  });

  it('keeps a marker that follows the sentence end with that sentence', () => {
    const text = `${'가'.repeat(40)}. [1] ${'나'.repeat(40)}`;
    const parts = splitText(text, 50);
    expect(parts[0]).toBe(`${'가'.repeat(40)}. [1]`);
  });

  it('cuts a text without boundaries hard, but not inside a URL or a surrogate pair', () => {
    const url = 'https://example.com/a/very/long/path';
    const parts = splitText(`${'字'.repeat(30)}${url}${'字'.repeat(30)}`, 40);
    expect(parts).toContain(url + '字'.repeat(4));
    expect(parts[0]).toBe('字'.repeat(30));
    const emoji = '😀'.repeat(30); // 60 UTF-16 units
    for (const p of splitText(emoji, 7)) expect(p).toMatch(/^(?:😀)+$/u);
  });
});

describe('splitHtml (Telegram)', () => {
  it('never cuts inside a tag, an entity or a link, and balances open tags', () => {
    const cites = Array.from({ length: 40 }, (_, i) => citation(i + 1, { article: { number: '0' + (i % 9), title: `기사 <${i}> & 제목 ${'가'.repeat(i % 7)}` } }));
    const html = `<b>${escapeHtml(longAnswer())}</b>\n\n${sourcesHtml(cites, 'ko').join('\n')}`;
    const parts = splitHtml(html, 600);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(600);
      // No broken tag or entity at either end.
      expect(p).not.toMatch(/<[^>]*$|^[^<]*>/);
      expect(p).not.toMatch(/&[#\w]*$/);
      // Tags balanced: every <b> and <a> closed in the same part.
      const opens = (p.match(/<(b|a)\b/g) ?? []).length;
      const closes = (p.match(/<\/(b|a)>/g) ?? []).length;
      expect(opens).toBe(closes);
      // Entities are all complete.
      for (const m of p.matchAll(/&/g)) expect(p.slice(m.index)).toMatch(/^&(?:amp|lt|gt|quot);/);
    }
    // Every link survives whole.
    const links = [...html.matchAll(/<a\b[^>]*>[\s\S]*?<\/a>/g)].map((m) => m[0]);
    expect(parts.flatMap((p) => [...p.matchAll(/<a\b[^>]*>[\s\S]*?<\/a>/g)].map((m) => m[0]))).toEqual(links);
    // The bold answer is reopened in the parts after the first.
    expect(parts[1]!.startsWith('<b>')).toBe(true);
  });
});

describe('formatting', () => {
  it('escapes HTML and links sources by URL', () => {
    const lines = sourcesHtml([citation(1, { article: { number: '02', title: 'A & <B>' } })], 'zh');
    expect(lines[0]).toBe('[1] <a href="https://example.com/report?a=1&amp;b=2">02. A &amp; &lt;B&gt;</a> — 产业趋势'.replace('产业趋势', '산업 트렌드') + ' · 산업체인 분석 · 第9页');
    expect(htmlToPlain(lines[0]!)).toContain('02. A & <B> (https://example.com/report?a=1&b=2)');
  });

  it('renders Slack links and keeps the label free of | and >', () => {
    const [line] = sourcesSlack([citation(3, { article: { number: '01', title: 'x|y > z' } })], 'ko');
    expect(line).toBe('[3] <https://example.com/report?a=1&b=2|01. x¦y &gt; z> — 산업 트렌드 · 산업체인 분석 · p.9');
  });

  it('appends the sources after the answer, in a new part when they do not fit', () => {
    expect(composeParts('답변 [1].', ['[1] 출처'], '출처', 100)).toEqual(['답변 [1].\n\n출처\n[1] 출처']);
    const parts = composeParts('가'.repeat(90), ['[1] 출처 하나', '[2] 출처 둘'], '출처', 100);
    expect(parts).toEqual(['가'.repeat(90), '출처\n[1] 출처 하나\n[2] 출처 둘']);
  });

  it('makes Kakao 2.0 responses within the limits', () => {
    const kakao = new KakaoAdapter({ publicUrl: 'https://kic.example.com' });
    const cites = Array.from({ length: 7 }, (_, i) => citation(i + 1));
    const out = kakao.render({ sessionId: 's', language: 'ko', found: true, answer: longAnswer(), citations: cites });
    expect(out.version).toBe('2.0');
    expect(out.template.outputs.length).toBeLessThanOrEqual(3);
    const texts = out.template.outputs.flatMap((o) => ('simpleText' in o ? [o.simpleText.text] : []));
    expect(texts).toHaveLength(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(1000);
    expect(texts[1]).toMatch(/…\(이하 생략\)$/);
    const card = out.template.outputs.find((o) => 'listCard' in o);
    expect(card && 'listCard' in card && card.listCard.items).toHaveLength(5);
    expect(card && 'listCard' in card && card.listCard.items[0]).toEqual({
      title: '[1] 구현 지능 산업 심층 분석',
      description: '산업 트렌드 · p.9',
      link: { web: 'https://example.com/report?a=1&b=2' },
    });
    expect(card && 'listCard' in card && card.listCard.buttons?.[0]?.webLinkUrl).toBe('https://kic.example.com/');
    for (const q of out.template.quickReplies ?? []) expect(q.label.length).toBeLessThanOrEqual(14);

    const zh = kakao.render({ sessionId: 's', language: 'zh', found: false, answer: '报告中没有相关内容。', citations: [] });
    expect(zh.template.outputs).toEqual([{ simpleText: { text: '报告中没有相关内容。' } }]);
    expect(zh.template.quickReplies).toEqual([{ label: '帮助', action: 'message', messageText: '帮助' }]);
  });

  it('parses Telegram commands, mentions and group messages', () => {
    const tg = new TelegramAdapter({ botId: () => 4242 });
    const base = { message_id: 5, chat: { id: -100123, type: 'supergroup' }, from: { id: 7, is_bot: false, language_code: 'zh-hans' } };
    expect(tg.parse({ ...base, text: '/start@kic_bot' })).toMatchObject({ command: 'start', uiLanguage: 'zh', conversationId: 'bot:telegram:-100123:7' });
    expect(tg.parse({ ...base, text: '/ask@kic_bot 宇树科技的份额？' })).toMatchObject({ text: '宇树科技的份额？' });
    expect(tg.parse({ ...base, text: '/new' })).toMatchObject({ command: 'new' });
    expect(tg.parse({ ...base, text: '宇树科技的份额？' })).toBeNull(); // group chatter
    expect(tg.parse({ ...base, text: '那营收呢？', reply_to_message: { from: { id: 4242 } } })).toMatchObject({ text: '那营收呢？' });
    expect(tg.parse({ ...base, text: '/othercommand x' })).toBeNull();
    expect(tg.parse({ ...base })).toBeNull();
    expect(tg.parse({ ...base, chat: { id: 7, type: 'private' }, text: '@kic_bot 宇树科技的份额？' })).toMatchObject({ text: '宇树科技的份额？', conversationId: 'bot:telegram:7' });
  });
});

describe('Slack', () => {
  it('strips mentions and unwraps links', () => {
    expect(slackToPlain('<@U012AB3CD> 유니트리 점유율은? <https://a.com/x|링크> &lt;b&gt; &amp;')).toBe('유니트리 점유율은? 링크 <b> &');
  });
});

describe('caches and secrets', () => {
  it('limits per key in fixed windows, bounded in keys', () => {
    let t = 0;
    const l = new BotLimiter({ perMinute: 2, now: () => t, maxKeys: 2 });
    expect(['a', 'a', 'a', 'a'].map((k) => l.check(k))).toEqual(['ok', 'ok', 'first-refusal', 'refused']);
    expect(l.check('b')).toBe('ok');
    t = 60_000;
    expect(l.check('a')).toBe('ok');
    expect(new BotLimiter({ perMinute: 0, now: () => 0 }).check('x')).toBe('ok');
    const c = new TtlCache<string, number>({ max: 2, ttlMs: 10, now: () => t });
    c.set('x', 1);
    c.set('y', 2);
    c.set('z', 3);
    expect([c.get('x'), c.get('y'), c.get('z')]).toEqual([undefined, 2, 3]);
  });

  it('knows the new-conversation and help words', () => {
    for (const w of ['/new', 'new', '새 대화', '새대화', '新对话', '重新开始']) expect(commandOf(w)).toBe('new');
    for (const w of ['', '도움말', 'help', '帮助']) expect(commandOf(w)).toBe('help');
    expect(commandOf('새 대화 주제는?')).toBeUndefined();
  });

  it('parses WeCom XML with CDATA, keeping 64-bit MsgIds as strings', () => {
    expect(parseWecomXml('<xml><Content><![CDATA[a < b & c]]></Content><MsgId>7398412345678901234</MsgId></xml>')).toEqual({ Content: 'a < b & c', MsgId: '7398412345678901234' });
    expect(parseWecomXml('not xml')).toBeUndefined();
    expect(parseWecomXml('<other/>')).toBeUndefined();
  });

  it('compares secrets in constant time, any lengths', () => {
    expect(safeEqual('s3cret', 's3cret')).toBe(true);
    expect(safeEqual('s3cret', 's3cre')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });

  it('makes bot session ids in their own namespace, valid for the chat service and never an API id', () => {
    expect(sessionIdFor('slack', 'T1', 'C123', '1712345678.123456')).toBe('bot:slack:T1:C123:1712345678.123456');
    expect(sessionIdFor('telegram', -100123)).toBe('bot:telegram:-100123');
    for (const id of [sessionIdFor('kakao', 'x'.repeat(200)), sessionIdFor('kakao', 'a b/c'), sessionIdFor('wecom', 'ww', 'zhang san'), sessionIdFor('feishu', 'p2p', 'oc_1')]) {
      expect(id).toMatch(SESSION_ID);
      expect(id.startsWith(BOT_SESSION_PREFIX)).toBe(true);
      expect(id).not.toMatch(API_SESSION_ID);
    }
  });

  it('trusts a Kakao callback URL only when it is https on kakao.com, whatever the secret', () => {
    expect(trustedCallback('https://bot-api.kakao.com/callback/1')).toBeDefined();
    for (const u of ['http://127.0.0.1:9/callback', 'https://127.0.0.1/cb', 'https://10.0.0.1/cb', 'http://bot-api.kakao.com/cb', 'https://kakao.com.evil.example/cb', 'https://evil.example/kakao.com', 'https://bot-api.kakao.com:8443/cb', 'file:///etc/passwd']) {
      expect(trustedCallback(u)).toBeUndefined();
    }
  });
});

describe('background replies', () => {
  it('are bounded: past the limit a reply is dropped with a warning, and idle() waits for the rest', async () => {
    const mem = memoryLogger();
    const tasks = new BackgroundTasks(mem.logger, 2);
    const done: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    for (const i of [1, 2, 3]) void tasks.run('t', async () => {
      await gate;
      done.push(i);
    });
    expect(tasks.size).toBe(2);
    release();
    await tasks.idle();
    expect(done).toEqual([1, 2]);
    expect(mem.lines().some((l) => l.level === 40 && /dropped/.test(l.msg))).toBe(true);
    await tasks.run('failing', async () => {
      throw new Error('boom');
    });
    expect(mem.lines().some((l) => l.level === 50 && l.task === 'failing')).toBe(true);
  });
});
