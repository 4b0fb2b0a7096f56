import { Migration } from '@mikro-orm/migrations';

export class Migration20261201181348 extends Migration {

  override name = 'Migration20261201181348';

  override up(): void | Promise<void> {
    this.addSql(`create index "booking_ledger_entry_at_index" on "booking_ledger_entry" ("at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "booking_ledger_entry_at_index";`);
  }

}
