/** Outgoing event types (src/outgoing-webhooks/schemas.ts) and what they mean. */
export const EVENTS = [
  { type: 'conversion.created', label: 'Conversion created', hint: 'a sale or lead was recorded' },
  { type: 'commission.approved', label: 'Commission approved', hint: 'a commission passed its hold' },
  { type: 'payout.paid', label: 'Payout paid', hint: 'a creator was paid' },
  { type: 'deliverable.due_soon', label: 'Deliverable due soon', hint: 'a creator’s post is due shortly' },
  { type: 'deliverable.overdue', label: 'Deliverable overdue', hint: 'a creator missed a due date' },
  { type: 'gift.not_posted', label: 'Gift not posted', hint: 'a gifted creator has not posted yet' },
] as const;
