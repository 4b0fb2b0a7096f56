/**
 * Every e-mail of SPEC.md §7: what each says, from the data its event recorded in the outbox. Links are stored
 * as paths and made absolute here, so an e-mail always points at the address the product is served from.
 */
import { formatMoney, holdLengthInWords, money, type Currency } from '@astro/domain';
import { renderEmail, type EmailContent, type RenderedEmail } from './layout.ts';

interface Launch {
  missionName: string;
  /** ISO 8601 */
  launchDate: string;
  /** The reader's IANA time zone, when known. */
  timeZone?: string;
}

export interface TemplateData {
  'verify-email': { name: string; link: string; expiresInMinutes: number };
  'reset-password': { name: string; link: string; expiresInMinutes: number };
  'account-invitation': { name: string; link: string; expiresInMinutes: number };
  'registration-attempt': { name: string; path: string };
  'booking-confirmed': Launch & { name: string; seats: number; totalCents: number; currency: Currency; path: string };
  'booking-confirmed-agency': Launch & {
    agencyName: string;
    customerName: string;
    seats: number;
    totalCents: number;
    currency: Currency;
    path: string;
  };
  'booking-cancelled': Launch & {
    name: string;
    seats: number;
    refundCents: number;
    currency: Currency;
    reason: string;
    path: string;
  };
  'booking-cancelled-agency': Launch & {
    agencyName: string;
    customerName: string;
    seats: number;
    reason: string;
    path: string;
  };
  /** `holdMinutes`: how long this hold was given (10 minutes, or 24 hours for a waiting-list priority hold). */
  'hold-expired': { name: string; missionName: string; seats: number; holdMinutes: number; path: string };
  'waiting-list-offer': { name: string; missionName: string; seats: number; hours: number; path: string };
  'launch-status': Launch & {
    name: string;
    status: 'confirmed' | 'delayed' | 'aborted' | 'launched';
    reason: string | null;
    path: string;
  };
  'launch-reminder': Launch & { name: string; spaceport: string; seats: number; path: string };
  'new-launch': Launch & {
    name: string;
    destination: string;
    pricePerSeatCents: number;
    currency: Currency;
    path: string;
  };
  'invoice-issued': {
    agencyName: string;
    invoiceNumber: string;
    amountCents: number;
    currency: Currency;
    dueDate: string;
    path: string;
  };
  'invoice-overdue': {
    agencyName: string;
    invoiceNumber: string;
    amountCents: number;
    currency: Currency;
    dueDate: string;
    path: string;
    /** Whole days past the due date when the reminder was queued, and what was still owed then. */
    daysOverdue: number;
    outstandingCents: number;
  };
}
export type TemplateName = keyof TemplateData;

/** "Sat, 13 March 2027, 14:00 UTC (09:00 in America/Chicago)": always UTC, and the reader's zone when known. */
export function launchTime(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  const utc = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  if (!timeZone || timeZone === 'UTC') return `${utc} UTC`;
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  }).format(at);
  return `${utc} UTC (${local} in ${timeZone})`;
}

const cents = (amount: number, currency: Currency) => formatMoney(money(amount, currency));
const seatsWord = (seats: number) => `${seats} ${seats === 1 ? 'seat' : 'seats'}`;
const when = (launch: Launch): [string, string] => ['Launch', launchTime(launch.launchDate, launch.timeZone)];

