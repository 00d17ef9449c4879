import type { RegionPartition } from '@skillpass/domain';
import type { ItemKey } from './items.ts';

/** Every key shape in the table; the package README lists the access pattern each one serves. */
export const keys = {
  graduatePartition: (graduateId: string) => `GRAD#${graduateId}`,
  profile: (graduateId: string): ItemKey => ({ PK: `GRAD#${graduateId}`, SK: 'PROFILE' }),
  application: (graduateId: string, jobId: string): ItemKey => ({ PK: `GRAD#${graduateId}`, SK: `APP#${jobId}` }),
  notification: (graduateId: string, createdAt: string, notificationId: string): ItemKey => ({
    PK: `GRAD#${graduateId}`,
    SK: `NOTE#${createdAt}#${notificationId}`,
  }),
  employer: (employerId: string): ItemKey => ({ PK: `EMP#${employerId}`, SK: 'EMPLOYER' }),
  job: (jobId: string): ItemKey => ({ PK: `JOB#${jobId}`, SK: 'JOB' }),
  jobSkillPosting: (skillUri: string, partition: RegionPartition, jobId: string): ItemKey => ({
    PK: `SKILLJOBS#${partition}#${skillUri}`,
    SK: jobId,
  }),
  jobSkillPartition: (skillUri: string, partition: RegionPartition) => `SKILLJOBS#${partition}#${skillUri}`,
  graduateSkillPosting: (skillUri: string, partition: RegionPartition, graduateId: string): ItemKey => ({
    PK: `SKILLGRADS#${partition}#${skillUri}`,
    SK: graduateId,
  }),
  graduateSkillPartition: (skillUri: string, partition: RegionPartition) => `SKILLGRADS#${partition}#${skillUri}`,
  idempotency: (principal: string, idempotencyKey: string): ItemKey => ({
    PK: `IDEM#${principal}#${idempotencyKey}`,
    SK: 'IDEM',
  }),
  consumed: (consumer: string, eventId: string): ItemKey => ({ PK: `CONSUMED#${consumer}#${eventId}`, SK: 'CONSUMED' }),
  streamCheckpoint: (shardId: string): ItemKey => ({ PK: 'STREAM#CHECKPOINT', SK: shardId }),
  seedMarker: (): ItemKey => ({ PK: 'SEED', SK: 'SEED' }),
  /** GSI partitions */
  employerJobs: (employerId: string) => `EMP#${employerId}#JOBS`,
  openJobs: () => 'OPENJOBS',
  openJobsIn: (partition: RegionPartition) => `OPENJOBS#${partition}`,
  applicationById: (applicationId: string) => `APP#${applicationId}`,
  jobApplications: (jobId: string) => `JOB#${jobId}#APPS`,
  graduateOwner: (graduateId: string) => `GRAD#${graduateId}`,
} as const;
