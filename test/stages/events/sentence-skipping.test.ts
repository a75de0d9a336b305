// The coder's fast paths must answer as the slow paths they stand in for: a sentence the coder
// skips (sentenceMayMatter false) would have had no mention, place or date, and mayResolve says
// exactly whether resolveAnaphora adds a mention to a sentence without entities.
import { describe, expect, it } from 'vitest';
import { codeArticle, sentenceMayMatter } from '../../../src/stages/events/coder.js';
import { mayResolve, newDiscourse, resolveAnaphora, type Discourse } from '../../../src/stages/events/discourse.js';
import { lowerBound } from '../../../src/lang/offsets.js';
import { newMention, viewSentence, type Mention, type ViewOptions } from '../../../src/stages/events/sentence.js';
import type { Article } from '../../../src/model.js';
import { buildArticle, COMMON } from '../../fixtures/events/build.js';

/** Every anaphor word, in the contexts where it does and does not stand for someone. */
const TEXT = [
  'He said so.', 'She left early.', 'Him too, apparently.', 'His visit ended.', 'Her plane landed.',
  'They met for hours.', 'Their talks ended.', 'The sides argued, and them too.', 'The two agreed.',
  'Two officials agreed.', 'Both sides agreed.', 'The ministers met.', 'Both presidents spoke.',
  'Ministers met again.', 'Both leaders spoke.', 'The men left.', 'THEY left; THE TWO stayed.',
  'Both of them wept.', 'Nothing happened after that.', 'Lavrov met Kerry on Saturday.',
  'It rained in Paris.', 'The talks resumed on Monday.', 'Russia and the United States disagree.',
].join(' ');

const OPTIONS: ViewOptions = { countryAsGovernment: true, placesAsActors: false, agentSector: () => null };

function person(name: string, code: string): Mention {
  return newMention(0, 0, code, name, 'PERSON', [name], false, null);
}

/** Discourse states that decide what an anaphor resolves to (fresh each call: resolving mutates). */
function states(): Discourse[] {
  const kerry = person('John Kerry', 'USAGOV');
  const lavrov = person('Sergey Lavrov', 'RUSGOV');
  const russia = newMention(0, 0, 'RUSGOV', 'Russia', 'PLACE', [], false, null);
  const usa = newMention(0, 0, 'USAGOV', 'United States', 'PLACE', [], false, null);
  const onePerson = newDiscourse();
  onePerson.lastPerson = kerry;
  onePerson.recent = [kerry];
  const twoPeople = newDiscourse();
  twoPeople.lastPerson = lavrov;
  twoPeople.recent = [kerry, lavrov];
  const statePair = newDiscourse();
  statePair.pair = [russia, usa];
  const peoplePair = newDiscourse();
  peoplePair.pair = [kerry, lavrov];
  return [newDiscourse(), onePerson, twoPeople, statePair, peoplePair];
}

function tokenRange(article: Article, s: number): [number, number] {
  const sent = article.sentences[s]!;
  return [lowerBound(article.tokens, sent.start), lowerBound(article.tokens, sent.end)];
}

const article = buildArticle(TEXT, {
  published: '2015-09-06',
  entities: COMMON,
  dates: [['Saturday', '2015-09-05'], ['Monday', '2015-09-07']],
});

describe('skipping sentences that cannot matter', () => {
  it('the test text has sentences of every kind', () => {
    expect(article.sentences.length).toBeGreaterThan(20);
  });

  it('mayResolve says exactly whether resolveAnaphora adds a mention to a sentence without entities', () => {
    let resolved = 0;
    for (let s = 0; s < article.sentences.length; s++) {
      const [from, to] = tokenRange(article, s);
      for (let k = 0; k < states().length; k++) {
        const view = viewSentence(article, s, from, to, OPTIONS);
        if (view.mentions.length) continue;
        const expected = (resolveAnaphora(view, states()[k]!), view.mentions.length > 0);
        expect(mayResolve(states()[k]!, article.tokens, from, to), `${article.sentences[s]!.text} (state ${k})`).toBe(expected);
        if (expected) resolved++;
      }
    }
    expect(resolved).toBeGreaterThan(10);
  });

  it('a sentence that may not matter has no mention, place or date, and leaves the discourse as it was', () => {
    let skipped = 0;
    for (let s = 0; s < article.sentences.length; s++) {
      const [from, to] = tokenRange(article, s);
      for (let k = 0; k < states().length; k++) {
        if (sentenceMayMatter(article, article.sentences[s]!, from, to, states()[k]!)) continue;
        skipped++;
        const d = states()[k]!;
        const before = JSON.stringify(d);
        const view = viewSentence(article, s, from, to, OPTIONS);
        resolveAnaphora(view, d);
        expect([view.mentions.length, view.places.length, view.dates.length], article.sentences[s]!.text).toEqual([0, 0, 0]);
        expect(JSON.stringify(d)).toBe(before);
      }
    }
    expect(skipped).toBeGreaterThan(10);
  });

  it('still codes an event whose only participants are pronouns (the two people last named)', () => {
    const a = buildArticle('Kerry and Lavrov arrived in Geneva. They met on Saturday.', {
      published: '2015-09-06',
      entities: [...COMMON, ['Geneva', 'PLACE', 'Geneva', 'CHE']],
      dates: [['Saturday', '2015-09-05']],
    });
    const met = codeArticle(a).filter((e) => e.type === 'CONSULT');
    expect(met.map((e) => [e.source, e.target, e.date, e.evidence.text])).toEqual([['RUSGOV', 'USAGOV', '2015-09-05', 'They met on Saturday.']]);
  });
});
