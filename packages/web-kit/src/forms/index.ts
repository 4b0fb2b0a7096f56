/**
 * The one form idiom of the apps (see `submission.ts`), an entry of its own so that only the pages with a form
 * load Angular's forms: the app's first bundle imports the package's main entry. A plain form (a list's GET filters)
 * lays out its fields from `@astro/web-kit/field`, which loads none of Angular's forms.
 */
export { FieldComponent } from './field.ts';
export { SignalFieldControlDirective as FieldControlDirective } from './signal-field-control.ts';
export { ErrorSummaryComponent } from './error-summary.component.ts';
export { injectSubmission, type FieldProblems, type Submission, type SubmissionOptions } from './submission.ts';
// A filter form with period fields, so it loads with the forms it is made of.
export { PeriodFormComponent } from '../finance/period-form.component.ts';
