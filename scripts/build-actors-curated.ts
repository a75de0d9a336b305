// Hand-curated additions to the Phoenix/CountryInfo dictionaries (public facts, typed here):
// office holders after the sources' cut-off (~2016), offices used for "the US Secretary of State"
// style look-ups, and aliases the sources lack. Dates are YYYY-MM-DD; null = still in office.
import type { ActorRecord, AgentRecord, OfficeRecord } from '../src/stages/actors/types.js';

type Holder = [name: string, from: string, to: string | null];

/** Office holders by country and office (FM = foreign minister / secretary of state, HOS = head of state...). */
export const OFFICES: OfficeRecord[] = [
  { country: 'USA', office: 'FM', holders: h([
    ['Warren Christopher', '1993-01-20', '1997-01-17'], ['Madeleine Albright', '1997-01-23', '2001-01-20'],
    ['Colin Powell', '2001-01-20', '2005-01-26'], ['Condoleezza Rice', '2005-01-26', '2009-01-20'],
    ['Hillary Clinton', '2009-01-21', '2013-02-01'], ['John Kerry', '2013-02-01', '2017-01-20'],
    ['Rex Tillerson', '2017-02-01', '2018-03-31'], ['Mike Pompeo', '2018-04-26', '2021-01-20'],
    ['Antony Blinken', '2021-01-26', '2025-01-20'], ['Marco Rubio', '2025-01-21', null]]) },
  { country: 'USA', office: 'HOS', holders: h([
    ['Bill Clinton', '1993-01-20', '2001-01-20'], ['George W. Bush', '2001-01-20', '2009-01-20'],
    ['Barack Obama', '2009-01-20', '2017-01-20'], ['Donald Trump', '2017-01-20', '2021-01-20'],
    ['Joe Biden', '2021-01-20', '2025-01-20'], ['Donald Trump', '2025-01-20', null]]) },
  { country: 'USA', office: 'DEF', holders: h([
    ['Donald Rumsfeld', '2001-01-20', '2006-12-18'], ['Robert Gates', '2006-12-18', '2011-07-01'],
    ['Leon Panetta', '2011-07-01', '2013-02-26'], ['Chuck Hagel', '2013-02-27', '2015-02-17'],
    ['Ashton Carter', '2015-02-17', '2017-01-20'], ['Jim Mattis', '2017-01-20', '2018-12-31'],
    ['Mark Esper', '2019-07-23', '2020-11-09'], ['Lloyd Austin', '2021-01-22', '2025-01-20'],
    ['Pete Hegseth', '2025-01-25', null]]) },
  { country: 'RUS', office: 'HOS', holders: h([
    ['Boris Yeltsin', '1991-07-10', '1999-12-31'], ['Vladimir Putin', '1999-12-31', '2008-05-07'],
    ['Dmitry Medvedev', '2008-05-07', '2012-05-07'], ['Vladimir Putin', '2012-05-07', null]]) },
  { country: 'RUS', office: 'HOG', holders: h([
    ['Vladimir Putin', '2008-05-08', '2012-05-07'], ['Dmitry Medvedev', '2012-05-08', '2020-01-16'],
    ['Mikhail Mishustin', '2020-01-16', null]]) },
  { country: 'RUS', office: 'FM', holders: h([['Igor Ivanov', '1998-09-11', '2004-03-09'], ['Sergey Lavrov', '2004-03-09', null]]) },
  { country: 'RUS', office: 'DEF', holders: h([['Sergei Shoigu', '2012-11-06', '2024-05-12'], ['Andrei Belousov', '2024-05-14', null]]) },
  { country: 'TUR', office: 'HOS', holders: h([['Abdullah Gul', '2007-08-28', '2014-08-28'], ['Recep Tayyip Erdogan', '2014-08-28', null]]) },
  { country: 'TUR', office: 'HOG', holders: h([['Recep Tayyip Erdogan', '2003-03-14', '2014-08-28'], ['Ahmet Davutoglu', '2014-08-28', '2016-05-24'], ['Binali Yildirim', '2016-05-24', '2018-07-09']]) },
  { country: 'TUR', office: 'FM', holders: h([['Ahmet Davutoglu', '2009-05-01', '2014-08-29'], ['Mevlut Cavusoglu', '2014-08-29', '2023-06-04'], ['Hakan Fidan', '2023-06-04', null]]) },
  { country: 'UKR', office: 'HOS', holders: h([['Viktor Yanukovych', '2010-02-25', '2014-02-22'], ['Petro Poroshenko', '2014-06-07', '2019-05-20'], ['Volodymyr Zelensky', '2019-05-20', null]]) },
  { country: 'UKR', office: 'FM', holders: h([['Pavlo Klimkin', '2014-06-19', '2019-08-29'], ['Vadym Prystaiko', '2019-08-29', '2020-03-04'], ['Dmytro Kuleba', '2020-03-04', '2024-09-05'], ['Andrii Sybiha', '2024-09-05', null]]) },
  { country: 'SYR', office: 'HOS', holders: h([['Bashar al-Assad', '2000-07-17', '2024-12-08']]) },
  { country: 'DEU', office: 'HOG', holders: h([['Angela Merkel', '2005-11-22', '2021-12-08'], ['Olaf Scholz', '2021-12-08', '2025-05-06']]) },
  { country: 'FRA', office: 'HOS', holders: h([['Nicolas Sarkozy', '2007-05-16', '2012-05-15'], ['Francois Hollande', '2012-05-15', '2017-05-14'], ['Emmanuel Macron', '2017-05-14', null]]) },
  { country: 'GBR', office: 'HOG', holders: h([['David Cameron', '2010-05-11', '2016-07-13'], ['Theresa May', '2016-07-13', '2019-07-24'], ['Boris Johnson', '2019-07-24', '2022-09-06']]) },
  { country: 'CHN', office: 'HOS', holders: h([['Hu Jintao', '2003-03-15', '2013-03-14'], ['Xi Jinping', '2013-03-14', null]]) },
  { country: 'UNO', office: 'SG', holders: h([['Kofi Annan', '1997-01-01', '2006-12-31'], ['Ban Ki-moon', '2007-01-01', '2016-12-31'], ['Antonio Guterres', '2017-01-01', null]]) },
  { country: 'NATO', office: 'SG', holders: h([['Anders Fogh Rasmussen', '2009-08-01', '2014-10-01'], ['Jens Stoltenberg', '2014-10-01', '2024-10-01'], ['Mark Rutte', '2024-10-01', null]]) },
];

