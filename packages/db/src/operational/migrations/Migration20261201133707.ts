import { Migration } from '@mikro-orm/migrations';

export class Migration20261201133707 extends Migration {

  override name = 'Migration20261201133707';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "actor_account_id" varchar(80) not null, "actor_email" varchar(254) not null, "actor_role" varchar(40) not null, "action" varchar(80) not null, "target_type" varchar(40) not null, "target_id" varchar(80) not null, "before" jsonb null, "after" jsonb null, "reason" text null, "at" timestamptz not null, "correlation_id" varchar(120) null, primary key ("id"));`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at", "id");`);
    this.addSql(`create index "audit_entry_target_index" on "audit_entry" ("target_type", "target_id", "at");`);
    this.addSql(`create index "audit_entry_actor_index" on "audit_entry" ("actor_account_id", "at");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action", "at");`);

    this.addSql(`create table "booking_status_entry" ("id" uuid not null, "booking_id" uuid not null, "from_status" text null, "to_status" text not null, "actor" text null, "actor_email" varchar(254) null, "reason" text null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "booking_status_entry_booking_at_index" on "booking_status_entry" ("booking_id", "at");`);

    this.addSql(`create table "booking_ledger_entry" ("id" uuid not null, "booking_id" uuid not null, "kind" text not null, "amount_cents" bigint not null, "currency" text not null, "gateway_reference" varchar(200) not null, "reason" text null, "actor" text null, "actor_email" varchar(254) null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "booking_ledger_entry_booking_at_index" on "booking_ledger_entry" ("booking_id", "at");`);

    this.addSql(`create or replace function "audit_entry_append_only_fn"() returns trigger as \$\$ begin raise exception 'The audit trail is append-only: % on audit_entry is refused.', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "audit_entry" for each ROW execute function "audit_entry_append_only_fn"();`);
    // Written by hand: MikroORM reads triggers from information_schema, which lists no TRUNCATE trigger, so this one
    // is not declared on the entity (the schema diff would drop it).
    this.addSql(`create trigger "no_truncate" before truncate on "audit_entry" for each statement execute function "audit_entry_append_only_fn"();`);

    this.addSql(`alter table "booking_status_entry" add constraint "booking_status_entry_booking_id_foreign" foreign key ("booking_id") references "booking_copy" ("id");`);
    this.addSql(`alter table "booking_status_entry" add constraint "booking_status_entry_from_status_check" check ("from_status" in ('held', 'confirmed', 'cancelled', 'expired'));`);
    this.addSql(`alter table "booking_status_entry" add constraint "booking_status_entry_to_status_check" check ("to_status" in ('held', 'confirmed', 'cancelled', 'expired'));`);
    this.addSql(`alter table "booking_status_entry" add constraint "booking_status_entry_actor_check" check ("actor" in ('traveler', 'employee', 'system'));`);

    this.addSql(`alter table "booking_ledger_entry" add constraint "booking_ledger_entry_booking_id_foreign" foreign key ("booking_id") references "booking_copy" ("id");`);
    this.addSql(`alter table "booking_ledger_entry" add constraint "booking_ledger_entry_amount_check" check (amount_cents >= 0);`);
    this.addSql(`alter table "booking_ledger_entry" add constraint "booking_ledger_entry_kind_check" check ("kind" in ('payment', 'refund'));`);
    this.addSql(`alter table "booking_ledger_entry" add constraint "booking_ledger_entry_currency_check" check ("currency" in ('USD'));`);
    this.addSql(`alter table "booking_ledger_entry" add constraint "booking_ledger_entry_actor_check" check ("actor" in ('traveler', 'employee', 'system'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "no_truncate" on "audit_entry";`);
    this.addSql(`drop trigger if exists "append_only" on "audit_entry";`);
    this.addSql(`drop function if exists "audit_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "booking_status_entry" cascade;`);
    this.addSql(`drop table if exists "booking_ledger_entry" cascade;`);
  }

}
