/**
 * npm run model:scale — the single table at a region's size: 5 million profiles, 500,000 open jobs,
 * 20 million credentials. Items are built with the store's own key builders (`entities`, `itemOf`)
 * from realistic records (a real signed credential, a real match explanation) and sized by
 * DynamoDB's rules; the hottest partition keys come from ESCO's occupation → skill relations. Every
 * assumption is a named constant below and printed with the result; docs/scale.md reads the output.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCredential, loadOrCreateLocalSigner, signCredential } from '@skillpass/credentials';
import { sampleTemplate } from '@skillpass/credentials/testing';
import { regionPartitionOf } from '@skillpass/domain';
import { partitionOfJob, postingsOfJob, scoreJobForProfile } from '@skillpass/matching';
import { entities, itemOf, matchSetItem, partitions } from '@skillpass/store';
import { syntheticGraduate, syntheticJob, taxonomy } from '../packages/matching/bench/synthetic-region.ts';
import { simulateHotKeys } from './scale-simulation.ts';

// ── The region ──────────────────────────────────────────────────────────────────────────────────
const PROFILES = 5_000_000;
const OPEN_JOBS = 500_000;
const CREDENTIALS = 20_000_000;
const EMPLOYERS = 60_000;
const ISSUERS = 2_000;
const TEMPLATES = 40_000;
/** Share of graduates who let employers find them (discoverable): only they are posted under SKILLGRADS. */
const DISCOVERABLE = 0.6;
const APPLICATIONS_PER_GRADUATE = 6;
const NOTIFICATIONS_KEPT_PER_GRADUATE = 20;
/** Where open jobs are (assumed from the Delta's labour market): Shanghai, Jiangsu, Zhejiang, Anhui, elsewhere, remote. */
const JOB_SHARE = {
  '310000': 0.3,
  '320000': 0.3,
  '330000': 0.22,
  '340000': 0.08,
  outside: 0.04,
  remote: 0.06,
} as const;
/**
 * Share of job ads asking for the most common transversal skill (communication, office software).
 * Assumed from job-ad studies: sampling ESCO occupations uniformly, as the benchmark does, spreads
 * skills far more evenly (its most common skill is in ~2.4 % of jobs), which would understate the hot key.
 */
const COMMON_SKILL_SHARE = 0.35;
/** Share of graduates whose partitions of interest include each partition. */
const GRADUATE_SHARE = { '310000': 0.35, '320000': 0.35, '330000': 0.28, '340000': 0.12, outside: 0.05, remote: 0.5 };
const TOP_K = 50;
/** A status list holds 131,072 entries and is retired between 60 and 80 % full. */
const STATUS_LIST_ENTRIES = 131_072 * 0.7;
/** Status entries per StatusBlock item (docs/credentials.md, batches). */
const STATUS_BLOCK_ENTRIES = 32;

// ── Peaks ───────────────────────────────────────────────────────────────────────────────────────
/** A job-fair day: jobs posted in its busiest hour (a bulk import from fair registrations). */
const FAIR_JOBS_PEAK_HOUR = 20_000;
/** Graduation month: profile saves in the busiest hour, and credentials issued in it (class batches). */
const GRADUATION_PROFILE_SAVES_PEAK_HOUR = 60_000;
const GRADUATION_CREDENTIALS_PEAK_HOUR = 200_000;
/** Public job searches (GET /v1/jobs) per second at a job fair's peak, and verifications per second. */
const FAIR_SEARCHES_PER_SECOND = 2_000;
const VERIFICATIONS_PER_SECOND = 300;
/** Graduates recomputed per posted job through push (the uncapped SQS fan-out reaches each reached graduate). */
const PUSH_RECOMPUTES_PER_JOB = 2_000;

