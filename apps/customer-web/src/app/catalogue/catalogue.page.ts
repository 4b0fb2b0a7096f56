import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { Meta } from '@angular/platform-browser';
import { destinationLabels, formatMoney, money, type Currency, type Destination } from '@astro/domain';
import { problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';

@Component({
  selector: 'ab-catalogue-page',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalogue.page.html',
  styleUrl: './catalogue.page.css',
})
export class CataloguePage {
  private readonly api = injectApi();

  protected readonly catalogue = resource({
    id: 'customer.catalogue.list',
    loader: () => this.api.catalogue.list.query({}),
  });

  constructor() {
    inject(Meta).updateTag({
      name: 'description',
      content:
        'Book a seat on an upcoming space launch: suborbital hops, orbital flights, lunar trips and Mars expeditions.',
    });
  }

  protected destination(destination: Destination): string {
    return destinationLabels[destination];
  }

  protected price(cents: number, currency: string): string {
    return formatMoney(money(cents, currency as Currency));
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
