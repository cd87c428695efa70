// Data for the guardrails (lib/engine keeps its own lists internal; these are the server's).

/** Consumer free-mail providers: anyone can register there, so a domain-wide allow is an open door. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'icloud.com', 'me.com',
  'mac.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'web.de',
  'mail.com', 'email.com', 'mail.ru', 'yandex.ru', 'yandex.com', 'zoho.com', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hushmail.com',
  'qq.com', '163.com', '126.com', 'naver.com', 'libero.it', 'orange.fr', 'wanadoo.fr', 'laposte.net', 'free.fr', 't-online.de',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'btinternet.com', 'posteo.de', 'mailfence.com',
]);

/** Domains phishing imitates most; a correction for a near-miss of one of these is suspicious. */
export const BRAND_DOMAINS: readonly string[] = [
  'microsoft.com', 'office.com', 'office365.com', 'outlook.com', 'live.com', 'paypal.com', 'apple.com', 'icloud.com', 'amazon.com',
  'docusign.com', 'docusign.net', 'dhl.com', 'fedex.com', 'ups.com', 'usps.com', 'netflix.com', 'google.com', 'gmail.com', 'adobe.com',
  'dropbox.com', 'wetransfer.com', 'linkedin.com', 'coinbase.com', 'binance.com', 'facebook.com', 'instagram.com', 'whatsapp.com',
  'chase.com', 'bankofamerica.com', 'wellsfargo.com', 'citibank.com', 'hsbc.com', 'barclays.com', 'americanexpress.com', 'intuit.com',
  'quickbooks.com', 'salesforce.com', 'zoom.us', 'slack.com', 'github.com', 'stripe.com', 'irs.gov', 'ebay.com', 'walmart.com',
];