// ── Prices (assumption: AWS us-east-1 list prices after the November 2024 on-demand cut; an
// AWS China region (cn-north-1, cn-northwest-1) bills in CNY at other rates, so read these as the model's
// shape, and re-run with that region's prices before budgeting) ────────────────────────────────────
const PRICE = {
  onDemandWritePerMillion: 0.625,
  onDemandReadPerMillion: 0.125,
  storagePerGbMonth: 0.25,
  wcuHour: 0.00065,
  rcuHour: 0.00013,
  streamReadPerMillion: 0.02,
};
/** Monthly traffic of an ordinary month (graduation month is about 3× the writes). */
const MONTH = {
  profileSaves: 2_000_000,
  jobPosts: 250_000,
  jobEdits: 250_000,
  applications: 3_000_000,
  credentialsIssued: 1_500_000,
  verifications: 10_000_000,
  searches: 150_000_000,
  matchReads: 40_000_000,
};
const HOURS_PER_MONTH = 730;

/** DynamoDB's item size: attribute names plus values (strings UTF-8, numbers ~1 byte per 2 digits + 1, 3 bytes per list or map plus 1 per element). */
function sizeOf(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.length;
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace('.', '').replace(/^0+/, '').length / 2) + 1;
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + sizeOf(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + sizeOf(v), 0);
  return 3 + Object.entries(value).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + sizeOf(v), 0);
}
const itemSize = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + sizeOf(v), 0);
const wcu = (bytes: number) => Math.ceil(bytes / 1024);
const rcu = (bytes: number) => Math.ceil(bytes / 4096);

// ── Averages and skill frequencies, from jobs and graduates sampled from ESCO (the bench:matching generator) ──
const sampleJobs = Array.from({ length: 50_000 }, (_, i) => syntheticJob(100 + i));
const sampleGraduates = Array.from({ length: 20_000 }, (_, i) => syntheticGraduate(100 + i));
const skillsPerJob = sampleJobs.reduce((n, j) => n + j.requiredSkills.length, 0) / sampleJobs.length;
const skillsPerGraduate = sampleGraduates.reduce((n, g) => n + g.skills.length, 0) / sampleGraduates.length;
const partitionsPerGraduate = Object.values(GRADUATE_SHARE).reduce((a, b) => a + b, 0);
/** Share of jobs requiring each skill. */
const skillShare = new Map<string, number>();
for (const j of sampleJobs)
  for (const s of j.requiredSkills) skillShare.set(s.uri, (skillShare.get(s.uri) ?? 0) + 1 / sampleJobs.length);
const commonSkills = [...skillShare].sort((a, b) => b[1] - a[1]).slice(0, 3);

