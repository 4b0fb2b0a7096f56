import { Migration } from '@mikro-orm/migrations';

export class Migration20261201175253 extends Migration {

  override name = 'Migration20261201175253';

  override up(): void | Promise<void> {
    this.addSql(`create table "document_counter" ("kind" text not null, "year" int not null, "last" int not null, primary key ("kind", "year"));`);

    this.addSql(`create table "invoice" ("id" uuid not null, "number" varchar(20) not null, "year" int not null, "sequence" int not null, "launch_id" uuid not null, "agency_id" uuid not null, "billed_to" jsonb not null, "lines" jsonb not null, "fee_rule" jsonb not null, "amount_cents" bigint not null, "currency" text not null default 'USD', "issued_at" timestamptz not null, "issue_date" date not null, "due_date" date not null, "credited_cents" bigint not null default '0', "paid_cents" bigint not null default '0', "status" text not null default 'issued', "notice_queued_at" timestamptz null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`alter table "invoice" add constraint "invoice_launch_id_unique" unique ("launch_id");`);
    this.addSql(`create index "invoice_agency_issued_index" on "invoice" ("agency_id", "issued_at");`);
    this.addSql(`create index "invoice_status_due_index" on "invoice" ("status", "due_date");`);
    this.addSql(`create index "invoice_issued_index" on "invoice" ("issued_at", "id");`);
    this.addSql(`alter table "invoice" add constraint "invoice_year_sequence_unique" unique ("year", "sequence");`);

    this.addSql(`create table "invoice_reminder" ("id" uuid not null, "invoice_id" uuid not null, "reminder_day" int not null, "days_overdue" int not null, "recipient" varchar(254) not null, "queued_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "invoice_reminder" add constraint "invoice_reminder_invoice_day_unique" unique ("invoice_id", "reminder_day");`);

    this.addSql(`create table "credit_note" ("id" uuid not null, "number" varchar(20) not null, "year" int not null, "sequence" int not null, "invoice_id" uuid not null, "amount_cents" bigint not null, "currency" text not null default 'USD', "reason" text not null, "issued_at" timestamptz not null, "issue_date" date not null, "issued_by" varchar(254) not null, primary key ("id"));`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_number_unique" unique ("number");`);
    this.addSql(`create index "credit_note_invoice_id_index" on "credit_note" ("invoice_id");`);
    this.addSql(`create index "credit_note_issued_index" on "credit_note" ("issued_at");`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_year_sequence_unique" unique ("year", "sequence");`);

    this.addSql(`create table "agency_payment" ("id" uuid not null, "invoice_id" uuid not null, "amount_cents" bigint not null, "currency" text not null default 'USD', "paid_on" date not null, "reference" varchar(120) not null, "recorded_at" timestamptz not null, "recorded_by" varchar(254) not null, primary key ("id"));`);
    this.addSql(`create index "agency_payment_paid_on_index" on "agency_payment" ("paid_on");`);
    this.addSql(`alter table "agency_payment" add constraint "agency_payment_invoice_reference_unique" unique ("invoice_id", "reference");`);

    this.addSql(`alter table "document_counter" add constraint "document_counter_kind_check" check ("kind" in ('invoice', 'credit-note'));`);

    this.addSql(`alter table "invoice" add constraint "invoice_launch_id_foreign" foreign key ("launch_id") references "launch" ("id");`);
    this.addSql(`alter table "invoice" add constraint "invoice_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`);
    this.addSql(`alter table "invoice" add constraint "invoice_amount_check" check (amount_cents > 0);`);
    this.addSql(`alter table "invoice" add constraint "invoice_credited_check" check (credited_cents >= 0 and credited_cents <= amount_cents);`);
    this.addSql(`alter table "invoice" add constraint "invoice_paid_check" check (paid_cents >= 0);`);
    this.addSql(`alter table "invoice" add constraint "invoice_currency_check" check ("currency" in ('USD'));`);
    this.addSql(`alter table "invoice" add constraint "invoice_status_check" check ("status" in ('issued', 'partially_paid', 'paid', 'overdue', 'credited'));`);
    this.addSql(`create or replace function "invoice_issued_never_changes_fn"() returns trigger as \$\$ begin if tg_op <> 'UPDATE' then raise exception 'An issued invoice is never deleted; correct it with a credit note.' using errcode = 'insufficient_privilege'; end if; if (new.id, new.number, new.year, new.sequence, new.launch_id, new.agency_id, new.billed_to, new.lines, new.fee_rule, new.amount_cents, new.currency, new.issued_at, new.issue_date, new.due_date) is distinct from (old.id, old.number, old.year, old.sequence, old.launch_id, old.agency_id, old.billed_to, old.lines, old.fee_rule, old.amount_cents, old.currency, old.issued_at, old.issue_date, old.due_date) then raise exception 'An issued invoice never changes its number, dates, lines or amount; correct it with a credit note.' using errcode = 'insufficient_privilege'; end if; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "issued_never_changes" BEFORE UPDATE OR DELETE on "invoice" for each ROW execute function "invoice_issued_never_changes_fn"();`);

    this.addSql(`alter table "invoice_reminder" add constraint "invoice_reminder_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id");`);
    this.addSql(`alter table "invoice_reminder" add constraint "invoice_reminder_day_check" check (reminder_day in (1, 7, 14));`);
    this.addSql(`create or replace function "invoice_reminder_append_only_fn"() returns trigger as \$\$ begin raise exception 'A sent reminder is never changed or deleted: % is refused.', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "invoice_reminder" for each ROW execute function "invoice_reminder_append_only_fn"();`);

    this.addSql(`alter table "credit_note" add constraint "credit_note_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id");`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_amount_check" check (amount_cents > 0);`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_currency_check" check ("currency" in ('USD'));`);
    this.addSql(`create or replace function "credit_note_append_only_fn"() returns trigger as \$\$ begin raise exception 'A credit note is never changed or deleted: % is refused.', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "credit_note" for each ROW execute function "credit_note_append_only_fn"();`);

    this.addSql(`alter table "agency_payment" add constraint "agency_payment_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id");`);
    this.addSql(`alter table "agency_payment" add constraint "agency_payment_amount_check" check (amount_cents > 0);`);
    this.addSql(`alter table "agency_payment" add constraint "agency_payment_currency_check" check ("currency" in ('USD'));`);
    this.addSql(`create or replace function "agency_payment_append_only_fn"() returns trigger as \$\$ begin raise exception 'An agency payment is never changed or deleted: % is refused.', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "agency_payment" for each ROW execute function "agency_payment_append_only_fn"();`);

    // Written by hand: MikroORM reads triggers from information_schema, which lists no TRUNCATE trigger.
    this.addSql(`create trigger "no_truncate" before truncate on "invoice" for each statement execute function "invoice_issued_never_changes_fn"();`);
    this.addSql(`create trigger "no_truncate" before truncate on "credit_note" for each statement execute function "credit_note_append_only_fn"();`);
    this.addSql(`create trigger "no_truncate" before truncate on "agency_payment" for each statement execute function "agency_payment_append_only_fn"();`);
    this.addSql(`create trigger "no_truncate" before truncate on "invoice_reminder" for each statement execute function "invoice_reminder_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "no_truncate" on "invoice";`);
    this.addSql(`drop trigger if exists "no_truncate" on "credit_note";`);
    this.addSql(`drop trigger if exists "no_truncate" on "agency_payment";`);
    this.addSql(`drop trigger if exists "no_truncate" on "invoice_reminder";`);
    this.addSql(`alter table "invoice_reminder" drop constraint "invoice_reminder_invoice_id_foreign";`);
    this.addSql(`alter table "credit_note" drop constraint "credit_note_invoice_id_foreign";`);
    this.addSql(`alter table "agency_payment" drop constraint "agency_payment_invoice_id_foreign";`);

    this.addSql(`drop table if exists "document_counter" cascade;`);
    this.addSql(`drop trigger if exists "issued_never_changes" on "invoice";`);
    this.addSql(`drop function if exists "invoice_issued_never_changes_fn"();`);
    this.addSql(`drop table if exists "invoice" cascade;`);
    this.addSql(`drop trigger if exists "append_only" on "invoice_reminder";`);
    this.addSql(`drop function if exists "invoice_reminder_append_only_fn"();`);
    this.addSql(`drop table if exists "invoice_reminder" cascade;`);
    this.addSql(`drop trigger if exists "append_only" on "credit_note";`);
    this.addSql(`drop function if exists "credit_note_append_only_fn"();`);
    this.addSql(`drop table if exists "credit_note" cascade;`);
    this.addSql(`drop trigger if exists "append_only" on "agency_payment";`);
    this.addSql(`drop function if exists "agency_payment_append_only_fn"();`);
    this.addSql(`drop table if exists "agency_payment" cascade;`);
  }

}
