export { createPartnership, getPartnershipRow, listPartnerships, movePartnership, renewPartnership } from './partnership-verbs.ts';
export { addDeliverable, addGift, deliverableStatus, updateDeliverable, updateGift } from './deliverable-verbs.ts';
export { partnershipRoutes } from './routes.ts';
export { sendDeliverableReminders, sendRemindersEverywhere } from './send-deliverable-reminders.ts';
