export type LogLevel = 'query' | 'info' | 'warn' | 'error';

export interface QueryEvent {
  query: string;
  params: string;
  /** Milliseconds. */
  duration: number;
  timestamp: Date;
}

export interface MessageEvent {
  message: string;
  timestamp: Date;
}

export type LogEvent = ({ level: 'query' } & QueryEvent) | ({ level: 'info' | 'warn' | 'error' } & MessageEvent);

export type LogOption = LogLevel[] | ((event: LogEvent) => void);

type Listener = (event: never) => void;

/**
 * Logging as Prisma Client does it: levels given to the constructor print to the console, or a
 * callback receives every event; `$on(level, fn)` adds listeners. Nothing is formatted unless
 * someone listens, so an idle logger costs one boolean check per query.
 */
export class Logger {
  private readonly listeners = new Map<LogLevel, Listener[]>();
  enabled = false;

  constructor(option: LogOption | undefined) {
    if (typeof option === 'function') {
      for (const level of ['query', 'info', 'warn', 'error'] as const) this.on(level, (e: never) => option({ level, ...(e as object) } as LogEvent));
    } else if (option) {
      for (const level of option) {
        this.on(level, (e: never) => {
          const ev = e as QueryEvent & MessageEvent;
          if (level === 'query') console.log(`kiln:query ${ev.query} ${ev.params} (${ev.duration.toFixed(2)} ms)`);
          else console[level === 'info' ? 'info' : level === 'warn' ? 'warn' : 'error'](`kiln:${level} ${ev.message}`);
        });
      }
    }
  }

  on(level: LogLevel, listener: Listener): void {
    const list = this.listeners.get(level) ?? [];
    list.push(listener);
    this.listeners.set(level, list);
    if (level === 'query') this.enabled = true;
  }

  query(sql: string, params: readonly unknown[], duration: number): void {
    const event: QueryEvent = { query: sql, params: safeJson(params), duration, timestamp: new Date() };
    for (const l of this.listeners.get('query') ?? []) (l as (e: QueryEvent) => void)(event);
  }

  message(level: 'info' | 'warn' | 'error', message: string): void {
    const event: MessageEvent = { message, timestamp: new Date() };
    for (const l of this.listeners.get(level) ?? []) (l as (e: MessageEvent) => void)(event);
  }
}

function safeJson(params: readonly unknown[]): string {
  try {
    return JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? `<${v.length} bytes>` : v));
  } catch {
    return '[unserializable]';
  }
}
