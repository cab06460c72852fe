import { TEST_ORGANISATION } from '../../testing/harness.ts';
import { OrganisationFileError, parseOrganisationFile } from './organisation-file.ts';

/** The test organisation with one text replaced (which must be there). */
export const edit = (from: string, to: string, text = TEST_ORGANISATION) => {
  if (!text.includes(from)) throw new Error(`${from} is not in the test organisation`);
  return text.replace(from, to);
};

/** The test organisation with response windows, a deployment rule and procedure settings. */
export const WITH_SETTINGS = `${TEST_ORGANISATION}clearances:
  responseWindows:
    default:
      emergency: { hours: 6, onSilence: consent }
      urgent: { hours: 24, onSilence: consent }
      routine: { hours: 72, onSilence: refusal }
    byState:
      TJ:
        routine: { hours: 96.5, onSilence: escalation }
  deployment: { body: council, procedure: silence, hours: 48 }
procedures:
  maxHorizonDays: 30
users:
  - { username: staff.one, displayName: Staff One, email: one@example.org, password: correct-horse-1, affiliation: secretariat, role: delegate, accessLevel: public }
  - { username: by.one, displayName: BY One, email: by@example.org, password: correct-horse-1, affiliation: delegation, state: BY, role: delegate, accessLevel: public }
`;
export const editSettings = (from: string, to: string) => edit(from, to, WITH_SETTINGS);

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the text`);
  return index + 1;
}

/** Parses text expected to be refused and returns the error. */
export function refusal(text: string): OrganisationFileError {
  try {
    parseOrganisationFile(text, 'org.yaml');
  } catch (err) {
    if (err instanceof OrganisationFileError) return err;
    throw err;
  }
  throw new Error('the file was accepted');
}

/** The test organisation with a small monitoring section: three levels, two regions, two indicators. */
export const MONITORING = `${TEST_ORGANISATION}monitoring:
  alertScale:
    - { level: 1, code: normal, name: { en: Normal, ru: Норма }, colour: "#2f9e44" }
    - { level: 2, code: warning, name: { en: Warning, ru: Предупреждение }, colour: "#f08c00" }
    - { level: 3, code: crisis, name: { en: Crisis, ru: Кризис }, colour: "#a61e4d" }
  categories:
    - code: battles
      violent: true
      name: { en: Battles, ru: Бои }
      subcategories:
        - { code: armed-clash, name: { en: Armed clash, ru: Столкновение } }
    - { code: border-incident, name: { en: Border incident, ru: Пограничный инцидент } }
  regions:
    - { code: south, name: { en: South, ru: Юг }, states: [TJ], area: [[68, 37], [70, 37], [69, 38]] }
    - { code: border, name: { en: Border, ru: Граница }, states: [AM, BY] }
  indicators:
    - code: south-incidents
      name: { en: Incidents, ru: Инциденты }
      region: south
      unit: { en: per week, ru: в неделю }
      source: { computed: { categories: [border-incident, armed-clash] } }
      thresholds: [{ level: 2, at: 3 }, { level: 3, at: 10 }]
    - code: south-grain
      name: { en: Grain in store, ru: Запас зерна }
      region: south
      unit: { en: days, ru: дней }
      source: entered
      direction: falling
      thresholds: [{ level: 2, at: 30 }, { level: 3, at: 7 }]
  combination:
    escalate: { indicators: 2, atLevel: 2 }
`;

export const editMonitoring = (from: string, to: string) => {
  if (!MONITORING.includes(from)) throw new Error(`${from} is not in the monitoring section`);
  return MONITORING.replace(from, to);
};
