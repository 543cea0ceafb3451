export { clickReport } from './click-report.ts';
export { exportClicks } from './export-clicks.ts';
export { reportRoutes } from './routes.ts';
export { GROUP_BY, type ClickReportRow } from './schemas.ts';
export { overview, OverviewQuery, type Overview } from './overview.ts';
