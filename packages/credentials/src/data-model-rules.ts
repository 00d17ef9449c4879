import { VC_CONTEXT } from './credential.ts';
import { base58btcDecode } from './data-integrity/multikey.ts';

/**
 * VC Data Model 2.0 rules, one plain function each over the credential's JSON: what the issuer
 * checks before signing and every verifier checks before believing. Each returns the places the
 * credential breaks it (empty when it holds). The JSON-LD rule (every term defined by a context)
 * needs the JSON-LD libraries and lives in the lazily imported module (data-integrity/json-ld.ts).
 */

export interface RuleViolation {
  /** Where, as a dotted path (`credentialStatus.0.type`). */
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
type Rule = (credential: Json) => RuleViolation[];

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** An entry's path: `name` for a single object, `name.<i>` inside an array. */
const entryPath = (name: string, value: unknown, index: number) => (Array.isArray(value) ? `${name}.${index}` : name);

/** An absolute URL (RFC 3986: a scheme, then something), which covers https, did: and urn: identifiers. */
export function isUrl(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value) && URL.canParse(value);
}

/** The first `@context` is the VC 2.0 context. */
export const firstContextIsVc2: Rule = (vc) => {
  const contexts = listOf(vc['@context']);
  return contexts[0] === VC_CONTEXT
    ? []
    : [{ path: '@context.0', message: `the first @context must be ${VC_CONTEXT}` }];
};

/** `type` includes `VerifiableCredential`. */
export const typeIncludesVerifiableCredential: Rule = (vc) =>
  listOf(vc.type).includes('VerifiableCredential')
    ? []
    : [{ path: 'type', message: 'must include VerifiableCredential' }];

/** `id`, when present, is a URL. */
export const idIsUrl: Rule = (vc) =>
  vc.id === undefined || isUrl(vc.id) ? [] : [{ path: 'id', message: 'must be a URL when present' }];

/** `issuer` is a URL, or an object whose `id` is a URL. */
export const issuerIsUrlOrObjectWithUrlId: Rule = (vc) => {
  if (isUrl(vc.issuer)) return [];
  if (isObject(vc.issuer))
    return isUrl(vc.issuer.id) ? [] : [{ path: 'issuer.id', message: 'must be a URL (https:, did:, urn:…)' }];
  return [{ path: 'issuer', message: 'must be a URL or an object with a URL id' }];
};

/** `credentialSubject` is present and not empty: an object with a property, or a non-empty array of such objects. */
export const credentialSubjectIsNotEmpty: Rule = (vc) => {
  const subjects = listOf(vc.credentialSubject);
  if (subjects.length === 0) return [{ path: 'credentialSubject', message: 'is required and must not be empty' }];
  return subjects.flatMap((subject, i) =>
    isObject(subject) && Object.keys(subject).length > 0
      ? []
      : [{ path: entryPath('credentialSubject', vc.credentialSubject, i), message: 'must be a non-empty object' }],
  );
};

/** The properties VC DM 2.0 requires to say what kind of thing each entry is. */
export const TYPED_PROPERTIES = [
  'credentialStatus',
  'termsOfUse',
  'evidence',
  'credentialSchema',
  'refreshService',
] as const;

/** Each entry of `credentialStatus`, `termsOfUse`, `evidence`, `credentialSchema` and `refreshService` carries a `type`. */
export const typedPropertiesCarryType: Rule = (vc) =>
  TYPED_PROPERTIES.flatMap((name) =>
    listOf(vc[name]).flatMap((entry, i) => {
      const type = isObject(entry) ? entry.type : undefined;
      const typed = typeof type === 'string' || (Array.isArray(type) && type.length > 0);
      return typed ? [] : [{ path: `${entryPath(name, vc[name], i)}.type`, message: 'every entry must carry a type' }];
    }),
  );

/** XML Schema 1.1 dateTimeStamp: a dateTime whose time zone is given (`Z` or ±hh:mm). */
const DATE_TIME_STAMP = /^-?\d{4,}-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
export function isDateTimeWithTimeZone(value: unknown): boolean {
  const match = typeof value === 'string' ? DATE_TIME_STAMP.exec(value) : null;
  if (!match) return false;
  const [month, day, hour, minute, second] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const zoneHours = match[8] === undefined ? 0 : Number(match[8]);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    (hour < 24 || (hour === 24 && minute === 0 && second === 0)) &&
    minute < 60 &&
    second < 60 &&
    zoneHours <= 14 &&
    !Number.isNaN(Date.parse(value as string))
  );
}

/** `validFrom` and `validUntil` (and VC 1.1's `issuanceDate`, `expirationDate`) are XML Schema dateTimes with a time zone. */
export const datesAreDateTimesWithTimeZone: Rule = (vc) =>
  ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate'].flatMap((name) =>
    vc[name] === undefined || isDateTimeWithTimeZone(vc[name])
      ? []
      : [{ path: name, message: 'must be an XML Schema dateTime with a time zone, e.g. 2026-01-31T09:00:00Z' }],
  );

