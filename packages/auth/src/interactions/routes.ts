/**
 * The sign-in pages oidc-provider hands the browser to (its "interactions"), and the account pages around
 * them: registration, e-mail confirmation, forgotten and new password.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type Response,
  type Router,
} from 'express';
import { errors, type default as Provider } from 'oidc-provider';
import { z } from 'zod';
import { textProblem } from '@astro/domain';
import type { Logger } from '@astro/logging';
import { AccountError, type Accounts } from '../accounts/accounts.service.ts';
import { passwordRule } from '../accounts/password.ts';
import { limitByAddress, waitInWords, type Limits } from '../limits/limits.ts';
import { appClientFor, appClientOf, appClients, sessionRoutes } from '../oidc/clients.ts';
import { html } from '../pages/layout.ts';
import {
  choosePasswordPage,
  consentPage,
  forgotPasswordPage,
  messagePage,
  registerPage,
  resendVerificationPage,
  resetPasswordPage,
  signInPage,
  type FormState,
} from '../pages/account-pages.ts';
import { csrfToken, requireCsrf } from './csrf.ts';

export interface AuthRoutesOptions {
  provider: Provider;
  accounts: Accounts;
  limits: Limits;
  publicUrl: string;
  log: Logger;
}

const registration = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter your full name.')
    .max(120, 'Use at most 120 characters for your name.')
    .superRefine((value, context) => {
      const problem = textProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  email: z.email('Enter an e-mail address like name@example.com.').max(254),
  password: z
    .string()
    .min(passwordRule.minLength, `Use at least ${passwordRule.minLength} characters for your password.`)
    .max(passwordRule.maxLength, `Use at most ${passwordRule.maxLength} characters for your password.`),
});

const statusOf: Record<AccountError['reason'], number> = {
  invalid: 400,
  taken: 409,
  credentials: 401,
  locked: 423,
  throttled: 429,
  unverified: 403,
  link: 410,
  deactivated: 403,
  unknown: 404,
  refused: 409,
  busy: 409,
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const customerSignIn = sessionRoutes(appClientOf('customer')).signIn;
const formLimit = '16kb';

/** Where a sign-in step's forms post; the app's client id stays in them, as in the step's own address. */
const stepActions = (details: { uid: string; params: Record<string, unknown> }) => {
  const path = (action: string) =>
    `/auth/interaction/${details.uid}/${action}?${new URLSearchParams({ client: text(details.params['client_id']) })}`;
  return { login: path('login'), invitation: path('invitation'), consent: path('consent'), abort: path('abort') };
};

/** Where signing in to the app a sign-in step belonged to starts again; the customer site's when unknown. */
const signInAgain = (req: Request) =>
  sessionRoutes(appClients.find((client) => client.clientId === req.query['client']) ?? appClientOf('customer')).signIn;

async function asset(name: string, resolved: string) {
  return { name, css: await readFile(resolved, 'utf8') };
}

