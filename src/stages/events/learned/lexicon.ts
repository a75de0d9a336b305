// Word lists of the learned coder. They only propose: a noun in NOMINALS becomes a candidate and
// carries its usual type as a feature, a governing word tells the modality model what governs an
// action; the trained models decide what each occurrence means.

function table(rows: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, words] of Object.entries(rows)) for (const w of words.split(/\s+/).filter(Boolean)) out.set(w, type);
  return out;
}

/** Event nouns (lemmas, and plurals wink leaves unlemmatised) with the type they usually name. */
export const NOMINALS = table({
  AGREE: 'agreement deal accord pledge promise offer invitation commitment ceasefire-deal',
  CONSULT: 'talks talk meeting summit visit negotiation negotiations consultation consultations call conversation conference dialogue discussions discussion',
  SUPPORT: 'support praise endorsement recognition approval welcome congratulations',
  CONCEDE: 'pardon amnesty apology concession easing acquittal truce ceasefire',
  COOPERATE: 'cooperation co-operation partnership extradition exchange collaboration alliance',
  AID: 'aid assistance donation loan relief asylum rescue funding grant',
  RETREAT: 'release withdrawal pullout pull-out resignation surrender evacuation disarmament handover capitulation',
  REQUEST: 'demand request appeal plea call-for',
  ACCUSE: 'accusation allegation criticism condemnation investigation probe inquiry charge charges lawsuit complaint indictment trial prosecution interrogation warrant objection objections search protestation protestations',
  REJECT: 'rejection refusal veto rebuttal opposition',
  THREATEN: 'threat threats warning warnings ultimatum',
  PROTEST: 'protest protests demonstration demonstrations rally rallies march strike strikes riot riots sit-in bandh boycott hartal',
  SANCTION: 'sanction sanctions embargo expulsion suspension conviction imposition reimposition',
  MOBILIZE: 'deployment mobilisation mobilization buildup build-up exercise exercises drills drill reinforcement reinforcements',
  COERCE: 'arrest arrests detention detentions crackdown raid raids seizure curfew ban deportation imprisonment custody siege restriction restrictions removal punishment blockade persecution',
  ASSAULT: 'attack attacks assault offensive strike airstrike airstrikes air-strike bombing bombings shelling clash clashes ambush killing killings murder massacre assassination kidnapping abduction explosion blast invasion fighting battle gunfire shooting firing bombardment execution torture operation operations incursion hostilities shootout beheading encounter war campaign incident violence gunfight gunbattle onslaught salvo intervention',
});

/** Verbs whose object noun carries the event ("launched an offensive", "staged a rally"). */
export const LIGHT_VERBS = new Set([
  'launch', 'stage', 'hold', 'impose', 'conduct', 'carry', 'make', 'issue', 'sign', 'reach', 'mount',
  'begin', 'start', 'open', 'lead', 'lodge', 'file', 'level', 'announce', 'order', 'call', 'give', 'lift', 'extend',
]);

/** What governs an action ("threatened to strike", "urged Iran to release"), by the modality it suggests. */
export const GOVERNORS = table({
  threat: 'threaten warn vow',
  demand: 'urge call demand ask appeal press request order tell insist invite encourage seek want push',
  refusal: 'refuse reject decline fail oppose resist veto',
  intent: 'agree pledge promise offer plan intend decide prepare announce commit vow expect aim hope propose consider',
  denied: 'deny dismiss refute',
});

/** Words of the auxiliary chain and around it that shape modality. */
export const MODAL_WORDS = new Set([
  'will', 'would', 'could', 'may', 'might', 'must', 'should', 'can', 'shall', "'ll", 'wo', 'ca',
  'not', "n't", 'never', 'no', 'if', 'unless', 'whether', 'possible', 'possibly', 'likely', 'unlikely',
  'plan', 'plans', 'planned', 'ready', 'willing', 'able', 'going', 'expected', 'set', 'about',
]);

export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'without', 'neither', 'nor']);

/** Speech verbs: a complement after one is reported speech (claimed_by). */
export const SPEECH = new Set([
  'say', 'tell', 'add', 'state', 'claim', 'allege', 'report', 'announce', 'confirm', 'insist', 'note', 'write', 'believe', 'according',
]);
