export { accrueCommissions } from './accrue-commissions.ts';
export { approveCommissions, approveDueEverywhere, rejectCommission } from './lifecycle.ts';
export { parsePlanOrThrow, parseWorkspacePlan, planFor } from './plan-for.ts';
export { reverseCommissionsForRefund } from './reverse-commissions.ts';
export { toCommissionDto } from './to-commission-dto.ts';
export { commissionRoutes } from './routes.ts';
export { accrueClickCommissions, accrueClickCommissionsEverywhere } from './accrue-click-commissions.ts';
