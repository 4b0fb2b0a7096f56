import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';
import { Viewer } from '../viewer';

@Component({
  selector: 'ab-agencies-page',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Agencies</h1>
        <p class="ab-lead">Every launch provider on Astro Bookings, with its fleet and its launches still to fly.</p>
      </div>
      @if (viewer.isAdmin()) {
        <a class="ab-button" routerLink="/agencies/new">Onboard an agency</a>
      }
    </div>
    @if (agencies.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (agencies.hasValue()) {
      @let list = agencies.value().agencies;
      @if (list.length === 0) {
        <p class="ab-notice">No agency has been onboarded yet.</p>
      } @else {
        <div class="ab-panel ab-table-region" role="region" aria-labelledby="agencies-caption" tabindex="0">
          <table class="ab-table">
            <caption id="agencies-caption" class="ab-visually-hidden">
              Agencies
            </caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Legal name</th>
                <th scope="col">Contact</th>
                <th scope="col">Status</th>
                <th scope="col" class="ab-number">Active rockets</th>
                <th scope="col" class="ab-number">Upcoming launches</th>
                <th scope="col">Onboarded</th>
              </tr>
            </thead>
            <tbody>
              @for (agency of list; track agency.id) {
                <tr>
                  <td>
                    <a [routerLink]="['/agencies', agency.id]">{{ agency.displayName }}</a>
                  </td>
                  <td>{{ agency.legalName }}</td>
                  <td>
                    <a [href]="'mailto:' + agency.contactEmail">{{ agency.contactEmail }}</a>
                  </td>
                  <td>
                    @if (agency.status === 'active') {
                      <span class="ab-badge ab-badge--good">Active</span>
                    } @else {
                      <span class="ab-badge ab-badge--bad">Suspended</span>
                    }
                  </td>
                  <td class="ab-number">{{ agency.rockets }}</td>
                  <td class="ab-number">{{ agency.upcomingLaunches }}</td>
                  <td>
                    <time [attr.datetime]="agency.onboardedAt">{{ agency.onboardedAt | date: 'd MMM y' : 'UTC' }}</time>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <p class="ab-notice" role="status">Loading agencies…</p>
    }
  `,
})
export class AgenciesPage {
  private readonly api = injectApi();
  protected readonly viewer = inject(Viewer);

  protected readonly agencies = resource({
    id: 'admin.agencies.list',
    loader: () => this.api.agencies.list.query(),
  });

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
