/** Whether an action may be taken now, and if not, why: the portal shows the reason, the API refuses with it. */
export type Availability = { allowed: true } | { allowed: false; reason: string };

export const allowed: Availability = { allowed: true };
export const unavailable = (reason: string): Availability => ({ allowed: false, reason });
