export {
  seedDemoWorld,
  seedDemoWorldWhenEmpty,
  type SeedOptions,
  type SeedOutcome,
  type SeedReport,
} from './demo-world.ts';
export { demoAgencies, demoEmployees, demoPassword, demoTravelerEmails } from './demo-world.data.ts';
