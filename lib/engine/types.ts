// The engine's data contract: what parsing produces, what signals look like, what the caller
// passes in as context and corrections, and the decision that comes out. Everything here is
// plain data (JSON-serialisable) so it can be stored, diffed and replayed.

/** A mailbox with its registrable domain (eTLD+1, from tldts), lower-cased. */
export type Address = {
  name: string;
  address: string;
  domain: string;
  registrableDomain: string;
};

/** One header as received, repeated headers kept in order; `key` is the lower-cased name. */
export type Header = { key: string; name: string; value: string };

export type AuthOutcome =
  | 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'unknown';

export type AuthResults = {
  spf: { result: AuthOutcome; domain: string } | null;
  dkim: { result: AuthOutcome; domain: string; selector: string }[];
  dmarc: { result: AuthOutcome; domain: string; policy: string } | null;
  arc: { result: AuthOutcome } | null;
};

export type ReceivedHop = { from: string; by: string; ip: string; date: string | null };

export type Link = {
  index: number;
  href: string;
  /** Visible anchor text (empty for bare URLs found in text). */
  text: string;
  /** Host as written (lower-cased); `unicodeHost` with punycode decoded. */
  host: string;
  unicodeHost: string;
  registrableDomain: string;
  isIpLiteral: boolean;
  isShortener: boolean;
  source: 'html' | 'text';
};

export type Attachment = {
  index: number;
  filename: string;
  declaredType: string;
  /** From magic bytes; '' when unknown. */
  sniffedType: string;
  size: number;
  sha256: string;
  extension: string;
  risky: boolean;
  doubleExtension: boolean;
  macroCapable: boolean;
  archive: boolean;
  html: boolean;
  executable: boolean;
};

export type ParsedMessage = {
  /** sha256 of the raw bytes: the identity of "this exact message". */
  fingerprint: string;
  size: number;
  headers: Header[];
  from: Address | null;
  sender: Address | null;
  replyTo: Address[];
  returnPath: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  /** ISO 8601, or null when missing or unparseable. */
  date: string | null;
  messageId: string | null;
  auth: AuthResults;
  received: ReceivedHop[];
  /** The text/plain part, as decoded. */
  text: string;
  /** The text/html part, as decoded (hostile: never render it outside a sandbox). */
  html: string;
  /** Visible text of the HTML part, from a real HTML parser. */
  htmlText: string;
  /** Text a reader would not see (display:none, zero-size fonts, white-on-white …). */
  hiddenText: string;
  links: Link[];
  attachments: Attachment[];
};

/** Where a piece of evidence was found. Body offsets index into `text` or `htmlText`. */
export type Evidence =
  | { kind: 'header'; header: string; start: number; end: number; text: string }
  | { kind: 'body'; part: 'text' | 'html'; start: number; end: number; text: string }
  | { kind: 'link'; index: number; text: string }
  | { kind: 'attachment'; index: number; text: string }
  | { kind: 'context'; text: string };

export type SignalType = 'bool' | 'int' | 'double' | 'string';
export type SignalLevel = 'message' | 'sender' | 'recipient';

/** A signal's declaration. Names are `level.snake_case`, written the same way in rule expressions. */
export type SignalDef = {
  name: string;
  type: SignalType;
  level: SignalLevel;
  description: string;
};

export type SignalValue = boolean | number | string;

/** Every catalog signal has a value; evidence is present for the ones that found something. */
export type SignalSet = {
  values: Record<string, SignalValue>;
  evidence: Record<string, Evidence[]>;
};

/** What the tenant's history says about the sender. Null in the context means "never seen". */
export type SenderStats = {
  addressMessages: number;
  domainMessages: number;
  /** Days since this address first wrote to the tenant. */
  firstSeenDaysAgo: number;
  /** Share of the sender's earlier messages that were flagged, 0..1. */
  flaggedShare: number;
  /** Share of the sender's earlier messages that a correction released as safe, 0..1. */
  correctedSafeShare: number;
};

export type RecipientStats = {
  messages: number;
  /** Share of the recipient's mail that came from first-time senders, 0..1. */
  firstTimeSenderShare: number;
  /** Share of the recipient's mail that was delivered as safe, 0..1. */
  safeShare: number;
};

