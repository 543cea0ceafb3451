export { contentPerformance, REFERENCE } from './content-performance.ts';
export { creatorRetention, customerValueLeaderboard, roi } from './roi.ts';
export { summarise } from './summarise.ts';
export { analyticsRoutes } from './routes.ts';
