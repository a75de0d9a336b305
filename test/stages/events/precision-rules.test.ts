// The event coder's general precision (and recall) rules, each on a small hand-written
// sentence. Entities are given by hand (fixtures/events/build.ts) so a test isolates the coder.
import { describe, expect, it } from 'vitest';
import { codeArticle, type CodedEvent } from '../../../src/stages/events/index.js';
import { annotateText } from '../../../src/pipeline.js';
import { buildArticle, COMMON, type DateSpec, type EntitySpec } from '../../fixtures/events/build.js';

const MORE: EntitySpec[] = [
  ...COMMON,
  ['Baghdad', 'PLACE', 'Iraq', 'IRQ'],
  ['British', 'PLACE', 'United Kingdom', 'GBR'],
  ['Russian', 'PLACE', 'Russia', 'RUS'],
  ['Syrian', 'PLACE', 'Syria', 'SYR'],
  ['Assad', 'PERSON', 'Bashar al-Assad', 'SYRGOV'],
  ['Erdogan', 'PERSON', 'Recep Tayyip Erdogan', 'TURGOV'],
  ['Australia', 'PLACE', 'Australia', 'AUS'],
  ['Turkish court', 'ORG', 'Turkish court', 'TURJUD'],
];

function code(text: string, dates: DateSpec[] = []): CodedEvent[] {
  return codeArticle(buildArticle(text, { published: '2018-03-01', entities: MORE, dates }));
}

const asserted = (ev: CodedEvent[]) => ev.filter((e) => !e.negated && !e.hypothetical && e.type !== null);
const dyads = (ev: CodedEvent[]) => ev.map((e) => `${e.source}>${e.target}:${e.type}`);

describe('verbs', () => {
  it('codes a mined Phoenix verb only when it is on the trusted list', () => {
    expect(asserted(code('Russia described Turkey as a partner.'))).toHaveLength(0);
    expect(dyads(code('Russia pressured Turkey.'))).toContain('RUSGOV>TURGOV:COERCE');
  });

  it('does not take a participle modifier for a predicate', () => {
    const ev = code('Russia detained thousands of suspected Islamic State fighters.');
    expect(ev.filter((e) => e.trigger === 'suspected')).toHaveLength(0);
    expect(code('Russian backed forces attacked Turkey.').filter((e) => e.type === 'SUPPORT')).toHaveLength(0);
    expect(code('A clash between Russian backed forces and Turkey.').filter((e) => e.type === 'SUPPORT')).toHaveLength(0);
  });

  it('does not take "in turn" or a noun after a finite verb for a verb', () => {
    const ev = code('Russia in turn accuses the United States of lying.');
    expect(dyads(ev)).toContain('RUSGOV>USAGOV:ACCUSE');
    expect(ev.filter((e) => e.trigger === 'turn')).toHaveLength(0);
    expect(code('Syria has received offers of help from Turkey.').filter((e) => e.trigger === 'offers')).toHaveLength(0);
  });

  it('re-tags a verb the tagger called a noun between two actors ("Russia slams US")', () => {
    expect(dyads(code('Russia slams US over Syria strikes.'))).toContain('RUSGOV>USAGOV:ACCUSE');
  });

  it('needs an actor as the object of "strike" and reads "calling it" as naming', () => {
    expect(code('Turkey has struck a rapprochement with Syria.').filter((e) => e.type === 'ASSAULT')).toHaveLength(0);
    expect(code('Kerry called it a mistake by Lavrov.').filter((e) => e.type === 'CONSULT')).toHaveLength(0);
  });

  it('codes sharing information as cooperation, not aid', () => {
    const ev = code('Russia provided the United States with data.');
    expect(ev.find((e) => e.source === 'RUSGOV' && e.target === 'USAGOV')).toMatchObject({ type: 'COOPERATE', cameo: '064' });
  });
});

describe('verb senses', () => {
  it('reads "clashed over"/"clashed with a person" as a quarrel, not a battle', () => {
    expect(code('Kerry and Lavrov have clashed over the plan.').filter((e) => e.type === 'ASSAULT')).toHaveLength(0);
    expect(code('Turkey clashed with Kerry.').find((e) => e.target === 'USAGOV')?.cameo).toBe('110');
    expect(code('Turkey clashed with Syria.').find((e) => e.target === 'SYRGOV')?.type).toBe('ASSAULT');
  });

  it('reads "demonstrate" with an object as "show", without one as a protest', () => {
    expect(code('Russia met Turkey, demonstrating Russia’s new clout.').filter((e) => e.type === 'PROTEST')).toHaveLength(0);
    expect(code('Russia demonstrated against Turkey.').find((e) => e.target === 'TURGOV')?.type).toBe('PROTEST');
  });

  it('reads "X’s call for Y to ..." as an appeal', () => {
    const ev = code('Turkey rejected Kerry’s call for Russia to withdraw.');
    expect(ev.filter((e) => e.type === 'CONSULT')).toHaveLength(0);
  });

  it('negates a verb whose object is "no ..." and skips a numbered participle', () => {
    expect(code('Russia provided no evidence to Turkey.').find((e) => e.source === 'RUSGOV')?.negated).toBe(true);
    expect(code('Russia asked Turkey to repatriate 800 captured Islamic State fighters.').filter((e) => e.trigger === 'captured')).toHaveLength(0);
  });

  it('does not address a "warned that ..." claim to the other party', () => {
    const ev = code('Kerry met Lavrov in Paris. Kerry warned that missiles will be coming.');
    expect(ev.filter((e) => e.type === 'THREATEN')).toHaveLength(0);
  });
});

