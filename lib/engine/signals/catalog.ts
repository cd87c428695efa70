// The signal catalog: every name a rule expression or the model may read. extractSignals gives
// every entry a value for every message (false / 0 / '' when nothing was found), so compiled
// rules never meet a missing signal. Names are stable: rules and trained weights refer to them.
import type { SignalDef, SignalLevel, SignalType } from '../types';

function def(name: string, type: SignalType, description: string): SignalDef {
  const level = name.slice(0, name.indexOf('.')) as SignalLevel;
  return { name, type, level, description };
}

/** Phrase families matched in the subject and body; each gets `message.phrase_<family>_count`. */
export const PHRASE_FAMILIES = [
  'payment_change',
  'invoice',
  'credential',
  'account_lock',
  'gift_card',
  'extortion',
  'exec_request',
  'urgency',
  'prize',
  'crypto',
  'delivery',
  'document_share',
] as const;

export type PhraseFamily = (typeof PHRASE_FAMILIES)[number];

const PHRASE_TEXT: Record<PhraseFamily, string> = {
  payment_change: 'payment or bank-detail change ("updated bank details", "new account number")',
  invoice: 'invoice, overdue payment or wire-transfer pressure',
  credential: 'credential lures ("verify your account", "password expires", "sign in to confirm")',
  account_lock: 'account suspension / lock / unusual sign-in warnings',
  gift_card: 'gift-card requests ("buy iTunes cards", "scratch the back")',
  extortion: 'extortion and sextortion ("I recorded you", "pay in bitcoin or")',
  exec_request: 'executive requests ("are you available", "quick favour", "are you at your desk")',
  urgency: 'urgency ("urgent", "immediately", "within 24 hours", "final notice")',
  prize: 'prize, lottery and inheritance scams ("you have won", "beneficiary", "next of kin")',
  crypto: 'cryptocurrency and investment lures (wallet, bitcoin, guaranteed returns)',
  delivery: 'parcel-delivery lures ("delivery failed", "customs fee", "reschedule delivery")',
  document_share: 'document-share lures ("shared a document with you", "view document", "secure message")',
};

const phraseSignals = PHRASE_FAMILIES.map((family) =>
  def(`message.phrase_${family}_count`, 'int', `Matches of ${PHRASE_TEXT[family]} in subject and body.`),
);