// ── Real items ──────────────────────────────────────────────────────────────────────────────────
const at = '2026-06-15T08:30:00.000Z';
const graduate = syntheticGraduate(1);
const matchJob = syntheticJob(1);
const skillUris = graduate.skills.map((s) => s.uri);
const profile = {
  graduateId: 'g-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  displayName: '王小明',
  contactEmail: 'xiaoming.wang@example.cn',
  education: [{ eqfLevel: 6, field: '机械电子工程', institution: '苏州大学', graduationYear: 2026 }],
  skills: graduate.skills.map((s) => ({ uri: s.uri, proficiency: s.proficiency })),
  languages: [
    { code: 'zh', level: 'C2' },
    { code: 'en', level: 'B2' },
  ],
  preferredPlaces: graduate.preferredPlaces,
  openToRemote: true,
  desiredOccupations: [{ escoUri: 'http://data.europa.eu/esco/occupation/0f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8' }],
  consents: { discoverable: true, personalisedMatching: true },
  verifiedSkills: [{ uri: skillUris[0], credentialId: 'cred-01J0ZQ9Y7N6W3T5V2K8H4M1C0B' }],
  version: 3,
  createdAt: at,
  updatedAt: at,
};
const job = {
  jobId: 'job-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  employerId: 'emp-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  status: 'open',
  title: { en: 'Electromechanical technician', zh: '机电技术员' },
  description: '负责生产线设备的安装、调试与日常维护。'.repeat(12),
  requiredSkills: matchJob.requiredSkills,
  place: { kind: 'delta', cityCode: '310000' },
  openings: 3,
  closingDate: '2026-09-30',
  minEqfLevel: 5,
  postedAt: at,
  version: 1,
  createdAt: at,
  updatedAt: at,
};
const jobItem = {
  ...itemOf(entities.Job, entities.Job.key(job.jobId), job, {
    jobId: job.jobId,
    employerId: job.employerId,
    postedAt: job.postedAt,
    open: true,
    region: regionPartitionOf({ kind: 'delta', cityCode: '310000' }),
  }),
  searchText: `${job.title.en}\n${job.title.zh}\n${job.description}`.toLowerCase(),
};
const match = scoreJobForProfile(graduate, matchJob, taxonomy);
const matchSet = {
  graduateId: profile.graduateId,
  profileVersion: 3,
  computedAt: at,
  mode: 'personalised' as const,
  // Fifty different jobs, so that the stored (gzipped) size is not flattered by fifty copies of one explanation.
  matches: Array.from({ length: TOP_K }, (_, i) => {
    const scored = i === 0 ? match : scoreJobForProfile(graduate, syntheticJob(1 + i), taxonomy);
    return {
      jobId: `job-01J0ZQ9Y7N6W3T5V2K8H4M1C${String(i).padStart(2, '0')}`,
      jobVersion: 1,
      score: scored.score,
      explanation: scored.explanation,
    };
  }),
  newJobIds: [],
};
const signer = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'scale-model-')), {
  alg: 'ES256',
  keyId: 'k1',
  kidBaseUrl: 'https://skillpass.example.cn/keys',
});
const origin = 'https://skillpass.example.cn';
const vc = buildCredential({
  credentialUrl: `${origin}/credentials/cred-01J0ZQ9Y7N6W3T5V2K8H4M1C0B`,
  templateUrl: `${origin}/credential-templates/tpl-01J0ZQ9Y7N6W3T5V2K8H4M1C0B`,
  template: sampleTemplate(),
  issuer: {
    id: `${origin}/issuers/iss-01J0ZQ9Y7N6W3T5V2K8H4M1C0B`,
    name: '苏州工业职业技术学院',
    country: 'CN',
    region: 'Jiangsu',
  },
  holder: { id: `urn:skillpass:graduate:${profile.graduateId}`, name: profile.displayName },
  skillLabel: (uri) => taxonomy.labelOf(uri, 'zh') ?? uri,
  validFrom: new Date(at),
  status: { listUrl: `${origin}/status-lists/l7`, index: 91_234 },
});
const jwt = await signCredential(vc, signer, new Date(at));
const credential = {
  credentialId: 'cred-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  issuerId: 'iss-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  templateId: 'tpl-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  holder: { kind: 'graduate', graduateId: profile.graduateId },
  status: 'active',
  statusListIndex: 91_234,
  statusListId: 'l7',
  skills: sampleTemplate().learningOutcomes,
  validFrom: vc.validFrom,
  jwt,
  version: 1,
  createdAt: at,
  updatedAt: at,
};
const posting = postingsOfJob(matchJob)[0]!;
const candidate = {
  jobId: job.jobId,
  jobVersion: 1,
  graduateId: profile.graduateId,
  profileVersion: 3,
  score: match.score,
  explanation: match.explanation,
};
const application = {
  applicationId: 'app-01J0ZQ9Y7N6W3T5V2K8H4M1C0B',
  jobId: job.jobId,
  graduateId: profile.graduateId,
  employerId: job.employerId,
  status: 'submitted',
  coverNote: '您好，我对该岗位很感兴趣。'.repeat(6),
  history: [{ status: 'submitted', at }],
  version: 1,
  createdAt: at,
  updatedAt: at,
};

