export { seedDemoWorld, seedDemoWorldWhenEmpty, type SeedOutcome, type SeedReport } from './demo-world.ts';
export { demoAgencies, demoEmployees } from './demo-world.data.ts';