export type TenantProfile = {
  slug: string;
  domains: string[];
  vips: { name: string; addresses: string[] }[];
};

export type ScoringContext = {
  tenant: TenantProfile;
  /** The envelope recipient (the tenant mailbox), which can differ from To. */
  recipient: string;
  sender: SenderStats | null;
  recipientStats: RecipientStats | null;
};

export type CorrectionScope =
  | { kind: 'sender'; address: string }
  | { kind: 'domain'; domain: string }
  | { kind: 'rule_sender'; ruleId: string; address: string }
  | { kind: 'rule_domain'; ruleId: string; domain: string }
  | { kind: 'message'; fingerprint: string };

/** An active allow-list entry. `requireAuth`: applies only when SPF/DKIM/DMARC pass and align. */
export type Correction = { id: string; scope: CorrectionScope; requireAuth: boolean };

export type Verdict = 'attack' | 'spam' | 'graymail' | 'safe';
export type Action = 'quarantine' | 'spam_folder' | 'banner' | 'deliver';
export type RuleCategory = 'attack' | 'spam' | 'graymail';

export type Attribution =
  | {
      kind: 'rule';
      ruleId: string;
      title: string;
      category: RuleCategory;
      contribution: number;
      /** The signals the expression read, and the evidence they carried. */
      signals: string[];
      evidence: Evidence[];
    }
  | {
      kind: 'model';
      feature: string;
      value: number;
      weight: number;
      contribution: number;
      evidence: Evidence[];
    }
  | {
      kind: 'correction';
      correctionId: string;
      scope: CorrectionScope;
      /** 'allow' overrides the verdict; 'suppress_rule' removed one rule's contribution. */
      effect: 'allow' | 'suppress_rule';
      contribution: number;
    };

export type Decision = {
  verdict: Verdict;
  score: number;
  action: Action;
  /** True when the action takes the message out of the inbox. */
  flagged: boolean;
  rulesetVersion: string;
  /** Ordered by absolute contribution, largest first. */
  attribution: Attribution[];
};

// ---- Rulesets, model weights and compiler diagnostics (added by the rules/model/decision owner) ----

/** One detection rule as stored in a ruleset file. `expression` is CEL over the signal catalog. */
export type RuleSource = {
  id: string;
  title: string;
  description: string;
  expression: string;
  /** Points added to the score when the rule fires (negative rules lower it). */
  score: number;
  category: RuleCategory;
  enabled: boolean;
  tags: string[];
};

/** Score cut-offs: a message at or above `attack`/`spam` is flagged, at or above `graymail` gets a banner. */
export type Thresholds = { attack: number; spam: number; graymail: number };

/** A ruleset as stored (lib/engine/rulesets/default.json): plain data, versioned. */
export type RulesetSource = {
  version: string;
  thresholds: Thresholds;
  rules: RuleSource[];
  /** The linear model this ruleset was tuned with, and how many score points one logit unit is worth. */
  model: { id: string; scale: number } | null;
};

/** How a signal becomes a model feature: bools 0/1, counts log1p-scaled, doubles as they are. */
export type FeatureTransform = 'bool' | 'log1p' | 'identity';

/** A trained logistic-regression head: logit = bias + Σ weight·transform(signal). */
export type ModelHead = {
  bias: number;
  features: { signal: string; transform: FeatureTransform; weight: number }[];
};

/** Trained weights as stored (lib/engine/rulesets/model.json). */
export type ModelWeights = {
  id: string;
  /** `malicious`: phish+spam vs ham, drives the score. `attack`: phish vs spam, only picks the verdict. */
  heads: { malicious: ModelHead; attack: ModelHead };
  training: { examples: number; folds: number; seed: number; epochs: number; l2: number };
};

/** A compile problem at a position in one rule's expression (1-based line and column). */
export type Diagnostic = { ruleId: string; message: string; line: number; column: number };

/**
 * Who a message claims to be from, as corrections match it. `domain` is From's full host
 * (lower-cased); `authAligned` is true when DMARC passed, or SPF/DKIM passed for a domain sharing
 * From's registrable domain.
 */
export type MessageIdentity = { address: string; domain: string; fingerprint: string; authAligned: boolean };
