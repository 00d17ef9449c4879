import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Booth,
  type BoothSlot,
  conflict,
  type Fair,
  type FairBooking,
  type FairRegistration,
} from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { getLiveItem, queryAll, recordOf, type StoredItem } from '../items.ts';

export interface FairSlotState extends BoothSlot {
  employerId: string;
  booked: number;
}

/** Everything stored under one fair: what its report and its booths' views are built from. */
export interface FairContents {
  fair: Fair;
  booths: Booth[];
  slots: FairSlotState[];
  registrations: FairRegistration[];
  bookings: FairBooking[];
}

/** Job fairs, their booths and interview slots, registrations with check-in codes, and bookings. */
export interface FairRepository {
  createFair(fair: Fair): Promise<void>;
  getFair(fairId: string): Promise<Fair | undefined>;
  listFairs(): Promise<Fair[]>;
  /** Everything under one fair, read in one partition query. */
  contents(fairId: string): Promise<FairContents | undefined>;
  /** Creates a booth and its slots together; an employer's second booth at a fair is a 409. */
  createBooth(booth: Booth): Promise<void>;
  getBooth(fairId: string, employerId: string): Promise<Booth | undefined>;
  boothsOfEmployer(employerId: string): Promise<Booth[]>;
  /** Creates the registration and its check-in code together; a second registration is a 409. */
  register(registration: FairRegistration): Promise<void>;
  getRegistration(fairId: string, graduateId: string): Promise<FairRegistration | undefined>;
  registrationsOfGraduate(graduateId: string): Promise<FairRegistration[]>;
  registrationByCode(fairId: string, code: string): Promise<FairRegistration | undefined>;
  /** Records the first check-in time; a repeat keeps it and returns the registration unchanged. */
  checkIn(fairId: string, graduateId: string, at: string): Promise<FairRegistration>;
  /** Books a slot: within its capacity, once per booth, never two at one start time (409 naming which). */
  book(booking: FairBooking): Promise<void>;
  bookingsOfGraduate(fairId: string, graduateId: string): Promise<FairBooking[]>;
  /** Gives a booked place back: the booking, its start-time claim and one place on the slot, together; false if none. */
  cancelBooking(fairId: string, employerId: string, graduateId: string): Promise<boolean>;
  /** Removes a registration and its check-in code together, unless it has been checked in (a 409); false if none. */
  cancelRegistration(fairId: string, graduateId: string): Promise<boolean>;
}

const CANCELLED_BECAUSE = [
  'That interview slot is full.',
  'You already booked an interview at this booth.',
  'You already booked another interview at that time.',
];

