import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';

/**
 * The time left on a hold, ticking each second on screen. Screen readers hear it sparingly: the ticking timer
 * is not live, and a separate live region changes once a minute, at 30 seconds and when the hold lapses.
 */
@Component({
  selector: 'ab-hold-countdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="hold" [class.hold--ending]="secondsLeft() <= 120">
      <p class="line">
        <span id="hold-label">Your seats are held for</span>
        <strong class="clock" role="timer" aria-labelledby="hold-label">{{ clock() }}</strong>
      </p>
      <p class="ab-hint">If the hold lapses before you pay, the seats go back on sale and nothing is charged.</p>
      <p class="ab-visually-hidden" aria-live="polite">{{ announcement() }}</p>
    </div>
  `,
  styles: `
    .hold {
      padding: var(--ab-space-3) var(--ab-space-4);
      border: 1px solid var(--ab-border);
      border-radius: var(--ab-radius);
      background: var(--ab-surface);
      margin-bottom: var(--ab-space-4);
    }
    .hold--ending {
      border-color: var(--ab-warning);
      background: var(--ab-warning-surface);
    }
    .line {
      margin: 0;
      font-size: 1.125rem;
    }
    .clock {
      font-variant-numeric: tabular-nums;
      font-size: 1.5rem;
      margin-left: var(--ab-space-2);
    }
    .ab-hint {
      margin: var(--ab-space-1) 0 0;
    }
  `,
})
export class HoldCountdownComponent {
  /** ISO 8601: when the hold lapses. */
  readonly expiresAt = input.required<string>();
  /** Once, when the time is up. */
  readonly lapsed = output<void>();

  private readonly now = signal(Date.now());
  protected readonly secondsLeft = computed(() =>
    Math.max(0, Math.ceil((Date.parse(this.expiresAt()) - this.now()) / 1000)),
  );
  protected readonly clock = computed(() => {
    const seconds = this.secondsLeft();
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });
  /** Changes only at the moments worth saying aloud, so the live region speaks only then. */
  protected readonly announcement = computed(() => {
    const seconds = this.secondsLeft();
    if (seconds === 0) return 'Your hold has lapsed.';
    if (seconds <= 30) return 'Less than 30 seconds left on your hold.';
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left on your hold.`;
  });

  constructor() {
    // Only the browser ticks: a timer on the server would keep the render from ever finishing.
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.now.set(Date.now());
      const timer = setInterval(() => this.now.set(Date.now()), 1000);
      destroyRef.onDestroy(() => clearInterval(timer));
    });
    let told = false;
    effect(() => {
      if (this.secondsLeft() > 0 || told) return;
      told = true;
      this.lapsed.emit();
    });
  }
}
