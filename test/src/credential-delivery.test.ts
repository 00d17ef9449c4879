import { readdirSync } from 'node:fs';
import type { AnyDomainEvent } from '@skillpass/events';
import { readMailbox } from '@skillpass/local';
import {
  CONSUMER_HANDLERS,
  type ConsumerDeps,
  deliverOneByOne,
  replayDeadLetter,
  startLocalDispatcher,
} from '@skillpass/pipeline';
import type { Mailer } from '@skillpass/services';
import { credentialMailId } from '@skillpass/services';
import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BATTERY_CHEMISTRY, BATTERY_TEMPLATE_BODY } from './battery-template.ts';
import { scanTable, startTestRuntime, type TestRuntime } from './harness.ts';

let rt: TestRuntime;
let school: string;
let templateId: string;
const RECIPIENTS = 7;

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: false, taxonomy: getTaxonomy() });
  school = await rt.token('delivery-school', 'issuer');
  const registered = await rt.call('PUT', '/v1/issuers/me', {
    token: school,
    body: {
      legalName: { en: 'Suzhou Vocational Institute', zh: '苏州职业技术学院' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
    },
  });
  expect(registered.status).toBe(200);
  const template = await rt.call('POST', '/v1/credential-templates', { token: school, body: BATTERY_TEMPLATE_BODY });
  expect(template.status).toBe(201);
  templateId = template.body.templateId;
  const graduate = await rt.token('grad-delivery', 'graduate');
  const profile = await rt.call('PUT', '/v1/profiles/me', {
    token: graduate,
    body: {
      displayName: 'Li Wei',
      contactEmail: 'li@example.com',
      skills: [{ uri: BATTERY_CHEMISTRY, proficiency: 2 }],
    },
  });
  expect(profile.status).toBe(201);
});
afterAll(async () => rt.close());

/** Counts what a mailer is asked to send, passing it on to the runtime's file mailbox. */
function countingMailer(real: Mailer): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message.messageId);
      await real.send(message);
    },
  };
}

const outboxItems = async () => (await scanTable(rt.table)).filter((item) => item.entity === 'OutboxMessage');

