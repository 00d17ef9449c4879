import type { CredentialTemplate, IssuedCredential, Issuer } from '@skillpass/domain';
import type { OutboxMessage, RecipientAddress } from '@skillpass/store';
import { deterministicId } from '@skillpass/store';
import { qrSvg } from '../credentials/issuance.ts';
import { verifyByIdUrl } from '../credentials/links.ts';

/** One message per credential, whatever delivers the event and however often: its id is the credential's. */
export const credentialMailId = (credentialId: string) => deterministicId('mail', credentialId);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const zhOr = (text: { en: string; zh?: string | undefined }) => text.zh ?? text.en;

/**
 * The email telling someone outside skillpass that a credential was issued to them: in English and
 * Chinese (the issuer gave no language), with the short verify link (the credential by its
 * unguessable id) and the same link as a QR code attached.
 */
export function credentialIssuedMail(input: {
  origin: string;
  credential: IssuedCredential;
  template: CredentialTemplate;
  issuer: Issuer;
  address: RecipientAddress;
  createdAt: string;
}): OutboxMessage {
  const { origin, credential, template, issuer, address } = input;
  const url = verifyByIdUrl(origin, credential.credentialId);
  const hello = address.name ? `Hello ${address.name},` : 'Hello,';
  const helloZh = address.name ? `${address.name}，您好：` : '您好：';
  const en = [
    hello,
    '',
    `${issuer.legalName.en} has issued you a credential: ${template.title.en}.`,
    `Check it, or show it to an employer, at ${url}`,
    'The attached QR code opens the same page.',
  ];
  const zh = [
    helloZh,
    '',
    `${zhOr(issuer.legalName)} 已为您颁发证书「${zhOr(template.title)}」。`,
    `查看证书或向雇主出示：${url}`,
    '附件中的二维码可打开同一页面。',
  ];
  const paragraph = (lines: string[]) =>
    lines
      .filter(Boolean)
      .map(
        (line) =>
          `<p>${escapeHtml(line).replace(escapeHtml(url), `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`)}</p>`,
      )
      .join('\n');
  return {
    messageId: credentialMailId(credential.credentialId),
    to: address.email,
    subject: `Your credential: ${template.title.en} / 您的证书：${zhOr(template.title)}`,
    text: [...en, '', '—', '', ...zh].join('\n'),
    html: `<!doctype html>\n<html><body>\n${paragraph(en)}\n<hr>\n<div lang="zh">\n${paragraph(zh)}\n</div>\n</body></html>`,
    attachments: [
      {
        filename: 'verify-qr.svg',
        contentType: 'image/svg+xml',
        content: Buffer.from(qrSvg(origin, credential.credentialId, url)).toString('base64'),
      },
    ],
    about: { credentialId: credential.credentialId },
    status: 'queued',
    createdAt: input.createdAt,
  };
}
