/**
 * Requests as the platforms sign and encrypt them, made with the platforms' own packages where
 * they have an encrypting side: WeCom with `@wecom/crypto` (encrypt + getSignature). Slack's v0
 * signature is the documented HMAC-SHA256 (node:crypto); Feishu's SDK only decrypts
 * (`AESCipher`), so its encryption is node:crypto mirroring the documented scheme (AES-256-CBC,
 * key = sha256(Encrypt Key), a random IV before the ciphertext, base64) and its signature the
 * documented sha256(timestamp + nonce + key + body).
 */
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';

export function slackSignature(secret: string, timestamp: string, raw: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
}

export interface WecomCallback {
  query: string;
  body: string;
}

/** A WeCom callback POST: the inner XML encrypted for `corpId`, signed with `token`. */
export function wecomCallback(o: { token: string; aesKey: string; corpId: string; inner: string; timestamp: number; nonce?: string; receiveId?: string }): WecomCallback {
  const nonce = o.nonce ?? randomBytes(6).toString('hex');
  const cipher = encrypt(o.aesKey, o.inner, o.receiveId ?? o.corpId);
  const sig = getSignature(o.token, o.timestamp, nonce, cipher);
  return {
    query: `msg_signature=${sig}&timestamp=${o.timestamp}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${cipher}]]></Encrypt></xml>`,
  };
}

/** The URL verification GET of a WeCom callback. */
export function wecomVerify(o: { token: string; aesKey: string; corpId: string; echo: string; timestamp: number }): string {
  const nonce = randomBytes(6).toString('hex');
  const echostr = encrypt(o.aesKey, o.echo, o.corpId);
  return `msg_signature=${getSignature(o.token, o.timestamp, nonce, echostr)}&timestamp=${o.timestamp}&nonce=${nonce}&echostr=${encodeURIComponent(echostr)}`;
}

export function wecomText(o: { from: string; content: string; msgId: string; createTime: number }): string {
  return `<xml><ToUserName><![CDATA[ww-corp]]></ToUserName><FromUserName><![CDATA[${o.from}]]></FromUserName><CreateTime>${o.createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${o.content}]]></Content><MsgId>${o.msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function feishuEncrypt(key: string, payload: unknown): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]).toString('base64');
}

export function feishuSignature(timestamp: string, nonce: string, key: string, raw: string): string {
  return createHash('sha256').update(timestamp + nonce + key + raw).digest('hex');
}
