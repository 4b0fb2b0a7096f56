import { Migration } from '@mikro-orm/migrations';

export class Migration20261201155156 extends Migration {

  override name = 'Migration20261201155156';

  override up(): void | Promise<void> {
    this.addSql(`alter table "booking_copy" add "customer_phone" varchar(40) null, add "customer_emergency_contact" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "booking_copy" drop column "customer_phone", drop column "customer_emergency_contact";`);
  }

}
