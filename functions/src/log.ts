/**
 * One JSON object per line, with the Lambda request id, so CloudWatch Logs Insights can query fields. The id is a
 * required field (undefined only where the runtime gave none), so no handler can forget it.
 */
export function logJson(
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: { awsRequestId: string | undefined } & Record<string, unknown>,
): void {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}
