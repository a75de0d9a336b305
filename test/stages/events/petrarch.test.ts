// PETRARCH-format verb dictionaries: parsing, and coding with a closed-world dictionary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPetrarchActors, resolveEntities } from '../../../src/stages/actors/index.js';
import { cameoInfo, codeArticle, loadPetrarchVerbs, ploverOf } from '../../../src/stages/events/index.js';
import { parseCode } from '../../../src/stages/events/petrarch.js';
import { annotate } from '../../../src/stages/annotate/index.js';
import { FIXTURES } from '../../fixtures/paths.js';

const FIX = join(FIXTURES, 'events');
const verbs = loadPetrarchVerbs(readFileSync(join(FIX, 'verbs.txt'), 'utf8'));

describe('loadPetrarchVerbs', () => {
  it('reads codes, block defaults, synsets, patterns and phrasal verbs', () => {
    expect(parseCode('[013:012]')).toBe('013');
    expect(parseCode('[---]')).toBeNull();
    const restore = verbs.verbs.get('restore')![0]!;
    expect(restore.code).toBe('064');
    // The malformed "[+++]" pattern is dropped; the synset expands in place.
    expect(restore.patterns).toHaveLength(3);
    const ties = restore.patterns.find((p) => p.code === '061')!;
    expect(ties.after[0]).toEqual(['military', 'economic']);
    expect(restore.patterns.find((p) => p.code === '112')!.before).toEqual([['not']]);
    expect(verbs.verbs.get('accuse')![0]!.code).toBe('112');
    expect(verbs.verbs.get('blame')![0]!.code).toBeNull();
    const brk = verbs.verbs.get('break')![0]!;
    expect(brk).toMatchObject({ code: '161', particles: ['off'] });
    expect(verbs.verbs.get('broke')![0]).toBe(brk);
  });
});

describe('closed-world coding', () => {
  const actors = loadPetrarchActors(readFileSync(join(FIX, 'actors.txt'), 'utf8'));
  const code = (text: string) => {
    const a = annotate({ id: 't', source: 'test', url: null, title: null, published: '1995-01-01', language: 'en', day_first: false, text, duplicate_of: null });
    return codeArticle({ ...a, entities: resolveEntities(a, actors) }, { verbs, countryAsGovernment: false });
  };

  it('uses the longest matching pattern of the dictionary', () => {
    const ties = code('Arnor restored military ties with Gondor.');
    expect(ties.map((e) => [e.source, e.target, e.cameo])).toContainEqual(['ARN', 'GON', '061']);
    const plain = code('Arnor restored relations with Gondor.');
    expect(plain.map((e) => e.cameo)).toContain('064');
    const treason = code('Gondor accused Mordor of treason.');
    expect(treason.map((e) => [e.source, e.target, e.cameo])).toContainEqual(['GON', 'MOR', '1125']);
  });

  it('takes a negated pattern as the meaning of the negated verb, not as a negated event', () => {
    expect(verbs.verbs.get('restore')![0]!.patterns.find((p) => p.code === '112')!.negative).toBe(true);
    const ev = code('Arnor did not restore relations with Gondor.');
    expect(ev.map((e) => [e.source, e.target, e.cameo, e.negated])).toContainEqual(['ARN', 'GON', '112', false]);
    const plain = code('Arnor did not restore military ties with Gondor.');
    expect(plain.find((e) => e.cameo === '061')?.negated).toBe(true);
  });

  it('codes only verbs the dictionary lists', () => {
    expect(code('Arnor attacked Gondor.')).toHaveLength(0);
    expect(code('Arnor broke off relations with Gondor.').map((e) => e.cameo)).toEqual(['161']);
  });
});

describe('CAMEO table', () => {
  it('joins Goldstein values with PLOVER types and modes', () => {
    expect(cameoInfo('041')).toMatchObject({ plover: 'CONSULT', mode: 'phone' });
    expect(ploverOf('0214')).toBe('REQUEST');
    expect(ploverOf('010')).toBeNull();
    expect(cameoInfo('190')!.goldstein).toBeLessThan(cameoInfo('040')!.goldstein);
    expect(cameoInfo('1125')!.penta).toBe(3);
  });
});
