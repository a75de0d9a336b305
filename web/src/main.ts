// Entry point: a hash router (#/ the overview, #/map, #/network, #/timeline, #/brief, #/event/ID,
// #/article/ID, #/articles, #/alerts, #/search?q=) over the views.
import './style.css';
import { api, ApiError, setToken } from './api.js';
import { showAlerts } from './alertsPage.js';
import { showArticle, showArticles } from './articlePage.js';
import { showDashboard } from './dashboard.js';
import { errorBox, h, mount } from './dom.js';
import { showEvent } from './eventPage.js';
import { showSearch } from './searchPage.js';
import { showOverview } from './overviewPage.js';
import { showMap } from './mapPage.js';
import { showNetwork } from './networkPage.js';
import { showBrief } from './briefPage.js';

const app = document.getElementById('app')!;
const stats = document.getElementById('stats')!;
const searchForm = document.getElementById('search') as HTMLFormElement;

function parseHash(): { parts: string[]; params: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

/** In --private mode every call answers 401 until the user gives the token. */
function askForToken(): void {
  const input = h('input', { type: 'password', name: 'token', 'aria-label': 'API token', autocomplete: 'off' });
  const form = h('form', { class: 'token' }, h('p', {}, 'This server is private. Enter its API token:'), input, h('button', { type: 'submit' }, 'Continue'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    setToken(input.value.trim());
    void route();
  });
  mount(app, form);
}

async function loadStats(): Promise<void> {
  const s = await api<{ articles: number; events: number }>('stats');
  stats.textContent = `${s.articles} articles · ${s.events} events`;
}

async function route(): Promise<void> {
  const { parts, params } = parseHash();
  // The box shows the current search only; on any other page a stale query would mislead.
  (searchForm.elements.namedItem('q') as HTMLInputElement).value = parts[0] === 'search' ? params.get('q') ?? '' : '';
  try {
    await loadStats();
    if (parts[0] === 'event' && parts[1]) await showEvent(app, parts[1]);
    else if (parts[0] === 'article' && parts[1]) await showArticle(app, parts[1], params);
    else if (parts[0] === 'articles') await showArticles(app, params);
    else if (parts[0] === 'alerts') await showAlerts(app);
    else if (parts[0] === 'search') await showSearch(app, params);
    else if (parts[0] === 'timeline') await showDashboard(app, params);
    else if (parts[0] === 'map') await showMap(app, params);
    else if (parts[0] === 'network') await showNetwork(app, params);
    else if (parts[0] === 'brief') await showBrief(app, params);
    else await showOverview(app, params);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) askForToken();
    else mount(app, errorBox(`Something went wrong: ${(e as Error).message}`));
  }
  document.body.dataset.ready = 'true';
  document.body.dataset.view = parts[0] ?? '';
}

searchForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = (searchForm.elements.namedItem('q') as HTMLInputElement).value.trim();
  location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => void route());
void route();
