import { Pipe, type PipeTransform } from '@angular/core';
import { formatMoney, money, type Currency } from '@astro/domain';

/** `{{ cents | money: currency }}` → "$1,250.00", as every page and e-mail writes amounts. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(cents: number, currency: string): string {
    return formatMoney(money(cents, currency as Currency));
  }
}