describe('modality', () => {
  it('treats a verb coordinated with an infinitive, and "is to", as intentions', () => {
    const ev = code('Turkey vowed to degrade and destroy the Islamic State.');
    expect(ev.filter((e) => e.type === 'ASSAULT' && !e.hypothetical)).toHaveLength(0);
    expect(code('Kerry is to meet Lavrov in Paris.').find((e) => e.type === 'CONSULT')?.hypothetical).toBe(true);
  });

  it('reads "in the absence of" as negation and keeps a temporal clause out of the negation scope', () => {
    const none = code('In the absence of an agreement between Russia and the United States, the war goes on.');
    expect(none.find((e) => e.type === 'AGREE')?.negated).toBe(true);
    const ev = code('Russia has not used its air defences, even last week when Turkey bombed Syria.');
    expect(ev.find((e) => e.source === 'TURGOV' && e.target === 'SYRGOV')?.negated).toBe(false);
  });
});

describe('participants', () => {
  it('does not take an "anti-X" modifier as a participant', () => {
    expect(code('The United States bombed anti-Assad rebels.').filter((e) => e.target === 'SYRGOV')).toHaveLength(0);
  });

  it('does not reach through a nested phrase, a possessive or another verb for the target', () => {
    expect(code('Russia issued a warning about the threat from the Islamic State.').filter((e) => e.target === 'IMGMUSISI')).toHaveLength(0);
    expect(code('The United States supported the Kurds’ fight against the Islamic State.').filter((e) => e.target === 'IMGMUSISI')).toHaveLength(0);
    expect(code('Two British men killed fighting the Islamic State were buried.').filter((e) => e.source === 'GBRGOV')).toHaveLength(0);
  });

  it('does not take the object of a preposition after a verb, or a by-agent, as the subject', () => {
    const ev = code('Kurdish militias fighting against Turkey have called on Syria to intervene.');
    expect(ev.filter((e) => e.source === 'TURGOV')).toHaveLength(0);
  });

  it('makes coordinated by-agents a dyad only for joint acts', () => {
    expect(code('Civilians were killed by Russian and Syrian bombs.').filter((e) => e.type === 'ASSAULT')).toHaveLength(0);
  });

  it('starts a new clause at "and" + subject + verb after a finite verb', () => {
    const ev = code('Turkey and Syria have troops in Iraq and Lavrov criticized the United States.');
    expect(dyads(ev)).toContain('RUSGOV>USAGOV:ACCUSE');
    expect(ev.filter((e) => e.source === 'TURGOV' || e.source === 'SYRGOV')).toHaveLength(0);
  });

  it('lets a named object win over "their" and codes signing as mutual', () => {
    const ev = code('Russia, Turkey and Syria welcomed their resumption of ties with the United States.');
    expect(ev.filter((e) => e.target === 'USAGOV').map((e) => e.source).sort()).toEqual(['RUSGOV', 'SYRGOV', 'TURGOV']);
    expect(ev.filter((e) => e.target === 'TURGOV' && e.source === 'RUSGOV')).toHaveLength(0);
    expect(code('Russia and Turkey signed a treaty.').map((e) => `${e.source}>${e.target}:${e.cameo}`)).toContain('RUSGOV>TURGOV:057');
  });
});

describe('nominal contacts', () => {
  it('codes "A and B are in talks" as their contact, not "sponsoring the talks"', () => {
    const ev = code('Baghdad and Washington are in talks to transfer Islamic State fighters.');
    expect(dyads(ev)).toContain('IRQGOV>USAGOV:CONSULT');
    expect(ev.filter((e) => e.target === 'IMGMUSISI')).toHaveLength(0);
    expect(code('Russia and Turkey, along with Syria, are sponsoring the Sochi talks.').filter((e) => e.type === 'CONSULT')).toHaveLength(0);
  });
});

