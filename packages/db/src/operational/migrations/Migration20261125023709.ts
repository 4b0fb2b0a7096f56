import { Migration } from '@mikro-orm/migrations';

export class Migration20261125023709 extends Migration {

  override name = 'Migration20261125023709';

  override up(): void | Promise<void> {
    this.addSql(`create table "agency" ("id" uuid not null, "legal_name" varchar(200) not null, "display_name" varchar(120) not null, "tax_id" varchar(40) not null, "legal_address" text not null, "contact_email" varchar(254) not null, "description" text not null default '', "status" text not null default 'active', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "agency" add constraint "agency_tax_id_unique" unique ("tax_id");`);

    this.addSql(`create table "employee" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" text not null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "employee" add constraint "employee_email_unique" unique ("email");`);

    this.addSql(`create table "rocket" ("id" uuid not null, "agency_id" uuid not null, "name" varchar(120) not null, "capacity" int not null, "range" text not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "rocket_agency_id_index" on "rocket" ("agency_id");`);
    this.addSql(`alter table "rocket" add constraint "rocket_agency_name_unique" unique ("agency_id", "name");`);

    this.addSql(`create table "launch" ("id" uuid not null, "agency_id" uuid not null, "rocket_id" uuid not null, "mission_name" varchar(120) not null, "destination" text not null, "spaceport" varchar(120) not null, "launch_date" timestamptz not null, "launch_day" date not null, "price_per_seat_cents" bigint not null, "currency" text not null default 'USD', "minimum_passengers" int not null, "status" text not null default 'scheduled', "slug" varchar(200) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "launch_agency_id_index" on "launch" ("agency_id");`);
    this.addSql(`create index "launch_rocket_id_index" on "launch" ("rocket_id");`);
    this.addSql(`alter table "launch" add constraint "launch_slug_unique" unique ("slug");`);
    this.addSql(`create index "launch_status_date_index" on "launch" ("status", "launch_date");`);
    this.addSql(`create unique index "launch_rocket_day_unique" on "launch" ("rocket_id", "launch_day") where status <> 'aborted';`);

    this.addSql(`create table "launch_status_change" ("id" uuid not null, "launch_id" uuid not null, "from_status" text null, "to_status" text not null, "reason" text null, "launch_date" timestamptz null, "changed_by" varchar(254) not null, "changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "launch_status_change_launch_id_index" on "launch_status_change" ("launch_id");`);

    this.addSql(`create table "booking_copy" ("id" uuid not null, "launch_id" uuid not null, "customer_id" uuid not null, "customer_name" varchar(200) not null, "customer_email" varchar(254) not null, "seats" int not null, "passengers" jsonb not null, "unit_price_cents" bigint not null, "total_cents" bigint not null, "currency" text not null default 'USD', "status" text not null, "version" int not null, "booked_at" timestamptz not null, "synced_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "booking_copy_launch_id_index" on "booking_copy" ("launch_id");`);
    this.addSql(`create index "booking_copy_customer_id_index" on "booking_copy" ("customer_id");`);

    this.addSql(`alter table "agency" add constraint "agency_status_check" check ("status" in ('active', 'suspended'));`);

    this.addSql(`alter table "employee" add constraint "employee_role_check" check ("role" in ('support', 'finance', 'admin', 'operator'));`);

    this.addSql(`alter table "rocket" add constraint "rocket_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`);
    this.addSql(`alter table "rocket" add constraint "rocket_capacity_check" check (capacity >= 1 and capacity <= 100);`);
    this.addSql(`alter table "rocket" add constraint "rocket_range_check" check ("range" in ('suborbital', 'orbit', 'moon', 'mars'));`);

    this.addSql(`alter table "launch" add constraint "launch_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`);
    this.addSql(`alter table "launch" add constraint "launch_rocket_id_foreign" foreign key ("rocket_id") references "rocket" ("id");`);
    this.addSql(`alter table "launch" add constraint "launch_day_check" check (launch_day = (launch_date at time zone 'UTC')::date);`);
    this.addSql(`alter table "launch" add constraint "launch_price_check" check (price_per_seat_cents > 0);`);
    this.addSql(`alter table "launch" add constraint "launch_minimum_check" check (minimum_passengers >= 1);`);
    this.addSql(`alter table "launch" add constraint "launch_destination_check" check ("destination" in ('suborbital', 'orbit', 'moon', 'mars'));`);
    this.addSql(`alter table "launch" add constraint "launch_currency_check" check ("currency" in ('USD'));`);
    this.addSql(`alter table "launch" add constraint "launch_status_check" check ("status" in ('scheduled', 'confirmed', 'delayed', 'aborted', 'launched'));`);

    this.addSql(`alter table "launch_status_change" add constraint "launch_status_change_launch_id_foreign" foreign key ("launch_id") references "launch" ("id");`);
    this.addSql(`alter table "launch_status_change" add constraint "launch_status_change_from_status_check" check ("from_status" in ('scheduled', 'confirmed', 'delayed', 'aborted', 'launched'));`);
    this.addSql(`alter table "launch_status_change" add constraint "launch_status_change_to_status_check" check ("to_status" in ('scheduled', 'confirmed', 'delayed', 'aborted', 'launched'));`);

    this.addSql(`alter table "booking_copy" add constraint "booking_copy_launch_id_foreign" foreign key ("launch_id") references "launch" ("id");`);
    this.addSql(`alter table "booking_copy" add constraint "booking_copy_currency_check" check ("currency" in ('USD'));`);
    this.addSql(`alter table "booking_copy" add constraint "booking_copy_status_check" check ("status" in ('held', 'confirmed', 'cancelled', 'expired'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "rocket" drop constraint "rocket_agency_id_foreign";`);
    this.addSql(`alter table "launch" drop constraint "launch_agency_id_foreign";`);
    this.addSql(`alter table "launch" drop constraint "launch_rocket_id_foreign";`);
    this.addSql(`alter table "launch_status_change" drop constraint "launch_status_change_launch_id_foreign";`);
    this.addSql(`alter table "booking_copy" drop constraint "booking_copy_launch_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);
    this.addSql(`drop table if exists "employee" cascade;`);
    this.addSql(`drop table if exists "rocket" cascade;`);
    this.addSql(`drop table if exists "launch" cascade;`);
    this.addSql(`drop table if exists "launch_status_change" cascade;`);
    this.addSql(`drop table if exists "booking_copy" cascade;`);
  }

}
