import { DomainError } from '@skillpass/domain';
import type { Context } from 'hono';

/** Names that would reach an object's prototype if assigned: never a field of ours. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** RFC 7396 JSON Merge Patch: objects merge, `null` removes a member, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown, path: readonly string[] = []): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [name, value] of Object.entries(patch)) {
    if (FORBIDDEN_NAMES.has(name)) {
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

/**
 * The patch as sent, when the validator read it as JSON (hono keeps the text); else the validated patch.
 * The validator's copy has silently lost any `__proto__` member, as zod skips it, and a patch naming one must be
 * refused rather than half-applied.
 */
export function sentPatch(c: Context, validated: Record<string, unknown>): Promise<unknown> {
  return c.req.bodyCache.text === undefined ? Promise.resolve(validated) : c.req.json();
}
