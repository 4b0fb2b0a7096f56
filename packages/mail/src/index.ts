export * from './transport.ts';
export {
  renderTemplate,
  launchTime,
  isTemplateName,
  templateNames,
  type TemplateData,
  type TemplateName,
} from './templates/templates.ts';
export type { RenderedEmail } from './templates/layout.ts';
export type { Transporter } from 'nodemailer';