interface EntityRow {
  entity: string;
  count: number;
  bytes: number;
  /** Copies kept in global secondary indexes (projection ALL) or ByOwner. */
  indexCopies: number;
}
const rows: EntityRow[] = [
  {
    entity: 'Profile',
    count: PROFILES,
    bytes: itemSize(itemOf(entities.Profile, entities.Profile.key(profile.graduateId), profile)),
    indexCopies: 0,
  },
  {
    entity: 'MatchSet',
    count: PROFILES,
    bytes: itemSize(matchSetItem(matchSet, 1)),
    indexCopies: 0,
  },
  {
    entity: 'Application',
    count: PROFILES * APPLICATIONS_PER_GRADUATE,
    bytes: itemSize(
      itemOf(entities.Application, entities.Application.key(profile.graduateId, job.jobId), application, application),
    ),
    indexCopies: 2,
  },
  {
    entity: 'Notification',
    count: PROFILES * NOTIFICATIONS_KEPT_PER_GRADUATE,
    bytes: itemSize(
      itemOf(entities.Notification, entities.Notification.key(profile.graduateId, at, 'n-01J0ZQ9Y7N6W3T5V2K8H4M1C0B'), {
        kind: 'new-matches',
        jobIds: matchSet.matches.slice(0, 3).map((m) => m.jobId),
        read: false,
        createdAt: at,
      }),
    ),
    indexCopies: 0,
  },
  { entity: 'Job', count: OPEN_JOBS, bytes: itemSize(jobItem), indexCopies: 3 },
  {
    entity: 'JobSkillPosting',
    count: OPEN_JOBS * skillsPerJob,
    bytes: itemSize(
      itemOf(
        entities.JobSkillPosting,
        entities.JobSkillPosting.key(posting.skillUri, partitionOfJob(matchJob), job.jobId),
        { ...posting.posting, jobId: job.jobId },
      ),
    ),
    indexCopies: 0,
  },
  {
    entity: 'GraduateSkillPosting',
    count: PROFILES * DISCOVERABLE * skillsPerGraduate * partitionsPerGraduate,
    bytes: itemSize(
      itemOf(
        entities.GraduateSkillPosting,
        entities.GraduateSkillPosting.key(skillUris[0]!, '320000', profile.graduateId),
        { graduateId: profile.graduateId, discoverable: true },
        { graduateId: profile.graduateId },
      ),
    ),
    indexCopies: 1,
  },
  {
    entity: 'Candidate',
    count: OPEN_JOBS * TOP_K,
    bytes: itemSize(
      itemOf(entities.Candidate, entities.Candidate.key(job.jobId, profile.graduateId), candidate, candidate),
    ),
    indexCopies: 1,
  },
  {
    entity: 'CandidateFloor',
    count: OPEN_JOBS,
    bytes: itemSize(
      itemOf(entities.CandidateFloor, entities.CandidateFloor.key(job.jobId), {
        jobId: job.jobId,
        size: TOP_K,
        last: { graduateId: profile.graduateId, score: 71.4 },
      }),
    ),
    indexCopies: 0,
  },
  {
    entity: 'Employer',
    count: EMPLOYERS,
    bytes: itemSize(
      itemOf(entities.Employer, entities.Employer.key(job.employerId), {
        employerId: job.employerId,
        name: { en: 'Suzhou Precision Machinery Co., Ltd.', zh: '苏州精密机械有限公司' },
        registeredPlace: { kind: 'delta', cityCode: '320500' },
        website: 'https://www.example.cn',
        version: 1,
        createdAt: at,
        updatedAt: at,
      }),
    ),
    indexCopies: 0,
  },
  {
    entity: 'IssuedCredential',
    count: CREDENTIALS,
    bytes: itemSize(
      itemOf(entities.IssuedCredential, entities.IssuedCredential.key(credential.credentialId), credential, {
        ...credential,
        holderGraduateId: profile.graduateId,
      }),
    ),
    // GSI1 (issuer), GSI2 (holder) and ByOwner for graduate holders.
    indexCopies: 3,
  },
  {
    // Entries are claimed 32 to an item: a batch chunk claims whole blocks, a single issuance one entry of a block.
    entity: 'StatusBlock',
    count: Math.ceil(CREDENTIALS / STATUS_BLOCK_ENTRIES),
    bytes: itemSize(
      itemOf(entities.StatusBlock, entities.StatusBlock.key('l7', 2_851), {
        chunk: 'b_01JABCDEFGHJKMNPQRSTVWXYZ0#41',
      }),
    ),
    indexCopies: 0,
  },
  {
    entity: 'StatusList',
    count: Math.ceil(CREDENTIALS / STATUS_LIST_ENTRIES),
    // A list with 2 % of its entries revoked, as a number set.
    bytes: itemSize(
      itemOf(entities.StatusList, entities.StatusList.key('l7'), {
        listId: 'l7',
        revoked: new Set(Array.from({ length: 1_800 }, (_, i) => i * 50)),
        version: 1_800,
      }),
    ),
    indexCopies: 0,
  },
  {
    entity: 'Issuer + CredentialTemplate',
    count: ISSUERS + TEMPLATES,
    bytes: 2_500,
    indexCopies: 2,
  },
];

