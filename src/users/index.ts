export { createUser } from './create-user.ts';
export { listMembers } from './list-members.ts';
export { findSession, login, logout, pruneExpiredSessions, SESSION_TTL_MS, type Session } from './sessions.ts';
export { CreateUserInput, LoginInput, ROLES, type MemberDto } from './schemas.ts';
export { userRoutes } from './routes.ts';
export { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
