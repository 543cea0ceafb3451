import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults that start the embedded product with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, trustProxy: 1, databaseUrl: undefined, databasePoolSize: 10, clickRetentionMonths: 0, natsUrl: undefined, natsStream: 'ADVOCATE_CLICKS', natsReplicas: 1 });
  });

  it('reads the scale settings', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://db/app', DATABASE_POOL_SIZE: '40', ADVOCATE_CLICK_RETENTION_MONTHS: '13', NATS_URL: 'nats://a:4222,nats://b:4222', NATS_STREAM_REPLICAS: '3' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://db/app', databasePoolSize: 40, clickRetentionMonths: 13, natsUrl: 'nats://a:4222,nats://b:4222', natsReplicas: 3 });
  });

  it('reads TRUST_PROXY as off, hops or proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,192.168.1.4' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.4']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be false, true, a number of proxy hops/);
  });

  it('names every wrong setting in one clear error', () => {
    const attempt = () =>
      loadConfig({ DATABASE_URL: 'mysql://x', DATABASE_POOL_SIZE: '1', ADVOCATE_CLICK_RETENTION_MONTHS: '1', NATS_URL: 'http://nats', NATS_STREAM_REPLICAS: '9' });
    expect(attempt).toThrow(/^Invalid configuration:/);
    expect(attempt).toThrow(/DATABASE_URL: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
    expect(attempt).toThrow(/DATABASE_POOL_SIZE: /);
    expect(attempt).toThrow(/ADVOCATE_CLICK_RETENTION_MONTHS: ADVOCATE_CLICK_RETENTION_MONTHS must be 0 \(keep every click\) or 3 to 1200 months/);
    expect(attempt).toThrow(/NATS_URL: NATS_URL must be nats:\/\/host:port/);
    expect(attempt).toThrow(/NATS_STREAM_REPLICAS: /);
  });
});
