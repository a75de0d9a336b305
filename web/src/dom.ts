// Building DOM nodes from data. Text always goes in as text nodes, never as HTML: article text,
// titles and snippets can contain markup written by anyone, and it must stay inert.
type Attr = string | number | boolean | null | undefined | ((ev: Event) => void);
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'class') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the children of el. */
export function mount(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A link only for http(s) URLs; anything else (javascript:, data:) is shown as plain text. */
export function externalLink(url: string | null, label?: string): Node {
  if (!url) return document.createTextNode('');
  if (!/^https?:\/\//i.test(url)) return document.createTextNode(label ?? url);
  return h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, label ?? url);
}

export function errorBox(message: string): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, message);
}

export function shorten(text: string, max = 220): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}
