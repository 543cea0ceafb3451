-- Campaign briefs: goal, brief (text, niches, target audience), budget, guidelines, deliverables template.
alter table campaigns add column goal text check (goal in ('awareness', 'leads', 'sales'));
alter table campaigns add column brief jsonb not null default '{}';
alter table campaigns add column budget_amount bigint;
alter table campaigns add column budget_currency text;
alter table campaigns add column guidelines text;
alter table campaigns add column deliverables_template jsonb not null default '[]';
alter table deliverables add column reminded_due_soon_at timestamptz;
alter table deliverables add column reminded_overdue_at timestamptz;