/** The catalog, in a stable order. */
export const SIGNALS: readonly SignalDef[] = [
  // Phrases
  ...phraseSignals,
  def('message.phrase_family_count', 'int', 'Number of distinct phrase families that matched.'),
  def('message.phrase_total_count', 'int', 'Total phrase matches across all families.'),

  // Sender identity as written in the message
  def('message.from_domain', 'string', "Registrable domain of From ('' when From is missing)."),
  def('message.from_missing', 'bool', 'No parseable From address.'),
  def('message.from_malformed', 'bool', 'The From header is not exactly one proper mailbox ("Brand, <a@x>", several mailboxes).'),
  def('message.from_free_mail', 'bool', 'From is a free-mail provider (gmail.com, outlook.com, yahoo, gmx, mail.ru …).'),
  def('message.free_mail_corporate_name', 'bool', 'Free-mail From whose display name looks corporate or names the tenant or a brand.'),
  def('message.from_tenant_domain', 'bool', "From's registrable domain is one of the tenant's own domains."),
  def('message.spoofed_internal', 'bool', "From claims the tenant's domain but SPF/DKIM/DMARC do not pass aligned."),
  def('message.reply_to_mismatch', 'bool', "A Reply-To registrable domain differs from From's."),
  def('message.return_path_mismatch', 'bool', "Return-Path registrable domain differs from From's (list mail excluded)."),
  def('message.display_name_has_email', 'bool', 'The From display name contains an email address.'),
  def('message.display_name_email_mismatch', 'bool', "The From display name contains an email address on a different domain than From's."),
  def('message.vip_impersonation', 'bool', "Display name matches a tenant VIP but the address is not one of the VIP's."),
  def('message.brand_display_name', 'bool', "Display name names a well-known brand but From is not on the brand's domains."),
  def('message.impersonated_brand', 'string', "The brand named by the display name or lookalike domain ('' when none)."),
  def('message.lookalike_from_domain', 'bool', 'From domain imitates a tenant or brand domain (confusables, punycode, edit distance ≤ 2).'),
  def('message.lookalike_link_domain', 'bool', 'A link domain imitates a tenant or brand domain.'),
  def('message.lookalike_target', 'string', "The tenant or brand domain being imitated ('' when none)."),

  // Authentication
  def('message.spf_result', 'string', "SPF result from Authentication-Results / Received-SPF ('' when absent)."),
  def('message.dkim_result', 'string', "Best DKIM result ('pass' if any signature passed, '' when absent)."),
  def('message.dmarc_result', 'string', "DMARC result ('' when absent)."),
  def('message.spf_fail', 'bool', 'SPF fail or softfail.'),
  def('message.dkim_fail', 'bool', 'A DKIM signature failed (fail/permerror/neutral/policy) and none passed.'),
  def('message.dmarc_fail', 'bool', 'DMARC fail.'),
  def('message.dkim_aligned', 'bool', "A passing DKIM signature's d= shares From's registrable domain."),
  def('message.spf_aligned', 'bool', "SPF passed for a domain sharing From's registrable domain."),
  def('message.auth_aligned', 'bool', 'DMARC pass, or aligned DKIM or SPF pass: From is authenticated.'),

  // Links
  def('message.link_count', 'int', 'Links in the body (HTML anchors and bare URLs in text).'),
  def('message.link_domain_count', 'int', 'Distinct registrable domains among links.'),
  def('message.link_text_mismatch', 'bool', "A link's visible text shows a domain different from the href's."),
  def('message.shortener_link_count', 'int', 'Links through URL shorteners (bit.ly, t.co, tinyurl …).'),
  def('message.ip_link_count', 'int', 'Links whose host is an IP literal.'),
  def('message.punycode_link', 'bool', 'A link host is punycode (xn--) or non-ASCII.'),
  def('message.link_sender_domain_share', 'double', "Share of links on From's registrable domain, 0..1 (0 when no links)."),
  def('message.link_density', 'double', 'Links per 100 words of visible text.'),
  def('message.has_form', 'bool', 'The HTML contains a <form> (credential harvesting in the message itself).'),

  // Attachments
  def('message.attachment_count', 'int', 'Attachments (inline images included).'),
  def('message.risky_attachment', 'bool', 'An attachment with a risky type (exe, scr, js, vbs, hta, iso, lnk, html …).'),
  def('message.double_extension', 'bool', 'An attachment named like invoice.pdf.exe.'),
  def('message.macro_attachment', 'bool', 'A macro-capable Office attachment (docm/xlsm/pptm, or OLE doc/xls).'),
  def('message.html_attachment', 'bool', 'An HTML attachment (by name, declared or sniffed type).'),
  def('message.archive_attachment', 'bool', 'An archive attachment (zip, rar, 7z, gz, iso …).'),
  def('message.executable_attachment', 'bool', 'An executable attachment (by extension or PE/ELF magic).'),
  def('message.attachment_type_mismatch', 'bool', 'Sniffed type contradicts the file name (e.g. a .pdf that is a PE).'),

  // Body and structure
  def('message.html_only', 'bool', 'An HTML body without a text/plain alternative.'),
  def('message.hidden_text_length', 'int', 'Characters of text a reader would not see (display:none, zero font, white-on-white).'),
  def('message.zero_width_count', 'int', 'Zero-width and invisible formatting characters in subject and body.'),
  def('message.base64_run', 'bool', 'A long base64-looking run in the visible text (obfuscated payload).'),
  def('message.mixed_script_words', 'int', 'Words mixing Latin with Cyrillic or Greek letters (homoglyph obfuscation).'),
  def('message.subject_all_caps', 'bool', 'Subject has ≥ 4 letters and no lower-case ones.'),
  def('message.subject_caps_ratio', 'double', 'Share of upper-case letters in the subject, 0..1.'),
  def('message.subject_exclamations', 'int', "Exclamation marks in the subject."),
  def('message.uppercase_share', 'double', 'Share of upper-case letters in the visible body, 0..1.'),
  def('message.word_count', 'int', 'Words in the visible body.'),
  def('message.text_length_log', 'double', 'ln(1 + characters of visible body).'),
  def('message.content_score', 'double', 'Log-odds from the content model (subject and body words and word pairs), from whichever of its spam and phishing heads reads stronger: above 0 reads like spam or phishing, below like ordinary mail.'),
  def('message.is_list_mail', 'bool', 'List-Id or List-Unsubscribe present (mailing list or newsletter).'),
  def('message.is_reply', 'bool', 'In-Reply-To or References present.'),
  def('message.is_forwarded', 'bool', 'Subject starts with Fwd:/Fw: or the body carries a forwarded-message marker.'),
  def('message.recipient_not_addressed', 'bool', 'The envelope recipient is in neither To nor Cc (bcc-style). Corpus caveat: list ham is never addressed to the tenant mailbox; do not train on it.'),
  def('message.recipient_count', 'int', 'Addresses in To and Cc.'),

  // Sender history (context.sender; null means never seen)
  def('sender.is_new', 'bool', 'The tenant has no history with this sender address.'),
  def('sender.address_messages', 'int', 'Earlier messages from this address to the tenant.'),
  def('sender.domain_messages', 'int', "Earlier messages from the sender's domain to the tenant."),
  def('sender.days_since_first_seen', 'int', 'Days since the address first wrote to the tenant (0 when new).'),
  def('sender.flagged_share', 'double', "Share of the sender's earlier messages that were flagged, 0..1."),
  def('sender.corrected_safe_share', 'double', "Share of the sender's earlier messages released as safe by a correction, 0..1."),

  // Recipient (context.recipientStats, context.tenant.vips)
  def('recipient.is_vip', 'bool', 'The envelope recipient is one of the tenant VIPs.'),
  def('recipient.messages', 'int', 'Messages the recipient has received (0 when unknown).'),
  def('recipient.first_time_sender_share', 'double', "Share of the recipient's mail from first-time senders, 0..1."),
  def('recipient.safe_share', 'double', "Share of the recipient's mail delivered as safe, 0..1."),
];

/** Catalog lookup by name. */
export const SIGNALS_BY_NAME: ReadonlyMap<string, SignalDef> = new Map(SIGNALS.map((s) => [s.name, s]));
