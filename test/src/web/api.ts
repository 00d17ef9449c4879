import { BATTERY_CHEMISTRY, BATTERY_TEMPLATE_BODY } from '../battery-template.ts';

/** The API calls the browser tests make around the browser: sign-in tokens, an issuer, credentials, employers' moves. */
export class Api {
  constructor(readonly origin: string) {}

  async token(role: 'graduate' | 'employer' | 'issuer' | 'organiser' | 'admin', name: string): Promise<string> {
    const body = await this.call<{ accessToken: string }>('POST', '/auth/dev/sign-in', { body: { role, name } });
    return body.accessToken;
  }

  async call<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(this.origin + path, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async status(path: string, token: string): Promise<number> {
    return (await fetch(this.origin + path, { headers: { Authorization: `Bearer ${token}` } })).status;
  }
}

export interface Issued {
  credentialId: string;
  jwt: string;
  /** What the credential's public link and QR code open: `<origin>/verify#<jwt>`. */
  verifyUrl: string;
}

/** A registered, accredited school with one micro-credential offering. */
export async function schoolWithTemplate(api: Api): Promise<{ token: string; templateId: string }> {
  const token = await api.token('issuer', 'e2e-school');
  await api.call('PUT', '/v1/issuers/me', {
    token,
    body: {
      legalName: { en: 'Suzhou Vocational Institute', zh: '苏州职业技术学院' },
      kind: 'school',
      country: 'CN',
      region: 'Jiangsu',
      accreditation: [{ by: 'Jiangsu HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
    },
  });
  const template = await api.call<{ templateId: string }>('POST', '/v1/credential-templates', {
    token,
    body: BATTERY_TEMPLATE_BODY,
  });
  return { token, templateId: template.templateId };
}

export async function graduateWithProfile(api: Api, name: string, displayName: string): Promise<string> {
  const token = await api.token('graduate', name);
  await api.call('PUT', '/v1/profiles/me', {
    token,
    body: { displayName, contactEmail: `${name}@example.com`, skills: [{ uri: BATTERY_CHEMISTRY, proficiency: 2 }] },
  });
  return token;
}

export async function issue(
  api: Api,
  school: { token: string; templateId: string },
  graduateId: string,
): Promise<Issued> {
  const issued = await api.call<{ jwt: string; verifyUrl: string; credential: { credentialId: string } }>(
    'POST',
    '/v1/credentials',
    { token: school.token, body: { templateId: school.templateId, holder: { graduateId }, grade: 'Merit' } },
  );
  return { credentialId: issued.credential.credentialId, jwt: issued.jwt, verifyUrl: issued.verifyUrl };
}

/** The same credential with another holder name in its payload: the signature no longer matches. */
export function tampered(jwt: string, holderName: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  const subject = claims.credentialSubject ?? claims.vc?.credentialSubject;
  subject.name = holderName;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}
