import type { GraduateProfileInput, JobPostingInput } from '@skillpass/domain';
import {
  ConditionalWriteFailed,
  createItem,
  deterministicId,
  entities,
  getLiveItem,
  itemOf,
  type Repositories,
  type Table,
} from '@skillpass/store';

const skill = (uuid: string) => `http://data.europa.eu/esco/skill/${uuid}`;
const occupation = (uuid: string) => `http://data.europa.eu/esco/occupation/${uuid}`;

/** Real ESCO v1.1.1 concepts, taken from the occupations' essential and optional skills. */
const S = {
  weldingTechniques: skill('530cb489-d900-46ab-9350-4d50ccd49eea'),
  cuttingTechnologies: skill('2973b3bc-5893-4b3d-8953-22ef677a162f'),
  typesOfMetal: skill('7f107a85-d6ac-410f-a995-d635c5aa418b'),
  qualityStandards: skill('8d4271ca-c9fd-40b3-875f-15f78332a49e'),
  fuelGas: skill('7c127140-3a91-4fe2-b33e-12567d78ef0f'),
  batteryChemistry: skill('84cc8c9d-db57-42ec-8948-9b632bf06124'),
  batteryComponents: skill('8cf03262-b6b0-4fe8-9d66-91063bb32db3'),
  batteryFluids: skill('142f7164-fe09-49ec-af18-7c9e86269d9e'),
  electricity: skill('c8ac1986-38fa-43b2-89dc-50a4beeb420e'),
  monitorMachineOperations: skill('188048ff-18bf-43c4-a1a0-7adb6e68f421'),
  electricalEngineering: skill('3e40c7d0-0e36-4b33-bc33-0aa87eda0561'),
  integratedCircuits: skill('2b9f4584-da2e-44e2-a2fb-4dd4fc64c1a2'),
  integratedCircuitTypes: skill('61c81161-b732-4c47-aba5-9e554d9a853f'),
  electronicComponents: skill('8a2f841c-fe35-46c0-90bd-51858a88a83b'),
  electronics: skill('95c35c3a-035f-47c2-90cf-7e934d20fc08'),
  mathematics: skill('4339176e-3acd-4f7f-a5d9-445bee3d23f2'),
  designDrawings: skill('3c333552-8d89-43f5-90bd-856e15bec433'),
  computerProgramming: skill('21d2f96d-35f7-4e3f-9745-c533d2dd6e97'),
  ictDebuggingTools: skill('6014921e-1d25-4039-adc2-04852d61880e'),
  ide: skill('925463a7-d51f-4d5b-9f79-4d28cf30acde'),
  projectManagement: skill('7111b95d-0ce3-441a-9d92-4c75d05c4388'),
  dataMining: skill('25f0ea33-b4a2-4f31-b7b4-7d20e827b180'),
  statistics: skill('7ee4c2ea-b349-4bd2-81a3-ec31475d4833'),
  queryLanguages: skill('9cf681c7-89ec-470c-b651-7fe03786f586'),
  visualPresentation: skill('348b74cd-49ce-4844-8bdf-ec188b497213'),
  businessIntelligence: skill('143769cb-b61e-47d8-a61e-eedfbec1016c'),
  hygieneHealthCare: skill('0450eaee-1a00-4622-8f4e-5356fce816d2'),
  safeMedicines: skill('2d6904db-9e16-42a5-bc12-c5acb8bfab18'),
  patientAutonomy: skill('2b1ce548-4e16-45fb-bfb2-f3141c8efe8d'),
  healthCareLegislation: skill('1709f408-9965-489b-9805-8e1e5d9e483b'),
};

const O = {
  welder: occupation('7aedaa07-3884-4c5b-88f9-80997b2aa54b'),
  batteryAssembler: occupation('718bba63-75b7-4b3a-9912-e201b729fe4c'),
  icDesignEngineer: occupation('fd1c83b3-60d5-4a5f-86c5-94dc2842c246'),
  softwareDeveloper: occupation('f2b15a0e-e65a-438a-affb-29b9d50b77d1'),
  dataScientist: occupation('258e46f9-0075-4a2e-adae-1ff0477e0f30'),
  nurse: occupation('8d3e8aaa-791b-4c75-a465-f3f827028f50'),
};

export const DEMO_USERS = {
  graduate: 'demo-graduate',
  employer: 'demo-employer',
  issuer: 'demo-issuer',
  admin: 'demo-admin',
} as const;

