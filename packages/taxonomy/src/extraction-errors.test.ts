import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { skill, suggested, taxonomy } from './extraction.test-support.ts';
import { type SkillLexicon, taxonomyDataDir } from './index.ts';
import { stem } from './text.ts';

/** One test per class of error reported in issue 15 ("Errors seen"). */
const S = {
  maintainElectricalEquipment: skill('386774ac-fe5b-431a-b485-9aec0bf5c09e'),
  vehicleElectricFaults: skill('ec05b9ea-1cb7-4089-a708-0f55f5d903bd'),
  networkingHardware: skill('f9e788df-d68a-4f92-92c7-80e135fc35ff'),
  privateBranchExchange: skill('7c5b66c6-36a1-4e03-bb57-64e8688b8f58'),
  debugSoftware: skill('2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1'),
  hydroelectricity: skill('50e6eba0-4440-4ba5-bb58-3ee78a96e29b'),
  closingProcedures: skill('b048b4d3-80d6-4a6a-a02d-804faf0e2632'),
  csharp: skill('4c016b68-4116-468c-9dc6-42710c239e4a'),
  r: skill('51586df8-1c46-4b47-8583-773cb63bf00b'),
  spreadsheets: skill('1973c966-f236-40c9-b2d4-5d71a89019be'),
  communication: skill('15d76317-c71a-4fa2-aadc-2ecc34e627b7'),
  securities: skill('749ce4c2-4dfd-461a-a8f3-0f6914814d3e'),
  gameSource: skill('c8d53d69-d900-4092-af80-c5d0422bcdb3'),
  designPrinciples: skill('4c58528e-bdaa-43ad-8f5a-8ad0b8cd4bbb'),
  patents: skill('1349751e-dfb5-492e-89af-e7d9bd2546ac'),
  dies: skill('86ed2a45-eae9-4ab7-b0e6-d7508d33df4f'),
  electricity: skill('1fea0bc2-a6fa-4fe8-b36f-7a3194f8ed1c'),
  terminology: skill('b6f26b50-3914-46ff-8f88-3defb71e007a'),
  economics: skill('88af9294-b697-4687-ae19-aefbb6234dfa'),
  leadOthers: skill('75d8e5d9-bef3-418b-9011-01bff9f27207'),
  ictMethodologies: skill('bec4359e-cb92-468f-a997-8fb28e32fba9'),
  agileProjectManagement: skill('0a9acb6b-1139-4be9-b431-3a80a959f2f4'),
  agileDevelopment: skill('dba46f87-0831-49cd-a1c7-340a653c0221'),
  operateForklift: skill('28cb374e-6261-4133-8371-f9a5470145da'),
  agriculturalMachines: skill('a6bbc19a-381c-4c60-a79a-41dea2d1a422'),
  solveProblems: skill('adc6dc11-3376-467b-96c5-9b0a21edc869'),
  workInTeams: skill('60c78287-22eb-4103-9c8c-28deaa460da0'),
  attendToDetail: skill('83e6510b-ffeb-4aec-959c-4265fd0ff7b7'),
  showCommitment: skill('1fce1197-3a5b-45b7-8797-575cd3b57a01'),
  showConfidence: skill('669b75d8-671c-4a1c-8e0b-6466c513c27d'),
  showDetermination: skill('19a64e91-bfe3-4c48-9225-3bb1229b12f0'),
  cncProgramming: skill('bf942c60-8539-4951-83ee-63f770da1cb8'),
  electricalDischarge: skill('56a13f47-ad7c-451f-81cf-e550107abc03'),
  mechanicalEngineering: skill('9c071f1d-eac3-449d-b004-c14775b5a3b9'),
  technicalTerminology: skill('d8567009-7c6f-43fb-82fb-7154ed8ebca9'),
  vitalSigns: skill('60f826be-0c1b-413b-aad5-4f7546622e16'),
  supervisePersons: skill('47ac9325-b072-4e37-8e40-e6ffed03e851'),
  basicPatientSupport: skill('24f980ba-b44f-4739-b563-205104c3190d'),
  childrensNeeds: skill('beb952e4-8a9c-47af-8a60-c6eb5c5f25bc'),
  tutorStudents: skill('63b9a087-a5db-424e-96ef-3212c8b5311e'),
  mentorEmployees: skill('fb9c12af-ec45-498a-8e52-891371191557'),
  greetGuests: skill('26a6e6d2-1c9a-4d7e-8c04-5ba16d1f53da'),
  checkInGuests: skill('add193d6-b7bf-40ab-98ff-4a4c6c807387'),
};
const uris = (text: string, lang?: 'en' | 'zh') => taxonomy.extractSkills(text, lang ? { lang } : {}).map((f) => f.uri);

