import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** One bar: a measurement (a run's duration, a check's latency), or none for a failure, drawn full height. */
export interface ChartBar {
  value: number | null;
  /** What the bar says to a pointer or a screen reader, e.g. "Succeeded in 12 ms". */
  label: string;
  bad: boolean;
}

const barStep = 12;
const chartHeight = 32;

/**
 * A small bar chart of measurements over time, oldest first, scaled to the largest. It squeezes to the width it
 * has (a narrow screen), so many bars stay one chart. The page says what it shows in words beside it.
 */
@Component({
  selector: 'ab-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      role="img"
      [attr.viewBox]="'0 0 ' + width() + ' ' + height"
      [attr.width]="width()"
      [attr.height]="height"
      preserveAspectRatio="none"
    >
      <title>{{ title() }}</title>
      @for (bar of drawn(); track $index) {
        <rect
          [attr.x]="bar.x"
          [attr.y]="height - bar.height"
          width="9"
          [attr.height]="bar.height"
          [class.bad]="bar.bad"
        >
          <title>{{ bar.label }}</title>
        </rect>
      }
    </svg>
  `,
  styles: `
    svg {
      display: block;
      max-width: 100%;
    }
    rect {
      fill: var(--ab-success);
    }
    rect.bad {
      fill: var(--ab-danger);
    }
  `,
})
export class BarChartComponent {
  readonly bars = input.required<ChartBar[]>();
  /** The chart's name for a screen reader. */
  readonly title = input.required<string>();
  protected readonly height = chartHeight;
  protected readonly width = computed(() => Math.max(1, this.bars().length) * barStep);

  protected readonly drawn = computed(() => {
    const bars = this.bars();
    const largest = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
    return bars.map((bar, index) => ({
      x: index * barStep,
      height: bar.value === null ? chartHeight - 2 : Math.max(1, Math.round((bar.value / largest) * (chartHeight - 2))),
      label: bar.label,
      bad: bar.bad,
    }));
  });
}
