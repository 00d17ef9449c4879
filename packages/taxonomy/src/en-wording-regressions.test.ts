import { describe, expect, it } from 'vitest';
import { expectNoneSuggested, expectNotMisread, expectSuggested, skill, suggested } from './extraction.test-support.ts';

/**
 * English duty wordings and tool names (data/soft-skills.json, data/lexicon.json) reach their skills, and ordinary
 * sentences with the same nouns stay empty (sessions 10–11).
 */
describe('English duty wordings and tool names', () => {
  it('English duty wordings reach their hard skills: unit tests are software, personal care is patient support', () => {
    const duties: [string, string][] = [
      ['Reconcile bank statements and supplier accounts each month.', '5f1ebff6-98ec-411f-a1d4-0bf04bd03bdf'],
      ['Chase overdue payments from customers by phone and email.', '68b51538-b056-4cb3-bb15-ab8c3e576cc9'],
      ['Answer customer queries by phone and email.', 'cace7a77-38b7-4cdf-8171-e17692bef5f6'],
      ['Load and unload trucks safely.', '048affec-04db-4bd5-b7a6-c666d16c0fef'],
      ['Assist residents with personal care such as washing and dressing.', '24f980ba-b44f-4739-b563-205104c3190d'],
      ['Plan lessons and prepare teaching materials.', '20f57a7f-b90e-4403-8c77-5ddd89b5835b'],
      ['Write unit tests for new features.', '7961413f-61d0-4722-9cd9-20a050a29899'],
      ['Provide first-line IT support to users.', 'c2296e2e-5fef-4f24-a24f-e5b3792268be'],
      ['Perform preventive maintenance on production machinery.', '8a4e99e0-f259-4931-888f-604cfdc15b31'],
      ['Negotiate with suppliers to get the best prices.', 'c842be42-81b3-40f2-904c-ea8790ac88bd'],
    ];
    expectSuggested(duties);
    // the misreadings these wordings used to get
    expect(suggested('Write unit tests for new features.')).not.toContain(
      skill('baf501a8-f0fe-4ad7-9b69-8e920fa1a87b'),
    );
    expect(suggested('Provide first-line IT support to users.')).not.toContain(
      skill('1d21f6ad-340f-45da-a0a3-4e83867f47a6'),
    );
    // Ordinary sentences with the same nouns (trucks, lessons, code, diary, suppliers) name no skill at all.
    for (const text of [
      'The warehouse is located near the motorway with parking for trucks.',
      'You will learn lessons from every project.',
      'Our code of conduct applies to all employees.',
      'The diary of events is published each week.',
      'We work with suppliers across Europe.',
      'Load balancing and caching are handled by the platform team.',
    ])
      expect(suggested(text), text).toEqual([]);
    // and the library keeps its books without keeping financial records
    expect(suggested('We keep the books you lend us in a safe place in the library.')).not.toContain(
      skill('faf8943c-72ff-4736-a587-25508695d6f0'),
    );
  });

  it('IT-support and house-job duty wordings reach their skills; waiters, postmen and playwrights stay people', () => {
    const duties: [string, string][] = [
      ['Troubleshoot hardware and software issues for end users.', '9e06bac6-6b91-48ca-8b7d-c1f48cdecd7c'],
      ['Write and execute manual and automated test cases.', '913e7e83-b8f8-4574-b1ca-1b38f3fd974a'],
      ['Monitor servers and respond to alerts out of hours.', '9190d87f-9792-42e0-bb7f-64294a656bcd'],
      ['Knowledge of TCP/IP, DNS and DHCP.', '6e4f75b4-c60f-4623-a9ba-760c8245753b'],
      ['Write end-to-end tests with Playwright.', '7557f0f4-b8bc-4ac0-b91e-222ab1ba744f'],
      ['Operate the till and handle cash and card payments.', '0cb013af-6dd9-4fb2-b34e-63dda1a5cf82'],
      ['Pick and pack customer orders accurately.', 'ee5e2297-39cc-4ed6-89e5-d58016118a7f'],
      ['Operate reach trucks and counterbalance forklifts.', '28cb374e-6261-4133-8371-f9a5470145da'],
      ['Hold a valid HGV licence.', '8215bbba-2f6d-4530-bf41-904d871eaf72'],
      ['Accompany service users to appointments and activities.', 'ab89ad86-1098-44bb-9465-05af5624557c'],
      ['Paint and decorate interior walls and ceilings.', 'b826a56a-811d-477c-b165-271729f644a4'],
      ['Sweep and mop floors in the warehouse.', 'a2cd3b30-2d6c-473e-a5d4-4e7cb576babe'],
    ];
    expectSuggested(duties);
    // the misreadings these wordings used to get: manuals, dump trucks
    expect(suggested('Write and execute manual and automated test cases.')).not.toContain(
      skill('cbd9cd0f-6c22-4bbc-8af2-dc9c7f5efcb5'),
    );
    expect(suggested('Operate reach trucks and counterbalance forklifts.')).not.toContain(
      skill('6b3581c6-b768-4530-bbd3-ae8ba3c8a8c6'),
    );
    // US restaurants call waiters servers; a postman delivers letters; a playwright writes plays; pandas live in zoos
    const itWords = [
      '9190d87f-9792-42e0-bb7f-64294a656bcd',
      '7557f0f4-b8bc-4ac0-b91e-222ab1ba744f',
      'ccd0a1d9-afda-43d9-b901-96344886e14d',
    ];
    expectNoneSuggested(
      [
        'Monitor servers and bussers to ensure quality service.',
        'The Postman delivers letters to our office every morning.',
        'Playwright and director wanted for our summer theatre season.',
        'Visit the giant pandas at our partner zoo.',
      ],
      itWords,
    );
  });

  it('engineering, trade and site duty wordings and tools: CMM measures parts, first article is no first aid', () => {
    const duties: [string, string][] = [
      ['Carry out planned and reactive maintenance on production equipment.', '8a4e99e0-f259-4931-888f-604cfdc15b31'],
      ['Diagnose and repair electrical faults on machinery.', '386774ac-fe5b-431a-b485-9aec0bf5c09e'],
      ['Set up and operate CNC milling machines.', '4cb58ef4-67a9-4bea-a743-2c83ebd60e79'],
      ['Inspect machined parts using a CMM.', '42c25baf-ccb3-47d9-a872-bb2ceb615538'],
      ['Perform first article inspections on new parts.', '1a3660c2-011c-4e96-9b1d-529afc305428'],
      ['Supervise subcontractors on site.', 'fff5bc45-b506-4466-8977-4869079c1cb2'],
      ['Carry out stick welding on structural steel.', '27d26fd6-5795-4f0a-884e-112df7c68314'],
      ['Use SAP PM to raise and close work orders.', 'a28df07f-976c-4eb4-b29a-06161af39756'],
      ['Must be comfortable working at height.', 'fafbb75f-ec35-4cc2-996a-20c85ef6c266'],
      ['Service and repair domestic gas boilers.', '0d45c1ef-f56b-4a6c-9517-2d30205d693b'],
    ];
    expectSuggested(duties);
    // the misreadings these wordings used to get: first aid, airport subcontractors, CMM as a maturity model
    expect(suggested('Perform first article inspections on new parts.')).not.toContain(
      skill('1d21f6ad-340f-45da-a0a3-4e83867f47a6'),
    );
    expect(suggested('Supervise subcontractors on site.')).not.toContain(skill('f35f83b7-ee52-4904-a9c1-94b8507635c6'));
    // Ordinary sentences with the same nouns name none of these duties.
    expectNoneSuggested(
      [
        'Our planned maintenance schedule is published on the intranet.',
        'We work with subcontractors across the region.',
        'Boilers are serviced annually by an external contractor.',
        'The first article of the contract describes the parties.',
        'Working hours are 8am to 5pm.',
        'Electrical faults are reported to the facilities team.',
      ],
      duties.map(([, id]) => id),
    );
  });

  it('care, classroom, office, sales and marketing duty wordings reach their skills; the post and paid socials stay perks', () => {
    const duties: [string, string][] = [
      [
        'Take and record vital signs such as blood pressure, pulse and temperature.',
        '60f826be-0c1b-413b-aad5-4f7546622e16',
      ],
      ['Experience with electronic health records such as Epic or Cerner.', '53141450-2fa9-4890-a64e-7ffd4e1144be'],
      ['Dispense prescriptions accurately and give advice to customers.', '46b391a6-bbd9-4e80-afb0-ad205101af59'],
      ['Change nappies and help with toilet training.', 'beb952e4-8a9c-47af-8a60-c6eb5c5f25bc'],
      ['Assess and track pupil progress against targets.', '3377f3b2-4ba2-457f-b29d-8df59e8cfba8'],
      ['Post journal entries and carry out month-end close.', 'dc417e19-edb4-4401-883a-2375f67a162f'],
      ['Answer the phone and direct calls to the right person.', '5a0bffcf-4ff6-49cf-a7db-4142e63f5f04'],
      ['Take minutes at board meetings and distribute them.', '5fa6cd2f-9bab-4afa-a184-2d2f1401b770'],
      ['Sort and distribute incoming post.', '76f22707-8d30-453f-9eb7-3376e2960311'],
      ['Manage the full recruitment cycle from sourcing to offer.', '496932f1-0b6b-4f73-9432-d95c7ddcd43b'],
      ['Deliver product demonstrations to prospective clients.', 'de7b8c6c-9ed4-4776-924c-4265dd1d9cde'],
      ['Run paid social campaigns on Facebook and Instagram.', '750f86d2-18be-4015-84b1-d4a26d9b2d88'],
      ['Knowledge of Sage 50 and Xero.', 'a0d79341-8398-4019-ad1b-27888ec35aaa'],
    ];
    expectSuggested(duties);
    // the misreadings these wordings used to get: electronics, types of toilets, answering emergency calls
    expect(suggested('Experience with electronic health records such as Epic or Cerner.')).not.toContain(
      skill('95c35c3a-035f-47c2-90cf-7e934d20fc08'),
    );
    expect(suggested('Answer the phone and direct calls to the right person.')).not.toContain(
      skill('3b6834bd-b781-4dc6-b8c3-3fa74b865120'),
    );
    // an epic view, a post holder, minutes from the station and paid social events are no duties
    expectNoneSuggested(
      [
        'Epic views of the mountains from the office.',
        'The post holder will report to the finance manager.',
        'The office is five minutes from the station.',
        'It only takes minutes to apply online.',
        'Paid social events and team lunches every month.',
        'Vaccinations and prescriptions are free for staff.',
      ],
      duties.map(([, id]) => id),
    );
  });

  it('English shop-floor, kitchen and office wordings win their sentence: training new starters is no animal training', () => {
    const duties: [string, string][] = [
      ['Rotate stock and check deliveries against the order.', 'ca55d9dd-f177-45b6-a2ee-1a4695044b76'],
      ['Rotate stock and check deliveries against the order.', 'f7f56b20-8f05-4731-a1bf-79fdcffc72ce'],
      ['Replenish stock and keep displays looking their best.', '7e9daad3-8604-4839-af9b-dc6f8db3ef68'],
      ['Retail or customer-facing experience preferred.', '15a33d76-4640-438d-ae64-fdc0c1d3eebc'],
      ['Work closely with the marketing team on campaigns.', '60c78287-22eb-4103-9c8c-28deaa460da0'],
      ['You will deliver training to new starters.', 'e54ff029-1ce9-447d-a5b2-eb7283a23e6e'],
      ['Candidates must be physically fit.', 'a68bdf1e-b325-4880-b456-192c2891931a'],
      ['Maintain accurate records of all work carried out.', '43b13058-68d0-40c6-8031-caf5a7b7d20c'],
      ['Work with housekeeping to make sure rooms are ready on time.', '9d5521f9-44d7-4db4-b7ac-0ba7d389f44d'],
    ];
    expectSuggested(duties);
    // the misreadings these sentences used to get: animal training, assessing candidates, ordering
    // for customers, the customer experience, treatment records, personal organisation software
    const misreadings: [string, string][] = [
      ['You will deliver training to new starters.', 'provide animal training'],
      ['Candidates must be physically fit.', 'assess candidates'],
      ['Rotate stock and check deliveries against the order.', 'arrange ordering of products for customers'],
      ['Retail or customer-facing experience preferred.', 'manage the customer experience'],
      ['Maintain accurate records of all work carried out.', 'maintain treatment records'],
      ['Work with housekeeping to make sure rooms are ready on time.', 'use personal organization software'],
    ];
    expectNotMisread(misreadings);
    // The same nouns in ordinary sentences: a team leader is no team, a customer tracking a parcel checks nothing.
    expect(suggested('You will work together with the team leader on daily tasks.')).not.toContain(
      skill('60c78287-22eb-4103-9c8c-28deaa460da0'),
    );
    for (const text of [
      'Customers can check deliveries online via the tracking link.',
      'Please check delivery times on our website.',
      'Deliveries are checked by the goods-in team.',
    ])
      expect(suggested(text), text).not.toContain(skill('f7f56b20-8f05-4731-a1bf-79fdcffc72ce'));
    expect(suggested('Good housekeeping on site is essential.')).not.toContain(
      skill('9d5521f9-44d7-4db4-b7ac-0ba7d389f44d'),
    );
  });

  it('EPR is an electronic patient record only beside a clinical word: EPR合规 is EU packaging compliance', () => {
    const records = skill('53141450-2fa9-4890-a64e-7ffd4e1144be');
    expect(suggested('Update patient notes on the EPR.')).toContain(records);
    expect(suggested('Experience with EMR systems.')).toContain(records);
    expect(suggested('Register products for EPR compliance in Germany.')).not.toContain(records);
    expect(suggested('熟悉欧盟EPR合规和包装法', 'zh')).not.toContain(records);
  });

  it('An alternative label two skills share, neither anchored in its name more, names neither: advise customers is no customs advice', () => {
    expectNotMisread([['Advise customers on the best products.', 'advise on customs regulations']]);
    // Customs wordings still reach the customs skills.
    expectSuggested([
      ['Ensure customs compliance for all imports and exports.', '42ab725f-e57f-4320-a9fd-ac3d6717963d'],
      ['Prepare customs documents for international shipments.', 'dcace5e5-9b8d-4fac-9017-6dcd7ff8cd0e'],
    ]);
  });

  it('A phrasing that reads interviews held by the applicant outranks the alternative label conduct interviews of media interviews', () => {
    expectNotMisread([
      ['Conduct interviews with candidates and shortlist applicants.', 'give interviews to media'],
      ['Conduct interviews with witnesses and victims.', 'give interviews to media'],
    ]);
    expectSuggested([
      ['Conduct interviews with candidates and shortlist applicants.', '66d47084-9437-48b2-819b-c4c8214ed650'],
      ['Give interviews to the press about our research.', '4d313147-b39d-413f-a5e2-b12d5f0dc9e6'],
      ['Speak to the media and give interviews on behalf of the charity.', '4d313147-b39d-413f-a5e2-b12d5f0dc9e6'],
    ]);
  });
});
