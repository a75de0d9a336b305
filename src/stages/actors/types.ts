// The actor dictionary: what the recogniser matches and how a match becomes a code.
//
// data/actors.json (built by scripts/build-actors.ts) is an ActorData; loadPetrarchActors() builds the
// same shape from PETRARCH/Phoenix text dictionaries. compileDictionary() turns it into an
// ActorDictionary (lookup tables) once.
import type { EntityKind } from '../../model.js';

/** A dated role: `code` holds from `from` to `to` inclusive (YYYY-MM-DD; null = open-ended). */
export type Role = [code: string, from: string | null, to: string | null];

/** A named person or organisation. */
export interface ActorRecord {
  /** Canonical name, e.g. "Sergey Lavrov", "Islamic State". */
  name: string;
  kind: EntityKind;
  /** Surface forms (any case; words separated by spaces or "_"). The canonical name is implied. */
  aliases: string[];
  /** Code when no dated role applies (PETRARCH's undated code). */
  code?: string | null;
  roles?: Role[];
  /**
   * Aliases that are also common English words ("Rice", "May"): they only match once the actor's
   * full name has been seen in the article or after a title.
   */
  weak?: string[];
  /**
   * Well known (curated office holders): the surname alone, or misspelt by one letter, is matched
   * even before the full name appears in the article.
   */
  famous?: boolean;
}

export interface CountryRecord {
  iso3: string;
  /** Display name, e.g. "Russia". */
  name: string;
  /** Names of the state itself ("Russian Federation", "Russia"). */
  names: string[];
  /** Adjectives / demonyms ("Russian"). */
  adjectives: string[];
  /** Plural demonym nouns ("Russians", "the Turks"): the people, or the government after "the". */
  plurals: string[];
  /** Capital names; in political context a capital stands for the government (Moscow -> RUSGOV). */
  capitals: string[];
  /** Other cities: places only. */
  cities: string[];
  /**
   * Former capital names with the last day they were in use ("SALISBURY" until 1982-04-17, now
   * Harare): the capital before then, nothing after (the name may be another place by now).
   */
  former?: [name: string, until: string][];
}

/** A title or group noun ("FOREIGN MINISTER", "GOVERNMENT", "AIR FORCE") and its sector code. */
export interface AgentRecord {
  phrase: string;
  /** Sector code appended to the country (GOV, MIL, GOVMIL, REB...). */
  code: string;
  /** Written before the country code in PETRARCH ("NGO~"): code + country. */
  prefix?: boolean;
  /** Office this title denotes, for holder look-ups ("FM", "HOS", "HOG", "DEF", "SG"). */
  office?: string;
  /** Country assumed when none is given ("SECRETARY OF STATE" -> USA). */
  country?: string;
}

/** Who held an office when: "USA FM" -> [["John Kerry","2013-02-01","2017-02-01"], ...]. */
export interface OfficeRecord {
  /** Country ISO3 or IGO code owner ("USA", "RUS", "UNO", "NATO"). */
  country: string;
  office: string;
  holders: [name: string, from: string, to: string | null][];
}

export interface ActorData {
  version: number;
  countries: CountryRecord[];
  actors: ActorRecord[];
  agents: AgentRecord[];
  offices: OfficeRecord[];
}
