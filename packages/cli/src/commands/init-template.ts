/** The databases `kiln init` can set up, with a local default connection URL for each. */
export const PROVIDERS = {
  sqlite: { url: 'file:./dev.db' },
  postgresql: { url: 'postgresql://postgres@127.0.0.1:5432/mydb' },
  mysql: { url: 'mysql://root@127.0.0.1:3306/mydb' },
} as const satisfies Record<string, { url: string }>;

export type Provider = keyof typeof PROVIDERS;

export const PROVIDER_NAMES = Object.keys(PROVIDERS) as Provider[];

export function isProvider(value: string): value is Provider {
  return Object.hasOwn(PROVIDERS, value);
}

/** The starter schema. Written in the formatter's style, so `kiln format --check` passes on it. */
export function starterSchema(provider: Provider): string {
  return `// This is your Kiln schema. Describe your models here, then run \`kiln validate\`.

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "kiln"
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
}
`;
}

export function envLine(provider: Provider): string {
  return `DATABASE_URL="${PROVIDERS[provider].url}"\n`;
}
