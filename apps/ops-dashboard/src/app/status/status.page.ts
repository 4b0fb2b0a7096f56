import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, resource } from '@angular/core';
import { problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';

@Component({
  selector: 'ab-status-page',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './status.page.html',
  styleUrl: './status.page.css',
})
export class StatusPage {
  private readonly api = injectApi();

  protected readonly status = resource({
    id: 'ops.status.get',
    loader: () => this.api.status.get.query(),
  });

  protected refresh(): void {
    this.status.reload();
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
