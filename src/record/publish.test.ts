import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffLines, diffRecords, publishForms } from './publish.ts';

describe('publishForms', () => {
  it('gives the zone-file line, the panel value and JSON', () => {
    const forms = publishForms('klant.nl', 'v=spf1 mx include:spf.coachview.net ~all');
    assert.equal(forms.zoneLine, 'klant.nl. 3600 IN TXT "v=spf1 mx include:spf.coachview.net ~all"');
    assert.equal(forms.panel, 'v=spf1 mx include:spf.coachview.net ~all');
    assert.deepEqual(forms.json, { name: 'klant.nl', type: 'TXT', ttl: 3600, value: forms.panel, strings: [forms.panel] });
  });

  it('quotes each string of a long record, and escapes quotes and backslashes (RFC 1035 §5.1)', () => {
    const long = `v=spf1 ${Array.from({ length: 20 }, (_, i) => `ip4:198.51.100.${i}`).join(' ')} -all`;
    const forms = publishForms('klant.nl.', long, { ttl: 300 });
    assert.equal(forms.strings.length, 2);
    assert.match(forms.zoneLine, /^klant\.nl\. 300 IN TXT "v=spf1 [^"]+ " "[^"]+ -all"$/);
    assert.equal(publishForms('@', 'v=spf1 a="b\\c" -all').zoneLine, '@ 3600 IN TXT "v=spf1 a=\\"b\\\\c\\" -all"');
  });
});

describe('diffRecords', () => {
  it('marks added, removed and unchanged terms in order', () => {
    const changes = diffRecords('v=spf1 +MX ip4:192.0.2.1 include:old.example -all', 'v=spf1 mx ip4:192.0.2.1 include:spf.coachview.net -all');
    assert.deepEqual(diffLines(changes), ['  mx', '  ip4:192.0.2.1', '- include:old.example', '+ include:spf.coachview.net', '  -all']);
  });

  it('treats no record as empty', () => {
    assert.deepEqual(diffLines(diffRecords(undefined, 'v=spf1 mx ~all')), ['+ mx', '+ ~all']);
  });
});
