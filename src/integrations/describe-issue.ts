import type { z } from 'zod';

/**
 * The first zod issue as one line, for an `ignored` reason in the delivery log.
 * @example describeIssue(error) // 'amount_paid: Invalid input: expected number, received string'
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
