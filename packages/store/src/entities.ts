import type { RegionPartition } from '@skillpass/domain';

/**
 * The entity list: every kind of item in the single table, with the one builder of each key it
 * has. Repositories take keys from here and nowhere else; the package README's tables are checked
 * against this list by `entities.test.ts`.
 */

export type ItemKey = { PK: string; SK: string };

/** Index attributes an item may carry (`owner` is the ByOwner index's partition key). */
export type IndexKeys = Partial<
  Record<'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK' | 'owner', string>
>;

export interface EntityDefinition<KeyArgs extends unknown[], Fields> {
  /** The `entity` attribute; the stream mapping reads it. */
  name: string;
  /** Names of the key builder's arguments, in order: the README shows keys with `<name>` in their place. */
  keyArgs: { [I in keyof KeyArgs]: string };
  key: (...args: KeyArgs) => ItemKey;
  /** Index keys from the fields of a record; absent attributes make an index sparse. */
  indexes?: (fields: Fields) => IndexKeys;
  /** How long an item lives (DynamoDB TTL on `expiresAt`), in seconds. */
  ttlSeconds?: number;
}

const defineEntity = <KeyArgs extends unknown[], Fields = never>(definition: EntityDefinition<KeyArgs, Fields>) =>
  definition;

/** Sort keys that must order numerically are zero-padded; a placeholder (in docs) is left as it is. */
const padded = (value: number | string, width: number) =>
  typeof value === 'number' ? String(value).padStart(width, '0') : value;

/**
 * A posting's impact (in (0, 1]: the share of its job's skill weight it carries) as a sort key that orders
 * highest impact first: 1 − impact in nine digits. Impacts are ratios of small integers (weight / (total + prior)),
 * so distinct impacts never share a key; a placeholder (in docs) is left as it is.
 */
const impactOrder = (impact: number | string) =>
  typeof impact === 'number' ? padded(Math.round((1 - impact) * 1e9), 10) : impact;

/** Partition keys shared by several entities or read as index partitions: the access patterns' entry points. */
export const partitions = {
  graduate: (graduateId: string) => `GRAD#${graduateId}`,
  /** What `owner` says for items a graduate owns outside their partition (ByOwner index). */
  ownedBy: (graduateId: string) => `GRAD#${graduateId}`,
  jobCandidates: (jobId: string) => `JOB#${jobId}#CANDS`,
  jobSkill: (skillUri: string, partition: RegionPartition) => `SKILLJOBS#${partition}#${skillUri}`,
  graduateSkill: (skillUri: string, partition: RegionPartition) => `SKILLGRADS#${partition}#${skillUri}`,
  /** The skill and partition a `graduateSkill` key names (a partition never holds `#`; a skill URI may). */
  parseGraduateSkill: (key: string): { skillUri: string; partition: RegionPartition } => {
    const rest = key.slice('SKILLGRADS#'.length);
    const at = rest.indexOf('#');
    return { partition: rest.slice(0, at) as RegionPartition, skillUri: rest.slice(at + 1) };
  },
  templatesTeaching: (skillUri: string) => `SKILLTPLS#${skillUri}`,
  batch: (batchId: string) => `BATCH#${batchId}`,
  statusIndexes: (listId: string) => `STATUSIDX#${listId}`,
  statusBlocks: (listId: string) => `STATUSBLK#${listId}`,
  employerJobs: (employerId: string) => `EMP#${employerId}#JOBS`,
  openJobs: () => 'OPENJOBS',
  openJobsIn: (partition: RegionPartition) => `OPENJOBS#${partition}`,
  applicationById: (applicationId: string) => `APP#${applicationId}`,
  jobApplications: (jobId: string) => `JOB#${jobId}#APPS`,
  allIssuers: () => 'ISSUERS',
  issuerTemplates: (issuerId: string) => `ISSUER#${issuerId}#TPLS`,
  allTemplates: () => 'TEMPLATES',
  openBatches: () => 'OPENBATCHES',
  issuerCredentials: (issuerId: string) => `ISSUER#${issuerId}#CREDS`,
  issuerBatches: (issuerId: string) => `ISSUER#${issuerId}#BATCHES`,
  holderCredentials: (graduateId: string) => `HOLDER#${graduateId}`,
  insightCounters: (place: string, week: string) => `INSIGHT#${place}#${week}`,
  /** Changes the pipeline has seen but not yet applied, per kind (`jobs`, `profiles`), scope and write shard. */
  pendingChanges: (kind: string, scope: string, shard: number | string) => `PENDING#${kind}#${scope}#${shard}`,
  /** A job fair's partition holds the fair, its booths and slots, registrations, check-in codes and bookings. */
  fair: (fairId: string) => `FAIR#${fairId}`,
  allFairs: () => 'FAIRS',
  employerFairs: (employerId: string) => `EMP#${employerId}#FAIRS`,
  graduateFairs: (graduateId: string) => `GRAD#${graduateId}#FAIRS`,
  /** A guidance course's partition holds the course and its enrolments. */
  course: (courseId: string) => `COURSE#${courseId}`,
  issuerCourses: (issuerId: string) => `ISSUER#${issuerId}#COURSES`,
  openCourses: () => 'OPENCOURSES',
  openCoursesOfTemplate: (templateId: string) => `TPL#${templateId}#COURSES`,
  graduateCourses: (graduateId: string) => `GRAD#${graduateId}#COURSES`,
  /** Employers no administrator has approved yet (sparse: an approved employer leaves it). */
  employersAwaitingApproval: () => 'EMPLOYERS#AWAITING',
  /** A skill-level standard's partition holds its head and every version with its review. */
  standard: (standardId: string) => `STD#${standardId}`,
  allStandards: () => 'STANDARDS',
} as const;

