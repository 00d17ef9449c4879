import type { Table } from '../client.ts';
import type { CursorCodec } from '../cursor.ts';
import { type ApplicationRepository, DynamoApplicationRepository } from './applications.ts';
import { type BatchRepository, DynamoBatchRepository } from './batches.ts';
import { type CareerAssessmentRepository, DynamoCareerAssessmentRepository } from './career-assessments.ts';
import { type CounterRepository, DynamoCounterRepository } from './counters.ts';
import { type CourseRepository, DynamoCourseRepository } from './courses.ts';
import { type CredentialRepository, DynamoCredentialRepository } from './credentials.ts';
import { DynamoEmployerRepository, type EmployerRepository } from './employers.ts';
import { DynamoEventLogRepository, type EventLogRepository } from './event-log.ts';
import { DynamoFairRepository, type FairRepository } from './fairs.ts';
import { type HealthCheck, tableHealth } from './health.ts';
import { DynamoIdempotencyRepository, type IdempotencyRepository } from './idempotency.ts';
import { DynamoInsightsRepository, type InsightsRepository } from './insights.ts';
import { DynamoInvitationRepository, type InvitationRepository } from './invitations.ts';
import { DynamoIssuerRepository, type IssuerRepository } from './issuers.ts';
import { DynamoJobRepository, type JobRepository } from './jobs.ts';
import { DynamoMatchingIndexRepository, type MatchingIndexRepository } from './matching-index.ts';
import { DynamoNotificationRepository, type NotificationRepository } from './notifications.ts';
import { DynamoOutboxRepository, type OutboxRepository } from './outbox.ts';
import { DynamoProfileRepository, type ProfileRepository } from './profiles.ts';
import { DynamoStandardRepository, type StandardRepository } from './standards.ts';
import { DynamoWalletPickupRepository, type WalletPickupRepository } from './wallet-pickup.ts';

export * from './applications.ts';
export * from './batches.ts';
export * from './career-assessments.ts';
export * from './counters.ts';
export * from './courses.ts';
export * from './credentials.ts';
export * from './employers.ts';
export * from './event-log.ts';
export * from './fairs.ts';
export * from './health.ts';
export * from './idempotency.ts';
export * from './insights.ts';
export * from './invitations.ts';
export * from './issuers.ts';
export * from './jobs.ts';
export * from './matching-index.ts';
export * from './notifications.ts';
export * from './outbox.ts';
export * from './profiles.ts';
export * from './standards.ts';
export * from './wallet-pickup.ts';

/** Every repository, one per aggregate: the persistence the API, the consumers and the workers depend on. */
export interface Repositories {
  profiles: ProfileRepository;
  employers: EmployerRepository;
  jobs: JobRepository;
  applications: ApplicationRepository;
  invitations: InvitationRepository;
  notifications: NotificationRepository;
  idempotency: IdempotencyRepository;
  matchingIndex: MatchingIndexRepository;
  issuers: IssuerRepository;
  credentials: CredentialRepository;
  batches: BatchRepository;
  eventLog: EventLogRepository;
  walletPickup: WalletPickupRepository;
  fairs: FairRepository;
  insights: InsightsRepository;
  outbox: OutboxRepository;
  counters: CounterRepository;
  courses: CourseRepository;
  standards: StandardRepository;
  careerAssessments: CareerAssessmentRepository;
  health: HealthCheck;
}

/** The DynamoDB adapter of every repository over one table. */
export function createRepositories(
  table: Table,
  cursors: CursorCodec,
  clock: () => Date = () => new Date(),
): Repositories {
  const jobs = new DynamoJobRepository(table, cursors, clock);
  return {
    profiles: new DynamoProfileRepository(table, clock),
    employers: new DynamoEmployerRepository(table, clock),
    jobs,
    applications: new DynamoApplicationRepository(table, cursors, jobs, clock),
    invitations: new DynamoInvitationRepository(table, clock),
    notifications: new DynamoNotificationRepository(table, cursors, clock),
    idempotency: new DynamoIdempotencyRepository(table, clock),
    matchingIndex: new DynamoMatchingIndexRepository(table, clock),
    issuers: new DynamoIssuerRepository(table, cursors, clock),
    credentials: new DynamoCredentialRepository(table, cursors, clock),
    batches: new DynamoBatchRepository(table, cursors, clock),
    eventLog: new DynamoEventLogRepository(table, clock),
    walletPickup: new DynamoWalletPickupRepository(table, clock),
    fairs: new DynamoFairRepository(table, clock),
    insights: new DynamoInsightsRepository(table, clock),
    outbox: new DynamoOutboxRepository(table, clock),
    counters: new DynamoCounterRepository(table, clock),
    courses: new DynamoCourseRepository(table, clock),
    standards: new DynamoStandardRepository(table, clock),
    careerAssessments: new DynamoCareerAssessmentRepository(table, clock),
    health: tableHealth(table, clock),
  };
}
