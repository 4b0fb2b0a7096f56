import { loadConfig } from '@astro/config';
import { openStores, prepareStores } from './stores.ts';
import { seedDemoWorldWhenEmpty } from './seed/index.ts';
const config = loadConfig({
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/astro_scratch',
  MONGO_URL: 'mongodb://127.0.0.1:27099/',
  SMTP_URL: 'smtp://127.0.0.1:1025',
});
const stores = await openStores(config);
console.time('prepare');
console.log(await prepareStores(stores));
console.timeEnd('prepare');
console.time('seed');
console.log(JSON.stringify(await seedDemoWorldWhenEmpty(stores, new Date())));
console.timeEnd('seed');
console.log(JSON.stringify(await seedDemoWorldWhenEmpty(stores, new Date())));
await stores.close();
