/** The required skills a candidate covers with a skill a credential backs (the explanation's credits, `via.verified`). */
export function verifiedRequired(explanation: Record<string, unknown>): Set<string> {
  const credits = [explanation.matchedEssential, explanation.matchedOptional, explanation.partial].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  const verified = new Set<string>();
  for (const credit of credits as Array<{ required?: { uri?: unknown }; via?: { verified?: unknown } } | null>) {
    if (credit?.via?.verified === true && typeof credit.required?.uri === 'string') verified.add(credit.required.uri);
  }
  return verified;
}
