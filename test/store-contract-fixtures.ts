// Builders for store tests (not a test file): small, fully annotated articles and events whose
// every field is set, so a round trip that drops or mangles one is caught.
import { createHash } from 'node:crypto';
import type { Article, Event, PloverType } from '../src/model.js';

export function hashId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function makeArticle(text: string, over: Partial<Article> = {}): Article {
  const firstDot = text.indexOf('.') + 1 || text.length;
  return {
    id: hashId(text),
    source: `fixture/${hashId(text)}.txt`,
    url: `https://example.org/${hashId(text)}`,
    title: text.slice(0, 24),
    published: '2015-09-06',
    language: 'en',
    day_first: false,
    text,
    duplicate_of: null,
    sentences: [{ start: 0, end: firstDot, text: text.slice(0, firstDot) }],
    tokens: [],
    entities: [{ start: 0, end: 6, text: text.slice(0, 6), kind: 'ORG', name: 'Russia', code: 'RUSGOV', country: 'RUS' }],
    dates: [{ start: 0, end: 4, text: text.slice(0, 4), value: '2015-09-05', granularity: 'day' }],
    ...over,
  };
}

export function makeEvent(
  article: Article,
  source: string,
  target: string,
  type: PloverType,
  over: Partial<Event> = {},
): Event {
  const evidence = article.sentences[0]!;
  return {
    id: hashId(`${article.id}|${source}|${target}|${type}|${over.date ?? ''}|${over.negated ?? ''}`),
    article: article.id,
    source_file: article.source,
    source,
    target,
    type,
    cameo: type === 'CONSULT' ? '040' : type === 'ACCUSE' ? '112' : '010',
    goldstein: type === 'CONSULT' ? 1 : type === 'ACCUSE' ? -2 : 0,
    mode: type === 'CONSULT' ? 'phone' : null,
    negated: false,
    hypothetical: false,
    claimed_by: null,
    date: '2015-09-05',
    location: null,
    actors: ['John Kerry', 'Sergey Lavrov'],
    evidence: { start: evidence.start, end: evidence.end, text: evidence.text },
    ...over,
  };
}

/** A little world: Kerry/Lavrov phone call reported twice (one copy syndicated), a denial, others. */
export function storyFixture() {
  const a1 = makeArticle('Kerry spoke with Lavrov by telephone about Syria on Saturday. Ukrainian grain exports resumed.');
  const a2 = makeArticle('Lavrov and Kerry discussed the Syria military build-up in a phone call. Ceasefire talk.', { published: '2015-09-07' });
  const a3 = makeArticle('Lavrov and Kerry discussed the Syria military build-up in a phone call!! Ceasefire talk.', {
    published: '2015-09-07',
    duplicate_of: a2.id,
  });
  const a4 = makeArticle('Moscow denied that any call with Washington took place. Élysée café naïve — 日本語 text.', {
    published: '2015-09-08',
    day_first: true,
    language: 'fr',
    title: null,
    url: null,
  });
  const a5 = makeArticle('China accused Japan of provocations over the islands in October 2014.', { published: '2014-10-20' });
  const e1 = makeEvent(a1, 'USAGOV', 'RUSGOV', 'CONSULT');
  const e2 = makeEvent(a2, 'RUSGOV', 'USAGOV', 'CONSULT', { claimed_by: 'Sergey Lavrov' });
  const e3 = makeEvent(a3, 'RUSGOV', 'USAGOV', 'CONSULT');
  const e4 = makeEvent(a4, 'RUSGOV', 'USAGOV', 'CONSULT', { negated: true, date: '2015-09-05', actors: [] });
  const e5 = makeEvent(a5, 'CHNGOV', 'JPNGOV', 'ACCUSE', { date: '2014-10', actors: ['Xi Jinping'], location: 'East China Sea' });
  const e6 = makeEvent(a1, 'USAGOV', 'SYRGOV', 'ACCUSE', { date: null, hypothetical: true, actors: [] });
  return {
    articles: [a1, a2, a3, a4, a5],
    events: new Map<string, Event[]>([[a1.id, [e1, e6]], [a2.id, [e2]], [a3.id, [e3]], [a4.id, [e4]], [a5.id, [e5]]]),
    ids: { a1, a2, a3, a4, a5, e1, e2, e3, e4, e5, e6 },
  };
}