/** A language value object: `{ "@value": string, "@language"?: string, "@direction"?: "ltr" | "rtl" }`. */
function isLanguageValue(value: unknown): boolean {
  if (!isObject(value) || typeof value['@value'] !== 'string') return false;
  const extra = Object.keys(value).filter((k) => !['@value', '@language', '@direction'].includes(k));
  return (
    extra.length === 0 &&
    (value['@language'] === undefined || typeof value['@language'] === 'string') &&
    (value['@direction'] === undefined || value['@direction'] === 'ltr' || value['@direction'] === 'rtl')
  );
}

/** `name` and `description` (of the credential and of its issuer) are strings or language value objects. */
export const namesAreStringsOrLanguageValues: Rule = (vc) => {
  const holders: Array<[string, unknown]> = [
    ['', vc],
    ['issuer.', vc.issuer],
  ];
  return holders.flatMap(([prefix, holder]) =>
    isObject(holder)
      ? ['name', 'description'].flatMap((name) => {
          const value = holder[name];
          if (value === undefined || typeof value === 'string') return [];
          const values = Array.isArray(value) ? value : [value];
          return values.length > 0 && values.every(isLanguageValue)
            ? []
            : [
                {
                  path: `${prefix}${name}`,
                  message: 'must be a string or language value objects ({"@value", "@language"})',
                },
              ];
        })
      : [],
  );
};

/** Digest lengths by hash: what a well-formed digest of each decodes to. */
const SRI_LENGTHS: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };
/** Multihash codes (sha2-256, sha2-384, sha2-512, sha3-256, sha3-384, sha3-512) → digest length. */
const MULTIHASH_LENGTHS: Record<number, number> = { 18: 32, 32: 48, 19: 64, 22: 32, 21: 48, 20: 64 };

function isDigestSri(value: unknown): boolean {
  const match = typeof value === 'string' ? /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/.exec(value) : null;
  return !!match && Buffer.from(match[2]!, 'base64').length === SRI_LENGTHS[match[1]!];
}

function isDigestMultibase(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 2) return false;
  const body = value.slice(1);
  let bytes: Uint8Array | undefined;
  if (value[0] === 'u' && /^[A-Za-z0-9_-]+$/.test(body)) bytes = Buffer.from(body, 'base64url');
  else if (value[0] === 'z') bytes = base58btcDecode(body);
  // A multihash: <code><length><digest>, each code and length one byte for the hashes above.
  return !!bytes && bytes.length > 2 && MULTIHASH_LENGTHS[bytes[0]!] === bytes[1] && bytes.length === bytes[1]! + 2;
}

/** Each `relatedResource` has a URL `id` and a well-formed `digestSRI` or `digestMultibase`. */
export const relatedResourceDigestsAreWellFormed: Rule = (vc) =>
  listOf(vc.relatedResource).flatMap((resource, i) => {
    const path = entryPath('relatedResource', vc.relatedResource, i);
    if (!isObject(resource)) return [{ path, message: 'must be an object with id and a digest' }];
    const problems: RuleViolation[] = [];
    if (!isUrl(resource.id)) problems.push({ path: `${path}.id`, message: 'must be a URL' });
    if (resource.digestSRI === undefined && resource.digestMultibase === undefined)
      problems.push({ path, message: 'needs digestSRI or digestMultibase' });
    if (resource.digestSRI !== undefined && !isDigestSri(resource.digestSRI))
      problems.push({
        path: `${path}.digestSRI`,
        message: 'must be sha256-, sha384- or sha512- and the base64 digest',
      });
    if (resource.digestMultibase !== undefined && !isDigestMultibase(resource.digestMultibase))
      problems.push({ path: `${path}.digestMultibase`, message: 'must be a multibase (u or z) encoded multihash' });
    return problems;
  });

/** Every structural rule, in the order they are reported. */
export const DATA_MODEL_RULES: readonly Rule[] = [
  firstContextIsVc2,
  typeIncludesVerifiableCredential,
  idIsUrl,
  issuerIsUrlOrObjectWithUrlId,
  credentialSubjectIsNotEmpty,
  typedPropertiesCarryType,
  datesAreDateTimesWithTimeZone,
  namesAreStringsOrLanguageValues,
  relatedResourceDigestsAreWellFormed,
];

/** Where a credential breaks VC DM 2.0's structural rules (the JSON-LD term rule aside); empty when it keeps them all. */
export function dataModelViolations(credential: unknown): RuleViolation[] {
  if (!isObject(credential)) return [{ path: '', message: 'a credential must be a JSON object' }];
  return DATA_MODEL_RULES.flatMap((rule) => rule(credential));
}

/** Violations as one sentence for a report: `path: message; …`. */
export const describeViolations = (violations: readonly RuleViolation[]) =>
  violations.map((v) => `${v.path || '(credential)'}: ${v.message}`).join('; ');

/**
 * Every rule, the JSON-LD one included (once the structural ones hold): the JSON-LD libraries load here, on first use, so only callers
 * that need the term check (issuing a full credential, the VC API routes, the CLI) pay for them.
 */
export async function allDataModelViolations(credential: unknown): Promise<RuleViolation[]> {
  const structural = dataModelViolations(credential);
  // A structurally broken document (a relative issuer id, say) fails expansion for the same reason: report it once.
  if (!isObject(credential) || structural.length > 0) return structural;
  const { undefinedTermViolations } = await import('@skillpass/credentials/data-integrity');
  return [...structural, ...(await undefinedTermViolations(credential))];
}
