import { computed, Injectable, resource } from '@angular/core';
import { agencySuspendedMessage } from '@astro/domain';
import { injectApi } from './api';

/**
 * The signed-in supplier's agency, asked once per page load (on the server, handed to the browser): while it is
 * suspended the pages hide every action the API would refuse, and the shell says why.
 */
@Injectable({ providedIn: 'root' })
export class AgencyStanding {
  private readonly api = injectApi();
  readonly agency = resource({ id: 'supplier.agency.get', loader: () => this.api.agency.get.query() });
  readonly suspended = computed(() => this.agency.hasValue() && this.agency.value().status === 'suspended');
  readonly message = agencySuspendedMessage;
}