// ── Storage ─────────────────────────────────────────────────────────────────────────────────────
const GB = 1024 ** 3;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const n = (x: number) => Math.round(x).toLocaleString('en');
console.log(
  `skillpass scale model — ${PROFILES.toLocaleString('en')} profiles, ${OPEN_JOBS.toLocaleString('en')} open jobs, ${CREDENTIALS.toLocaleString('en')} credentials`,
);
console.log(
  `(${skillsPerJob.toFixed(2)} required skills a job and ${skillsPerGraduate.toFixed(2)} skills a graduate, from ESCO samples; a signed credential is ${jwt.length.toLocaleString('en')} characters)\n`,
);
let tableBytes = 0;
let indexBytes = 0;
console.table(
  Object.fromEntries(
    rows.map((r) => {
      tableBytes += r.count * (r.bytes + 100);
      indexBytes += r.count * r.indexCopies * (r.bytes + 100);
      return [
        r.entity,
        {
          items: n(r.count),
          'bytes / item': n(r.bytes),
          'WCU / write': wcu(r.bytes),
          'index copies': r.indexCopies,
          'table GB': ((r.count * (r.bytes + 100)) / GB).toFixed(1),
          'with indexes GB': ((r.count * (1 + r.indexCopies) * (r.bytes + 100)) / GB).toFixed(1),
        },
      ];
    }),
  ),
);
const storageGb = (tableBytes + indexBytes) / GB;
console.log(
  `storage: table ${(tableBytes / GB).toFixed(0)} GB + indexes ${(indexBytes / GB).toFixed(0)} GB = ${storageGb.toFixed(0)} GB (100 bytes of overhead an item, as DynamoDB bills)\n`,
);
const MAX_ITEM = 400 * 1024;
const largest = rows.reduce((a, b) => (a.bytes > b.bytes ? a : b));
console.log(
  `largest item: ${largest.entity} at ${n(largest.bytes)} bytes (${((100 * largest.bytes) / MAX_ITEM).toFixed(0)} % of DynamoDB's 400 KB)\n`,
);

// ── Hot partition keys ──────────────────────────────────────────────────────────────────────────
const postingBytes = rows.find((r) => r.entity === 'JobSkillPosting')!.bytes;
const graduatePostingBytes = rows.find((r) => r.entity === 'GraduateSkillPosting')!.bytes;
const jobBytes = rows.find((r) => r.entity === 'Job')!.bytes;
const [, sampledTopShare] = commonSkills[0]!;
const topSkill = 'http://data.europa.eu/esco/skill/15d76317-c71a-4fa2-aadc-2ecc34e627b7';
const topShare = Math.max(COMMON_SKILL_SHARE, sampledTopShare);
const hotJobs = OPEN_JOBS * JOB_SHARE['310000'] * topShare;
const hotGraduates = PROFILES * DISCOVERABLE * GRADUATE_SHARE['310000'] * (skillsPerGraduate / skillsPerJob) * topShare;
const perSecond = (perHour: number) => perHour / 3600;
const fairJobsPerSecond = perSecond(FAIR_JOBS_PEAK_HOUR);
const recomputesPerSecond = fairJobsPerSecond * PUSH_RECOMPUTES_PER_JOB + perSecond(GRADUATION_PROFILE_SAVES_PEAK_HOUR);
/** Graduates whose reachable skills include the hot one (it is common, so held or neighbouring for many). */
const reachingHotSkill = Math.min(1, topShare * 6);
const hotReadsFull = recomputesPerSecond * reachingHotSkill * GRADUATE_SHARE['310000'];
const searchPage = 20 * jobBytes;
interface HotKey {
  key: string;
  items: number;
  'size MB': string;
  'writes/s at peak': string;
  'WCU/s': string;
  'reads/s at peak': string;
  'RCU/s (eventually consistent)': string;
  'over a partition’s 1,000 WCU / 3,000 RCU?': string;
}
const verdict = (w: number, r: number) =>
  w > 1_000 || r > 3_000
    ? `yes (${w > 1_000 ? 'writes' : ''}${w > 1_000 && r > 3_000 ? ' and ' : ''}${r > 3_000 ? 'reads' : ''})`
    : 'no';
