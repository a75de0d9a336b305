// JSON calls to /api. In --private mode the server answers 401 until the user gives the token,
// which is kept for this tab only (sessionStorage) and sent as a bearer header.
import type { Article, Event, MergedEvent } from '../../src/model.js';
// The timeline point type is the one the server sends (src/report/timeline.ts; type-only: erased from the bundle), so they cannot drift apart.
import type { TimelinePoint } from '../../src/report/timeline.js';
export type { Event, MergedEvent, TimelinePoint };

const TOKEN_KEY = 'demarche-token';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** The URL of an API call (also what a download link points at). */
export function apiUrl(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  return `/api/${path}${qs.size ? `?${qs}` : ''}`;
}

export async function api<T>(path: string, params: Record<string, string | number | undefined | null> = {}): Promise<T> {
  const url = apiUrl(path, params);
  const token = sessionStorage.getItem(TOKEN_KEY);
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new ApiError(res.status, (body as { error?: string }).error ?? `HTTP ${res.status}`);
  return body as T;
}

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  next_offset: number | null;
}

export interface Timeline {
  a: string;
  b: string;
  bucket: string;
  points: TimelinePoint[];
  unplaced: { count: number; events: string[] };
  total: number;
  truncated: boolean;
}

export interface EventDetail {
  event: Event;
  article: { id: string; title: string | null; url: string | null; published: string | null; source: string } | null;
  merged: MergedEvent | null;
}

export type ArticleEvent = Omit<Event, 'evidence'> & { evidence: { start: number; end: number } };

export type ArticleDetail = Pick<Article, 'id' | 'source' | 'url' | 'title' | 'published' | 'language' | 'duplicate_of' | 'text'> & {
  entities: Article['entities'];
  events: ArticleEvent[];
};

export interface ArticleRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  duplicate_of: string | null;
  /** The opening characters of the clean text (used to name untitled articles). */
  text?: string;
}

export interface SearchHit {
  article: string;
  title: string | null;
  published: string | null;
  snippet: string;
  /** Opening text of an untitled article (null when it has a title). */
  lead: string | null;
}
