// One lazily created wink-nlp instance for the whole process: loading the model costs ~100 ms and
// tens of MB, so it must happen once, and only when something is actually annotated.
//
// Only the annotations we read are run: sentence boundaries and POS (which gives lemmas too).
// wink's default pipe also runs NER, negation, sentiment and custom entities, none of which feed
// tokenize() - they are separate passes that never change tokens, sentences, POS or lemmas
// (checked over 3,000 conflict_news articles: identical output), and cost ~35% of readDoc.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
const PIPE = ['sbd', 'pos'];
let instance: Wink | null = null;
let oovStart = 0;

export function wink(): Wink {
  if (!instance) {
    instance = winkNLP(model, PIPE);
    // wink numbers out-of-vocabulary words from the end of its lexicon, in order of first sight;
    // probing before any real text is read gives the lexicon size exactly.
    const its = instance.its;
    oovStart = (instance.readDoc('zqxjvkwpfq').tokens().out(its.uniqueId) as unknown as number[])[0];
  }
  return instance;
}

/** True when wink's English lexicon knows the word (lower-cased): an ordinary word, not a name. */
export function inLexicon(word: string): boolean {
  const nlp = wink();
  const id = (nlp.readDoc(word.toLowerCase()).tokens().out(nlp.its.uniqueId) as unknown as number[])[0];
  return id !== undefined && id < oovStart;
}