/** Sort-key prefixes of the item kinds that share a graduate's or a batch's partition. */
export const sortKeyPrefixes = {
  application: 'APP#',
  notification: 'NOTE#',
  heldCredential: 'HELD#',
  invitation: 'INVITE#',
  batchChunk: 'C#',
  fairBooth: 'BOOTH#',
  fairSlot: 'SLOT#',
  fairRegistration: 'REG#',
  fairCheckInCode: 'CODE#',
  fairBooking: 'BOOKING#',
  fairBookingTime: 'BOOKEDAT#',
  courseEnrolment: 'ENROL#',
  standardVersion: 'V#',
} as const;

const HOUR = 60 * 60;
const DAY = 24 * HOUR;
/** A wallet pickup's codes, tokens and nonces live a quarter of an hour: long enough to scan, too short to leak usefully. */
const WALLET_PICKUP_SECONDS = HOUR / 4;

export const entities = {
  Profile: defineEntity({
    name: 'Profile',
    keyArgs: ['graduateId'],
    key: (graduateId: string) => ({ PK: partitions.graduate(graduateId), SK: 'PROFILE' }),
  }),
  Application: defineEntity({
    name: 'Application',
    keyArgs: ['graduateId', 'jobId'],
    key: (graduateId: string, jobId: string) => ({
      PK: partitions.graduate(graduateId),
      SK: `${sortKeyPrefixes.application}${jobId}`,
    }),
    indexes: (a: { applicationId: string; jobId: string; createdAt: string }) => ({
      GSI1PK: partitions.applicationById(a.applicationId),
      GSI1SK: 'APP',
      GSI2PK: partitions.jobApplications(a.jobId),
      GSI2SK: `${a.createdAt}#${a.applicationId}`,
    }),
  }),
  /** Kept for the employer when the graduate erases their data: outside their partition, and no `owner`. */
  ErasedApplication: defineEntity({
    name: 'ErasedApplication',
    keyArgs: ['applicationId'],
    key: (applicationId: string) => ({ PK: `ERASEDAPP#${applicationId}`, SK: 'APP' }),
    indexes: (a: { applicationId: string; jobId: string; createdAt: string }) => ({
      GSI1PK: partitions.applicationById(a.applicationId),
      GSI1SK: 'APP',
      GSI2PK: partitions.jobApplications(a.jobId),
      GSI2SK: `${a.createdAt}#${a.applicationId}`,
    }),
  }),
  Invitation: defineEntity({
    name: 'Invitation',
    keyArgs: ['graduateId', 'jobId'],
    key: (graduateId: string, jobId: string) => ({
      PK: partitions.graduate(graduateId),
      SK: `${sortKeyPrefixes.invitation}${jobId}`,
    }),
  }),
  Notification: defineEntity({
    name: 'Notification',
    keyArgs: ['graduateId', 'createdAt', 'notificationId'],
    key: (graduateId: string, createdAt: string, notificationId: string) => ({
      PK: partitions.graduate(graduateId),
      SK: `${sortKeyPrefixes.notification}${createdAt}#${notificationId}`,
    }),
  }),
  HeldCredential: defineEntity({
    name: 'HeldCredential',
    keyArgs: ['graduateId', 'heldId'],
    key: (graduateId: string, heldId: string) => ({
      PK: partitions.graduate(graduateId),
      SK: `${sortKeyPrefixes.heldCredential}${heldId}`,
    }),
  }),
  MatchSet: defineEntity({
    name: 'MatchSet',
    keyArgs: ['graduateId'],
    key: (graduateId: string) => ({ PK: partitions.graduate(graduateId), SK: 'MATCHES' }),
  }),
  /** A graduate's saved career-assessment answers: only when they choose to save; erased with their data. */
  CareerAssessment: defineEntity({
    name: 'CareerAssessment',
    keyArgs: ['graduateId'],
    key: (graduateId: string) => ({ PK: partitions.graduate(graduateId), SK: 'CAREERTEST' }),
  }),
  Employer: defineEntity({
    name: 'Employer',
    keyArgs: ['employerId'],
    key: (employerId: string) => ({ PK: `EMP#${employerId}`, SK: 'EMPLOYER' }),
    indexes: (e: { employerId: string; createdAt: string; awaitingApproval: boolean }) =>
      e.awaitingApproval
        ? { GSI1PK: partitions.employersAwaitingApproval(), GSI1SK: `${e.createdAt}#${e.employerId}` }
        : {},
  }),
  EmployerNotification: defineEntity({
    name: 'EmployerNotification',
    keyArgs: ['employerId', 'createdAt', 'notificationId'],
    key: (employerId: string, createdAt: string, notificationId: string) => ({
      PK: `EMP#${employerId}`,
      SK: `${sortKeyPrefixes.notification}${createdAt}#${notificationId}`,
    }),
  }),
  Job: defineEntity({
    name: 'Job',
    keyArgs: ['jobId'],
    key: (jobId: string) => ({ PK: `JOB#${jobId}`, SK: 'JOB' }),
    // The open-job indexes are sparse: a closed job carries no GSI2/GSI3 attributes.
    indexes: (j: { jobId: string; employerId: string; postedAt: string; open: boolean; region: RegionPartition }) => {
      const order = `${j.postedAt}#${j.jobId}`;
      return {
        GSI1PK: partitions.employerJobs(j.employerId),
        GSI1SK: order,
        ...(j.open
          ? { GSI2PK: partitions.openJobs(), GSI2SK: order, GSI3PK: partitions.openJobsIn(j.region), GSI3SK: order }
          : {}),
      };
    },
  }),
  Candidate: defineEntity({
    name: 'Candidate',
    keyArgs: ['jobId', 'graduateId'],
    key: (jobId: string, graduateId: string) => ({ PK: partitions.jobCandidates(jobId), SK: graduateId }),
    indexes: (c: { graduateId: string }) => ({ owner: partitions.ownedBy(c.graduateId) }),
  }),
  /**
   * Where a job's stored candidate list ends: its size and its last entry. A graduate whose profile changed is
   * offered to the jobs whose floor they beat, read 100 floors to a batch read instead of one list query per job.
   */
  CandidateFloor: defineEntity({
    name: 'CandidateFloor',
    keyArgs: ['jobId'],
    key: (jobId: string) => ({ PK: `JOB#${jobId}`, SK: 'CANDFLOOR' }),
  }),
  JobSkillPosting: defineEntity({
    name: 'JobSkillPosting',
    keyArgs: ['skillUri', 'region', 'jobId'],
    key: (skillUri: string, region: RegionPartition, jobId: string) => ({
      PK: partitions.jobSkill(skillUri, region),
      SK: jobId,
    }),
    // The same list on GSI1 in impact order (highest first), so a top-k query can read its head with Limit.
    // The table's own sort key stays the job id: a job's stale postings are deleted by key without their impact.
    indexes: (p: { skillUri: string; region: RegionPartition; jobId: string; impact: number }) => ({
      GSI1PK: partitions.jobSkill(p.skillUri, p.region),
      GSI1SK: `${impactOrder(p.impact)}#${p.jobId}`,
    }),
  }),
  GraduateSkillPosting: defineEntity({
    name: 'GraduateSkillPosting',
    keyArgs: ['skillUri', 'region', 'graduateId'],
    key: (skillUri: string, region: RegionPartition, graduateId: string) => ({
      PK: partitions.graduateSkill(skillUri, region),
      SK: graduateId,
    }),
    indexes: (p: { graduateId: string }) => ({ owner: partitions.ownedBy(p.graduateId) }),
  }),
  IdempotencyRecord: defineEntity({
    name: 'IdempotencyRecord',
    keyArgs: ['principal', 'idempotencyKey'],
    key: (principal: string, idempotencyKey: string) => ({ PK: `IDEM#${principal}#${idempotencyKey}`, SK: 'IDEM' }),
    // A graduate's keys go with their erasure.
    indexes: (r: { graduateId?: string }) => (r.graduateId ? { owner: partitions.ownedBy(r.graduateId) } : {}),
    ttlSeconds: 24 * HOUR,
  }),
  ConsumedEvent: defineEntity({
    name: 'ConsumedEvent',
    keyArgs: ['consumer', 'eventId'],
    key: (consumer: string, eventId: string) => ({ PK: `CONSUMED#${consumer}#${eventId}`, SK: 'CONSUMED' }),
    ttlSeconds: 7 * DAY,
  }),
  /**
   * A change seen on the stream whose effect on the matching indexes and lists is not yet applied:
   * what a read checks to say whether its list is up to date. Deleted once applied; the TTL only
   * bounds what a lost event could leave behind.
   */
  PendingChange: defineEntity({
    name: 'PendingChange',
    keyArgs: ['kind', 'scope', 'shard', 'occurredAt', 'eventId'],
    key: (kind: string, scope: string, shard: number | string, occurredAt: string, eventId: string) => ({
      PK: partitions.pendingChanges(kind, scope, shard),
      SK: `${occurredAt}#${eventId}`,
    }),
    ttlSeconds: 7 * DAY,
  }),
  /**
   * A delivery the pipeline gave up on after its retries: the consumer, the whole event (so it can be
   * replayed), the last error and how many attempts were made. Kept until an operator replays or drops it.
   */
  DeadLetter: defineEntity({
    name: 'DeadLetter',
    keyArgs: ['consumer', 'eventId'],
    key: (consumer: string, eventId: string) => ({ PK: 'DEADLETTER', SK: `${consumer}#${eventId}` }),
  }),
  /**
   * Where to send word of a credential issued to someone outside skillpass: the address from the issuance
   * request, kept apart from the credential (which holds only a hash of it) and only until the mail is queued.
   */
  RecipientAddress: defineEntity({
    name: 'RecipientAddress',
    keyArgs: ['credentialId'],
    key: (credentialId: string) => ({ PK: `DELIVERTO#${credentialId}`, SK: 'ADDRESS' }),
    ttlSeconds: 30 * DAY,
  }),
  /** An email to send (the outbox): written once under a deterministic id, then marked sent by the sender. */
  OutboxMessage: defineEntity({
    name: 'OutboxMessage',
    keyArgs: ['messageId'],
    key: (messageId: string) => ({ PK: `OUTBOX#${messageId}`, SK: 'MSG' }),
    ttlSeconds: 30 * DAY,
  }),
  /** A platform count (profiles, open jobs, …) for all time (`all`) or one ISO week (`2026-W49`), kept by a consumer. */
  PlatformCounter: defineEntity({
    name: 'PlatformCounter',
    keyArgs: ['counter', 'period'],
    key: (counter: string, period: string) => ({ PK: `COUNTER#${counter}`, SK: period }),
  }),
  /** An event already added to the counters: written in the same transaction as the counts, so each counts once. */
  CountedEvent: defineEntity({
    name: 'CountedEvent',
    keyArgs: ['eventId'],
    key: (eventId: string) => ({ PK: `COUNTED#${eventId}`, SK: 'COUNTED' }),
    ttlSeconds: 7 * DAY,
  }),
  StreamCheckpoint: defineEntity({
    name: 'StreamCheckpoint',
    keyArgs: ['shardId'],
    key: (shardId: string) => ({ PK: 'STREAM#CHECKPOINT', SK: shardId }),
  }),
  SeedMarker: defineEntity({ name: 'SeedMarker', keyArgs: [], key: () => ({ PK: 'SEED', SK: 'SEED' }) }),
  Issuer: defineEntity({
    name: 'Issuer',
    keyArgs: ['issuerId'],
    key: (issuerId: string) => ({ PK: `ISSUER#${issuerId}`, SK: 'ISSUER' }),
    indexes: (i: { issuerId: string }) => ({ GSI1PK: partitions.allIssuers(), GSI1SK: i.issuerId }),
  }),
  CredentialTemplate: defineEntity({
    name: 'CredentialTemplate',
    keyArgs: ['templateId'],
    key: (templateId: string) => ({ PK: `TPL#${templateId}`, SK: 'TPL' }),
    indexes: (t: { templateId: string; issuerId: string; createdAt: string }) => ({
      GSI1PK: partitions.issuerTemplates(t.issuerId),
      GSI1SK: `${t.createdAt}#${t.templateId}`,
      GSI2PK: partitions.allTemplates(),
      GSI2SK: `${t.createdAt}#${t.templateId}`,
    }),
  }),
  TemplateSkillPosting: defineEntity({
    name: 'TemplateSkillPosting',
    keyArgs: ['skillUri', 'templateId'],
    key: (skillUri: string, templateId: string) => ({ PK: partitions.templatesTeaching(skillUri), SK: templateId }),
  }),
  IssuedCredential: defineEntity({
    name: 'IssuedCredential',
    keyArgs: ['credentialId'],
    key: (credentialId: string) => ({ PK: `CRED#${credentialId}`, SK: 'CRED' }),
    // Credentials held by a graduate here are also listed (and erased) by holder.
    indexes: (c: { credentialId: string; issuerId: string; createdAt: string; holderGraduateId?: string }) => ({
      GSI1PK: partitions.issuerCredentials(c.issuerId),
      GSI1SK: `${c.createdAt}#${c.credentialId}`,
      ...(c.holderGraduateId
        ? {
            GSI2PK: partitions.holderCredentials(c.holderGraduateId),
            GSI2SK: `${c.createdAt}#${c.credentialId}`,
            owner: partitions.ownedBy(c.holderGraduateId),
          }
        : {}),
    }),
  }),
  /**
   * Skills intelligence: one counter per place, week (or `all`) and concept (a skill, an occupation or `total`),
   * moved by ADD updates from the pipeline; aggregates only, nothing about a person.
   */
  InsightCounter: defineEntity({
    name: 'InsightCounter',
    keyArgs: ['place', 'week', 'concept'],
    key: (place: string, week: string, concept: string) => ({
      PK: partitions.insightCounters(place, week),
      SK: concept,
    }),
  }),
  /**
   * What one job or graduate (`source`: `job#<jobId>`, `graduate#<graduateId>`) is counted as in the insight
   * counters, and the change being applied to them: the "old image" the next change is taken from. Not owned, so
   * an erasure leaves it for the pipeline, which takes the graduate out of the counters and then deletes it.
   */
  InsightContribution: defineEntity({
    name: 'InsightContribution',
    keyArgs: ['source'],
    key: (source: string) => ({ PK: `INSIGHTSRC#${source}`, SK: 'CONTRIB' }),
  }),
  /**
   * A status-list entry claimed one at a time, before entries were claimed in blocks: read only to tell whether a
   * list predates blocks (its entries were drawn without regard to them, so no block of it may be claimed whole).
   */
  StatusIndexClaim: defineEntity({
    name: 'StatusIndexClaim',
    keyArgs: ['listId', 'index'],
    key: (listId: string, index: number) => ({ PK: partitions.statusIndexes(listId), SK: padded(index, 8) }),
  }),
  /**
   * 32 entries of a status list, by their place in the list's keyed permutation: claimed whole by a batch's chunk
   * (`chunk`), or entry by entry by single issuances (`taken`), never both.
   */
  StatusBlock: defineEntity({
    name: 'StatusBlock',
    keyArgs: ['listId', 'block'],
    key: (listId: string, block: number) => ({ PK: partitions.statusBlocks(listId), SK: padded(block, 5) }),
  }),
  /** The secret key of a status list's permutation of its entries (so neighbouring entries say nothing of each other). */
  StatusListKey: defineEntity({
    name: 'StatusListKey',
    keyArgs: ['listId'],
    key: (listId: string) => ({ PK: `STATUSLIST#${listId}`, SK: 'KEY' }),
  }),
  StatusList: defineEntity({
    name: 'StatusList',
    keyArgs: ['listId'],
    key: (listId: string) => ({ PK: `STATUSLIST#${listId}`, SK: 'LIST' }),
  }),
  /** Which list new credentials take their index from; absent means the first, `l1`. */
  CurrentStatusList: defineEntity({
    name: 'CurrentStatusList',
    keyArgs: [],
    key: () => ({ PK: 'STATUSLIST', SK: 'CURRENT' }),
  }),
  CredentialBatch: defineEntity({
    name: 'CredentialBatch',
    keyArgs: ['batchId'],
    key: (batchId: string) => ({ PK: partitions.batch(batchId), SK: 'BATCH' }),
    // Sparse: a batch is listed while rows are pending, so a restarted worker finds unfinished ones without a scan.
    // GSI2 lists an issuer's batches, newest first.
    indexes: (b: { batchId: string; issuerId: string; createdAt: string; open: boolean }) => ({
      ...(b.open ? { GSI1PK: partitions.openBatches(), GSI1SK: `${b.createdAt}#${b.batchId}` } : {}),
      GSI2PK: partitions.issuerBatches(b.issuerId),
      GSI2SK: `${b.createdAt}#${b.batchId}`,
    }),
  }),
  /** Up to 96 consecutive rows of a batch in one item: recorded, claimed status entries for and settled together. */
  BatchChunk: defineEntity({
    name: 'BatchChunk',
    keyArgs: ['batchId', 'chunk'],
    key: (batchId: string, chunk: number) => ({
      PK: partitions.batch(batchId),
      SK: `${sortKeyPrefixes.batchChunk}${padded(chunk, 4)}`,
    }),
  }),
  /**
   * OID4VCI wallet pickup (pre-authorized code flow): a credential offer by the hash of its one-time code, the
   * access token a wallet got for it, and the nonces its key proofs must sign. Short-lived; used once.
   */
  CredentialOffer: defineEntity({
    name: 'CredentialOffer',
    keyArgs: ['codeHash'],
    key: (codeHash: string) => ({ PK: `OFFER#${codeHash}`, SK: 'OFFER' }),
    indexes: (o: { graduateId: string }) => ({ owner: partitions.ownedBy(o.graduateId) }),
    ttlSeconds: WALLET_PICKUP_SECONDS,
  }),
  WalletAccessToken: defineEntity({
    name: 'WalletAccessToken',
    keyArgs: ['tokenHash'],
    key: (tokenHash: string) => ({ PK: `WALLETTOKEN#${tokenHash}`, SK: 'TOKEN' }),
    indexes: (t: { graduateId: string }) => ({ owner: partitions.ownedBy(t.graduateId) }),
    ttlSeconds: WALLET_PICKUP_SECONDS,
  }),
  WalletNonce: defineEntity({
    name: 'WalletNonce',
    keyArgs: ['nonce'],
    key: (nonce: string) => ({ PK: `WALLETNONCE#${nonce}`, SK: 'NONCE' }),
    ttlSeconds: WALLET_PICKUP_SECONDS,
  }),
  Fair: defineEntity({
    name: 'Fair',
    keyArgs: ['fairId'],
    key: (fairId: string) => ({ PK: partitions.fair(fairId), SK: 'FAIR' }),
    indexes: (f: { fairId: string; startsOn: string }) => ({
      GSI1PK: partitions.allFairs(),
      GSI1SK: `${f.startsOn}#${f.fairId}`,
    }),
  }),
  FairBooth: defineEntity({
    name: 'FairBooth',
    keyArgs: ['fairId', 'employerId'],
    key: (fairId: string, employerId: string) => ({
      PK: partitions.fair(fairId),
      SK: `${sortKeyPrefixes.fairBooth}${employerId}`,
    }),
    indexes: (b: { fairId: string; employerId: string }) => ({
      GSI1PK: partitions.employerFairs(b.employerId),
      GSI1SK: b.fairId,
    }),
  }),
  /** An interview slot's capacity and bookings so far: the counter a booking's conditional write guards. */
  FairSlot: defineEntity({
    name: 'FairSlot',
    keyArgs: ['fairId', 'employerId', 'slotId'],
    key: (fairId: string, employerId: string, slotId: string) => ({
      PK: partitions.fair(fairId),
      SK: `${sortKeyPrefixes.fairSlot}${employerId}#${slotId}`,
    }),
  }),
  FairRegistration: defineEntity({
    name: 'FairRegistration',
    keyArgs: ['fairId', 'graduateId'],
    key: (fairId: string, graduateId: string) => ({
      PK: partitions.fair(fairId),
      SK: `${sortKeyPrefixes.fairRegistration}${graduateId}`,
    }),
    indexes: (r: { fairId: string; graduateId: string }) => ({
      GSI1PK: partitions.graduateFairs(r.graduateId),
      GSI1SK: r.fairId,
      owner: partitions.ownedBy(r.graduateId),
    }),
  }),
  /** A registration's check-in code, so a scanned or typed code finds its graduate. */
  FairCheckInCode: defineEntity({
    name: 'FairCheckInCode',
    keyArgs: ['fairId', 'code'],
    key: (fairId: string, code: string) => ({
      PK: partitions.fair(fairId),
      SK: `${sortKeyPrefixes.fairCheckInCode}${code}`,
    }),
    indexes: (c: { graduateId: string }) => ({ owner: partitions.ownedBy(c.graduateId) }),
  }),
  /** A graduate's interview slot at one booth: one per graduate and booth. */
  FairBooking: defineEntity({
    name: 'FairBooking',
    keyArgs: ['fairId', 'employerId', 'graduateId'],
    key: (fairId: string, employerId: string, graduateId: string) => ({
      PK: partitions.fair(fairId),
      SK: `${sortKeyPrefixes.fairBooking}${employerId}#${graduateId}`,
    }),
    indexes: (b: { graduateId: string }) => ({ owner: partitions.ownedBy(b.graduateId) }),
  }),
  /** Claims a graduate's time at a fair, so no two of their bookings start at the same moment. */
  FairBookingTime: defineEntity({
    name: 'FairBookingTime',
    keyArgs: ['fairId', 'graduateId', 'startsAt'],
    key: (fairId: string, graduateId: string, startsAt: string) => ({
      PK: partitions.fair(fairId),
      SK: `${sortKeyPrefixes.fairBookingTime}${graduateId}#${startsAt}`,
    }),
    indexes: (t: { graduateId: string }) => ({ owner: partitions.ownedBy(t.graduateId) }),
  }),
  /**
   * A guidance course: an issuer's template scheduled with dates, a place or link, and seats. Listed as open
   * (GSI2, GSI3 by template) until cancelled; `enrolled` is the counter an enrolment's transaction guards.
   */
  Course: defineEntity({
    name: 'Course',
    keyArgs: ['courseId'],
    key: (courseId: string) => ({ PK: partitions.course(courseId), SK: 'COURSE' }),
    indexes: (c: { courseId: string; issuerId: string; templateId: string; startsOn: string; open: boolean }) => {
      const order = `${c.startsOn}#${c.courseId}`;
      return {
        GSI1PK: partitions.issuerCourses(c.issuerId),
        GSI1SK: order,
        ...(c.open
          ? {
              GSI2PK: partitions.openCourses(),
              GSI2SK: order,
              GSI3PK: partitions.openCoursesOfTemplate(c.templateId),
              GSI3SK: order,
            }
          : {}),
      };
    },
  }),
  /** A graduate's place on a course: enrolled, cancelled (seat given back) or completed (credential issued). */
  CourseEnrolment: defineEntity({
    name: 'CourseEnrolment',
    keyArgs: ['courseId', 'graduateId'],
    key: (courseId: string, graduateId: string) => ({
      PK: partitions.course(courseId),
      SK: `${sortKeyPrefixes.courseEnrolment}${graduateId}`,
    }),
    indexes: (e: { courseId: string; graduateId: string }) => ({
      GSI1PK: partitions.graduateCourses(e.graduateId),
      GSI1SK: e.courseId,
      owner: partitions.ownedBy(e.graduateId),
    }),
  }),
  /** A shared skill-level standard's head: its occupation, published and pending version numbers. */
  SkillLevelStandard: defineEntity({
    name: 'SkillLevelStandard',
    keyArgs: ['standardId'],
    key: (standardId: string) => ({ PK: partitions.standard(standardId), SK: 'STD' }),
    indexes: (s: { standardId: string; occupationUri: string }) => ({
      GSI1PK: partitions.allStandards(),
      GSI1SK: `${s.occupationUri}#${s.standardId}`,
    }),
  }),
  /** One proposed version of a standard with its review; written once when proposed and once when reviewed. */
  StandardVersion: defineEntity({
    name: 'StandardVersion',
    keyArgs: ['standardId', 'number'],
    key: (standardId: string, number: number | string) => ({
      PK: partitions.standard(standardId),
      SK: `${sortKeyPrefixes.standardVersion}${padded(number, 4)}`,
    }),
  }),
} as const;

export type EntityName = keyof typeof entities;

/** The stored item for a record: its key, its entity name, its index keys, then the record's own fields. */
export function itemOf<KeyArgs extends unknown[], Fields>(
  entity: EntityDefinition<KeyArgs, Fields>,
  key: ItemKey,
  record: object,
  indexFields?: Fields,
): Record<string, unknown> & ItemKey {
  const indexKeys = entity.indexes && indexFields !== undefined ? entity.indexes(indexFields) : {};
  return { ...key, entity: entity.name, ...indexKeys, ...record };
}
