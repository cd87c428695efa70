// Body and structure signals: hidden text, obfuscation, subject shouting, text statistics,
// list / reply / forward markers and how the recipient was addressed.
import { countWords } from '../parse/whitespace';
import type { Evidence, ParsedMessage, ScoringContext } from '../types';
import { MAX_SCAN_CHARS } from './phrases';
import { headerEvidence, setSignal, type SignalBuilder } from './signal-set';

const ZERO_WIDTH = /[\u200B-\u200D\u2060-\u2064\uFEFF\u034F\u180E]/g;
// A base64 run: this many alphabet characters in a row, then up to two `=`.
const BASE64_RUN_LENGTH = 120;
const BASE64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_CHAR[c.charCodeAt(0)] = 1;
const NON_LATIN_LOOKALIKE = /[\u0370-\u03FF\u0400-\u04FF]/;
const MIXED_WORD = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
const FORWARD_SUBJECT = /^\s*(?:fwd?|fw|tr|wg|rv|enc)\s*:/i;
const FORWARD_BODY = /-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:/i;

/** The visible body a reader sees: the plain part, or the HTML's text when there is none. */
export function selectVisibleText(message: ParsedMessage): { text: string; part: 'text' | 'html' } {
  const useText = message.text.trim().length > 0;
  const raw = useText ? message.text : message.htmlText;
  return { text: raw.length > MAX_SCAN_CHARS ? raw.slice(0, MAX_SCAN_CHARS) : raw, part: useText ? 'text' : 'html' };
}

/**
 * The first base64 run in a text, as /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{120,}={0,2}/ would find
 * it; a loop, because the regex tried its lookbehind at every position of every text (~1.5 % of
 * scoring).
 */
export function findBase64Run(text: string): { start: number; end: number } | null {
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c < 128 && BASE64_CHAR[c] === 1) continue;
    if (i - start >= BASE64_RUN_LENGTH) {
      let end = i;
      while (end < text.length && end - i < 2 && text.charCodeAt(end) === 0x3d) end++;
      return { start, end };
    }
    start = i + 1;
  }
  return null;
}

function countCase(text: string): { upper: number; letters: number } {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) { upper++; letters++; }
    else if (c >= 97 && c <= 122) letters++;
    else if (c > 127) {
      const ch = text[i];
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo !== up) { letters++; if (ch === up) upper++; }
    }
  }
  return { upper, letters };
}

function addSubjectSignals(set: SignalBuilder, message: ParsedMessage): void {
  const subject = message.subject;
  const { upper, letters } = countCase(subject);
  if (letters > 0) setSignal(set, 'message.subject_caps_ratio', upper / letters);
  if (letters >= 4 && upper === letters) setSignal(set, 'message.subject_all_caps', true, [headerEvidence(message, 'subject', subject)]);
  const bangs = subject.split('!').length - 1;
  if (bangs > 0) setSignal(set, 'message.subject_exclamations', bangs, [headerEvidence(message, 'subject', subject)]);
}

function addObfuscationSignals(set: SignalBuilder, message: ParsedMessage, visible: { text: string; part: 'text' | 'html' }): void {
  let zw = 0;
  const zwEv: Evidence[] = [];
  for (const [where, text] of [['subject', message.subject], ['text', visible.text], ['hidden', message.hiddenText]] as const) {
    const n = text.match(ZERO_WIDTH)?.length ?? 0;
    if (n > 0) { zw += n; zwEv.push({ kind: 'context', text: `${n} zero-width characters in ${where}` }); }
  }
  if (zw > 0) setSignal(set, 'message.zero_width_count', zw, zwEv);

  const b64 = findBase64Run(visible.text);
  if (b64) {
    const { start, end } = b64;
    setSignal(set, 'message.base64_run', true, [{ kind: 'body', part: visible.part, start, end, text: visible.text.slice(start, Math.min(end, start + 80)) }]);
  }

  // Tested apart: testing the joined probe copied the whole text into a flat string first.
  if (!NON_LATIN_LOOKALIKE.test(message.subject) && !NON_LATIN_LOOKALIKE.test(visible.text)) return;
  const probe = `${message.subject}\n${visible.text}`;
  let mixed = 0;
  const ev: Evidence[] = [];
  for (const m of probe.matchAll(MIXED_WORD)) {
    if (!NON_LATIN_LOOKALIKE.test(m[0]) || !LATIN.test(m[0])) continue;
    mixed++;
    if (ev.length < 5) ev.push({ kind: 'context', text: m[0] });
  }
  if (mixed > 0) setSignal(set, 'message.mixed_script_words', mixed, ev);
}

/** Adds body/structure signals; returns the visible word count (used for link density). */
export function addBodySignals(set: SignalBuilder, message: ParsedMessage, context: ScoringContext, listMail: boolean): number {
  const visible = selectVisibleText(message);
  addSubjectSignals(set, message);
  addObfuscationSignals(set, message, visible);

  if (message.html && !message.text.trim()) setSignal(set, 'message.html_only', true);
  if (message.hiddenText.length > 0) {
    setSignal(set, 'message.hidden_text_length', message.hiddenText.length, [{ kind: 'context', text: message.hiddenText.slice(0, 200) }]);
  }
  const { upper, letters } = countCase(visible.text);
  if (letters > 0) setSignal(set, 'message.uppercase_share', upper / letters);
  // Counted, not matched: match() built a string per word (~7 % of what scoring allocates).
  const words = countWords(visible.text);
  setSignal(set, 'message.word_count', words);
  setSignal(set, 'message.text_length_log', Math.log1p(visible.text.length));

  if (listMail) setSignal(set, 'message.is_list_mail', true, [{ kind: 'context', text: 'List-Id / List-Unsubscribe' }]);
  if (message.headers.some((h) => h.key === 'in-reply-to' || h.key === 'references')) setSignal(set, 'message.is_reply', true);
  const fwdSubject = FORWARD_SUBJECT.exec(message.subject);
  const fwdBody = fwdSubject ? null : FORWARD_BODY.exec(visible.text);
  if (fwdSubject) setSignal(set, 'message.is_forwarded', true, [headerEvidence(message, 'subject', fwdSubject[0])]);
  else if (fwdBody) setSignal(set, 'message.is_forwarded', true, [{ kind: 'body', part: visible.part, start: fwdBody.index, end: fwdBody.index + fwdBody[0].length, text: fwdBody[0] }]);

  const addressed = [...message.to, ...message.cc];
  setSignal(set, 'message.recipient_count', addressed.length);
  const recipient = context.recipient.trim().toLowerCase();
  if (recipient && !addressed.some((a) => a.address === recipient)) {
    setSignal(set, 'message.recipient_not_addressed', true, [{ kind: 'context', text: `${recipient} not in To/Cc` }]);
  }
  return words;
}
