/** The EV battery micro-credential the API and browser tests issue: its skills and its template body. */
export const BATTERY_CHEMISTRY = 'http://data.europa.eu/esco/skill/84cc8c9d-db57-42ec-8948-9b632bf06124';
export const BATTERY_COMPONENTS = 'http://data.europa.eu/esco/skill/8cf03262-b6b0-4fe8-9d66-91063bb32db3';

export const BATTERY_TEMPLATE_BODY = {
  title: { en: 'EV battery pack assembly', zh: '动力电池包装配' },
  description: 'Assemble and test EV battery packs safely.',
  learningOutcomes: [BATTERY_CHEMISTRY, BATTERY_COMPONENTS],
  workload: { ects: 3, hours: 75 },
  eqfLevel: 4,
  chinaSkillLevel: 4,
  assessmentType: 'practical exam',
  participationForm: 'onsite',
  qualityAssurance: 'external audit by the provincial department',
} as const;
