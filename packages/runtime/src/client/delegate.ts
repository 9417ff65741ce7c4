import type { Queryable } from '../driver/driver.js';
import type { Action, Engine } from '../query/engine.js';
import { KilnPromise } from './kiln-promise.js';

/** Where a delegate's calls run: the client's engine, and the transaction's connection if any. */
export interface Scope {
  engine(): Engine;
  readonly tx: Queryable | null;
}

const ACTIONS: Action[] = [
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
];

/** The untyped model delegate; the generated client gives it its types. */
export class Delegate {
  constructor(
    readonly scope: Scope,
    readonly model: string,
  ) {}
}

for (const action of ACTIONS) {
  Object.defineProperty(Delegate.prototype, action, {
    value(this: Delegate, args?: unknown) {
      const scope = this.scope;
      const model = this.model;
      return new KilnPromise(() => scope.engine().run(model, action, args, scope.tx), {
        run: (conn) => scope.engine().run(model, action, args, conn),
      });
    },
  });
}
