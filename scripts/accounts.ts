/**
 * Account administration from the command line, against the configured databases:
 *   pnpm accounts create --email a@b.example --name "Full Name" --role operator [--role admin] [--agency <id>]
 *   pnpm accounts partner --name "Launch Finder"      (a machine client for the public catalogue)
 *   pnpm accounts rotate-signing-key                  (hosts sign with the new key from their next start)
 * New staff accounts get an e-mailed invitation to set their password.
 */
import { parseArgs } from 'node:util';
import { createAccounts, registerPartnerClient, rotateSigningKey, staffRoles, type StaffRole } from '@astro/auth';
import { loadConfig } from '@astro/config';
import { openStores } from '@astro/db';
import { createLogger } from '@astro/logging';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    agency: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const config = loadConfig();
const stores = await openStores(config);
const log = createLogger({ service: 'accounts-cli', level: config.logLevel });
try {
  switch (positionals[0]) {
    case 'create': {
      const roles = (values.role ?? []) as StaffRole[];
      if (!values.email || !values.name || roles.length === 0) fail('Give --email, --name and at least one --role.');
      const unknown = roles.filter((role) => !staffRoles.includes(role));
      if (unknown.length) fail(`Unknown role ${unknown.join(', ')}; use ${staffRoles.join(', ')}.`);
      const accounts = createAccounts({ system: stores.system, log, publicUrl: config.publicUrl });
      const { user, invitationLink } = await accounts.createStaffAccount(
        { email: values.email, name: values.name, roles, agencyId: values.agency ?? null },
        { userId: null },
      );
      console.log(`Created ${user.email} (${user.roles.join(', ')}). Invitation queued: ${invitationLink}`);
      break;
    }
    case 'partner': {
      if (!values.name) fail('Give the partner a --name.');
      const { clientId, clientSecret } = await registerPartnerClient(stores.system, values.name);
      console.log(`client_id: ${clientId}\nclient_secret: ${clientSecret}\n(The secret is shown only now.)`);
      break;
    }
    case 'rotate-signing-key':
      console.log(`New signing key ${await rotateSigningKey(stores.system)}; restart the hosts to sign with it.`);
      break;
    default:
      fail('Use one of: create, partner, rotate-signing-key (see the top of scripts/accounts.ts).');
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await log.flush();
  await stores.close();
}
