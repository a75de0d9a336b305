// The event coder on hand-built articles: each test isolates one construction.
import { describe, expect, it } from 'vitest';
import { codeArticle, codeEvents } from '../../../src/stages/events/index.js';
import type { CodedEvent } from '../../../src/stages/events/index.js';
import { buildArticle, COMMON, type DateSpec } from '../../fixtures/events/build.js';

function code(text: string, opts: { published?: string | null; dates?: DateSpec[] } = {}): CodedEvent[] {
  return codeArticle(buildArticle(text, { published: opts.published ?? '2015-09-06', entities: COMMON, dates: opts.dates ?? [] }));
}

function find(events: CodedEvent[], type: string, source?: string, target?: string): CodedEvent | undefined {
  return events.find((e) => e.type === type && (!source || e.source === source) && (!target || e.target === target));
}

describe('participants', () => {
  it('codes an active clause subject -> object, countries as governments', () => {
    const ev = code('Russia accused the United States of sheltering terrorist groups.');
    const e = find(ev, 'ACCUSE');
    expect(e).toBeDefined();
    expect([e!.source, e!.target]).toEqual(['RUSGOV', 'USAGOV']);
    expect(e!.cameo.startsWith('11')).toBe(true);
    expect(e!.goldstein).toBeLessThan(0);
  });

  it('codes one event per coordinated object, and joint acts both ways on request', () => {
    const ev = code('Russia accused Turkey and the United States of lying.');
    expect(ev.filter((e) => e.type === 'ACCUSE').map((e) => e.target).sort()).toEqual(['TURGOV', 'USAGOV']);
    const a = buildArticle('Kerry and Lavrov met on Saturday.', { published: '2015-09-06', entities: COMMON });
    expect(codeArticle(a).filter((e) => e.type === 'CONSULT')).toHaveLength(1);
    const both = codeArticle(a, { bothDirections: true }).filter((e) => e.type === 'CONSULT');
    expect(both.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['RUSGOV>USAGOV', 'USAGOV>RUSGOV']);
  });

  it('reverses a passive clause: the by-agent is the source', () => {
    const ev = code('The United States was criticized by Russia on Saturday.', { dates: [['Saturday', '2015-09-05']] });
    const e = find(ev, 'ACCUSE');
    expect([e?.source, e?.target]).toEqual(['RUSGOV', 'USAGOV']);
    expect(e?.date).toBe('2015-09-05');
  });

  it('codes a coordinated subject once, first conjunct as source', () => {
    const ev = code('Kerry and Lavrov agreed to continue discussions of the Syrian issue later this month.', {
      dates: [['later this month', '2015-09']],
    });
    const agree = ev.filter((e) => e.type === 'AGREE');
    expect(agree).toHaveLength(1);
    expect([agree[0]!.source, agree[0]!.target]).toEqual(['USAGOV', 'RUSGOV']);
    expect(agree[0]!.actors).toEqual(['John Kerry', 'Sergey Lavrov']);
    // The date inside the infinitive belongs to the planned discussions, not to the agreement.
    expect(agree[0]!.date).toBe('2015-09-06');
    expect(agree[0]!.hypothetical).toBe(false);
  });

  it('codes "talks between A and B" as a nominal event with its mode', () => {
    const ev = code('Kerry made his views known to Lavrov during a telephone conversation on Saturday.', {
      dates: [['Saturday', '2015-09-05']],
    });
    const e = find(ev, 'CONSULT');
    expect(e).toMatchObject({ source: 'USAGOV', target: 'RUSGOV', mode: 'phone', date: '2015-09-05' });
    const between = code('The meeting between Kerry and Lavrov, which took place in Paris on October 7, was tense.', {
      dates: [['October 7', '2015-10-07']],
    });
    expect(find(between, 'CONSULT')).toMatchObject({ source: 'USAGOV', target: 'RUSGOV', mode: 'meet', location: 'Paris', date: '2015-10-07' });
  });

  it('codes an abstract target ("concerns of the United States about ...") and a possessor source', () => {
    const ev = code("Russia on Saturday shunned concerns of the United States about Russia's military build-up.");
    expect(find(ev, 'REJECT', 'RUSGOV', 'USAGOV')).toBeDefined();
    expect(find(ev, 'ACCUSE', 'USAGOV', 'RUSGOV')).toBeDefined();
  });

  it('does not take a modifier ("US-backed") or a prepositional object as the accused', () => {
    expect(code('Russia condemned the US-backed rebels.').filter((e) => e.target === 'USAGOV')).toHaveLength(0);
    const ev = code('Lavrov said any attack against Turkey would be reckless.');
    expect(ev.filter((e) => e.type === 'ACCUSE' && e.target === 'TURGOV')).toHaveLength(0);
  });

  it('does not code a place after "in" as a participant', () => {
    const ev = code('Russia criticized the bombing in Syria.');
    expect(ev.filter((e) => e.target === 'SYRGOV')).toHaveLength(0);
  });
});

