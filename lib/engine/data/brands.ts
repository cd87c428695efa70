// Well-known brands that phishing imitates: the names a display name or domain may show, and the
// registrable domains the brand really sends from. Names are matched as whole words, lower-case.

export type Brand = {
  /** Canonical brand id, reported as `message.impersonated_brand`. */
  id: string;
  /** Lower-case names/keywords that identify the brand in a display name. */
  names: string[];
  /** Registrable domains the brand legitimately uses. The first is the one lookalikes imitate. */
  domains: string[];
};

/** The brand list used for display-name and lookalike-domain impersonation. */
export const BRANDS: readonly Brand[] = [
  { id: 'microsoft', names: ['microsoft', 'microsoft 365', 'office 365', 'office365', 'outlook', 'onedrive', 'sharepoint', 'microsoft teams', 'hotmail'], domains: ['microsoft.com', 'office.com', 'office365.com', 'outlook.com', 'live.com', 'microsoftonline.com', 'sharepoint.com', 'onedrive.com', 'hotmail.com', 'msn.com', 'microsoft365.com', 'azure.com', 'skype.com', 'xbox.com', 'bing.com'] },
  { id: 'paypal', names: ['paypal'], domains: ['paypal.com', 'paypal.me', 'paypal-communication.com', 'paypalobjects.com'] },
  { id: 'apple', names: ['apple', 'icloud', 'itunes', 'apple id', 'app store'], domains: ['apple.com', 'icloud.com', 'me.com', 'mac.com', 'itunes.com'] },
  { id: 'amazon', names: ['amazon', 'amazon prime', 'prime video', 'aws'], domains: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.ca', 'amazon.co.jp', 'amazon.in', 'amazon.com.au', 'amazonses.com', 'amazonaws.com', 'aws.com', 'primevideo.com'] },
  { id: 'docusign', names: ['docusign'], domains: ['docusign.com', 'docusign.net'] },
  { id: 'dhl', names: ['dhl', 'dhl express'], domains: ['dhl.com', 'dhl.de', 'dhl.co.uk', 'dhl-news.com', 'dpdhl.com'] },
  { id: 'fedex', names: ['fedex'], domains: ['fedex.com'] },
  { id: 'ups', names: ['ups'], domains: ['ups.com'] },
  { id: 'usps', names: ['usps'], domains: ['usps.com', 'usps.gov'] },
  { id: 'netflix', names: ['netflix'], domains: ['netflix.com', 'netflix.net'] },
  { id: 'google', names: ['google', 'gmail', 'google drive', 'google docs', 'youtube'], domains: ['google.com', 'gmail.com', 'googlemail.com', 'youtube.com', 'googleusercontent.com', 'google.co.uk'] },
  { id: 'adobe', names: ['adobe', 'adobe sign', 'acrobat'], domains: ['adobe.com', 'adobesign.com', 'echosign.com'] },
  { id: 'dropbox', names: ['dropbox'], domains: ['dropbox.com', 'dropboxmail.com'] },
  { id: 'wetransfer', names: ['wetransfer'], domains: ['wetransfer.com'] },
  { id: 'linkedin', names: ['linkedin'], domains: ['linkedin.com'] },
  { id: 'coinbase', names: ['coinbase'], domains: ['coinbase.com'] },
  { id: 'binance', names: ['binance'], domains: ['binance.com'] },
  { id: 'metamask', names: ['metamask'], domains: ['metamask.io'] },
  { id: 'facebook', names: ['facebook', 'meta platforms', 'instagram', 'whatsapp'], domains: ['facebook.com', 'facebookmail.com', 'meta.com', 'instagram.com', 'whatsapp.com'] },
  { id: 'chase', names: ['chase bank', 'jpmorgan chase'], domains: ['chase.com', 'jpmorgan.com', 'jpmorganchase.com'] },
  { id: 'bankofamerica', names: ['bank of america', 'bofa'], domains: ['bankofamerica.com', 'bofa.com'] },
  { id: 'wellsfargo', names: ['wells fargo'], domains: ['wellsfargo.com'] },
  { id: 'citi', names: ['citibank'], domains: ['citi.com', 'citibank.com'] },
  { id: 'hsbc', names: ['hsbc'], domains: ['hsbc.com', 'hsbc.co.uk'] },
  { id: 'barclays', names: ['barclays'], domains: ['barclays.com', 'barclays.co.uk'] },
  { id: 'americanexpress', names: ['american express', 'amex'], domains: ['americanexpress.com', 'aexp.com'] },
  { id: 'ebay', names: ['ebay'], domains: ['ebay.com', 'ebay.co.uk', 'ebay.de'] },
  { id: 'zoom', names: ['zoom video', 'zoom meetings'], domains: ['zoom.us', 'zoom.com'] },
  { id: 'norton', names: ['norton', 'norton 360', 'lifelock'], domains: ['norton.com', 'nortonlifelock.com', 'gen.digital'] },
  { id: 'mcafee', names: ['mcafee'], domains: ['mcafee.com'] },
  { id: 'geeksquad', names: ['geek squad'], domains: ['geeksquad.com', 'bestbuy.com'] },
  { id: 'irs', names: ['irs', 'internal revenue service'], domains: ['irs.gov'] },
  { id: 'walmart', names: ['walmart'], domains: ['walmart.com'] },
  { id: 'costco', names: ['costco'], domains: ['costco.com'] },
  { id: 'att', names: ['at&t'], domains: ['att.com', 'att.net'] },
  { id: 'verizon', names: ['verizon'], domains: ['verizon.com', 'verizon.net'] },
  { id: 'spotify', names: ['spotify'], domains: ['spotify.com'] },
  { id: 'steam', names: ['steam support', 'steam community'], domains: ['steampowered.com', 'steamcommunity.com'] },
  { id: 'instagram', names: ['instagram'], domains: ['instagram.com', 'facebookmail.com'] },
  { id: 'stripe', names: ['stripe'], domains: ['stripe.com'] },
  { id: 'intuit', names: ['intuit', 'quickbooks'], domains: ['intuit.com', 'quickbooks.com'] },
  { id: 'webmail', names: ['webmail', 'mail administrator', 'email administrator', 'mailbox administrator', 'it helpdesk', 'help desk', 'it support', 'system administrator'], domains: [] },
];