function h(list: Holder[]): Holder[] {
  return list;
}

/** [name, code, from, to, aliases] -> people with one dated role. */
function people(list: [string, string, string, string | null, string[]][]): ActorRecord[] {
  return list.map(([name, code, from, to, aliases]) => ({ name, kind: 'PERSON', aliases, roles: [[code, from, to]] }));
}

/** Office holders become actors with the matching role (code per office owner). */
export function officeCode(country: string, office: string): string {
  if (country === 'UNO') return 'IGOUNO';
  if (country === 'NATO') return 'IGOWSTNAT';
  return country + (office === 'DEF' ? 'GOVMIL' : 'GOV');
}

/** People and groups the sources lack or name differently. Merged into same-named Phoenix entries. */
export const ACTORS: ActorRecord[] = [
  { name: 'Vladislav Surkov', kind: 'PERSON', aliases: ['Vladislav Yuryevich Surkov'], roles: [['RUSGOV', '1999-08-01', '2020-02-18']] },
  { name: 'Kurt Volker', kind: 'PERSON', aliases: [], roles: [['USAGOV', '2008-07-01', '2009-05-01'], ['USAGOV', '2017-07-07', '2019-09-27']] },
  { name: 'Sergey Ryabkov', kind: 'PERSON', aliases: ['Sergei Ryabkov'], roles: [['RUSGOV', '2008-08-01', null]] },
  { name: 'Thomas Shannon', kind: 'PERSON', aliases: ['Thomas A. Shannon'], roles: [['USAGOV', '2001-01-01', '2018-06-04']] },
  { name: 'Maria Zakharova', kind: 'PERSON', aliases: [], roles: [['RUSGOV', '2015-08-10', null]] },
  { name: 'Dmitry Peskov', kind: 'PERSON', aliases: ['Dmitri Peskov', 'Dmitriy Peskov'], roles: [['RUSGOV', '2000-04-01', null]] },
  { name: 'Staffan de Mistura', kind: 'PERSON', aliases: [], roles: [['IGOUNO', '2014-07-10', '2018-12-31']] },
  { name: 'Mevlut Cavusoglu', kind: 'PERSON', aliases: ['Mevlüt Çavuşoğlu'], roles: [['TURGOV', '2013-12-26', '2023-06-04']] },
  { name: 'Hakan Fidan', kind: 'PERSON', aliases: [], roles: [['TURGOV', '2010-05-27', null]] },
  { name: 'Volodymyr Zelensky', kind: 'PERSON', aliases: ['Volodymyr Zelenskyy', 'Zelenskyy'], roles: [['UKRGOV', '2019-05-20', null]] },
  { name: 'Dmytro Kuleba', kind: 'PERSON', aliases: ['Dmitry Kuleba'], roles: [['UKRGOV', '2019-08-29', '2024-09-05']] },
  { name: 'Pavlo Klimkin', kind: 'PERSON', aliases: [], roles: [['UKRGOV', '2014-06-19', '2019-08-29']] },
  { name: 'Emmanuel Macron', kind: 'PERSON', aliases: [], roles: [['FRAGOV', '2014-08-26', '2016-08-30'], ['FRAGOV', '2017-05-14', null]] },
  { name: 'Olaf Scholz', kind: 'PERSON', aliases: [], roles: [['DEUGOV', '2018-03-14', '2025-05-06']] },
  { name: 'Theresa May', kind: 'PERSON', aliases: [], roles: [['GBRGOV', '2010-05-12', '2019-07-24']] },
  { name: 'Boris Johnson', kind: 'PERSON', aliases: [], roles: [['GBRGOV', '2016-07-13', '2022-09-06']] },
  { name: 'Antonio Guterres', kind: 'PERSON', aliases: ['António Guterres'], roles: [['IGOUNO', '2017-01-01', null]] },
  { name: 'Jens Stoltenberg', kind: 'PERSON', aliases: [], roles: [['IGOWSTNAT', '2014-10-01', '2024-10-01']] },
  { name: 'Mark Rutte', kind: 'PERSON', aliases: [], roles: [['NLDGOV', '2010-10-14', '2024-07-02'], ['IGOWSTNAT', '2024-10-01', null]] },
  { name: 'Mikhail Mishustin', kind: 'PERSON', aliases: [], roles: [['RUSGOV', '2010-04-06', null]] },
  { name: 'Andrei Belousov', kind: 'PERSON', aliases: ['Andrey Belousov'], roles: [['RUSGOV', '2012-05-21', null]] },
  { name: 'Sergei Shoigu', kind: 'PERSON', aliases: ['Sergey Shoigu'], roles: [['RUSGOVMIL', '2012-11-06', '2024-05-12'], ['RUSGOV', '2024-05-12', null]] },
  { name: 'Igor Ivanov', kind: 'PERSON', aliases: [], roles: [['RUSGOV', '1998-09-11', '2007-11-01']] },
  { name: 'Boris Yeltsin', kind: 'PERSON', aliases: [], roles: [['RUSGOV', '1991-07-10', '1999-12-31']] },
  { name: 'Rex Tillerson', kind: 'PERSON', aliases: [], roles: [['USABUS', '1975-01-01', '2017-01-31'], ['USAGOV', '2017-02-01', '2018-03-31']] },
  { name: 'Mike Pompeo', kind: 'PERSON', aliases: ['Michael Pompeo'], roles: [['USAGOVLEG', '2011-01-03', '2017-01-23'], ['USAGOV', '2017-01-23', '2021-01-20']] },
  { name: 'Antony Blinken', kind: 'PERSON', aliases: ['Tony Blinken'], roles: [['USAGOV', '2015-01-09', '2017-01-20'], ['USAGOV', '2021-01-26', '2025-01-20']] },
  { name: 'Marco Rubio', kind: 'PERSON', aliases: [], roles: [['USAGOVLEG', '2011-01-03', '2025-01-20'], ['USAGOV', '2025-01-21', null]] },
  { name: 'Donald Trump', kind: 'PERSON', aliases: ['Donald J. Trump'], roles: [['USABUS', '1971-01-01', '2017-01-20'], ['USAGOV', '2017-01-20', '2021-01-20'], ['USAELI', '2021-01-20', '2025-01-20'], ['USAGOV', '2025-01-20', null]] },
  { name: 'Joe Biden', kind: 'PERSON', aliases: ['Joseph Biden', 'Joseph R. Biden'], roles: [['USAGOVLEG', '1973-01-03', '2009-01-15'], ['USAGOV', '2009-01-20', '2017-01-20'], ['USAELI', '2017-01-20', '2021-01-20'], ['USAGOV', '2021-01-20', '2025-01-20']] },
  { name: 'Barack Obama', kind: 'PERSON', aliases: [], roles: [['USAGOVLEG', '2005-01-03', '2008-11-16'], ['USAGOV', '2009-01-20', '2017-01-20'], ['USAELI', '2017-01-20', null]] },
  { name: 'John Kerry', kind: 'PERSON', aliases: ['Secretary of State John Kerry'], roles: [['USAGOVLEG', '1985-01-03', '2013-02-01'], ['USAGOV', '2013-02-01', '2017-01-20'], ['USAELI', '2017-01-20', '2021-01-20'], ['USAGOV', '2021-01-20', '2024-03-06']] },
  { name: 'Jim Mattis', kind: 'PERSON', aliases: ['James Mattis'], roles: [['USAMIL', '1969-01-01', '2013-05-22'], ['USAGOVMIL', '2017-01-20', '2018-12-31']] },
  { name: 'Lloyd Austin', kind: 'PERSON', aliases: [], roles: [['USAMIL', '1975-01-01', '2016-04-05'], ['USAGOVMIL', '2021-01-22', '2025-01-20']] },
  // Heads of state/government and foreign ministers prominent after the sources' cut-off.
  ...people([
    ['Alexander Lukashenko', 'BLRGOV', '1994-07-20', null, ['Alyaksandr Lukashenka', 'Aleksandr Lukashenko']],
    ['Nikol Pashinyan', 'ARMGOV', '2018-05-08', null, []],
    ['Kassym-Jomart Tokayev', 'KAZGOV', '2019-03-20', null, ['Kasymzhomart Tokayev']],
    ['Jean-Yves Le Drian', 'FRAGOV', '2012-05-16', '2022-05-20', []],
    ['Narendra Modi', 'INDGOV', '2014-05-26', null, []],
    ['Subrahmanyam Jaishankar', 'INDGOV', '2019-05-30', null, ['S. Jaishankar']],
    ['Imran Khan', 'PAKGOV', '2018-08-18', '2022-04-10', []],
    ['Shehbaz Sharif', 'PAKGOV', '2022-04-11', null, []],
    ['Ashraf Ghani', 'AFGGOV', '2014-09-29', '2021-08-15', []],
    ['Kim Jong-un', 'PRKGOV', '2011-12-17', null, ['Kim Jong Un']],
    ['Moon Jae-in', 'KORGOV', '2017-05-10', '2022-05-09', []],
    ['Yoon Suk-yeol', 'KORGOV', '2022-05-10', '2025-04-04', ['Yoon Suk Yeol']],
    ['Shinzo Abe', 'JPNGOV', '2012-12-26', '2020-09-16', []],
    ['Fumio Kishida', 'JPNGOV', '2012-12-26', '2024-10-01', []],
    ['Wang Yi', 'CHNGOV', '2013-03-16', null, []],
    ['Li Keqiang', 'CHNGOV', '2013-03-15', '2023-03-11', []],
    ['Li Qiang', 'CHNGOV', '2023-03-11', null, []],
    ['Mohammed bin Salman', 'SAUGOV', '2015-01-23', null, ['Mohammad bin Salman', 'MBS']],
    ['Ebrahim Raisi', 'IRNGOV', '2021-08-03', '2024-05-19', []],
    ['Ali Khamenei', 'IRNGOV', '1989-06-04', null, ['Ayatollah Ali Khamenei', 'Ayatollah Khamenei']],
    ['Mohammad Javad Zarif', 'IRNGOV', '2013-08-15', '2021-08-25', []],
    ['Hossein Amir-Abdollahian', 'IRNGOV', '2021-08-25', '2024-05-19', []],
    ['Naftali Bennett', 'ISRGOV', '2021-06-13', '2022-06-30', []],
    ['Viktor Orban', 'HUNGOV', '2010-05-29', null, ['Viktor Orbán']],
    ['Andrzej Duda', 'POLGOV', '2015-08-06', '2025-08-06', []],
    ['Giorgia Meloni', 'ITAGOV', '2022-10-22', null, []],
    ['Pedro Sanchez', 'ESPGOV', '2018-06-02', null, ['Pedro Sánchez']],
    ['Rishi Sunak', 'GBRGOV', '2020-02-13', '2024-07-05', []],
    ['Keir Starmer', 'GBRGOV', '2024-07-05', null, []],
    ['Ursula von der Leyen', 'IGOEUREEC', '2019-12-01', null, []],
    ['Josep Borrell', 'IGOEUREEC', '2019-12-01', '2024-11-30', []],
    ['Charles Michel', 'IGOEUREEC', '2019-12-01', '2024-11-30', []],
    ['Jake Sullivan', 'USAGOV', '2021-01-20', '2025-01-20', []],
    ['Kamala Harris', 'USAGOV', '2021-01-20', '2025-01-20', []],
    ['Nicolas Maduro', 'VENGOV', '2013-03-05', null, ['Nicolás Maduro']],
    ['Luiz Inacio Lula da Silva', 'BRAGOV', '2023-01-01', null, ['Lula da Silva', 'Luiz Inácio Lula da Silva']],
    ['Jair Bolsonaro', 'BRAGOV', '2019-01-01', '2022-12-31', []],
    ['Abdel Fattah el-Sisi', 'EGYGOV', '2014-06-08', null, ['Abdel Fattah al-Sisi', 'Abdel-Fattah el-Sissi']],
    ['Binali Yildirim', 'TURGOV', '2016-05-24', '2018-07-09', []],
  ]),
  { name: 'Islamic State', kind: 'ORG', aliases: ['IS', 'ISIS', 'ISIL', 'Daesh', 'Da\'esh', 'Islamic State group', 'the Islamic State', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria', 'Islamic State of Iraq and al-Sham'], code: 'IMGMUSISI' },
  { name: 'Nusra Front', kind: 'ORG', aliases: ['al-Nusra Front', 'Jabhat al-Nusra', 'Jabhat Fatah al-Sham', 'Jabhat Fateh al-Sham', 'Syria Conquest Front', 'Front for the Conquest of Syria', 'Conquest of Syria Front'], code: 'SYRREBMUS' },
  { name: 'NATO', kind: 'ORG', aliases: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'North Atlantic Alliance'], code: 'IGOWSTNAT' },
  { name: 'United Nations', kind: 'ORG', aliases: ['UN', 'U.N.', 'the United Nations', 'UN General Assembly', 'U.N. General Assembly', 'United Nations General Assembly', 'UN Security Council', 'U.N. Security Council', 'United Nations Security Council'], code: 'IGOUNO' },
  { name: 'European Union', kind: 'ORG', aliases: ['EU', 'E.U.'], code: 'IGOEUREEC' },
  { name: 'Al-Qaeda', kind: 'ORG', aliases: ['al-Qaida', 'al Qaeda', 'al Qaida', 'Al-Qaeda'], code: 'IMGMUSALQ' },
  // Insurgents until they took power in 1996 and again in August 2021.
  { name: 'Taliban', kind: 'ORG', aliases: ['the Taliban', 'Taleban'], roles: [['AFGREB', '1994-01-01', null], ['AFGGOV', '1996-09-27', '2001-11-13'], ['AFGGOV', '2021-08-15', null]] },
  // Kurdish-led forces in Syria: Phoenix codes Kurdish armed groups as rebels of their country.
  { name: 'Syrian Democratic Forces', kind: 'ORG', aliases: ['SDF', 'Kurdish-led Syrian Democratic Forces'], code: 'SYRREB' },
  { name: "People's Protection Units", kind: 'ORG', aliases: ['YPG', 'Kurdish People\'s Protection Units', 'YPJ', "Women's Protection Units"], code: 'SYRREB' },
  { name: 'Interfax', kind: 'ORG', aliases: [], code: 'RUSMED' },
  { name: 'Itar-Tass', kind: 'ORG', aliases: ['ITAR-TASS', 'TASS'], code: 'RUSMED' },
  { name: 'Xinhua', kind: 'ORG', aliases: [], code: 'CHNMED' },
];

/** Titles with the office they denote (for holder look-ups) and group nouns the agents file lacks. */
export const AGENTS: AgentRecord[] = [
  ...['FOREIGN MINISTER', 'FOREIGN MINISTERS', 'FM', 'FOREIGN AFFAIRS MINISTER', 'MINISTER OF FOREIGN AFFAIRS', 'TOP DIPLOMAT', 'FOREIGN SECRETARY']
    .map((phrase) => ({ phrase, code: 'GOV', office: 'FM' })),
  { phrase: 'SECRETARY OF STATE', code: 'GOV', office: 'FM', country: 'USA' },
  { phrase: 'SECRETARY', code: 'GOV' },
  ...['PRESIDENT', 'HEAD OF STATE'].map((phrase) => ({ phrase, code: 'GOV', office: 'HOS' })),
  ...['PRIME MINISTER', 'PREMIER', 'CHANCELLOR', 'HEAD OF GOVERNMENT'].map((phrase) => ({ phrase, code: 'GOV', office: 'HOG' })),
  ...['DEFENSE MINISTER', 'DEFENCE MINISTER', 'MINISTER OF DEFENSE', 'MINISTER OF DEFENCE'].map((phrase) => ({ phrase, code: 'GOVMIL', office: 'DEF' })),
  ...['SECRETARY OF DEFENSE', 'DEFENSE SECRETARY'].map((phrase) => ({ phrase, code: 'GOVMIL', office: 'DEF', country: 'USA' })),
  { phrase: 'SECRETARY GENERAL', code: 'GOV', office: 'SG' },
  { phrase: 'SECRETARY-GENERAL', code: 'GOV', office: 'SG' },
  ...['FOREIGN MINISTRY', 'MINISTRY OF FOREIGN AFFAIRS', 'FOREIGN OFFICE', 'DEPARTMENT OF STATE', 'STATE DEPARTMENT', 'SIDE',
    'LEADERSHIP', 'AUTHORITIES', 'GOVERNMENT', 'ADMINISTRATION', 'OFFICIALS', 'OFFICIAL', 'DIPLOMAT', 'DIPLOMATS', 'MINISTER',
    'SPECIAL REPRESENTATIVE', 'SPECIAL ENVOY', 'ENVOY', 'AIDE', 'SPOKESMAN', 'SPOKESWOMAN', 'SPOKESPERSON', 'AMBASSADOR',
    'DEPUTY FOREIGN MINISTER', 'UNDER SECRETARY OF STATE', 'COUNTERPART', 'DEPUTY SECRETARY OF STATE', 'PRESIDENTIAL ADMINISTRATION',
    // A country's leader, colleague or counterpart is its government's ("the Turkish leader", "his Venezuelan colleague").
    'LEADER', 'LEADERS', 'COUNTERPARTS', 'COLLEAGUE', 'COLLEAGUES']
    .map((phrase) => ({ phrase, code: 'GOV' })),
  ...['FORCES'].map((phrase) => ({ phrase, code: 'MIL' })),
  ...['DEFENSE MINISTRY', 'DEFENCE MINISTRY', 'DEFENSE DEPARTMENT', 'MINISTRY OF DEFENSE', 'MINISTRY OF DEFENCE']
    .map((phrase) => ({ phrase, code: 'GOVMIL' })),
  ...['REBELS', 'REBEL', 'OPPOSITION GROUPS'].map((phrase) => ({ phrase, code: 'REB' })),
  ...['NEWSPAPER', 'MEDIA', 'NEWS AGENCY', 'TV CHANNEL'].map((phrase) => ({ phrase, code: 'MED' })),
  // Generic agents with the sectors of docs/ANNOTATION.md (PLOVER/CAMEO), where Phoenix's differ
  // (it codes militants and militias as unidentified armed forces, protesters as the opposition).
  ...sector('REB', ['MILITANT', 'MILITANTS', 'MILITIA', 'MILITIAS', 'MILITIAMEN', 'MILITIAMAN', 'MAOIST', 'MAOISTS', 'NAXAL', 'NAXALS',
    'NAXALITE', 'NAXALITES', 'CADRE', 'CADRES', 'GUERRILLA', 'GUERRILLAS', 'INSURGENT', 'INSURGENTS', 'JIHADIST', 'JIHADISTS', 'JIHADI',
    'JIHADIS', 'MUJAHIDEEN', 'SEPARATIST', 'SEPARATISTS', 'EXTREMIST', 'EXTREMISTS', 'ISLAMIST', 'ISLAMISTS', 'TERRORIST', 'TERRORISTS',
    'FIGHTERS', 'FIGHTER', 'REBEL GROUP', 'REBEL GROUPS', 'ARMED GROUP', 'ARMED GROUPS', 'INSURGENT GROUP', 'MILITANT GROUP', 'MILITANT GROUPS']),
  ...sector('UAF', ['GUNMEN', 'GUNMAN', 'ASSAILANTS', 'ASSAILANT', 'ATTACKERS', 'ATTACKER', 'ARMED MEN', 'MISCREANTS', 'MERCENARIES',
    'MERCENARY', 'UNIDENTIFIED GUNMEN', 'BOMBER', 'BOMBERS', 'SUICIDE BOMBER', 'SUICIDE BOMBERS', 'SNIPER', 'SNIPERS']),
  ...sector('CVL', ['PROTESTER', 'PROTESTERS', 'PROTESTOR', 'PROTESTORS', 'DEMONSTRATOR', 'DEMONSTRATORS', 'PEOPLE', 'PERSON', 'PERSONS',
    'MAN', 'MEN', 'WOMAN', 'WOMEN', 'CHILD', 'CHILDREN', 'VILLAGER', 'VILLAGERS', 'RESIDENT', 'RESIDENTS', 'CIVILIAN', 'CIVILIANS',
    'CITIZEN', 'CITIZENS', 'FAMILY', 'FAMILIES', 'RELATIVES', 'WORKER', 'WORKERS', 'EMPLOYEE', 'EMPLOYEES', 'LABOURERS', 'LABORERS',
    'PRISONER', 'PRISONERS', 'DETAINEE', 'DETAINEES', 'HOSTAGE', 'HOSTAGES', 'VICTIM', 'VICTIMS', 'REFUGEES', 'MIGRANTS', 'ACTIVIST',
    'ACTIVISTS', 'YOUTH', 'YOUTHS', 'MOB', 'CROWD', 'CROWDS', 'TOURISTS', 'DRIVERS', 'TAXI DRIVERS', 'TRADERS', 'SHOPKEEPERS',
    'PASSENGERS', 'PILGRIMS', 'NETIZEN', 'NETIZENS', 'STUDENT', 'STUDENTS', 'TRIBESMEN', 'LOCALS', 'FARMERS', 'FARMER']),
  ...sector('COP', ['POLICE', 'POLICEMAN', 'POLICEMEN', 'POLICEWOMAN', 'PERSONNEL', 'SECURITY PERSONNEL', 'SECURITY FORCES', 'JAWAN',
    'JAWANS', 'TROOPER', 'TROOPERS', 'STATE TROOPERS', 'CONSTABLE', 'CONSTABLES', 'HEAD CONSTABLE', 'SECURITY FORCE', 'PARAMILITARY',
    'PARAMILITARY FORCES', 'PARAMILITARIES', 'RIOT POLICE', 'BORDER GUARDS', 'GENDARMES', 'GENDARMERIE', 'POLICE FORCE']),
  ...sector('CRM', ['SUSPECT', 'SUSPECTS', 'SMUGGLER', 'SMUGGLERS', 'TRAFFICKER', 'TRAFFICKERS', 'GANGSTER', 'GANGSTERS', 'THIEVES',
    'THIEF', 'ROBBERS', 'ROBBER', 'VANDALS', 'SYNDICATE', 'CARTEL', 'CARTELS', 'GANG', 'GANGS', 'GANG MEMBERS', 'KIDNAPPERS', 'CRIMINALS',
    'CRIMINAL', 'BANDITS', 'MAFIA', 'DRUG LORD', 'DRUG LORDS', 'HITMEN', 'HITMAN', 'POACHERS', 'PIRATES']),
  ...sector('GOV', ['GOVERNMENT', 'GOVERNMENTS', 'DELEGATION', 'NEGOTIATORS', 'CABINET', 'MINISTRY', 'MINISTRIES', 'STATE GOVERNMENT',
    'DISTRICT ADMINISTRATION', 'DISTRICT MAGISTRATE', 'CHIEF MINISTER', 'HOME MINISTER', 'HOME MINISTRY', 'INTERIOR MINISTRY',
    'INTERIOR MINISTER', 'GOVERNOR', 'MAYOR', 'ALLIES', 'JUNTA', 'PRESIDENCY']),
  ...sector('OPP', ['OPPOSITION', 'OPPOSITION PARTIES', 'OPPOSITION PARTY', 'DISSIDENTS', 'DISSIDENT', 'OPPOSITION LEADER', 'OPPOSITION LEADERS']),
  ...sector('PTY', ['PARTY', 'PARTIES', 'PARTY WORKERS', 'PARTY MEMBERS', 'PARTY LEADERS', 'RULING PARTY', 'SUPPORTERS']),
  ...sector('MED', ['JOURNALIST', 'JOURNALISTS', 'REPORTER', 'REPORTERS', 'BROADCASTER']),
  ...sector('HLH', ['DOCTORS', 'DOCTOR', 'MEDICS', 'MEDIC', 'PARAMEDIC', 'PARAMEDICS', 'HOSPITAL', 'HOSPITALS', 'NURSES', 'HEALTH WORKERS']),
  ...sector('JUD', ['COURT', 'COURTS', 'JUDGE', 'JUDGES', 'PROSECUTOR', 'PROSECUTORS', 'HIGH COURT', 'SUPREME COURT', 'JUDICIARY', 'MAGISTRATE']),
  ...sector('LEG', ['PARLIAMENT', 'LAWMAKERS', 'LAWMAKER', 'LEGISLATORS', 'LEGISLATURE', 'MPS', 'MP', 'SENATORS', 'SENATOR', 'SENATE', 'ASSEMBLY']),
  ...sector('SPY', ['INTELLIGENCE', 'INTELLIGENCE AGENCY', 'INTELLIGENCE AGENCIES', 'INTELLIGENCE SERVICES', 'SPY AGENCY', 'SPIES', 'SECRET SERVICE', 'SECRET SERVICES']),
  ...sector('NGO', ['CHARITY', 'CHARITIES', 'AID AGENCIES', 'AID GROUPS', 'AID WORKERS', 'HUMAN RIGHTS GROUPS', 'RIGHTS GROUPS', 'NGOS']),
  ...sector('MIL', ['ARMY', 'MILITARY', 'TROOPS', 'SOLDIERS', 'SOLDIER', 'ARMED FORCES', 'AIR FORCE', 'NAVY', 'WARPLANES', 'WARPLANE',
    'JETS', 'WARSHIP', 'WARSHIPS', 'COALITION', 'MARINES', 'COMMANDOS', 'SPECIAL FORCES', 'ARMY CHIEF', 'MILITARY CHIEFS', 'GENERALS']),
  // States few or none recognise (the named ones are in scripts/tables/breakaway-states.tsv).
  ...sector('PRE', ['BREAKAWAY STATE', 'BREAKAWAY STATES', 'BREAKAWAY REGION', 'BREAKAWAY REPUBLIC', 'SEPARATIST REPUBLIC',
    'SELF-PROCLAIMED REPUBLIC', 'PARTIALLY RECOGNIZED STATE', 'PARTIALLY RECOGNISED STATE', 'PARTIALLY RECOGNIZED COUNTRY',
    'PARTIALLY RECOGNISED COUNTRY', 'UNRECOGNIZED STATE', 'UNRECOGNISED STATE', 'DE FACTO STATE']),
  ...sector('MIL', ['NATIONAL GUARD', 'COAST GUARD', 'FLEET', 'NAVAL FORCES', 'DRONES', 'DRONE', 'PEACEKEEPERS', 'PEACEKEEPER', 'PEACEKEEPING FORCE', 'PEACEKEEPING TROOPS']),
  // Seats of government named for their building or street: the government of their country.
  { phrase: 'KREMLIN', code: 'GOV', country: 'RUS' }, { phrase: 'WHITE HOUSE', code: 'GOV', country: 'USA' },
  { phrase: 'DOWNING STREET', code: 'GOV', country: 'GBR' }, { phrase: 'ELYSEE', code: 'GOV', country: 'FRA' },
  { phrase: 'ELYSEE PALACE', code: 'GOV', country: 'FRA' }, { phrase: 'ZHONGNANHAI', code: 'GOV', country: 'CHN' },
  { phrase: 'PENTAGON', code: 'MIL', country: 'USA' }, { phrase: 'STATE DEPARTMENT', code: 'GOV', country: 'USA' },
  { phrase: 'FOREIGN OFFICE', code: 'GOV', country: 'GBR' }, { phrase: 'HOME OFFICE', code: 'GOV', country: 'GBR' },
  { phrase: 'WHITEHALL', code: 'GOV', country: 'GBR' }, { phrase: 'QUAI D ORSAY', code: 'GOV', country: 'FRA' },
];

function sector(code: string, phrases: string[]): AgentRecord[] {
  return phrases.map((phrase) => ({ phrase, code }));
}

/** Capitals the sources spell differently, or that a historical state also claims. */
export const CAPITALS: Record<string, string[]> = {
  USA: ['WASHINGTON', 'WASHINGTON D.C.', 'WASHINGTON DC'],
  UKR: ['KIEV', 'KYIV'],
  SRB: ['BELGRADE'],
  BLR: ['MINSK'],
  TUR: ['ANKARA'],
  RUS: ['MOSCOW'],
};

/**
 * Capital names CountryInfo lists beside the current one that went out of use (renamed cities, moved
 * capitals), with the last day of use: before it they stand for the government, after it for nothing.
 */
export const FORMER_CAPITALS: Record<string, [name: string, until: string][]> = {
  ZWE: [['SALISBURY', '1982-04-17']],
  COD: [['LEOPOLDVILLE', '1966-05-01']],
  TCD: [['FORT-LAMY', '1973-04-05']],
  BDI: [['USUMBURA', '1962-06-30']],
  DOM: [['CIUDAD TRUJILLO', '1961-11-22']],
  KGZ: [['FRUNZE', '1991-02-06']],
  TJK: [['STALINABAD', '1961-11-09']],
  NOR: [['CHRISTIANIA', '1924-12-31']],
  MNG: [['URGA', '1924-11-28'], ['KULUN', '1924-11-28']],
  GEO: [['TIFLIS', '1935-12-31']],
  BGR: [['SERDICA', '0800-01-01']],
  MKD: [['USKUB', '1912-12-31']],
  KAZ: [['ALMA-ATA', '1993-01-31']],
  MNE: [['BEOGRAD', '2006-06-02']],
};

/** Nicknames CountryInfo lists as capitals: ordinary phrases ("the Eternal City"), not names to match. */
export const CAPITAL_NICKNAMES = ['ETERNAL CITY', 'CITY OF LIGHT', 'NEW FLOWER'];

/** Country-name forms the sources lack. */
export const COUNTRY_NAMES: Record<string, string[]> = {
  USA: ['US', 'U.S.', 'USA', 'U.S.A.', 'UNITED STATES', 'UNITED STATES OF AMERICA', 'AMERICA'],
  RUS: ['RUSSIA', 'RUSSIAN FEDERATION'],
  GBR: ['UK', 'U.K.', 'BRITAIN', 'GREAT BRITAIN', 'UNITED KINGDOM'],
};

/** Display names where CountryInfo's is a formal or historical one. */
export const DISPLAY_NAMES: Record<string, string> = {
  USA: 'United States', RUS: 'Russia', GBR: 'United Kingdom', SYR: 'Syria', IRN: 'Iran', KOR: 'South Korea',
  PRK: 'North Korea', CHN: 'China', TWN: 'Taiwan', VEN: 'Venezuela', BOL: 'Bolivia', TZA: 'Tanzania',
  VNM: 'Vietnam', LAO: 'Laos', MDA: 'Moldova', MKD: 'North Macedonia', COD: 'DR Congo', COG: 'Congo',
};
