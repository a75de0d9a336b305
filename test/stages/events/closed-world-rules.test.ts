// Coder rules met with closed-world (PETRARCH) dictionaries, one construction per test: reciprocal
// dictionary codes, multi-word agent phrases, agent conjuncts, "between A and B" objects, reduced
// relatives, nominal attacks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPetrarchActors, resolveEntities } from '../../../src/stages/actors/index.js';
import { codeArticle, loadPetrarchVerbs, type CodedEvent } from '../../../src/stages/events/index.js';
import { parseReverse } from '../../../src/stages/events/petrarch.js';
import { annotate } from '../../../src/stages/annotate/index.js';
import { buildArticle, COMMON } from '../../fixtures/events/build.js';
import { FIXTURES } from '../../fixtures/paths.js';

const FIX = join(FIXTURES, 'events');
const verbs = loadPetrarchVerbs(readFileSync(join(FIX, 'verbs-reciprocal.txt'), 'utf8'));
const actors = loadPetrarchActors(readFileSync(join(FIX, 'actors.txt'), 'utf8'), readFileSync(join(FIX, 'agents-closed-world.txt'), 'utf8'));

function closed(text: string): string[] {
  const a = annotate({ id: 't', source: 'test', url: null, title: null, published: '1995-01-01', language: 'en', day_first: false, text, duplicate_of: null });
  const events = codeArticle({ ...a, entities: resolveEntities(a, actors) }, { verbs, countryAsGovernment: false, bothDirections: true, actors });
  return events.map((e) => `${e.source}>${e.target}:${e.cameo}`).sort();
}

function open(text: string, requireDyad = true): CodedEvent[] {
  return codeArticle(buildArticle(text, { published: '2015-09-06', entities: COMMON }), { requireDyad });
}

describe('reciprocal dictionary codes', () => {
  it('reads "[043:042]" as the code of the reverse event', () => {
    expect(parseReverse('[043:042]')).toBe('042');
    expect(parseReverse('[041]')).toBeNull();
    expect(verbs.verbs.get('host')![0]!.reverse).toBe('042');
  });

  it('codes the reverse direction only for reciprocal entries', () => {
    expect(closed('Arnor hosted talks with Gondor.')).toEqual(['ARN>GON:043', 'GON>ARN:042']);
    expect(closed('Arnor met Gondor.')).toEqual(['ARN>GON:031', 'GON>ARN:031']);
    // WELCOME [041] is not reciprocal: Gondor did not welcome anything.
    expect(closed('Arnor welcomed ties with Gondor.')).toEqual(['ARN>GON:041']);
  });
});

describe('agent phrases', () => {
  it('takes the longest agent phrase before "in <country>"', () => {
    expect(closed('Human rights activists in Arnor restored relations with Gondor.')).toContain('ARNOPP>GON:064');
    expect(closed('Activists in Arnor restored relations with Gondor.')).toContain('ARNHRI>GON:064');
  });

  it('gives the conjuncts of a resolved agent phrase its sector', () => {
    const ev = closed('The ambassadors of Arnor and Mordor welcomed ties with Gondor.');
    expect(ev).toContain('ARNGOV>GON:041');
    expect(ev).toContain('MORGOV>GON:041');
  });
});

describe('"between A and B" after the verb', () => {
  it('addresses the act to both parties, not to the subjects', () => {
    expect(closed('Arnor welcomed a resumption of ties between Gondor and Mordor.')).toEqual(['ARN>GON:041', 'ARN>MOR:041']);
    // Without "between" the two subjects welcomed their own ties.
    expect(closed('Arnor and Mordor welcomed a resumption of ties.')).toEqual(['ARN>MOR:041', 'MOR>ARN:041']);
  });
});

describe('reduced relatives', () => {
  it('takes a participle as the predicate when the clause has no other', () => {
    const ev = open('The Islamic State group released at least 19 hostages on Sunday.', false);
    expect(ev.map((e) => [e.source, e.cameo])).toContainEqual(['IMGMUSISI', '0841']);
  });

  it('keeps "X captured in Y were ..." and "a truce brokered by Y" as modifiers', () => {
    expect(open('Islamic State fighters captured in Syria were handed to Turkey.', false).some((e) => e.trigger === 'captured')).toBe(false);
    expect(open('Syria was spared after a truce brokered by Russia and Turkey.', false).some((e) => e.trigger === 'brokered')).toBe(false);
  });
});

describe('nominal attacks', () => {
  it('codes "carried out airstrikes against X" (plural nouns, particle "out")', () => {
    const ev = open('Turkey carried out airstrikes against the Islamic State on Sunday.');
    expect(ev.map((e) => [e.source, e.target, e.type])).toContainEqual(['TURGOV', 'IMGMUSISI', 'ASSAULT']);
    const op = open('Turkey launched a military operation against the Islamic State.');
    expect(op.map((e) => [e.source, e.target, e.cameo])).toContainEqual(['TURGOV', 'IMGMUSISI', '190']);
    expect(open('Turkey launched a rescue operation for the Islamic State.').some((e) => e.type === 'ASSAULT')).toBe(false);
  });
});

describe('closed-world objects', () => {
  it('prefers a "with" party to an earlier locative place', () => {
    const ev = closed('Arnor celebrated Eid at Mordor with Gondor.');
    expect(ev).toContain('ARN>GON:043');
    expect(ev).not.toContain('ARN>MOR:043');
  });
});

describe('CAMEO conventions', () => {
  it('codes rejecting or denying accusations as deny responsibility (016), not a rejection', () => {
    const ev = open('Russia rejected accusations by the United States on Sunday.', false);
    expect(ev.map((e) => e.cameo)).toContain('016');
    expect(ev.some((e) => e.type === 'REJECT')).toBe(false);
    expect(open('Russia rejected the proposal of the United States.').some((e) => e.type === 'REJECT')).toBe(true);
  });

  it('codes a reported promise of material cooperation as an intent (03x)', () => {
    const ev = open('Lavrov said Russia will release the Turkey prisoners.', false);
    const e = ev.find((x) => x.trigger === 'release');
    expect(e?.cameo).toBe('035');
    expect(e?.type).toBe('AGREE');
    expect(e?.hypothetical).toBe(false);
    // A forecast about another party, or a conditional "would", is no promise.
    expect(open('Kerry said Russia will release the Turkey prisoners.', false).find((x) => x.trigger === 'release')?.cameo).toBe('0841');
    expect(open('Lavrov said Russia would release the Turkey prisoners.', false).find((x) => x.trigger === 'release')?.cameo).toBe('0841');
    // Narrated without a speaker, the future stays a hypothetical act.
    const plain = open('Russia will release the Turkey prisoners.', false).find((x) => x.trigger === 'release');
    expect(plain?.cameo).toBe('0841');
    expect(plain?.hypothetical).toBe(true);
  });

  it('codes expressed optimism and pessimism as comments (013/012)', () => {
    expect(open('Kerry expressed optimism about the talks.', false).map((e) => e.cameo)).toContain('013');
    expect(open('Lavrov expressed pessimism about the talks.', false).map((e) => e.cameo)).toContain('012');
  });
});
