export * from './gateway.ts';
export { cardProblem, luhnValid } from './card.ts';
export { sandboxGateway, sandboxCards } from './sandbox.ts';
