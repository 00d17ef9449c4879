import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Course, type CourseEnrolment, conflict, DomainError, notFound } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { ConditionalWriteFailed, createItem, getLiveItem, isConditionFailure, queryAll, recordOf } from '../items.ts';

/** Guidance courses and their enrolments; seats are guarded by a counter on the course. */
export interface CourseRepository {
  /** A new course (409 when one with its id exists: a retried create with the same Idempotency-Key). */
  create(course: Course): Promise<void>;
  get(courseId: string): Promise<Course | undefined>;
  listOfIssuer(issuerId: string): Promise<Course[]>;
  /** Courses not cancelled, by start date: all, or those of one template. */
  listOpen(templateId?: string): Promise<Course[]>;
  /**
   * Writes an issuer's change at `expectedVersion` without touching the seat counter: 412 when the course changed
   * since, 409 when it is cancelled or the new seats are fewer than those taken.
   */
  update(course: Course, expectedVersion: number): Promise<Course>;
  /** Cancels a course (kept, no longer listed as open); a second cancel returns it unchanged. */
  cancel(courseId: string, at: string): Promise<Course>;
  getEnrolment(courseId: string, graduateId: string): Promise<CourseEnrolment | undefined>;
  /**
   * Takes a seat: one transaction counts the seat only while one is left on an open course and writes the
   * enrolment only if the graduate has none (or a cancelled one). 409 when the course is full or closed; an
   * existing live enrolment is returned as it is (`created: false`), using no seat.
   */
  enrol(enrolment: CourseEnrolment): Promise<{ enrolment: CourseEnrolment; created: boolean }>;
  /** Gives the seat back in the same transaction; a cancelled enrolment is returned unchanged; 409 once completed. */
  cancelEnrolment(courseId: string, graduateId: string, at: string): Promise<CourseEnrolment>;
  /** Marks an enrolment completed with its credential; a repeat keeps the first credential and time. */
  markCompleted(courseId: string, graduateId: string, credentialId: string, at: string): Promise<CourseEnrolment>;
  roster(courseId: string): Promise<CourseEnrolment[]>;
  enrolmentsOfGraduate(graduateId: string): Promise<CourseEnrolment[]>;
}

/** Transactions on one popular course's counter collide; a collision (no condition failed) is tried again. */
const MAX_ATTEMPTS = 12;
const isOnlyConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
  !(error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 6)));

const courseIndexFields = (course: Course) => ({ ...course, open: course.status === 'open' });

/** The fields an issuer's edit may set (the rest, and above all `enrolled`, stay as stored). */
const EDITABLE = ['title', 'startsOn', 'endsOn', 'format', 'place', 'onlineUrl', 'seats'] as const;