const hot: HotKey[] = [];
const addHot = (
  key: string,
  items: number,
  bytes: number,
  writes: number,
  writeWcu: number,
  reads: number,
  readRcu: number,
) =>
  hot.push({
    key,
    items: Math.round(items),
    'size MB': mb(items * bytes),
    'writes/s at peak': writes.toFixed(1),
    'WCU/s': (writes * writeWcu).toFixed(0),
    'reads/s at peak': reads.toFixed(0),
    'RCU/s (eventually consistent)': (reads * readRcu * 0.5).toFixed(0),
    'over a partition’s 1,000 WCU / 3,000 RCU?': verdict(writes * writeWcu, reads * readRcu * 0.5),
  });
const fairPostingWrites = fairJobsPerSecond * JOB_SHARE['310000'] * topShare;
addHot(
  `${partitions.jobSkill(topSkill, '310000')} — whole list read per recompute (before)`,
  hotJobs,
  postingBytes,
  fairPostingWrites,
  wcu(postingBytes),
  hotReadsFull,
  rcu(hotJobs * postingBytes),
);
addHot(
  `${partitions.jobSkill(topSkill, '310000')} — not read per recompute (compact index in the matching worker)`,
  hotJobs,
  postingBytes,
  fairPostingWrites,
  wcu(postingBytes),
  fairJobsPerSecond * JOB_SHARE['310000'] * topShare,
  rcu(hotJobs * postingBytes),
);
// Offers (a changed profile offered to every job its skills reach, docs/matching.md) read the lists whole per save.
addHot(
  `${partitions.jobSkill(topSkill, '310000')} — whole list read per profile save (offers to candidate lists)`,
  hotJobs,
  postingBytes,
  fairPostingWrites,
  wcu(postingBytes),
  perSecond(GRADUATION_PROFILE_SAVES_PEAK_HOUR) * reachingHotSkill * GRADUATE_SHARE['310000'],
  rcu(hotJobs * postingBytes),
);
addHot(
  partitions.graduateSkill(topSkill, '310000'),
  hotGraduates,
  graduatePostingBytes,
  perSecond(GRADUATION_PROFILE_SAVES_PEAK_HOUR) * GRADUATE_SHARE['310000'] * topShare * skillsPerGraduate,
  wcu(graduatePostingBytes) * 2,
  fairJobsPerSecond * JOB_SHARE['310000'] * topShare,
  rcu(hotGraduates * graduatePostingBytes),
);
addHot(
  `GSI2 ${partitions.openJobs()} (newest open jobs, public search)`,
  OPEN_JOBS,
  jobBytes,
  fairJobsPerSecond,
  wcu(jobBytes),
  FAIR_SEARCHES_PER_SECOND * 0.4,
  rcu(searchPage),
);
addHot(
  `GSI3 ${partitions.openJobsIn('310000')}`,
  OPEN_JOBS * JOB_SHARE['310000'],
  jobBytes,
  fairJobsPerSecond * JOB_SHARE['310000'],
  wcu(jobBytes),
  FAIR_SEARCHES_PER_SECOND * 0.3 * 0.5,
  rcu(searchPage),
);
const credentialsPerSecond = perSecond(GRADUATION_CREDENTIALS_PEAK_HOUR);
addHot(
  `${partitions.statusBlocks('l7')} (status entry blocks of the current list)`,
  STATUS_LIST_ENTRIES / STATUS_BLOCK_ENTRIES,
  60,
  // Class batches: one block a 32 credentials, each put in a chunk's transaction (2 WCU).
  credentialsPerSecond / STATUS_BLOCK_ENTRIES,
  2,
  0,
  0,
);
addHot(
  'STATUSLIST#l7 / LIST (the list item, read by every verification of its credentials)',
  1,
  rows.find((r) => r.entity === 'StatusList')!.bytes,
  credentialsPerSecond * 0.002,
  wcu(rows.find((r) => r.entity === 'StatusList')!.bytes),
  VERIFICATIONS_PER_SECOND * 0.3,
  rcu(rows.find((r) => r.entity === 'StatusList')!.bytes),
);
addHot('STATUSLIST / CURRENT (read by every issuance)', 1, 60, 0, 1, credentialsPerSecond, 1);
console.log(
  `hottest keys at peak (most common skill: ${topSkill}, required by ${(100 * topShare).toFixed(1)} % of jobs):`,
);
console.table(Object.fromEntries(hot.map(({ key, ...rest }) => [key, rest])));
console.log(
  `peak rates: job fair ${fairJobsPerSecond.toFixed(1)} jobs/s posted (${n(FAIR_JOBS_PEAK_HOUR)} in the busiest hour), ${n(recomputesPerSecond)} match recomputes/s through push; graduation month ${perSecond(GRADUATION_PROFILE_SAVES_PEAK_HOUR).toFixed(1)} profile saves/s and ${credentialsPerSecond.toFixed(0)} credentials/s; ${n(FAIR_SEARCHES_PER_SECOND)} searches/s and ${n(VERIFICATIONS_PER_SECOND)} verifications/s\n`,
);

