export { liveRoutes } from './routes.ts';
export { todayTotals, type TodayTotals } from './today-totals.ts';