describe('issue 15 error classes', () => {
  it('tool and language names: C#, R and Excel are found, R&D is not R', () => {
    expect(uris('Experience with C# and R; advanced Excel.')).toEqual([S.csharp, S.r, S.spreadsheets]);
    expect(uris('Our R&D team excels at research.')).toEqual([]);
    expect(taxonomy.searchSkills({ q: 'Excel', lang: 'en', limit: 3 })[0]!.uri).toBe(S.spreadsheets);
    expect(taxonomy.searchSkills({ q: 'C#', lang: 'en', limit: 3 })[0]!.uri).toBe(S.csharp);
  });

  it('the curated lexicon names real ESCO skills as ESCO names them', () => {
    const lexicon = JSON.parse(readFileSync(`${taxonomyDataDir()}/lexicon.json`, 'utf8')) as SkillLexicon;
    for (const [uri, entry] of Object.entries(lexicon.skills))
      expect(taxonomy.getSkill(uri)?.preferredLabel, uri).toBe(entry.en);
  });

  it('a name ESCO qualifies as a tool (Chef (tools for …), Canvas (learning …)) is the tool only as written', () => {
    const chef = skill('49f85a99-086c-45b6-a6fa-eb90305af7b1');
    const canvas = skill('cfb8d64c-f8d7-4894-a02e-2551ab33f1d0');
    expect(suggested('Assist the head chef with food preparation.')).not.toContain(chef);
    expect(suggested('Prime the canvas before painting.')).not.toContain(canvas);
    expect(suggested('Experience with Chef for configuration management.')).toContain(chef);
    expect(suggested('Courses are published in Canvas and Moodle.')).toContain(canvas);
    // CVs write languages in lower case: the lexicon names them so (Python and Java are qualified names too).
    expect(suggested('Strong python and java skills.')).toEqual([
      skill('ccd0a1d9-afda-43d9-b901-96344886e14d'),
      skill('19a8293b-8e95-4de3-983f-77484079c389'),
    ]);
  });

  it('a label is never read across a list comma, nor from a fragment label ("and procedures")', () => {
    const designBuildings = skill('7c3cde53-9ff7-4e82-8396-13fdfadd3432');
    expect(uris('Design, build and maintain backend services.')).not.toContain(designBuildings);
    expect(uris('Experience in building design and planning permission.')).toContain(designBuildings);
    expect(suggested('Follow all company policies and procedures.')).not.toContain(
      skill('28c3c8d2-09ab-4a68-98db-883b16a966ec'),
    );
  });

  it('a label ending on the modifier of a longer label is not read: building machine learning models', () => {
    const buildMachines = skill('f0006418-17ee-4c38-af75-f5e1e35de64c');
    const machineLearning = skill('3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43');
    expect(uris('Experience building machine learning models in Python.')).toEqual(
      expect.arrayContaining([machineLearning]),
    );
    expect(uris('Experience building machine learning models in Python.')).not.toContain(buildMachines);
    expect(suggested('Experience building machine learning models in Python.')).not.toContain(buildMachines);
    expect(uris('Building machines for the packaging industry.')).toContain(buildMachines);
  });

  it('generic words: communication, communicate and communicating are handled alike', () => {
    for (const word of ['communication', 'communicate', 'communicating'])
      expect(uris(`Strong ${word}.`), word).not.toContain(S.communication);
  });

  it('stemming merging unrelated words: IT Security is not securities', () => {
    expect(uris('IT Security specialist')).not.toContain(S.securities);
    expect(uris('Trading of securities and bonds.')).toContain(S.securities);
  });

  it('stemming merging unrelated words: care is not car, code is not cod; string is no inflection', () => {
    const cleanRoadVehicles = skill('c8b5b67b-d8d9-4857-bb26-1e35faf2ce22');
    expect(uris('Personal care washing and dressing of residents.')).not.toContain(cleanRoadVehicles);
    expect(uris('Car washing and valeting.')).toContain(cleanRoadVehicles);
    expect([stem('care'), stem('caring'), stem('cared'), stem('cares')]).toEqual(['care', 'care', 'care', 'care']);
    expect(stem('car')).not.toBe(stem('care'));
    expect([stem('coding'), stem('cod'), stem('hoping'), stem('hopping')]).toEqual(['code', 'cod', 'hope', 'hop']);
    expect([stem('analysing'), stem('analyse'), stem('string')]).toEqual(['analys', 'analys', 'string']);
  });

  it('ambiguous one-word alternative labels do not win by list order', () => {
    const text =
      'We use data sources and design patterns; Unity3D skills help. The right candidate joins current projects for the long term ' +
      'in Financial Technology and takes a lead role.';
    const found = uris(text);
    for (const wrong of [
      S.gameSource,
      S.designPrinciples,
      S.patents,
      S.dies,
      S.electricity,
      S.terminology,
      S.economics,
      S.leadOthers,
    ]) {
      expect(found, taxonomy.labelOf(wrong)).not.toContain(wrong);
    }
    expect(uris('Agile and Scrum')).toEqual([S.agileProjectManagement]);
    expect(uris('Agile development with Scrum')).toEqual([S.agileDevelopment, S.agileProjectManagement]);
    expect(uris('Forklift driving licence required.')).toEqual([S.operateForklift]);
  });

  it('skills stated without their literal label: problem solving, team player, attention to detail, committed, determined', () => {
    expect(uris('Problem solving and attention to detail.')).toEqual([S.solveProblems, S.attendToDetail]);
    expect(uris('A team player, committed and determined.')).toEqual([
      S.workInTeams,
      S.showCommitment,
      S.showDetermination,
    ]);
    // The adjective, not the verb sharing its stem.
    expect(uris('Commit code daily.')).not.toContain(S.showCommitment);
    expect(uris('Determine the root cause.')).not.toContain(S.showDetermination);
    // The object-first wording takes the verb's -ing form only: not a finite verb after its subject, nor a participle.
    const developStaff = skill('714eebcb-569a-4f1b-b592-28f70b59a9ba');
    expect(uris('Our staff develop strong relationships with clients.')).not.toContain(developStaff);
    expect(uris('Experience in staff development.')).toContain(developStaff);
    expect(uris('Equipment well maintained and clean.')).not.toContain(skill('6a61569d-56a5-4777-8da5-a7c0a09d95e7'));
    // Said of the employer, or of a task the sentence names, it is not the trait sought.
    expect(uris('We are committed to diversity and inclusion.')).not.toContain(S.showCommitment);
    expect(uris("We're fully committed to your development.")).not.toContain(S.showCommitment);
    expect(uris('Confident using Excel and Outlook.')).not.toContain(S.showConfidence);
    expect(uris('You are confident and committed to great care.')).toEqual(
      expect.arrayContaining([S.showConfidence, S.showCommitment]),
    );
  });

  it('a qualification named with an ESCO acronym is the qualification: Driver CPC is no pay-per-click', () => {
    const payPerClick = taxonomy.searchSkills({ q: 'pay-per-click', lang: 'en', limit: 1 })[0]!.uri;
    const driveVehicles = skill('2a82241a-216e-44d8-bb50-6b9a0ef82084');
    expect(suggested('Must hold a valid Driver CPC.')).toEqual([driveVehicles]);
    expect(suggested('Experience with CPC campaigns on Google Ads.')).toContain(payPerClick);
  });

  it('tool names ads write for ESCO concepts, and recruiting phrasings of soft skills; ordinary words stay words', () => {
    const python = skill('ccd0a1d9-afda-43d9-b901-96344886e14d');
    const java = skill('19a8293b-8e95-4de3-983f-77484079c389');
    const machineLearning = skill('3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43');
    const camSoftware = skill('7a757fa5-9a6f-43ab-9e66-f8f4dba1ffcb');
    const plc = skill('6468e5fb-f3be-4025-87be-4b6556755c61');
    // PPAP and APQP are quality-assurance methods, in English and Chinese ads alike (aliases-g1.tsv says the same).
    const qualitySystems = skill('c7cc6dc5-d56b-4323-8e5c-47c4022f615f');
    const videoEditing = skill('5ce80f97-b385-4a41-9339-a6593d0709c1');
    const multitask = skill('0b144726-21c2-46ed-8d13-c03d27f61604');
    const customerOrientation = skill('5b0f2198-7246-4256-a902-4d9ce1260c80');
    expect(uris('Django, Spring Boot and PyTorch.')).toEqual([python, java, machineLearning]);
    expect(uris('熟练使用Mastercam编程,熟悉TIA Portal,了解PPAP。', 'zh')).toEqual(
      expect.arrayContaining([camSoftware, plc, qualitySystems]),
    );
    expect(uris('Edit footage in Premiere Pro.')).toContain(videoEditing);
    expect(uris('We offer spring internships. Take up the slack. Sketch a plan.')).toEqual([]);
    expect(suggested('Customer-focused and able to multitask.')).toEqual(
      expect.arrayContaining([customerOrientation, multitask]),
    );
    expect(suggested('The service-oriented architecture runs on AWS.')).not.toContain(customerOrientation);
  });

  it('Chinese: 数控程序 is CNC programming, and a fragment of a longer word fires no concept', () => {
    expect(uris('能编写数控程序。', 'zh')).toEqual([S.cncProgramming]);
    expect(taxonomy.searchSkills({ q: '数控程序', lang: 'zh', limit: 3 }).map((h) => h.uri)).toContain(
      S.cncProgramming,
    );
    expect(uris('熟悉放电加工和机械加工。', 'zh')).toEqual([]);
    // Words of a factory ad that once fired an office or energy concept: 调试 is commissioning a machine here,
    // 水电 the site's plumbing and wiring, 月结 how wages are paid.
    const factoryAd = [
      ...uris('负责设备安装调试和水电安装，工资月结。', 'zh'),
      ...suggested('负责设备安装调试和水电安装，工资月结。', 'zh'),
    ];
    for (const wrong of [S.debugSoftware, S.hydroelectricity, S.closingProcedures])
      expect(factoryAd).not.toContain(wrong);
    // A general wording once owned by a narrow concept: a plant electrician's 电气故障排查 is no vehicle inspection,
    // and 交换机 in an IT ad is a network switch, not a telephone exchange.
    const plant = suggested('负责车间设备电气故障的排查与维修', 'zh');
    expect(plant).toContain(S.maintainElectricalEquipment);
    expect(plant).not.toContain(S.vehicleElectricFaults);
    const network = suggested('熟悉交换机、路由器配置', 'zh');
    expect(network).toContain(S.networkingHardware);
    expect(network).not.toContain(S.privateBranchExchange);
    // 监护 at a bedside is monitoring, 生活护理 of a patient is basic care (not a child's), 一对一辅导 of pupils is tutoring.
    const ward = suggested('负责病人的心电监护和生活护理', 'zh');
    expect(ward).toEqual(expect.arrayContaining([S.vitalSigns, S.basicPatientSupport]));
    for (const wrong of [S.supervisePersons, S.childrensNeeds]) expect(ward).not.toContain(wrong);
    const tutoring = suggested('为学生提供一对一辅导', 'zh');
    expect(tutoring).toContain(S.tutorStudents);
    expect(tutoring).not.toContain(S.mentorEmployees);
    // An office's 前台接待 greets visitors; a hotel's 办理入住 still checks guests in.
    const office = suggested('负责公司前台接待工作', 'zh');
    expect(office).toContain(S.greetGuests);
    expect(office).not.toContain(S.checkInGuests);
    expect(suggested('酒店前台，办理入住和退房', 'zh')).toContain(S.checkInGuests);
    expect(uris('有机械和焊接经验，了解放电。', 'zh')).toEqual(
      expect.arrayContaining([S.mechanicalEngineering, S.electricalDischarge]),
    );
  });

  it('a curated Latin-letter wording is no part of a longer Latin word: NAS in CNAS/NASM, IC in PICC', () => {
    const storage = skill('a7f0fbe0-c546-4f30-8e41-34a58c64567e');
    const chips = skill('2b9f4584-da2e-44e2-a2fb-4dd4fc64c1a2');
    expect(suggested('通过CNAS认可的实验室，持有ACE/NASM证书', 'zh')).not.toContain(storage);
    expect(suggested('负责PICC置管', 'zh')).not.toContain(chips);
    expect(suggested('熟悉NAS存储', 'zh')).toContain(storage);
    expect(suggested('了解IC和PCB基础知识', 'zh')).toContain(chips);
  });

  it("a word inside an organisation's name (某精密机械有限公司, 某电子厂) names no skill", () => {
    const precisionMechanics = taxonomy.searchSkills({ q: '精密机械', lang: 'zh', limit: 1 })[0]!.uri;
    expect(suggested('昆山某精密机械有限公司，CNC操作工', 'zh')).not.toContain(precisionMechanics);
    expect(suggested('苏州某精密机械厂招聘CNC操作工', 'zh')).not.toContain(precisionMechanics);
    expect(suggested('善于与客户沟通，维护公司形象', 'zh').length).toBeGreaterThan(0);
    expect(suggested('熟悉精密机械的装配与调试', 'zh')).toContain(precisionMechanics);
    expect(suggested('负责厂区精密机械的保养', 'zh')).toContain(precisionMechanics);
  });

  it('a Han-script query is looked up in Chinese even when lang defaults to en', () => {
    const hits = taxonomy.searchSkills({ q: '焊接', lang: 'en', limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.preferredLabel).toMatch(/weld|solder/);
    expect(taxonomy.searchOccupations({ q: '焊工', lang: 'en', limit: 1 })[0]?.preferredLabel).toBe('welder');
  });

  it('the ranked suggestions (what the API returns) make none of these errors either', () => {
    expect(suggested('Experience with C# and R; advanced Excel.')).toEqual(
      expect.arrayContaining([S.csharp, S.r, S.spreadsheets]),
    );
    // Stated as a skill, every wording is the skill; the bare verb is none.
    for (const text of ['Strong communication.', 'Able to communicate.', 'Communicating well.'])
      expect(suggested(text), text).toContain(S.communication);
    expect(suggested('We communicate our plans.')).not.toContain(S.communication);
    expect(suggested('IT Security specialist')).not.toContain(S.securities);
    const ambiguous = suggested(
      'We use data sources and design patterns; Unity3D skills help. The right candidate joins current projects for the long term ' +
        'in Financial Technology and takes a lead role.',
    );
    for (const wrong of [
      S.gameSource,
      S.designPrinciples,
      S.patents,
      S.dies,
      S.electricity,
      S.terminology,
      S.economics,
    ])
      expect(ambiguous, taxonomy.labelOf(wrong)).not.toContain(wrong);
    expect(ambiguous, 'technical terminology from "term … Technology"').not.toContain(S.technicalTerminology);
    expect(suggested('Agile and Scrum')).not.toContain(S.ictMethodologies);
    expect(suggested('Forklift driving licence required.')).not.toContain(S.agriculturalMachines);
    expect(suggested('Problem solving and attention to detail. A team player, committed and determined.')).toEqual(
      expect.arrayContaining([S.solveProblems, S.attendToDetail, S.workInTeams, S.showCommitment, S.showDetermination]),
    );
    expect(suggested('能编写数控程序。', 'zh')).toContain(S.cncProgramming);
    const fragments = suggested('熟悉放电加工和机械加工。', 'zh');
    expect(fragments).not.toContain(S.electricalDischarge);
    expect(fragments).not.toContain(S.mechanicalEngineering);
  });
});
