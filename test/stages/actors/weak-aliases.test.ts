// Weak (common-word) aliases: organisations written as names resolve without context.
import { describe, expect, it } from 'vitest';
import { resolveEntities } from '../../../src/stages/actors/index.js';
import { article } from '../../fixtures/actors/helpers.js';

function codeOf(text: string, surface: string): string | null | undefined {
  return resolveEntities(article(text, '2020-01-01')).find((e) => e.text === surface)?.code;
}

describe('weak organisation aliases', () => {
  it('resolves an acronym in capitals and an "al-" compound', () => {
    expect(codeOf('NATO condemned Russia on Monday.', 'NATO')).toBe('IGOWSTNAT');
    expect(codeOf('Officials said al-Shabaab attacked Kenya.', 'al-Shabaab')).toBe('SOMREB');
  });

  it('resolves group names the lexicon lists by accident', () => {
    expect(codeOf('Hezbollah attacked Israel on Monday.', 'Hezbollah')).toBe('LBNREB');
  });

  it('still needs context for an ordinary word', () => {
    expect(codeOf('The Youth attacked Kabul on Monday.', 'Youth')).toBeUndefined();
    expect(codeOf('The Tigers won on Monday.', 'Tigers')).toBeUndefined();
  });
});
