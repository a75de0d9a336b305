// Which container a file is: by extension first, then by looking at its first bytes.
export type Container = 'text' | 'html' | 'json' | 'jsonl' | 'warc' | 'feed' | 'csv' | 'tsv';

const BY_EXTENSION: Record<string, Container> = {
  txt: 'text', text: 'text', md: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  jsonl: 'jsonl', ndjson: 'jsonl', json: 'json',
  warc: 'warc',
  rss: 'feed', atom: 'feed', xml: 'feed',
  csv: 'csv', tsv: 'tsv', tab: 'tsv',
};

export function containerOf(path: string, head: string): Container {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  const ext = lower.slice(lower.lastIndexOf('.') + 1);
  const byExt = BY_EXTENSION[ext];
  if (byExt === 'feed' && !/<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return sniff(head);
  return byExt ?? sniff(head);
}

export function sniff(head: string): Container {
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  if (start.startsWith('WARC/')) return 'warc';
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(start) || /^<(rss|feed)[\s>]/i.test(start)) return 'feed';
  // A JSON record first: its "html" field holds tags that would otherwise look like a page.
  if (start.startsWith('{')) return 'jsonl';
  if (/^(<!doctype html|<html|<head|<body)/i.test(start) || /<(p|div|article|br)[\s>/]/i.test(start.slice(0, 500))) return 'html';
  return 'text';
}