export class DynamoCourseRepository implements CourseRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  create(course: Course): Promise<void> {
    const key = entities.Course.key(course.courseId);
    return createItem(this.table, itemOf(entities.Course, key, course, courseIndexFields(course)), 'The course');
  }

  async get(courseId: string): Promise<Course | undefined> {
    const item = await getLiveItem(this.table, entities.Course.key(courseId), this.clock());
    return item ? recordOf<Course>(item) : undefined;
  }

  async listOfIssuer(issuerId: string): Promise<Course[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.issuerCourses(issuerId) });
    return items.map((item) => recordOf<Course>(item));
  }

  async listOpen(templateId?: string): Promise<Course[]> {
    const items = await queryAll(
      this.table,
      templateId === undefined
        ? { index: 'GSI2', partitionKey: partitions.openCourses() }
        : { index: 'GSI3', partitionKey: partitions.openCoursesOfTemplate(templateId) },
    );
    return items.map((item) => recordOf<Course>(item));
  }

  async update(course: Course, expectedVersion: number): Promise<Course> {
    const indexes = entities.Course.indexes?.(courseIndexFields(course)) ?? {};
    const set: Record<string, unknown> = { version: expectedVersion + 1, updatedAt: course.updatedAt };
    const remove: string[] = [];
    for (const name of EDITABLE) {
      if (course[name] === undefined) remove.push(name);
      else set[name] = course[name];
    }
    for (const [name, value] of Object.entries(indexes)) set[name] = value;
    const names = Object.fromEntries([...Object.keys(set), ...remove].map((n) => [`#${n}`, n]));
    const setClause = `SET ${Object.keys(set)
      .map((n) => `#${n} = :${n}`)
      .join(', ')}`;
    const removeClause = remove.length ? ` REMOVE ${remove.map((n) => `#${n}`).join(', ')}` : '';
    try {
      const out = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.Course.key(course.courseId),
          UpdateExpression: setClause + removeClause,
          ConditionExpression:
            'attribute_exists(PK) AND #version = :expected AND #status = :open AND enrolled <= :seats',
          ExpressionAttributeNames: { ...names, '#status': 'status' },
          ExpressionAttributeValues: {
            ...Object.fromEntries(Object.entries(set).map(([n, v]) => [`:${n}`, v])),
            ':expected': expectedVersion,
            ':open': 'open',
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return recordOf<Course>(out.Attributes ?? {});
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(course.courseId);
      if (!current) throw notFound('course');
      if (current.version !== expectedVersion) {
        throw new ConditionalWriteFailed('precondition-failed', 'The course changed since you read it; read it again.');
      }
      if (current.status !== 'open') throw conflict('A cancelled course cannot be changed.');
      throw new DomainError('conflict', `${current.enrolled} seats are taken already; seats cannot be fewer.`, [
        { path: 'seats', message: `at least ${current.enrolled}` },
      ]);
    }
  }

  async cancel(courseId: string, at: string): Promise<Course> {
    try {
      const out = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.Course.key(courseId),
          UpdateExpression:
            'SET #status = :cancelled, cancelledAt = :at, updatedAt = :at, version = version + :one ' +
            'REMOVE GSI2PK, GSI2SK, GSI3PK, GSI3SK',
          ConditionExpression: 'attribute_exists(PK) AND #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':open': 'open', ':at': at, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return recordOf<Course>(out.Attributes ?? {});
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(courseId);
      if (!current) throw notFound('course');
      return current;
    }
  }

  async getEnrolment(courseId: string, graduateId: string): Promise<CourseEnrolment | undefined> {
    const item = await getLiveItem(this.table, entities.CourseEnrolment.key(courseId, graduateId), this.clock());
    return item ? recordOf<CourseEnrolment>(item) : undefined;
  }

  async enrol(enrolment: CourseEnrolment): Promise<{ enrolment: CourseEnrolment; created: boolean }> {
    const { courseId, graduateId } = enrolment;
    const key = entities.CourseEnrolment.key(courseId, graduateId);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table.name,
                  Key: entities.Course.key(courseId),
                  UpdateExpression: 'SET enrolled = enrolled + :one',
                  ConditionExpression: 'attribute_exists(PK) AND #status = :open AND enrolled < seats',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
                },
              },
              {
                Put: {
                  TableName: this.table.name,
                  Item: itemOf(entities.CourseEnrolment, key, enrolment, enrolment),
                  // A cancelled enrolment may be taken up again; a live one must not take a second seat.
                  ConditionExpression: 'attribute_not_exists(PK) OR #status = :cancelled',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':cancelled': 'cancelled' },
                },
              },
            ],
          }),
        );
        return { enrolment, created: true };
      } catch (error) {
        if (isOnlyConflict(error) && attempt < MAX_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [courseCheck, enrolmentCheck] = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (enrolmentCheck === 'ConditionalCheckFailed') {
          const existing = await this.getEnrolment(courseId, graduateId);
          if (existing && existing.status !== 'cancelled') return { enrolment: existing, created: false };
          if (attempt < MAX_ATTEMPTS) continue;
        }
        if (courseCheck === 'ConditionalCheckFailed') {
          throw conflict('This course has no seat left or is no longer open for enrolment.');
        }
        throw conflict('Enrolment clashed with many others at once; try again.');
      }
    }
  }

  async cancelEnrolment(courseId: string, graduateId: string, at: string): Promise<CourseEnrolment> {
    const key = entities.CourseEnrolment.key(courseId, graduateId);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table.name,
                  Key: key,
                  UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at, updatedAt = :at',
                  ConditionExpression: '#status = :enrolled',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':cancelled': 'cancelled', ':enrolled': 'enrolled', ':at': at },
                },
              },
              {
                Update: {
                  TableName: this.table.name,
                  Key: entities.Course.key(courseId),
                  UpdateExpression: 'SET enrolled = enrolled - :one',
                  ConditionExpression: 'attribute_exists(PK) AND enrolled > :zero',
                  ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                },
              },
            ],
          }),
        );
        const cancelled = await this.getEnrolment(courseId, graduateId);
        if (!cancelled) throw notFound('enrolment');
        return cancelled;
      } catch (error) {
        if (isOnlyConflict(error) && attempt < MAX_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        if (!isConditionFailure(error)) throw error;
        const existing = await this.getEnrolment(courseId, graduateId);
        if (!existing) throw notFound('enrolment');
        if (existing.status === 'cancelled') return existing;
        if (existing.status === 'completed') throw conflict('A completed course cannot be left.');
        throw error;
      }
    }
  }

  async markCompleted(
    courseId: string,
    graduateId: string,
    credentialId: string,
    at: string,
  ): Promise<CourseEnrolment> {
    try {
      const out = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: entities.CourseEnrolment.key(courseId, graduateId),
          UpdateExpression:
            'SET #status = :completed, credentialId = if_not_exists(credentialId, :credentialId), ' +
            'completedAt = if_not_exists(completedAt, :at), updatedAt = :at',
          ConditionExpression: '#status IN (:enrolled, :completed)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':completed': 'completed',
            ':enrolled': 'enrolled',
            ':credentialId': credentialId,
            ':at': at,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return recordOf<CourseEnrolment>(out.Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) throw conflict('The graduate is not enrolled in this course.');
      throw error;
    }
  }

  async roster(courseId: string): Promise<CourseEnrolment[]> {
    const items = await queryAll(this.table, {
      partitionKey: partitions.course(courseId),
      sortKeyBeginsWith: sortKeyPrefixes.courseEnrolment,
    });
    return items.map((item) => recordOf<CourseEnrolment>(item));
  }

  async enrolmentsOfGraduate(graduateId: string): Promise<CourseEnrolment[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.graduateCourses(graduateId) });
    return items.map((item) => recordOf<CourseEnrolment>(item));
  }
}