export async function authRoutes(options: AuthRoutesOptions): Promise<Router> {
  const { provider, accounts, limits } = options;
  const log = options.log.child('auth');
  const secure = options.publicUrl.startsWith('https:');
  const csrf = requireCsrf(new URL(options.publicUrl).origin);
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: formLimit }));

  const assets = await Promise.all([
    asset('tokens.css', fileURLToPath(import.meta.resolve('@astro/web-kit/styles/tokens.css'))),
    asset('auth.css', fileURLToPath(new URL('../pages/auth.css', import.meta.url))),
  ]);
  for (const { name, css } of assets) {
    router.get(`/assets/${name}`, (_req, res) => {
      res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').send(css);
    });
  }

  const noStore = (res: Response) => res.setHeader('Cache-Control', 'no-store');
  const clientName = (clientId: unknown) =>
    appClients.find((client) => client.clientId === clientId)?.name ?? String(clientId);

  // The sign-in step of an authorization request.
  router.get('/interaction/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      noStore(res);
      const actions = stepActions(details);
      if (details.prompt.name === 'login' && text(details.params['invitation'])) {
        res.send(
          choosePasswordPage({
            csrf: csrfToken(req, res, secure),
            action: actions.invitation,
            clientName: clientName(details.params['client_id']),
          }),
        );
        return;
      }
      if (details.prompt.name === 'login') {
        res.send(
          signInPage({
            csrf: csrfToken(req, res, secure),
            action: actions.login,
            abortAction: actions.abort,
            clientName: clientName(details.params['client_id']),
            offerRegistration: details.params['client_id'] === appClientOf('customer').clientId,
            values: { email: text(details.params['login_hint']) },
          }),
        );
        return;
      }
      res.send(
        consentPage({
          csrf: csrfToken(req, res, secure),
          action: actions.consent,
          abortAction: actions.abort,
          clientName: clientName(details.params['client_id']),
          scopes: text(details.params['scope']).split(' ').filter(Boolean),
        }),
      );
    } catch (error) {
      next(error);
    }
  });

  type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;
  /**
   * A step that signs a person in: finds its interaction, lets `authenticate` name the account, and finishes the
   * login; an account's refusal is answered by `refused` with the step's page, anything else fails as an error.
   */
  const signInStep =
    (
      authenticate: (req: Request, details: Interaction) => Promise<{ id: string }>,
      refused: (req: Request, res: Response, details: Interaction, error: AccountError) => void,
    ) =>
    async (req: Request, res: Response, next: NextFunction) => {
      let details: Interaction;
      try {
        details = await provider.interactionDetails(req, res);
      } catch (error) {
        next(error);
        return;
      }
      try {
        const user = await authenticate(req, details);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.id } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        if (!(error instanceof AccountError)) {
          next(error);
          return;
        }
        noStore(res);
        refused(req, res, details, error);
      }
    };

  router.post(
    '/interaction/:uid/login',
    csrf,
    signInStep(
      (req) =>
        accounts.signIn({
          email: text(req.body.email),
          password: text(req.body.password),
          address: req.ip ?? 'unknown',
        }),
      (req, res, details, error) => {
        if (error.retryAfterSeconds) res.setHeader('Retry-After', String(error.retryAfterSeconds));
        res.status(statusOf[error.reason]).send(
          signInPage({
            csrf: csrfToken(req, res, secure),
            action: stepActions(details).login,
            abortAction: stepActions(details).abort,
            clientName: clientName(details.params['client_id']),
            offerRegistration: details.params['client_id'] === appClientOf('customer').clientId,
            values: { email: text(req.body.email) },
            problem: error.message,
          }),
        );
      },
    ),
  );

  // An invitation's step: the token came with the authorization request (never from this form), is used up once
  // however many submissions bring it, and the password it sets signs the person in to the app that asked.
  router.post(
    '/interaction/:uid/invitation',
    csrf,
    signInStep(
      async (req, details) => {
        const user = await accounts.resetPassword(text(details.params['invitation']), text(req.body.password));
        log.info('Invitation accepted', { userId: user.id });
        return user;
      },
      (req, res, details, error) => {
        if (error.reason === 'link') {
          res.status(statusOf[error.reason]).send(
            messagePage({
              title: 'This invitation was already used',
              message:
                'It has expired or its password was already chosen. Sign in with your password, or choose a new one if you have forgotten it.',
              links: html`<p class="actions">
                <a href="${signInAgain(req)}">Sign in</a> <a href="/auth/forgot-password">Forgot your password?</a>
              </p>`,
            }),
          );
          return;
        }
        res.status(statusOf[error.reason]).send(
          choosePasswordPage({
            csrf: csrfToken(req, res, secure),
            action: stepActions(details).invitation,
            clientName: clientName(details.params['client_id']),
            problem: error.message,
            fieldErrors: error.reason === 'invalid' ? { password: error.message } : undefined,
          }),
        );
      },
    ),
  );

  router.post('/interaction/:uid/consent', csrf, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params['client_id']) });
      const missing = (details.prompt.details['missingOIDCScope'] as string[] | undefined) ?? [];
      if (missing.length) grant!.addOIDCScope(missing.join(' '));
      const grantId = await grant!.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  router.post('/interaction/:uid/abort', csrf, async (req, res, next) => {
    try {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The sign-in was cancelled.' },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });

  router.get('/register', (req, res) => {
    noStore(res);
    res.send(registerPage({ csrf: csrfToken(req, res, secure) }));
  });

  router.post('/register', csrf, async (req, res, next) => {
    const values = { name: text(req.body.name), email: text(req.body.email) };
    const parsed = registration.safeParse({ ...values, password: text(req.body.password) });
    noStore(res);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      res.status(400).send(
        registerPage({
          csrf: csrfToken(req, res, secure),
          values,
          fieldErrors,
          problem: 'Please correct the fields marked below.',
        }),
      );
      return;
    }
    try {
      const attempt = await limits.registrationsPerAddress.attempt(req.ip ?? 'unknown');
      if (!attempt.allowed) {
        log.warn('Registration refused: too many from one address', { address: req.ip });
        res
          .status(429)
          .setHeader('Retry-After', String(attempt.retryAfterSeconds))
          .send(
            registerPage({
              csrf: csrfToken(req, res, secure),
              values,
              problem: `Too many accounts were registered from your network. Try again in ${waitInWords(attempt.retryAfterSeconds)}.`,
            }),
          );
        return;
      }
      // The same answer whether the address is new or already has an account (whose owner gets an e-mail).
      await accounts.registerCustomer(parsed.data);
      res.status(201).send(
        messagePage({
          title: 'Check your e-mail',
          message: `We sent a link to ${parsed.data.email}. Open it to confirm your address, then sign in.`,
        }),
      );
    } catch (error) {
      if (!(error instanceof AccountError)) return next(error);
      res
        .status(statusOf[error.reason])
        .send(registerPage({ csrf: csrfToken(req, res, secure), values, problem: error.message }));
    }
  });

  router.get('/verify-email', async (req, res, next) => {
    noStore(res);
    try {
      await accounts.verifyEmail(text(req.query['token']));
      res.send(
        messagePage({
          title: 'Your e-mail address is confirmed',
          message: 'Thank you. You can now sign in to Astro Bookings.',
          links: html`<p class="actions"><a href="${customerSignIn}">Sign in</a></p>`,
        }),
      );
    } catch (error) {
      if (!(error instanceof AccountError)) return next(error);
      res
        .status(statusOf[error.reason])
        .send(resendVerificationPage({ csrf: csrfToken(req, res, secure), problem: error.message }));
    }
  });

  router.get('/forgot-password', (req, res) => {
    noStore(res);
    res.send(forgotPasswordPage({ csrf: csrfToken(req, res, secure) }));
  });

  /** Forms that send a link to an address answer the same whether or not an account has it. */
  const sendLinkForm = (
    path: string,
    send: (email: string) => Promise<void>,
    render: (state: FormState) => string,
    notice: string,
  ) =>
    router.post(
      path,
      csrf,
      limitByAddress(limits.linkRequestsPerAddress, (req, res, retryAfterSeconds) => {
        log.warn('Link request refused: too many from one address', { address: req.ip });
        res.send(
          render({
            csrf: csrfToken(req, res, secure),
            values: { email: text(req.body.email) },
            problem: `Too many links were asked for from your network. Try again in ${waitInWords(retryAfterSeconds)}.`,
          }),
        );
      }),
      async (req, res, next) => {
        const email = text(req.body.email);
        try {
          await send(email);
        } catch (error) {
          return next(error);
        }
        noStore(res);
        res.send(render({ csrf: csrfToken(req, res, secure), values: { email }, notice }));
      },
    );
  sendLinkForm(
    '/verify-email/resend',
    accounts.resendVerification,
    resendVerificationPage,
    'If that address has an account waiting for confirmation, a new link is on its way.',
  );
  sendLinkForm(
    '/forgot-password',
    accounts.requestPasswordReset,
    forgotPasswordPage,
    'If that address has an account, a link to choose a new password is on its way. It works for one hour.',
  );

  router.get('/reset-password', (req, res) => {
    noStore(res);
    res.send(resetPasswordPage({ csrf: csrfToken(req, res, secure), token: text(req.query['token']) }));
  });

  router.post('/reset-password', csrf, async (req, res, next) => {
    const token = text(req.body.token);
    noStore(res);
    try {
      const user = await accounts.resetPassword(token, text(req.body.password));
      res.send(
        messagePage({
          title: 'Your password is saved',
          message: 'You can sign in with it now.',
          links: html`<p class="actions">
            <a href="${sessionRoutes(appClientFor(user.roles)).signIn}">Sign in</a>
          </p>`,
        }),
      );
    } catch (error) {
      if (!(error instanceof AccountError)) return next(error);
      const fieldErrors = error.reason === 'invalid' ? { password: error.message } : undefined;
      res
        .status(statusOf[error.reason])
        .send(resetPasswordPage({ csrf: csrfToken(req, res, secure), token, problem: error.message, fieldErrors }));
    }
  });

  // What a browser can send that no page here can take: a step that has ended, an oversized or unreadable form.
  const refusal: ErrorRequestHandler = (error: { type?: unknown; status?: unknown }, req, res, next) => {
    if (res.headersSent) return next(error);
    noStore(res);
    if (error instanceof errors.SessionNotFound) {
      res.status(410).send(
        messagePage({
          title: 'This sign-in step has expired',
          message:
            'It was already finished or has run out, for example after signing in and going back to it. Start signing in again; if you are still signed in, it takes you straight back.',
          links: html`<p class="actions"><a href="${signInAgain(req)}">Sign in again</a></p>`,
        }),
      );
      return;
    }
    if (error.type === 'entity.too.large' || error.type === 'parameters.too.many') {
      res.status(413).send(
        messagePage({
          title: 'This form is too large',
          message: `What was sent is more than this form takes (${formLimit.replace('kb', ' KB')}). Go back, shorten what you typed and send it again.`,
        }),
      );
      return;
    }
    // The body parser's other refusals (unreadable encoding, a cut-off body) carry their own 4xx status.
    if (typeof error.type === 'string' && typeof error.status === 'number' && error.status < 500) {
      res.status(error.status).send(
        messagePage({
          title: 'This form could not be read',
          message: 'What was sent is not a form this page takes. Go back, reload the page and try again.',
        }),
      );
      return;
    }
    next(error);
  };
  router.use(refusal);

  log.debug('Sign-in pages ready');
  return router;
}