describe('the speaker and the conversation', () => {
  it('replaces a claimed contact with an armed group by the accusation of the state', () => {
    const ev = code('The leaders of Islamic State maintain a constant liaison with Turkey, says Sergey Lavrov.');
    expect(dyads(ev)).toContain('RUSGOV>TURGOV:ACCUSE');
    expect(ev.filter((e) => e.type === 'CONSULT')).toHaveLength(0);
  });

  it('codes an evaluation only against an actor named in the claim, never the speaker’s own country', () => {
    const ev = code('Kerry met Lavrov in Paris. The sanctions, Lavrov added, undermined confidence.');
    expect(ev.filter((e) => e.type === 'ACCUSE')).toHaveLength(0);
    expect(code('Lavrov said the Russian moves are dangerous.').filter((e) => e.type === 'ACCUSE')).toHaveLength(0);
  });

  it('does not address a topic complement to the other party', () => {
    const ev = code('Kerry met Lavrov in Paris. Both sides expressed support for continuing the dialogue.');
    expect(ev.filter((e) => e.type === 'SUPPORT')).toHaveLength(0);
  });
});

describe('phrases and clauses', () => {
  it('joins a comma list closed by "and", but not an apposition', () => {
    const ev = code('Russia, the United States and Turkey condemned the Islamic State.');
    expect(ev.filter((e) => e.target === 'IMGMUSISI').map((e) => e.source).sort()).toEqual(['RUSGOV', 'TURGOV', 'USAGOV']);
    const app = code('Lavrov, the Russian minister, criticized Turkey.');
    expect(dyads(app)).toEqual(['RUSGOV>TURGOV:ACCUSE']);
  });

  it('takes the possessor, not a name in the complement, as the participant of a phrase', () => {
    const ev = code('A Turkish court has rejected Australia’s request for the extradition of Islamic State suspect Neil Prakash.');
    expect(dyads(ev)).toContain('TURJUD>AUSGOV:REJECT');
    expect(ev.filter((e) => e.target === 'IMGMUSISI')).toHaveLength(0);
  });

  it('does not make a country adjective before a group adjective the state', () => {
    expect(code('Washington’s support for Syrian Kurdish forces angered Turkey.').filter((e) => e.target === 'SYRGOV')).toHaveLength(0);
  });

  it('takes the antecedent of "who"/"which" as the subject of a relative clause', () => {
    const ev = code('Turkey attacked Kurdish forces who have fought with the United States.');
    expect(ev.filter((e) => e.source === 'TURGOV' && e.target === 'USAGOV')).toHaveLength(0);
    const rel = code('Russia, which had backed Turkey, blamed the United States.');
    expect(dyads(rel)).toContain('RUSGOV>USAGOV:ACCUSE');
  });

  it('keeps the subject of a complement after a speech verb without "that"', () => {
    expect(dyads(code('Jeffrey said Washington had repeatedly asked Russia whether it could operate in Idlib.'))).toContain('USAGOV>RUSGOV:REQUEST');
  });

  it('resolves a subject "he" to the previous subject, not to the last person named', () => {
    const ev = code('Erdogan met Kerry in Paris. He criticized Russia.');
    expect(dyads(ev)).toContain('TURGOV>RUSGOV:ACCUSE');
  });
});

describe('agents of a country', () => {
  it('codes "lawmakers in A and B" as the legislatures, a singular place noun as the country', () => {
    const ev = codeArticle(annotateText({ id: 'a', text: 'Lawmakers in France and Germany criticized Russia.', date: '2018-03-01' }));
    expect(ev.filter((e) => e.target === 'RUSGOV').map((e) => e.source).sort()).toEqual(['DEULEG', 'FRALEG']);
    const place = codeArticle(annotateText({ id: 'b', text: 'The capital of Russia was attacked by Turkey.', date: '2018-03-01' }));
    expect(place.find((e) => e.type === 'ASSAULT')?.target.slice(0, 3)).toBe('RUS');
    expect(place.find((e) => e.type === 'ASSAULT')?.target).not.toMatch(/LEG|MIL/);
  });
});

describe('repeated sentences', () => {
  it('codes a sentence repeated word for word once, however often it is repeated', () => {
    const sentence = 'Russia accused Turkey of shooting down the jet. ';
    const once = codeArticle(annotateText({ id: 'r1', text: sentence, date: '2015-11-25' })).filter((e) => e.type);
    const many = codeArticle(annotateText({ id: 'r2', text: sentence.repeat(200), date: '2015-11-25' })).filter((e) => e.type);
    expect(once.length).toBeGreaterThan(0);
    expect(many.length).toBe(once.length);
  });
});

describe('event dates', () => {
  it('a year that names a thing ("a 2013 agreement") does not date the event', () => {
    const dated = (text: string) => codeArticle(annotateText({ id: 'd1', text, date: '2018-08-11' })).filter((e) => e.type === 'ACCUSE').map((e) => e.date);
    expect(dated('In January, Rex Tillerson, then the US secretary of state, accused Moscow of violating a 2013 US-Russia agreement.')).toEqual(['2018-01']);
    expect(dated('Tillerson accused Moscow of violating a 2013 US-Russia agreement.')).toEqual(['2018-08-11']);
  });
});
