/** Where the e2e system's databases are, and the e-mails it has queued: the test's view of a mailbox. */
import { readFile } from 'node:fs/promises';
import { openSystemDb, Email } from '@astro/db/system';

export const e2eServicesFile = 'test-results/e2e-services.json';

/** The newest e-mail of a kind queued for a recipient (issue 7 sends them; here they wait in the outbox). */
export async function latestEmail(recipient: string, template: string): Promise<Email> {
  const { mongoUrl } = JSON.parse(await readFile(e2eServicesFile, 'utf8')) as { mongoUrl: string };
  const system = await openSystemDb(mongoUrl, 'astro_system');
  try {
    const email = await system.em
      .fork()
      .findOne(Email, { recipient: recipient.toLowerCase(), template }, { orderBy: { createdAt: 'desc' } });
    if (!email) throw new Error(`No ${template} e-mail for ${recipient} in the outbox`);
    return email;
  } finally {
    await system.close();
  }
}
