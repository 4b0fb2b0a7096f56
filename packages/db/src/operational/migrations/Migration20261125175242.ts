import { Migration } from '@mikro-orm/migrations';

export class Migration20261125175242 extends Migration {

  override name = 'Migration20261125175242';

  override up(): void | Promise<void> {
    this.addSql(`alter table "booking_copy" add "paid_cents" bigint not null default '0', add "refunded_cents" bigint not null default '0';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "booking_copy" drop column "paid_cents", drop column "refunded_cents";`);
  }

}