describe('negation and modality', () => {
  it('flags "no agreement" and "failed to result in an agreement" as negated', () => {
    const a = find(code('Russia has reached no agreement with the United States over sharing intelligence.'), 'AGREE');
    expect(a).toMatchObject({ source: 'RUSGOV', target: 'USAGOV', negated: true });
    const b = find(code('Talks between Kerry and Lavrov failed to result in a ceasefire agreement.'), 'AGREE');
    expect(b).toMatchObject({ source: 'USAGOV', target: 'RUSGOV', negated: true });
    const talks = find(code('Talks between Kerry and Lavrov failed to result in a ceasefire agreement.'), 'CONSULT');
    expect(talks?.negated).toBe(false);
  });

  it('flags plans and conditionals as hypothetical, not as done', () => {
    const e = find(code('Kerry and Lavrov were expected to meet later Monday.'), 'CONSULT');
    expect(e?.hypothetical).toBe(true);
    const f = find(code('Kerry and Lavrov met in Paris.'), 'CONSULT');
    expect(f).toMatchObject({ hypothetical: false, negated: false, location: 'Paris' });
  });
});

describe('reported speech', () => {
  it('attributes a reported event to the speaker', () => {
    const ev = code('Lavrov said Turkey attacked the Islamic State.');
    const e = ev.find((x) => x.source === 'TURGOV' && x.target === 'IMGMUSISI');
    expect(e?.type).toBe('ASSAULT');
    expect(e?.claimed_by).toBe('Sergey Lavrov');
    const narrated = code('Turkey attacked the Islamic State.').find((x) => x.source === 'TURGOV');
    expect(narrated?.claimed_by).toBeNull();
  });

  it("codes the speaker's own accusation when the claim is an evaluation", () => {
    const ev = code('Sergey Lavrov stressed that the escalation caused by US military preparations is unacceptable.');
    const e = find(ev, 'ACCUSE', 'RUSGOV', 'USAGOV');
    expect(e).toBeDefined();
    expect(e!.actors).toContain('Sergey Lavrov');
    expect(e!.claimed_by).toBeNull();
  });

  it('turns a claim of contacts with an armed group into an accusation of the state', () => {
    const ev = code('The leaders of Islamic State maintain a constant liaison with Turkey, says Sergey Lavrov.');
    expect(find(ev, 'ACCUSE', 'RUSGOV', 'TURGOV')).toBeDefined();
  });

  it('keeps what a denial denies negated', () => {
    const ev = code('Lavrov denied that Russia attacked Turkey.');
    expect(find(ev, 'ASSAULT', 'RUSGOV', 'TURGOV')?.negated).toBe(true);
  });
});

describe('word tables', () => {
  it('finds nothing for words that name members of every JavaScript object', () => {
    // "constructor" and "__proto__" once found Object's own members in the verb and noun tables.
    for (const w of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const text = `Russia praised the ${w} and Kerry ${w} Lavrov.`;
      expect(() => code(text)).not.toThrow();
    }
  });
});

describe('discourse', () => {
  it('keeps a date found inside a URL with the URL token, even at the end of a sentence', () => {
    // A crash once: the date's first token was looked up as "the next token start", past the end.
    const text = 'Kerry met Lavrov on Saturday. More at https://example.org/2015/10/28/kerry-lavrov-talks/';
    const ev = code(text, { dates: [['Saturday', '2015-09-05'], ['2015/10/28', '2015-10-28']] });
    expect(find(ev, 'CONSULT')?.date).toBe('2015-09-05');
  });

  it('resolves "the two" to the parties of the conversation and carries its date', () => {
    const ev = code('On Saturday, Kerry spoke by phone with Lavrov. The two agreed to meet again.', {
      dates: [['Saturday', '2015-09-05']],
    });
    expect(find(ev, 'CONSULT')).toMatchObject({ source: 'USAGOV', target: 'RUSGOV', mode: 'phone', date: '2015-09-05' });
    const agree = find(ev, 'AGREE');
    expect(agree).toMatchObject({ source: 'USAGOV', target: 'RUSGOV', date: '2015-09-05' });
    expect(agree!.actors).toEqual(['John Kerry', 'Sergey Lavrov']);
  });

  it("attributes a claim in \"X's remarks that ...\" to X, dated by the sentence", () => {
    const ev = code("Lavrov answered Kerry's remarks after their meeting in Paris on Oct. 14 that the two had agreed to share intelligence.", {
      published: '2014-10-25',
      dates: [['Oct. 14', '2014-10-14']],
    });
    const agree = ev.find((e) => e.type === 'AGREE' && !e.negated);
    expect(agree).toMatchObject({ source: 'USAGOV', target: 'RUSGOV', claimed_by: 'John Kerry', date: '2014-10-14' });
    expect(find(ev, 'CONSULT')).toMatchObject({ location: 'Paris', date: '2014-10-14' });
  });
});

describe('events', () => {
  it('gives stable ids, exact evidence and PLOVER-only output', () => {
    const text = 'Kerry met Lavrov in Paris. Russia accused the United States of lying.';
    const a = buildArticle(text, { published: '2015-09-06', entities: COMMON });
    const first = codeEvents(a);
    const second = codeEvents(a);
    expect(first.map((e) => e.id)).toEqual(second.map((e) => e.id));
    expect(new Set(first.map((e) => e.id)).size).toBe(first.length);
    for (const e of first) {
      expect(a.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.type).not.toBeNull();
      expect(e.article).toBe('fixture');
    }
    expect(first.length).toBeGreaterThanOrEqual(2);
  });

  it('copes with an empty article', () => {
    const empty = buildArticle('', { entities: COMMON });
    expect(codeEvents(empty)).toEqual([]);
  });

  it('codes nothing without two actors', () => {
    expect(code('The talks failed and the meeting ended without agreement.')).toHaveLength(0);
  });
});
