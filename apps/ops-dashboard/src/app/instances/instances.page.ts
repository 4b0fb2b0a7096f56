import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, resource } from '@angular/core';
import { problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';

@Component({
  selector: 'ab-instances-page',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './instances.page.html',
  styleUrl: './instances.page.css',
})
export class InstancesPage {
  private readonly api = injectApi();

  protected readonly list = resource({
    id: 'ops.instances.list',
    loader: () => this.api.instances.list.query(),
  });

  protected refresh(): void {
    this.list.reload();
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
