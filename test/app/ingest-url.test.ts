// Ingest hands a record's page address to the date finder: JSON Lines and CSV records with a url
// but no date are dated by the day in that address.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSources, type IngestItem } from '../../src/ingest/index.js';
import { ingestItems } from '../../src/app/ingest.js';
import type { Article } from '../../src/model.js';
import type { Store } from '../../src/store/types.js';

function recordingStore(): Store & { articles: Article[] } {
  const articles: Article[] = [];
  const store = {
    articles,
    hasArticle: async () => false,
    saveArticle: async (a: Article) => {
      articles.push(a);
      return true;
    },
    minhashes: async () => [],
  };
  return store as unknown as Store & { articles: Article[] };
}

const PAGE = '<html><body><article><p>Russian President Vladimir Putin spoke by telephone with Turkish President Tayyip Erdogan about the war in Syria.</p></article></body></html>';

async function ingested(input: string): Promise<Article[]> {
  const items: IngestItem[] = [];
  for await (const item of readSources(['-'], { stdin: Readable.from([input]) })) items.push(item);
  const store = recordingStore();
  await ingestItems(store, items, {});
  return store.articles;
}

describe('ingest with page addresses', () => {
  it('dates a JSON Lines record by its url', async () => {
    const lines = [
      JSON.stringify({ html: PAGE, url: 'https://news.example.com/2025/03/01/putin-erdogan' }),
      JSON.stringify({ html: PAGE.replace('Syria', 'Libya'), url: 'https://news.example.com/world/putin-erdogan' }),
    ].join('\n');
    const articles = await ingested(lines);
    expect(articles.map((a) => a.published)).toEqual(['2025-03-01', null]);
  });

  it('dates a CSV record by its url column', async () => {
    const csv = `url,html\nhttps://news.example.com/2024/11/05/call,"${PAGE.replace(/"/g, '""')}"\n`;
    const articles = await ingested(csv);
    expect(articles.map((a) => a.published)).toEqual(['2024-11-05']);
  });
});