const EMPLOYERS = [
  {
    id: DEMO_USERS.employer,
    input: {
      name: { en: 'Delta New Energy Manufacturing Co.', zh: '长三角新能源制造有限公司' },
      registeredPlace: { kind: 'delta' as const, cityCode: '320500' as const },
      website: 'https://example.com/delta-new-energy',
    },
  },
  {
    id: 'demo-employer-chips',
    input: {
      name: { en: 'Zhangjiang Semiconductor Design', zh: '张江半导体设计' },
      registeredPlace: { kind: 'delta' as const, cityCode: '310000' as const },
    },
  },
  {
    id: 'demo-employer-care',
    input: {
      name: { en: 'Hefei Care Services', zh: '合肥康养服务' },
      registeredPlace: { kind: 'delta' as const, cityCode: '340100' as const },
    },
  },
];

function job(
  title: { en: string; zh: string },
  cityCode: JobPostingInput['place'],
  occupationUri: string,
  essential: string[],
  optional: string[],
  closingDate: string,
): JobPostingInput {
  return {
    title,
    description: `${title.en}. Join a growing team in the Yangtze River Delta.`,
    occupation: { escoUri: occupationUri },
    requiredSkills: [
      ...essential.map((uri) => ({ uri, importance: 'essential' as const, minProficiency: 2 as const })),
      ...optional.map((uri) => ({ uri, importance: 'optional' as const, minProficiency: 1 as const })),
    ],
    place: cityCode,
    openings: 2,
    salary: { currency: 'CNY', min: 8000, max: 15000, period: 'month' },
    closingDate,
  };
}

function demoJobs(closingDate: string): Array<{ employerId: string; input: JobPostingInput }> {
  const at = (cityCode: '310000' | '320100' | '320500' | '330100' | '330200' | '340100' | '340200') => ({
    kind: 'delta' as const,
    cityCode,
  });
  const e = EMPLOYERS.map((employer) => employer.id);
  return [
    {
      employerId: e[0]!,
      input: job(
        { en: 'Battery pack assembler', zh: '电池包装配工' },
        at('320500'),
        O.batteryAssembler,
        [S.batteryChemistry, S.batteryComponents, S.electricity, S.qualityStandards],
        [S.electricalEngineering],
        closingDate,
      ),
    },
    {
      employerId: e[0]!,
      input: job(
        { en: 'Battery cell line operator', zh: '电芯产线操作工' },
        at('340100'),
        O.batteryAssembler,
        [S.batteryComponents, S.batteryFluids, S.monitorMachineOperations],
        [S.qualityStandards],
        closingDate,
      ),
    },
    {
      employerId: e[0]!,
      input: job(
        { en: 'Welder, EV body shop', zh: '新能源车身焊工' },
        at('320100'),
        O.welder,
        [S.weldingTechniques, S.typesOfMetal, S.qualityStandards],
        [S.cuttingTechnologies, S.fuelGas],
        closingDate,
      ),
    },
    {
      employerId: e[0]!,
      input: job(
        { en: 'Welder, shipyard', zh: '船厂焊工' },
        at('330200'),
        O.welder,
        [S.weldingTechniques, S.cuttingTechnologies, S.fuelGas],
        [S.typesOfMetal],
        closingDate,
      ),
    },
    {
      employerId: e[1]!,
      input: job(
        { en: 'IC design engineer', zh: '集成电路设计工程师' },
        at('310000'),
        O.icDesignEngineer,
        [S.integratedCircuits, S.integratedCircuitTypes, S.electronics, S.mathematics],
        [S.designDrawings, S.electricalEngineering],
        closingDate,
      ),
    },
    {
      employerId: e[1]!,
      input: job(
        { en: 'Electronics test technician', zh: '电子测试技术员' },
        at('320500'),
        O.icDesignEngineer,
        [S.electronicComponents, S.electronics],
        [S.qualityStandards],
        closingDate,
      ),
    },
    {
      employerId: e[1]!,
      input: job(
        { en: 'Software developer, EDA tools', zh: 'EDA 软件开发工程师' },
        at('330100'),
        O.softwareDeveloper,
        [S.computerProgramming, S.ictDebuggingTools, S.ide],
        [S.projectManagement, S.mathematics],
        closingDate,
      ),
    },
    {
      employerId: e[1]!,
      input: job(
        { en: 'Data scientist, yield analytics', zh: '良率分析数据科学家' },
        { kind: 'remote' },
        O.dataScientist,
        [S.dataMining, S.statistics, S.queryLanguages],
        [S.visualPresentation, S.businessIntelligence],
        closingDate,
      ),
    },
    {
      employerId: e[2]!,
      input: job(
        { en: 'Registered nurse, elderly care', zh: '养老护理注册护士' },
        at('340100'),
        O.nurse,
        [S.hygieneHealthCare, S.safeMedicines, S.patientAutonomy],
        [S.healthCareLegislation],
        closingDate,
      ),
    },
    {
      employerId: e[2]!,
      input: job(
        { en: 'Care home nurse', zh: '护理院护士' },
        at('340200'),
        O.nurse,
        [S.hygieneHealthCare, S.safeMedicines],
        [S.patientAutonomy, S.healthCareLegislation],
        closingDate,
      ),
    },
  ];
}