// ── GSI fan-out and the month's bill ────────────────────────────────────────────────────────────
const writeUnits = (entity: string) => {
  const r = rows.find((x) => x.entity === entity)!;
  return wcu(r.bytes) * (1 + r.indexCopies);
};
const readUnits = (entity: string) => rcu(rows.find((x) => x.entity === entity)!.bytes) * 0.5;
const monthWrites =
  MONTH.profileSaves *
    (writeUnits('Profile') +
      writeUnits('MatchSet') +
      DISCOVERABLE * skillsPerGraduate * partitionsPerGraduate * 0.2 * writeUnits('GraduateSkillPosting')) +
  (MONTH.jobPosts + MONTH.jobEdits) *
    (writeUnits('Job') +
      skillsPerJob * writeUnits('JobSkillPosting') +
      TOP_K * writeUnits('Candidate') * 0.3 +
      writeUnits('CandidateFloor')) +
  MONTH.jobPosts * PUSH_RECOMPUTES_PER_JOB * 0.1 * writeUnits('MatchSet') +
  MONTH.applications * (writeUnits('Application') + writeUnits('Notification')) +
  // Class batches store a chunk's credentials in one transaction (2× the units) and claim a block a 32 credentials.
  MONTH.credentialsIssued *
    (2 * writeUnits('IssuedCredential') + (2 * writeUnits('StatusBlock')) / STATUS_BLOCK_ENTRIES + 1);
const monthReads =
  MONTH.searches * rcu(searchPage) * 0.5 +
  MONTH.matchReads * (readUnits('MatchSet') + 1) +
  MONTH.verifications * (readUnits('IssuedCredential') + readUnits('StatusList') + 1) +
  (MONTH.profileSaves + MONTH.jobPosts * PUSH_RECOMPUTES_PER_JOB * 0.1) * 40 +
  (MONTH.jobPosts + MONTH.jobEdits) * 60;
const onDemand =
  (monthWrites / 1e6) * PRICE.onDemandWritePerMillion +
  (monthReads / 1e6) * PRICE.onDemandReadPerMillion +
  storageGb * PRICE.storagePerGbMonth;
const avgWcu = monthWrites / (HOURS_PER_MONTH * 3600);
const avgRcu = monthReads / (HOURS_PER_MONTH * 3600);
/** Provisioned with auto scaling at 70 % target utilisation and a 2.5× daytime peak over the average. */
const provisionedWcu = (avgWcu * 2.5) / 0.7;
const provisionedRcu = (avgRcu * 2.5) / 0.7;
const provisioned =
  provisionedWcu * PRICE.wcuHour * HOURS_PER_MONTH +
  provisionedRcu * PRICE.rcuHour * HOURS_PER_MONTH +
  storageGb * PRICE.storagePerGbMonth;
