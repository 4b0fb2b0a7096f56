import { Migration } from '@mikro-orm/migrations';

export class Migration20261201090351 extends Migration {

  override name = 'Migration20261201090351';

  override up(): void | Promise<void> {
    this.addSql(`alter table "launch" add "capacity_conflict" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "launch" drop column "capacity_conflict";`);
  }

}
