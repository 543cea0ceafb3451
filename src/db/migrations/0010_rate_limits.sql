-- Fixed-window counters for rate limits (logins, invitation accepts), shared by every process on
-- one database so `--workers N` or several hosts cannot multiply an attacker's attempts.
-- The key is a SHA-256 of route + caller (ip, email): no email is stored here.
create table rate_limits (
  key text primary key,
  hits integer not null,
  window_ends_at timestamptz not null
);
create index rate_limits_window_end on rate_limits (window_ends_at);
