import { Migration } from '@mikro-orm/migrations';

export class Migration20261125044120 extends Migration {

  override name = 'Migration20261125044120';

  override up(): void | Promise<void> {
    this.addSql(`create table "sync_outbox" ("id" uuid not null, "kind" varchar(80) not null, "target" varchar(40) not null, "entity_type" varchar(40) not null, "entity_id" varchar(80) not null, "entity_version" int not null, "payload" jsonb not null, "correlation_id" varchar(120) null, "created_at" timestamptz not null, "relayed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "sync_outbox_pending_index" on "sync_outbox" ("relayed_at", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sync_outbox" cascade;`);
  }

}