describe('delivering issued credentials', () => {
  const events: AnyDomainEvent[] = [];
  let mailer: Mailer & { sent: string[] };
  let deps: ConsumerDeps;

  it('a batch of N external recipients yields exactly N emails in the mailbox, and its graduate a notification', async () => {
    const { fileMailer } = await import('@skillpass/local');
    mailer = countingMailer(fileMailer(rt.mailboxDir));
    deps = { ...rt.deps, mailer };
    const accepted = await rt.call('POST', '/v1/credential-batches', {
      token: school,
      body: {
        templateId,
        recipients: [
          ...Array.from({ length: RECIPIENTS }, (_, i) => ({
            subjectId: `urn:learner:d${i}`,
            email: `learner${i}@example.com`,
            name: `Learner ${i}`,
          })),
          { graduateId: 'grad-delivery' },
        ],
      },
    });
    expect(accepted.status).toBe(202);
    await (rt.deps.batchQueue as unknown as { idle(): Promise<void> }).idle();

    const dispatcher = await startLocalDispatcher({
      table: rt.table,
      deps,
      endpoint: inject('dynamoEndpoint'),
      // Each event once: the foreground lane (the background lane applies the same events to the statistics).
      onBatch: (batch) => batch.lane === 'foreground' && events.push(...batch.events),
    });
    await dispatcher.drain();
    await dispatcher.stop();

    const mailbox = readMailbox(rt.mailboxDir);
    expect(mailbox).toHaveLength(RECIPIENTS);
    expect(mailbox.map((m) => m.to).sort()).toEqual(
      Array.from({ length: RECIPIENTS }, (_, i) => `learner${i}@example.com`).sort(),
    );
    const credentials = (await rt.deps.credentials.listForIssuer('delivery-school', { limit: 100 })).items;
    const external = credentials.filter((c) => c.holder.kind === 'external');
    expect(external).toHaveLength(RECIPIENTS);
    for (const credential of external) {
      const message = mailbox.find((m) => m.messageId === credentialMailId(credential.credentialId));
      expect(message, credential.credentialId).toBeDefined();
      expect(message!.text).toContain(`http://localhost:3000/verify#id=${credential.credentialId}`);
      expect(message!.text).toContain('苏州职业技术学院');
      expect(message!.attachments[0]).toMatchObject({ filename: 'verify-qr.svg', contentType: 'image/svg+xml' });
      expect(Buffer.from(message!.attachments[0]!.content, 'base64').toString()).toContain('<svg');
    }
    expect(mailer.sent).toHaveLength(RECIPIENTS);
    // Sent and marked; the addresses are forgotten once their mail is queued.
    expect((await outboxItems()).map((item) => item.status)).toEqual(Array(RECIPIENTS).fill('sent'));
    expect((await scanTable(rt.table)).filter((item) => item.entity === 'RecipientAddress')).toEqual([]);

    const notes = (await rt.deps.notifications.list('grad-delivery', { limit: 10 })).items;
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'credential-issued', credentialTitle: BATTERY_TEMPLATE_BODY.title }),
    ]);
    const graduate = await rt.token('grad-delivery', 'graduate');
    const zh = await rt.call('GET', '/v1/profiles/me/notifications?lang=zh', { token: graduate });
    expect(zh.body.items[0]).toMatchObject({
      kind: 'credential-issued',
      title: expect.stringContaining('动力电池包装配'),
    });
  });

  it('a redelivery, with its consumed markers lost, writes and sends nothing new', async () => {
    const issued = events.filter((e) => e.type === 'CredentialIssued');
    const queued = events.filter((e) => e.type === 'MailQueued');
    expect(issued).toHaveLength(RECIPIENTS + 1);
    expect(queued).toHaveLength(RECIPIENTS);
    // The handlers themselves, twice, as after a crash between their writes and their markers.
    for (let round = 0; round < 2; round++) {
      for (const event of issued) await CONSUMER_HANDLERS.credentialDelivery(event as never, deps);
      for (const event of queued) await CONSUMER_HANDLERS.mailSender(event as never, deps);
    }
    // And through the dispatcher's own path once more.
    await deliverOneByOne([...issued, ...queued], deps);
    expect(await outboxItems()).toHaveLength(RECIPIENTS);
    expect(readdirSync(rt.mailboxDir).filter((name) => name.endsWith('.json'))).toHaveLength(RECIPIENTS);
    expect(mailer.sent).toHaveLength(RECIPIENTS);
    expect((await rt.deps.notifications.list('grad-delivery', { limit: 10 })).items).toHaveLength(1);
  });

  it('a failing mailer is retried, then dead-lettered; a replay once it works sends the message once', async () => {
    let attempts = 0;
    const failing: Mailer = {
      async send() {
        attempts++;
        throw new Error('SES is throttling');
      },
    };
    const issued = await rt.call('POST', '/v1/credentials', {
      token: school,
      body: { templateId, holder: { subjectId: 'urn:learner:late', email: 'late@example.com' } },
    });
    expect(issued.status).toBe(201);
    const lateEvents: AnyDomainEvent[] = [];
    const dispatcher = await startLocalDispatcher({
      table: rt.table,
      deps: { ...rt.deps, mailer: failing },
      endpoint: inject('dynamoEndpoint'),
      retry: { attempts: 3, backoffMs: 10 },
      onBatch: (batch) => batch.lane === 'foreground' && lateEvents.push(...batch.events),
    });
    await dispatcher.drain();
    await dispatcher.stop();

    // Once within its batch, then 3 tries on its own before the letter.
    expect(attempts).toBe(1 + 3);
    const messageId = credentialMailId(issued.body.id);
    expect((await rt.deps.outbox.get(messageId))?.status).toBe('queued');
    const letters = (await rt.deps.eventLog.listDeadLetters()).filter((l) => l.consumer === 'mailSender');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ attempts: 3, error: 'SES is throttling', event: { type: 'MailQueued' } });
    expect(readMailbox(rt.mailboxDir).map((m) => m.to)).not.toContain('late@example.com');

    expect(await replayDeadLetter(deps, 'mailSender', letters[0]!.eventId)).toBe('replayed');
    expect(readMailbox(rt.mailboxDir).filter((m) => m.to === 'late@example.com')).toHaveLength(1);
    expect((await rt.deps.outbox.get(messageId))?.status).toBe('sent');
    expect(lateEvents.some((e) => e.type === 'MailQueued')).toBe(true);
  });
});
