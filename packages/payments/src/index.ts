export * from './gateway.ts';
export { cardProblem, cardProblems, luhnValid } from './card.ts';
export { sandboxGateway, sandboxCards } from './sandbox.ts';
