// URL-shortener hosts: a link through one hides its destination from the reader (and from us).

/** Registrable domains (or exact hosts) of public URL shorteners. */
export const SHORTENER_DOMAINS: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly',
  'cutt.ly', 'shorturl.at', 'tiny.cc', 'rb.gy', 'v.gd', 't.ly', 'bl.ink', 'short.io', 'shorte.st',
  'adf.ly', 'bc.vc', 'soo.gd', 's.id', 'qrco.de', 'lnkd.in', 'tr.im', 'x.co', 'cli.gs', 'snip.ly',
  'u.to', 'clck.ru', 'tiny.one', 'shrtco.de', 'rotf.lol', 'urlz.fr', '1url.com', 'linktr.ee',
  'surl.li', 'bit.do', 'mcaf.ee', 'db.tt', 'youtu.be', 'trib.al', 'dlvr.it', 'ift.tt', 'n9.cl',
  'tny.im', 'urlr.me', 'gg.gg', 'lnk.to', 'han.gl', 'me2.do', 'shorturl.asia', 'zpr.io',
]);