export class DynamoFairRepository implements FairRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  private async create(items: StoredItem[], what: string): Promise<void> {
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: items.map((Item) => ({
            Put: { TableName: this.table.name, Item, ConditionExpression: 'attribute_not_exists(PK)' },
          })),
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw conflict(`${what} already exists`);
      throw error;
    }
  }

  createFair(fair: Fair): Promise<void> {
    return this.create([itemOf(entities.Fair, entities.Fair.key(fair.fairId), fair, fair)], 'The fair');
  }

  async getFair(fairId: string): Promise<Fair | undefined> {
    const item = await getLiveItem(this.table, entities.Fair.key(fairId), this.clock());
    return item ? recordOf<Fair>(item) : undefined;
  }

  async listFairs(): Promise<Fair[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.allFairs() });
    return items.map((item) => recordOf<Fair>(item));
  }

  async contents(fairId: string): Promise<FairContents | undefined> {
    const items = await queryAll(this.table, { partitionKey: partitions.fair(fairId) });
    const of = <T>(entity: { name: string }) =>
      items.filter((item) => item.entity === entity.name).map((item) => recordOf<T>(item));
    const [fair] = of<Fair>(entities.Fair);
    if (!fair) return undefined;
    return {
      fair,
      booths: of<Booth>(entities.FairBooth),
      slots: of<FairSlotState>(entities.FairSlot),
      registrations: of<FairRegistration>(entities.FairRegistration),
      bookings: of<FairBooking>(entities.FairBooking),
    };
  }

  createBooth(booth: Booth): Promise<void> {
    const slotItems = booth.slots.map((slot) =>
      itemOf(entities.FairSlot, entities.FairSlot.key(booth.fairId, booth.employerId, slot.slotId), {
        ...slot,
        employerId: booth.employerId,
        booked: 0,
      }),
    );
    const boothItem = itemOf(entities.FairBooth, entities.FairBooth.key(booth.fairId, booth.employerId), booth, booth);
    return this.create([boothItem, ...slotItems], 'Your booth at this fair');
  }

  async getBooth(fairId: string, employerId: string): Promise<Booth | undefined> {
    const item = await getLiveItem(this.table, entities.FairBooth.key(fairId, employerId), this.clock());
    return item ? recordOf<Booth>(item) : undefined;
  }

  async boothsOfEmployer(employerId: string): Promise<Booth[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.employerFairs(employerId) });
    return items.map((item) => recordOf<Booth>(item));
  }

  register(registration: FairRegistration): Promise<void> {
    const { fairId, graduateId, checkInCode } = registration;
    return this.create(
      [
        itemOf(
          entities.FairRegistration,
          entities.FairRegistration.key(fairId, graduateId),
          registration,
          registration,
        ),
        itemOf(
          entities.FairCheckInCode,
          entities.FairCheckInCode.key(fairId, checkInCode),
          { graduateId },
          registration,
        ),
      ],
      'Your registration for this fair',
    );
  }

  async getRegistration(fairId: string, graduateId: string): Promise<FairRegistration | undefined> {
    const item = await getLiveItem(this.table, entities.FairRegistration.key(fairId, graduateId), this.clock());
    return item ? recordOf<FairRegistration>(item) : undefined;
  }

  async registrationsOfGraduate(graduateId: string): Promise<FairRegistration[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.graduateFairs(graduateId) });
    return items.map((item) => recordOf<FairRegistration>(item));
  }

  async registrationByCode(fairId: string, code: string): Promise<FairRegistration | undefined> {
    const item = await getLiveItem(this.table, entities.FairCheckInCode.key(fairId, code), this.clock());
    return item ? this.getRegistration(fairId, String(item.graduateId)) : undefined;
  }

  async checkIn(fairId: string, graduateId: string, at: string): Promise<FairRegistration> {
    // if_not_exists keeps the first time: a second scan of the same code changes nothing.
    const out = await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: entities.FairRegistration.key(fairId, graduateId),
        UpdateExpression: 'SET checkedInAt = if_not_exists(checkedInAt, :at)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return recordOf<FairRegistration>(out.Attributes ?? {});
  }

  async book(booking: FairBooking): Promise<void> {
    const { fairId, employerId, graduateId, slotId, startsAt } = booking;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table.name,
                Key: entities.FairSlot.key(fairId, employerId, slotId),
                UpdateExpression: 'SET booked = booked + :one',
                ConditionExpression: 'attribute_exists(PK) AND booked < #capacity',
                ExpressionAttributeNames: { '#capacity': 'capacity' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
            {
              Put: {
                TableName: this.table.name,
                Item: itemOf(
                  entities.FairBooking,
                  entities.FairBooking.key(fairId, employerId, graduateId),
                  booking,
                  booking,
                ),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.table.name,
                Item: itemOf(
                  entities.FairBookingTime,
                  entities.FairBookingTime.key(fairId, graduateId, startsAt),
                  { employerId, slotId },
                  booking,
                ),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
      throw conflict(CANCELLED_BECAUSE[failed] ?? 'The booking clashed with another one; try again.');
    }
  }

  async bookingsOfGraduate(fairId: string, graduateId: string): Promise<FairBooking[]> {
    const items = await queryAll(this.table, {
      partitionKey: partitions.fair(fairId),
      sortKeyBeginsWith: sortKeyPrefixes.fairBooking,
    });
    return items.map((item) => recordOf<FairBooking>(item)).filter((b) => b.graduateId === graduateId);
  }

  async cancelBooking(fairId: string, employerId: string, graduateId: string): Promise<boolean> {
    const key = entities.FairBooking.key(fairId, employerId, graduateId);
    const found = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    if (!found.Item) return false;
    const { slotId, startsAt } = recordOf<FairBooking>(found.Item);
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            // The booking's presence is the guard: a concurrent cancel of the same booking frees one place, not two.
            { Delete: { TableName: this.table.name, Key: key, ConditionExpression: 'attribute_exists(PK)' } },
            { Delete: { TableName: this.table.name, Key: entities.FairBookingTime.key(fairId, graduateId, startsAt) } },
            {
              Update: {
                TableName: this.table.name,
                Key: entities.FairSlot.key(fairId, employerId, slotId),
                UpdateExpression: 'SET booked = booked - :one',
                ConditionExpression: 'attribute_exists(PK) AND booked > :zero',
                ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async cancelRegistration(fairId: string, graduateId: string): Promise<boolean> {
    const registration = await this.getRegistration(fairId, graduateId);
    if (!registration) return false;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table.name,
                Key: entities.FairRegistration.key(fairId, graduateId),
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(checkedInAt)',
              },
            },
            {
              Delete: {
                TableName: this.table.name,
                Key: entities.FairCheckInCode.key(fairId, registration.checkInCode),
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const now = await this.getRegistration(fairId, graduateId);
      if (!now) return false;
      throw conflict('You have checked in at this fair, so your registration stays in its report.');
    }
  }
}