type Url = (path: string) => string;
const templates: { [Name in TemplateName]: (data: TemplateData[Name], url: Url) => EmailContent } = {
  'verify-email': (d) => ({
    subject: 'Confirm your e-mail address',
    heading: `Welcome aboard, ${d.name}`,
    paragraphs: [
      `Confirm this is your address to finish creating your account. The link works for ${Math.round(d.expiresInMinutes / 60)} hours.`,
    ],
    action: { label: 'Confirm my e-mail address', url: d.link },
  }),
  'reset-password': (d) => ({
    subject: 'Choose a new password',
    heading: `Hello ${d.name}`,
    paragraphs: [
      `Someone asked to reset the password of your account. The link works for ${d.expiresInMinutes} minutes; if it was not you, ignore this e-mail.`,
    ],
    action: { label: 'Choose a new password', url: d.link },
  }),
  'account-invitation': (d) => ({
    subject: 'Your Astro Bookings account is ready',
    heading: `Hello ${d.name}`,
    paragraphs: [
      `An account was created for you. Choose your password to sign in; the link works for ${Math.round(d.expiresInMinutes / 1440)} days.`,
    ],
    action: { label: 'Choose my password', url: d.link },
  }),
  'registration-attempt': (d, url) => ({
    subject: 'Someone tried to register with your e-mail address',
    heading: `Hello ${d.name}`,
    paragraphs: [
      'Someone tried to create a new Astro Bookings account with this e-mail address, which already has one. Your account is unchanged.',
      'If it was you, sign in with your password, or choose a new one if you have forgotten it. If it was not you, you need do nothing.',
    ],
    action: { label: 'Choose a new password', url: url(d.path) },
  }),
  'booking-confirmed': (d, url) => ({
    subject: `Booking confirmed: ${d.missionName}`,
    heading: `You are going to space, ${d.name}`,
    paragraphs: ['Your payment went through and your seats are confirmed. Keep this e-mail as your receipt.'],
    details: [
      ['Mission', d.missionName],
      when(d),
      ['Seats', seatsWord(d.seats)],
      ['Paid', cents(d.totalCents, d.currency)],
    ],
    action: { label: 'See my booking', url: url(d.path) },
  }),
  'booking-confirmed-agency': (d, url) => ({
    subject: `New booking on ${d.missionName}`,
    heading: `${d.customerName} booked ${seatsWord(d.seats)}`,
    paragraphs: [`A booking on your launch ${d.missionName} is confirmed and paid.`],
    details: [
      ['Mission', d.missionName],
      when(d),
      ['Seats', seatsWord(d.seats)],
      ['Amount', cents(d.totalCents, d.currency)],
    ],
    action: { label: 'See the launch', url: url(d.path) },
  }),
  'booking-cancelled': (d, url) => ({
    subject: `Booking cancelled: ${d.missionName}`,
    heading: `Your booking is cancelled, ${d.name}`,
    paragraphs: [
      d.reason,
      d.refundCents > 0
        ? `We are refunding ${cents(d.refundCents, d.currency)} to your card.`
        : 'No refund is due for this cancellation.',
    ],
    details: [
      ['Mission', d.missionName],
      when(d),
      ['Seats', seatsWord(d.seats)],
      ['Refund', cents(d.refundCents, d.currency)],
    ],
    action: { label: 'See my booking', url: url(d.path) },
  }),
  'booking-cancelled-agency': (d, url) => ({
    subject: `Booking cancelled on ${d.missionName}`,
    heading: `${d.customerName} no longer flies`,
    paragraphs: [`A booking of ${seatsWord(d.seats)} on ${d.missionName} was cancelled. ${d.reason}`],
    details: [['Mission', d.missionName], when(d), ['Seats freed', seatsWord(d.seats)]],
    action: { label: 'See the launch', url: url(d.path) },
  }),
  'hold-expired': (d, url) => {
    const one = d.seats === 1;
    return {
      subject: `Your hold on ${d.missionName} has lapsed`,
      heading: `Your ${one ? 'seat was' : 'seats were'} released, ${d.name}`,
      paragraphs: [
        `The ${seatsWord(d.seats)} held for you on ${d.missionName} ${one ? 'was' : 'were'} not paid within ${holdLengthInWords(d.holdMinutes)}, so we released ${one ? 'it' : 'them'}. Nothing was charged.`,
      ],
      action: { label: 'Book again', url: url(d.path) },
    };
  },
  'waiting-list-offer': (d, url) => ({
    subject: `Seats are free on ${d.missionName}: they are yours for ${d.hours} hours`,
    heading: `Good news, ${d.name}`,
    paragraphs: [
      `Seats came back on ${d.missionName} and you were first in line. We are holding ${seatsWord(d.seats)} for you for ${d.hours} hours.`,
    ],
    action: { label: 'Pay for my seats', url: url(d.path) },
  }),
  'launch-status': (d, url) => {
    const byStatus: Record<typeof d.status, [string, string]> = {
      confirmed: ['is confirmed', 'Enough seats are booked: the launch will fly.'],
      delayed: ['is delayed', 'The launch has a new date.'],
      aborted: [
        'is aborted',
        'The launch will not fly. Your booking is cancelled and everything you paid is refunded.',
      ],
      launched: ['has launched', 'Congratulations on your flight. It counts towards your trips flown.'],
    };
    const words = byStatus[d.status];
    return {
      subject: `${d.missionName} ${words[0]}`,
      heading: `${d.missionName} ${words[0]}`,
      paragraphs: [`Hello ${d.name},`, words[1], ...(d.reason ? [`Reason: ${d.reason}`] : [])],
      details: [['Mission', d.missionName], when(d)],
      action: { label: 'See my bookings', url: url(d.path) },
    };
  },
  'launch-reminder': (d, url) => ({
    subject: `${d.missionName} launches in 7 days`,
    heading: `One week to go, ${d.name}`,
    paragraphs: [`Your launch is a week away. Please be at ${d.spaceport} in good time.`],
    details: [['Mission', d.missionName], when(d), ['Spaceport', d.spaceport], ['Seats', seatsWord(d.seats)]],
    action: { label: 'See my booking', url: url(d.path) },
  }),
  'new-launch': (d, url) => ({
    subject: `New launch to ${d.destination}: ${d.missionName}`,
    heading: `A new launch for you, ${d.name}`,
    paragraphs: ['As one of our VIP travelers you hear of new launches first.'],
    details: [
      ['Mission', d.missionName],
      ['Destination', d.destination],
      when(d),
      ['Price per seat', cents(d.pricePerSeatCents, d.currency)],
    ],
    action: { label: 'See the launch', url: url(d.path) },
  }),
  'invoice-issued': (d, url) => ({
    subject: `Invoice ${d.invoiceNumber} from Astro Bookings`,
    heading: `Invoice ${d.invoiceNumber}`,
    paragraphs: [`Hello ${d.agencyName}, a new invoice is ready.`],
    details: [
      ['Amount', cents(d.amountCents, d.currency)],
      ['Due', d.dueDate],
    ],
    action: { label: 'See the invoice', url: url(d.path) },
  }),
  'invoice-overdue': (d, url) => ({
    subject: `Invoice ${d.invoiceNumber} is overdue`,
    heading: `Invoice ${d.invoiceNumber} is overdue`,
    paragraphs: [
      `Hello ${d.agencyName}, this invoice was due on ${d.dueDate} and is ${d.daysOverdue} ${d.daysOverdue === 1 ? 'day' : 'days'} overdue. Please pay what is outstanding.`,
    ],
    details: [
      ['Outstanding', cents(d.outstandingCents, d.currency)],
      ['Invoice amount', cents(d.amountCents, d.currency)],
      ['Due', d.dueDate],
    ],
    action: { label: 'See the invoice', url: url(d.path) },
  }),
};

/** Every kind of e-mail the product sends, for lists that filter by it. */
export const templateNames = Object.keys(templates) as TemplateName[];

export const isTemplateName = (name: string): name is TemplateName => name in templates;

export function renderTemplate(name: string, data: Record<string, unknown>, publicUrl: string): RenderedEmail {
  if (!isTemplateName(name)) throw new Error(`There is no e-mail template named "${name}"`);
  const render = templates[name] as (data: unknown, url: Url) => EmailContent;
  return renderEmail(render(data, (path) => new URL(path, publicUrl).href));
}
