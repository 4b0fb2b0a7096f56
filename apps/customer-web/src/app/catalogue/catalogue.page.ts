import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Meta } from '@angular/platform-browser';
import { destinationLabels, ranges, seatLimits, type Destination } from '@astro/domain';
import { MoneyPipe, problemMessage } from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { injectApi } from '../api';

@Component({
  selector: 'ab-catalogue-page',
  imports: [DatePipe, RouterLink, FieldComponent, FieldControlDirective, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalogue.page.html',
  styleUrl: './catalogue.page.css',
})
export class CataloguePage {
  private readonly api = injectApi();

  // The filters live in the URL (bound from its query), so a filtered list can be shared and renders on the server.
  readonly destination = input<string>();
  readonly month = input<string>();
  readonly minPrice = input<string>();
  readonly maxPrice = input<string>();
  readonly seats = input<string>();
  readonly sort = input<string>();
  protected readonly destinations = ranges;
  protected readonly seatLimits = seatLimits;

  protected readonly catalogue = resource({
    id: 'customer.catalogue.list',
    params: () => ({
      destination: ranges.find((range) => range === this.destination()),
      month: /^\d{4}-\d{2}$/.test(this.month() ?? '') ? this.month() : undefined,
      minPriceCents: dollarsToCents(this.minPrice()),
      maxPriceCents: dollarsToCents(this.maxPrice()),
      minSeatsLeft: Number(this.seats()) >= 1 ? Math.min(100, Math.floor(Number(this.seats()))) : undefined,
      sort: this.sort() === 'price' ? ('price' as const) : ('date' as const),
    }),
    loader: ({ params }) => this.api.catalogue.list.query(params),
  });

  constructor() {
    inject(Meta).updateTag({
      name: 'description',
      content:
        'Book a seat on an upcoming space launch: suborbital hops, orbital flights, lunar trips and Mars expeditions.',
    });
  }

  protected destinationLabel(destination: Destination): string {
    return destinationLabels[destination];
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}

function dollarsToCents(value: string | undefined): number | undefined {
  const dollars = Number(value);
  return value && Number.isFinite(dollars) && dollars >= 0 ? Math.round(dollars * 100) : undefined;
}
