import { DomainError } from '@skillpass/domain/errors';

/** Names that would reach an object's prototype if assigned: never a field of ours. */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** RFC 7396 JSON Merge Patch: objects merge, `null` removes a member, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown, path: readonly string[] = []): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [name, value] of Object.entries(patch)) {
    if (PROTOTYPE_NAMES.has(name)) {
      const field = [...path, name].join('.');
      throw new DomainError('validation', `The patch names \`${field}\`, which is not a field.`, [
        { path: field, message: 'not allowed in a merge patch' },
      ]);
    }
    if (value === null) delete result[name];
    else result[name] = applyMergePatch(result[name], value, [...path, name]);
  }
  return result;
}