console.table({
  'write units a month (table + GSI copies)': { value: n(monthWrites) },
  'read units a month': { value: n(monthReads) },
  'average WCU / RCU': { value: `${avgWcu.toFixed(0)} / ${avgRcu.toFixed(0)}` },
  'on-demand, USD a month': { value: n(onDemand) },
  'provisioned (auto scaling at 70 %, peak 2.5× average), USD a month': {
    value: `${n(provisioned)} (${n(provisionedWcu)} WCU, ${n(provisionedRcu)} RCU)`,
  },
  'storage, USD a month': { value: n(storageGb * PRICE.storagePerGbMonth) },
});
console.log(
  'prices: AWS us-east-1 list prices (on-demand after the November 2024 cut); an AWS China region bills in CNY at its own rates',
);

// ── The hot keys in DynamoDB Local, scaled down (SCALE_SIMULATION=0 skips it) ──────────────────────
const SIMULATION_SCALE = Number(process.env.SCALE_SIMULATION ?? 200);
if (SIMULATION_SCALE > 0) {
  const jobOf = (i: number) => `job-${String(i).padStart(8, '0')}`;
  const simulated = await simulateHotKeys(
    [
      {
        name: `${partitions.jobSkill(topSkill, '310000')}, whole list read per recompute`,
        items: hotJobs,
        item: (i) =>
          itemOf(entities.JobSkillPosting, entities.JobSkillPosting.key(topSkill, '310000', jobOf(i)), {
            ...posting.posting,
            jobId: jobOf(i),
          }),
        read: { kind: 'whole', partitionKey: partitions.jobSkill(topSkill, '310000') },
        model: {
          wcuPerItem: wcu(postingBytes),
          rcuPerRead: rcu(hotJobs * postingBytes) * 0.5,
          writesPerSecond: fairPostingWrites,
          readsPerSecond: hotReadsFull,
        },
      },
      {
        name: partitions.graduateSkill(topSkill, '310000'),
        items: hotGraduates,
        item: (i) =>
          itemOf(
            entities.GraduateSkillPosting,
            entities.GraduateSkillPosting.key(topSkill, '310000', `g-${i}`),
            { graduateId: `g-${i}`, discoverable: true },
            { graduateId: `g-${i}` },
          ),
        read: { kind: 'whole', partitionKey: partitions.graduateSkill(topSkill, '310000') },
        model: {
          wcuPerItem: wcu(graduatePostingBytes) * 2,
          rcuPerRead: rcu(hotGraduates * graduatePostingBytes) * 0.5,
          writesPerSecond:
            perSecond(GRADUATION_PROFILE_SAVES_PEAK_HOUR) * GRADUATE_SHARE['310000'] * topShare * skillsPerGraduate,
          readsPerSecond: fairJobsPerSecond * JOB_SHARE['310000'] * topShare,
        },
      },
      {
        name: `GSI2 ${partitions.openJobs()}, one page of 20 per search`,
        items: OPEN_JOBS,
        item: (i) => ({
          ...jobItem,
          ...itemOf(
            entities.Job,
            entities.Job.key(jobOf(i)),
            { ...job, jobId: jobOf(i) },
            {
              jobId: jobOf(i),
              employerId: job.employerId,
              postedAt: new Date(Date.parse(at) + i * 1000).toISOString(),
              open: true,
              region: regionPartitionOf({ kind: 'delta', cityCode: '310000' }),
            },
          ),
        }),
        read: { kind: 'page', index: 'GSI2', partitionKey: partitions.openJobs() },
        model: {
          wcuPerItem: wcu(jobBytes) * 4,
          rcuPerRead: rcu(searchPage) * 0.5,
          writesPerSecond: fairJobsPerSecond,
          readsPerSecond: FAIR_SEARCHES_PER_SECOND * 0.4,
        },
      },
    ],
    SIMULATION_SCALE,
  );
  console.log(
    `\nthe hottest keys in DynamoDB Local at 1/${SIMULATION_SCALE} of their size, metered by DynamoDB (eventually consistent reads; a Job's write includes its three index copies):`,
  );
  console.table(Object.fromEntries(simulated.map(({ key, ...rest }) => [key, rest])));
}
