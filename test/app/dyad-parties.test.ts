import { describe, expect, it } from 'vitest';
import { dyadParty, rankDyads } from '../../src/app/dyads.js';
import { actorName } from '../../src/stages/actors/index.js';

describe('dyad parties', () => {
  it('are countries or whole organisations, never a bare sector fragment or an unknown country', () => {
    expect(dyadParty('USAGOV')).toBe('USA');
    expect(dyadParty('IMGMUSISI')).toBe('IMGMUSISI');
    expect(dyadParty('IGOWSTNAT')).toBe('IGOWSTNAT');
    expect(dyadParty('---COP')).toBeNull();
  });

  it('rank pairs of different parties, with their names', () => {
    const ranked = rankDyads(
      [
        { source: 'USAGOV', target: 'RUSGOV' }, { source: 'RUSMIL', target: 'USAGOV' }, { source: 'USAGOV', target: 'USAMIL' },
        { source: 'IMGMUSISI', target: 'IRQMIL' }, { source: '---COP', target: 'EGYCVL' },
      ],
      50, actorName,
    );
    expect(ranked).toEqual([
      { a: 'RUS', b: 'USA', count: 2, a_name: 'Russia', b_name: 'United States' },
      { a: 'IMGMUSISI', b: 'IRQ', count: 1, a_name: 'Islamic State', b_name: 'Iraq' },
    ]);
  });

  it('name organisations known only by dated roles, and keep the undated name of a shared code', () => {
    expect(actorName('IGOAFRAFU')).toBe('African Union');
    expect(actorName('IGOEUROSC')).toMatch(/Security and Co-operation in Europe/);
    expect(actorName('IGOEUREEC')).toBe('European Union');
  });
});
