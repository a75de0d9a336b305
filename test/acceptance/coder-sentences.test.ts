// Sentences the rule coder alone gave nothing for (listed in the event coder's issue): the learned
// coder, with the model shipped in data/, finds their events with the actors' words in the text.
import { describe, expect, it } from 'vitest';
import { codeText } from '../../src/pipeline.js';

function coded(text: string) {
  return codeText({ id: 'x', text, date: '2019-03-01' }).events.map((e) => ({
    type: e.type,
    source: e.source,
    target: e.target,
    sourceWords: e.source_span?.text ?? null,
    targetWords: e.target_span?.text ?? null,
    modality: e.modality,
    confidence: e.confidence,
  }));
}

describe('the learned coder on sentences the rule coder missed', () => {
  it('Police arrested 20 protesters in Cairo', () => {
    expect(coded('Police arrested 20 protesters in Cairo.')).toContainEqual(
      expect.objectContaining({ type: 'COERCE', source: 'EGYCOP', sourceWords: 'Police', targetWords: '20 protesters', modality: 'asserted' }),
    );
  });

  it('Turkish authorities released his fiancée', () => {
    expect(coded('Turkish authorities released his fiancée.')).toContainEqual(
      expect.objectContaining({ type: 'RETREAT', source: 'TURGOV', sourceWords: 'Turkish authorities' }),
    );
  });

  it('A former British soldier has been jailed in Turkey (agentless passive: the soldier is the target)', () => {
    const events = coded('A former British soldier has been jailed in Turkey.');
    expect(events).toContainEqual(expect.objectContaining({ type: 'COERCE', targetWords: 'A former British soldier' }));
    expect(events.every((e) => e.sourceWords !== 'A former British soldier')).toBe(true);
  });

  it('The rebels launched a ground and air offensive on the town', () => {
    expect(coded('The rebels launched a ground and air offensive on the town.')).toContainEqual(
      expect.objectContaining({ type: 'ASSAULT', sourceWords: 'The rebels' }),
    );
  });

  it('gives every event a confidence between 0 and 1', () => {
    for (const e of coded('Police arrested 20 protesters in Cairo. The rebels launched an offensive on the town.')) {
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });
});
