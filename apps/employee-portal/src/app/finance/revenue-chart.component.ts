import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatMoney, money } from '@astro/domain';

/** One month's bars: the net seat revenue of the agencies' launches and the platform's fees. */
export interface MonthFigures {
  /** `2026-11`. */
  month: string;
  netRevenueCents: number;
  feesCents: number;
}

const width = 640;
const panelHeight = 150;
const top = 28;
const gap = 44;
const left = 8;

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;
const dollars = (cents: number) => formatMoney(money(cents));

/**
 * Revenue and fees per month as an SVG drawn by the server, so it shows before any script runs. Fees are about a
 * hundredth of revenue, so each has its own panel and scale (its largest month named at the top); the figures
 * themselves are in the table beside it, which a screen reader is pointed to.
 */
@Component({
  selector: 'ab-revenue-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      class="chart"
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      role="img"
      [attr.aria-labelledby]="id() + '-title ' + id() + '-desc'"
      preserveAspectRatio="xMidYMid meet"
    >
      <title [attr.id]="id() + '-title'">Revenue and platform fees per month</title>
      <desc [attr.id]="id() + '-desc'">{{ description() }}</desc>
      @for (panel of panels(); track panel.name) {
        <g [attr.transform]="'translate(0,' + panel.y + ')'">
          <text class="panel-title" [attr.x]="left" y="-10">{{ panel.name }} (largest month {{ panel.max }})</text>
          <line
            class="axis"
            [attr.x1]="left"
            [attr.x2]="width - left"
            [attr.y1]="panelHeight"
            [attr.y2]="panelHeight"
          />
          @for (bar of panel.bars; track bar.month) {
            <rect
              [class]="panel.css"
              [attr.x]="bar.x"
              [attr.y]="panelHeight - bar.height"
              [attr.width]="bar.width"
              [attr.height]="bar.height"
            />
            <text class="month" [attr.x]="bar.x + bar.width / 2" [attr.y]="panelHeight + 16" text-anchor="middle">
              {{ bar.label }}
            </text>
          }
        </g>
      }
    </svg>
  `,
  styles: `
    .chart {
      display: block;
      width: 100%;
      height: auto;
      min-width: 36rem;
      max-width: 56rem;
    }
    .revenue {
      fill: var(--ab-accent);
    }
    .fees {
      fill: var(--ab-ink-muted);
    }
    .axis {
      stroke: var(--ab-ink-muted);
    }
    .panel-title {
      font-size: 15px;
      font-weight: 700;
      fill: currentColor;
    }
    .month {
      font-size: 12px;
      fill: currentColor;
    }
  `,
})
export class RevenueChartComponent {
  readonly months = input.required<readonly MonthFigures[]>();
  /** Unique on the page: the chart's title and description are named by it. */
  readonly id = input('revenue-chart');

  protected readonly width = width;
  protected readonly left = left;
  protected readonly panelHeight = panelHeight;
  protected readonly height = top + 2 * panelHeight + gap + 24;

  protected readonly panels = computed(() => {
    const months = this.months();
    const slot = (width - 2 * left) / Math.max(1, months.length);
    const panel = (name: string, css: string, y: number, cents: (m: MonthFigures) => number) => {
      const max = Math.max(0, ...months.map(cents));
      return {
        name,
        css,
        y,
        max: dollars(max),
        bars: months.map((m, index) => ({
          month: m.month,
          label: monthLabel(m.month),
          x: left + index * slot + slot * 0.15,
          width: slot * 0.7,
          height: max === 0 ? 0 : (cents(m) / max) * (panelHeight - 4),
        })),
      };
    };
    return [
      panel('Net seat revenue', 'revenue', top, (m) => m.netRevenueCents),
      panel('Platform fees', 'fees', top + panelHeight + gap, (m) => m.feesCents),
    ];
  });

  protected readonly description = computed(() => {
    const months = this.months();
    if (months.length === 0) return 'No month in the period.';
    const busiest = months.reduce((best, m) => (m.netRevenueCents > best.netRevenueCents ? m : best));
    return (
      `${months.length} months from ${monthLabel(months[0]!.month)} to ${monthLabel(months.at(-1)!.month)}. ` +
      `The most net seat revenue was in ${monthLabel(busiest.month)}: ${dollars(busiest.netRevenueCents)}, ` +
      `with ${dollars(busiest.feesCents)} in fees. The table after the chart has every month's figures.`
    );
  });
}
