// Free-mail providers: anyone can register an address, so a corporate display name there is a tell.

/** Registrable domains of consumer free-mail providers. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr',
  'hotmail.de', 'hotmail.it', 'hotmail.es', 'live.com', 'live.co.uk', 'live.fr', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.it', 'yahoo.es', 'yahoo.co.jp',
  'yahoo.com.br', 'yahoo.co.in', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'gmx.com',
  'gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'web.de', 'mail.com', 'email.com', 'mail.ru', 'bk.ru',
  'inbox.ru', 'list.ru', 'yandex.ru', 'yandex.com', 'ya.ru', 'rambler.ru', 'proton.me',
  'protonmail.com', 'protonmail.ch', 'pm.me', 'icloud.com', 'me.com', 'mac.com', 'zoho.com',
  'zohomail.com', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hushmail.com', 'qq.com', '163.com',
  '126.com', 'sina.com', 'naver.com', 'daum.net', 'hanmail.net', 'rediffmail.com', 'libero.it',
  'virgilio.it', 'orange.fr', 'wanadoo.fr', 'laposte.net', 'free.fr', 'sfr.fr', 't-online.de',
  'freenet.de', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'onet.pl', 'abv.bg', 'ukr.net',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net',
  'earthlink.net', 'juno.com', 'netzero.net', 'optonline.net', 'btinternet.com', 'sky.com',
  'talktalk.net', 'ntlworld.com', 'bigpond.com', 'shaw.ca', 'rogers.com', 'sympatico.ca',
  'terra.com.br', 'uol.com.br', 'bol.com.br', 'outlook.fr', 'outlook.de', 'outlook.es',
  'mailfence.com', 'gmx.fr', 'yahoo.ca', 'yahoo.com.au', 'hotmail.ca', 'live.ca', 'excite.com',
  'lycos.com', 'usa.net', 'inbox.com', 'mail.ee', 'posteo.de', 'disroot.org', 'cock.li',
]);
