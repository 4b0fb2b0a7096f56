/** A page's data from one tRPC query, rendered by the server in whichever state it ends in, and hydrated as it was. */
import {
  PLATFORM_ID,
  RESPONSE_INIT,
  TransferState,
  inject,
  makeStateKey,
  resource,
  type ResourceLoaderParams,
  type ResourceParamsContext,
  type ResourceRef,
} from '@angular/core';
import { isPlatformServer } from '@angular/common';
import { isCallError, problemCode } from './errors.ts';

/** A query that failed while the server rendered: its input, and the error as the API sent it. */
interface FailedQuery {
  params: string;
  error: { message: string; code: number; data: unknown };
}

export interface QueryResourceOptions<T, P> {
  /** The procedure's name, e.g. `customer.catalogue.launch`: the query's key in the page's transfer state. */
  id: string;
  /** The query's input; `undefined` while it cannot be asked yet (say, before the person is known). */
  params?: (context: ResourceParamsContext) => P;
  loader: (params: ResourceLoaderParams<P>) => PromiseLike<T>;
  /**
   * Set on the query for the one thing the page's address names (a launch by its slug, a booking by its id): when
   * the API has no such thing, or the address cannot name one, the server's response is a 404.
   */
  namedByTheAddress?: boolean;
}

/**
 * Angular's `resource` with an `id` carries a value from the server to the browser, but not an error: the browser
 * would start loading again (a second request, and a "Loading" that replaces the server's message). This one
 * records a failed query in the transfer state too, and the browser's first run of the same query fails with the
 * same error at once, without asking the API again.
 */
export function queryResource<T, P>(options: QueryResourceOptions<T, P>): ResourceRef<T | undefined> {
  const state = inject(TransferState);
  const onServer = isPlatformServer(inject(PLATFORM_ID));
  const response = inject(RESPONSE_INIT, { optional: true });
  const failedKey = makeStateKey<FailedQuery>(`${options.id}.failed`);
  const paramsOf = options.params ?? ((() => null) as unknown as (context: ResourceParamsContext) => P);

  return resource({
    id: options.id,
    params: (context) => {
      const params = paramsOf(context);
      const failed = onServer || params === undefined ? null : state.get(failedKey, null);
      if (failed) {
        // Once only: a later change of input (another launch) asks the API.
        state.remove(failedKey);
        if (failed.params === JSON.stringify(params)) throw replayed(failed.error);
      }
      return params;
    },
    loader: async (request) => {
      try {
        return await options.loader(request);
      } catch (error) {
        if (onServer && isCallError(error) && error.shape) {
          state.set(failedKey, { params: JSON.stringify(request.params), error: error.shape as FailedQuery['error'] });
          if (options.namedByTheAddress && response && namesNothing(problemCode(error))) response.status = 404;
        }
        throw error;
      }
    },
  });
}

/** The error the server's render got, as `TRPCClientError.from` makes it of the same answer (without loading tRPC). */
function replayed(shape: FailedQuery['error']): Error {
  return Object.assign(new Error(shape.message), { name: 'TRPCClientError', shape, data: shape.data });
}

/** The API has no such thing, or the input from the address could not name one. */
const namesNothing = (code: string | null) => code === 'NOT_FOUND' || code === 'BAD_REQUEST';
