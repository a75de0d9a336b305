// Peoples that live across borders or inside a state that is not theirs, with the countries they
// live in. "Kurdish militias" take their country from the context only when it is one of these
// (not Australia because the article is Australian), else from a place of the article that is.
// Forms are upper-case word keys: the adjective, the singular and plural nouns.
interface EthnicGroup {
  forms: string[];
  /** ISO3 codes, the one with the largest share of the people first. */
  homes: string[];
}

const GROUPS: EthnicGroup[] = [
  { forms: ['KURD', 'KURDS', 'KURDISH'], homes: ['TUR', 'IRQ', 'SYR', 'IRN'] },
  { forms: ['PASHTUN', 'PASHTUNS', 'PUSHTUN', 'PUSHTUNS', 'PATHAN', 'PATHANS'], homes: ['PAK', 'AFG'] },
  { forms: ['BALOCH', 'BALOCHS', 'BALUCH', 'BALUCHS', 'BALOCHI', 'BALUCHI'], homes: ['PAK', 'IRN', 'AFG'] },
  { forms: ['TAMIL', 'TAMILS'], homes: ['IND', 'LKA'] },
  { forms: ['UYGHUR', 'UYGHURS', 'UIGHUR', 'UIGHURS'], homes: ['CHN'] },
  { forms: ['ROHINGYA', 'ROHINGYAS'], homes: ['MMR', 'BGD'] },
  { forms: ['HAZARA', 'HAZARAS'], homes: ['AFG', 'PAK'] },
  { forms: ['TUAREG', 'TUAREGS'], homes: ['NER', 'MLI', 'DZA', 'LBY'] },
  { forms: ['YAZIDI', 'YAZIDIS', 'YEZIDI', 'YEZIDIS'], homes: ['IRQ', 'SYR'] },
  { forms: ['DRUZE'], homes: ['SYR', 'LBN', 'ISR'] },
  { forms: ['ALAWITE', 'ALAWITES'], homes: ['SYR'] },
  { forms: ['HOUTHI', 'HOUTHIS'], homes: ['YEM'] },
  { forms: ['FULANI', 'FULANIS', 'PEUL', 'PEULS'], homes: ['NGA', 'MLI', 'BFA', 'NER', 'CMR'] },
  { forms: ['TIGRAYAN', 'TIGRAYANS'], homes: ['ETH'] },
  { forms: ['OROMO', 'OROMOS'], homes: ['ETH'] },
  { forms: ['CHECHEN', 'CHECHENS'], homes: ['RUS'] },
  { forms: ['KASHMIRI', 'KASHMIRIS'], homes: ['IND', 'PAK'] },
  { forms: ['KACHIN', 'RAKHINE'], homes: ['MMR'] },
  { forms: ['ASSYRIAN', 'ASSYRIANS'], homes: ['IRQ', 'SYR'] },
  { forms: ['SAHRAWI', 'SAHRAWIS'], homes: ['MAR', 'DZA'] },
  { forms: ['ABKHAZ', 'OSSETIAN', 'OSSETIANS'], homes: ['GEO'] },
];

const BY_FORM = new Map(GROUPS.flatMap((g) => g.forms.map((f) => [f, g.homes] as const)));

/** The countries a people lives in, by any of its word forms; null for a word that names none. */
export function ethnicHomes(key: string): readonly string[] | null {
  return BY_FORM.get(key) ?? null;
}

/** Plural nouns of the peoples ("KURDS", "UIGHURS"): a people named on its own. */
export function isEthnicPlural(key: string): boolean {
  return BY_FORM.has(key) && (/S$/.test(key) || key === 'DRUZE' || key === 'ROHINGYA');
}
