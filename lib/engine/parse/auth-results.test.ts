import { describe, expect, it } from 'vitest';
import type { Header } from '../types';
import { parseAuthResults } from './auth-results';

const h = (name: string, value: string): Header => ({ key: name.toLowerCase(), name, value });

describe('parseAuthResults', () => {
  it('parses an RFC 8601 header with comments and several DKIM signatures', () => {
    const auth = parseAuthResults([
      h(
        'Authentication-Results',
        'mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=abc; dkim=fail (bad sig) header.d=other.example header.s=s2; ' +
          'spf=pass (google.com: domain of a@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=a@example.com; ' +
          'dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com; arc=pass (i=1)',
      ),
    ]);
    expect(auth.spf).toEqual({ result: 'pass', domain: 'example.com' });
    expect(auth.dkim).toEqual([
      { result: 'pass', domain: 'example.com', selector: 's1' },
      { result: 'fail', domain: 'other.example', selector: 's2' },
    ]);
    expect(auth.dmarc).toEqual({ result: 'pass', domain: 'example.com', policy: 'reject' });
    expect(auth.arc).toEqual({ result: 'pass' });
  });

  it('reads the Microsoft form (no authserv-id, header.d=none, action=)', () => {
    const auth = parseAuthResults([
      h('Authentication-Results', 'spf=softfail (sender IP is 192.0.2.9) smtp.mailfrom=bad.example; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=paypal.com;'),
    ]);
    expect(auth.spf).toEqual({ result: 'softfail', domain: 'bad.example' });
    expect(auth.dkim).toEqual([{ result: 'none', domain: '', selector: '' }]);
    expect(auth.dmarc).toEqual({ result: 'fail', domain: 'paypal.com', policy: 'quarantine' });
  });

  it('prefers the topmost header for each method', () => {
    const auth = parseAuthResults([
      h('Authentication-Results', 'mx.top.example; spf=fail smtp.mailfrom=x.example'),
      h('Authentication-Results', 'relay.example; spf=pass smtp.mailfrom=x.example; dmarc=pass header.from=x.example'),
    ]);
    expect(auth.spf?.result).toBe('fail');
    expect(auth.dmarc?.result).toBe('pass');
  });

  it('falls back to Received-SPF', () => {
    const auth = parseAuthResults([h('Received-SPF', 'Pass (mailfrom) identity=mailfrom; client-ip=192.0.2.1; helo=mail.example.com; envelope-from=a@example.com; receiver=mx')]);
    expect(auth.spf).toEqual({ result: 'pass', domain: 'example.com' });
    const google = parseAuthResults([h('Received-SPF', 'softfail (google.com: domain of transitioning b@spoof.example does not designate 192.0.2.1 as permitted sender) client-ip=192.0.2.1;')]);
    expect(google.spf).toEqual({ result: 'softfail', domain: 'spoof.example' });
  });

  it('maps unknown keywords and tolerates garbage', () => {
    expect(parseAuthResults([h('Authentication-Results', 'x; spf=hardfail smtp.mailfrom=a.example; dkim=weird')]).spf?.result).toBe('fail');
    expect(parseAuthResults([h('Authentication-Results', ';;;(((( =;')])).toEqual({ spf: null, dkim: [], dmarc: null, arc: null });
  });
});
