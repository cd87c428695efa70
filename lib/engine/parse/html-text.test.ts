import { describe, expect, it } from 'vitest';
import { extractHtmlContent } from './html-text';

describe('extractHtmlContent', () => {
  it('turns block elements into lines and decodes entities', () => {
    const r = extractHtmlContent('<div>one</div><div>two &amp; three</div><br>four');
    expect(r.visibleText).toBe('one\ntwo & three\nfour');
  });

  it('collects hidden text separately', () => {
    const html = [
      '<span style="display:none">preheader lure</span>',
      '<div style="font-size:0px">zero font</div>',
      '<p style="color:#ffffff;background-color:#fff">white on white</p>',
      '<p style="visibility: hidden">invisible</p>',
      '<p hidden>attr hidden</p>',
      '<p>shown</p>',
    ].join('');
    const r = extractHtmlContent(html);
    expect(r.visibleText).toBe('shown');
    for (const s of ['preheader lure', 'zero font', 'white on white', 'invisible', 'attr hidden']) expect(r.hiddenText).toContain(s);
  });

  it('does not call white text on its own dark background hidden', () => {
    const r = extractHtmlContent('<td style="color:#fff;background:#000">Big sale</td>');
    expect(r.hiddenText).toBe('');
    expect(r.visibleText).toBe('Big sale');
  });

  it('collects anchors with their visible text', () => {
    const r = extractHtmlContent('<a href="https://x.example/a">Click <b>here</b></a> and <a href="mailto:a@b">mail</a>');
    expect(r.anchors).toEqual([
      { href: 'https://x.example/a', text: 'Click here' },
      { href: 'mailto:a@b', text: 'mail' },
    ]);
  });

  it('survives unclosed and misnested tags', () => {
    const r = extractHtmlContent('<div><span style="display:none">h<div>x</span></div>after');
    expect(r.visibleText).toContain('after');
  });
});
