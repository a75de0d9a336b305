// Alerts over hand-made articles, on both store backends: what counts as a new event, a newly
// contested one, a known event reported again, an article older than the alert, min_confidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAlert, alertHits, removeAlert, scanAlerts } from '../../src/app/alerts.js';
import type { Article, Event, PloverType } from '../../src/model.js';
import type { Store } from '../../src/store/types.js';
import type { HitPayload } from '../../src/store/watch-types.js';
import { backends } from '../fixtures/store/backends.js';

interface Spec {
  sentence: string;
  source: string;
  target: string;
  type: PloverType;
  date: string;
  negated?: boolean;
  claimed_by?: string;
  confidence?: number;
}

/** One article whose text is the sentences, with one event per sentence. */
function story(id: string, specs: Spec[]): { article: Article; events: Event[] } {
  const text = specs.map((s) => s.sentence).join(' ');
  const article: Article = {
    id, source: `${id}.html`, url: `https://news.example.org/${id}`, title: id, published: specs[0]!.date, language: 'en', day_first: false,
    text, duplicate_of: null, sentences: [], tokens: [], entities: [], dates: [],
  };
  const events = specs.map((s, n): Event => {
    const start = text.indexOf(s.sentence);
    return {
      id: `${id}e${n}`, article: id, source_file: article.source, source: s.source, target: s.target, type: s.type, cameo: '040',
      goldstein: 1, mode: null, negated: s.negated ?? false, hypothetical: false, claimed_by: s.claimed_by ?? null, date: s.date,
      location: null, actors: [], evidence: { start, end: start + s.sentence.length, text: s.sentence },
      ...(s.confidence === undefined ? {} : { confidence: s.confidence }),
    };
  });
  return { article, events };
}

const MEET: Spec = { sentence: 'Kerry and Lavrov met in Paris on October 14.', source: 'USAGOV', target: 'RUSGOV', type: 'CONSULT', date: '2014-10-14' };
const AGREED: Spec = { sentence: 'Kerry said they agreed to share intelligence.', source: 'USAGOV', target: 'RUSGOV', type: 'AGREE', date: '2014-10-14', claimed_by: 'John Kerry' };
const DENIED: Spec = { sentence: 'Lavrov denied that any agreement had been reached.', source: 'RUSGOV', target: 'USAGOV', type: 'AGREE', date: '2014-10-14', negated: true, claimed_by: 'Sergey Lavrov' };
const ANKARA: Spec = { sentence: 'Lavrov accused Ankara of helping militants.', source: 'RUSGOV', target: 'TURGOV', type: 'ACCUSE', date: '2015-11-30' };

for (const backend of backends) {
  describe.skipIf(backend.skip)(`alerts (${backend.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const save = async (s: { article: Article; events: Event[] }) => expect(await store.saveArticle(s.article, s.events)).toBe(true);
    const hitsOf = async (name: string): Promise<HitPayload[]> => (await alertHits(store, { alert: name, limit: 100, offset: 0 })).map((h) => h.payload);

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      // Stored before any alert exists: never news to one.
      await save(story('old', [{ ...MEET, sentence: 'Kerry and Lavrov met in Geneva in March.', date: '2014-03-02' }]));
      await addAlert(store, 'rus-usa', { dyad: ['RUS', 'USA'] }, null);
      await addAlert(store, 'disputed', { contested: true }, 'https://hooks.example.org/x');
      await addAlert(store, 'sure', { dyad: ['RUS', 'USA'], min_confidence: 0.8 }, null);
    });
    afterAll(async () => {
      await store?.close();
      await dispose?.();
    });

    it('a new article: each new merged event of the dyad is one hit; older articles are not news', async () => {
      await save(story('claim', [MEET, AGREED]));
      expect(await scanAlerts(store)).toBe(4); // rus-usa: the meeting and the agreement; sure: the same two
      const hits = await hitsOf('rus-usa');
      expect(hits.map((h) => h.event.type).sort()).toEqual(['AGREE', 'CONSULT']);
      expect(hits.every((h) => h.articles.length === 1 && h.articles[0]!.id === 'claim')).toBe(true);
      expect(await hitsOf('disputed')).toEqual([]);
    });

    it('a denial of a reported event: no new event for the dyad alert, one newly contested event', async () => {
      await save(story('denial', [DENIED]));
      expect(await scanAlerts(store)).toBe(1);
      expect(await hitsOf('rus-usa')).toHaveLength(2);
      const [contested] = await hitsOf('disputed');
      expect(contested!.event).toMatchObject({ type: 'AGREE', contested: true, mention_count: 2 });
      expect(contested!.articles.map((a) => a.id).sort()).toEqual(['claim', 'denial']);
      const [row] = await alertHits(store, { alert: 'disputed', limit: 1, offset: 0 });
      expect(row!.webhook_state).toBe('pending');
    });

    it('a repeated report of a contested event is no new hit; nothing new, nothing found', async () => {
      await save(story('denial-again', [{ ...DENIED, sentence: 'Moscow again denied any deal had been made.' }]));
      expect(await scanAlerts(store)).toBe(0);
      expect(await scanAlerts(store)).toBe(0);
    });

    it('min_confidence: an event coded with less confidence is left out (one without a confidence counts as 1)', async () => {
      await save(story('unsure', [{ ...MEET, sentence: 'Officials said the two may have met in Vienna on May 2.', date: '2016-05-02', confidence: 0.4 }]));
      await save(story('turkey', [ANKARA]));
      expect(await scanAlerts(store)).toBe(1);
      expect((await hitsOf('rus-usa')).map((h) => h.event.date)).toContain('2016-05-02');
      expect((await hitsOf('sure')).map((h) => h.event.date)).not.toContain('2016-05-02');
    });

    it('removing an alert removes its hits; with no alert left, stored articles are not queued', async () => {
      for (const name of ['rus-usa', 'disputed', 'sure']) expect(await removeAlert(store, name)).toBe(true);
      expect(await removeAlert(store, 'rus-usa')).toBe(false);
      expect(await alertHits(store, { limit: 10, offset: 0 })).toEqual([]);
      await save(story('later', [{ ...MEET, sentence: 'They met again in Rome.', date: '2017-01-05' }]));
      expect(await store.alerts.unscanned(10)).toEqual([]);
    });
  });
}
