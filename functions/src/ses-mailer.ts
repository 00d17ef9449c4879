import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer } from '@skillpass/services';

/**
 * Amazon SES (v2) as the mailer: one SendEmail per message, from the stack's verified identity, with the
 * text and HTML bodies and the attachments (the verify QR code). The client is loaded on the first message.
 * A throw (throttling, a recipient the sandbox refuses) makes EventBridge retry, then dead-letter.
 */
export function sesMailer(from: string): Mailer {
  let client: Promise<{ ses: SESv2Client; SendEmailCommand: typeof import('@aws-sdk/client-sesv2').SendEmailCommand }>;
  const load = () => {
    client ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client, SendEmailCommand }) => ({
      ses: new SESv2Client({}),
      SendEmailCommand,
    }));
    return client;
  };
  return {
    async send(message) {
      const { ses, SendEmailCommand } = await load();
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                Html: { Data: message.html, Charset: 'UTF-8' },
              },
              Attachments: message.attachments.map((a) => ({
                FileName: a.filename,
                ContentType: a.contentType,
                RawContent: Buffer.from(a.content, 'base64'),
              })),
            },
          },
          // SES's own id for the message is its answer; ours travels as a tag, to find a message in SES's logs.
          EmailTags: [{ Name: 'outbox-message', Value: message.messageId.replace(/[^A-Za-z0-9_-]/g, '_') }],
        }),
      );
    },
  };
}