const GRADUATES: Array<{ id: string; input: GraduateProfileInput }> = [
  {
    id: DEMO_USERS.graduate,
    input: {
      displayName: 'Li Wei',
      contactEmail: 'li.wei@example.com',
      education: [{ eqfLevel: 5, field: 'New-energy vehicle technology', institution: 'Suzhou Vocational Institute' }],
      skills: [
        { uri: S.batteryChemistry, proficiency: 3 },
        { uri: S.batteryComponents, proficiency: 3 },
        { uri: S.electricity, proficiency: 2 },
      ],
      languages: [
        { code: 'zh', level: 'C2' },
        { code: 'en', level: 'B1' },
      ],
      preferredPlaces: [{ kind: 'delta', cityCode: '320500' }],
      openToRemote: false,
      desiredOccupations: [{ escoUri: O.batteryAssembler }],
      chinaSkillLevel: { level: 4 },
      consents: { discoverable: true, personalisedMatching: true },
    },
  },
  {
    id: 'demo-graduate-chen',
    input: {
      displayName: 'Chen Jing',
      contactEmail: 'chen.jing@example.com',
      education: [{ eqfLevel: 7, field: 'Microelectronics', institution: 'Fudan University' }],
      skills: [
        { uri: S.integratedCircuits, proficiency: 3 },
        { uri: S.electronics, proficiency: 4 },
        { uri: S.mathematics, proficiency: 3 },
        { uri: S.computerProgramming, proficiency: 2 },
      ],
      languages: [
        { code: 'zh', level: 'C2' },
        { code: 'en', level: 'C1' },
      ],
      preferredPlaces: [
        { kind: 'delta', cityCode: '310000' },
        { kind: 'delta', cityCode: '330100' },
      ],
      openToRemote: true,
      desiredOccupations: [{ escoUri: O.icDesignEngineer }],
      consents: { discoverable: true, personalisedMatching: true },
    },
  },
  {
    id: 'demo-graduate-anna',
    input: {
      displayName: 'Anna Schmidt',
      contactEmail: 'anna.schmidt@example.com',
      education: [{ eqfLevel: 6, field: 'Nursing', institution: 'Charité Berlin' }],
      skills: [
        { uri: S.hygieneHealthCare, proficiency: 4 },
        { uri: S.safeMedicines, proficiency: 3 },
      ],
      languages: [
        { code: 'de', level: 'C2' },
        { code: 'en', level: 'C1' },
        { code: 'zh', level: 'A2' },
      ],
      preferredPlaces: [
        { kind: 'elsewhere', country: 'DE', city: 'Berlin' },
        { kind: 'delta', cityCode: '340100' },
      ],
      openToRemote: false,
      desiredOccupations: [{ escoUri: O.nurse }],
      consents: { discoverable: false, personalisedMatching: true },
    },
  },
];

/**
 * Seeds demo data once. Every write is idempotent (deterministic ids, upserts) and the marker is
 * written last, so a crash mid-seed just seeds the rest on the next start.
 */
export async function seedDemoData(
  table: Table,
  { employers, jobs, profiles }: Pick<Repositories, 'employers' | 'jobs' | 'profiles'>,
  now = new Date(),
): Promise<{ seeded: boolean }> {
  if (await getLiveItem(table, entities.SeedMarker.key(), now)) return { seeded: false };
  const closingDate = new Date(now.getTime() + 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  for (const employer of EMPLOYERS) await employers.put(employer.id, employer.input);
  for (const [index, demo] of demoJobs(closingDate).entries()) {
    try {
      await jobs.create(demo.employerId, demo.input, { jobId: deterministicId('job', 'seed', String(index)) });
    } catch (error) {
      if (!(error instanceof ConditionalWriteFailed)) throw error;
    }
  }
  for (const graduate of GRADUATES) await profiles.update(graduate.id, () => graduate.input);
  try {
    await createItem(
      table,
      itemOf(entities.SeedMarker, entities.SeedMarker.key(), { seededAt: now.toISOString() }),
      'seed marker',
    );
  } catch (error) {
    if (!(error instanceof ConditionalWriteFailed)) throw error;
  }
  return { seeded: true };
}
